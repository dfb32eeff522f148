"""Warehouses, scoped tokens and the integrator side of the hub (ERP/OMS).

- A warehouse (id, name, time zone); every station belongs to one (`station_warehouses`).
  Orders carry `warehouse_id`; a station pulls only its warehouse's orders (orders without a
  warehouse are a single-warehouse hub's and go to everyone), and reads only its warehouse's
  reports. Moving orders to another warehouse (failover) is a hub operation: the old
  warehouse's stations get a cancellation stub without personal data, the new one the order.
- API tokens besides station tokens: `integrator` (one warehouse, scopes such as
  orders:write, orders:read, reports:read, webhooks:write) and `group` (all warehouses,
  reports:read). Stored as SHA-256 like station tokens.
- Orders by PUT with a version: same version and same body is a no-op (idempotent retry), an
  older or conflicting version is 409; a status feed by cursor from the stations' events;
  webhooks signed with HMAC-SHA256 and retried with backoff.

All SQL runs inside the storage's transactions (`run_write` / `run_read`), plain and portable.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from warehouse_app.clock import iso, utcnow
from warehouse_app.hub.storage import HubStorage, hash_token

logger = logging.getLogger(__name__)

SCOPES = ("orders:write", "orders:read", "reports:read", "webhooks:write")
TOKEN_KINDS = ("integrator", "group")
STATUS_OF_EVENT = {
    "parcel.packed": "packed",
    "parcel.verified": "verified",
    "parcel.handed_off": "handed_off",
    "parcel.intercepted": "intercepted",
    "parcel.pulled": "intercepted",
    "parcel.returned": "returned",
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS warehouses (
    warehouse_id TEXT PRIMARY KEY, name TEXT NOT NULL, tz TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS station_warehouses (
    station_id TEXT PRIMARY KEY, warehouse_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_tokens (
    token_hash TEXT PRIMARY KEY, token_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    warehouse_id TEXT, scopes TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS order_versions (
    order_id TEXT PRIMARY KEY, version INTEGER NOT NULL, warehouse_id TEXT,
    body_hash TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhooks (
    webhook_id TEXT PRIMARY KEY, token_id TEXT NOT NULL, warehouse_id TEXT, url TEXT NOT NULL,
    secret TEXT NOT NULL, cursor INTEGER NOT NULL, failures INTEGER NOT NULL DEFAULT 0,
    next_at {float} NOT NULL DEFAULT 0, last_error TEXT, delivered INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL)
"""


class VersionConflict(Exception):
    def __init__(self, message: str, current: int) -> None:
        super().__init__(message)
        self.current = current


class OtherWarehouse(Exception):
    pass


@dataclass(frozen=True)
class TokenInfo:
    token_id: str
    kind: str
    warehouse_id: str | None
    scopes: frozenset[str]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """`X-Hub-Signature: t=<unix>,v1=<hex>`, HMAC-SHA256 over `<t>.<body>` (replay-safe)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, tolerance_s: int = 300) -> bool:
    """What a receiver does with `X-Hub-Signature`."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        ts = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs(time.time() - ts) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, ts, body), header)


