#!/usr/bin/env bash
# Runs deploy/nginx.conf in the foreground, filled in for this machine:
#   scripts/nginx.sh LISTEN SITE_ROOT BACKEND PREFIX
# e.g. scripts/nginx.sh '127.0.0.1:3100 [::1]:3100' dist 127.0.0.1:3101 .run/nginx-3100
# LISTEN is one address or several separated by spaces, each its own `listen` directive:
# the e2e suite uses the site at http://localhost:PORT, and Chromium tries ::1 before
# 127.0.0.1 for localhost (whatever /etc/hosts says) while Node's requests take 127.0.0.1,
# so it listens on both loopback families.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
abs() { (cd "$1" && pwd); }
read -ra addresses <<<"$1"
[ "${#addresses[@]}" -gt 0 ] || { echo "nginx.sh: no LISTEN address" >&2; exit 2; }
# `listen ${LISTEN};` in the template becomes `listen A; listen B;`.
LISTEN="${addresses[0]}"
for address in "${addresses[@]:1}"; do LISTEN+="; listen $address"; done
export LISTEN
mkdir -p "$4"
export SITE_ROOT="$(abs "$2")"
export BACKEND="$3"
export PREFIX="$(abs "$4")"
export DEPLOY_DIR="$repo_root/deploy"
envsubst '${LISTEN} ${SITE_ROOT} ${BACKEND} ${PREFIX} ${DEPLOY_DIR}' \
  < "$repo_root/deploy/nginx.conf" > "$PREFIX/nginx.conf"
exec nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -e stderr
