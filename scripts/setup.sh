#!/usr/bin/env bash
# One-time setup on a fresh machine: system packages (when we may install them) and a venv with
# the project. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS=${1:-}

pkgs=$(grep -v '^\s*#' scripts/system-packages.txt | tr '\n' ' ')
if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null || true
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
else
  echo "note: not a Debian/Ubuntu system; make sure Qt's runtime libraries and a CJK font are installed" >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv || {
    echo "error: could not create a Python virtual environment with $PY." >&2
    echo "  On Debian/Ubuntu: sudo apt-get install python3-venv (Python 3.10 or newer), then run this again." >&2
    rm -rf .venv; exit 1; }
fi
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
if [ -n "$EXTRAS" ]; then
  .venv/bin/python -m pip install -q -e ".[$EXTRAS]" 2>&1 | grep -v "^WARNING: Location" || true
else
  .venv/bin/python -m pip install -q -e . 2>&1 | grep -v "^WARNING: Location" || true
fi
.venv/bin/python -c "import warehouse_app" # fail loudly if the install did not work
