#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh --browser), then runs the whole test suite:
#   1. formatting and lints
#   2. native tests: core, reducer, SSR component renders, architecture, seeds, CLI (cargo test)
#   3. the core alone, without the UI feature (as the CLI and other consumers build it)
#   4. the release build of the static site (trunk, wasm32; one prerendered page per route) and its sizes
#   5. browser tests (Playwright + Debian chromium) on dist/ over http://127.0.0.1 and file://
# Benchmarks are separate commands (see README); nothing here asserts on time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export INSTA_UPDATE=no CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native, all targets)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo test (native)"
cargo test --locked

step "cargo test --no-default-features --lib (core without the UI)"
cargo test --locked --no-default-features --lib

step "trunk build --release"
trunk build --release --offline=true
echo "dist/: $(ls dist | wc -l) files, $(du -sb dist | cut -f1) bytes"
for f in app.js app-full.js data.js style.css index.html "$(ls dist | grep -m1 '^a-')"; do
  echo "dist/$f: $(stat -c %s "dist/$f") bytes raw, $(gzip -9 -c "dist/$f" | wc -c) bytes gzip -9"
done

step "browser tests (Playwright, chromium) over http and file://"
node --test --test-concurrency=1 e2e/

echo
echo "test.sh: all green in $(( $(date +%s) - started ))s (plus set-up)"
