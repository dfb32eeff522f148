"""Pre-pack plans: the stock plan turned into batches per session and SKU set, in a window one to two
weeks before the session, with quantities a lead can adjust before they become core batches."""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from warehouse_app.batches import create_batch
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.domain import sku_set_key
from warehouse_app.errors import NotFound, StationError
from warehouse_app.localtime import fmt_local, station_zone
from warehouse_app.outbox import append_event
from warehouse_app.promo import config

logger = logging.getLogger(__name__)


def _history_units(conn: sqlite3.Connection) -> dict[str, float]:
    """Average units a SKU sold per past session (the forecast when the schedule gives none)."""
    return {
        r[0]: float(r[1])
        for r in conn.execute("SELECT sku, avg(units) FROM sales_history GROUP BY sku")
    }


def suggest_plans(conn: sqlite3.Connection, now: datetime | None = None) -> list[dict[str, Any]]:
    """One plan per (scheduled session, core hot SKU it pushes), from the forecast and the stock:
    qty = prepack_share x expected units (the session's viewers x conversion, shared by the SKUs it
    pushes; else the SKU's average units per past session), capped by the loose stock not already
    planned for an earlier session. Without any forecast: prepack_share of the recommended stock over
    the sessions that push it. Each plan carries its warnings (window passed, stock short or unknown)."""
    from warehouse_app.promo.stock import stock_position

    share = float(config.get(conn, "prepack_share"))
    days_from, days_until = (int(x) for x in config.get(conn, "prepack_days_before"))
    plan = {
        r["sku"]: dict(r) for r in conn.execute("SELECT sku, tier, recommended_qty FROM stock_plan")
    }
    if not plan:
        raise StationError(
            "No stock plan yet: run `plan stock --save` first",
            zh="尚无备货计划：请先运行 `plan stock --save`",
        )
    sessions = [
        dict(r)
        for r in conn.execute(
            "SELECT session_id, starts_at, skus, expected_viewers, expected_conversion "
            "FROM promo_schedule ORDER BY starts_at, session_id"
        )
    ]
    pushes: dict[str, int] = {}
    for s in sessions:
        for sku in json.loads(s["skus"]):
            pushes[sku] = pushes.get(sku, 0) + 1
    history = _history_units(conn)
    loose = {p["sku"]: p["loose"] for p in stock_position(conn) if p["known"]}
    left = dict(loose)  # stock not yet given to an earlier session's plan
    now_s = iso(now or utcnow())
    out = []
    for s in sessions:
        start = parse_iso(s["starts_at"])
        skus = json.loads(s["skus"])
        for sku in skus:
            p = plan.get(sku)
            if not p or p["tier"] != "core_hot":
                continue
            warn_en: list[str] = []
            warn_zh: list[str] = []
            orders = s["expected_viewers"] * s["expected_conversion"] / len(skus)
            if orders > 0:
                forecast: float | None = orders
                basis = (
                    f"{share:g} x forecast {orders:,.0f} ({s['expected_viewers']:,} viewers x "
                    f"{s['expected_conversion']:.1%}"
                    + (f" / {len(skus)} SKUs)" if len(skus) > 1 else ")")
                )
            elif sku in history:
                forecast = history[sku]
                basis = f"{share:g} x {forecast:,.0f} units per past session (no forecast in the schedule)"
            else:
                forecast = None
                basis = f"{share:g} x {p['recommended_qty']} recommended / {pushes[sku]} session(s)"
                warn_en.append("no forecast: planned from the recommended stock")
                warn_zh.append("没有预测：按建议备货量计划")
            want = math.ceil(
                (forecast if forecast is not None else p["recommended_qty"] / pushes[sku]) * share
                - 1e-9
            )
            qty = want
            if sku in left:
                avail = max(0, int(left[sku] or 0))
                if want > avail:
                    qty = avail
                    warn_en.append(f"stock covers {avail} of {want} (loose {loose[sku]})")
                    warn_zh.append(f"库存只够 {avail} / {want}（散货 {loose[sku]}）")
                left[sku] = avail - qty
            else:
                warn_en.append("stock unknown: not checked against stock")
                warn_zh.append("库存未知：未按库存核对")
            pack_from = iso(start - timedelta(days=days_from))
            pack_until = iso(start - timedelta(days=days_until))
            if pack_until < now_s:
                warn_en.append(f"pre-pack window passed ({pack_until})")
                warn_zh.append(f"预包装窗口已过（{pack_until}）")
            key = sku_set_key({sku: 1})
            out.append(
                {
                    "plan_id": f"{s['session_id']}:{key}",
                    "session_id": s["session_id"],
                    "sku_set": key,
                    "qty": qty,
                    "suggested_qty": qty,
                    "forecast": round(forecast, 1) if forecast is not None else None,
                    "pack_from": pack_from,
                    "pack_until": pack_until,
                    "reason": basis + (f"; capped by stock to {qty}" if qty < want else ""),
                    "warning": "; ".join(warn_en),
                    "warning_zh": "；".join(warn_zh),
                }
            )
    return out


