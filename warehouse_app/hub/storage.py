"""Hub storage behind one narrow interface (`HubStorage`), so PostgreSQL can follow SQLite.

Everything the HTTP layer needs goes through these methods; nothing else touches the hub DB.
Events are keyed twice: by (station_id, seq) for order and by uuid for idempotency.
Reference data (orders, SKUs, carriers, batch plans, settings) lives in one `records` table
whose `rev` comes from one hub-wide counter, so a station's pull cursor is a single integer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from warehouse_app.clock import iso, utcnow

logger = logging.getLogger(__name__)

RECORD_KINDS = ("order", "sku", "carrier", "batch_plan", "session", "setting")
# Records the hub's work division writes (warehouse_app.hub.ledger), pulled like the others.
LEDGER_RECORD_KINDS = ("lease", "hold", "transfer", "conflict")
# Event types that mean "one parcel given to a carrier"; counted for shift leads.
HANDOFF_EVENT_TYPES = ("parcel.handed_off", "handoff.parcel_added", "handoff.scanned")


class HubConflict(Exception):
    """The station and hub disagree about the event stream; carries the hub's acked seq."""

    def __init__(self, message: str, acked_seq: int) -> None:
        super().__init__(message)
        self.acked_seq = acked_seq


@dataclass
class PushResult:
    acked_seq: int
    stored: int = 0
    duplicates: int = 0


@dataclass
class Change:
    rev: int
    kind: str
    key: str
    data: dict[str, Any]
    updated_at: str = ""


@dataclass
class StationInfo:
    station_id: str
    created_at: str
    revoked_at: str | None
    acked_seq: int = 0
    last_push_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def hash_token(token: str) -> str:
    """Tokens are 256-bit random, so a plain SHA-256 is enough (no password stretching needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class HubStorage(Protocol):
    def add_station(self, station_id: str, token_hash: str) -> None: ...
    def revoke_station(self, station_id: str) -> bool: ...
    def replace_station(self, station_id: str, token_hash: str) -> int: ...
    def run_write(self, fn: Any, *args: Any) -> Any: ...
    def run_read(self, fn: Any) -> Any: ...
    def next_rev(self, tx: Any) -> int: ...
    def station_for_token(self, token_hash: str) -> str | None: ...
    def stations(self) -> list[StationInfo]: ...
    def store_events(
        self, station_id: str, after_seq: int, events: list[dict[str, Any]]
    ) -> PushResult: ...
    def acked_seq(self, station_id: str) -> int: ...
    def reset_acked_seq(self, station_id: str, seq: int | None = None) -> tuple[int, int]: ...
    def events(
        self, station_id: str | None = None, after_seq: int = 0, limit: int = 1000
    ) -> list[dict[str, Any]]: ...
    def put_records(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int: ...
    def record(self, kind: str, key: str) -> dict[str, Any] | None: ...
    def changes_since(self, cursor: int, limit: int = 1000) -> list[Change]: ...
    def handoff_counts(self, since: str | None = None) -> list[dict[str, Any]]: ...
    def carrier_intercepts(self) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


SCHEMA = """
CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS stations (
    station_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
    revoked_at TEXT, acked_seq INTEGER NOT NULL DEFAULT 0, last_push_at TEXT);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    station_id TEXT NOT NULL, seq INTEGER NOT NULL, uuid TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (station_id, seq));
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS records (
    kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, rev INTEGER NOT NULL UNIQUE,
    updated_at TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
"""


class SqliteTx:
    """One connection inside one transaction: the small query API the ledger is written to."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> int:
        return int(self.conn.execute(sql, tuple(params)).rowcount)

    def one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, tuple(params)).fetchone()
        return row

    def all(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, tuple(params)).fetchall())

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        return row[0] if row is not None else None


