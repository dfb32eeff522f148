"""Staggered shipping: each order's ship-by promise from its payment time, the backlog per promise
tier and the orders about to miss their promise (earliest paid first everywhere)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.outbox import append_event
from warehouse_app.promo import config
from warehouse_app.promo.tiers import validate_tiers

logger = logging.getLogger(__name__)

OPEN_ORDER_SQL = (
    "FROM orders o LEFT JOIN parcels p ON p.order_id = o.order_id "
    "WHERE o.status='paid' AND (p.state IS NULL OR p.state IN ('planned', 'packed', 'verified'))"
)


def promise_for(
    paid_at: datetime, session_start: datetime | None, delayed_ok: bool, tiers: list[dict[str, Any]]
) -> tuple[str, datetime, bool]:
    """(tier, ship_by, compensation): an opted-in delayed order takes the delayed tier; otherwise the
    first tier whose payment window (minutes after the session start) holds, else the catch-all."""
    chosen = None
    if delayed_ok:
        chosen = next((t for t in tiers if t.get("delayed_ok")), None)
    if chosen is None:
        for t in tiers:
            if t.get("delayed_ok"):
                continue
            win = t.get("paid_within_min")
            if win is None:
                chosen = t
                break
            if session_start is not None and timedelta(0) <= paid_at - session_start <= timedelta(
                minutes=win
            ):
                chosen = t
                break
    assert chosen is not None
    return (
        chosen["tier"],
        paid_at + timedelta(hours=chosen["ship_within_h"]),
        bool(chosen.get("compensation")),
    )


def _session_starts(conn: sqlite3.Connection) -> dict[str, datetime]:
    out = {
        r[0]: parse_iso(r[1])
        for r in conn.execute(
            "SELECT session_id, starts_at FROM live_sessions WHERE starts_at IS NOT NULL"
        )
    }
    out.update(
        {
            r[0]: parse_iso(r[1])
            for r in conn.execute("SELECT session_id, starts_at FROM promo_schedule")
        }
    )
    return out


def assign_promises(
    conn: sqlite3.Connection,
    *,
    recompute: bool = False,
    set_ship_by: bool = True,
    operator: str | None = None,
) -> dict[str, int]:
    """Give every order without one (or, with recompute, every order) its promise, monotonic in payment
    time across the whole promo: a later payment never gets an earlier promise than an earlier one.
    One pass over all orders, earliest paid first: a new order's ship-by is its tier's, raised to the
    latest promise of any earlier-paid order (the floor), and lowered to the earliest promise of any
    later-paid order that already has one (an order paid earlier but imported late). Delayed-shipping
    orders keep the delayed tier's later promise (never earlier than the floor) and do not raise the
    floor for others; presale orders keep theirs. Caller owns the transaction."""
    from warehouse_app.promo.presale import refresh_presale_promises

    tiers = validate_tiers(config.get(conn, "promise_tiers"))
    starts = _session_starts(conn)
    cur = conn.execute(
        "SELECT o.order_id, o.paid_at, o.session_id, o.delayed_ok, o.ship_by AS order_ship_by, "
        "x.tier, x.ship_by FROM orders o LEFT JOIN order_promises x ON x.order_id=o.order_id "
        "ORDER BY o.paid_at, o.order_id"
    )
    rows_all = cur.fetchall()
    # earliest promise among later-paid chain orders that keep theirs: the ceiling for a late import
    n = len(rows_all)
    ceiling: list[str | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        r = rows_all[i]
        keep = (
            not recompute
            and r["tier"] is not None
            and r["tier"] not in ("presale",)
            and not r["delayed_ok"]
        )
        nxt = ceiling[i + 1]
        ceiling[i] = r["ship_by"] if keep and (nxt is None or r["ship_by"] < nxt) else nxt
    floor = ""
    rows = []
    counts: dict[str, int] = {}
    ship_by_updates = []
    raised = 0
    for i, r in enumerate(rows_all):
        if r["tier"] is not None and not recompute:
            if r["tier"] != "presale" and not r["delayed_ok"]:
                floor = max(floor, r["ship_by"])
            continue
        if r["tier"] == "presale":
            continue  # its new promise came with the presale switch
        tier, ship_by, comp = promise_for(
            parse_iso(r["paid_at"]), starts.get(r["session_id"] or ""), bool(r["delayed_ok"]), tiers
        )
        sb = iso(ship_by)
        if sb < floor:
            sb, raised = floor, raised + 1
        if not r["delayed_ok"]:
            top = ceiling[i + 1]
            if top is not None and sb > top:
                sb = max(floor, top)
            floor = max(floor, sb)
        rows.append((r["order_id"], tier, sb, 1 if comp else 0))
        counts[tier] = counts.get(tier, 0) + 1
        if set_ship_by and (r["order_ship_by"] is None or recompute):
            ship_by_updates.append((sb, r["order_id"]))
    rows_all = []
    conn.executemany(
        "INSERT INTO order_promises (order_id, tier, ship_by, compensation) VALUES (?,?,?,?) "
        "ON CONFLICT(order_id) DO UPDATE SET tier=excluded.tier, ship_by=excluded.ship_by, "
        "compensation=excluded.compensation",
        rows,
    )
    conn.executemany("UPDATE orders SET ship_by=? WHERE order_id=?", ship_by_updates)
    refresh_presale_promises(conn)
    if rows:
        append_event(
            conn,
            "promise.assigned",
            {
                "orders": len(rows),
                "per_tier": counts,
                "raised_to_keep_order": raised,
                "tiers": tiers,
            },
            operator=operator,
        )
    return counts


def promise_inversions(conn: sqlite3.Connection) -> dict[str, Any]:
    """How many non-delayed orders are promised earlier than some order paid before them, and by how
    much at most (hours): the check that 'paid earlier ships earlier' holds across sessions."""
    worst = 0.0
    n = 0
    top = ""
    for _paid_at, ship_by in conn.execute(
        "SELECT o.paid_at, x.ship_by FROM orders o JOIN order_promises x ON x.order_id=o.order_id "
        "WHERE o.delayed_ok=0 AND x.tier != 'presale' AND o.status='paid' ORDER BY o.paid_at, o.order_id"
    ):
        if top and ship_by < top:
            n += 1
            worst = max(worst, (parse_iso(top) - parse_iso(ship_by)).total_seconds() / 3600)
        top = max(top, ship_by)
    return {"inversions": n, "max_hours": round(worst, 2)}


def backlog(conn: sqlite3.Connection, now: datetime | None = None) -> list[dict[str, Any]]:
    """Per promise tier: open orders, how many are at risk (due within at_risk_hours) and overdue."""
    now_s = iso(now or utcnow())
    risk_s = iso((now or utcnow()) + timedelta(hours=float(config.get(conn, "at_risk_hours"))))
    order = {t["tier"]: i for i, t in enumerate(config.get(conn, "promise_tiers"))}
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT coalesce(x.tier, 'unassigned') AS tier, count(*) AS open_orders, "
            "sum(CASE WHEN x.ship_by >= ? AND x.ship_by < ? THEN 1 ELSE 0 END) AS at_risk, "
            "sum(CASE WHEN x.ship_by < ? THEN 1 ELSE 0 END) AS overdue, min(x.ship_by) AS next_due "
            f"{OPEN_ORDER_SQL.replace('WHERE', 'LEFT JOIN order_promises x ON x.order_id=o.order_id WHERE')} "
            "GROUP BY tier",
            (now_s, risk_s, now_s),
        )
    ]
    rows.sort(key=lambda r: order.get(r["tier"], 99))
    return rows


def at_risk_orders(
    conn: sqlite3.Connection,
    now: datetime | None = None,
    limit: int = 200,
    include_overdue: bool = True,
) -> list[dict[str, Any]]:
    """Open orders due within at_risk_hours (and overdue ones), soonest first, with seconds left."""
    now_dt = now or utcnow()
    risk_s = iso(now_dt + timedelta(hours=float(config.get(conn, "at_risk_hours"))))
    lo = "" if include_overdue else f"AND x.ship_by >= '{iso(now_dt)}' "
    rows = []
    for r in conn.execute(
        "SELECT o.order_id, x.tier, x.ship_by, o.paid_at, o.sku_set, "
        "o.carrier, coalesce(p.state, 'no_parcel') AS state "
        f"{OPEN_ORDER_SQL.replace('WHERE', 'JOIN order_promises x ON x.order_id=o.order_id WHERE')} "
        f"AND x.ship_by < ? {lo}ORDER BY x.ship_by, o.paid_at LIMIT ?",
        (risk_s, limit),
    ):
        d = dict(r)
        d["seconds_left"] = int((parse_iso(d["ship_by"]) - now_dt).total_seconds())
        rows.append(d)
    return rows


def work_queue(
    conn: sqlite3.Connection, limit: int = 100, sku_set: str | None = None
) -> list[dict[str, Any]]:
    """Open orders in the order the station should work them: earliest deadline (ship-by) first, then
    earliest paid (an order without a promise yet goes last)."""
    extra, args = "", []
    if sku_set:
        extra, args = " AND o.sku_set=?", [sku_set]
    return [
        dict(r)
        for r in conn.execute(
            "SELECT o.order_id, o.paid_at, coalesce(x.ship_by, o.ship_by) AS ship_by, x.tier, o.sku_set, "
            "o.carrier, coalesce(p.state, 'no_parcel') AS state "
            f"{OPEN_ORDER_SQL.replace('WHERE', 'LEFT JOIN order_promises x ON x.order_id=o.order_id WHERE')}"
            f"{extra} ORDER BY coalesce(x.ship_by, o.ship_by, '9999'), o.paid_at, o.order_id LIMIT ?",
            [*args, limit],
        )
    ]


def countdown(seconds: int) -> str:
    """'-1:05:00' style text for the live countdown (negative = overdue)."""
    sign = "-" if seconds < 0 else ""
    s = abs(int(seconds))
    return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
