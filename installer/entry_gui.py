"""Frozen entry point for the window (PyInstaller)."""

import sys

from ui.app import main

sys.exit(main())
