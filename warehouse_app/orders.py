"""Orders from upstream: upsert, and turn cancellations into intercepts.

A cancellation that reaches a station while its parcel is still here intercepts the parcel (its
next scan says "pull it"); one that arrives after handoff becomes a carrier-intercept request
that sync pushes upstream. Both are events in the same transaction as the order change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, NamedTuple

from warehouse_app import policies
from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import ParcelState, parse_sku_set, sku_set_key
from warehouse_app.outbox import append_event
from warehouse_app.store import demand

IN_STATION = (ParcelState.PLANNED.value, ParcelState.PACKED.value, ParcelState.VERIFIED.value)


class AppliedOrder(NamedTuple):
    """What apply_orders did to one order, for the post-apply hooks (a tuple: a million-row import
    makes a million of them)."""

    order_id: str
    status: str  # after the upsert ('cancelled' stays cancelled)
    carrier: str | None  # after the upsert
    skus: tuple[str, ...]  # SKUs it has now plus those it had before: their demand may have changed
    prev_status: str | None  # None: a new order
    prev_carrier: str | None


def _skus_of(sku_set: str | None) -> tuple[str, ...]:
    try:
        return tuple(parse_sku_set(sku_set)) if sku_set else ()
    except ValueError:  # an odd stored set must not stop orders coming in
        return ()


def order_items(order: dict[str, Any]) -> dict[str, int]:
    items: dict[str, int] = {}
    for it in order.get("items") or []:
        sku = it["sku"] if isinstance(it, dict) else it[0]
        qty = int(it.get("qty", 1) if isinstance(it, dict) else it[1])
        items[sku] = items.get(sku, 0) + qty
    return items


def order_record(o: sqlite3.Row, items: list[dict[str, Any]]) -> dict[str, Any]:
    """A stored order in the import format (`importer.parse_order` reads it back): used to re-send
    an order (a cancellation) or to export open orders to a backup warehouse."""
    return {
        "order_id": o["order_id"],
        "platform": o["platform"],
        "session_id": o["session_id"],
        "paid_at": o["paid_at"],
        "ship_by": o["ship_by"],
        "items": items,
        "recipient": {
            "name": o["recipient_name"],
            "phone": o["recipient_phone"],
            "province": o["province"],
            "city": o["city"],
            "district": o["district"],
            "address": o["address"],
        },
        "carrier": o["carrier"],
        "waybill": o["waybill"],
        "sort_code": o["sort_code"],
        "status": o["status"],
        "delayed_ok": bool(o["delayed_ok"]),
    }


_UPSERT_SQL = (
    "INSERT INTO orders (order_id, platform, session_id, paid_at, ship_by, sku_set, recipient_name, "
    "recipient_phone, province, city, district, address, carrier, waybill, sort_code, status, "
    "cancelled_at, delayed_ok, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT(order_id) DO UPDATE SET platform=excluded.platform, session_id=excluded.session_id, "
    "paid_at=excluded.paid_at, ship_by=excluded.ship_by, sku_set=excluded.sku_set, "
    "recipient_name=excluded.recipient_name, recipient_phone=excluded.recipient_phone, "
    "province=excluded.province, city=excluded.city, district=excluded.district, "
    "address=excluded.address, carrier=COALESCE(excluded.carrier, orders.carrier), "
    "waybill=COALESCE(excluded.waybill, orders.waybill), "
    "sort_code=COALESCE(excluded.sort_code, orders.sort_code), "
    # a cancellation is final: a stale 'paid' copy never revives an order
    "status=CASE WHEN orders.status='cancelled' THEN 'cancelled' ELSE excluded.status END, "
    "cancelled_at=COALESCE(orders.cancelled_at, excluded.cancelled_at), "
    "delayed_ok=excluded.delayed_ok, updated_at=excluded.updated_at"
)


def apply_orders(
    conn: sqlite3.Connection,
    orders: Iterable[dict[str, Any]],
    *,
    operator: str | None = None,
    demand_setwise: bool = False,
) -> dict[str, int]:
    """Upsert orders (+items) and handle cancellations. Caller owns the transaction.

    Set-wise for speed (a million-row import, a pulled page): the previous state of all the orders is
    read in a few IN (...) queries and the writes go as executemany, in the same per-order order of
    effects as one by one (upsert, then its items replaced, then its cancellation).

    demand_setwise: the caller suspended the paid-units counter's triggers (store.demand, a bulk
    import); the counter is then moved here by the orders' paid units after minus before, before
    the after_apply hooks (the oversell refresh) read it."""
    now = iso(utcnow())
    summary = {
        "inserted": 0,
        "updated": 0,
        "cancelled": 0,
        "intercepted": 0,
        "carrier_intercepts": 0,
    }
    todo = list(orders)
    ids = [o["order_id"] for o in todo]
    if len(set(ids)) != len(ids):
        # the same order twice in one call: apply one by one, each sees the one before
        for o in todo:
            for k, v in apply_orders(
                conn, [o], operator=operator, demand_setwise=demand_setwise
            ).items():
                summary[k] += v
        return summary
    prevs: dict[str, sqlite3.Row] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for r in conn.execute(
            "SELECT order_id, status, carrier, sku_set FROM orders WHERE order_id IN "
            f"({','.join('?' * len(part))})",
            part,
        ):
            prevs[r["order_id"]] = r
    if demand_setwise and not demand.triggers_suspended(conn):
        raise RuntimeError("demand_setwise needs the demand triggers suspended (store.demand)")
    paid_before = (
        demand.paid_units(conn, [oid for oid, r in prevs.items() if r["status"] == "paid"])
        if demand_setwise
        else {}
    )
    paid_after: dict[str, int] = {}
    upserts = []
    item_rows: list[tuple[str, str, int]] = []
    cancels: list[str] = []
    applied: list[AppliedOrder] = []
    keys: dict[tuple[tuple[str, int], ...], str] = {}  # a page repeats a few SKU sets
    for o in todo:
        oid = o["order_id"]
        items = order_items(o)
        pairs = tuple(items.items())
        key = keys.get(pairs)
        if key is None:
            key = keys[pairs] = sku_set_key(items)
        rc = o.get("recipient") or {}
        prev = prevs.get(oid)
        status = o.get("status") or "paid"
        upserts.append(
            (
                oid,
                o.get("platform"),
                o.get("session_id"),
                o["paid_at"],
                o.get("ship_by"),
                key,
                rc.get("name"),
                rc.get("phone"),
                rc.get("province"),
                rc.get("city"),
                rc.get("district"),
                rc.get("address"),
                o.get("carrier"),
                o.get("waybill"),
                o.get("sort_code"),
                status,
                (o.get("cancelled_at") or now) if status == "cancelled" else None,
                1 if o.get("delayed_ok") else 0,
                now,
            )
        )
        item_rows.extend([(oid, sku, q) for sku, q in pairs])
        if prev is None:
            summary["inserted"] += 1
            if status == "cancelled":
                cancels.append(oid)
            elif demand_setwise:
                for sku, q in pairs:
                    paid_after[sku] = paid_after.get(sku, 0) + q
            applied.append(
                AppliedOrder(oid, status, o.get("carrier") or None, tuple(items), None, None)
            )
            continue
        summary["updated"] += 1
        prev_status = prev["status"]
        if demand_setwise and status == "paid" and prev_status != "cancelled":
            for sku, q in pairs:
                paid_after[sku] = paid_after.get(sku, 0) + q
        if status == "cancelled" and prev_status != "cancelled":
            cancels.append(oid)
        applied.append(
            AppliedOrder(
                oid,
                "cancelled" if prev_status == "cancelled" else status,
                o.get("carrier") or prev["carrier"],
                tuple(dict.fromkeys((*items, *_skus_of(prev["sku_set"])))),
                prev_status,
                prev["carrier"],
            )
        )
    conn.executemany(_UPSERT_SQL, upserts)
    conn.executemany(
        "DELETE FROM order_items WHERE order_id=?", [(oid,) for oid in ids if oid in prevs]
    )
    conn.executemany("INSERT INTO order_items (order_id, sku_code, qty) VALUES (?,?,?)", item_rows)
    if demand_setwise:
        delta = dict(paid_after)
        for sku, q in paid_before.items():
            delta[sku] = delta.get(sku, 0) - q
        demand.add_units(conn, delta)
    for oid in cancels:
        summary["cancelled"] += 1
        kind = cancel_parcel(conn, oid, operator=operator, at=now)
        if kind:
            summary[kind] += 1
    if applied:
        for hook in policies.current().after_apply:
            hook(conn, applied, operator)
    return summary


def cancel_parcel(
    conn: sqlite3.Connection, order_id: str, *, operator: str | None, at: str
) -> str | None:
    """Intercept the order's parcel if it is still in the station; else ask the carrier to."""
    p = conn.execute(
        "SELECT parcel_id, state, waybill, carrier, handoff_id FROM parcels WHERE order_id=?",
        (order_id,),
    ).fetchone()
    if p is None:
        return None
    if p["state"] in IN_STATION:
        conn.execute(
            "UPDATE parcels SET state='intercepted', intercepted_at=?, updated_at=? WHERE parcel_id=?",
            (at, at, p["parcel_id"]),
        )
        append_event(
            conn,
            "parcel.intercepted",
            {
                "parcel_id": p["parcel_id"],
                "order_id": order_id,
                "state_before": p["state"],
                "waybill": p["waybill"],
            },
            operator=operator,
            at=at,
        )
        return "intercepted"
    if p["state"] == ParcelState.HANDED_OFF.value:
        append_event(
            conn,
            "carrier_intercept.requested",
            {
                "parcel_id": p["parcel_id"],
                "order_id": order_id,
                "waybill": p["waybill"],
                "carrier": p["carrier"],
                "handoff_id": p["handoff_id"],
            },
            operator=operator,
            at=at,
        )
        return "carrier_intercepts"
    return None
