"""All migration sets, applied in this order. Each area owns one named set (sqlite-utils
`Migrations`), so areas add schema without renumbering each other; each migration is atomic
with its tracking row."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.migrations import core, devices, promo, sync

MIGRATION_SETS: list[Migrations] = [
    core.migrations,
    devices.migrations,
    sync.migrations,
    promo.migrations,
]


def apply_all(conn: sqlite3.Connection) -> None:
    db = sqlite_utils.Database(conn)
    for mset in MIGRATION_SETS:
        mset.apply(db)


def pending(conn: sqlite3.Connection) -> list[str]:
    db = sqlite_utils.Database(conn)
    return [f"{m.name}:{p.name}" for m in MIGRATION_SETS for p in m.pending(db)]
