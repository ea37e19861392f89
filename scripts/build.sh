#!/usr/bin/env bash
# Release build of the app into dist/ (offline: trunk never downloads), then its sizes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
step "trunk build --release (wasm-opt -Oz)"
trunk build --release --offline
bash scripts/wasm-size.sh
