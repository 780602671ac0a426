#!/usr/bin/env bash
# Scaling: the search-benchmark-game queries (962, ../shared/corpus/enwiki) on Wikipedia split
# into ~1 KB passages, at 10k, 100k and all passages: index size, indexing time, and
# in-process latency (no facets, one thread; then all default facets) per size.
#   benches/scaling/run.sh [REQUESTS]      (default 2,000 measured requests per size)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${PRESSROOM_SHARED:-../shared}"
requests="${1:-2000}"
queries="$shared/corpus/enwiki/search-benchmark-game_queries.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
python3 benches/scaling/passages.py "$shared/corpus/enwiki/enwiki_2015_20k.jsonl.gz" "$work"
printf "%-9s %10s %10s %10s %12s %12s %12s %12s\n" size passages "index MB" "build s" "p50 µs" "p99 µs" "p50 facets" "p99 facets"
for size in 10k 100k all; do
  file="$work/passages-$size.jsonl"
  count=$(wc -l < "$file")
  build=$(./target/release/pressroom index --index "$work/index-$size" "$file" 2>/dev/null | grep -oE "in [0-9.]+ s" | head -1 | grep -oE "[0-9.]+")
  bytes=$(du -sb "$work/index-$size"/gen-* | awk '{ total += $1 } END { print total }')
  plain=$(./target/release/pressroom bench --in-process --index "$work/index-$size" --queries "$queries" --facets "" --concurrency 1 --requests "$requests" --warmup 2 --json "$work/plain-$size.json" 2>/dev/null >/dev/null; python3 -c "import json,sys; o=json.load(open('$work/plain-$size.json'))['overall']; print(o['p50_us'], o['p99_us'])")
  faceted=$(./target/release/pressroom bench --in-process --index "$work/index-$size" --queries "$queries" --concurrency 1 --requests "$requests" --warmup 2 --json "$work/facets-$size.json" 2>/dev/null >/dev/null; python3 -c "import json,sys; o=json.load(open('$work/facets-$size.json'))['overall']; print(o['p50_us'], o['p99_us'])")
  printf "%-9s %10s %10.1f %10s %12s %12s %12s %12s\n" "$size" "$count" "$(echo "$bytes / 1000000" | bc -l)" "$build" $plain $faceted
done
