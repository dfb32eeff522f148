"""The store: pragmas, migrations from the first shipped schema, clear errors for bad DB files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse_app.errors import StoreError
from warehouse_app.store import open_store
from warehouse_app.store.migrations import MIGRATION_SETS, pending

DATA = Path(__file__).parent / "data"


def test_pragmas_are_durable(store):
    c = store.connect()
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_migration_applied_once(store):
    c = store.connect()
    assert pending(c) == []
    rows = c.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
    assert len(rows) == len(set(map(tuple, rows)))
    open_store(store.path)  # re-opening applies nothing new
    assert c.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(rows)


def test_upgrade_from_first_shipped_schema_keeps_data(tmp_path):
    db = tmp_path / "old.db"
    raw = sqlite3.connect(db)
    raw.executescript((DATA / "station_schema_v1.sql").read_text())
    raw.close()
    before = (
        sqlite3.connect(db)
        .execute("SELECT parcel_id, state, order_id FROM parcels ORDER BY 1")
        .fetchall()
    )
    s = open_store(db)
    c = s.connect()
    assert pending(c) == []
    applied = {
        (r[0], r[1]) for r in c.execute("SELECT migration_set, name FROM _sqlite_migrations")
    }
    for mset in MIGRATION_SETS:
        for m in mset._migrations:
            assert (mset.name, m.name) in applied
    after = [
        tuple(r) for r in c.execute("SELECT parcel_id, state, order_id FROM parcels ORDER BY 1")
    ]
    assert after == [tuple(r) for r in before] and ("PP-OLD1-B0001-00001", "packed", "V1") in after
    assert s.station_id() == "OLD1"
    # the upgraded station still scans
    from warehouse_app.scan_engine import ScanContext, scan

    assert scan(c, "WBV1", ScanContext("verify", "P1")).ok


def test_missing_db_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="warehouse-station init"):
        open_store(tmp_path / "nope" / "station.db", create=False)


def test_corrupt_db_is_a_clear_error(tmp_path):
    bad = tmp_path / "station.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as ei:
        open_store(bad)
    assert "damaged" in str(ei.value) and "损坏" in ei.value.zh
    assert bad.read_bytes().startswith(b"this is not")  # never deleted or rewritten


def test_core_never_imports_qt():
    code = (
        "import sys, warehouse_app.cli, warehouse_app.scan_engine, warehouse_app.demo, warehouse_app.store, "
        "warehouse_app.reports, warehouse_app.importer;"
        "import pkgutil, importlib, devices, warehouse_app\n"
        "for pkg in (warehouse_app, devices):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'):\n"
        "            importlib.import_module(m.name)\n"
        "assert 'PySide6' not in sys.modules, [m for m in sys.modules if 'PySide6' in m]\n"
        "print('clean')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
    )
    assert out.returncode == 0, out.stderr
    assert "clean" in out.stdout


def test_writer_runs_on_one_thread_and_refuses_work_after_close(store):
    import threading

    from warehouse_app.store.writer import StoreWriter, WriterClosed

    w = StoreWriter(store)
    names = {w.call(lambda c: threading.current_thread().name) for _ in range(5)}
    assert len(names) == 1 and names.pop().startswith("store-writer")
    assert w.call(lambda c: c.execute("PRAGMA synchronous").fetchone()[0]) == 2
    w.close()
    with pytest.raises(WriterClosed):
        w.call(lambda c: 1)
