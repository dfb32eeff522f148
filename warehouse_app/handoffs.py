"""Carrier handoffs (交接): opened for one carrier, parcels scanned in, closed and frozen into a manifest."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from warehouse_app.catalog import carrier_name
from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import InvalidOperation, NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.station import require_station


def open_handoff(
    conn: sqlite3.Connection,
    carrier: str,
    *,
    courier_name: str | None = None,
    vehicle: str | None = None,
    operator: str | None = None,
) -> dict[str, Any]:
    station = require_station(conn)
    if conn.execute("SELECT 1 FROM carriers WHERE code=?", (carrier,)).fetchone() is None:
        known = ", ".join(r[0] for r in conn.execute("SELECT code FROM carriers ORDER BY code"))
        raise StationError(
            f"Unknown carrier {carrier!r} (known: {known or 'none yet'})",
            zh=f"未知快递公司 {carrier!r}（已知：{known or '无'}）",
        )
    now = utcnow()
    day = now.strftime("%Y%m%d")
    row = conn.execute(
        "SELECT count(*) FROM handoffs WHERE handoff_id LIKE ?", (f"{station}-H{day}-%",)
    ).fetchone()
    hid = f"{station}-H{day}-{int(row[0]) + 1:03d}"
    conn.execute(
        "INSERT INTO handoffs (handoff_id, carrier, courier_name, vehicle, status, opened_at, opened_by) "
        "VALUES (?,?,?,?, 'open', ?, ?)",
        (hid, carrier, courier_name, vehicle, iso(now), operator),
    )
    append_event(
        conn,
        "handoff.opened",
        {"handoff_id": hid, "carrier": carrier, "courier_name": courier_name, "vehicle": vehicle},
        operator=operator,
        at=iso(now),
    )
    return get_handoff(conn, hid)


def get_handoff(conn: sqlite3.Connection, handoff_id: str) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM handoffs WHERE handoff_id=?", (handoff_id,)).fetchone()
    if row is None:
        raise NotFound(f"No handoff {handoff_id!r}", zh=f"没有交接单 {handoff_id!r}")
    return dict(row)


def list_handoffs(conn: sqlite3.Connection, status: str | None = None) -> list[dict[str, Any]]:
    sql, args = "SELECT * FROM handoffs", []
    if status:
        sql += " WHERE status=?"
        args.append(status)
    return [dict(r) for r in conn.execute(sql + " ORDER BY opened_at", args)]


def close_handoff(
    conn: sqlite3.Connection,
    handoff_id: str,
    *,
    operator: str | None = None,
    courier_name: str | None = None,
    vehicle: str | None = None,
) -> dict[str, Any]:
    h = get_handoff(conn, handoff_id)
    if h["status"] == "closed":
        raise InvalidOperation(
            f"Handoff {handoff_id} is already closed; a closed handoff never changes",
            zh=f"交接单 {handoff_id} 已关闭，不能再修改",
        )
    count = conn.execute(
        "SELECT count(*) FROM parcels WHERE handoff_id=?", (handoff_id,)
    ).fetchone()[0]
    now = iso(utcnow())
    conn.execute(
        "UPDATE handoffs SET status='closed', closed_at=?, closed_by=?, parcel_count=?, "
        "courier_name=COALESCE(?, courier_name), vehicle=COALESCE(?, vehicle) WHERE handoff_id=?",
        (now, operator, count, courier_name, vehicle, handoff_id),
    )
    append_event(
        conn,
        "handoff.closed",
        {"handoff_id": handoff_id, "carrier": h["carrier"], "parcel_count": count},
        operator=operator,
        at=now,
    )
    return manifest(conn, handoff_id)


def manifest(conn: sqlite3.Connection, handoff_id: str) -> dict[str, Any]:
    """Everything a manifest (交接单) shows: header, per-parcel lines and counts."""
    h = get_handoff(conn, handoff_id)
    parcels = [
        dict(r)
        for r in conn.execute(
            "SELECT p.parcel_id, p.waybill, p.order_id, p.sort_code, p.sku_set, p.handed_off_at, p.handed_off_by, "
            "o.province, o.city FROM parcels p LEFT JOIN orders o ON o.order_id=p.order_id "
            "WHERE p.handoff_id=? ORDER BY p.handed_off_at, p.parcel_id",
            (handoff_id,),
        )
    ]
    h["station_id"] = require_station(conn)
    h["carrier_label"] = carrier_name(conn, h["carrier"], "zh")
    h["carrier_label_en"] = carrier_name(conn, h["carrier"], "en")
    h["parcels"] = parcels
    h["count"] = len(parcels)
    return h


def discrepancies(
    conn: sqlite3.Connection, older_than_min: int = 0
) -> dict[str, list[dict[str, Any]]]:
    """What a lead must settle: verified but not handed off, intercepted but not pulled."""
    cutoff = iso(utcnow() - timedelta(minutes=older_than_min))
    verified = [
        dict(r)
        for r in conn.execute(
            "SELECT parcel_id, waybill, order_id, carrier, verified_at FROM parcels WHERE state='verified' "
            # a parcel whose cage moved to another station is theirs to hand off, not missing here
            "AND verified_at <= ? AND transferred_to IS NULL ORDER BY verified_at",
            (cutoff,),
        )
    ]
    intercepted = [
        dict(r)
        for r in conn.execute(
            "SELECT parcel_id, waybill, order_id, carrier, intercepted_at FROM parcels WHERE state='intercepted' "
            "ORDER BY intercepted_at"
        )
    ]
    return {"verified_not_handed_off": verified, "intercepted_not_pulled": intercepted}
