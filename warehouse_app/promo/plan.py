"""Pre-pack plans: the stock plan turned into batches per session and SKU set, in a window one to two
weeks before the session, with quantities a lead can adjust before they become core batches."""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from datetime import timedelta
from typing import Any

from warehouse_app.batches import create_batch
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.domain import sku_set_key
from warehouse_app.errors import NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.promo import config

logger = logging.getLogger(__name__)


def suggest_plans(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One plan per (scheduled session, core hot SKU it pushes): prepack_share of the SKU's recommended
    stock, split across the sessions that push it."""
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
            "SELECT session_id, starts_at, skus FROM promo_schedule ORDER BY starts_at"
        )
    ]
    pushes: dict[str, int] = {}
    for s in sessions:
        for sku in json.loads(s["skus"]):
            pushes[sku] = pushes.get(sku, 0) + 1
    out = []
    for s in sessions:
        start = parse_iso(s["starts_at"])
        for sku in json.loads(s["skus"]):
            p = plan.get(sku)
            if not p or p["tier"] != "core_hot":
                continue
            qty = math.ceil(p["recommended_qty"] * share / pushes[sku] - 1e-9)
            key = sku_set_key({sku: 1})
            out.append(
                {
                    "plan_id": f"{s['session_id']}:{key}",
                    "session_id": s["session_id"],
                    "sku_set": key,
                    "qty": qty,
                    "suggested_qty": qty,
                    "pack_from": iso(start - timedelta(days=days_from)),
                    "pack_until": iso(start - timedelta(days=days_until)),
                    "reason": f"{share:g} x {p['recommended_qty']} recommended / {pushes[sku]} session(s)",
                }
            )
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


def list_plans(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
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
