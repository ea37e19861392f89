# Sourced by every script: repo root, PATH with cargo's and the project's local tools.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# nginx lives in /usr/sbin, which a minimal (non-login) PATH may lack.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/.tools/binaryen/node_modules/.bin:$PATH:/usr/sbin:/sbin"
# Trunk must never download anything; it also passes --offline to cargo.
export TRUNK_OFFLINE=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Not "NGINX": nginx reads that variable as a list of inherited sockets.
export NGINX_BIN="${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# step NAME: prints a timestamped heading; elapsed seconds of the previous step.
_step_start=$(date +%s)
step() {
  local now; now=$(date +%s)
  printf '\n==> %s  (+%ss)\n' "$*" "$((now - _step_start))"
  _step_start=$now
}

# The wasm-bindgen version Cargo.lock pins; wasm-bindgen-cli must match it exactly.
lock_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
