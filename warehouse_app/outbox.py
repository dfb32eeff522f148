"""The append-only event outbox: every accepted action appends one event in its own transaction.

`seq` is the per-station sequence upstream sync pushes in order. It is gapless and never
reused: it is the rowid (max+1 on insert; a rolled-back insert leaves no gap) and events are
never deleted or updated (triggers). `uuid` (UUIDv7) is the idempotency key the hub dedups on.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import uuid6

from warehouse_app.clock import iso, utcnow


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
