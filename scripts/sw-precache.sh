#!/bin/sh
# Trunk post_build hook: writes the precache list and a content hash into the staged
# sw.js, so every build gets its own cache and the worker knows every file to keep.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$(for f in $files; do printf '"%s",' "$f"; done)
list=${list%,}
sed -i "s|__OUTPOST_VERSION__|$version|; s|/\*__OUTPOST_PRECACHE__\*/|$list|" sw.js
echo "sw-precache: version $version, $(echo "$files" | wc -l) files"
