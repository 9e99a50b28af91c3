#!/usr/bin/env bash
# Builds the release site into dist/ (wasm-opt -Oz) and prints what a first load downloads.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/bootstrap.sh
trunk build --release
# The tutorial's examples show their output before the playground loads (and without
# JavaScript): the CLI runs each block and writes its output and timeline into the page.
cargo run --quiet --bin aioplay -- prerender dist/tutorial.html
# tutorial.html changed: the offline service worker's build hash must cover the new page.
node scripts/offline.mjs dist
echo "dist/ sizes (raw -> gzip -9):"
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-48s %9d B -> %8d B\n' "$(basename "$f")" "$raw" "$gz"
done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort)
printf '  %-48s %9d B -> %8d B\n' "total (wasm + js + css)" "$total_raw" "$total_gz"
