#!/usr/bin/env bash
# The release build of the site: `trunk build --release` (arguments passed on), with the
# pinned nightly toolchain that builds the standard library for size and drops panic
# messages (panics abort at once; the no-panic lints keep them out of the code anyway).
# Measured on the login page's own app: -10.7 % brotli on the whole site when issue 17 was
# filed, see docs/performance.md. Debug builds, `trunk serve`, clippy and every test build
# stay on stable; scripts/setup.sh installs this toolchain.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/scripts/release.env"
cd "$repo_root"
export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
# RUSTFLAGS replaces .cargo/config.toml's flags for the wasm, so its cfg is repeated here.
# With --target (Trunk passes it), build scripts and proc macros do not get these flags.
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
# Its own target folder: the stable builds keep theirs warm.
export CARGO_TARGET_DIR="$repo_root/target/release-nightly"
exec trunk build --release "$@"