class Directory:
    """Warehouses, tokens, integrator orders, the status feed and webhooks, on one storage."""

    def __init__(self, storage: HubStorage) -> None:
        self.storage = storage
        storage.ensure_tables(SCHEMA)  # {tokens}: hub/storage/base.Dialect.ddl

    # -- warehouses ---------------------------------------------------------------------------
    def add_warehouse(self, warehouse_id: str, name: str, tz: str) -> None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {tz!r}") from None

        def run(c: Any) -> None:
            c.execute(
                "INSERT INTO warehouses (warehouse_id, name, tz, created_at) VALUES (?,?,?,?) "
                "ON CONFLICT(warehouse_id) DO UPDATE SET name=excluded.name, tz=excluded.tz",
                (warehouse_id, name, tz, iso(utcnow())),
            )

        self.storage.run_write(run)

    def warehouses(self) -> list[dict[str, Any]]:
        rows = self.storage.run_read(
            lambda c: c.all("SELECT warehouse_id, name, tz FROM warehouses ORDER BY warehouse_id")
        )
        return [dict(r) for r in rows]

    def assign_station(self, station_id: str, warehouse_id: str) -> None:
        def run(c: Any) -> None:
            if c.one("SELECT 1 FROM warehouses WHERE warehouse_id=?", (warehouse_id,)) is None:
                raise KeyError(warehouse_id)
            c.execute(
                "INSERT INTO station_warehouses (station_id, warehouse_id) VALUES (?,?) "
                "ON CONFLICT(station_id) DO UPDATE SET warehouse_id=excluded.warehouse_id",
                (station_id, warehouse_id),
            )

        self.storage.run_write(run)

    def warehouse_of(self, station_id: str) -> str | None:
        row = self.storage.run_read(
            lambda c: c.one(
                "SELECT warehouse_id FROM station_warehouses WHERE station_id=?", (station_id,)
            )
        )
        return str(row["warehouse_id"]) if row else None

    def stations_of(self, warehouse_id: str) -> set[str]:
        rows = self.storage.run_read(
            lambda c: c.all(
                "SELECT station_id FROM station_warehouses WHERE warehouse_id=?", (warehouse_id,)
            )
        )
        return {str(r["station_id"]) for r in rows}

    def tz_of(self, warehouse_id: str | None) -> str:
        if warehouse_id is None:
            return "UTC"
        row = self.storage.run_read(
            lambda c: c.one("SELECT tz FROM warehouses WHERE warehouse_id=?", (warehouse_id,))
        )
        return str(row["tz"]) if row else "UTC"

    def move_orders(self, order_ids: list[str], to_warehouse: str) -> int:
        """Failover: the orders now belong to `to_warehouse` (a new rev each, so both sides'
        stations hear of it on their next pull)."""

        def run(c: Any) -> int:
            if c.one("SELECT 1 FROM warehouses WHERE warehouse_id=?", (to_warehouse,)) is None:
                raise KeyError(to_warehouse)
            n = 0
            for oid in order_ids:
                row = c.one("SELECT data FROM records WHERE kind='order' AND key=?", (oid,))
                if row is None:
                    raise LookupError(oid)
                data = json.loads(row["data"])
                if data.get("warehouse_id") == to_warehouse:
                    continue
                data["moved_from"] = data.get("warehouse_id")
                data["warehouse_id"] = to_warehouse
                self._put(c, oid, data)
                c.execute(
                    "UPDATE order_versions SET warehouse_id=? WHERE order_id=?",
                    (to_warehouse, oid),
                )
                n += 1
            return n

        n: int = self.storage.run_write(run)
        return n

    # -- tokens -------------------------------------------------------------------------------
    def add_token(self, name: str, kind: str, warehouse_id: str | None, scopes: list[str]) -> str:
        if kind not in TOKEN_KINDS:
            raise ValueError(f"kind must be one of {', '.join(TOKEN_KINDS)}")
        bad = [s for s in scopes if s not in SCOPES]
        if bad:
            raise ValueError(f"unknown scopes {', '.join(bad)} (known: {', '.join(SCOPES)})")
        if kind == "integrator" and not warehouse_id:
            raise ValueError("an integrator token belongs to one warehouse (--warehouse)")
        token = secrets.token_urlsafe(32)

        def run(c: Any) -> None:
            if (
                warehouse_id
                and c.one("SELECT 1 FROM warehouses WHERE warehouse_id=?", (warehouse_id,)) is None
            ):
                raise KeyError(warehouse_id)
            if c.one("SELECT 1 FROM api_tokens WHERE token_id=? AND revoked_at IS NULL", (name,)):
                raise ValueError(f"token {name} exists already")
            c.execute("DELETE FROM api_tokens WHERE token_id=?", (name,))
            c.execute(
                "INSERT INTO api_tokens (token_hash, token_id, kind, warehouse_id, scopes, "
                "created_at) VALUES (?,?,?,?,?,?)",
                (hash_token(token), name, kind, warehouse_id, " ".join(scopes), iso(utcnow())),
            )

        self.storage.run_write(run)
        return token

    def revoke_token(self, name: str) -> bool:
        n: int = self.storage.run_write(
            lambda c: c.execute(
                "UPDATE api_tokens SET revoked_at=? WHERE token_id=? AND revoked_at IS NULL",
                (iso(utcnow()), name),
            )
        )
        return n > 0

    def tokens(self) -> list[dict[str, Any]]:
        rows = self.storage.run_read(
            lambda c: c.all(
                "SELECT token_id, kind, warehouse_id, scopes, created_at, revoked_at "
                "FROM api_tokens ORDER BY token_id"
            )
        )
        return [dict(r) for r in rows]

    def token_info_by_id(self, token_id: str) -> TokenInfo:
        row = self.storage.run_read(
            lambda c: c.one(
                "SELECT token_hash FROM api_tokens WHERE token_id=? AND revoked_at IS NULL",
                (token_id,),
            )
        )
        info = self.token_info(row["token_hash"]) if row else None
        if info is None:
            raise KeyError(token_id)
        return info

    def token_info(self, token_hash: str) -> TokenInfo | None:
        row = self.storage.run_read(
            lambda c: c.one(
                "SELECT token_id, kind, warehouse_id, scopes FROM api_tokens "
                "WHERE token_hash=? AND revoked_at IS NULL",
                (token_hash,),
            )
        )
        if row is None:
            return None
        return TokenInfo(
            row["token_id"], row["kind"], row["warehouse_id"], frozenset(row["scopes"].split())
        )

    # -- orders -------------------------------------------------------------------------------
    def _put(self, c: Any, key: str, data: dict[str, Any]) -> None:
        rev = self.storage.next_rev(c)
        c.execute(
            "INSERT INTO records (kind, key, data, rev, updated_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(kind, key) DO UPDATE SET data=excluded.data, rev=excluded.rev, "
            "updated_at=excluded.updated_at",
            ("order", key, _dumps(data), rev, iso(utcnow())),
        )

    def put_order(self, order: dict[str, Any], version: int, warehouse_id: str) -> tuple[str, int]:
        """('created' | 'updated' | 'unchanged', version). Raises VersionConflict,
        OtherWarehouse."""
        oid = str(order["order_id"])
        body_hash = hashlib.sha256(_dumps(order).encode()).hexdigest()

        def run(c: Any) -> tuple[str, int]:
            cur = c.one(
                "SELECT version, warehouse_id, body_hash FROM order_versions WHERE order_id=?",
                (oid,),
            )
            old = c.one("SELECT data FROM records WHERE kind='order' AND key=?", (oid,))
            old_data = json.loads(old["data"]) if old else None
            owner = (cur["warehouse_id"] if cur else None) or (
                old_data.get("warehouse_id") if old_data else None
            )
            if owner not in (None, warehouse_id):
                raise OtherWarehouse(oid)
            if cur is not None:
                if version == cur["version"] and body_hash == cur["body_hash"]:
                    return "unchanged", version
                if version <= cur["version"]:
                    raise VersionConflict(
                        f"order {oid} is at version {cur['version']}; send a higher one",
                        int(cur["version"]),
                    )
            data = {**order, "warehouse_id": warehouse_id}
            if old_data and old_data.get("status") == "cancelled":  # a cancellation is final
                data["status"] = "cancelled"
                data["cancelled_at"] = old_data.get("cancelled_at")
            if data.get("status") == "cancelled" and not data.get("cancelled_at"):
                data["cancelled_at"] = iso(utcnow())
            self._put(c, oid, data)
            c.execute(
                "INSERT INTO order_versions (order_id, version, warehouse_id, body_hash, "
                "updated_at) VALUES (?,?,?,?,?) ON CONFLICT(order_id) DO UPDATE SET "
                "version=excluded.version, warehouse_id=excluded.warehouse_id, "
                "body_hash=excluded.body_hash, updated_at=excluded.updated_at",
                (oid, version, warehouse_id, body_hash, iso(utcnow())),
            )
            return ("updated" if cur or old else "created"), version

        out: tuple[str, int] = self.storage.run_write(run)
        return out

    def cancel_order(self, order_id: str, warehouse_id: str | None) -> dict[str, Any]:
        def run(c: Any) -> dict[str, Any]:
            row = c.one("SELECT data FROM records WHERE kind='order' AND key=?", (order_id,))
            if row is None:
                raise LookupError(order_id)
            data: dict[str, Any] = json.loads(row["data"])
            if warehouse_id is not None and data.get("warehouse_id") not in (None, warehouse_id):
                raise OtherWarehouse(order_id)
            if data.get("status") != "cancelled":
                data["status"] = "cancelled"
                data["cancelled_at"] = iso(utcnow())
                self._put(c, order_id, data)
            return data

        out: dict[str, Any] = self.storage.run_write(run)
        return out

    def order(self, order_id: str) -> dict[str, Any] | None:
        return self.storage.record("order", order_id)

    # -- status feed --------------------------------------------------------------------------
    def status_feed(
        self, warehouse_id: str | None, cursor: int, limit: int
    ) -> tuple[list[dict[str, Any]], int, bool]:
        """Parcel statuses (packed, verified, handed_off, intercepted, returned) after
        `cursor` (a hub event id), for one warehouse's stations (None: all)."""
        marks = ",".join("?" for _ in STATUS_OF_EVENT)
        params: list[Any] = [cursor, *STATUS_OF_EVENT]
        sql = (
            f"SELECT e.id, e.station_id, e.type, e.payload, e.created_at, e.received_at "
            f"FROM events e WHERE e.id > ? AND e.type IN ({marks})"
        )
        if warehouse_id is not None:
            sql += (
                " AND e.station_id IN (SELECT station_id FROM station_warehouses "
                "WHERE warehouse_id=?)"
            )
            params.append(warehouse_id)
        sql += " ORDER BY e.id LIMIT ?"
        params.append(limit + 1)
        rows = self.storage.run_read(lambda c: c.all(sql, tuple(params)))
        more = len(rows) > limit
        items = []
        for r in rows[:limit]:
            p = json.loads(r["payload"])
            items.append(
                {
                    "cursor": int(r["id"]),
                    "order_id": p.get("order_id"),
                    "status": STATUS_OF_EVENT[r["type"]],
                    "at": r["created_at"],
                    "received_at": r["received_at"],
                    "station_id": r["station_id"],
                    "waybill": p.get("waybill"),
                    "carrier": p.get("carrier"),
                }
            )
        return items, (items[-1]["cursor"] if items else cursor), more

    # -- webhooks -------------------------------------------------------------------------------
    def add_webhook(self, token: TokenInfo, url: str, from_cursor: int = 0) -> tuple[str, str]:
        hook_id = "wh_" + secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)

        def run(c: Any) -> None:
            c.execute(
                "INSERT INTO webhooks (webhook_id, token_id, warehouse_id, url, secret, cursor, "
                "created_at) VALUES (?,?,?,?,?,?,?)",
                (
                    hook_id,
                    token.token_id,
                    token.warehouse_id,
                    url,
                    secret,
                    from_cursor,
                    iso(utcnow()),
                ),
            )

        self.storage.run_write(run)
        return hook_id, secret

    def webhooks(self, token_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT webhook_id, token_id, warehouse_id, url, cursor, failures, last_error, "
            "delivered FROM webhooks"
        )
        params: tuple[Any, ...] = ()
        if token_id is not None:
            sql += " WHERE token_id=?"
            params = (token_id,)
        return [
            dict(r)
            for r in self.storage.run_read(lambda c: c.all(sql + " ORDER BY webhook_id", params))
        ]

    def deliver_due(self, client: httpx.Client, batch: int = 100) -> int:
        """One pass: for each webhook due, POST the next page of its feed; advance its cursor
        only on a 2xx; otherwise back off (1 s, 2 s, 4 s ... at most 5 min). Returns deliveries."""
        now = time.time()
        due = self.storage.run_read(
            lambda c: c.all(
                "SELECT webhook_id, warehouse_id, url, secret, cursor, failures FROM webhooks "
                "WHERE next_at <= ?",
                (now,),
            )
        )
        sent = 0
        for h in due:
            items, cursor, _ = self.status_feed(h["warehouse_id"], int(h["cursor"]), batch)
            if not items:
                continue
            body = _dumps(
                {"webhook_id": h["webhook_id"], "events": items, "cursor": cursor}
            ).encode()
            ts = int(time.time())
            error: str | None = None
            try:
                r = client.post(
                    h["url"],
                    content=body,
                    headers={
                        "Content-Type": "application/json",
                        "X-Hub-Signature": sign(h["secret"], ts, body),
                        "X-Hub-Webhook-Id": h["webhook_id"],
                    },
                )
                if not 200 <= r.status_code < 300:
                    error = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            if error is None:
                sent += 1
                self.storage.run_write(_delivered, h["webhook_id"], cursor, len(items))
            else:
                fails = int(h["failures"]) + 1
                wait = min(300.0, 2.0 ** (fails - 1))
                logger.warning(
                    "webhook %s to %s failed (%s), try %d; next in %.0f s",
                    h["webhook_id"],
                    h["url"],
                    error,
                    fails,
                    wait,
                )
                self.storage.run_write(_failed, h["webhook_id"], fails, time.time() + wait, error)
        return sent

    def pending_deliveries(self) -> int:
        rows = self.storage.run_read(lambda c: c.all("SELECT warehouse_id, cursor FROM webhooks"))
        total = 0
        for r in rows:
            items, _, _ = self.status_feed(r["warehouse_id"], int(r["cursor"]), 1000)
            total += len(items)
        return total


