"""The hub divides the work between the stations of a warehouse and checks what they report.

One row per order (`ledger_orders`) says which station holds it (a lease for anonymous binding,
or a presale plan) and who bound, printed and handed it off. The ledger follows the stored event
stream and the order records with its own cursors, in hub receipt order, so "first wins" has
one meaning and a crash or restart just carries on where the cursor stands.

- Leases: each station gets blocks of the earliest-paid open orders per SKU set it has anonymous
  parcels for, sized to its recent binding rate (`work_s` of work, at least `min_block`), renewed
  as it pulls, returned to the pool when it goes quiet past `lease_ttl_s`. A lease is one record
  (kind `lease`, key `STATION:SKUSET`) holding the whole current order list.
- Validation: a second bind/print of an order by another parcel is a conflict: stored, listed,
  and answered with a hold (record kind `hold`) that the losing station pulls. The first handoff
  wins; a second handoff of the same order is a double shipment: the hub raises the carrier
  intercept itself, once per waybill. A handoff of a cancelled order is listed too.
- Conflicts go out as records (kind `conflict`) so every station's lead screen lists them.

Runs inside the storage's write transaction (`storage.run_write(fn)`, fn gets a `Tx`: execute,
one, all, scalar with `?` placeholders, rows read by column name); SQL is portable (no JSON
functions), so the PostgreSQL backend can run it as is.
"""

from __future__ import annotations

import json
import logging
import math
import operator
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.domain import parse_sku_set, sku_set_key
from warehouse_app.hub import liveness
from warehouse_app.hub.storage.base import Row

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ledger_orders (
    order_id TEXT PRIMARY KEY, sku_set TEXT NOT NULL, paid_at TEXT NOT NULL,
    status TEXT NOT NULL, waybill TEXT, carrier TEXT, sort_code TEXT, cancelled_at TEXT,
    session_id TEXT, warehouse_id TEXT,
    assigned_to TEXT, assign_kind TEXT, lease_expires_at TEXT,
    bound_by TEXT, bound_parcel TEXT, bound_at TEXT, bound_rx_at TEXT,
    printed_by TEXT, printed_at TEXT,
    handed_off_by TEXT, handed_off_parcel TEXT, handed_off_at TEXT);
CREATE INDEX IF NOT EXISTS ledger_orders_free ON ledger_orders(sku_set, paid_at, order_id)
    WHERE status='paid' AND assigned_to IS NULL AND bound_parcel IS NULL;
CREATE INDEX IF NOT EXISTS ledger_orders_open ON ledger_orders(assigned_to, sku_set)
    WHERE bound_parcel IS NULL;
CREATE INDEX IF NOT EXISTS ledger_orders_rate ON ledger_orders(bound_by, sku_set, bound_rx_at);
CREATE INDEX IF NOT EXISTS ledger_orders_lease_ends ON ledger_orders(lease_expires_at)
    WHERE assign_kind='lease' AND bound_parcel IS NULL;
CREATE INDEX IF NOT EXISTS ledger_orders_waybill ON ledger_orders(waybill);
CREATE TABLE IF NOT EXISTS ledger_parcels (
    parcel_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, batch_id TEXT, label_code TEXT,
    sku_set TEXT, order_id TEXT, waybill TEXT, carrier TEXT, sort_code TEXT, state TEXT,
    weight_g INTEGER, updated_at TEXT);
CREATE INDEX IF NOT EXISTS ledger_parcels_waybill ON ledger_parcels(waybill);
CREATE TABLE IF NOT EXISTS ledger_batches (
    station_id TEXT NOT NULL, batch_id TEXT NOT NULL, kind TEXT NOT NULL, sku_set TEXT NOT NULL,
    qty INTEGER NOT NULL, bound INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
    PRIMARY KEY (station_id, batch_id));
CREATE TABLE IF NOT EXISTS conflicts (
    conflict_id {id}, kind TEXT NOT NULL, order_id TEXT, waybill TEXT,
    station_id TEXT, winner_station TEXT, parcel_id TEXT, detail TEXT,
    action_en TEXT NOT NULL, action_zh TEXT NOT NULL, created_at TEXT NOT NULL,
    resolved_at TEXT, resolved_by TEXT, UNIQUE (kind, order_id, parcel_id, waybill));
CREATE TABLE IF NOT EXISTS ledger_handoffs (
    station_id TEXT NOT NULL, parcel_id TEXT NOT NULL, waybill TEXT NOT NULL, at TEXT,
    PRIMARY KEY (station_id, parcel_id));
CREATE INDEX IF NOT EXISTS ledger_handoffs_waybill ON ledger_handoffs(waybill);
CREATE TABLE IF NOT EXISTS carrier_intercepts (
    waybill TEXT PRIMARY KEY, order_id TEXT, carrier TEXT, station_id TEXT, parcel_id TEXT,
    reason TEXT NOT NULL, raised_by TEXT NOT NULL, raised_at TEXT NOT NULL)
"""

CONFLICT_KINDS = (
    "double_bound",
    "duplicate_waybill",
    "cancelled_shipped",
    "carrier_intercept",
    "outside_lease",
)
IN_STATION = ("planned", "packed", "verified")
PARCEL_EVENTS = (
    "parcel.packed",
    "parcel.verified",
    "parcel.handed_off",
    "parcel.intercepted",
    "parcel.pulled",
    "parcel.held",
    "parcel.returned",
)


PRINT_EVENTS = ("waybill.printed", "waybill.reprinted")
# what _event acts on; the payloads of other event types are not even parsed
LEDGER_EVENT_TYPES = frozenset(
    (
        "batch.created",
        "batch.done",
        "batch.started",
        "batch.paused",
        "parcel.bound",
        *PARCEL_EVENTS,
        *PRINT_EVENTS,
        "parcel.transferred",
        "carrier_intercept.requested",
    )
)


# events per ledger transaction in the background: the ledger's lock is held briefly
FOLLOW_CHUNK = 2000
# a pull applies a backlog up to this many events itself (a quiet hub: the next pull carries
# the holds a neighbour's push caused); beyond, the ledger process does: at 8,000 events/s a
# backlog is always a push or more, and pulls applying it held the worker's GIL from pushes
# (the first sync of 200 stations: ~40 % of the workers' time)
PULL_INLINE_MAX = 200
# how long a pull tries for the ledger's lock (never waiting on it) before leaving its backlog
# to the ledger process: covers the ledger's chunk on a quiet hub, so a station's next pull
# still carries the holds a neighbour's push caused
PULL_LOCK_WAIT_S = 0.3
# ...and how long, holding it, for a push committed behind an older transaction still running
PULL_HELD_S = 0.05


@dataclass(frozen=True)
class LeasePolicy:
    lease_ttl_s: float = 3600.0  # a quiet station's lease returns to the pool after this
    work_s: float = 2700.0  # a lease holds this much work at the station's recent rate
    min_block: int = 20  # never less than this many orders (a new or slow station)
    rate_window_s: float = 900.0  # "recent" binding rate

    @classmethod
    def from_env(cls) -> LeasePolicy:
        """Deployments and the benchmark tune the policy through the hub's environment."""

        def num(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, default))
            except ValueError:
                return default

        return cls(
            lease_ttl_s=num("WAREHOUSE_HUB_LEASE_TTL_S", cls.lease_ttl_s),
            work_s=num("WAREHOUSE_HUB_LEASE_WORK_S", cls.work_s),
            min_block=int(num("WAREHOUSE_HUB_LEASE_MIN_BLOCK", cls.min_block)),
            rate_window_s=num("WAREHOUSE_HUB_LEASE_RATE_WINDOW_S", cls.rate_window_s),
        )


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _order_sku_set(data: dict[str, Any]) -> str:
    if data.get("sku_set"):
        try:
            return sku_set_key(parse_sku_set(str(data["sku_set"])))
        except ValueError:
            return str(data["sku_set"])
    items: dict[str, int] = {}
    for it in data.get("items") or []:
        if isinstance(it, dict):
            sku, qty = str(it.get("sku")), int(it.get("qty", 1))
        else:
            sku, qty = str(it[0]), int(it[1])
        items[sku] = items.get(sku, 0) + qty
    return sku_set_key(items)


