#!/usr/bin/env bash
# The sync simulation (issue 19): teams of 20, 200 and 1,000 devices over three years of
# work on the in-memory host, without and with compaction; prints the README's table.
# Arguments go to the simulation: team sizes, `--rounds N` (sync rounds a working day),
# `--only on|off`. Natively, in the `sim` profile (optimised for speed, not size).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
step "build (profile sim)"
cargo build --offline --profile sim --example sync_sim
step "simulate"
"${CARGO_TARGET_DIR:-$ROOT/target}/sim/examples/sync_sim" "$@"
step "done"
