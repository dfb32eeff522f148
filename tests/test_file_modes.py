"""station.db and its companions are readable by the station's user only (0600 on POSIX)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from warehouse_app.paths import db_path
from warehouse_app.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_a_new_station_db_and_its_wal_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical desktop umask would give 0644
    try:
        data = tmp_path / "new" / "station"
        store = open_store(db_path(data))
        conn = store.connect()
        conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        files = [Path(f"{store.path}{s}") for s in ("", "-wal", "-shm")]
        assert all(f.exists() for f in files)
        assert [mode(f) for f in files] == [0o600] * 3
        assert mode(data) == 0o700
        conn.close()
    finally:
        os.umask(old)


def test_an_old_world_readable_db_is_made_private_on_open(tmp_path: Path) -> None:
    p = tmp_path / "station.db"
    sqlite3.connect(p).close()
    os.chmod(p, 0o644)
    open_store(p)
    assert mode(p) == 0o600
