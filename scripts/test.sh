#!/usr/bin/env bash
# The README's test command: every check and every test layer, then one summary line.
#
#   formatting, clippy (warnings are errors, native and wasm32)
#   native cargo tests: contract, site logic, reference backend over real HTTP + SQLite
#   Schemathesis: the reference backend against openapi.yaml over HTTP
#   wasm-bindgen-test component tests in headless Chromium
#   the run command (scripts/run.sh) started as a newcomer would and used in Chromium
#   release build of the site, with the raw and brotli size of every file
#   Playwright e2e in Chromium against the release build and the reference backend
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source scripts/setup.sh test || { echo "setup failed"; exit 1; }
# setup.sh runs with `set -e`, which sourcing leaves on: one failing test run would end
# this script before the summary.
set +e

export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=60
export CARGO_TERM_COLOR=never
logs="$repo_root/.run/test-logs"
rm -rf "$logs" && mkdir -p "$logs"

passed=0
failed=0
failed_steps=()

section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

# A check (not a test runner) counts as one passed or failed item.
check() {
  local name="$1"; shift
  section "$name"
  if "$@" >"$logs/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok"
  else
    failed=$((failed + 1)); failed_steps+=("$name"); cat "$logs/$name.log"
  fi
}

# Adds up libtest's "test result: ok. N passed; M failed" lines (native and wasm).
cargo_tests() {
  local name="$1"; shift
  section "$name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$logs/$name.log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$logs/$name.log" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    failed_steps+=("$name")
    # A build failure runs no tests: still count it, so the summary cannot look green.
    [ "$f" -eq 0 ] && failed=$((failed + 1))
  fi
}

check fmt cargo fmt --all -- --check
# rustfmt leaves view! bodies alone; leptosfmt (leptosfmt.toml) formats them, and the two
# agree, so both checks pass on the same text.
check fmt-views leptosfmt --check --quiet src tests
check clippy-native cargo clippy --workspace --all-targets --locked -- -D warnings
check clippy-wasm cargo clippy -p topocloud-site --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

cargo_tests native-tests cargo test --workspace --locked
# One item: no server errors, and status, content type, headers and body as openapi.yaml says.
check schemathesis bash scripts/schemathesis.sh
cargo_tests component-tests cargo test -p topocloud-site --target wasm32-unknown-unknown --test '*' --locked

# Adds up a Playwright run's results (its JSON report): expected passed, the rest failed.
playwright_tests() {
  local name="$1" results="$2"; shift 2
  (cd e2e && npx playwright test "$@") 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local counts p f
  counts=$(node -e '
    const s = require(process.argv[1]).stats || {};
    console.log((s.expected || 0), (s.unexpected || 0) + (s.flaky || 0));
  ' "$results" 2>/dev/null || echo "0 1")
  read -r p f <<<"$counts"
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    failed_steps+=("$name")
    [ "$f" -eq 0 ] && failed=$((failed + 1))
  fi
}

# The README's run command: its own ports (RUN_TEST_PORT, 3400 and 3401), database and build
# folder; a dev build of the site, so before the release build takes the cores.
section "run command (scripts/run.sh as a newcomer starts it)"
rm -f "$repo_root/.run/run-command-${RUN_TEST_PORT:-3400}/results.json"
playwright_tests run-command "$repo_root/.run/run-command-${RUN_TEST_PORT:-3400}/results.json" \
  -c run-command.config.ts

section "release build"
if bash scripts/release.sh >"$logs/release-build.log" 2>&1; then
  passed=$((passed + 1))
  bash scripts/sizes.sh dist
else
  failed=$((failed + 1)); failed_steps+=("release-build"); cat "$logs/release-build.log"
fi

section "e2e (Playwright, Chromium, release build + reference backend)"
cargo build -p topocloud-backend --locked >"$logs/backend-build.log" 2>&1 || cat "$logs/backend-build.log"
rm -f "$repo_root/e2e/test-results/results.json"
playwright_tests e2e "$repo_root/e2e/test-results/results.json"

# What went wrong, at the very end, where a CI excerpt of the last lines still shows it:
# per failed step its first failures (Playwright's numbered blocks, libtest's "failures:"),
# or else the end of its log. The full logs stay in .run/test-logs.
digest() {
  local log="$logs/$1.log"
  [ -f "$log" ] || return 0
  if grep -E '^  [0-9]+\) ' "$log" >/dev/null; then
    awk '/^  [0-9]+\) /{n++; k=0} n>0 && n<=2 && k<36 {print; k++}' "$log"
  elif grep -E '^failures:$' "$log" >/dev/null; then
    sed -n '/^failures:$/,$p' "$log" | head -n 40
  else
    tail -n 20 "$log"
  fi
}

section "summary"
if [ ${#failed_steps[@]} -gt 0 ]; then
  for step in "${failed_steps[@]}"; do
    printf '\n\033[1m-- %s (log: .run/test-logs/%s.log) --\033[0m\n' "$step" "$step"
    digest "$step"
  done
  echo
  echo "failed steps: ${failed_steps[*]}"
fi
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]
