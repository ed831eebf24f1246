#!/usr/bin/env bash
# The load test on the reference backend (not part of scripts/test.sh, which runs a
# 5-second version as backend/tests/load.rs):
#
#   scripts/load.sh            # 50 clients for 30 seconds
#   LOAD_CLIENTS=100 LOAD_SECONDS=60 LOAD_PORT=3210 scripts/load.sh
#
# Builds the backend and the load client (backend/examples/load.rs) optimised, in their
# own target directory (the workspace's release profile is tuned for the wasm site's size),
# starts the backend on loopback in dev mode on a fresh SQLite file with
# --trusted-proxy 127.0.0.1 (each client has its own forwarded address, as behind
# deploy/nginx.conf) and the default rate limits, runs the load and prints requests per
# second, latency percentiles, 429s, errors and lost sessions. Exits non-zero on any
# error or lost session.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

port="${LOAD_PORT:-3210}"
clients="${LOAD_CLIENTS:-50}"
seconds="${LOAD_SECONDS:-30}"
export CARGO_TARGET_DIR="$repo_root/target/load"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_PANIC=unwind

echo "building the backend and the load client (release) ..."
cargo build --release --locked -p topocloud-backend --bin topocloud-backend --example load

work="$(mktemp -d)"
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$CARGO_TARGET_DIR/release/topocloud-backend" --listen "127.0.0.1:$port" --database "$work/load.sqlite" \
  --dev --trusted-proxy 127.0.0.1 >"$work/backend.log" 2>&1 &
backend_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/api/config" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/api/config" >/dev/null || { cat "$work/backend.log"; exit 1; }

echo "load: $clients clients for $seconds s against http://127.0.0.1:$port ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
status=0
"$CARGO_TARGET_DIR/release/examples/load" --base "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds" || status=$?
if grep -qiE "panicked|error" "$work/backend.log"; then
  echo "backend log:"; cat "$work/backend.log"
fi
exit "$status"
