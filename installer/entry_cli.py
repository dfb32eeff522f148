"""Frozen entry point for the console tools (PyInstaller)."""

import sys

from ui.app import run_qt_probe_if_asked
from warehouse_app.cli import main

run_qt_probe_if_asked()  # `warehouse-station gui` probes the display by re-running this executable
sys.exit(main())
