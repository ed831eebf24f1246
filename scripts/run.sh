#!/usr/bin/env bash
# The README's run command: the reference backend (dev mode, demo data) and the site
# (trunk serve with autoreload, proxying /api and /dev to the backend) on one origin.
# The banner appears only once /users/login answers with the app's page; a first build that
# fails ends the command with the build's error. Ctrl-C stops both.
#
# Settings (environment), for a second copy beside a running one or for the test of this
# command (e2e/run-command/):
#   RUN_SITE_PORT     8080                 the site, http://localhost:PORT
#   RUN_BACKEND_PORT  3000                 the reference backend behind it
#   RUN_DATABASE      .run/dev.sqlite      the dev database, kept between runs (delete it to
#                                          start over)
#   RUN_DIST          .run/site-PORT       the dev build; emptied at every start, so an earlier
#                                          build can never stand in for one that failed
#
# The site is at http://localhost:PORT, not 127.0.0.1: WebAuthn refuses IP addresses as
# relying party id, so the backend turns passkeys on only when its --public-url names a host,
# and http://localhost is a secure context. Trunk listens on 127.0.0.1 and ::1 (Trunk.toml),
# as localhost may be either (Chromium tries ::1 first).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source scripts/setup.sh build

site_port="${RUN_SITE_PORT:-8080}"
backend_port="${RUN_BACKEND_PORT:-3000}"
database="${RUN_DATABASE:-$repo_root/.run/dev.sqlite}"
dist="${RUN_DIST:-$repo_root/.run/site-$site_port}"
# This run's Trunk configuration and logs; nothing in .run is watched by Trunk.
work="$repo_root/.run/dev-$site_port"
site_url="http://localhost:$site_port"
backend_addr="127.0.0.1:$backend_port"

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[run]\033[0m %s\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || (exec 3<>"/dev/tcp/::1/$1") 2>/dev/null; }
for port in "$site_port" "$backend_port"; do
  port_in_use "$port" && fail "port $port is already in use (another copy running?); stop it, or choose others with RUN_SITE_PORT and RUN_BACKEND_PORT"
done

mkdir -p "$work" "$(dirname "$database")"
# Emptied here, not by tee when it gets round to it: the checks below read these logs, and an
# earlier run's "success" must not count for this one.
: >"$work/backend.log"
: >"$work/trunk.log"
rm -rf "$dist"
mkdir -p "$dist"

# Trunk resolves paths against its configuration file's folder and takes only one proxy from
# the command line, so this run gets its own copy of Trunk.toml: absolute paths, this run's
# ports and build folder, the same watch list, tools and hooks.
python3 - "$repo_root" "$work/Trunk.toml" "$site_port" "$backend_addr" "$dist" <<'PY'
import json, pathlib, re, sys, tomllib
root, out, site_port, backend, dist = sys.argv[1:]
root = pathlib.Path(root)
cfg = tomllib.loads((root / "Trunk.toml").read_text())
here = lambda p: str(root / p)
cfg["build"]["target"] = here(cfg["build"]["target"])
cfg["build"]["dist"] = dist
cfg["serve"]["port"] = int(site_port)
cfg["watch"] = {k: [here(p) for p in v] for k, v in cfg.get("watch", {}).items()}
for proxy in cfg.get("proxy", []):
    proxy["backend"] = re.sub(r"^http://[^/]+", f"http://{backend}", proxy["backend"])
for hook in cfg.get("hooks", []):
    hook["command_arguments"] = [here(a) if (root / a).is_file() else a for a in hook.get("command_arguments", [])]

def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    sys.exit(f"run.sh: cannot copy {v!r} from Trunk.toml")

lines = []
for name, table in cfg.items():
    for row in table if isinstance(table, list) else [table]:
        lines.append(f"[[{name}]]" if isinstance(table, list) else f"[{name}]")
        lines += [f"{k} = {value(v)}" for k, v in row.items()]
pathlib.Path(out).write_text("\n".join(lines) + "\n")
PY

say "building the reference backend"
cargo build -p topocloud-backend --locked

# Each child leads its own process group, so stopping it also stops what it started
# (Trunk's cargo and wasm-bindgen); a child that does not stop in 10 s is killed.
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap 'stop; echo "stopped"; exit 0' INT TERM
trap stop EXIT

setsid target/debug/topocloud-backend --dev --database "$database" --listen "$backend_addr" \
  --public-url "$site_url" > >(tee -a "$work/backend.log") 2>&1 &
pids+=($!)
backend_pid=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://$backend_addr/api/config" && break
  kill -0 "$backend_pid" 2>/dev/null || fail "the backend did not start (log: $work/backend.log)"
  sleep 0.2
done

say "building the site (first build; later edits under src/ and style/ rebuild and reload the page)"
setsid trunk serve --config "$work/Trunk.toml" > >(tee -a "$work/trunk.log") 2>&1 &
pids+=($!)
trunk_pid=$!

# Ready means: Trunk's first build succeeded and the login route answers 200 with the app's
# page (the release-style loader the post-build hook writes), not merely that something answers.
plain_log() { sed 's/\x1b\[[0-9;]*m//g' "$work/trunk.log"; }
# Whether Trunk has said this line yet. (No `grep -q`: it stops reading at the first match,
# and with pipefail the cut-off sed would count as a failure.)
trunk_said() { plain_log | grep -E "$1" >/dev/null; }
# Trunk's own lines: "INFO ✅ success" or "ERROR ❌ error" (cargo's output comes before it).
# The emoji is there only when LANG names UTF-8 (the console crate's choice): CI and many
# servers leave LANG unset, and then the line is just "INFO success".
until trunk_said ' INFO +(\S+ +)?success$'; do
  if trunk_said ' ERROR +(\S+ +)?error$'; then
    printf '\n' >&2
    plain_log | sed -n '/starting build/,/Stack backtrace:/p' | grep -v 'Stack backtrace:' >&2
    fail "the site did not build: the error is above (full log: $work/trunk.log)"
  fi
  kill -0 "$trunk_pid" 2>/dev/null || fail "trunk serve stopped (log: $work/trunk.log)"
  kill -0 "$backend_pid" 2>/dev/null || fail "the backend stopped (log: $work/backend.log)"
  sleep 0.5
done
page="$work/login.html"
for _ in $(seq 1 60); do
  status=$(curl -s -o "$page" -w '%{http_code}' "$site_url/users/login" || true)
  [ "$status" = 200 ] && grep -q 'id="topocloud-config"' "$page" \
    && grep -q '"src": "/app-' "$page" && grep -q '"src": "/login-' "$page" && break
  status="$status (not the app's page)"
  sleep 0.5
done
[ "$status" = 200 ] || fail "$site_url/users/login answers $status after a successful build"

printf '\n\033[1mTopoCloud sign-in is running at %s\033[0m\n' "$site_url"
# The dev details (demo account, mailbox, invitations) as the backend itself states them.
sed -n '/listening on/,$p' "$work/backend.log" | sed '1d; /^[^ ]/,$d'
printf '  dev build:  %s (logs in %s)\n' "${dist#"$repo_root"/}" "${work#"$repo_root"/}"
printf '  stop with Ctrl-C\n\n'

# Either child ending on its own ends the command, with the other one stopped.
set +e
wait -n "$backend_pid" "$trunk_pid"
status=$?
kill -0 "$backend_pid" 2>/dev/null || say "the backend stopped (log: $work/backend.log)"
kill -0 "$trunk_pid" 2>/dev/null || say "trunk serve stopped (log: $work/trunk.log)"
exit $((status == 0 ? 1 : status))