def plan_warnings(
    conn: sqlite3.Connection, now: datetime | None = None
) -> dict[str, tuple[str, str]]:
    """plan_id -> (warning en, zh) for the draft plans as they stand now (window, stock)."""
    from warehouse_app.promo.stock import stock_position

    loose = {p["sku"]: p["loose"] for p in stock_position(conn) if p["known"]}
    left = dict(loose)
    now_s = iso(now or utcnow())
    tz = station_zone(conn)
    out: dict[str, tuple[str, str]] = {}
    for r in conn.execute(
        "SELECT plan_id, sku_set, qty, pack_until, status FROM prepack_plans ORDER BY pack_from, plan_id"
    ):
        en: list[str] = []
        zh: list[str] = []
        sku = r["sku_set"].split("*")[0]
        if r["status"] == "draft" and r["qty"] > 0:
            if sku in left:
                avail = max(0, int(left[sku] or 0))
                if r["qty"] > avail:
                    en.append(f"stock covers {avail} of {r['qty']}")
                    zh.append(f"库存只够 {avail} / {r['qty']}")
                left[sku] = avail - min(avail, r["qty"])
            else:
                en.append("stock unknown")
                zh.append("库存未知")
            if r["pack_until"] and r["pack_until"] < now_s:
                until = fmt_local(r["pack_until"], tz, "%Y-%m-%d %H:%M")  # a person reads it: local
                en.append(f"pre-pack window passed ({until})")
                zh.append(f"预包装窗口已过（{until}）")
        out[r["plan_id"]] = ("; ".join(en), "；".join(zh))
    return out


def save_plans(
    conn: sqlite3.Connection, plans: list[dict[str, Any]], operator: str | None = None
) -> int:
    """Store suggested plans; a lead's adjusted quantity and created batches are kept. Caller owns the tx."""
    now = iso(utcnow())
    n = 0
    for p in plans:
        cur = conn.execute(
            "INSERT INTO prepack_plans (plan_id, session_id, sku_set, qty, suggested_qty, pack_from, pack_until, "
            "status, reason, updated_at) VALUES (?,?,?,?,?,?,?, 'draft', ?, ?) ON CONFLICT(plan_id) DO UPDATE SET "
            "suggested_qty=excluded.suggested_qty, pack_from=excluded.pack_from, pack_until=excluded.pack_until, "
            "reason=excluded.reason, updated_at=excluded.updated_at, "
            "qty=CASE WHEN prepack_plans.qty=prepack_plans.suggested_qty AND prepack_plans.status='draft' "
            "THEN excluded.qty ELSE prepack_plans.qty END",
            (
                p["plan_id"],
                p["session_id"],
                p["sku_set"],
                p["qty"],
                p["suggested_qty"],
                p["pack_from"],
                p["pack_until"],
                p["reason"],
                now,
            ),
        )
        n += cur.rowcount
    append_event(
        conn, "prepack.planned", {"plans": [p["plan_id"] for p in plans]}, operator=operator, at=now
    )
    return n