def _delivered(c: Any, hook_id: str, cursor: int, n: int) -> None:
    c.execute(
        "UPDATE webhooks SET cursor=?, failures=0, next_at=0, last_error=NULL, "
        "delivered=delivered+? WHERE webhook_id=?",
        (cursor, n, hook_id),
    )


def _failed(c: Any, hook_id: str, fails: int, next_at: float, error: str) -> None:
    c.execute(
        "UPDATE webhooks SET failures=?, next_at=?, last_error=? WHERE webhook_id=?",
        (fails, next_at, error, hook_id),
    )


class WebhookDispatcher:
    """A daemon thread delivering webhooks every `interval_s`; stop() joins it."""

    def __init__(
        self,
        directory: Directory,
        interval_s: float = 1.0,
        on_pass: Callable[[], None] | None = None,
    ) -> None:
        self.directory = directory
        self.interval_s = interval_s
        self.on_pass = on_pass
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="webhooks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        with httpx.Client(
            timeout=httpx.Timeout(5.0, connect=2.0), follow_redirects=False
        ) as client:
            while not self._stop.wait(self.interval_s):
                try:
                    self.directory.deliver_due(client)
                    if self.on_pass is not None:
                        self.on_pass()
                except Exception:
                    logger.exception("webhook pass failed")
