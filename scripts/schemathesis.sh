#!/usr/bin/env bash
# Checks the reference backend against openapi.yaml over HTTP with Schemathesis: no server
# errors, and every answer's status, content type, headers and body as documented.
#
#   scripts/schemathesis.sh   build the backend, start it on 127.0.0.1:3200 (SCHEMATHESIS_PORT), test
#
# Needs the pinned Schemathesis in .tools/venv (scripts/setup.sh test installs it).
# Extra arguments go to `schemathesis run` (e.g. --seed 1 to reproduce a run).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# Like E2E_PORT for Playwright: parallel work on one machine can pick its own port.
addr="127.0.0.1:${SCHEMATHESIS_PORT:-3200}"
schemathesis="$repo_root/.tools/venv/bin/schemathesis"
backend="$repo_root/target/debug/topocloud-backend"
# Per operation and phase; the whole run stays well under three minutes on two cores.
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-100}"

if [ ! -x "$schemathesis" ]; then
  echo "schemathesis is not installed: run scripts/setup.sh test" >&2
  exit 1
fi

cargo build -p topocloud-backend --locked --quiet

work="$(mktemp -d)"
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ] && kill -0 "$backend_pid" 2>/dev/null; then
    kill "$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://$addr/api/config"; then
  echo "something is already listening on $addr" >&2
  exit 1
fi

"$backend" --dev --listen "$addr" --database "$work/schemathesis.sqlite" \
  >"$work/backend.log" 2>&1 &
backend_pid=$!

for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://$addr/api/config" && break
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    echo "the backend exited:" >&2
    cat "$work/backend.log" >&2
    exit 1
  fi
  sleep 0.1
done
curl -s -o /dev/null "http://$addr/api/config" || {
  echo "the backend did not answer on $addr" >&2
  exit 1
}

# The CSRF header is a required header parameter in openapi.yaml (enum ["1"]), so
# Schemathesis sends it on every POST and DELETE by itself, and leaves it out or garbles
# it in negative cases, where `403 csrf_rejected` is documented. Redirects are not
# followed: the SSO endpoints' 303 answers are what is documented. One worker: CPython
# 3.11's parser is not thread-safe for Hypothesis' lambda introspection ("AST constructor
# recursion depth mismatch"). Run from .run/schemathesis, where Schemathesis keeps its
# cache of failures (`cd .run/schemathesis && ../../.tools/venv/bin/st replay <id>`).
mkdir -p "$repo_root/.run/schemathesis"
status=0
(cd "$repo_root/.run/schemathesis" && "$schemathesis" run "$repo_root/openapi.yaml" \
  --url "http://$addr" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples "$max_examples" \
  --max-redirects 0 \
  --seed "${SCHEMATHESIS_SEED:-20260101}" \
  --workers 1 \
  --request-timeout 10 \
  --generation-database none \
  --no-color \
  "$@") || status=$?

if [ "$status" -ne 0 ]; then
  echo
  echo "== backend log =="
  cat "$work/backend.log"
fi
exit "$status"