def list_plans(conn: sqlite3.Connection, now: datetime | None = None) -> list[dict[str, Any]]:
    """The plans with their warnings as of now (window passed, stock short or unknown)."""
    warns = plan_warnings(conn, now)
    return [
        {
            **dict(r),
            "warning": warns.get(r["plan_id"], ("", ""))[0],
            "warning_zh": warns.get(r["plan_id"], ("", ""))[1],
        }
        for r in conn.execute(
            "SELECT plan_id, session_id, sku_set, qty, suggested_qty, pack_from, pack_until, status, batch_id, reason "
            "FROM prepack_plans ORDER BY pack_from, plan_id"
        )
    ]


def adjust_plan(
    conn: sqlite3.Connection, plan_id: str, qty: int, operator: str | None = None
) -> dict[str, Any]:
    """A lead changes a draft plan's quantity (0 drops it). Caller owns the transaction."""
    row = conn.execute("SELECT * FROM prepack_plans WHERE plan_id=?", (plan_id,)).fetchone()
    if row is None:
        raise NotFound(f"No pre-pack plan {plan_id!r}", zh=f"没有预包装计划 {plan_id!r}")
    if row["status"] != "draft":
        raise StationError(
            f"Plan {plan_id} is already {row['status']}; change its batch instead",
            zh=f"计划 {plan_id} 已{row['status']}，请改批次",
        )
    if not isinstance(qty, int) or qty < 0:
        raise StationError(
            f"Quantity must be a whole number >= 0, got {qty!r}",
            zh=f"数量必须是 >= 0 的整数：{qty!r}",
        )
    conn.execute(
        "UPDATE prepack_plans SET qty=?, updated_at=? WHERE plan_id=?",
        (qty, iso(utcnow()), plan_id),
    )
    append_event(
        conn,
        "prepack.adjusted",
        {"plan_id": plan_id, "from": row["qty"], "to": qty},
        operator=operator,
    )
    return dict(conn.execute("SELECT * FROM prepack_plans WHERE plan_id=?", (plan_id,)).fetchone())


def create_batches(
    conn: sqlite3.Connection, operator: str | None = None, plan_ids: list[str] | None = None
) -> list[dict[str, Any]]:
    """Turn draft plans (qty > 0) into core anonymous pre-pack batches. Caller owns the transaction."""
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM prepack_plans WHERE status='draft' ORDER BY pack_from, plan_id"
        )
    ]
    if plan_ids is not None:
        missing = set(plan_ids) - {r["plan_id"] for r in rows}
        if missing:
            raise NotFound(
                f"No draft plan {', '.join(sorted(missing))}",
                zh=f"没有草稿计划 {', '.join(sorted(missing))}",
            )
        rows = [r for r in rows if r["plan_id"] in plan_ids]
    made = []
    for r in rows:
        if r["qty"] <= 0:
            conn.execute(
                "UPDATE prepack_plans SET status='dropped', updated_at=? WHERE plan_id=?",
                (iso(utcnow()), r["plan_id"]),
            )
            continue
        b = create_batch(
            conn,
            sku_set=r["sku_set"],
            kind="anonymous",
            qty=r["qty"],
            session_id=r["session_id"],
            operator=operator,
            pack_from=r["pack_from"],
            pack_until=r["pack_until"],
        )
        conn.execute(
            "UPDATE prepack_plans SET status='created', batch_id=?, updated_at=? WHERE plan_id=?",
            (b["batch_id"], iso(utcnow()), r["plan_id"]),
        )
        append_event(
            conn,
            "prepack.batch_created",
            {"plan_id": r["plan_id"], "batch_id": b["batch_id"]},
            operator=operator,
        )
        made.append(
            {
                "plan_id": r["plan_id"],
                "batch_id": b["batch_id"],
                "sku_set": r["sku_set"],
                "qty": r["qty"],
            }
        )
    return made
