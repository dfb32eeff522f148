"""Frozen entry point for the window (PyInstaller)."""

import sys

from ui.app import main, run_qt_probe_if_asked

run_qt_probe_if_asked()  # the display probe re-runs this executable (no `python -c` when frozen)
sys.exit(main())
