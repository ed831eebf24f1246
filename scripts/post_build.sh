#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml). Runs on the staging folder before it becomes dist/.
#
# 1. Makes each of the two apps (the whole site, and the login page's own) one hashed script:
#    the wasm-bindgen glue with its start folded in, so the Content-Security-Policy needs no
#    'unsafe-inline'; lists both in index.html for its first-paint script, which loads the
#    one the address needs; and checks that the CSP allows that one inline script by its hash.
# 2. In release builds, writes .br and .gz next to every file for nginx's
#    brotli_static/gzip_static (compressed once, at build time, at maximum quality).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
index="$dir/index.html"

python3 - "$dir" "$repo_root/deploy/security-headers.conf" <<'PY'
import base64, hashlib, json, pathlib, re, sys
root = pathlib.Path(sys.argv[1])
index = root / "index.html"
html = index.read_text()

# The first-paint script is the one inline script; the CSP allows it by its hash only.
# `trunk serve` adds its own autoreload script (it opens Trunk's websocket, whose address the
# dev server fills in when it serves the page): that one is the dev server's, not the site's,
# is never in a release build and is not checked. Any other unlisted script fails the build.
csp = pathlib.Path(sys.argv[2]).read_text()
# What the page does not need to carry (its first load counts every byte): the inline
# script's whole-line comments and indentation, and the page's HTML comments, apart from
# the one that tells a deployment where its runtime configuration is.
def lean_script(match):
    lines = (line.strip() for line in match.group(1).split("\n"))
    return "<script>" + "\n".join(l for l in lines if l and not l.startswith("//")) + "</script>"
html = re.sub(r"<script>(.*?)</script>", lean_script, html, flags=re.S)
html = re.sub(r"\s*<!--(?!\s*Runtime configuration).*?-->", "", html, flags=re.S)
def trunk_autoreload(body):
    return "{{__TRUNK_ADDRESS__}}" in body and ".well-known/trunk/ws" in body
for body in re.findall(r"<script>(.*?)</script>", html, re.S):
    if trunk_autoreload(body):
        continue
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    if f"'sha256-{digest}'" not in csp:
        sys.exit(f"post_build: add 'sha256-{digest}' to script-src in deploy/security-headers.conf "
                 "(the inline first-paint script in index.html changed)")

# Each app's JavaScript is one script: the wasm-bindgen glue, which then starts its wasm
# and says so in words (index.html) if the wasm cannot be fetched, compiled or started. The
# wasm is asked for at once; the app starts once the page is parsed (the script is added
# by index.html's first-paint script and may arrive before the body).
def app_script(prefix, glue, wasm_path):
    code = glue.read_text() + (
        f"\nconst topocloudWasm = fetch('{wasm_path}');\n"
        "topocloudWasm.catch(() => {});\n"
        "new Promise((parsed) => document.readyState === 'loading'"
        " ? document.addEventListener('DOMContentLoaded', parsed, { once: true }) : parsed())\n"
        "  .then(() => __wbg_init({ module_or_path: topocloudWasm }))\n"
        "  .catch(() => dispatchEvent(new Event('topocloud-load-failed')));\n"
    )
    name = f"{prefix}-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (root / name).write_text(code)
    glue.unlink()
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    return {"src": f"/{name}", "integrity": integrity, "wasm": wasm_path}

apps = {}
# The whole site: Trunk's loader is `import init from '/<glue>.js'; await init({ module_or_path: '/<wasm>' })`.
# (Absent only when this hook runs on the source index.html, as e2e/run-command checks it.)
loader = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if loader:
    glue_name = re.search(r"from '/([^']+\.js)'", loader.group(1)).group(1)
    wasm_path = re.search(r"module_or_path: '([^']+)'", loader.group(1)).group(1)
    apps["site"] = app_script("app", root / glue_name, wasm_path)
    html = html[: loader.start()] + html[loader.end():]
    html = re.sub(r'<link rel="modulepreload" href="/' + re.escape(glue_name) + r'"[^>]*>', "", html)
    # No early preload of the wasm: it would compete with the CSS for the first paint on a
    # slow line, and the app script asks for it as soon as it runs anyway.
    html = re.sub(r'<link rel="preload" href="/[^"]+\.wasm"[^>]*>', "", html)

    # The login page's own app: Trunk builds it as a "worker" (unhashed names, not loaded);
    # named by its content here, so it can be cached for good like the rest.
    login_glue, login_wasm = root / "topocloud-login.js", root / "topocloud-login_bg.wasm"
    if not (login_glue.exists() and login_wasm.exists()):
        sys.exit("post_build: Trunk did not build the login app (topocloud-login)")
    wasm_hash = hashlib.sha256(login_wasm.read_bytes()).hexdigest()[:16]
    login_wasm_name = f"topocloud-login-{wasm_hash}_bg.wasm"
    login_wasm.rename(root / login_wasm_name)
    glue_code = login_glue.read_text().replace("topocloud-login_bg.wasm", login_wasm_name)
    login_glue.write_text(glue_code)
    apps["login"] = app_script("login", login_glue, f"/{login_wasm_name}")

marker = '<script id="topocloud-apps" type="application/json">{}</script>'
if marker not in html:
    sys.exit("post_build: index.html has no empty topocloud-apps block")
html = html.replace(marker, f'<script id="topocloud-apps" type="application/json">{json.dumps(apps)}</script>')
index.write_text(html)
PY

if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  # index.html is left alone: deployments edit its runtime configuration block.
  find "$dir" -type f ! -name '*.br' ! -name '*.gz' ! -name 'index.html' -print0 | while IFS= read -r -d '' file; do
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -9 -k -n "$file"
  done
fi
