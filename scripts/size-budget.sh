#!/usr/bin/env bash
# The first screen's download budget (issue 17): the brotli size of every file
# dist/index.html loads before the first screen draws — today the whole app: one wasm
# module, its JS glue, the CSS and the service-worker registration. Fails above the
# budget, naming the size, so the download does not creep back up unnoticed.
# Lower OUTPOST_FIRST_SCREEN_BUDGET_KB's default when a change makes the app smaller;
# raise it only with the reason in the commit message.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
budget_kb="${OUTPOST_FIRST_SCREEN_BUDGET_KB:-1980}"
[ -f dist/index.html ] || { echo "size budget: dist/index.html missing (run scripts/build.sh)" >&2; exit 1; }
# Every quoted file name the page loads: the loader's import and wasm, stylesheets, scripts.
files=$(grep -oE "[\"'](\./)?[A-Za-z0-9_.-]+\.(wasm|js|css)[\"']" dist/index.html | tr -d "\"'" | sed 's|^\./||' | sort -u)
total=0
printf '%-40s %10s\n' "first screen (brotli -q 11)" bytes
for f in $files; do
  [ -f "dist/$f" ] || { echo "size budget: index.html names dist/$f, which is missing" >&2; exit 1; }
  # The build's own precompressed copy when there is one (scripts/post-build.sh).
  if [ -f "dist/$f.br" ]; then br=$(stat -c %s "dist/$f.br"); else br=$(brotli -q 11 -c "dist/$f" | wc -c); fi
  printf '%-40s %10s\n' "$f" "$br"
  total=$((total + br))
done
kb=$(( (total + 1023) / 1024 ))
printf '%-40s %10s  (%s KB; budget %s KB)\n' total "$total" "$kb" "$budget_kb"
if [ "$kb" -gt "$budget_kb" ]; then
  echo "size budget exceeded: the first screen downloads $kb KB brotli, over the budget of $budget_kb KB." >&2
  echo "Find what grew (scripts/wasm-size.sh, twiggy) or move it out of the first screen." >&2
  exit 1
fi
