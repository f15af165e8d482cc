#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Presseschau. Idempotent: a second run takes seconds.
#   - the wasm32-unknown-unknown target (rustup)
#   - trunk 0.21.14 (0.22 needs a newer rustc than ours)
#   - wasm-bindgen-cli at exactly the version in Cargo.lock (installed without --locked, see ../shared/TOOLCHAIN.md)
#   - Debian's chromium + chromium-driver (browser tests), only with --browser
#   - binaryen (wasm-opt) and playwright-core from npm (no browser download)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (takes ~12 minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock 2>/dev/null || true)
WB_VERSION=${WB_VERSION:-0.2.130}
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  step "cargo install wasm-bindgen-cli $WB_VERSION (takes ~4 minutes once)"
  # --locked fails: its lockfile pins a webpki-roots the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ "$want_browser" = 1 ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    step "apt-get install chromium chromium-driver"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
  fi
fi

# npm: binaryen's wasm-opt (the release build shrinks the wasm with it; Debian's binaryen is too old) and
# playwright-core (browser tests; it downloads no browser).
if ! [ -d node_modules/binaryen ] || ! [ -d node_modules/playwright-core ]; then
  step "npm ci (binaryen for wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ -f Cargo.lock ]; then
  step "cargo fetch"
  cargo fetch --locked
fi
echo "setup: ok"
