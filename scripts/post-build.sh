#!/bin/sh
# Trunk post_build hook. Trunk runs the hooks of one stage all at once, so the steps
# that must follow each other are one hook: the CSP goes into index.html first, then
# the service worker's precache list and version hash take in the final index.html.
set -eu
here=$(dirname "$0")
node "$here/csp-meta.mjs"
sh "$here/sw-precache.sh"
# Precompressed copies of the content-hashed files (the wasm, its JS glue, the CSS) for
# hosts that serve them as they are (nginx gzip_static/brotli_static, Caddy
# precompressed, S3/OSS with Content-Encoding set): after the precache list, so the
# service worker never names them. index.html, sw.js and sw-register.js keep one name
# across builds and are small: they are compressed on the fly, never stale.
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
for f in *.wasm *.js *.css; do
  case "$f" in sw.js|sw-register.js|'*'*) continue ;; esac
  [ -f "$f" ] || continue
  gzip -9 -n -k -f "$f"
  if command -v brotli >/dev/null 2>&1; then brotli -q 11 -k -f "$f"; fi
done
