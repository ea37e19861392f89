#!/usr/bin/env bash
# The long property run: 100 000 cases per merge property (CI runs 2000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
PROPTEST_CASES="${PROPTEST_CASES:-100000}" cargo test --release --test merge_props
