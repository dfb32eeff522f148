"""Where the station keeps its data, logs and bundled resources."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import platformdirs

from devices.resources import resource_path as resource_path  # one for every layer

logger = logging.getLogger(__name__)

APP_NAME = "warehouse-station"
APP_AUTHOR = "warehouse"
# Written by the Windows setup and the Debian package next to the installed executables: it
# names the per-machine data folder (ProgramData, /var/lib) that every packer account uses.
INSTALL_FILE = "install.json"


def install_config() -> dict[str, str]:
    """The installer's settings for a frozen, installed app; empty from source or a bare bundle."""
    if not getattr(sys, "frozen", False):
        return {}
    p = Path(sys.executable).resolve().parent / INSTALL_FILE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("ignoring unreadable %s: %s", p, exc)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def default_data_dir() -> Path:
    """WAREHOUSE_DATA_DIR, else the installer's per-machine folder, else the per-user data dir."""
    env = os.environ.get("WAREHOUSE_DATA_DIR")
    if env:
        return Path(env)
    machine = install_config().get("data_dir")
    if machine:
        return Path(os.path.expandvars(machine))
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_dir_for(data_dir: Path | None) -> Path:
    """Logs live with the station they describe: `<data dir>/logs` once that folder holds a
    station (an explicit --data-dir, WAREHOUSE_DATA_DIR or a per-machine install), so IT finds
    one log per station; the user log dir otherwise (a mistyped or empty folder gets nothing)."""
    base = Path(data_dir) if data_dir is not None else default_data_dir()
    if db_path(base).is_file():
        return base / "logs"
    return default_log_dir()


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / "station.db"


def icacls_private_command(path: Path, env: Mapping[str, str]) -> list[str] | None:
    """The Windows command that leaves `path` to the station's user alone: the entries it
    inherits from its folder are removed (/inheritance:r) and the user's own full control
    replaces any grant they had (/grant:r), so no other account (not even an administrator's
    ordinary session) reads the recipients' data. The user is DOMAIN\\name from USERDOMAIN and
    USERNAME (for a local account the domain is the PC's name), so a same-named domain account
    is not the one granted. None when there is no USERNAME (a service without a profile):
    nothing is run then, and the file keeps the ACL of its folder."""
    user = env.get("USERNAME", "").strip()
    if not user:
        return None
    domain = env.get("USERDOMAIN", "").strip()
    who = f"{domain}\\{user}" if domain else user
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"{who}:(F)"]


def make_private(
    path: Path,
    *,
    platform: str = sys.platform,
    run: Callable[..., Any] = subprocess.run,
    env: Mapping[str, str] = os.environ,
) -> None:
    """Readable and writable by the station's user only: 0600 on POSIX, an ACL with only the
    current user on Windows (`icacls_private_command`). The DB holds recipients' names, phones
    and addresses (PIPL) and the leads' PIN hashes. Best effort: a failure is logged, never
    fatal. `platform`, `run` and `env` are what a test on another OS passes to see the Windows
    command line without running it (icacls exists on Windows only)."""
    if not path.exists():
        return
    if shared_station(path.parent):
        _make_group_shared(path, platform)
        return
    try:
        if platform == "win32":
            cmd = icacls_private_command(path, env)
            if cmd is None:
                logger.warning("cannot make %s private: no USERNAME in the environment", path)
                return
            run(cmd, capture_output=True, check=True, timeout=30)
        elif path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except (OSError, subprocess.SubprocessError) as exc:
        logger.warning("cannot make %s private to this user: %s", path, exc)


# Put in a data folder by the Windows setup / the Debian package: this station's data is shared
# by every packer account on the PC (the folder's ACL / group says who), not private to one user.
SHARED_MARKER = "shared-station"


def shared_station(data_dir: Path) -> bool:
    return (Path(data_dir) / SHARED_MARKER).is_file()


def _make_group_shared(path: Path, platform: str = sys.platform) -> None:
    """In a per-machine data folder: on POSIX rw for the owner and the folder's group (the
    Debian package makes /var/lib/warehouse-station setgid `warehouse-station`), nothing for
    others; on Windows the file keeps the ACL it inherits from the folder the setup made."""
    if platform == "win32":
        return
    try:
        if path.stat().st_mode & 0o777 != 0o660:
            os.chmod(path, 0o660)
    except OSError as exc:
        logger.warning("cannot share %s with the station group: %s", path, exc)


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
