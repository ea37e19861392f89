#!/usr/bin/env bash
# Installs whatever is missing for building, serving and testing Outpost on Debian with
# rustup's Rust. Idempotent: every step checks first, so a second run takes seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
TRUNK_VERSION=0.21.14   # 0.22 needs rustc >= 1.96
BINARYEN_VERSION=132.0.0 # Debian's binaryen 108 breaks the optimised app (docs/toolchain.md)
WSGIDAV_VERSION=4.4.0    # a second WebDAV server for the sync e2e tests (docs/sync-hosts.md)
CHEROOT_VERSION=11.1.2

step "rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "rustfmt and clippy (the test command's gates)"
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

step "Debian packages (chromium, chromium-driver, nginx with brotli_static, brotli, a CJK font for screenshots)"
missing=()
for pkg in chromium chromium-driver nginx-light libnginx-mod-http-brotli-static brotli fonts-wqy-microhei python3-venv; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "ok: $(chromium --version 2>/dev/null | head -1); nginx $(nginx -v 2>&1 | sed 's/.*\///')"

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
trunk --version

step "wasm-bindgen-cli (must equal Cargo.lock)"
want=$(lock_wasm_bindgen)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
  # Not --locked: its own lockfile names a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi
wasm-bindgen --version
grep -q "wasm_bindgen = \"$want\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $want" >&2; exit 1; }

step "wasm-opt (binaryen $BINARYEN_VERSION from npm)"
if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  mkdir -p .tools/binaryen
  (cd .tools/binaryen && [ -f package.json ] || echo '{"private":true}' > package.json
   npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi
wasm-opt --version

step "WsgiDAV $WSGIDAV_VERSION in a venv at .tools/wsgidav (PyPI)"
if [ "$(.tools/wsgidav/bin/wsgidav --version 2>/dev/null || true)" != "$WSGIDAV_VERSION" ]; then
  rm -rf .tools/wsgidav
  python3 -m venv .tools/wsgidav
  .tools/wsgidav/bin/pip install --quiet --disable-pip-version-check "wsgidav==$WSGIDAV_VERSION" "cheroot==$CHEROOT_VERSION"
fi
echo "ok: wsgidav $(.tools/wsgidav/bin/wsgidav --version)"

step "npm packages for the end-to-end tests (no browser download)"
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi
echo "ok: playwright $(cd tests/e2e && node -p 'require("@playwright/test/package.json").version')"

step "cargo fetch (so builds can run --offline)"
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
step "setup done"