class SqliteHubStorage:
    """The embedded default: one connection behind a lock, as the hub's writes are serial anyway."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(self.path), isolation_level=None, check_same_thread=False, timeout=10
        )
        self._conn.row_factory = sqlite3.Row
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA busy_timeout=10000",
        ):
            self._conn.execute(pragma)
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for stmt in SCHEMA.split(";\n"):
                    if stmt.strip():
                        self._conn.execute(stmt)
                self._conn.execute("INSERT OR IGNORE INTO hub_meta VALUES ('schema_version', '1')")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    # -- plumbing -------------------------------------------------------------------------
    def _write(self, fn: Any, *args: Any) -> Any:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                out = fn(self._conn, *args)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return out

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def run_write(self, fn: Any, *args: Any) -> Any:
        """Run fn(tx, *args) in one write transaction (the ledger's tables and records);
        `tx` has execute (-> row count), one, all, scalar with `?` placeholders."""
        return self._write(lambda c, *a: fn(SqliteTx(c), *a), *args)

    def run_read(self, fn: Any) -> Any:
        with self._lock:
            return fn(SqliteTx(self._conn))

    def next_rev(self, tx: Any) -> int:
        """The next pull rev, inside the caller's write transaction."""
        return int(tx.scalar("SELECT COALESCE(max(rev), 0) FROM records")) + 1

    # -- stations ---------------------------------------------------------------------------
    def add_station(self, station_id: str, token_hash: str) -> None:
        def run(c: sqlite3.Connection) -> None:
            row = c.execute(
                "SELECT revoked_at FROM stations WHERE station_id=?", (station_id,)
            ).fetchone()
            if row is not None and row["revoked_at"] is None:
                raise ValueError(f"station {station_id} already exists")
            if row is None:
                c.execute(
                    "INSERT INTO stations (station_id, token_hash, created_at) VALUES (?,?,?)",
                    (station_id, token_hash, iso(utcnow())),
                )
            else:  # re-adding a revoked station issues a new token, keeps its events and ack
                c.execute(
                    "UPDATE stations SET token_hash=?, revoked_at=NULL WHERE station_id=?",
                    (token_hash, station_id),
                )

        self._write(run)

    def revoke_station(self, station_id: str) -> bool:
        def run(c: sqlite3.Connection) -> bool:
            cur = c.execute(
                "UPDATE stations SET revoked_at=? WHERE station_id=? AND revoked_at IS NULL",
                (iso(utcnow()), station_id),
            )
            return cur.rowcount > 0

        return bool(self._write(run))

    def replace_station(self, station_id: str, token_hash: str) -> int:
        """A new PC takes over a station id: a new token and a fresh upload sequence. The old
        PC's events stay, filed under `ID~N` (N = the replaced generation), so nothing is lost
        and the new PC's seq 1.. no longer clashes with them. Returns how many were filed."""

        def run(c: sqlite3.Connection) -> int:
            row = c.execute(
                "SELECT acked_seq FROM stations WHERE station_id=?", (station_id,)
            ).fetchone()
            if row is None:
                raise KeyError(station_id)
            gen = 1
            while c.execute(
                "SELECT 1 FROM events WHERE station_id=? LIMIT 1", (f"{station_id}~{gen}",)
            ).fetchone():
                gen += 1
            cur = c.execute(
                "UPDATE events SET station_id=? WHERE station_id=?",
                (f"{station_id}~{gen}", station_id),
            )
            c.execute(
                "UPDATE stations SET token_hash=?, revoked_at=NULL, acked_seq=0 WHERE station_id=?",
                (token_hash, station_id),
            )
            return int(cur.rowcount)

        return int(self._write(run))

    def station_for_token(self, token_hash: str) -> str | None:
        rows = self._read(
            "SELECT station_id FROM stations WHERE token_hash=? AND revoked_at IS NULL",
            (token_hash,),
        )
        return rows[0]["station_id"] if rows else None

    def stations(self) -> list[StationInfo]:
        return [
            StationInfo(
                r["station_id"], r["created_at"], r["revoked_at"], r["acked_seq"], r["last_push_at"]
            )
            for r in self._read("SELECT * FROM stations ORDER BY station_id")
        ]

    # -- events -----------------------------------------------------------------------------
    def acked_seq(self, station_id: str) -> int:
        rows = self._read("SELECT acked_seq FROM stations WHERE station_id=?", (station_id,))
        return int(rows[0]["acked_seq"]) if rows else 0

    def reset_acked_seq(self, station_id: str, seq: int | None = None) -> tuple[int, int]:
        """Admin repair: move a station's acknowledged position to `seq` (default: the end of
        the gap-free run of events it holds from seq 1). Events are never deleted; returns
        (old, new)."""

        def run(c: sqlite3.Connection) -> tuple[int, int]:
            row = c.execute(
                "SELECT acked_seq FROM stations WHERE station_id=?", (station_id,)
            ).fetchone()
            if row is None:
                raise KeyError(station_id)
            new = seq
            if new is None:  # seq k is in the gap-free run when k equals its rank
                got = c.execute(
                    "SELECT max(seq) FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n "
                    "FROM events WHERE station_id=?) WHERE seq = n",
                    (station_id,),
                ).fetchone()[0]
                new = int(got or 0)
            c.execute("UPDATE stations SET acked_seq=? WHERE station_id=?", (new, station_id))
            return int(row["acked_seq"]), new

        result: tuple[int, int] = self._write(run)
        return result

    def store_events(
        self, station_id: str, after_seq: int, events: list[dict[str, Any]]
    ) -> PushResult:
        """Store a batch that follows `after_seq`; duplicates by uuid are skipped, never re-stored.

        The station sends events after the last seq it knows the hub acked. If that is beyond
        what the hub holds (hub restored from an older backup), the hub says so and the station
        rewinds: nothing acknowledged is ever lost.
        """

        def run(c: sqlite3.Connection) -> PushResult:
            row = c.execute(
                "SELECT acked_seq FROM stations WHERE station_id=?", (station_id,)
            ).fetchone()
            acked = int(row["acked_seq"]) if row else 0
            if after_seq > acked:
                raise HubConflict(
                    f"station {station_id} pushes after seq {after_seq} "
                    f"but the hub holds up to {acked}",
                    acked,
                )
            now = iso(utcnow())
            res = PushResult(acked_seq=acked)
            for ev in events:
                seq = int(ev["seq"])
                same = c.execute(
                    "SELECT station_id, seq FROM events WHERE uuid=?", (ev["uuid"],)
                ).fetchone()
                if same is not None:
                    if same["station_id"] != station_id or same["seq"] != seq:
                        raise HubConflict(
                            f"event {ev['uuid']} already stored as "
                            f"{same['station_id']}#{same['seq']}",
                            acked,
                        )
                    res.duplicates += 1
                    continue
                if seq <= res.acked_seq:
                    raise HubConflict(
                        f"station {station_id} seq {seq} already holds another event: uploads "
                        f"refused. If this is a new PC for station {station_id}, run "
                        f"`warehouse-hub station replace {station_id}` on the hub",
                        acked,
                    )
                c.execute(
                    "INSERT INTO events (station_id, seq, uuid, type, payload, operator, created_at, "
                    "received_at) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        station_id,
                        seq,
                        ev["uuid"],
                        ev["type"],
                        json.dumps(
                            ev["payload"], ensure_ascii=False, separators=(",", ":"), sort_keys=True
                        ),
                        ev.get("operator"),
                        ev["created_at"],
                        now,
                    ),
                )
                res.stored += 1
                res.acked_seq = seq
            c.execute(
                "UPDATE stations SET acked_seq=?, last_push_at=? WHERE station_id=?",
                (res.acked_seq, now, station_id),
            )
            return res

        result: PushResult = self._write(run)
        return result

    def events(
        self, station_id: str | None = None, after_seq: int = 0, limit: int = 1000
    ) -> list[dict[str, Any]]:
        if station_id is None:
            rows = self._read(
                "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", (after_seq, limit)
            )
        else:
            rows = self._read(
                "SELECT * FROM events WHERE station_id=? AND seq > ? ORDER BY seq LIMIT ?",
                (station_id, after_seq, limit),
            )
        return [
            {
                "id": r["id"],
                "station_id": r["station_id"],
                "seq": r["seq"],
                "uuid": r["uuid"],
                "type": r["type"],
                "payload": json.loads(r["payload"]),
                "operator": r["operator"],
                "created_at": r["created_at"],
                "received_at": r["received_at"],
            }
            for r in rows
        ]

    # -- reference data ---------------------------------------------------------------------
    def put_records(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Upsert records, each getting a fresh rev. A cancelled order stays cancelled."""
        if kind not in RECORD_KINDS + LEDGER_RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r}")
        items = list(rows)

        def run(c: sqlite3.Connection) -> int:
            rev = int(c.execute("SELECT COALESCE(max(rev), 0) FROM records").fetchone()[0])
            now = iso(utcnow())
            n = 0
            for key, data in items:
                if kind == "order":
                    old = c.execute(
                        "SELECT data FROM records WHERE kind='order' AND key=?", (key,)
                    ).fetchone()
                    if old is not None:
                        prev = json.loads(old["data"])
                        if prev.get("status") == "cancelled" and data.get("status") != "cancelled":
                            data = {
                                **data,
                                "status": "cancelled",
                                "cancelled_at": prev.get("cancelled_at"),
                            }
                    if data.get("status") == "cancelled" and not data.get("cancelled_at"):
                        data = {**data, "cancelled_at": now}
                rev += 1
                c.execute(
                    "INSERT INTO records (kind, key, data, rev, updated_at) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(kind, key) DO UPDATE SET data=excluded.data, rev=excluded.rev, "
                    "updated_at=excluded.updated_at",
                    (
                        kind,
                        key,
                        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                        rev,
                        now,
                    ),
                )
                n += 1
            return n

        return int(self._write(run))

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        rows = self._read("SELECT data FROM records WHERE kind=? AND key=?", (kind, key))
        return json.loads(rows[0]["data"]) if rows else None

    def changes_since(self, cursor: int, limit: int = 1000) -> list[Change]:
        rows = self._read(
            "SELECT rev, kind, key, data, updated_at FROM records WHERE rev > ? "
            "ORDER BY rev LIMIT ?",
            (cursor, limit),
        )
        return [
            Change(r["rev"], r["kind"], r["key"], json.loads(r["data"]), r["updated_at"])
            for r in rows
        ]

    # -- reports ----------------------------------------------------------------------------
    def handoff_counts(self, since: str | None = None) -> list[dict[str, Any]]:
        """Parcels handed off per station, carrier and hour (station clock, as recorded)."""
        marks = ",".join("?" for _ in HANDOFF_EVENT_TYPES)
        sql = (
            f"SELECT station_id, COALESCE(json_extract(payload, '$.carrier'), '-') AS carrier, "
            f"substr(created_at, 1, 13) AS hour, count(*) AS parcels FROM events "
            f"WHERE type IN ({marks})"
        )
        params: list[Any] = list(HANDOFF_EVENT_TYPES)
        if since:
            sql += " AND created_at >= ?"
            params.append(since)
        sql += " GROUP BY station_id, carrier, hour ORDER BY hour, station_id, carrier"
        return [dict(r) for r in self._read(sql, tuple(params))]

    def carrier_intercepts(self) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT station_id, seq, uuid, payload, created_at, received_at FROM events "
            "WHERE type='carrier_intercept.requested' ORDER BY id"
        )
        return [
            {
                "station_id": r["station_id"],
                "seq": r["seq"],
                "uuid": r["uuid"],
                "created_at": r["created_at"],
                "received_at": r["received_at"],
                **json.loads(r["payload"]),
            }
            for r in rows
        ]


def open_storage(data_dir: Path | str) -> SqliteHubStorage:
    """The storage a hub data dir holds; the one place a PostgreSQL URL would be chosen later."""
    return SqliteHubStorage(Path(data_dir) / "hub.db")
