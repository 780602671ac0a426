#!/usr/bin/env bash
# Fuzzes every target in fuzz/ for a bounded time with cargo-fuzz (libFuzzer): search
# parameters, query syntax, and each reader. New interesting inputs land in
# fuzz/corpus/<target>/ (minimised after each run, committed: tests/fuzz_regressions.rs
# replays them in CI); a crash is saved in fuzz/artifacts/<target>/ and fails the script —
# once fixed, move the input into fuzz/corpus/<target>/ so CI keeps replaying it.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]      (default 60 s, every target)
# Needs cargo-fuzz (`cargo install cargo-fuzz`); the stable toolchain runs it with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes nightly-only sanitizer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(search_params query_syntax document_search reader_jsonl reader_reliefweb reader_reuters reader_pages)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
status=0
for target in "${targets[@]}"; do
  echo "== $target (${seconds} s)"
  log="$(mktemp)"
  if cargo fuzz run --release "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E "stat::number_of_executed_units|stat::new_units_added|Done [0-9]+ runs" "$log" | sed "s/^/   /" || true
    # Keep the corpus small: the fewest inputs with the same coverage.
    cargo fuzz cmin --release "$target" "fuzz/corpus/$target" >/dev/null 2>&1 || true
    echo "   corpus: $(ls "fuzz/corpus/$target" | wc -l) inputs after minimisation"
  else
    status=1
    echo "   CRASH — see fuzz/artifacts/$target/"
    grep -E "panicked|ERROR|SUMMARY" "$log" | head -5 | sed "s/^/   /" || true
  fi
  rm -f "$log"
done
exit "$status"
