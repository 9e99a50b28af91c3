#!/usr/bin/env bash
# The benchmark command: builds the native CLI (`cli` profile) and the release site, installs
# Pyodide (bench/package-lock.json, only here, so the test install stays lean), then runs
# bench/run.mjs: B1-B7 on the CLI, the wasm build in headless Chromium, CPython, Pyodide and
# plain JS; first load, rendering and memory. Writes docs/performance.md. Measures only: it
# never fails on a slow figure. Options go to bench/run.mjs (--runs N, --skip a,b);
# BENCH_NO_BUILD=1 reuses target/cli/aioplay and dist/ as they are.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  bash scripts/bootstrap.sh
  nice cargo build --quiet --profile cli --bin aioplay
  nice bash scripts/build.sh
fi
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
start=$(date +%s)
node bench/run.mjs "$@"
echo "[bench] measured in $(( $(date +%s) - start )) s"
