"""The append-only event outbox: every accepted action appends one event in its own transaction.

`seq` is the per-station sequence upstream sync pushes in order. It is gapless and never
reused: it is the rowid (max+1 on insert; a rolled-back insert leaves no gap), events are never
updated, and only `compact` deletes: events the hub acknowledged, older than the retention
window, never the newest (triggers refuse anything else), so max(seq) never goes backwards.
`uuid` (UUIDv7) is the idempotency key the hub dedups on.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import Any

import uuid6

from warehouse_app.clock import iso, utcnow
from warehouse_app.store.tx import transaction


def station_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()
    return row[0] if row else "UNSET"


def append_event(
    conn: sqlite3.Connection,
    type_: str,
    payload: dict[str, Any],
    *,
    operator: str | None = None,
    at: str | None = None,
    station: str | None = None,
) -> tuple[int, str]:
    """Append one event; the caller owns the transaction. Returns (seq, uuid)."""
    ev_uuid = str(uuid6.uuid7())
    cur = conn.execute(
        "INSERT INTO events (uuid, station_id, type, payload, operator, created_at) VALUES (?,?,?,?,?,?)",
        (
            ev_uuid,
            station or station_id(conn),
            type_,
            json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
            operator,
            at or iso(utcnow()),
        ),
    )
    return int(cur.lastrowid or 0), ev_uuid


def events_after(
    conn: sqlite3.Connection, after_seq: int, limit: int = 1000
) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT seq, uuid, station_id, type, payload, operator, created_at FROM events "
        "WHERE seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()
    return [
        {
            "seq": r["seq"],
            "uuid": r["uuid"],
            "station_id": r["station_id"],
            "type": r["type"],
            "payload": json.loads(r["payload"]),
            "operator": r["operator"],
            "created_at": r["created_at"],
        }
        for r in rows
    ]


def last_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(seq) FROM events").fetchone()
    return int(row[0] or 0)


# events deleted per transaction by `compact`: the writer thread (scans) waits at most this long
COMPACT_CHUNK = 2000


def compact_step(conn: sqlite3.Connection, older_than: str, chunk: int = COMPACT_CHUNK) -> int:
    """Delete the oldest run of events the hub acknowledged and created before `older_than`,
    at most `chunk`, never the newest event; the caller owns the transaction. Returns how many
    went (fewer than `chunk`: nothing more to do now). Walks up from the oldest seq and stops
    at the first newer event, so the cost is the rows deleted, not the outbox size."""
    lo = conn.execute("SELECT min(seq) FROM events").fetchone()[0]
    row = conn.execute("SELECT acked_seq FROM sync_state WHERE id=1").fetchone()
    if lo is None or row is None:
        return 0
    hi = min(int(lo) + chunk - 1, int(row[0]), last_seq(conn) - 1)
    if hi < lo:
        return 0
    first_new = conn.execute(
        "SELECT min(seq) FROM events WHERE seq BETWEEN ? AND ? AND created_at >= ?",
        (lo, hi, older_than),
    ).fetchone()[0]
    if first_new is not None:
        hi = int(first_new) - 1
    if hi < lo:
        return 0
    cur = conn.execute("DELETE FROM events WHERE seq BETWEEN ? AND ?", (lo, hi))
    n = int(cur.rowcount)
    return n if first_new is None else min(n, chunk - 1)


def compact_cutoff(now: datetime, retention_days: int) -> str | None:
    """The created_at below which acknowledged events may go; None: keep everything."""
    if retention_days <= 0:
        return None
    return iso(now - timedelta(days=retention_days))


def compact_chunk(conn: sqlite3.Connection, older_than: str) -> int:
    """One compaction step in its own transaction (the sync thread queues these on the writer
    one at a time, so scans run in between)."""
    with transaction(conn):
        return compact_step(conn, older_than)


def compact(conn: sqlite3.Connection, retention_days: int, now: datetime | None = None) -> int:
    """Shed the events the hub acknowledged that are older than `retention_days` (0: none);
    returns how many. Unacknowledged events and the newest event always stay."""
    cutoff = compact_cutoff(now or utcnow(), retention_days)
    total = 0
    while cutoff is not None:
        n = compact_chunk(conn, cutoff)
        total += n
        if n < COMPACT_CHUNK:
            break
    return total
