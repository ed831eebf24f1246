#!/usr/bin/env bash
# Screenshots of every screen and its key states, at 360 and 1280 px, light and dark, and a
# contact sheet of them, so a reviewer sees the whole site at a glance.
#
#   scripts/screenshots.sh            build if needed, shoot into .run/screens, then copy to
#                                     docs/screens/ and write docs/screens.md
#   scripts/screenshots.sh --no-docs  only .run/screens (leaves docs/ alone)
#
# The e2e stack of e2e/playwright.config.ts (nginx + reference backend + release build) runs
# e2e/screenshots.shots.ts through e2e/screenshots.config.ts; it is not part of the tests.
# E2E_PORT (default 3390) and E2E_DIST (default .run/dist-screens) as for the e2e suite.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source scripts/setup.sh test
set -e

write_docs=1
[ "${1:-}" = "--no-docs" ] && write_docs=0

export E2E_PORT="${E2E_PORT:-3390}"
export E2E_DIST="${E2E_DIST:-$repo_root/.run/dist-screens}"
export SCREENS_DIR="$repo_root/.run/screens"

# Build only when something the site is made of is newer than the last build.
stamp="$E2E_DIST/index.html"
if [ ! -f "$stamp" ] || [ -n "$(find src style public index.html Cargo.toml Cargo.lock Trunk.toml contract/src \
    -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "building the site into $E2E_DIST"
  bash scripts/release.sh --dist "$E2E_DIST"
fi
cargo build -p topocloud-backend --locked

rm -rf "$SCREENS_DIR"
(cd e2e && npx playwright test -c screenshots.config.ts)
echo "screenshots: $SCREENS_DIR"

[ "$write_docs" -eq 1 ] || exit 0

rm -rf docs/screens && mkdir -p docs/screens
cp "$SCREENS_DIR"/*.png docs/screens/
python3 - "$SCREENS_DIR" > docs/screens.md <<'PY'
import json, pathlib, sys
screens = sorted(pathlib.Path(sys.argv[1]).glob("*.json"))
print("# Every screen at a glance")
print()
print("Written by `scripts/screenshots.sh` (do not edit by hand): each screen and its key states,")
print("on a phone (360 px, the whole page) and a desktop (1280 px, the first screenful at half")
print("size), in light and dark mode. Dutch unless the caption says otherwise.")
print()
print("| screen | 360 light | 360 dark | 1280 light | 1280 dark |")
print("|---|---|---|---|---|")
for path in screens:
    screen = json.loads(path.read_text())
    by_look = {f.rsplit("-", 2)[1] + "-" + f.rsplit("-", 1)[1][:-4]: f for f in screen["files"]}
    cells = []
    for look in ("360-light", "360-dark", "1280-light", "1280-dark"):
        f = by_look[look]
        width = 180 if look.startswith("360") else 320
        cells.append(f'<a href="screens/{f}"><img src="screens/{f}" width="{width}" alt="{screen["id"]}, {look}"></a>')
    print(f"| {screen['caption']} | " + " | ".join(cells) + " |")
PY
echo "contact sheet: docs/screens.md ($(du -sh docs/screens | cut -f1) of images)"
