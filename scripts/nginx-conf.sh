#!/usr/bin/env bash
# nginx-conf.sh PORT DIST_DIR SYNC_DIR PREFIX_DIR — writes PREFIX_DIR/nginx.conf for a
# foreground nginx serving DIST_DIR at / and /outpost/ and SYNC_DIR as WebDAV at /sync/
# (and SYNC_DIR-auth behind a login at /sync-auth/, SYNC_DIR-nolist without listing at
# /sync-nolist/).
# Start it with: nginx -p PREFIX_DIR -c PREFIX_DIR/nginx.conf
set -euo pipefail
port=$1; dist=$(realpath "$2"); sync=$(mkdir -p "$3" && realpath "$3"); prefix=$(mkdir -p "$4" && realpath "$4")
mkdir -p "$prefix/tmp" "$sync-auth" "$sync-nolist"
# A login for /sync-auth/ (user "outpost", password from $SYNC_PASSWORD, default "outpost-dev").
printf 'outpost:%s\n' "$(openssl passwd -apr1 "${SYNC_PASSWORD:-outpost-dev}")" > "$prefix/htpasswd"
user=""
# Workers run as nobody by default and could not write the sync folder root owns.
[ "$(id -u)" -eq 0 ] && user="user root;"
# Brotli copies are served where Debian's brotli_static module is installed (setup.sh
# installs it); without it the template's placeholders stay empty and gzip is served.
brotli_module="" brotli_static=""
mod=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -f "$mod" ]; then brotli_module="load_module $mod;"; brotli_static="brotli_static on;"; fi
sed -e "s|@BROTLI_MODULE@|$brotli_module|g" -e "s|@BROTLI_STATIC@|$brotli_static|g" -e "s|@PORT@|$port|g" -e "s|@DIST@|$dist|g" -e "s|@SYNC@|$sync|g" -e "s|@PREFIX@|$prefix|g" -e "s|@USER@|$user|g" \
  "$(dirname "${BASH_SOURCE[0]}")/nginx.conf.template" > "$prefix/nginx.conf"
echo "$prefix/nginx.conf"
