#!/usr/bin/env bash
# The long sync soak (issue 14): PROPTEST_CASES (default 100 000) random interleavings of
# edits, sync rounds, host faults and clock skews on three tablets (tests/sync_soak.rs),
# in release. Prints the cases run and the time taken. The test command runs 2000.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
cases="${PROPTEST_CASES:-100000}"
cargo build --release --tests --offline --quiet
start=$(date +%s)
PROPTEST_CASES="$cases" cargo test --release --offline --quiet --test sync_soak
end=$(date +%s)
echo "sync soak: $cases cases in $((end - start)) s"
