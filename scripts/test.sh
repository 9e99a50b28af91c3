#!/usr/bin/env bash
# Runs every test: (1) native cargo test, (2) browser tests in headless Chromium
# (wasm-pack), (3) end-to-end tests of the release build driven by playwright-core.
# Prints each runner's summary and fails when any suite fails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

suite() { printf '\n\033[1m=== %s ===\033[0m\n' "$*"; }

suite "1/3 native: cargo fmt --check, clippy, cargo test"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test --all-targets

suite "2/3 browser: wasm-pack test --headless --chrome"
node scripts/bundle-editor.mjs
wasm-pack test --headless --chrome -- --test 'browser_*'

suite "3/3 end-to-end: release build + playwright-core in Chromium"
bash scripts/build.sh
node --test tests/e2e/*.test.mjs
