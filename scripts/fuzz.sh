#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/) for SECONDS (default 60), one after the other, seeded
# from the conformance programs and presets. Needs nightly and cargo-fuzz 0.12.0 (installed
# here if missing). Crashes land in fuzz/artifacts/TARGET/; copy each into fuzz/regressions/
# once fixed (tests/fuzz_smoke.rs replays them on stable). Not part of scripts/test.sh.
# RSS grows under AddressSanitizer with the live heap small (parse_grammar reached 2 GiB RSS
# with 31 MB live), hence the 4 GiB RSS limit; one allocation over 1 GiB still fails. Leaks
# are not crashes here: objects in reference cycles are never freed (no cycle collector).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(parse_bytes parse_grammar run_program share_link)
if ! cargo fuzz --version 2>/dev/null | grep -q '0\.12\.0'; then
  cargo install cargo-fuzz --version 0.12.0 --locked
fi
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  cp -n tests/conformance/*.py www/presets/*.py fuzz/regressions/* "$corpus"/ 2>/dev/null || true
  echo "== $t for ${secs}s"
  (cd fuzz && nice -n 19 cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=1024 -detect_leaks=0 -print_final_stats=1) \
    2>&1 | tee "target/fuzz-$t.log" | grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY|Done)' || true
done
