"""Pre-pack batches: parcels with identical contents for one live session.

Two kinds: `presale` (one parcel per paid pre-sale order, waybill known up front) and `anonymous`
(N parcels with an internal pre-pack label, bound to real orders later, earliest paid first).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from typing import Any

from warehouse_app import multistation, policies
from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import parse_sku_set, sku_set_key
from warehouse_app.errors import InvalidOperation, NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.station import require_station

logger = logging.getLogger(__name__)

BATCH_STATUSES = ("draft", "active", "paused", "done")


_STATUS_MOVES = {
    "draft": {"active"},
    "active": {"paused", "done"},
    "paused": {"active", "done"},
    "done": set(),
}


def _next_batch_id(conn: sqlite3.Connection, station: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key='batch_seq'").fetchone()
    seq = int(row[0]) + 1 if row else 1
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('batch_seq', ?)", (str(seq),))
    return f"{station}-B{seq:04d}"


def label_code(batch_id: str, n: int) -> str:
    return f"PP-{batch_id}-{n:05d}"


def expected_weight(conn: sqlite3.Connection, sku_set: str) -> int | None:
    items = parse_sku_set(sku_set)
    total = 0
    for sku, qty in items.items():
        row = conn.execute("SELECT weight_g FROM skus WHERE code=?", (sku,)).fetchone()
        if row is None or not row[0]:
            return None
        total += int(row[0]) * qty
    return total


MAX_BATCH_QTY = (
    1_000_000  # far above any one pre-pack batch; more is a typo that would hang the station
)


def create_batch(
    conn: sqlite3.Connection,
    *,
    sku_set: str | dict[str, int],
    kind: str,
    qty: int | None = None,
    session_id: str | None = None,
    operator: str | None = None,
    weight_tolerance_g: int | None = None,
    pack_from: str | None = None,
    pack_until: str | None = None,
    batch_id: str | None = None,
    order_ids: list[str] | None = None,
) -> dict[str, Any]:
    """Create a batch and its planned parcels. Caller owns the transaction.

    `order_ids` (a presale plan the hub assigned to this station) limits the batch to those
    orders. When the hub divides the work, a presale batch takes only orders the hub gave
    this station, so two stations never pack the same order."""
    station = require_station(conn)
    try:
        items = parse_sku_set(sku_set) if isinstance(sku_set, str) else dict(sku_set)
    except ValueError as exc:
        raise StationError(
            f"SKU set {sku_set!r}: {exc} (write it like SKU1*2+SKU2*1)",
            zh=f"商品组合 {sku_set!r} 无效：{exc}（格式如 SKU1*2+SKU2*1）",
        ) from exc
    key = sku_set_key(items)
    unknown = [
        s for s in items if conn.execute("SELECT 1 FROM skus WHERE code=?", (s,)).fetchone() is None
    ]
    if unknown:
        raise StationError(
            f"Unknown SKU {', '.join(unknown)}: import SKUs first",
            zh=f"未知商品 {', '.join(unknown)}：请先导入商品",
        )
    if kind not in ("presale", "anonymous"):
        raise StationError(
            "kind must be presale or anonymous",
            zh="批次类型必须是 presale（预售）或 anonymous（匿名预包）",
        )
    if qty is not None and (
        isinstance(qty, bool) or not isinstance(qty, int) or not 0 < qty <= MAX_BATCH_QTY
    ):
        raise StationError(
            f"qty must be a whole number from 1 to {MAX_BATCH_QTY}, got {qty!r}",
            zh=f"数量必须是 1 到 {MAX_BATCH_QTY} 的整数：{qty!r}",
        )
    if weight_tolerance_g is not None and (
        not isinstance(weight_tolerance_g, int) or weight_tolerance_g < 0
    ):
        raise StationError(
            f"weight tolerance must be grams >= 0, got {weight_tolerance_g!r}",
            zh=f"重量误差必须是不小于 0 的克数：{weight_tolerance_g!r}",
        )
    now = iso(utcnow())
    orders: list[sqlite3.Row] = []
    if kind == "presale":
        sql = (
            "SELECT o.order_id, o.waybill, o.carrier, o.sort_code FROM orders o "
            "LEFT JOIN parcels p ON p.order_id = o.order_id "
            "WHERE o.sku_set=? AND o.status='paid' AND p.parcel_id IS NULL"
        )
        args: list[Any] = [key]
        if order_ids is not None:
            sql += f" AND o.order_id IN ({','.join('?' * len(order_ids)) or 'NULL'})"
            args.extend(order_ids)
        elif multistation.hub_divides_work(conn):
            sql += f" AND o.order_id IN ({multistation.leased_order_ids_sql()})"
        if session_id:
            sql += " AND o.session_id=?"
            args.append(session_id)
        sql += " ORDER BY o.paid_at, o.order_id"
        # every batch kind respects oversell: a short order gets no parcel (parcel None = no parcel yet)
        checks = policies.current().bind_checks
        skipped = 0
        for o in conn.execute(sql, args):
            if all(check(conn, None, o) for check in checks):
                orders.append(o)
                if qty and len(orders) >= int(qty):
                    break
            else:
                skipped += 1
        if not orders:
            raise StationError(
                f"No paid orders without a parcel for {key}"
                + (f" in session {session_id}" if session_id else "")
                + (f" ({skipped} short by oversell)" if skipped else ""),
                zh=f"没有可预包装的已付款订单：{key}"
                + (f"（{skipped} 单因超卖缺货）" if skipped else ""),
            )
        n = len(orders)
    else:
        if not qty or qty <= 0:
            raise StationError(
                "An anonymous batch needs --qty N (N > 0)",
                zh="匿名预包批次需要数量 --qty N（N > 0）",
            )
        n = int(qty)
    bid = batch_id or _next_batch_id(conn, station)
    conn.execute(
        "INSERT INTO batches (batch_id, session_id, kind, sku_set, planned_qty, status, expected_weight_g, "
        "weight_tolerance_g, pack_from, pack_until, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            bid,
            session_id,
            kind,
            key,
            n,
            "draft",
            expected_weight(conn, key),
            weight_tolerance_g,
            pack_from,
            pack_until,
            now,
            operator,
        ),
    )
    rows = []
    for i in range(n):
        lc = label_code(bid, i + 1)
        o = orders[i] if orders else None
        rows.append(
            (
                lc,
                bid,
                o["order_id"] if o else None,
                lc,
                o["waybill"] if o else None,
                o["carrier"] if o else None,
                o["sort_code"] if o else None,
                key,
                "planned",
                now,
            )
        )
    conn.executemany(
        "INSERT INTO parcels (parcel_id, batch_id, order_id, label_code, waybill, carrier, sort_code, sku_set, "
        "state, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    append_event(
        conn,
        "batch.created",
        {"batch_id": bid, "kind": kind, "sku_set": key, "qty": n, "session_id": session_id},
        operator=operator,
        at=now,
    )
    return get_batch(conn, bid)


def get_batch(conn: sqlite3.Connection, batch_id: str) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM batches WHERE batch_id=?", (batch_id,)).fetchone()
    if row is None:
        raise NotFound(f"No batch {batch_id!r}", zh=f"没有批次 {batch_id!r}")
    b = dict(row)
    b["counts"] = batch_state_counts(conn, batch_id)
    return b


def batch_state_counts(conn: sqlite3.Connection, batch_id: str) -> dict[str, int]:
    """Parcels of a batch per state, from the trigger-kept counters (one index seek, however
    large the batch; the same numbers as a GROUP BY over its parcels). A parcel moved to another
    station counts as 'transferred' here, not as still waiting in its state."""
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT state, n FROM batch_state_counts WHERE batch_id=? AND n > 0", (batch_id,)
        )
    }


def list_batches(conn: sqlite3.Connection, status: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT batch_id FROM batches"
    args: list[Any] = []
    if status:
        sql += " WHERE status=?"
        args.append(status)
    return [
        get_batch(conn, r[0]) for r in conn.execute(sql + " ORDER BY created_at, batch_id", args)
    ]


def set_batch_status(
    conn: sqlite3.Connection, batch_id: str, status: str, operator: str | None = None
) -> dict[str, Any]:
    b = get_batch(conn, batch_id)
    if status not in _STATUS_MOVES.get(b["status"], set()):
        raise InvalidOperation(
            f"Batch {batch_id} is {b['status']}; it cannot become {status}",
            zh=f"批次 {batch_id} 当前为 {b['status']}，不能改为 {status}",
        )
    conn.execute("UPDATE batches SET status=? WHERE batch_id=?", (status, batch_id))
    append_event(
        conn,
        f"batch.{ {'active': 'started', 'paused': 'paused', 'done': 'done'}[status] }",
        {"batch_id": batch_id},
        operator=operator,
    )
    return get_batch(conn, batch_id)


def bind_parcel(
    conn: sqlite3.Connection, parcel_id: str, *, operator: str | None = None, at: str | None = None
) -> dict[str, Any] | None:
    """Bind an anonymous parcel to the earliest-paid open order with the same contents."""
    p = conn.execute(
        "SELECT parcel_id, sku_set, batch_id FROM parcels WHERE parcel_id=? AND order_id IS NULL",
        (parcel_id,),
    ).fetchone()
    if p is None:
        return None
    if multistation.hub_divides_work(conn):
        # other stations bind too: only orders of this station's lease (online or offline)
        o = multistation.lease_order(conn, p["sku_set"])
    else:
        o = conn.execute(
            # one seek on the partial index orders_unbound (paid, no parcel yet): flat in orders bound
            "SELECT o.order_id, o.waybill, o.carrier, o.sort_code FROM orders o "
            "INDEXED BY orders_unbound "
            "WHERE o.sku_set=? AND o.status='paid' AND o.bound=0 "
            "ORDER BY o.paid_at, o.order_id LIMIT 1",
            (p["sku_set"],),
        ).fetchone()
    if o is None or not all(check(conn, p, o) for check in policies.current().bind_checks):
        return None
    at = at or iso(utcnow())
    conn.execute(
        "UPDATE parcels SET order_id=?, waybill=?, carrier=?, sort_code=?, updated_at=? WHERE parcel_id=?",
        (o["order_id"], o["waybill"], o["carrier"], o["sort_code"], at, parcel_id),
    )
    append_event(
        conn,
        "parcel.bound",
        {
            "parcel_id": parcel_id,
            "order_id": o["order_id"],
            "waybill": o["waybill"],
            "carrier": o["carrier"],
            "batch_id": p["batch_id"],
        },
        operator=operator,
        at=at,
    )
    return dict(o)


def bind_batch(
    conn: sqlite3.Connection,
    batch_id: str,
    operator: str | None = None,
    states: Iterable[str] = ("packed", "verified"),
) -> int:
    """Bind every unbound packed parcel of an anonymous batch, earliest-paid orders first."""
    get_batch(conn, batch_id)
    st = list(states)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT parcel_id FROM parcels WHERE batch_id=? AND "
            f"order_id IS NULL AND state IN ({','.join('?' * len(st))}) "
            "ORDER BY parcel_id",
            [batch_id, *st],
        )
    ]
    n = 0
    for pid in ids:
        if bind_parcel(conn, pid, operator=operator) is None:
            break
        n += 1
    return n


def _any_open(conn: sqlite3.Connection, order_ids: list[str]) -> bool:
    for oid in order_ids:
        if conn.execute(
            "SELECT 1 FROM orders o WHERE o.order_id=? AND o.status='paid' "
            "AND NOT EXISTS (SELECT 1 FROM parcels x WHERE x.order_id=o.order_id)",
            (oid,),
        ).fetchone():
            return True
    return False


def upsert_batch_plans(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Batch plans pulled from upstream: create the batch here if this station doesn't have it.

    A plan the hub assigned to another station (`station_id`) is not ours; a presale plan with
    `order_ids` is exactly those orders (the hub split the work)."""
    me = require_station(conn)
    n = 0
    for r in rows:
        if r.get("station_id") not in (None, "", me):
            continue
        if conn.execute("SELECT 1 FROM batches WHERE batch_id=?", (r["batch_id"],)).fetchone():
            continue
        assigned = r.get("order_ids")
        if assigned is not None and not _any_open(conn, [str(o) for o in assigned]):
            # the hub's split is stale here (all taken or cancelled): nothing to pack, not bad data
            logger.warning(
                "batch plan %s: none of its %d orders is open here", r["batch_id"], len(assigned)
            )
            continue
        create_batch(
            conn,
            sku_set=r["sku_set"],
            kind=r.get("kind", "anonymous"),
            qty=r.get("qty"),
            session_id=r.get("session_id"),
            batch_id=r["batch_id"],
            weight_tolerance_g=r.get("weight_tolerance_g"),
            pack_from=r.get("pack_from"),
            pack_until=r.get("pack_until"),
            order_ids=[str(o) for o in r["order_ids"]] if r.get("order_ids") is not None else None,
        )
        n += 1
    return n
