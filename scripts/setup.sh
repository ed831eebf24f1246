#!/usr/bin/env bash
# Installs what the README commands need, each at a pinned version, and skips whatever is
# already there at that version, so a second run takes seconds.
#
#   scripts/setup.sh build   toolchain for building and serving the site
#   scripts/setup.sh test    that, plus Chromium, ChromeDriver, the e2e npm packages and
#                            Schemathesis (in .tools/venv)
#   scripts/setup.sh bench   that, plus Lighthouse (in .tools/lighthouse) for scripts/bench.sh
#
# Sourced by run.sh and test.sh (it exports PATH); can also be run on its own.
set -euo pipefail

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0" # wasm-opt "version_132", as pinned in Trunk.toml
SCHEMATHESIS_VERSION="4.32.5" # checks the backend against openapi.yaml
LIGHTHOUSE_VERSION="12.8.2" # 13 needs a newer Node than Debian's
LEPTOSFMT_VERSION="0.1.33" # formats view! bodies, which rustfmt leaves alone

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-build}"
# The benchmark needs everything the tests need.
with_test_tools=$([ "$mode" = "test" ] || [ "$mode" = "bench" ] && echo yes || echo no)
tools_dir="$repo_root/.tools"
export PATH="$tools_dir/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk would otherwise ask the internet whether it is up to date.
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_packages() {
  local missing=()
  for pair in "$@"; do
    local command="${pair%%:*}" package="${pair##*:}"
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# wasm-bindgen-cli must be exactly the wasm-bindgen version the site is built with.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$repo_root/Cargo.lock"
}

apt_packages brotli:brotli curl:curl pkg-config:pkg-config
# The backend's passkeys (webauthn-rs) verify with OpenSSL: openssl-sys builds against
# the system's headers, found through pkg-config.
if ! pkg-config --exists openssl 2>/dev/null; then
  say "apt-get install libssl-dev"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq libssl-dev >/dev/null
fi
if [ "$with_test_tools" = "yes" ]; then
  apt_packages chromium:chromium chromedriver:chromium-driver nginx:nginx-light envsubst:gettext-base
  # The e2e suite runs behind deploy/nginx.conf, which serves the precompressed .br files.
  if [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    say "apt-get install libnginx-mod-http-brotli-static"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq libnginx-mod-http-brotli-static >/dev/null
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# The release build's toolchain (scripts/release.sh), with the standard library's source
# for -Zbuild-std. RUSTUP_AUTO_INSTALL may be off, so it is installed here by name.
source "$repo_root/scripts/release.env"
if ! rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
  || ! rustup target list --installed --toolchain "$RELEASE_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
  say "rustup toolchain install $RELEASE_TOOLCHAIN (release builds)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

wb_version="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$"; then
  say "cargo install wasm-bindgen-cli $wb_version"
  # Not --locked: its lock file asks for a crate version the registry no longer has.
  cargo install --force wasm-bindgen-cli --version "$wb_version"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}"; then
  say "npm install binaryen@$BINARYEN_VERSION"
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi

if [ "$with_test_tools" = "yes" ]; then
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "cargo install leptosfmt $LEPTOSFMT_VERSION"
    cargo install --locked "leptosfmt@$LEPTOSFMT_VERSION"
  fi

  e2e="$repo_root/e2e"
  stamp="$e2e/node_modules/.installed-from-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$e2e/package-lock.json" "$stamp"; then
    say "npm ci (e2e)"
    (cd "$e2e" && npm ci --no-audit --no-fund --silent)
    cp "$e2e/package-lock.json" "$stamp"
  fi

  venv="$tools_dir/venv"
  if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
    say "pip install schemathesis==$SCHEMATHESIS_VERSION (in .tools/venv)"
    apt_packages python3:python3
    # Debian's python3 can only make a venv (with pip) once python3-venv is installed.
    if ! python3 -c 'import ensurepip' 2>/dev/null; then
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
    fi
    [ -x "$venv/bin/pip" ] || python3 -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi

if [ "$mode" = "bench" ]; then
  lighthouse="$tools_dir/lighthouse/node_modules/.bin/lighthouse"
  if ! "$lighthouse" --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; then
    say "npm install lighthouse@$LIGHTHOUSE_VERSION (in .tools/lighthouse)"
    npm install --prefix "$tools_dir/lighthouse" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
  fi
fi
