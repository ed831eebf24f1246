#!/usr/bin/env bash
# Runs deploy/nginx.conf in the foreground, filled in for this machine:
#   scripts/nginx.sh LISTEN SITE_ROOT BACKEND PREFIX
# e.g. scripts/nginx.sh 127.0.0.1:3100 dist 127.0.0.1:3101 .run/nginx-3100
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
abs() { (cd "$1" && pwd); }
export LISTEN="$1"
mkdir -p "$4"
export SITE_ROOT="$(abs "$2")"
export BACKEND="$3"
export PREFIX="$(abs "$4")"
export DEPLOY_DIR="$repo_root/deploy"
envsubst '${LISTEN} ${SITE_ROOT} ${BACKEND} ${PREFIX} ${DEPLOY_DIR}' \
  < "$repo_root/deploy/nginx.conf" > "$PREFIX/nginx.conf"
exec nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -e stderr
