#!/usr/bin/env bash
# One-time setup on a fresh machine: system packages (when we may install them) and a venv with
# the project. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS=${1:-}

pkgs=$(grep -v '^\s*#' scripts/system-packages.txt | tr '\n' ' ')
case ",$EXTRAS," in
  *,build,*) pkgs="$pkgs $(grep -v '^\s*#' scripts/packaging-packages.txt | tr '\n' ' ')" ;;
esac
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
# pip's own output is kept (minus one noisy warning) but its exit status is what counts: a failed
# install (no package index, a broken wheel) stops here instead of leaving a half-made venv.
pip_install() {
  local log rc=0
  log=$(mktemp)
  .venv/bin/python -m pip install -q "$@" >"$log" 2>&1 || rc=$?
  grep -v "^WARNING: Location" "$log" >&2 || true
  rm -f "$log"
  if [ "$rc" -ne 0 ]; then
    echo "error: pip install $* failed (exit $rc): see the messages above." >&2
    exit "$rc"
  fi
}
pip_install --upgrade pip
if [ -n "$EXTRAS" ]; then
  pip_install -e ".[$EXTRAS]"
else
  pip_install -e .
fi
# Check the installed packages from outside the checkout, so the source folder cannot stand in
# for a missing install.
(cd / && "$OLDPWD/.venv/bin/python" -c "import PySide6.QtWidgets, warehouse_app, ui, devices") || {
  echo "error: the project or PySide6 did not install into .venv (see the messages above)." >&2
  exit 1; }
