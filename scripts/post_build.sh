#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml). Runs on the staging folder before it becomes dist/.
#
# 1. Folds Trunk's inline module loader into the wasm-bindgen glue (one request fewer), so the
#    Content-Security-Policy needs no 'unsafe-inline', and checks that the CSP allows the
#    one inline script (index.html's first paint) by its hash.
# 2. In release builds, writes .br and .gz next to every file for nginx's
#    brotli_static/gzip_static (compressed once, at build time, at maximum quality).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
index="$dir/index.html"

python3 - "$dir" "$repo_root/deploy/security-headers.conf" <<'PY'
import base64, hashlib, pathlib, re, sys
root = pathlib.Path(sys.argv[1])
index = root / "index.html"
html = index.read_text()

# The first-paint script is the one inline script; the CSP allows it by its hash only.
# `trunk serve` adds its own autoreload script (it opens Trunk's websocket, whose address the
# dev server fills in when it serves the page): that one is the dev server's, not the site's,
# is never in a release build and is not checked. Any other unlisted script fails the build.
csp = pathlib.Path(sys.argv[2]).read_text()
def trunk_autoreload(body):
    return "{{__TRUNK_ADDRESS__}}" in body and ".well-known/trunk/ws" in body
for body in re.findall(r"<script>(.*?)</script>", html, re.S):
    if trunk_autoreload(body):
        continue
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    if f"'sha256-{digest}'" not in csp:
        sys.exit(f"post_build: add 'sha256-{digest}' to script-src in deploy/security-headers.conf "
                 "(the inline first-paint script in index.html changed)")

# Trunk's loader: `import init from '/<glue>.js'; await init({ module_or_path: '/<wasm>' })`.
loader = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if loader:
    glue_name = re.search(r"from '/([^']+\.js)'", loader.group(1)).group(1)
    wasm_path = re.search(r"module_or_path: '([^']+)'", loader.group(1)).group(1)
    glue = root / glue_name
    # One script instead of two: the glue module starts the app itself, and says so in
    # words (index.html) if the wasm cannot be fetched, compiled or started.
    code = glue.read_text() + (
        f"\n__wbg_init({{ module_or_path: '{wasm_path}' }})"
        ".catch(() => dispatchEvent(new Event('topocloud-load-failed')));\n"
    )
    name = f"app-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (root / name).write_text(code)
    glue.unlink()
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    html = html[: loader.start()] + (
        f'<script type="module" src="/{name}" integrity="{integrity}" crossorigin="anonymous"></script>'
    ) + html[loader.end():]
    html = re.sub(r'<link rel="modulepreload" href="/' + re.escape(glue_name) + r'"[^>]*>', "", html)
    # No early preload of the wasm: it would compete with the CSS for the first paint on a
    # slow line, and the app script asks for it as soon as the page is parsed anyway.
    html = re.sub(r'<link rel="preload" href="/[^"]+\.wasm"[^>]*>', "", html)
    index.write_text(html)
PY

if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  # index.html is left alone: deployments edit its runtime configuration block.
  find "$dir" -type f ! -name '*.br' ! -name '*.gz' ! -name 'index.html' -print0 | while IFS= read -r -d '' file; do
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -9 -k -n "$file"
  done
fi
