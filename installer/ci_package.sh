#!/usr/bin/env bash
# CI's packaging steps (run by .ci/run before the test suite; also by hand):
#   installer/ci_package.sh
# Builds the frozen bundle, the Debian package and the Windows setup, and checks them: bundle
# contents, size and glibc floor (= what the .deb declares), the frozen smoke test (window under
# Xvfb, second launch), lintian, install/remove/purge of the .deb, makensis -WX and the
# install/upgrade/uninstall test under Wine. Each step is timed; any failure fails CI.
# Output goes to build/ and dist/ (git-ignored); caches live in ~/.cache/warehouse-station-ci.
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$SECONDS
declare -a TIMES=()
PASSED=0
step() {
  local name=$1 t=$SECONDS
  shift
  echo "== $name"
  if ! "$@"; then
    echo "packaging step '$name' FAILED after $((SECONDS - t)) s" >&2
    echo "packaging: $PASSED passed, 1 failed"
    exit 1
  fi
  TIMES+=("$name=$((SECONDS - t))s")
  PASSED=$((PASSED + 1))
}

step setup ./scripts/setup.sh test,build
PY=.venv/bin/python
# PyInstaller keeps its analysis cache (binary dependencies) in its config dir: kept across runs
export PYINSTALLER_CONFIG_DIR=${PYINSTALLER_CONFIG_DIR:-$HOME/.cache/warehouse-station-ci/pyinstaller}
rm -rf dist/warehouse-station
step bundle nice .venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
  --distpath dist installer/warehouse_station.spec
step deb installer/build_deb.sh dist/warehouse-station dist
DEB=$(ls -t dist/warehouse-station_*.deb | head -1)
step bundle-check "$PY" installer/check_bundle.py dist/warehouse-station --deb "$DEB"
step frozen-smoke "$PY" installer/smoke_frozen.py --bin dist/warehouse-station --shot dist/screenshots/frozen-demo.png
step lintian lintian --fail-on error,warning --tag-display-limit 0 "$DEB"
step deb-install installer/check_deb_install.sh "$DEB"
step windows-setup "$PY" installer/check_windows_setup.py --dist dist/warehouse-station
echo "packaging times: ${TIMES[*]} total=$((SECONDS - T0))s"
echo "packaging: $PASSED passed, 0 failed"
