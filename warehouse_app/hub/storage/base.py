"""The hub's storage logic, written once for every backend.

`SqlHubStorage` holds all queries; a backend (SQLite, PostgreSQL) only supplies connections
and transactions (`_write()` / `_read()`, each yielding a `Tx`) and its `Dialect`. SQL here
uses `?` placeholders and portable syntax (ON CONFLICT, RETURNING); the PostgreSQL backend
rewrites `?` to `%s`. Rows read by column name.

Correctness comes from the database, never from an in-process lock, so several hub processes
can share one PostgreSQL database:
- per-station order and exactly-once: the station row is locked (`FOR UPDATE`) for the push,
  `UNIQUE (station_id, seq)` and `UNIQUE (uuid)` refuse anything else;
- the pull cursor (`rev`) comes from a counter row updated inside the writing transaction, so
  revs are handed out in commit order and a reader can never see rev N+1 without rev N;
- the handoff report reads aggregates kept in the push transaction, not the event table.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from warehouse_app.clock import iso, utcnow

logger = logging.getLogger(__name__)

RECORD_KINDS = ("order", "sku", "carrier", "batch_plan", "session", "setting")
# Records the hub's work division writes (warehouse_app.hub.ledger), pulled like the others.
LEDGER_RECORD_KINDS = ("lease", "hold", "transfer", "conflict")
# Event types that mean "one parcel given to a carrier"; counted for shift leads.
HANDOFF_EVENT_TYPES = ("parcel.handed_off", "handoff.parcel_added", "handoff.scanned")
INTERCEPT_EVENT_TYPE = "carrier_intercept.requested"
# A revoked token stops working within this many seconds in every hub process.
TOKEN_CACHE_S = 0.5

Row = Mapping[str, Any]


class HubConflict(Exception):
    """The station and hub disagree about the event stream; carries the hub's acked seq."""

    def __init__(self, message: str, acked_seq: int) -> None:
        super().__init__(message)
        self.acked_seq = acked_seq


class SchemaTooNew(Exception):
    """The database was migrated by a newer hub version than this one."""


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
class ChangePage:
    """A page of the pull feed plus what a station needs to trust its cursor."""

    changes: list[Change]
    epoch: str  # changes when the hub is restored from a backup
    head: int  # the highest rev handed out; a station cursor above it is from before a restore


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


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def new_epoch() -> str:
    return uuid.uuid4().hex


