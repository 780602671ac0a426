#!/usr/bin/env bash
# Load under rebuilds: wrk at 64 connections for 60 s over the domain workload
# (../shared/queries/domain-dev.jsonl, all default facets) against `pressroom serve` on an
# index of the domain corpus, while the index is rebuilt into the served folder twice (the
# server switches to each new generation). Passes when no request fails and both swaps happen.
#   scripts/load_test.sh [SECONDS] [CONNECTIONS]      (defaults 110, 64)
# Needs wrk (Debian package `wrk`) and the shared data (PRESSROOM_SHARED, default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
# A rebuild of the domain corpus takes ~20 s alone but ~45 s under this load on 2 cores, so
# two rebuilds in a row need about 100 s: the default run is 110 s.
seconds="${1:-110}"
connections="${2:-64}"
shared="${PRESSROOM_SHARED:-../shared}"
port=7816
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
cargo build --release --quiet
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
sources=("$shared/corpus/seed" "$shared/corpus/trove-refugees" "$shared/corpus/reliefweb" "$shared/corpus/reuters21578")
echo "== building the domain index"
./target/release/pressroom index --index "$work/index" "${sources[@]}" 2>/dev/null | tail -2
./target/release/pressroom serve --index "$work/index" --addr "127.0.0.1:$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.2; done

# One request path per workload line.
python3 - "$shared/queries/domain-dev.jsonl" > "$work/paths.txt" <<'PY'
import json, sys, urllib.parse
for line in open(sys.argv[1]):
    if not line.strip():
        continue
    query = json.loads(line)
    params = [("q", query["q"])]
    for key, value in (query.get("filters") or {}).items():
        for item in value if isinstance(value, list) else [value]:
            params.append((key, str(item)))
    print("/api/search?" + urllib.parse.urlencode(params))
PY
cat > "$work/replay.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
local failures = 0
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-200 %d (this thread's count may be 0: see below), errors connect %d read %d write %d timeout %d\n",
    summary.requests, failures, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

echo "== wrk: ${seconds} s, ${connections} connections, two rebuilds during the run"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$work/replay.lua" "http://127.0.0.1:$port" > "$work/wrk.txt" &
load=$!
for rebuild in 1 2; do
  sleep 3
  echo "== rebuild $rebuild into the served folder (started $(date +%T))"
  ./target/release/pressroom index --index "$work/index" "${sources[@]}" 2>/dev/null | head -1
done
echo "== rebuilds done at $(date +%T)"
wait "$load"
cat "$work/wrk.txt"
swaps=$(grep -c "switched to a new generation" "$work/server.log" || true)
echo "== swaps seen by the server: $swaps"
non_2xx=$(grep -oE "Non-2xx or 3xx responses: [0-9]+" "$work/wrk.txt" | grep -oE "[0-9]+$" || echo 0)
socket_errors=$(grep -oE "Socket errors: .*" "$work/wrk.txt" || true)
echo "== failed responses: ${non_2xx:-0}; ${socket_errors:-no socket errors}"
[ "${non_2xx:-0}" = 0 ] && [ -z "$socket_errors" ] && [ "$swaps" -ge 2 ]
