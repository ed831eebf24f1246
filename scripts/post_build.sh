#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml). Runs on the staging folder before it becomes dist/.
#
# 1. Moves Trunk's inline module loader into its own hashed file, so the Content-Security-
#    Policy can say `script-src 'self'` with no 'unsafe-inline' and no per-build hash.
# 2. In release builds, writes .br and .gz next to every file for nginx's
#    brotli_static/gzip_static (compressed once, at build time, at maximum quality).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
index="$dir/index.html"

python3 - "$dir" <<'PY'
import hashlib, pathlib, re, sys
root = pathlib.Path(sys.argv[1])
index = root / "index.html"
html = index.read_text()
match = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if match:
    body = match.group(1).strip() + "\n"
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    (root / name).write_text(body)
    html = html[: match.start()] + f'<script type="module" src="/{name}"></script>' + html[match.end():]
    index.write_text(html)
PY

if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  # index.html is left alone: deployments edit its runtime configuration block.
  find "$dir" -type f ! -name '*.br' ! -name '*.gz' ! -name 'index.html' -print0 | while IFS= read -r -d '' file; do
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -9 -k -n "$file"
  done
fi
