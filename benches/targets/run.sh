#!/usr/bin/env bash
# The service targets of issue 7 on the domain corpus (seed + trove + reliefweb + reuters),
# each measured RUNS times (default 3) and reported as the median with every run beside it:
# - indexing wall time, enrichment included (`pressroom index`, a fresh index each run);
# - all six facets requested, closed loop, 4 connections over HTTP, DURATION seconds
#   (default 30): p50, p99 and requests/s; the HTML report of the median run is kept;
# - the server's peak resident memory (VmHWM) after each run;
# - HTTP p50 beside in-process p50, one connection, the same queries.
#   [PRESSROOM_BIN=path] benches/targets/run.sh [RUNS] [DURATION] [--merge]
# With --merge, every build is `pressroom index --merge` (one segment).
# Results go to $PRESSROOM_BENCH_OUT (default target/bench-targets): runs.json, report-*/.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${PRESSROOM_SHARED:-../shared}"
runs="${1:-3}"
duration="${2:-30}"
merge=()
if [ "${3:-}" = "--merge" ]; then merge=(--merge); fi
out="${PRESSROOM_BENCH_OUT:-target/bench-targets}"
queries="$shared/queries/domain-dev.jsonl"
if [ ! -f "$queries" ]; then
  echo "skipped: $queries not found (set PRESSROOM_SHARED)" >&2
  exit 0
fi
sources=("$shared/corpus/seed" "$shared/corpus/trove-refugees" "$shared/corpus/reliefweb" "$shared/corpus/reuters21578")
# PRESSROOM_BIN measures another build (an older release, for before/after tables).
if [ -n "${PRESSROOM_BIN:-}" ]; then
  binary="$PRESSROOM_BIN"
else
  cargo build --release --quiet
  binary=target/release/pressroom
fi
mkdir -p "$out"
work="$(mktemp -d)"
port=7870
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  "$binary" serve --index "$work/index" --addr "127.0.0.1:$port" 2>/dev/null &
  server=$!
  for _ in $(seq 100); do
    if curl -sf "http://127.0.0.1:$port/ready" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the server did not become ready" >&2
  exit 1
}

stop_server() {
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

echo "[]" > "$work/runs.json"
for run in $(seq "$runs"); do
  rm -rf "$work/index"
  start=$(date +%s.%N)
  "$binary" index "${merge[@]}" --index "$work/index" "${sources[@]}" >/dev/null 2>&1
  index_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)

  start_server
  "$binary" bench --url "http://127.0.0.1:$port" --queries "$queries" --concurrency 4 \
    --duration "$duration" --warmup 3 --json "$work/c4-$run.json" --report "$out/report-$run" >/dev/null 2>&1
  peak_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
  "$binary" bench --url "http://127.0.0.1:$port" --queries "$queries" --concurrency 1 \
    --requests 1600 --warmup 2 --json "$work/http-$run.json" >/dev/null 2>&1
  stop_server
  "$binary" bench --in-process --index "$work/index" --queries "$queries" --concurrency 1 \
    --requests 1600 --warmup 2 --json "$work/inproc-$run.json" >/dev/null 2>&1

  python3 - "$work" "$run" "$index_seconds" "$peak_kb" <<'EOF'
import json, sys
work, run, index_seconds, peak_kb = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
def overall(name):
    return json.load(open(f"{work}/{name}-{run}.json"))["overall"]
c4, http, inproc = overall("c4"), overall("http"), overall("inproc")
runs = json.load(open(f"{work}/runs.json"))
runs.append({
    "run": int(run), "index_s": round(index_seconds, 1), "server_peak_rss_mb": round(peak_kb / 1024, 1),
    "c4_p50_us": c4["p50_us"], "c4_p99_us": c4["p99_us"], "c4_qps": round(c4["qps"], 1),
    "c4_errors": c4["errors"], "http_p50_us": http["p50_us"], "in_process_p50_us": inproc["p50_us"],
    "http_over_in_process": round(http["p50_us"] / inproc["p50_us"], 2),
})
json.dump(runs, open(f"{work}/runs.json", "w"), indent=1)
print(f"run {run}: " + ", ".join(f"{k} {v}" for k, v in runs[-1].items() if k != "run"), file=sys.stderr)
EOF
done

python3 - "$work/runs.json" "$out/runs.json" <<'EOF'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))
json.dump(runs, open(sys.argv[2], "w"), indent=1)
rows = [
    ("indexing, enrichment included (s)", "index_s", "≤ 20"),
    ("server peak RSS (MB)", "server_peak_rss_mb", "≤ 300"),
    ("c=4, six facets: p50 (µs)", "c4_p50_us", ""),
    ("c=4, six facets: p99 (µs)", "c4_p99_us", "≤ 5,000"),
    ("c=4, six facets: requests/s", "c4_qps", ""),
    ("c=4 errors", "c4_errors", "0"),
    ("c=1 HTTP p50 (µs)", "http_p50_us", ""),
    ("c=1 in-process p50 (µs)", "in_process_p50_us", ""),
    ("HTTP p50 ÷ in-process p50", "http_over_in_process", "≤ 1.3"),
]
print(f"| figure | median of {len(runs)} | runs | target |")
print("|---|---|---|---|")
for label, key, target in rows:
    values = [run[key] for run in runs]
    print(f"| {label} | {statistics.median(values)} | {', '.join(str(v) for v in values)} | {target} |")
EOF
echo "runs: $out/runs.json; HTML reports: $out/report-*/index.html" >&2
