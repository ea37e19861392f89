#!/usr/bin/env bash
# Benchmarks print figures; they never pass or fail.
#   1. the app's download size (wasm raw / gzip / brotli)
#   2. the data core against Dexie in one headless Chromium page: bulk write and full
#      load of 10k and 100k customer documents, and merging a 50k-record snapshot
#   3. customer search per keystroke over 50k generated customers (index build ms; p50/p95/max
#      of search_positions — the ranked top 50 and every match in one pass, narrowing while
#      typing — replaying typed pinyin, phone, Chinese and Latin queries, and each keystroke
#      cold) against uFuzzy's filter+info+sort on the same text
#   4. a 10k-row CSV import (parse, validate, build documents, apply_local with outbox)
#      against a plain bulk put of the same documents
#   5. opening the customer list at 10k and 50k: read by kind, assemble, derive, sort, index
#   6. the real app at 50k customers (BENCH_APP_ROWS): a CSV imported through the import
#      page, a page reload until every customer is listed, scroll frame times, a search
#   7. seals: signing and verifying 50k entries with Ed25519 in wasm (issue 15)
#   8. Lighthouse, mobile preset, against dist/ served by the reference nginx
#      (scripts/lighthouse.sh: scores, FCP/LCP/TBT, bytes, failed audits)
# BENCH_ONLY=core|search|import|list|app|seal|lighthouse runs one part.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
bash scripts/build.sh

if [ "${BENCH_ONLY:-}" = lighthouse ]; then
  bash scripts/lighthouse.sh
  exit 0
fi
step "bench build (feature bench, into target/dist-bench)"
trunk build --release --offline --features bench --dist target/dist-bench >/dev/null
step "data core vs Dexie, search vs uFuzzy, CSV import"
node tests/e2e/bench.mjs
[ -n "${BENCH_ONLY:-}" ] || bash scripts/lighthouse.sh
