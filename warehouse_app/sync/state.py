"""Sync bookkeeping in the station DB (tables from migrations/sync.py).

Functions that write take a connection and are meant to run on the store writer thread;
they own their transaction unless the name says otherwise.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse_app.store.tx import transaction


@dataclass(frozen=True)
class SyncConfig:
    hub_url: str
    token: str
    ca_file: str | None = None


def load_config(conn: sqlite3.Connection) -> SyncConfig | None:
    rows = dict(conn.execute("SELECT key, value FROM sync_config").fetchall())
    if not rows.get("hub_url") or not (rows.get("token") or rows.get("token_ref")):
        return None
    token = rows.get("token") or ""  # a station configured before the token left the DB
    if not token and rows.get("token_ref"):
        from warehouse_app.sync import token_store

        token = token_store.load(rows["token_ref"])
    return SyncConfig(rows["hub_url"], token, rows.get("ca_file") or None)


def _db_path(conn: sqlite3.Connection) -> Path:
    for row in conn.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2]).absolute()
    return Path.cwd() / "station.db"


def save_config(
    conn: sqlite3.Connection, hub_url: str, token: str, ca_file: str | None = None
) -> None:
    """The token goes to the OS keyring or a 0600 file (sync/token_store.py); station.db keeps
    only where. The CA file is saved as an absolute path (the station may start elsewhere)."""
    from warehouse_app.sync import token_store

    old = dict(conn.execute("SELECT key, value FROM sync_config").fetchall()).get("token_ref")
    ref = token_store.store(token, _db_path(conn))
    with transaction(conn):
        for k, v in (
            ("hub_url", hub_url.rstrip("/")),
            ("token", ""),
            ("token_ref", ref),
            ("ca_file", str(Path(ca_file).absolute()) if ca_file else ""),
        ):
            conn.execute("INSERT OR REPLACE INTO sync_config (key, value) VALUES (?, ?)", (k, v))
    if old and old != ref:
        token_store.forget(old)


def read_state(conn: sqlite3.Connection) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM sync_state WHERE id=1").fetchone()
    return dict(row) if row else {}


def save_ack(conn: sqlite3.Connection, acked_seq: int, at: str) -> None:
    """Move the ack cursor forward only; a rewind must be explicit (`rewind_ack`)."""
    with transaction(conn):
        conn.execute(
            "UPDATE sync_state SET acked_seq=max(acked_seq, ?), last_push_at=? WHERE id=1",
            (acked_seq, at),
        )


def rewind_ack(conn: sqlite3.Connection, acked_seq: int) -> None:
    """The hub holds less than we thought (restored backup): re-send from what it holds."""
    with transaction(conn):
        conn.execute("UPDATE sync_state SET acked_seq=? WHERE id=1", (acked_seq,))


def record_ok(conn: sqlite3.Connection, at: str, offset_s: float | None) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE sync_state SET last_ok_at=?, last_attempt_at=?, last_error_en=NULL, "
            "last_error_zh=NULL, hub_time_offset_s=? WHERE id=1",
            (at, at, offset_s),
        )


def record_error(conn: sqlite3.Connection, at: str, en: str, zh: str) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE sync_state SET last_attempt_at=?, last_error_at=?, last_error_en=?, "
            "last_error_zh=? WHERE id=1",
            (at, at, en, zh),
        )


def pending_count(conn: sqlite3.Connection, acked_seq: int) -> int:
    """Events waiting upstream. The outbox is append-only and never rolls seq back, so this is
    max(seq) - acked: O(1), where count(*) would scan 100k rows on every status update."""
    top = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    return max(0, int(top or 0) - int(acked_seq))
