#!/usr/bin/env bash
# Runs every test: (1) native cargo test, (2) browser tests in headless Chromium
# (wasm-pack), (3) end-to-end tests of the release build driven by playwright-core.
# Prints each runner's summary and fails when any suite fails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

suite() { printf '\n\033[1m=== %s ===\033[0m\n' "$*"; }

suite "1/3 native: no merge-conflict markers, cargo fmt --check, clippy, cargo test"
# Merge-conflict markers left in a tracked file (a merge once left them in README.md). A lone
# `=======` is also a setext heading's underline in Markdown and RST, so there it is left to
# the `<<<<<<< `/`>>>>>>> ` lines around it; no other tracked file has such a line.
markers=$(git grep -nI -E '^(<<<<<<< |>>>>>>> |=======$)') || [ $? -eq 1 ] # 1: none found
markers=$(printf '%s\n' "$markers" | grep -vE '^[^:]+\.(md|rst):[0-9]+:=======$' || true)
if [ -n "$markers" ]; then
  printf 'merge-conflict markers in tracked files:\n%s\n' "$markers" >&2
  exit 1
fi
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test --all-targets

suite "2/3 browser: wasm-pack test --headless --chrome"
node scripts/bundle-editor.mjs
wasm-pack test --headless --chrome -- --test 'browser_*'

suite "3/3 end-to-end: release build + playwright-core in Chromium"
bash scripts/build.sh
node --test tests/e2e/*.test.mjs
