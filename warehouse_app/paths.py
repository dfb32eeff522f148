"""Where the station keeps its data, logs and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "warehouse-station"
APP_AUTHOR = "warehouse"


def default_data_dir() -> Path:
    """Per-user data dir; WAREHOUSE_DATA_DIR overrides it (handy for kiosks and tests)."""
    env = os.environ.get("WAREHOUSE_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resource_path(*parts: str) -> Path:
    """A file under resources/, from source or from a PyInstaller bundle (sys._MEIPASS)."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / "station.db"