class Ledger:
    """The hub's work division and validation over a storage that can run a write function
    in one transaction (`run_write(fn)`) and read (`run_read(fn)`)."""

    def __init__(
        self,
        storage: Any,
        policy: LeasePolicy | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.storage = storage
        self.policy = policy or LeasePolicy.from_env()
        self.liveness = liveness.LivenessPolicy.from_env()
        self.clock = clock
        self.follower: LedgerFollower | None = None  # see follow_in_background()
        # True when a follower (this process's thread, or serve's ledger process) applies big
        # backlogs: a pull then leaves them to it
        self.background = False
        self._local = threading.local()  # a ledger run's chunk (_start_chunk)
        from warehouse_app.hub.integrator import Directory

        Directory(storage)  # its station_warehouses table says which orders a station may take
        storage.ensure_tables(SCHEMA)  # {tokens}: hub/storage/base.Dialect.ddl
        storage.ensure_tables(liveness.SCHEMA)
        # the cursor row every ledger run locks (see _catch_up)
        if not storage.run_read(
            lambda c: c.one("SELECT 1 AS x FROM ledger_state WHERE key='event_id'")
        ):
            storage.run_write(
                lambda c: c.execute(
                    "INSERT INTO ledger_state (key, value) VALUES ('event_id', '0') "
                    "ON CONFLICT (key) DO NOTHING"
                )
            )

    def follow_in_background(self, interval_s: float = 1.0) -> LedgerFollower:
        """Start applying pushed events off the request path (one thread per hub process)."""
        self.follower = LedgerFollower(self, interval_s)
        self.background = True
        self.follower.start()
        return self.follower

    # -- plumbing -------------------------------------------------------------------------
    def _state(self, c: Any, key: str, default: int = 0) -> int:
        row = c.one("SELECT value FROM ledger_state WHERE key=?", (key,))
        return int(row["value"]) if row else default

    def _set_state(self, c: Any, key: str, value: Any) -> None:
        c.send(
            "INSERT INTO ledger_state (key, value) VALUES (?,?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, str(value)),
        )

    def _put(self, c: Any, kind: str, key: str, data: dict[str, Any]) -> None:
        """A record stations pull (same table and rev counter as HubStorage.put_records)."""
        rev = self.storage.next_rev(c)
        c.send(
            "INSERT INTO records (kind, key, data, rev, updated_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(kind, key) DO UPDATE SET data=excluded.data, rev=excluded.rev, "
            "updated_at=excluded.updated_at",
            (kind, key, _dumps(data), rev, iso(self.clock())),
        )

    def _record(self, c: Any, kind: str, key: str) -> dict[str, Any] | None:
        row = c.one("SELECT data FROM records WHERE kind=? AND key=?", (kind, key))
        return json.loads(row["data"]) if row else None

    # -- following orders and events ------------------------------------------------------
    def catch_up(self) -> int:
        """Apply new order records and stored events; returns how many events were looked at."""
        n: int = self.storage.run_pipelined(self._catch_up)
        return n

    def catch_up_for_pull(self) -> None:
        """Before a station's pull: nothing to do costs one read. A small backlog is applied
        here, so a station's next pull carries the holds its neighbours' pushes caused; a big
        one (a storm) is left to the background follower, so pulls never queue behind it."""
        backlog, orders = self.storage.run_read(self._pending)
        if not backlog and not orders:
            return
        if not self.background:
            self.catch_up()
            return
        if backlog > PULL_INLINE_MAX:
            if self.follower is not None:
                self.follower.nudge()
            return
        # Never queue on the ledger's lock holding a write connection (the pool is shared
        # with pushes: pulls blocked there made pushes wait at 8,000 events/s). The ledger
        # process holds the lock only for a chunk; try again for a moment, connection
        # released in between, then leave the rest to it (the next pull carries it).
        deadline = time.monotonic() + PULL_LOCK_WAIT_S
        while self.storage.run_pipelined(self._catch_up, PULL_INLINE_MAX, PULL_HELD_S, True) < 0:
            if time.monotonic() >= deadline:
                logger.debug("pull left the ledger's backlog to the ledger process (busy)")
                return
            time.sleep(0.01)

    def follow_once(self) -> int:
        """One background step: at most FOLLOW_CHUNK events, skipped when another process is
        at it or nothing is new. Returns how many events it applied."""
        backlog, orders = self.storage.run_read(self._pending)
        if not backlog and not orders:
            return 0
        # SQLite has one writer: a smaller step keeps pushes from waiting long for the lock
        chunk = FOLLOW_CHUNK if self.storage.dialect.name != "sqlite" else FOLLOW_CHUNK // 4
        n: int = self.storage.run_pipelined(self._catch_up, chunk, 0.0, True)
        return max(n, 0)

    def backlog(self, cap: int = 1_000_000) -> int:
        """Stored events the ledger has not applied yet (counted up to cap + 1): what to
        watch (`warehouse-hub db status`); it should come back to 0 between bursts."""
        n: int = self.storage.run_read(
            lambda c: self.storage.feed_backlog(c, self._position(c), cap)
        )
        return n

    def _position(self, c: Any) -> tuple[int, int]:
        """Where the ledger stands in the event feed (storage.follow_events); a ledger from
        before the commit-ordered feed stands at (1, id): older events all have txid 1."""
        last = self._state(c, "event_id")
        return (self._state(c, "event_txid", 1 if last else 0), last)

    def _pending(self, c: Any) -> tuple[int, bool]:
        backlog = self.storage.feed_backlog(c, self._position(c), PULL_INLINE_MAX)
        orders = c.one(
            "SELECT 1 AS x FROM records WHERE rev > ? AND kind='order' LIMIT 1",
            (self._state(c, "order_rev"),),
        )
        return backlog, orders is not None

    def _catch_up(
        self, c: Any, limit: int = 20000, wait_s: float = 1.0, skip_if_busy: bool = False
    ) -> int:
        # one ledger run at a time across hub processes: the cursor row stays locked to commit
        lock = self.storage.dialect.for_update
        got = c.one(
            "SELECT value FROM ledger_state WHERE key='event_id'"
            + (lock + " SKIP LOCKED" if lock and skip_if_busy else lock)
        )
        if got is None:
            if skip_if_busy and lock:
                return -1  # another process is applying the feed right now
            self._set_state(c, "event_id", 0)
        dirty: set[tuple[str, str]] = set()
        rev = self._state(c, "order_rev")
        top = rev
        for r in c.all(
            "SELECT key, data, rev FROM records WHERE rev > ? AND kind='order' ORDER BY rev",
            (rev,),
        ):
            self._order_record(c, str(r["key"]), json.loads(r["data"]), dirty)
            top = max(top, int(r["rev"]))
        if top != rev:
            self._set_state(c, "order_rev", top)
        # the feed never blocks pushes; events behind a push still in flight wait for it
        # (up to wait_s, for callers that must see everything committed before they asked)
        start = pos = self._position(c)
        seen = 0
        deadline = time.monotonic() + wait_s
        while seen < limit:
            want = min(FOLLOW_CHUNK, limit - seen)
            rows, pos, held = self.storage.follow_events(c, pos, want)
            todo: list[tuple[Row, Any]] = []
            for r in rows:
                if str(r["type"]) not in LEDGER_EVENT_TYPES:
                    continue  # nothing to apply: its payload is not even parsed
                try:
                    todo.append((r, json.loads(r["payload"])))
                except ValueError:
                    todo.append((r, None))
            self._start_chunk(c, todo)
            try:
                for r, payload in todo:
                    try:
                        if not isinstance(payload, dict):
                            raise ValueError("payload is not a JSON object")
                        self._event(
                            c,
                            str(r["station_id"]),
                            str(r["type"]),
                            payload,
                            str(r["created_at"]),
                            dirty,
                        )
                    except (KeyError, TypeError, ValueError) as exc:  # malformed: skip it
                        logger.warning(
                            "ledger skipped event %s (%s): %r", r["uuid"], r["type"], exc
                        )
                self._flush(c)
            finally:
                self._local.chunk = None
            seen += len(rows)
            if rows:
                continue
            if not held or time.monotonic() >= deadline:
                break
            time.sleep(0.005)
        if pos != start:
            self._set_state(c, "event_id", pos[1])
            self._set_state(c, "event_txid", pos[0])
        for station, sku_set in dirty:
            self._write_lease(c, station, sku_set)
        return seen

    def _start_chunk(self, c: Any, todo: list[tuple[Row, Any]]) -> None:
        """Before applying a chunk of events: read the ledger_orders rows it claims in a few
        queries instead of a round trip per event (None marks an order the hub does not have
        yet), and start collecting its writes (_Chunk), sent per table at _flush. Valid while
        this ledger run holds the ledger lock: _claim and _transferred keep the rows current."""
        ch = _Chunk(iso(self.clock()))
        ids = {
            str(p["order_id"])
            for _, p in todo
            if isinstance(p, dict) and isinstance(p.get("order_id"), (str, int))
        }
        # a print names its order by waybill only
        waybills = {
            p["waybill"]
            for r, p in todo
            if r["type"] in PRINT_EVENTS
            and isinstance(p, dict)
            and isinstance(p.get("waybill"), str)
        }
        ch.orders.update(dict.fromkeys(sorted(ids)))
        sqlite = self.storage.dialect.name == "sqlite"
        for col, keys in (("order_id", sorted(ids)), ("waybill", sorted(waybills))):
            for i in range(0, len(keys), 500 if sqlite else 5000):
                part = keys[i : i + (500 if sqlite else 5000)]
                if sqlite:
                    marks = ",".join("?" for _ in part)
                    sql, args = f"SELECT * FROM ledger_orders WHERE {col} IN ({marks})", part
                else:  # one array parameter: psycopg re-parsed 500 placeholders every chunk
                    sql, args = f"SELECT * FROM ledger_orders WHERE {col} = ANY(?)", [part]
                for r in c.all(sql, args):
                    oid = str(r["order_id"])
                    if ch.orders.get(oid) is None:
                        ch.orders[oid] = dict(r)
                    if r["waybill"] is not None:
                        ch.by_waybill.setdefault(str(r["waybill"]), oid)
        self._local.chunk = ch

    def _chunk(self) -> _Chunk | None:
        ch: _Chunk | None = getattr(self._local, "chunk", None)
        return ch

    def _flush(self, c: Any) -> None:
        """Send the chunk's collected writes: one statement per table and kind of write
        (PostgreSQL: arrays through unnest; SQLite: executemany). Called at the end of a
        chunk and before any statement that reads or writes those tables directly."""
        ch = self._chunk()
        if ch is None:
            return
        sqlite = self.storage.dialect.name == "sqlite"
        if ch.new_orders:
            # values are text already (_order_row, _claim); a new row misses what is NULL
            get = operator.itemgetter(*_NEW_ORDER_COLUMNS)
            rows = [get(o) for o in ch.new_orders.values()]
            ch.new_orders.clear()
            typed = [(col, "text") for col in _NEW_ORDER_COLUMNS]
            _bulk(c, sqlite, "ledger_orders", typed, rows, "")
        if ch.updated:
            groups: dict[frozenset[str], list[tuple[Any, ...]]] = {}
            getters: dict[frozenset[str], Callable[[Any], Any]] = {}
            for oid, ops in ch.updated.items():
                o = ch.orders.get(oid)
                if o is None:
                    continue  # never: a claimed row stays in the cache until flushed
                key = frozenset(ops)
                if key not in getters:
                    getters[key] = operator.itemgetter("order_id", *_claim_columns(key))
                groups.setdefault(key, []).append(getters[key](o))
            ch.updated.clear()
            for claims, grouped in sorted(groups.items(), key=lambda kv: sorted(kv[0])):
                _bulk_claims(c, sqlite, claims, grouped)
        if ch.parcels:
            rows = list(ch.parcels.values())
            ch.parcels.clear()
            _bulk(c, sqlite, "ledger_parcels", _PARCEL_COLUMNS, rows, _UPSERT_PARCELS)
        if ch.handoffs:
            rows = ch.handoffs[:]
            ch.handoffs.clear()
            _bulk(
                c,
                sqlite,
                "ledger_handoffs",
                _HANDOFF_COLUMNS,
                rows,
                "ON CONFLICT (station_id, parcel_id) DO NOTHING",
            )

    def _order_row(self, c: Any, oid: str, p: dict[str, Any]) -> dict[str, Any]:
        """The ledger row of an order a station claims (made for an order the hub never had,
        i.e. imported at the station), from the chunk's prefetch when there is one."""
        ch = self._chunk()
        if ch is not None and oid in ch.orders:
            row = ch.orders[oid]
            if row is None:  # known to be missing: inserted at the flush, as it stands then
                row = _NullRow(
                    order_id=oid,
                    sku_set="",
                    paid_at="",
                    status="paid",
                    waybill=_text(p.get("waybill")),
                    carrier=_text(p.get("carrier")),
                )
                ch.orders[oid] = row
                ch.new_orders[oid] = row
                if row["waybill"] is not None:
                    ch.by_waybill.setdefault(str(row["waybill"]), oid)
            return row
        self._flush(c)
        # one round trip either way (the no-op update makes RETURNING give an existing row)
        got = c.one(
            "INSERT INTO ledger_orders (order_id, sku_set, paid_at, status, waybill, carrier) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT (order_id) DO UPDATE SET order_id=excluded.order_id "
            "RETURNING *",
            (oid, "", "", "paid", _text(p.get("waybill")), _text(p.get("carrier"))),
        )
        row = dict(got)
        if ch is not None:
            ch.orders[oid] = row  # later events of this chunk see what this one changes
        return row

    def _claimed(self, c: Any, oid: str, op: str) -> None:
        """The claim `op` (bind, print, handoff) changed this order's row in the chunk's
        cache: written at the flush (a row new in this chunk is inserted as it stands then)."""
        ch = self._chunk()
        if ch is None:
            raise RuntimeError("claims are applied inside a chunk (_event)")
        if oid not in ch.new_orders:
            ch.updated.setdefault(oid, set()).add(op)

    def _writes(self) -> _Chunk:
        ch = self._chunk()
        if ch is None:
            raise RuntimeError("events are applied inside a chunk (see _catch_up)")
        return ch

    def _order_of_waybill(self, c: Any, waybill: Any) -> str | None:
        """The order a printed waybill belongs to: from the chunk's prefetch (it read every
        print's waybill) or an order this chunk made."""
        ch = self._writes()
        text = _text(waybill)
        if text in ch.by_waybill:
            return ch.by_waybill[str(text)]
        if isinstance(waybill, str):
            return None  # prefetched: the hub has no order with it
        self._flush(c)
        row = c.one("SELECT order_id FROM ledger_orders WHERE waybill=?", (text,))
        return str(row["order_id"]) if row is not None else None

    def _work_division_sent(self, c: Any) -> bool:
        ch = self._writes()
        if ch.division is None:
            ch.division = self._state(c, "work_division_sent") == 1
        return ch.division

    def _order_record(
        self, c: Any, key: str, data: dict[str, Any], dirty: set[tuple[str, str]]
    ) -> None:
        status = str(data.get("status") or "paid")
        old = c.one(
            "SELECT status, assigned_to, assign_kind, sku_set, handed_off_by, handed_off_parcel, "
            "waybill, warehouse_id, bound_parcel FROM ledger_orders WHERE order_id=?",
            (key,),
        )
        try:
            sku_set = _order_sku_set(data)
        except (TypeError, ValueError, KeyError):
            sku_set = ""
        if old is None:
            c.execute(
                "INSERT INTO ledger_orders (order_id, sku_set, paid_at, status, waybill, carrier, "
                "sort_code, cancelled_at, session_id, warehouse_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    key,
                    sku_set,
                    str(data.get("paid_at") or ""),
                    status,
                    data.get("waybill"),
                    data.get("carrier"),
                    data.get("sort_code"),
                    data.get("cancelled_at"),
                    data.get("session_id"),
                    data.get("warehouse_id"),
                ),
            )
            return
        c.execute(
            "UPDATE ledger_orders SET sku_set=?, paid_at=?, status=?, waybill=COALESCE(?, waybill), "
            "carrier=COALESCE(?, carrier), sort_code=COALESCE(?, sort_code), cancelled_at=?, "
            "session_id=?, warehouse_id=? WHERE order_id=?",
            (
                sku_set,
                str(data.get("paid_at") or ""),
                status,
                data.get("waybill"),
                data.get("carrier"),
                data.get("sort_code"),
                data.get("cancelled_at"),
                data.get("session_id"),
                data.get("warehouse_id"),
                key,
            ),
        )
        moved = (data.get("warehouse_id") or None) != (old["warehouse_id"] or None)
        if moved and old["assigned_to"] and old["bound_parcel"] is None:
            # moved to another warehouse (failover): out of any lease or plan here
            dirty.add((str(old["assigned_to"]), str(old["sku_set"])))
            c.execute(
                "UPDATE ledger_orders SET assigned_to=NULL, assign_kind=NULL, "
                "lease_expires_at=NULL WHERE order_id=?",
                (key,),
            )
        if status == "cancelled" and old["status"] != "cancelled":
            if old["assigned_to"]:
                dirty.add((str(old["assigned_to"]), str(old["sku_set"])))
            if old["handed_off_by"]:  # it already left: the carrier must stop it
                self._cancelled_shipped(
                    c, key, str(old["handed_off_by"]), old["handed_off_parcel"], old["waybill"]
                )

    def _event(
        self,
        c: Any,
        station: str,
        type_: str,
        p: dict[str, Any],
        at: str,
        dirty: set[tuple[str, str]],
    ) -> None:
        if type_ == "batch.created":
            self._writes().batch_sku.pop((station, _text(p["batch_id"])), None)
            c.send(
                "INSERT INTO ledger_batches (station_id, batch_id, kind, sku_set, qty, status) "
                "VALUES (?,?,?,?,?,'draft') ON CONFLICT(station_id, batch_id) DO NOTHING",
                (station, p["batch_id"], p.get("kind") or "anonymous", p["sku_set"], int(p["qty"])),
            )
        elif type_ in ("batch.done", "batch.started", "batch.paused"):
            c.send(
                "UPDATE ledger_batches SET status=? WHERE station_id=? AND batch_id=?",
                (
                    {"batch.done": "done", "batch.started": "active", "batch.paused": "paused"}[
                        type_
                    ],
                    station,
                    p["batch_id"],
                ),
            )
        elif type_ == "parcel.bound":
            self._parcel(c, station, p, None)
            c.send(
                "UPDATE ledger_batches SET bound = bound + 1 WHERE station_id=? AND batch_id=?",
                (station, p.get("batch_id")),
            )
            self._claim(c, "bind", station, p, at, dirty)
        elif type_ in PARCEL_EVENTS:
            self._parcel(c, station, p, p.get("to") or _STATE_OF.get(type_))
            if type_ == "parcel.handed_off" and p.get("waybill") and p.get("parcel_id"):
                # what the report counts: handoffs per waybill (a waybill twice = shipped twice)
                self._writes().handoffs.append(
                    (station, _text(p["parcel_id"]), _text(p["waybill"]), at)
                )
            if p.get("order_id"):
                if type_ == "parcel.handed_off":
                    self._claim(c, "handoff", station, p, at, dirty)
                elif type_ in ("parcel.packed", "parcel.verified"):
                    self._claim(c, "bind", station, p, at, dirty)
        elif type_ in PRINT_EVENTS and p.get("waybill"):
            # a lead's reprint claims the waybill like the first print: another station's
            # label for it is a second label of one waybill, whichever way it was printed
            oid = self._order_of_waybill(c, p["waybill"])
            if oid is not None:
                self._claim(c, "print", station, {**p, "order_id": oid}, at, dirty)
        elif type_ == "parcel.transferred":
            self._transferred(c, station, p)
        elif type_ == "carrier_intercept.requested" and p.get("waybill"):
            self._intercept(
                c,
                str(p["waybill"]),
                p.get("order_id"),
                p.get("carrier"),
                station,
                p.get("parcel_id"),
                "order cancelled after handoff",
                raised_by=station,
            )

    def _parcel(self, c: Any, station: str, p: dict[str, Any], state: str | None) -> None:
        if not p.get("parcel_id"):
            return
        pid = str(_text(p["parcel_id"]))
        ch = self._writes()
        sku = None
        batch = _text(p.get("batch_id"))
        if batch:
            if (station, batch) not in ch.batch_sku:
                row = c.one(
                    "SELECT sku_set FROM ledger_batches WHERE station_id=? AND batch_id=?",
                    (station, batch),
                )
                ch.batch_sku[(station, batch)] = row["sku_set"] if row else None
            sku = ch.batch_sku[(station, batch)]
        new = (
            pid,
            station,
            batch,
            pid,
            sku,
            _text(p.get("order_id")),
            _text(p.get("waybill")),
            _text(p.get("carrier")),
            state,
            _int(p.get("weight_g")),
            ch.now,
        )
        old = ch.parcels.get(pid)
        if old is not None:  # this parcel twice in a chunk: what the two upserts leave
            new = _merge_parcel(old, new)
        ch.parcels[pid] = new

    # -- claims: first bind/print/handoff wins ---------------------------------------------
    def _claim(
        self,
        c: Any,
        what: str,
        station: str,
        p: dict[str, Any],
        at: str,
        dirty: set[tuple[str, str]],
    ) -> None:
        oid, pid = str(p["order_id"]), _text(p.get("parcel_id"))
        now = self._writes().now
        o = self._order_row(c, oid, p)  # updated in place below as the row is (a cached row)
        waybill = p.get("waybill") or o["waybill"]
        if o["bound_parcel"] is None:
            if o["assigned_to"] and o["assigned_to"] != station:
                dirty.add((str(o["assigned_to"]), str(o["sku_set"])))
            # an order the station bound from its own lease: it knows, and skips bound orders;
            # its lease record is rewritten at the next top-up, not after every push (that made
            # every pull carry the whole lease again)
            if (
                what == "bind"
                and o["assigned_to"] != station
                and o["sku_set"]
                and self._work_division_sent(c)
            ):
                self._outside_lease(c, station, at)
            o.update(
                bound_by=station,
                bound_parcel=pid,
                bound_at=at,
                bound_rx_at=now,
                assigned_to=station,
                assign_kind=o["assign_kind"] or "claimed",
            )
            self._claimed(c, oid, "bind")
        same_parcel = pid is not None and pid == o["bound_parcel"]
        if what == "print":
            if same_parcel or o["bound_by"] == station:
                o.update(printed_by=o["printed_by"] or station, printed_at=o["printed_at"] or at)
                self._claimed(c, oid, "print")
                return
            self._conflict(
                c,
                "duplicate_waybill",
                oid,
                waybill,
                station,
                str(o["bound_by"]),
                pid,
                f"waybill {waybill} printed at {station} too",
            )
            self._hold(c, station, pid, oid, waybill, str(o["bound_by"]), "printed_twice", False)
            return
        if what == "bind":
            if same_parcel:
                return
            if o["handed_off_by"] is not None or o["bound_by"] != station:
                winner = str(o["handed_off_by"] or o["bound_by"])
                self._conflict(
                    c,
                    "double_bound",
                    oid,
                    waybill,
                    station,
                    winner,
                    pid,
                    f"order {oid} bound at {winner} first, then at {station}",
                )
                self._hold(c, station, pid, oid, waybill, winner, "double_bound", False)
            return
        # handoff
        if o["handed_off_parcel"] is None or o["handed_off_parcel"] == pid:
            if o["handed_off_parcel"] is None:
                prev = type(o)(o)  # the checks below read the row as it was before
                o.update(
                    handed_off_by=station,
                    handed_off_parcel=pid,
                    handed_off_at=at,
                    bound_by=station,
                    bound_parcel=pid,
                )
                self._claimed(c, oid, "handoff")
                if not same_parcel and prev["bound_parcel"]:
                    # this parcel shipped first: the first binder's parcel must come out now
                    loser = str(prev["bound_by"])
                    self._hold(
                        c,
                        loser,
                        prev["bound_parcel"],
                        oid,
                        waybill,
                        station,
                        "shipped_elsewhere",
                        self._parcel_left(c, prev["bound_parcel"]),
                    )
                    self._conflict(
                        c,
                        "double_bound",
                        oid,
                        waybill,
                        loser,
                        station,
                        prev["bound_parcel"],
                        f"order {oid} bound at {loser}, handed off first at {station}",
                    )
            if o["status"] == "cancelled":
                self._cancelled_shipped(c, oid, station, pid, waybill)
            return
        winner = str(o["handed_off_by"])
        self._conflict(
            c,
            "duplicate_waybill",
            oid,
            waybill,
            station,
            winner,
            pid,
            f"order {oid} handed off at {winner} and again at {station}: shipped twice",
        )
        self._hold(c, station, pid, oid, waybill, winner, "shipped_twice", True)
        if waybill:
            self._intercept(
                c,
                str(waybill),
                oid,
                o["carrier"] or p.get("carrier"),
                station,
                pid,
                f"shipped twice (first by {winner})",
                raised_by="hub",
            )

    def _outside_lease(self, c: Any, station: str, at: str) -> None:
        """A station bound an order that was not in its lease (it worked offline past its
        lease, or bypassed it): the leads hear about it, once per station and hour."""
        self._conflict(
            c,
            "outside_lease",
            None,
            None,
            station,
            None,
            f"{station}@{at[:13]}",
            f"station {station} bound orders outside its lease (offline past its lease?)",
        )

    def _parcel_left(self, c: Any, pid: str | None) -> bool:
        self._flush(c)
        row = c.one("SELECT state FROM ledger_parcels WHERE parcel_id=?", (pid,))
        return row is not None and row["state"] not in IN_STATION

    def _cancelled_shipped(
        self, c: Any, oid: str, station: str, pid: str | None, waybill: str | None
    ) -> None:
        self._conflict(
            c,
            "cancelled_shipped",
            oid,
            waybill,
            station,
            None,
            pid,
            f"order {oid} was cancelled but handed off at {station}",
        )
        if waybill:
            self._flush(c)
            row = c.one("SELECT carrier FROM ledger_orders WHERE order_id=?", (oid,))
            self._intercept(
                c,
                str(waybill),
                oid,
                row["carrier"] if row else None,
                station,
                pid,
                "order cancelled after handoff",
                raised_by="hub",
            )

    def _transferred(self, c: Any, station: str, p: dict[str, Any]) -> None:
        pid, to = p.get("parcel_id"), p.get("to_station")
        if not pid or not to:
            return
        self._flush(c)  # the collected writes first: these depend on what the rows hold
        c.send(
            "UPDATE ledger_parcels SET station_id=?, updated_at=? WHERE parcel_id=?",
            (to, iso(self.clock()), pid),
        )
        if p.get("order_id"):
            ch = self._chunk()
            if ch is not None:
                ch.orders.pop(str(p["order_id"]), None)  # read again from the database if claimed
            c.send(
                "UPDATE ledger_orders SET bound_by=?, assigned_to=? "
                "WHERE order_id=? AND bound_parcel=?",
                (to, to, p["order_id"], pid),
            )

    # -- conflicts, holds, intercepts ------------------------------------------------------
    def _conflict(
        self,
        c: Any,
        kind: str,
        oid: str | None,
        waybill: str | None,
        station: str | None,
        winner: str | None,
        pid: str | None,
        detail: str,
    ) -> None:
        en, zh = _ACTIONS[kind](station or "?", winner or "?", pid or "?", waybill or "?")
        # a conflict is keyed by what it is about: the same one seen again is not news
        same = c.one(
            "SELECT conflict_id FROM conflicts WHERE kind=? AND COALESCE(order_id, '')=? "
            "AND COALESCE(parcel_id, '')=? AND COALESCE(waybill, '')=?",
            (kind, oid or "", pid or "", waybill or ""),
        )
        if same is not None:
            return
        row = c.one(
            "INSERT INTO conflicts (kind, order_id, waybill, station_id, winner_station, "
            "parcel_id, detail, action_en, action_zh, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
            "RETURNING *",
            (kind, oid, waybill, station, winner, pid, detail, en, zh, iso(self.clock())),
        )
        logger.warning("conflict %s: %s", kind, detail)
        self._publish_conflict(c, row)

    def _publish_conflict(self, c: Any, row: Any) -> None:
        d = dict(row)
        # the pulled record says whose it is: only that warehouse's stations pull it
        d["warehouse_id"] = self._conflict_warehouse(c, d)
        self._put(c, "conflict", str(d["conflict_id"]), d)

    def _conflict_warehouse(self, c: Any, d: dict[str, Any]) -> str | None:
        """A conflict belongs to the warehouse of the station it names, else of its order."""
        if d.get("station_id"):
            row = c.one(
                "SELECT warehouse_id FROM station_warehouses WHERE station_id=?", (d["station_id"],)
            )
            if row is not None:
                return str(row["warehouse_id"])
        if d.get("order_id"):
            self._flush(c)
            row = c.one("SELECT warehouse_id FROM ledger_orders WHERE order_id=?", (d["order_id"],))
            if row is not None and row["warehouse_id"]:
                return str(row["warehouse_id"])
        return None

    def _hold(
        self,
        c: Any,
        station: str,
        pid: str | None,
        oid: str,
        waybill: str | None,
        winner: str,
        reason: str,
        left: bool,
    ) -> None:
        if not pid or self._record(c, "hold", str(pid)) is not None:
            return
        self._put(
            c,
            "hold",
            str(pid),
            {
                "station_id": station,
                "parcel_id": pid,
                "order_id": oid,
                "waybill": waybill,
                "winner_station": winner,
                "reason": reason,
                "parcel_left": left,
                "at": iso(self.clock()),
            },
        )

    def _intercept(
        self,
        c: Any,
        waybill: str,
        oid: Any,
        carrier: Any,
        station: str,
        pid: Any,
        reason: str,
        *,
        raised_by: str,
    ) -> None:
        """Once per waybill, whoever asks first (a station after a cancellation, or the hub)."""
        n = c.execute(
            "INSERT INTO carrier_intercepts (waybill, order_id, carrier, station_id, parcel_id, "
            "reason, raised_by, raised_at) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (waybill) DO NOTHING",
            (waybill, oid, carrier, station, pid, reason, raised_by, iso(self.clock())),
        )
        if n:
            self._conflict(
                c,
                "carrier_intercept",
                oid,
                waybill,
                station,
                str(carrier or "?"),
                pid,
                f"carrier intercept for waybill {waybill}: {reason}",
            )

    # -- leases ---------------------------------------------------------------------------
    def top_up(self, station: str) -> None:
        """Called when a station pulls: expire quiet leases, size and renew this station's."""
        # the heartbeat in a transaction of its own: holding this station's liveness row while
        # waiting for the rev counter deadlocked with a pull publishing liveness (PostgreSQL)
        self.storage.run_write(lambda c: liveness.seen(c, station, self.clock()))
        self.storage.run_write(self._top_up, station)

    def _top_up(self, c: Any, station: str) -> None:
        now = self.clock()
        if not self._ensure_work_division(c):
            return  # one station alone binds freely: nothing to divide
        dirty: set[tuple[str, str]] = set()
        self._expire(c, now, dirty)
        liveness.publish_changes(self, c, now, self.liveness)
        needs = c.all(
            "SELECT sku_set, sum(qty - bound) AS need FROM ledger_batches WHERE station_id=? "
            "AND kind='anonymous' AND status != 'done' GROUP BY sku_set",
            (station,),
        )
        exp = iso(now + timedelta(seconds=self.policy.lease_ttl_s))
        renew_before = iso(now + timedelta(seconds=self.policy.lease_ttl_s / 2))
        for nrow in needs:
            sku_set, need = str(nrow["sku_set"]), max(0, int(nrow["need"] or 0))
            held = c.one(
                "SELECT count(*) AS n, min(lease_expires_at) AS soonest FROM ledger_orders "
                "WHERE assigned_to=? "
                "AND sku_set=? AND assign_kind='lease' AND bound_parcel IS NULL AND status='paid'",
                (station, sku_set),
            )
            n_held, soonest = int(held["n"]), held["soonest"]
            target = min(need, self._block(c, station, sku_set, now, need))
            if n_held <= target - max(1, target // 4):
                # keep the lease at least 3/4 full (earliest-paid orders nobody holds or bound):
                # a full lease is what lets a station keep binding through an outage without
                # ever waiting for a renewal; topping up by a quarter keeps rewrites rare
                wh_sql, wh_args = self._warehouse_filter(c, station)
                take = c.all(
                    "SELECT order_id FROM ledger_orders WHERE sku_set=? AND status='paid' "
                    "AND assigned_to IS NULL AND bound_parcel IS NULL" + wh_sql + " "
                    "ORDER BY paid_at, order_id LIMIT ?",
                    (sku_set, *wh_args, target - n_held),
                )
                for t in take:
                    c.execute(
                        "UPDATE ledger_orders SET assigned_to=?, assign_kind='lease', "
                        "lease_expires_at=? WHERE order_id=?",
                        (station, exp, t["order_id"]),
                    )
                if take:
                    dirty.add((station, sku_set))
            if soonest is not None and soonest < renew_before:
                c.execute(
                    "UPDATE ledger_orders SET lease_expires_at=? WHERE assigned_to=? AND sku_set=? "
                    "AND assign_kind='lease' AND bound_parcel IS NULL",
                    (exp, station, sku_set),
                )
                dirty.add((station, sku_set))
        for st, sku in dirty:
            self._write_lease(c, st, sku)

    def _block(self, c: Any, station: str, sku_set: str, now: datetime, need: int) -> int:
        """Orders for `work_s` of work at the station's recent binding rate. The rate is taken
        over the span actually seen (at least a minute), so a station that just started fast
        gets a big enough block at its second pull, not after a whole window. Before any rate
        is known: a quarter of what its batches need (between `min_block` and 10x that), so a
        fast station that just started keeps binding through an outage instead of waiting at
        the end of a tiny first block."""
        since = iso(now - timedelta(seconds=self.policy.rate_window_s))
        row = c.one(
            "SELECT count(*) AS n, min(bound_rx_at) AS first FROM ledger_orders "
            "WHERE bound_by=? AND sku_set=? "
            "AND bound_rx_at >= ?",
            (station, sku_set, since),
        )
        recent = int(row["n"])
        if not recent:
            mb = self.policy.min_block
            return max(mb, min(need // 4, 10 * mb))
        span = max(60.0, (now - parse_iso(str(row["first"]))).total_seconds())
        per_s = recent / span
        return max(self.policy.min_block, math.ceil(per_s * self.policy.work_s))

    def _expire(self, c: Any, now: datetime, dirty: set[tuple[str, str]]) -> None:
        rows = c.all(
            "SELECT order_id, assigned_to, sku_set FROM ledger_orders WHERE assign_kind='lease' "
            "AND bound_parcel IS NULL AND lease_expires_at < ?",
            (iso(now),),
        )
        per_station: dict[str, int] = {}
        for r in rows:
            c.execute(
                "UPDATE ledger_orders SET assigned_to=NULL, assign_kind=NULL, "
                "lease_expires_at=NULL WHERE order_id=?",
                (r["order_id"],),
            )
            dirty.add((str(r["assigned_to"]), str(r["sku_set"])))
            per_station[str(r["assigned_to"])] = per_station.get(str(r["assigned_to"]), 0) + 1
        if rows:
            logger.info("%d leased orders returned to the pool (stations went quiet)", len(rows))
            liveness.returned(c, per_station, now)  # the lead sees what went back, and when

    def _write_lease(self, c: Any, station: str, sku_set: str) -> None:
        rows = c.all(
            "SELECT order_id, lease_expires_at FROM ledger_orders WHERE assigned_to=? AND sku_set=? "
            "AND assign_kind='lease' AND bound_parcel IS NULL AND status='paid' "
            "ORDER BY paid_at, order_id",
            (station, sku_set),
        )
        key = f"{station}:{sku_set}"
        old = self._record(c, "lease", key)
        if old is None and not rows:
            return
        ids = [str(r["order_id"]) for r in rows]
        # the soonest: orders topped up later run longer, the station must not think it has
        # more time than its oldest orders
        expires = min((r["lease_expires_at"] for r in rows if r["lease_expires_at"]), default=None)
        if old is not None and old.get("order_ids") == ids and old.get("expires_at") == expires:
            return
        self._put(
            c,
            "lease",
            key,
            {
                "lease_id": key,
                "station_id": station,
                "sku_set": sku_set,
                "kind": "bind",
                "order_ids": ids,
                "granted_at": iso(self.clock()),
                "expires_at": expires,
            },
        )

    def _warehouse_filter(self, c: Any, station: str, alias: str = "") -> tuple[str, list[Any]]:
        """A station of a warehouse takes only that warehouse's orders (or orders of none);
        a station in no warehouse sees every order, as its pulls do."""
        row = c.one("SELECT warehouse_id FROM station_warehouses WHERE station_id=?", (station,))
        if row is None:
            return "", []
        return (
            f" AND ({alias}warehouse_id IS NULL OR {alias}warehouse_id=?)",
            [str(row["warehouse_id"])],
        )

    def _ensure_work_division(self, c: Any) -> bool:
        """Two or more stations: tell them all that the hub divides the work (a setting that
        stays once sent: a station must never fall back to binding outside its lease)."""
        if self._state(c, "work_division_sent") == 1:
            return True
        n = int(c.scalar("SELECT count(*) FROM stations WHERE revoked_at IS NULL"))
        if n < 2:
            return False
        self._put(c, "setting", "work_division", {"key": "work_division", "value": "hub"})
        self._set_state(c, "work_division_sent", 1)
        return True

    def move(
        self,
        from_station: str,
        to_station: str,
        sku_set: str | None = None,
        count: int | None = None,
    ) -> int:
        """A lead moves leased (not yet bound) orders from one station to another."""

        def run(c: Any) -> int:
            sql = (
                "SELECT order_id, sku_set FROM ledger_orders WHERE assigned_to=? "
                "AND assign_kind='lease' AND bound_parcel IS NULL AND status='paid'"
            )
            args: list[Any] = [from_station]
            if sku_set:
                sql += " AND sku_set=?"
                args.append(sku_set_key(parse_sku_set(sku_set)))
            sql += " ORDER BY paid_at DESC, order_id DESC"  # the latest-paid move first
            if count:
                sql += " LIMIT ?"
                args.append(int(count))
            rows = c.all(sql, args)
            exp = iso(self.clock() + timedelta(seconds=self.policy.lease_ttl_s))
            dirty: set[tuple[str, str]] = set()
            for r in rows:
                c.execute(
                    "UPDATE ledger_orders SET assigned_to=?, lease_expires_at=? WHERE order_id=?",
                    (to_station, exp, r["order_id"]),
                )
                dirty |= {(from_station, str(r["sku_set"])), (to_station, str(r["sku_set"]))}
            for st, sku in dirty:
                self._write_lease(c, st, sku)
            return len(rows)

        n: int = self.storage.run_write(run)
        return n

    # -- presale plans --------------------------------------------------------------------
    def plan_presale(
        self,
        plan_id: str,
        sku_set: str,
        stations: list[str],
        *,
        qty: int | None = None,
        session_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Split the earliest-paid free orders of `sku_set` among `stations` (contiguous blocks):
        each station gets a batch plan with its own order list and batch id."""
        key = sku_set_key(parse_sku_set(sku_set))
        if not stations:
            raise ValueError("no stations to plan for")

        def run(c: Any) -> list[dict[str, Any]]:
            self._catch_up(c)
            sql = (
                "SELECT l.order_id FROM ledger_orders l WHERE l.sku_set=? AND l.status='paid' "
                "AND l.assigned_to IS NULL AND l.bound_parcel IS NULL"
            )
            args: list[Any] = [key]
            # the orders of the (first) station's warehouse: a plan never crosses warehouses
            wh_sql, wh_args = self._warehouse_filter(c, stations[0], "l.")
            sql += wh_sql
            args += wh_args
            if session_id:
                sql += " AND l.session_id=?"
                args.append(session_id)
            sql += " ORDER BY l.paid_at, l.order_id"
            if qty:
                sql += " LIMIT ?"
                args.append(int(qty))
            ids = [str(r["order_id"]) for r in c.all(sql, args)]
            if not ids:
                return []
            plans: list[dict[str, Any]] = []
            per = math.ceil(len(ids) / len(stations))
            for i, st in enumerate(stations):
                part = ids[i * per : (i + 1) * per]
                if not part:
                    continue
                for oid in part:
                    c.execute(
                        "UPDATE ledger_orders SET assigned_to=?, assign_kind='presale', "
                        "lease_expires_at=NULL WHERE order_id=?",
                        (st, oid),
                    )
                bid = f"{plan_id}-{st}"
                plan = {
                    **(extra or {}),
                    "batch_id": bid,
                    "kind": "presale",
                    "sku_set": key,
                    "qty": len(part),
                    "session_id": session_id,
                    "station_id": st,
                    "order_ids": part,
                }
                self._put(c, "batch_plan", bid, plan)
                plans.append(plan)
            return plans

        out: list[dict[str, Any]] = self.storage.run_write(run)
        return out

    def active_stations(self) -> list[str]:
        rows = self.storage.run_read(
            lambda c: c.all(
                "SELECT station_id FROM stations WHERE revoked_at IS NULL ORDER BY station_id"
            )
        )
        return [str(r["station_id"]) for r in rows]

    def plan_batches(self, rows: list[tuple[str, dict[str, Any]]]) -> int:
        """Imported batch plans when the hub divides the work: a presale plan is split among its
        stations (`station_id` or `stations`, default all), an anonymous plan without a station
        is split by quantity, each part with a batch id (and so label codes) of its own."""
        stations_all = self.active_stations()
        n = 0
        direct: list[tuple[str, dict[str, Any]]] = []
        for key, plan in rows:
            sts = plan.get("stations") or ([plan["station_id"]] if plan.get("station_id") else [])
            sts = [str(s) for s in sts] or stations_all
            if plan.get("kind") == "presale" and plan.get("order_ids") is None:
                extra = {
                    k: v
                    for k, v in plan.items()
                    if k in ("weight_tolerance_g", "pack_from", "pack_until")
                }
                n += len(
                    self.plan_presale(
                        key,
                        str(plan["sku_set"]),
                        sts,
                        qty=plan.get("qty"),
                        session_id=plan.get("session_id"),
                        extra=extra,
                    )
                )
            elif plan.get("kind", "anonymous") == "anonymous" and not plan.get("station_id"):
                qty = int(plan.get("qty") or 0)
                per = math.ceil(qty / len(sts)) if sts else 0
                for i, st in enumerate(sts):
                    part = min(per, qty - i * per)
                    if part > 0:
                        bid = f"{key}-{st}"
                        direct.append(
                            (bid, {**plan, "batch_id": bid, "station_id": st, "qty": part})
                        )
            else:
                direct.append((key, plan))
        if direct:
            n += self.storage.put_records("batch_plan", direct)
        return n

    # -- online transfers -----------------------------------------------------------------
    def transfer(self, codes: Iterable[str], to_station: str) -> list[dict[str, Any]]:
        """The receiving station scanned parcels of another station's cage: record the move
        (a `transfer` record both stations pull). Unknown codes raise KeyError."""
        wanted = list(codes)

        def run(c: Any) -> list[dict[str, Any]]:
            self._catch_up(c)
            out = []
            for code in wanted:
                p = c.one(
                    "SELECT * FROM ledger_parcels WHERE parcel_id=? OR label_code=? OR waybill=? "
                    "ORDER BY updated_at DESC LIMIT 1",
                    (code, code, code),
                )
                if p is None:
                    raise KeyError(code)
                d = dict(p)
                if d["station_id"] == to_station:
                    continue
                if d["state"] not in ("packed", "verified"):
                    raise ValueError(f"parcel {d['parcel_id']} is {d['state']}")
                o = c.one("SELECT sort_code FROM ledger_orders WHERE order_id=?", (d["order_id"],))
                row = {
                    "parcel_id": d["parcel_id"],
                    "label_code": d["label_code"] or d["parcel_id"],
                    "order_id": d["order_id"],
                    "waybill": d["waybill"],
                    "carrier": d["carrier"],
                    "sort_code": o["sort_code"] if o else None,
                    "sku_set": d["sku_set"],
                    "state": d["state"],
                    "batch_id": d["batch_id"],
                    "weight_g": d["weight_g"],
                    "from_station": d["station_id"],
                    "to_station": to_station,
                }
                self._put(c, "transfer", str(d["parcel_id"]), row)
                self._transferred(c, str(d["station_id"]), row)
                out.append(row)
            return out

        res: list[dict[str, Any]] = self.storage.run_write(run)
        return res

    # -- reading --------------------------------------------------------------------------
    # `warehouse`: what one warehouse's stations and tokens see (None: every warehouse, for
    # group tokens and the hub's own CLI). Rows of no warehouse (a station and order assigned
    # to none: a single-warehouse hub) are seen by all, as orders of none are.
    def conflicts(
        self, *, include_resolved: bool = False, warehouse: str | None = None
    ) -> list[dict[str, Any]]:
        self.catch_up()
        wh = "COALESCE(sw.warehouse_id, o.warehouse_id)"
        sql = (
            f"SELECT c.*, {wh} AS warehouse_id FROM conflicts c "
            "LEFT JOIN station_warehouses sw ON sw.station_id = c.station_id "
            "LEFT JOIN ledger_orders o ON o.order_id = c.order_id WHERE 1=1"
        )
        args: list[Any] = []
        if not include_resolved:
            sql += " AND c.resolved_at IS NULL"
        if warehouse is not None:
            sql += f" AND ({wh} IS NULL OR {wh} = ?)"
            args.append(warehouse)
        rows = self.storage.run_read(lambda c: c.all(sql + " ORDER BY c.conflict_id", args))
        return [dict(r) for r in rows]

    def resolve(self, conflict_id: int, by: str) -> bool:
        def run(c: Any) -> bool:
            n = c.execute(
                "UPDATE conflicts SET resolved_at=?, resolved_by=? WHERE conflict_id=? "
                "AND resolved_at IS NULL",
                (iso(self.clock()), by, conflict_id),
            )
            if n:
                row = c.one("SELECT * FROM conflicts WHERE conflict_id=?", (conflict_id,))
                self._publish_conflict(c, row)
            return bool(n)

        ok: bool = self.storage.run_write(run)
        return ok

    def intercepts(self, warehouse: str | None = None) -> list[dict[str, Any]]:
        self.catch_up()
        sql = (
            "SELECT i.* FROM carrier_intercepts i "
            "LEFT JOIN station_warehouses sw ON sw.station_id = i.station_id"
        )
        args: list[Any] = []
        if warehouse is not None:
            sql += " WHERE sw.warehouse_id IS NULL OR sw.warehouse_id = ?"
            args.append(warehouse)
        rows = self.storage.run_read(lambda c: c.all(sql + " ORDER BY i.raised_at", args))
        return [dict(r) for r in rows]

    def leases(self, warehouse: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT l.assigned_to AS station_id, l.sku_set, count(*) AS orders, "
            "min(l.lease_expires_at) AS expires_at FROM ledger_orders l "
            "LEFT JOIN station_warehouses sw ON sw.station_id = l.assigned_to "
            "WHERE l.assign_kind='lease' AND l.bound_parcel IS NULL AND l.status='paid'"
        )
        args: list[Any] = []
        if warehouse is not None:
            sql += " AND (sw.warehouse_id IS NULL OR sw.warehouse_id = ?)"
            args.append(warehouse)
        sql += " GROUP BY l.assigned_to, l.sku_set ORDER BY l.assigned_to, l.sku_set"
        rows = self.storage.run_read(lambda c: c.all(sql, args))
        return [dict(r) for r in rows]

    def handoff_summary(self, warehouse: str | None = None) -> dict[str, Any]:
        """Distinct waybills handed off, and the waybills handed off more than once (by the
        stations of `warehouse`, or of every warehouse)."""
        self.catch_up()
        src = "ledger_handoffs"
        args: list[Any] = []
        if warehouse is not None:
            src = (
                "(SELECT h.* FROM ledger_handoffs h "
                "LEFT JOIN station_warehouses sw ON sw.station_id = h.station_id "
                "WHERE sw.warehouse_id IS NULL OR sw.warehouse_id = ?) x"
            )
            args.append(warehouse)

        def run(c: Any) -> dict[str, Any]:
            total = int(c.scalar(f"SELECT count(*) FROM {src}", args) or 0)
            distinct = int(c.scalar(f"SELECT count(DISTINCT waybill) FROM {src}", args) or 0)
            dups = []
            for r in c.all(
                f"SELECT waybill, count(*) AS n FROM {src} GROUP BY waybill "
                "HAVING count(*) > 1 ORDER BY waybill",
                args,
            ):
                sts = c.all(
                    f"SELECT DISTINCT station_id FROM {src} WHERE waybill=? ORDER BY station_id",
                    (*args, r["waybill"]),
                )
                dups.append(
                    {
                        "waybill": r["waybill"],
                        "handoffs": int(r["n"]),
                        "stations": [str(x["station_id"]) for x in sts],
                    }
                )
            return {"parcels": total, "distinct_waybills": distinct, "duplicates": dups}

        out: dict[str, Any] = self.storage.run_read(run)
        return out

    def stations(self, warehouse: str | None = None) -> list[dict[str, Any]]:
        """Each active station (of `warehouse`, or all) with its liveness: online, offline
        (lease running), lease_expired (warning), silent (likely dead) or unknown; its open
        leased orders and when they go back to the pool (see hub/liveness.py)."""
        out: list[dict[str, Any]] = self.storage.run_read(
            lambda c: liveness.rows(c, self.clock(), self.liveness, warehouse)
        )
        for d in out:
            d.pop("published_state", None)
        return out

    def station_warehouses(self) -> dict[str, str]:
        """Which warehouse each station belongs to (stations in none are absent)."""
        rows = self.storage.run_read(
            lambda c: c.all("SELECT station_id, warehouse_id FROM station_warehouses")
        )
        return {str(r["station_id"]): str(r["warehouse_id"]) for r in rows}


_STATE_OF = {
    "parcel.held": "intercepted",
    "parcel.intercepted": "intercepted",
    "parcel.pulled": "pulled",
    "parcel.returned": "returned",
}


class _NullRow(dict[str, Any]):
    """A ledger_orders row just inserted: every column not given is NULL."""

    def __missing__(self, key: str) -> None:
        return None


@dataclass
class _Chunk:
    """One chunk of events being applied: the ledger_orders rows it touches (read once) and
    its writes, collected per table and sent at the flush (see Ledger._flush)."""

    now: str  # the ledger's clock for the whole chunk (updated_at, bound_rx_at)
    orders: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    by_waybill: dict[str, str] = field(default_factory=dict)
    new_orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # inserted at flush
    updated: dict[str, set[str]] = field(default_factory=dict)  # order id -> claims applied
    parcels: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # parcel id -> upsert
    handoffs: list[tuple[Any, ...]] = field(default_factory=list)
    batch_sku: dict[tuple[str, str | None], Any] = field(default_factory=dict)
    division: bool | None = None  # work_division_sent, read once


_INT_TEXT = re.compile(r"[+-]?[0-9]+")


def _text(v: Any) -> str | None:
    """A payload value for a TEXT column, as PostgreSQL's cast would write it (the writes
    go out as typed arrays); anything else (an object, a list) makes the event malformed."""
    if isinstance(v, str):
        if "\x00" in v:  # PostgreSQL text cannot hold it
            raise ValueError("a NUL character in text")
        return v
    if v is None:
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    raise TypeError(f"a {type(v).__name__} where text belongs")


def _int(v: Any) -> int | None:
    """A payload value for an INTEGER column (PostgreSQL rounds a float the same way)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise TypeError("a boolean where a number belongs")
    if isinstance(v, int):
        n = v
    elif isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError("not a finite number")
        n = round(v)
    elif isinstance(v, str) and _INT_TEXT.fullmatch(v.strip()):
        n = int(v.strip())
    else:
        raise TypeError(f"a {type(v).__name__} where a number belongs")
    if not -(2**31) <= n < 2**31:
        raise ValueError(f"{n} is out of range")
    return n


# ledger_parcels rows as _Ledger._parcel collects them (one upsert per parcel and flush)
_PARCEL_COLUMNS = (
    ("parcel_id", "text"),
    ("station_id", "text"),
    ("batch_id", "text"),
    ("label_code", "text"),
    ("sku_set", "text"),
    ("order_id", "text"),
    ("waybill", "text"),
    ("carrier", "text"),
    ("state", "text"),
    ("weight_g", "int"),
    ("updated_at", "text"),
)
_UPSERT_PARCELS = (
    "ON CONFLICT(parcel_id) DO UPDATE SET "
    "order_id=COALESCE(excluded.order_id, ledger_parcels.order_id), "
    "waybill=COALESCE(excluded.waybill, ledger_parcels.waybill), "
    "carrier=COALESCE(excluded.carrier, ledger_parcels.carrier), "
    "sku_set=COALESCE(ledger_parcels.sku_set, excluded.sku_set), "
    "state=COALESCE(excluded.state, ledger_parcels.state), "
    "weight_g=COALESCE(excluded.weight_g, ledger_parcels.weight_g), "
    "updated_at=excluded.updated_at"
)


def _merge_parcel(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """Two upserts of one parcel (_UPSERT_PARCELS) as one: station, batch and label come
    from the first (only an insert writes them), sku_set is the first known, the others
    the latest known, updated_at the latest."""
    pid, station, batch, label, sku = old[:5]
    return (
        pid,
        station,
        batch,
        label,
        sku if sku is not None else new[4],
        *(n if n is not None else o for o, n in zip(old[5:10], new[5:10], strict=True)),
        new[10],
    )


_NEW_ORDER_COLUMNS = (
    "order_id",
    "sku_set",
    "paid_at",
    "status",
    "waybill",
    "carrier",
    "assigned_to",
    "assign_kind",
    "bound_by",
    "bound_parcel",
    "bound_at",
    "bound_rx_at",
    "printed_by",
    "printed_at",
    "handed_off_by",
    "handed_off_parcel",
    "handed_off_at",
)
# the columns each claim writes (_claim); print only fills what is still empty
_CLAIM_COLUMNS = {
    "bind": ("bound_by", "bound_parcel", "bound_at", "bound_rx_at", "assigned_to"),
    "handoff": ("handed_off_by", "handed_off_parcel", "handed_off_at", "bound_by", "bound_parcel"),
    "print": ("printed_by", "printed_at"),
}
_FILL_ONLY = ("printed_by", "printed_at")

_HANDOFF_COLUMNS = (
    ("station_id", "text"),
    ("parcel_id", "text"),
    ("waybill", "text"),
    ("at", "text"),
)


def _json_rows(rows: list[tuple[Any, ...]]) -> str:
    """Rows as one JSON array of arrays: one parameter, written in C, instead of a parameter
    per value (PostgreSQL takes it apart with _from_json)."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _from_json(columns: Sequence[tuple[str, str]]) -> str:
    """SELECT list over jsonb_array_elements(...) AS x: column i is x->>i (NULL for null)."""
    return ", ".join(
        f"x->>{i} AS {n}" if t == "text" else f"(x->>{i})::{t} AS {n}"
        for i, (n, t) in enumerate(columns)
    )


def _bulk(
    c: Any,
    sqlite: bool,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: list[tuple[Any, ...]],
    conflict: str,
) -> None:
    """INSERT many rows in one statement on PostgreSQL (the rows as one JSON parameter), with
    executemany on SQLite (in-process: a statement per row costs little there)."""
    names = ", ".join(n for n, _ in columns)
    if sqlite:
        marks = ",".join("?" for _ in columns)
        c.many(f"INSERT INTO {table} ({names}) VALUES ({marks}) {conflict}", rows)
        return
    c.send(
        f"INSERT INTO {table} ({names}) SELECT {_from_json(columns)} "
        f"FROM jsonb_array_elements(?::jsonb) AS x {conflict}",
        (_json_rows(rows),),
    )


def _bulk_claims(c: Any, sqlite: bool, ops: frozenset[str], rows: list[tuple[Any, ...]]) -> None:
    """UPDATE ledger_orders with the claims `ops` applied to each row ((order id, *values of
    the claims' columns) from the chunk's cache), one statement on PostgreSQL."""
    cols = _claim_columns(ops)
    extra = ["assign_kind=COALESCE(assign_kind, 'claimed')"] if "bind" in ops else []
    if sqlite:
        sets = [f"{col}=COALESCE({col}, ?)" if col in _FILL_ONLY else f"{col}=?" for col in cols]
        c.many(
            f"UPDATE ledger_orders SET {', '.join(sets + extra)} WHERE order_id=?",
            [(*r[1:], r[0]) for r in rows],
        )
        return
    sets = [
        f"{col}=COALESCE(o.{col}, v.{col})" if col in _FILL_ONLY else f"{col}=v.{col}"
        for col in cols
    ]
    extra = [e.replace("COALESCE(", "COALESCE(o.") for e in extra]
    typed = [("order_id", "text"), *((col, "text") for col in cols)]
    c.send(
        f"UPDATE ledger_orders AS o SET {', '.join(sets + extra)} "
        f"FROM (SELECT {_from_json(typed)} FROM jsonb_array_elements(?::jsonb) AS x) AS v "
        "WHERE o.order_id = v.order_id",
        (_json_rows(rows),),
    )


def _claim_columns(ops: frozenset[str]) -> list[str]:
    """The columns the claims `ops` write (bound_by/bound_parcel: bind and handoff both)."""
    return list(dict.fromkeys(col for op in sorted(ops) for col in _CLAIM_COLUMNS[op]))


class LedgerFollower:
    """A daemon thread that applies stored events to the ledger, so a push answers as soon as
    its events are committed. Nudged after each push, and every `interval_s` anyway; with
    several hub processes, whichever is free does the next chunk. stop() joins it."""

    def __init__(self, ledger: Ledger, interval_s: float = 1.0) -> None:
        self.ledger = ledger
        self.interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def nudge(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self.stop_soon()
        if self._thread.is_alive():
            self._thread.join(10)

    def stop_soon(self) -> None:
        """Ask the loop to end after its current step (safe from a signal handler)."""
        self._stop.set()
        self._wake.set()

    def run(self, parent_pid: int | None = None) -> None:
        """In the calling thread (serve's ledger process) until stop(), or until the process
        that started it is gone (`parent_pid`: a killed hub leaves no follower behind)."""
        self._run(parent_pid)

    def _run(self, parent_pid: int | None = None) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval_s)
            self._wake.clear()
            if parent_pid is not None and os.getppid() != parent_pid:
                logger.warning("the hub process is gone: the ledger follower stops")
                return
            try:
                while not self._stop.is_set() and self.ledger.follow_once() > 0:
                    pass  # one transaction per step; on until nothing is left
            except Exception:  # the database is away: try again on the next tick
                logger.exception("ledger follower pass failed")
                self._stop.wait(self.interval_s)


def _act_double(station: str, winner: str, pid: str, waybill: str) -> tuple[str, str]:
    return (
        f"Station {station}: pull parcel {pid} (hold sent; order goes with station {winner}).",
        f"站点 {station}：取出包裹 {pid}（已下发扣留，订单归站点 {winner}）。",
    )


def _act_dup(station: str, winner: str, pid: str, waybill: str) -> tuple[str, str]:
    return (
        f"Waybill {waybill} used twice: station {station} must pull parcel {pid}, or the carrier "
        "stops it if it already left (intercept raised).",
        f"面单 {waybill} 重复：站点 {station} 取出包裹 {pid}；若已发出则由快递拦截（已发起拦截）。",
    )


def _act_cancel(station: str, winner: str, pid: str, waybill: str) -> tuple[str, str]:
    return (
        f"Cancelled order shipped by station {station}: carrier intercept raised for {waybill}.",
        f"已取消订单被站点 {station} 发出：已对面单 {waybill} 发起快递拦截。",
    )


def _act_intercept(station: str, carrier: str, pid: str, waybill: str) -> tuple[str, str]:
    return (
        f"Ask carrier {carrier} to stop waybill {waybill} (parcel {pid} from station {station}).",
        f"联系快递 {carrier} 拦截面单 {waybill}（站点 {station} 的包裹 {pid}）。",
    )


def _act_outside(station: str, winner: str, pid: str, waybill: str) -> tuple[str, str]:
    return (
        f"Station {station} worked past its lease (offline?): get it online and synced; "
        "check the conflicts that follow.",
        f"站点 {station} 超出租约工作（离线过久？）：请尽快联网同步，并处理随后的冲突。",
    )


_ACTIONS: dict[str, Callable[[str, str, str, str], tuple[str, str]]] = {
    "outside_lease": _act_outside,
    "double_bound": _act_double,
    "duplicate_waybill": _act_dup,
    "cancelled_shipped": _act_cancel,
    "carrier_intercept": _act_intercept,
}


def parse_since(text: str | None) -> str | None:
    return iso(parse_iso(text)) if text else None
