#!/usr/bin/env bash
# Set up, then open the packing station on the embedded promo demo with simulated scanner,
# printer and scale (no external service). Without a screen it runs on a virtual one (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ] && command -v xvfb-run >/dev/null; then
  echo "no screen found: running on a virtual screen (xvfb-run); pass --headless-demo for the console station" >&2
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/warehouse-station gui --demo "$@"
fi
exec .venv/bin/warehouse-station gui --demo "$@"
