"""Where bundled resources are (fonts, sounds, translations, label templates).

Here, in the lowest layer, so devices find the bundled CJK fonts without importing the core;
`warehouse_app.paths.resource_path` is this same function.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A file under resources/, from source or from a PyInstaller bundle (sys._MEIPASS)."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
