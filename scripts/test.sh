#!/usr/bin/env bash
# THE test command: every layer, in order, on a fresh machine or a warm one.
#   0. gates: cargo fmt --check, clippy -D warnings (native and wasm32)
#   1. native cargo test (domain, pure sync, storage port)      — includes doctests and
#      tests/layers.rs, which fails if a layer imports one above it
#   2. wasm-bindgen-test in headless Chromium (real IndexedDB)
#   3. release build, the first screen's size budget (scripts/size-budget.sh), Playwright
#      end to end against nginx on 127.0.0.1
# Every layer runs even if an earlier one failed; the exit code is non-zero if any did.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
export PROPTEST_CASES="${PROPTEST_CASES:-2000}"
export CI="${CI:-}"
logs="$ROOT/target/test-logs"
mkdir -p "$logs"
failed_layers=()
passed=0
failed=0

# Adds up "N passed; M failed" from cargo/wasm-bindgen-test summaries in a log.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed;' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}

bash scripts/setup.sh || { echo "setup failed" >&2; exit 1; }

step "0/3 gates: rustfmt, clippy (native and wasm32, warnings are errors)"
cargo fmt --check 2>&1 | tee "$logs/fmt.log" | tail -40
[ "${PIPESTATUS[0]}" -eq 0 ] || { failed_layers+=(fmt); echo "rustfmt: run 'cargo fmt'" >&2; }
cargo clippy --offline --all-targets -- -D warnings 2>&1 | tee "$logs/clippy.log" | grep -E '^(error|warning)' -A6 | head -80
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(clippy)
cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings 2>&1 | tee "$logs/clippy-wasm.log" | grep -E '^(error|warning)' -A6 | head -80
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(clippy-wasm)

step "1/3 native: cargo test (PROPTEST_CASES=$PROPTEST_CASES)"
# --no-fail-fast: every test binary runs, so one failure does not hide the others.
cargo test --offline --no-fail-fast 2>&1 | tee "$logs/native.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(native)
count_cargo "$logs/native.log"

step "2/3 browser: wasm-bindgen-test in headless Chromium"
# tests/web_s3_host.rs signs requests against a real S3-compatible server on 127.0.0.1;
# started here, stopped right after (and on any exit).
trap 'bash scripts/s3-test-server.sh stop >/dev/null 2>&1' EXIT
s3_endpoint=$(bash scripts/s3-test-server.sh start) || { failed_layers+=(s3-server); s3_endpoint=; }
OUTPOST_S3_TEST_ENDPOINT="$s3_endpoint" \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --offline --no-fail-fast --target wasm32-unknown-unknown --tests 2>&1 | tee "$logs/browser.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(browser)
count_cargo "$logs/browser.log"
bash scripts/s3-test-server.sh stop

step "3/3 end to end: release build + Playwright"
if bash scripts/build.sh 2>&1 | tee "$logs/build.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  # The first screen's download may not grow past its budget (issue 17).
  bash scripts/size-budget.sh 2>&1 | tee "$logs/size.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(size-budget)
  (cd tests/e2e && npx playwright test) 2>&1 | tee "$logs/e2e.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed_layers+=(e2e)
  p=$(grep -Eo '^ *[0-9]+ passed' "$logs/e2e.log" | tail -1 | tr -dc 0-9)
  f=$(grep -Eo '^ *[0-9]+ failed' "$logs/e2e.log" | tail -1 | tr -dc 0-9)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
else
  failed_layers+=(build)
fi

step "summary"
[ ${#failed_layers[@]} -eq 0 ] || echo "failed layers: ${failed_layers[*]}"
echo "screenshots: tests/e2e/screenshots/"
echo "$passed passed, $failed failed"
[ ${#failed_layers[@]} -eq 0 ]
