#!/usr/bin/env bash
# The S3-compatible server the browser tests sign requests against (tests/web_s3_host.rs):
# npm @20minutes/s3rver (pinned in tests/e2e/package.json), on a free 127.0.0.1 port,
# over a fresh folder in .run/s3rver, with one bucket and a CORS rule (servers/s3rver.js).
#   bash scripts/s3-test-server.sh start   → prints the endpoint, e.g. http://127.0.0.1:41234
#   bash scripts/s3-test-server.sh stop    → stops it and removes its folder
# The bucket, key and secret the test uses are fixed below and in the test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
dir="$ROOT/.run/s3rver"
pidfile="$dir/pid"

case "${1:-}" in
start)
  [ -d tests/e2e/node_modules/@20minutes/s3rver ] || { echo "s3rver missing: run bash scripts/setup.sh" >&2; exit 1; }
  "$0" stop >/dev/null 2>&1 || true
  mkdir -p "$dir"
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  (cd tests/e2e && exec node servers/s3rver.js "$port" "$dir/data" outpost-test OUTPOSTTESTKEY 'test/secret+key=') \
    >"$dir/server.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 100); do
    grep -q '^ready' "$dir/server.log" 2>/dev/null && { echo "http://127.0.0.1:$port"; exit 0; }
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/server.log" >&2
  "$0" stop
  exit 1
  ;;
stop)
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
