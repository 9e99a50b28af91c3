#!/usr/bin/env bash
# Builds the playground and serves it on http://127.0.0.1:8080 (rebuilds on change).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/build.sh
echo "Serving the playground on http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve --release --address 127.0.0.1 --port 8080
