#!/usr/bin/env bash
# Set up, then run the packing station on the embedded promo demo with simulated scanner,
# printer and scale (no external service). With a screen: the window (`gui --demo --feed`).
# Without one (a server, an SSH session): the same station headless, its verdicts shown here.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != "Linux" ]; then
  exec .venv/bin/warehouse-station gui --demo --feed "$@"
fi
echo "没有显示器：在终端里运行演示工位 / no screen: running the demo station in this terminal" >&2
exec .venv/bin/warehouse-station run --headless --demo "$@"
