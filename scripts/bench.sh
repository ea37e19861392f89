#!/usr/bin/env bash
# Benchmarks print figures; they never pass or fail. Today: the app's download size.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
bash scripts/build.sh
# Storage and merge benchmarks against Dexie (data-core issue) go here, run in the
# same headless Chromium session and printed as figures with their ratio to the peer.
