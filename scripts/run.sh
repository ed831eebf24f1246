#!/usr/bin/env bash
# The README's run command: the reference backend (dev mode, demo data) on 127.0.0.1:3000
# and the site (trunk serve, proxying /api and /dev to it) on http://127.0.0.1:8080.
# Ctrl-C stops both.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source scripts/setup.sh build

site_url="http://127.0.0.1:8080"
backend_addr="127.0.0.1:3000"
mkdir -p .run

cargo build -p topocloud-backend --locked

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped"
}
trap stop INT TERM EXIT

target/debug/topocloud-backend --dev --database .run/dev.sqlite --listen "$backend_addr" &
pids+=($!)
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://$backend_addr/api/session" && break
  sleep 0.2
done

trunk serve &
pids+=($!)

banner() {
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$site_url/users/login" && break
    sleep 1
  done
  printf '\n\033[1mTopoCloud sign-in is running at %s\033[0m\n' "$site_url"
  printf '  demo account: demo@topocloud.test / TopoCloud-demo-2026\n'
  printf '  backend:      http://%s (database .run/dev.sqlite)\n' "$backend_addr"
  printf '  stop with Ctrl-C\n\n'
}
banner &
pids+=($!)

wait -n "${pids[0]}" "${pids[1]}"
