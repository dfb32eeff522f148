"""Live counters kept by triggers (applied after every other set: the counters read columns that
other areas add). Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.sqlscript import exec_script as _exec

migrations = Migrations("station-counters")

# the state a parcel counts under in its batch: a parcel moved to another station is 'transferred'
_KEY_NEW = "CASE WHEN NEW.transferred_to IS NULL THEN NEW.state ELSE 'transferred' END"
_KEY_OLD = "CASE WHEN OLD.transferred_to IS NULL THEN OLD.state ELSE 'transferred' END"
_WORK = "('parcel.packed', 'parcel.verified', 'parcel.handed_off', 'parcel.pulled')"


@migrations(name="0001_live_counters")
def m0001_live_counters(db: sqlite_utils.Database) -> None:
    """Counters the station shows after every scan, kept by triggers so reading them costs the same
    at the end of a peak as at the start: parcels per batch and state (a GROUP BY over a 100,000-
    parcel batch grew with every scan), and accepted parcel work per UTC hour (counting this hour's
    events grew all hour). Every writer path maintains them, since SQLite does it."""
    # (trigger bodies keep their inner ';' off the line end: exec_script splits on ';' + newline)
    _exec(
        db,
        f"""
CREATE TABLE batch_state_counts (
    batch_id TEXT NOT NULL, state TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (batch_id, state)) WITHOUT ROWID;
INSERT INTO batch_state_counts (batch_id, state, n)
    SELECT batch_id, CASE WHEN transferred_to IS NULL THEN state ELSE 'transferred' END AS st,
        count(*) FROM parcels WHERE batch_id IS NOT NULL GROUP BY batch_id, st;
CREATE TRIGGER parcels_counts_ins AFTER INSERT ON parcels WHEN NEW.batch_id IS NOT NULL
    BEGIN INSERT INTO batch_state_counts (batch_id, state, n) VALUES (NEW.batch_id, {_KEY_NEW}, 1)
        ON CONFLICT (batch_id, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER parcels_counts_del AFTER DELETE ON parcels WHEN OLD.batch_id IS NOT NULL
    BEGIN UPDATE batch_state_counts SET n = n - 1
        WHERE batch_id = OLD.batch_id AND state = {_KEY_OLD}; END;
CREATE TRIGGER parcels_counts_upd AFTER UPDATE OF state, batch_id, transferred_to ON parcels
    WHEN {_KEY_NEW} IS NOT {_KEY_OLD} OR NEW.batch_id IS NOT OLD.batch_id
    BEGIN UPDATE batch_state_counts SET n = n - 1 WHERE batch_id = OLD.batch_id AND state = {_KEY_OLD}; INSERT INTO batch_state_counts (batch_id, state, n) SELECT NEW.batch_id, {_KEY_NEW}, 1 WHERE NEW.batch_id IS NOT NULL
        ON CONFLICT (batch_id, state) DO UPDATE SET n = n + 1; END;
CREATE TABLE work_hours (hour TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO work_hours (hour, n)
    SELECT substr(created_at, 1, 13), count(*) FROM events WHERE type IN {_WORK}
    GROUP BY substr(created_at, 1, 13);
CREATE TRIGGER events_work_hours AFTER INSERT ON events WHEN NEW.type IN {_WORK}
    BEGIN INSERT INTO work_hours (hour, n) VALUES (substr(NEW.created_at, 1, 13), 1)
        ON CONFLICT (hour) DO UPDATE SET n = n + 1; END
""",
    )
