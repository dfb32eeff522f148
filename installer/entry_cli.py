"""Frozen entry point for the console tools (PyInstaller)."""

import sys

from warehouse_app.cli import main

sys.exit(main())
