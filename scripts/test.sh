#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh --browser), then runs the whole test suite:
#   1. formatting and lints
#   2. native tests: core, reducer, SSR component renders, architecture, seeds, CLI (cargo test)
#   3. the core alone, without the UI feature (as the CLI and other consumers build it)
#   4. the release build of the app (trunk, wasm32, wasm inlined for file://) and its sizes
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
ls -l dist
raw=$(stat -c %s dist/index.html)
gz=$(gzip -9 -c dist/index.html | wc -c)
echo "dist/index.html: $raw bytes raw, $gz bytes gzip -9"

step "browser tests (Playwright, chromium) over http and file://"
node --test --test-concurrency=1 e2e/

echo
echo "test.sh: all green in $(( $(date +%s) - started ))s (plus set-up)"
