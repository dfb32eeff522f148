"""Where the station keeps its data, logs and bundled resources."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import platformdirs

APP_NAME = "warehouse-station"
APP_AUTHOR = "warehouse"

logger = logging.getLogger(__name__)


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


def make_private(path: Path) -> None:
    """Readable and writable by the station's user only: 0600 on POSIX, an ACL with only the
    current user on Windows. The DB holds recipients' names, phones and addresses (PIPL) and the
    leads' PIN hashes. Best effort: a failure is logged, never fatal."""
    if not path.exists():
        return
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows stations only
            user = os.environ.get("USERNAME", "")
            if user:
                subprocess.run(
                    ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:F"],
                    capture_output=True,
                    check=True,
                    timeout=30,
                )
        elif path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except (OSError, subprocess.SubprocessError) as exc:
        logger.warning("cannot make %s private to this user: %s", path, exc)


def create_private(path: Path) -> None:
    """Create an empty file that is private from its first byte (no window where it is 0644)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    make_private(path)


def private_db_files(db: Path) -> None:
    """The DB and its companions (SQLite gives new -wal/-shm files the DB's own mode)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        make_private(Path(f"{db}{suffix}"))
