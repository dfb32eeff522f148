"""Oversell -> presale: when a SKU cannot cover its paid orders, the lead switches it to presale. The
switch is recorded (and synced as an event), the short orders get a new promise (when the stock is
expected plus the standard shipping time), and customer service gets the list of buyers to tell
(order, masked phone, new promise) as a CSV with a BOM. Short orders get no parcel in any batch kind
until stock covers them (stock.bind_allowed).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.promo import config
from warehouse_app.promo.labels import localize

logger = logging.getLogger(__name__)


def mask_phone(phone: str | None) -> str:
    """13812345678 -> 138****5678 (PIPL: customer service needs to recognise it, not read it)."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 7:
        return digits[:3] + "****" + digits[-4:]
    return "*" * len(digits) if digits else "-"


def _standard_hours(conn: sqlite3.Connection) -> float:
    for t in config.get(conn, "promise_tiers"):
        if not t.get("delayed_ok") and "paid_within_min" not in t:
            return float(t["ship_within_h"])
    return 48.0


def switch_to_presale(
    conn: sqlite3.Connection,
    sku: str,
    *,
    available_at: datetime | None = None,
    days: float | None = None,
    operator: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Switch an oversold SKU to presale: record it, give its short orders a new promise. Caller owns
    the transaction. available_at: when stock is expected (default now + presale_days)."""
    from warehouse_app.promo.stock import check_oversell

    now = now or utcnow()
    alerts = {a["sku"]: a for a in check_oversell(conn, operator=operator, skus={sku})}
    if sku not in alerts:
        known = conn.execute("SELECT 1 FROM skus WHERE code=?", (sku,)).fetchone()
        if known is None:
            raise NotFound(f"Unknown SKU {sku!r}", zh=f"未知商品 {sku!r}")
        raise StationError(
            f"{sku} is not oversold (or its stock was never counted): nothing to switch to presale",
            zh=f"{sku} 未超卖（或从未录入库存）：无需转预售",
        )
    if available_at is None:
        d = float(days if days is not None else config.get(conn, "presale_days"))
        if d < 0:
            raise StationError("days must be >= 0", zh="天数须 >= 0")
        available_at = now + timedelta(days=d)
    if available_at < now:
        raise StationError(
            f"Stock cannot arrive in the past ({iso(available_at)})",
            zh=f"到货时间不能早于现在（{iso(available_at)}）",
        )
    new_ship_by = available_at + timedelta(hours=_standard_hours(conn))
    short = alerts[sku]["short_orders"]
    ids = [s["order_id"] for s in short]
    at = iso(now)
    conn.execute(
        "INSERT INTO sku_presale (sku, switched_at, available_at, new_ship_by, short_orders, operator) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE SET switched_at=excluded.switched_at, "
        "available_at=excluded.available_at, new_ship_by=excluded.new_ship_by, "
        "short_orders=excluded.short_orders, operator=excluded.operator, ended_at=NULL",
        (sku, at, iso(available_at), iso(new_ship_by), len(ids), operator),
    )
    n = apply_presale_promises(conn, sku, ids, iso(new_ship_by))
    append_event(
        conn,
        "sku.presale_switched",
        {
            "sku": sku,
            "available_at": iso(available_at),
            "new_ship_by": iso(new_ship_by),
            "short_orders": ids,
            "short_units": alerts[sku]["short_units"],
        },
        operator=operator,
        at=at,
    )
    logger.warning(
        "转预售 / PRESALE %s: %d short order(s) now promised by %s", sku, n, iso(new_ship_by)
    )
    return {
        "sku": sku,
        "available_at": iso(available_at),
        "new_ship_by": iso(new_ship_by),
        "short_orders": len(ids),
        "short_units": alerts[sku]["short_units"],
        "promises_changed": n,
    }


def apply_presale_promises(
    conn: sqlite3.Connection, sku: str, order_ids: list[str], new_ship_by: str
) -> int:
    """The short orders of a presale SKU are promised by new_ship_by (never earlier than they were)."""
    n = 0
    for oid in order_ids:
        cur = conn.execute(
            "INSERT INTO order_promises (order_id, tier, ship_by, compensation, presale_sku) "
            "VALUES (?, 'presale', ?, 0, ?) ON CONFLICT(order_id) DO UPDATE SET tier='presale', "
            "ship_by=max(order_promises.ship_by, excluded.ship_by), presale_sku=excluded.presale_sku",
            (oid, new_ship_by, sku),
        )
        conn.execute(
            "UPDATE orders SET ship_by=max(coalesce(ship_by, ''), ?) WHERE order_id=?",
            (new_ship_by, oid),
        )
        n += cur.rowcount
    return n


def refresh_presale_promises(conn: sqlite3.Connection) -> int:
    """Orders that became short after a SKU went presale get its promise too (assign_promises)."""
    n = 0
    for sku, new_ship_by, short in conn.execute(
        "SELECT p.sku, p.new_ship_by, a.short_orders FROM sku_presale p JOIN oversell_alerts a "
        "ON a.sku=p.sku WHERE p.ended_at IS NULL AND a.resolved_at IS NULL"
    ).fetchall():
        n += apply_presale_promises(conn, sku, json.loads(short), new_ship_by)
    return n


def presale_skus(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute("SELECT * FROM sku_presale WHERE ended_at IS NULL ORDER BY sku")
    ]


def contact_list(conn: sqlite3.Connection, sku: str | None = None) -> list[dict[str, Any]]:
    """Buyers customer service must tell: each short order of a presale SKU with its masked phone and
    the new promise, earliest paid first."""
    out: list[dict[str, Any]] = []
    for p in presale_skus(conn):
        if sku is not None and p["sku"] != sku:
            continue
        row = conn.execute(
            "SELECT short_orders FROM oversell_alerts WHERE sku=? AND resolved_at IS NULL",
            (p["sku"],),
        ).fetchone()
        ids = json.loads(row[0]) if row else []
        for oid in ids:
            o = conn.execute(
                "SELECT o.order_id, o.paid_at, o.recipient_phone, o.platform, x.ship_by FROM orders o "
                "LEFT JOIN order_promises x ON x.order_id=o.order_id WHERE o.order_id=?",
                (oid,),
            ).fetchone()
            if o is None:
                continue
            out.append(
                {
                    "order_id": o["order_id"],
                    "sku": p["sku"],
                    "paid_at": o["paid_at"],
                    "phone": mask_phone(o["recipient_phone"]),
                    "new_promise": o["ship_by"] or p["new_ship_by"],
                    "platform": o["platform"],
                }
            )
    out.sort(key=lambda r: (r["sku"], r["paid_at"], r["order_id"]))
    return out


CONTACT_COLUMNS = ["order_id", "sku", "paid_at", "phone", "new_promise"]


def write_contact_list(
    conn: sqlite3.Connection,
    path: Path | str,
    *,
    sku: str | None = None,
    lang: str = "zh",
    tz: Any = None,
) -> dict[str, Any]:
    """The contact list as CSV with a BOM (Excel opens it as UTF-8), headers in the lead's language,
    times in local time. Written to a temp file and renamed."""
    from warehouse_app.localtime import fmt_local, station_zone

    zone = tz or station_zone(conn)
    rows = contact_list(conn, sku)
    shown = [
        {
            **r,
            "paid_at": fmt_local(r["paid_at"], zone, "%Y-%m-%d %H:%M"),
            "new_promise": fmt_local(r["new_promise"], zone, "%Y-%m-%d %H:%M"),
        }
        for r in rows
    ]
    out_rows, cols = localize(shown, CONTACT_COLUMNS, lang)
    buf = io.StringIO()
    w = csv.DictWriter(
        buf, fieldnames=cols or CONTACT_COLUMNS, extrasaction="ignore", lineterminator="\r\n"
    )
    w.writeheader()
    w.writerows(out_rows)
    p = Path(path)
    tmp = p.with_name(p.name + ".part")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            f.write(buf.getvalue())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StationError(f"Cannot write {p}: {exc}", zh=f"无法写入 {p}：{exc}") from exc
    return {"path": str(p), "buyers": len(rows)}