class HubStorage(Protocol):
    """What the HTTP layer and the CLI may use; nothing else touches the hub database."""

    url: str

    def add_station(self, station_id: str, token_hash: str) -> None: ...
    def revoke_station(self, station_id: str) -> bool: ...
    def replace_station(self, station_id: str, token_hash: str) -> int: ...
    def run_write(self, fn: Any, *args: Any) -> Any: ...
    def run_pipelined(self, fn: Any, *args: Any) -> Any: ...
    def run_read(self, fn: Any) -> Any: ...
    def next_rev(self, tx: Any) -> int: ...
    def follow_events(
        self, tx: Any, after: tuple[int, int], limit: int
    ) -> tuple[list[Row], tuple[int, int], bool]: ...
    def feed_backlog(self, tx: Any, after: tuple[int, int], cap: int) -> int: ...
    def ensure_tables(self, ddl: str) -> None: ...
    def reset_acked_seq(self, station_id: str, seq: int | None = None) -> tuple[int, int]: ...
    def station_for_token(self, token_hash: str) -> str | None: ...
    def stations(self) -> list[StationInfo]: ...
    def store_events(
        self, station_id: str, after_seq: int, events: list[dict[str, Any]]
    ) -> PushResult: ...
    def acked_seq(self, station_id: str) -> int: ...
    def events(
        self, station_id: str | None = None, after_seq: int = 0, limit: int = 1000
    ) -> list[dict[str, Any]]: ...
    def put_records(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int: ...
    def record(self, kind: str, key: str) -> dict[str, Any] | None: ...
    def changes_since(self, cursor: int, limit: int = 1000) -> list[Change]: ...
    def change_page(self, cursor: int, limit: int = 1000) -> ChangePage: ...
    def epoch(self) -> str: ...
    def new_epoch(self, reason: str, *, head_at_least: int = 0) -> str: ...
    def restored_if_ahead(self, cursor: int, epoch: str) -> str | None: ...
    def handoff_counts(self, since: str | None = None) -> list[dict[str, Any]]: ...
    def carrier_intercepts(self) -> list[dict[str, Any]]: ...
    def archive_events(self, received_before: str) -> int: ...
    def schema_version(self) -> int: ...
    def close(self) -> None: ...
    def warm_up(self, timeout_s: float = 30.0) -> None: ...


class Tx(Protocol):
    """One connection inside one transaction (or one read), `?` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; the affected row count."""
        ...

    def send(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A write whose result is not needed: PostgreSQL pipelines it in `run_pipelined`."""
        ...

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """The few spots where SQLite and PostgreSQL SQL differ."""

    name: str
    for_update: str  # appended to a SELECT that locks the rows it reads (write transactions)
    # DDL tokens for migrations and ensure_tables: {id} {bigint} {float} {without_rowid} {text}
    ddl: Mapping[str, str]

    def json_text(self, column: str, key: str) -> str:
        """SQL for the text of a top-level key of a JSON text column (prefer reading JSON in
        Python, or keeping the value in its own column, over this in hot queries)."""
        if self.name == "sqlite":
            return f"json_extract({column}, '$.{key}')"
        return f"({column}::json ->> '{key}')"

    def group_concat(self, expr: str) -> str:
        if self.name == "sqlite":
            return f"group_concat({expr})"
        return f"string_agg({expr}, ',')"


SQLITE = Dialect(
    name="sqlite",
    for_update="",  # BEGIN IMMEDIATE already holds the one write lock
    ddl={
        "id": "INTEGER PRIMARY KEY",
        "bigint": "INTEGER",
        "without_rowid": " WITHOUT ROWID",
        "text": "TEXT",
        "float": "REAL",
    },
)
POSTGRES = Dialect(
    name="postgresql",
    for_update=" FOR UPDATE",
    ddl={
        "id": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "bigint": "BIGINT",
        "without_rowid": "",
        "text": "TEXT",
        "float": "DOUBLE PRECISION",
    },
)


def _carrier_of(payload: Mapping[str, Any]) -> str:
    c = payload.get("carrier")
    if c is None:
        return "-"
    return c if isinstance(c, str) else dumps(c)


class SqlHubStorage:
    """All hub queries; subclasses provide `_write`, `_read`, `close` and `dialect`.

    To add a table: append a `Migration` in `migrations.py` (DDL with {tokens}, or separate
    `sqlite=`/`postgres=` text where they differ). To add a method: write it here once, with
    `with self._write() as tx:` for a transaction or `with self._read() as tx:` for a read on
    a reader connection; both backends get it.
    """

    dialect: Dialect = SQLITE
    url: str = ""

    def __init__(self) -> None:
        # every active station's token hash -> station id, read at most every TOKEN_CACHE_S
        self._tokens: dict[str, str] = {}
        self._tokens_at = float("-inf")  # time.monotonic() of that read
        self._tokens_lock = threading.Lock()

    # -- provided by the backend ---------------------------------------------------------
    def _write(self) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def warm_up(self, timeout_s: float = 30.0) -> None:
        """Before serving: open what the first requests would otherwise open one by one."""

    # -- for modules with their own tables (e.g. hub/ledger.py) ---------------------------
    def ensure_tables(self, ddl: str) -> None:
        """CREATE TABLE/INDEX IF NOT EXISTS statements (separated by ";\n") with the dialect's
        {tokens}, run once per process start under the migration lock. Changing an existing
        table (a new column) needs a Migration in migrations.py instead."""
        stmts = [s.strip() for s in ddl.format(**self.dialect.ddl).split(";\n") if s.strip()]
        with self._write() as tx:
            self._migration_lock(tx)
            for stmt in stmts:
                # PostgreSQL locks the table even for an index that exists: with the ledger
                # process writing, a worker (re)starting could deadlock with it. Skip what is
                # there already.
                m = _CREATE_IF_NOT_EXISTS.match(stmt)
                if m and self._relation_exists(tx, m.group(1)):
                    continue
                tx.execute(stmt)

    def _relation_exists(self, tx: Tx, name: str) -> bool:
        if self.dialect.name == "sqlite":
            return tx.one("SELECT 1 AS x FROM sqlite_master WHERE name=?", (name,)) is not None
        return bool(tx.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)))

    def _migration_lock(self, tx: Tx) -> None:
        """PostgreSQL: an advisory lock so workers starting together do not race on DDL."""

    def run_write(self, fn: Any, *args: Any) -> Any:
        """fn(tx, *args) in one write transaction (`Tx`: execute/many/one/all/scalar)."""
        with self._write() as tx:
            return fn(tx, *args)

    def run_pipelined(self, fn: Any, *args: Any) -> Any:
        """run_write where `tx.send` need not wait for each write (PostgreSQL: pipeline mode)."""
        return self.run_write(fn, *args)

    def run_read(self, fn: Any) -> Any:
        """fn(tx) on a reader connection, one snapshot."""
        with self._read() as tx:
            return fn(tx)

    # -- following the event stream (hub/ledger.py) ------------------------------------------
    # A feed position is (txid, id): PostgreSQL orders the feed by writing transaction, then
    # id (see PostgresHubStorage); SQLite has one writer, so ids commit in order and txid is 0.
    _FEED_COLUMNS = "id, station_id, type, payload, created_at, uuid"

    def follow_events(
        self, tx: Any, after: tuple[int, int], limit: int
    ) -> tuple[list[Row], tuple[int, int], bool]:
        """Stored events after a feed position, in an order no later commit can fall behind:
        (rows, new position, held_back). `held_back` is True when committed events exist that
        must wait for a push still in flight (read again shortly). Never blocks a push."""
        rows = tx.all(
            f"SELECT {self._FEED_COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT ?",
            (after[1], limit),
        )
        return rows, ((0, int(rows[-1]["id"])) if rows else after), False

    def feed_backlog(self, tx: Any, after: tuple[int, int], cap: int) -> int:
        """How many stored events lie after a feed position, counted up to `cap` + 1."""
        return int(
            tx.scalar(
                "SELECT count(*) FROM (SELECT 1 AS x FROM events WHERE id > ? LIMIT ?) AS s",
                (after[1], cap + 1),
            )
            or 0
        )

    def next_rev(self, tx: Any) -> int:
        """The next pull rev inside a `run_write` transaction. Every record write takes its rev
        here (never max(rev)+1): the counter row keeps revs in commit order."""
        return self._next_revs(tx, 1)

    # -- meta ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self._read() as tx:
            return int(tx.scalar("SELECT COALESCE(max(version), 0) FROM schema_migrations") or 0)

    def epoch(self) -> str:
        with self._read() as tx:
            return str(tx.scalar("SELECT value FROM hub_meta WHERE key='epoch'") or "")

    def new_epoch(self, reason: str, *, head_at_least: int = 0) -> str:
        """Start a new epoch (after a restore): every station re-syncs its pull feed fully.
        The rev counter also moves past `head_at_least` (a cursor a station reported), so a
        rev number is never handed out twice for different changes."""
        epoch = new_epoch()
        with self._write() as tx:
            self._set_meta(tx, "epoch", epoch)
            tx.execute(
                "UPDATE counters SET value = ? WHERE name='rev' AND value < ?",
                (head_at_least, head_at_least),
            )
        logger.warning("hub epoch is now %s (%s): stations will re-sync fully", epoch, reason)
        self._witness()
        return epoch

    def _set_meta(self, tx: Tx, key: str, value: str) -> None:
        tx.execute(
            "INSERT INTO hub_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value=excluded.value",
            (key, value),
        )

    def _head(self) -> tuple[str, int]:
        page = self.change_page(0, 0)
        return page.epoch, page.head

    def _witness(self) -> None:
        """Backends that can keep a note outside the database (SQLite: a file beside it)
        record (epoch, head) there, so a restored older file is recognised on open."""

    def _check_restored(self) -> None:
        """On open: a database restored from a backup gets a new epoch (see backends)."""

    # -- stations ---------------------------------------------------------------------------
    def add_station(self, station_id: str, token_hash: str) -> None:
        with self._write() as tx:
            row = tx.one(
                "SELECT revoked_at FROM stations WHERE station_id=?" + self.dialect.for_update,
                (station_id,),
            )
            if row is not None and row["revoked_at"] is None:
                raise ValueError(f"station {station_id} already exists")
            if row is None:
                tx.execute(
                    "INSERT INTO stations (station_id, token_hash, created_at) VALUES (?,?,?)",
                    (station_id, token_hash, iso(utcnow())),
                )
            else:  # re-adding a revoked station issues a new token, keeps its events and ack
                tx.execute(
                    "UPDATE stations SET token_hash=?, revoked_at=NULL WHERE station_id=?",
                    (token_hash, station_id),
                )

    def revoke_station(self, station_id: str) -> bool:
        with self._write() as tx:
            n = tx.execute(
                "UPDATE stations SET revoked_at=? WHERE station_id=? AND revoked_at IS NULL",
                (iso(utcnow()), station_id),
            )
        with self._tokens_lock:  # this process at once; other processes within TOKEN_CACHE_S
            self._tokens = {h: v for h, v in self._tokens.items() if v != station_id}
        return n > 0

    def replace_station(self, station_id: str, token_hash: str) -> int:
        """A new PC takes over a station id: a new token and a fresh upload sequence. The old
        PC's events stay, filed under `ID~N` (N = the replaced generation), so nothing is lost
        and the new PC's seq 1.. no longer clashes with them. Returns how many were filed."""
        with self._write() as tx:
            row = tx.one(
                "SELECT acked_seq FROM stations WHERE station_id=?" + self.dialect.for_update,
                (station_id,),
            )
            if row is None:
                raise KeyError(station_id)
            gen = 1
            while tx.one(
                "SELECT 1 AS x FROM events WHERE station_id=? LIMIT 1", (f"{station_id}~{gen}",)
            ) or tx.one(
                "SELECT 1 AS x FROM events_archive WHERE station_id=? LIMIT 1",
                (f"{station_id}~{gen}",),
            ):
                gen += 1
            n = tx.execute(
                "UPDATE events SET station_id=? WHERE station_id=?",
                (f"{station_id}~{gen}", station_id),
            )
            n += tx.execute(
                "UPDATE events_archive SET station_id=? WHERE station_id=?",
                (f"{station_id}~{gen}", station_id),
            )
            tx.execute(
                "UPDATE stations SET token_hash=?, revoked_at=NULL, acked_seq=0 WHERE station_id=?",
                (token_hash, station_id),
            )
        with self._tokens_lock:
            self._tokens = {h: v for h, v in self._tokens.items() if v != station_id}
        return n

    def reset_acked_seq(self, station_id: str, seq: int | None = None) -> tuple[int, int]:
        """Admin repair: move a station's acknowledged position to `seq` (default: the end of
        the gap-free run of events it holds from seq 1). Events are never deleted; returns
        (old, new)."""
        with self._write() as tx:
            row = tx.one(
                "SELECT acked_seq FROM stations WHERE station_id=?" + self.dialect.for_update,
                (station_id,),
            )
            if row is None:
                raise KeyError(station_id)
            new = seq
            if new is None:  # seq k is in the gap-free run when k equals its rank
                got = tx.scalar(
                    "SELECT max(seq) FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n "
                    "FROM (SELECT seq FROM events WHERE station_id=? UNION ALL "
                    "SELECT seq FROM events_archive WHERE station_id=?) AS s) AS r WHERE seq = n",
                    (station_id, station_id),
                )
                new = int(got or 0)
            tx.execute("UPDATE stations SET acked_seq=? WHERE station_id=?", (new, station_id))
            return int(row["acked_seq"]), new

    def station_for_token(self, token_hash: str) -> str | None:
        """Token checks stay off the database on most requests: the active stations' tokens
        are read as a whole at most every TOKEN_CACHE_S (one read for every request of that
        time, however many stations: each station asks only every few seconds, so a cache per
        token missed nearly always), so a revocation takes effect within a second in every
        process. A token not in that read (a station added since) is asked for on its own."""
        now = time.monotonic()
        with self._tokens_lock:
            fresh = now - self._tokens_at < TOKEN_CACHE_S
            hit = self._tokens.get(token_hash) if fresh else None
        if hit is not None:
            return hit
        if not fresh:
            with self._read() as tx:
                rows = tx.all(
                    "SELECT token_hash, station_id FROM stations WHERE revoked_at IS NULL"
                )
            tokens = {str(r["token_hash"]): str(r["station_id"]) for r in rows}
            with self._tokens_lock:
                self._tokens, self._tokens_at = tokens, now
            return tokens.get(token_hash)
        with self._read() as tx:  # unknown tokens are never cached
            row = tx.one(
                "SELECT station_id FROM stations WHERE token_hash=? AND revoked_at IS NULL",
                (token_hash,),
            )
        return str(row["station_id"]) if row else None

    def stations(self) -> list[StationInfo]:
        with self._read() as tx:
            rows = tx.all("SELECT * FROM stations ORDER BY station_id")
        return [
            StationInfo(
                r["station_id"], r["created_at"], r["revoked_at"], r["acked_seq"], r["last_push_at"]
            )
            for r in rows
        ]

    # -- events -----------------------------------------------------------------------------
    def acked_seq(self, station_id: str) -> int:
        with self._read() as tx:
            v = tx.scalar("SELECT acked_seq FROM stations WHERE station_id=?", (station_id,))
        return int(v or 0)

    def store_events(
        self, station_id: str, after_seq: int, events: list[dict[str, Any]]
    ) -> PushResult:
        """Store a batch that follows `after_seq`; duplicates by uuid are skipped, never re-stored.

        The station sends events after the last seq it knows the hub acked. If that is beyond
        what the hub holds (hub restored from an older backup), the hub says so and the station
        rewinds: nothing acknowledged is ever lost. The station row is locked for the push, so
        two pushes of one station serialise while other stations' pushes run in parallel.
        """
        try:
            return self._store_events(station_id, after_seq, events)
        except HubConflict:
            raise
        except Exception as exc:
            if not self._is_unique_violation(exc):
                raise
            # a uuid already stored under another station or seq: find which, for the message
            uuids = [str(e["uuid"]) for e in events]
            clash = self._stored_uuids(uuids)
            acked = self.acked_seq(station_id)
            for u in uuids:
                if u in clash:
                    sid, seq = clash[u]
                    raise HubConflict(f"event {u} already stored as {sid}#{seq}", acked) from None
            raise HubConflict(f"station {station_id}: event stored concurrently", acked) from None

    def _is_unique_violation(self, exc: Exception) -> bool:
        return False

    def _stored_uuids(self, uuids: list[str]) -> dict[str, tuple[str, int]]:
        found: dict[str, tuple[str, int]] = {}
        with self._read() as tx:
            for i in range(0, len(uuids), 500):
                part = uuids[i : i + 500]
                marks = ",".join("?" for _ in part)
                for r in tx.all(
                    f"SELECT uuid, station_id, seq FROM events WHERE uuid IN ({marks})", part
                ):
                    found[str(r["uuid"])] = (str(r["station_id"]), int(r["seq"]))
        return found

    def _store_events(
        self, station_id: str, after_seq: int, events: list[dict[str, Any]]
    ) -> PushResult:
        now = iso(utcnow())
        with self._write() as tx:
            row = tx.one(
                "SELECT acked_seq FROM stations WHERE station_id=?" + self.dialect.for_update,
                (station_id,),
            )
            acked = int(row["acked_seq"]) if row else 0
            if after_seq > acked:
                raise HubConflict(
                    f"station {station_id} pushes after seq {after_seq} "
                    f"but the hub holds up to {acked}",
                    acked,
                )
            res = PushResult(acked_seq=acked)
            # events at or below the ack are retries: same uuid = duplicate, else a conflict
            old = [e for e in events if int(e["seq"]) <= acked]
            if old:
                held = self._held_uuids(tx, station_id, int(old[0]["seq"]), int(old[-1]["seq"]))
                for ev in old:
                    have = held.get(int(ev["seq"]))
                    if have != ev["uuid"]:
                        raise HubConflict(
                            f"station {station_id} seq {ev['seq']} already holds another event: "
                            f"uploads refused. If this is a new PC for station {station_id}, "
                            f"run `warehouse-hub station replace {station_id}` on the hub",
                            acked,
                        )
                    res.duplicates += 1
            new = [e for e in events if int(e["seq"]) > acked]
            if new:
                # a uuid clash with another station's event fails the UNIQUE constraint
                self._insert_events(
                    tx,
                    [
                        (
                            station_id,
                            int(ev["seq"]),
                            ev["uuid"],
                            ev["type"],
                            dumps(ev["payload"]),
                            ev.get("operator"),
                            ev["created_at"],
                            now,
                        )
                        for ev in new
                    ],
                )
                res.stored = len(new)
                res.acked_seq = int(new[-1]["seq"])
                self._count_handoffs(tx, station_id, new)
            tx.execute(
                "UPDATE stations SET acked_seq=?, last_push_at=? WHERE station_id=?",
                (res.acked_seq, now, station_id),
            )
            return res

    def _insert_events(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        """(station_id, seq, uuid, type, payload, operator, created_at, received_at) rows."""
        tx.many(
            "INSERT INTO events (station_id, seq, uuid, type, payload, operator, "
            "created_at, received_at) VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )

    def _held_uuids(self, tx: Tx, station_id: str, lo: int, hi: int) -> dict[int, str]:
        """uuid by seq for a station's seqs lo..hi, from the live table and the archive."""
        held: dict[int, str] = {}
        for table in ("events", "events_archive"):
            for r in tx.all(
                f"SELECT seq, uuid FROM {table} WHERE station_id=? AND seq BETWEEN ? AND ?",
                (station_id, lo, hi),
            ):
                held[int(r["seq"])] = str(r["uuid"])
            if len(held) >= hi - lo + 1:
                break
        return held

    def _count_handoffs(self, tx: Tx, station_id: str, events: list[dict[str, Any]]) -> None:
        """Keep the handoff report's aggregate in the push transaction (no scans later)."""
        counts: dict[tuple[str, str], int] = {}
        for ev in events:
            if ev["type"] in HANDOFF_EVENT_TYPES:
                payload = ev["payload"] if isinstance(ev["payload"], Mapping) else {}
                k = (_carrier_of(payload), str(ev["created_at"])[:13])
                counts[k] = counts.get(k, 0) + 1
        if counts:
            tx.many(
                "INSERT INTO handoff_hourly (station_id, carrier, hour, parcels) VALUES (?,?,?,?) "
                "ON CONFLICT (station_id, carrier, hour) "
                "DO UPDATE SET parcels = handoff_hourly.parcels + excluded.parcels",
                [(station_id, c, h, n) for (c, h), n in sorted(counts.items())],
            )

    def events(
        self, station_id: str | None = None, after_seq: int = 0, limit: int = 1000
    ) -> list[dict[str, Any]]:
        """One station's events by seq, or (station_id None) all live events by insert id."""
        with self._read() as tx:
            if station_id is None:
                rows = tx.all(
                    "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", (after_seq, limit)
                )
            else:
                rows = tx.all(
                    "SELECT * FROM events WHERE station_id=? AND seq > ? ORDER BY seq LIMIT ?",
                    (station_id, after_seq, limit),
                )
                if len(rows) < limit:  # older ones may have moved to the archive
                    arch = tx.all(
                        "SELECT * FROM events_archive WHERE station_id=? AND seq > ? "
                        "ORDER BY seq LIMIT ?",
                        (station_id, after_seq, limit),
                    )
                    if arch:
                        rows = sorted([*arch, *rows], key=lambda r: int(r["seq"]))[:limit]
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

    def archive_events(self, received_before: str) -> int:
        """Move events received before a time to `events_archive` (retention: the live table
        stays small; on PostgreSQL the archive is partitioned by month, so old months drop)."""
        with self._write() as tx:
            self._prepare_archive(tx, received_before)
            n = tx.execute(
                f"INSERT INTO events_archive ({_EVENT_COLUMNS}) SELECT {_EVENT_COLUMNS} "
                "FROM events WHERE received_at < ?",
                (received_before,),
            )
            tx.execute("DELETE FROM events WHERE received_at < ?", (received_before,))
        if n:
            logger.info("archived %d hub events received before %s", n, received_before)
        return n

    def _prepare_archive(self, tx: Tx, received_before: str) -> None:
        """PostgreSQL creates the monthly partitions the moved rows need."""

    # -- reference data ---------------------------------------------------------------------
    def _next_revs(self, tx: Tx, n: int) -> int:
        """Reserve n revs; returns the first. The counter row stays locked until commit, so
        revs are handed out in commit order: a cursor never skips a late commit."""
        top = int(tx.scalar(_NEXT_REVS, (n,)))
        return top - n + 1

    def put_records(self, kind: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Upsert records, each getting a fresh rev. A cancelled order stays cancelled."""
        if kind not in RECORD_KINDS + LEDGER_RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r}")
        items = list(rows)
        if not items:
            return 0
        now = iso(utcnow())
        with self._write() as tx:
            rev = self._next_revs(tx, len(items))
            out: list[tuple[str, str, str, int, str]] = []
            for key, data in items:
                if kind == "order":
                    old = tx.one("SELECT data FROM records WHERE kind='order' AND key=?", (key,))
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
                out.append((kind, key, dumps(data), rev, now))
                rev += 1
            # a key twice in one call: its last version wins (with the later rev)
            last = {(k, key): (k, key, d, r, at) for k, key, d, r, at in out}
            tx.many(
                "INSERT INTO records (kind, key, data, rev, updated_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT (kind, key) DO UPDATE SET data=excluded.data, rev=excluded.rev, "
                "updated_at=excluded.updated_at",
                sorted(last.values(), key=lambda t: t[3]),
            )
        self._witness()
        return len(items)

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        with self._read() as tx:
            row = tx.one("SELECT data FROM records WHERE kind=? AND key=?", (kind, key))
        return json.loads(row["data"]) if row else None

    def changes_since(self, cursor: int, limit: int = 1000) -> list[Change]:
        return self.change_page(cursor, limit).changes

    def change_page(self, cursor: int, limit: int = 1000) -> ChangePage:
        with self._read() as tx:
            # head and epoch first: every row the page shows has rev <= a head read later
            meta = tx.all(
                "SELECT 'head' AS k, CAST(value AS TEXT) AS v FROM counters WHERE name='rev' "
                "UNION ALL SELECT 'top', CAST(COALESCE(max(rev), 0) AS TEXT) FROM records "
                "UNION ALL SELECT 'epoch', value FROM hub_meta WHERE key='epoch'"
            )
            rows = tx.all(
                "SELECT rev, kind, key, data, updated_at FROM records WHERE rev > ? "
                "ORDER BY rev LIMIT ?",
                (cursor, limit),
            )
        m = {str(r["k"]): str(r["v"]) for r in meta}
        changes = [
            Change(int(r["rev"]), r["kind"], r["key"], json.loads(r["data"]), r["updated_at"])
            for r in rows
        ]
        head = max(int(m.get("head") or 0), int(m.get("top") or 0))
        return ChangePage(changes, m.get("epoch", ""), head)

    def restored_if_ahead(self, cursor: int, epoch: str) -> str | None:
        """A station on the current epoch with a cursor beyond the head saw changes this
        database no longer has: it was restored from a backup. Start a new epoch (once, for
        every station) and return it; None when all is well."""
        page = self.change_page(cursor, 1)
        current, head = page.epoch, page.head
        if epoch != current or cursor <= head:
            return None
        with self._write() as tx:  # re-check under the counter lock: one new epoch, not many
            now = str(tx.scalar("SELECT value FROM hub_meta WHERE key='epoch'") or "")
            top = max(
                int(
                    tx.scalar(
                        "SELECT value FROM counters WHERE name='rev'" + self.dialect.for_update
                    )
                    or 0
                ),
                int(tx.scalar("SELECT COALESCE(max(rev), 0) FROM records") or 0),
            )
            if now != current or cursor <= top:
                return now
            fresh = new_epoch()
            self._set_meta(tx, "epoch", fresh)
            tx.execute("UPDATE counters SET value=? WHERE name='rev'", (cursor,))
        logger.warning(
            "a station pulled after rev %d but this hub only reached %d: restored from a "
            "backup; new epoch %s, stations re-sync fully",
            cursor,
            head,
            fresh,
        )
        self._witness()
        return fresh

    # -- reports ----------------------------------------------------------------------------
    def handoff_counts(self, since: str | None = None) -> list[dict[str, Any]]:
        """Parcels handed off per station, carrier and hour (station clock, as recorded).

        Whole hours come from the aggregate the pushes keep; the hour `since` falls into is
        counted from its events (an index range of at most one hour)."""
        with self._read() as tx:
            if not since:
                rows = tx.all("SELECT station_id, carrier, hour, parcels FROM handoff_hourly")
                return _sorted_counts(
                    {(r["station_id"], r["carrier"], r["hour"]): int(r["parcels"]) for r in rows}
                )
            first = since[:13]
            rows = tx.all(
                "SELECT station_id, carrier, hour, parcels FROM handoff_hourly WHERE hour > ?",
                (first,),
            )
            counts = {(r["station_id"], r["carrier"], r["hour"]): int(r["parcels"]) for r in rows}
            marks = ",".join("?" for _ in HANDOFF_EVENT_TYPES)
            for table in ("events", "events_archive"):
                for r in tx.all(
                    f"SELECT station_id, payload, created_at FROM {table} "
                    f"WHERE type IN ({marks}) AND created_at >= ? AND created_at < ?",
                    (*HANDOFF_EVENT_TYPES, since, first + "\uffff"),
                ):
                    payload = json.loads(r["payload"])
                    k = (
                        r["station_id"],
                        _carrier_of(payload if isinstance(payload, dict) else {}),
                        first,
                    )
                    counts[k] = counts.get(k, 0) + 1
        return _sorted_counts(counts)

    def carrier_intercepts(self) -> list[dict[str, Any]]:
        with self._read() as tx:
            rows = [
                *tx.all(
                    "SELECT station_id, seq, uuid, payload, created_at, received_at "
                    "FROM events_archive WHERE type=?",
                    (INTERCEPT_EVENT_TYPE,),
                ),
                *tx.all(
                    "SELECT station_id, seq, uuid, payload, created_at, received_at FROM events "
                    "WHERE type=? ORDER BY id",
                    (INTERCEPT_EVENT_TYPE,),
                ),
            ]
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


_CREATE_IF_NOT_EXISTS = re.compile(
    r"CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+IF\s+NOT\s+EXISTS\s+(\w+)", re.IGNORECASE
)

# what events and events_archive share (PostgreSQL's events also has the feed's txid)
_EVENT_COLUMNS = "id, station_id, seq, uuid, type, payload, operator, created_at, received_at"

# Also catches up with a rev written as max(rev)+1 by older code, so revs never collide.
_NEXT_REVS = (
    "UPDATE counters SET value = (CASE WHEN (SELECT COALESCE(max(rev), 0) FROM records) > value "
    "THEN (SELECT COALESCE(max(rev), 0) FROM records) ELSE value END) + ? "
    "WHERE name='rev' RETURNING value"
)


def _sorted_counts(counts: dict[tuple[str, str, str], int]) -> list[dict[str, Any]]:
    return [
        {"station_id": s, "carrier": c, "hour": h, "parcels": n}
        for (s, c, h), n in sorted(counts.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1]))
        if n
    ]


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
