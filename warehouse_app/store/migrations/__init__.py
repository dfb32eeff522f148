"""All migration sets, applied in this order. Each area owns one named set (sqlite-utils
`Migrations`), so areas add schema without renumbering each other; each migration is atomic
with its tracking row."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.migrations import (
    core,
    counters,
    devices,
    multistation,
    promo,
    settings,
    sync,
)

MIGRATION_SETS: list[Migrations] = [
    core.migrations,
    devices.migrations,
    sync.migrations,
    promo.migrations,
    multistation.migrations,
    counters.migrations,  # its triggers read columns the other sets add
    settings.migrations,  # moves old setting names to the registry keys (once)
]


def apply_all(conn: sqlite3.Connection) -> None:
    db = sqlite_utils.Database(conn)
    for mset in MIGRATION_SETS:
        mset.apply(db)


def pending(conn: sqlite3.Connection) -> list[str]:
    db = sqlite_utils.Database(conn)
    return [f"{m.name}:{p.name}" for m in MIGRATION_SETS for p in m.pending(db)]


def unknown_applied(conn: sqlite3.Connection) -> list[str]:
    """Migrations recorded in the DB that this app does not know: a newer app wrote it."""
    known = {(m.name, p.name) for m in MIGRATION_SETS for p in m._migrations}
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if not has_table:
        return []
    rows = conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid")
    return [f"{r[0]}:{r[1]}" for r in rows if (r[0], r[1]) not in known]


def applied_count(conn: sqlite3.Connection) -> int:
    """How many migrations the DB has; 0 for a new, empty file (nothing to back up)."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if not has_table:
        return 0
    return int(conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0])
