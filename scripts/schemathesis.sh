#!/usr/bin/env bash
# Runs schemathesis (PyPI) against a local pressroom's /openapi.json: no server error, status
# codes, content types and response bodies as documented. Not part of CI (it takes minutes).
#   scripts/schemathesis.sh [SECONDS]      (default 120 s of fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
port=7815
command -v st >/dev/null || pip install -q schemathesis
cargo build --release --quiet
dir="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
./target/release/pressroom index --index "$dir" corpus >/dev/null
PRESSROOM_API_KEY=schemathesis-key ./target/release/pressroom serve --index "$dir" --addr "127.0.0.1:$port" 2>"$dir.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.2; done
st run "http://127.0.0.1:$port/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  -H "Authorization: Bearer schemathesis-key" \
  --phases examples,coverage,fuzzing --max-time "$seconds"
