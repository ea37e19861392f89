#!/usr/bin/env bash
# Prints the size of the built wasm and JS glue: raw, gzip -9 and brotli -q 11.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
printf '%-34s %10s %10s %10s\n' file raw gzip brotli
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-34s %10s %10s %10s\n' "$(basename "$f" | sed -E 's/-[0-9a-f]{12,}//')" "$raw" "$gz" "$br"
done
