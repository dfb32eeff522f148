"""Upgrades keep the data: every shipped schema migrates, a backup is made first (last N kept),
and a database written by a newer app is refused without being touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from warehouse_app.errors import StoreError
from warehouse_app.store import open_store
from warehouse_app.store.db import BACKUP_KEEP, backups_dir
from warehouse_app.store.migrations import pending

DATA = Path(__file__).parent / "data"
SHIPPED = sorted(DATA.glob("station_schema_*.sql"))


def _load(sql: Path, db: Path) -> None:
    raw = sqlite3.connect(db)
    raw.executescript(sql.read_text(encoding="utf-8"))
    raw.close()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    c = sqlite3.connect(db)
    try:
        return [tuple(r) for r in c.execute(sql)]
    finally:
        c.close()


def test_shipped_schemas_are_found():
    assert {p.name for p in SHIPPED} >= {"station_schema_v1.sql", "station_schema_v0.1.0.sql"}


@pytest.mark.parametrize("sql", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_schema_upgrades_with_a_backup_first(tmp_path, sql):
    db = tmp_path / "station.db"
    _load(sql, db)
    before_ops = _rows(db, "SELECT code, name, role FROM operators ORDER BY 1")
    before_meta = _rows(db, "SELECT key, value FROM meta ORDER BY 1")
    c = sqlite3.connect(db)
    had_pending = bool(pending(c))
    c.close()

    store = open_store(db)

    conn = store.connect()
    assert pending(conn) == []
    conn.close()
    assert _rows(db, "SELECT code, name, role FROM operators ORDER BY 1") == before_ops
    assert _rows(db, "SELECT key, value FROM meta ORDER BY 1") == before_meta
    backups = sorted(backups_dir(db).glob("station-*-before-*.db")) if had_pending else []
    if had_pending:
        assert len(backups) == 1
        # the copy is the old schema with its data: putting it back undoes the upgrade
        b = sqlite3.connect(backups[0])
        assert pending(b) != []
        assert [
            tuple(r) for r in b.execute("SELECT code, name, role FROM operators ORDER BY 1")
        ] == (before_ops)
        b.close()
    # opening again migrates nothing and backs up nothing
    open_store(db)
    assert len(list(backups_dir(db).glob("*.db"))) == len(backups)


def test_a_new_database_is_not_backed_up(tmp_path):
    open_store(tmp_path / "station.db")
    assert not backups_dir(tmp_path / "station.db").exists()


def test_only_the_last_backups_are_kept(tmp_path, monkeypatch):
    import warehouse_app.store.db as dbmod

    db = tmp_path / "station.db"
    for _ in range(BACKUP_KEEP + 2):
        if db.exists():
            db.unlink()
        _load(DATA / "station_schema_v1.sql", db)
        open_store(db)
    kept = list(backups_dir(db).glob("*.db"))
    assert len(kept) == BACKUP_KEEP
    assert dbmod.BACKUP_KEEP == BACKUP_KEEP


def test_a_database_from_a_newer_app_is_refused_and_left_unchanged(tmp_path):
    db = tmp_path / "station.db"
    open_store(db).connect().close()
    c = sqlite3.connect(db)
    c.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('station-core', '9999_from_the_future', '2030-01-01')"
    )
    c.commit()
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as ei:
        open_store(db)
    assert "newer version" in str(ei.value) and "更新版本" in ei.value.zh
    assert "9999_from_the_future" in str(ei.value)
    assert db.read_bytes() == before
    assert not backups_dir(db).exists()


def test_the_cli_says_so_for_a_newer_database(tmp_path, capsys):
    from warehouse_app.cli import main

    data = tmp_path / "st"
    assert main(["--data-dir", str(data), "init", "--station-id", "N1"]) == 0
    c = sqlite3.connect(data / "station.db")
    c.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('station-hologram', '0001', '2030-01-01')"
    )
    c.commit()
    c.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--lang", "en", "status"]) == 1
    assert "newer version" in capsys.readouterr().err


def test_print_jobs_keep_their_rows_and_ids_when_the_held_state_arrives(tmp_path):
    """0002_print_jobs_held rebuilds print_jobs (SQLite cannot change a CHECK): every job keeps
    its id and state, new jobs never reuse an id, and `held` is a state the table takes."""
    db = tmp_path / "station.db"
    _load(DATA / "station_schema_v0.1.0.sql", db)
    raw = sqlite3.connect(db)
    with raw:
        for i, state in enumerate(("done", "queued", "uncertain"), start=1):
            raw.execute(
                "INSERT INTO print_jobs (job_id, run_id, printer, kind, waybill, state, created_at, "
                "updated_at) VALUES (?, 'run-1', 'tcp://p:9100', 'print', ?, ?, 't', 't')",
                (i * 10, f"W{i}", state),
            )
        raw.execute("DELETE FROM print_jobs WHERE job_id = 30")  # the counter remembers 30
    raw.close()
    store = open_store(db)
    conn = store.connect()
    try:
        rows = [tuple(r) for r in conn.execute("SELECT job_id, waybill, state FROM print_jobs")]
        assert rows == [(10, "W1", "done"), (20, "W2", "queued")]
        with conn:
            conn.execute("UPDATE print_jobs SET state='held' WHERE job_id=20")
            new = conn.execute(
                "INSERT INTO print_jobs (run_id, printer, kind, waybill, state, created_at, "
                "updated_at) VALUES ('run-2', 'tcp://p:9100', 'print', 'W4', 'queued', 't', 't')"
            ).lastrowid
        assert new == 31
        with pytest.raises(sqlite3.IntegrityError), conn:
            conn.execute("UPDATE print_jobs SET state='lost' WHERE job_id=20")
    finally:
        conn.close()
