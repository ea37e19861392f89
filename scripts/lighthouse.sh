#!/usr/bin/env bash
# Lighthouse (mobile preset: a mid-range phone, simulated slow 4G) against the built dist/
# served by the reference nginx on 127.0.0.1, in Debian's Chromium. Prints the scores and
# the figures behind them, and every accessibility or best-practice audit that fails.
# A benchmark: it prints figures and never fails on them. Run by `scripts/bench.sh`
# (BENCH_ONLY=lighthouse for this part alone); needs a built dist/ (scripts/build.sh).
#
# Lighthouse is installed on first use into target/lighthouse (not a test dependency:
# the test command does not need it and a fresh machine's test run stays lighter).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
LH_VERSION=13.5.0
LH_DIR="$ROOT/target/lighthouse"
RUNS="${LH_RUNS:-3}"

[ -f dist/index.html ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LH_VERSION\"" "$LH_DIR/node_modules/lighthouse/package.json" 2>/dev/null; then
  step "install lighthouse $LH_VERSION into target/lighthouse"
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" --no-save --no-audit --no-fund "lighthouse@$LH_VERSION" >/dev/null
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
conf=$(bash scripts/nginx-conf.sh "$port" dist "$work/sync" "$work/nginx")
"$NGINX_BIN" -p "$work/nginx" -c "$conf" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

rm -rf "$LH_DIR/reports"; mkdir -p "$LH_DIR/reports"
step "lighthouse $LH_VERSION, mobile preset, $RUNS runs against http://127.0.0.1:$port/"
for i in $(seq "$RUNS"); do
  CHROME_PATH="$CHROMIUM" "$LH_DIR/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/" \
    --quiet --output=json --output-path="$LH_DIR/reports/run-$i.json" \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$work/run-$i.log" \
    || { echo "run $i failed:" >&2; tail -20 "$work/run-$i.log" >&2; exit 1; }
done
node "$ROOT/scripts/lighthouse-report.mjs" "$LH_DIR"/reports/run-*.json
echo "  reports: target/lighthouse/reports/run-*.json (open in https://googlechrome.github.io/lighthouse/viewer/)"
