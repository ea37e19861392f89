#!/usr/bin/env bash
# THE main command: installs what is missing, builds the release app and serves it with
# a writable WebDAV sync folder from one nginx on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
PORT="${PORT:-8080}"

bash scripts/setup.sh
bash scripts/build.sh

step "serve"
conf=$(bash scripts/nginx-conf.sh "$PORT" dist .run/sync .run/nginx)
"$NGINX_BIN" -p "$ROOT/.run/nginx" -c "$conf" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; echo; echo "stopped"' INT TERM EXIT
sleep 0.5
kill -0 "$pid" 2>/dev/null || { cat .run/nginx/error.log >&2; exit 1; }
cat <<MSG

  Outpost is running:
    app           http://127.0.0.1:$PORT/
    sub-path      http://127.0.0.1:$PORT/outpost/
    sync folder   http://127.0.0.1:$PORT/sync/   (WebDAV PUT; files in .run/sync/)

  Open two browser windows to play two devices. Ctrl-C stops the server.
MSG
wait "$pid"
