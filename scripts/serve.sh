#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh), then builds the app and serves it on
# http://127.0.0.1:8080 with live reload. For the offline folder: `trunk build --release` and open
# dist/index.html from disk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}" --offline=true "$@"
