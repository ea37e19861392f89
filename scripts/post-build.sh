#!/bin/sh
# Trunk post_build hook. Trunk runs the hooks of one stage all at once, so the steps
# that must follow each other are one hook: the CSP goes into index.html first, then
# the service worker's precache list and version hash take in the final index.html.
set -eu
here=$(dirname "$0")
node "$here/csp-meta.mjs"
sh "$here/sw-precache.sh"
