"""Schema owned by the sync area. Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.sqlscript import exec_script as _exec

migrations = Migrations("station-sync")


@migrations(name="0001_sync_state")
def m0001_sync_state(db: sqlite_utils.Database) -> None:
    """Bookkeeping lives in one row so the ack cursor and pull cursor move atomically with data."""
    _exec(
        db,
        """
CREATE TABLE sync_config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL DEFAULT 0,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    last_push_at TEXT, last_pull_at TEXT, last_ok_at TEXT,
    last_attempt_at TEXT, last_error_at TEXT, last_error_en TEXT, last_error_zh TEXT,
    hub_time_offset_s REAL);
INSERT INTO sync_state (id) VALUES (1)
""",
    )


@migrations(name="0002_hub_epoch")
def m0002_hub_epoch(db: sqlite_utils.Database) -> None:
    """The hub's epoch the pull cursor belongs to (a restored hub starts a new one: re-sync)."""
    _exec(
        db,
        """
ALTER TABLE sync_state ADD COLUMN hub_epoch TEXT;
ALTER TABLE sync_state ADD COLUMN last_resync_at TEXT
""",
    )


@migrations(name="0003_outbox_compaction")
def m0003_outbox_compaction(db: sqlite_utils.Database) -> None:
    """The outbox may shed events the hub acknowledged (outbox.compact): the database itself
    refuses to delete an event the hub has not acknowledged, or the newest one. seq is the
    rowid (max + 1 on insert), so keeping the newest row means a seq is never handed out twice,
    also after a restart. Updates stay forbidden."""
    _exec(
        db,
        """
DROP TRIGGER IF EXISTS events_no_delete;
CREATE TRIGGER events_delete_only_acked BEFORE DELETE ON events
    WHEN OLD.seq > COALESCE((SELECT acked_seq FROM sync_state WHERE id = 1), 0)
      OR OLD.seq >= (SELECT max(seq) FROM events)
    BEGIN SELECT RAISE(ABORT, 'events are append-only: only ones the hub acknowledged may go, never the newest'); END
""",
    )
