"""Qt-free station operations the window runs on the writer thread or the read pool.

Why here: the UI needs a few small composites (login + context check, counters, reprint/void)
that the core does not offer as one call yet; each is one transaction on the writer thread.
Candidates to move into warehouse_app/ (requested in the issue report).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import NotFound
from warehouse_app.reports import parcels_done_since
from warehouse_app.store.tx import transaction


def do_login(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    from warehouse_app.station import login

    with transaction(conn):
        return login(conn, code)


def do_verify_lead(conn: sqlite3.Connection, code: str, pin: str) -> dict[str, Any]:
    from warehouse_app.station import verify_lead

    return verify_lead(conn, code, pin)


def check_batch(conn: sqlite3.Connection, batch_id: str) -> dict[str, Any]:
    from warehouse_app.batches import get_batch

    return get_batch(conn, batch_id)


def check_handoff(conn: sqlite3.Connection, handoff_id: str) -> dict[str, Any]:
    from warehouse_app.handoffs import get_handoff

    return get_handoff(conn, handoff_id)


def counters(
    conn: sqlite3.Connection, batch_id: str | None, handoff_id: str | None
) -> dict[str, Any]:
    """Live counters: this batch's progress, this handoff's count, parcels this hour (this station)."""
    out: dict[str, Any] = {"batch": None, "handoff": None}
    if batch_id:
        from warehouse_app.batches import batch_state_counts

        counts = batch_state_counts(conn, batch_id)
        total = sum(v for k, v in counts.items() if k != "voided")
        packed = total - counts.get("planned", 0)
        verified = sum(counts.get(k, 0) for k in ("verified", "handed_off", "returned"))
        out["batch"] = {
            "id": batch_id,
            "total": total,
            "packed": packed,
            "verified": verified,
            "intercepted": counts.get("intercepted", 0) + counts.get("pulled", 0),
        }
    if handoff_id:
        row = conn.execute(
            "SELECT carrier, status, parcel_count FROM handoffs WHERE handoff_id=?", (handoff_id,)
        ).fetchone()
        if row:
            out["handoff"] = {
                "id": handoff_id,
                "carrier": row["carrier"],
                "status": row["status"],
                "count": int(row["parcel_count"] or 0),
            }
    start = utcnow().replace(minute=0, second=0, microsecond=0)
    out["hour"] = parcels_done_since(conn, iso(start))
    return out


def active_batches(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT batch_id, kind, sku_set, planned_qty, status FROM batches WHERE status IN ('active','paused') "
            "ORDER BY created_at, batch_id"
        )
    ]


def open_handoffs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT handoff_id, carrier, courier_name, vehicle, parcel_count FROM handoffs WHERE status='open' "
            "ORDER BY opened_at"
        )
    ]


def carriers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute("SELECT * FROM carriers ORDER BY code")]


def find_parcel_id(conn: sqlite3.Connection, code: str) -> str:
    from warehouse_app.scan_engine import clean_code, find_parcel

    row = find_parcel(conn, clean_code(code))
    if row is None:
        raise NotFound(f"No parcel for {code!r}", zh=f"找不到包裹 {code!r}")
    return str(row["parcel_id"])


def void_waybill(
    conn: sqlite3.Connection, code: str, reason: str, operator: str | None
) -> dict[str, Any]:
    """Void a parcel's waybill with a reason (lead only): the old label then scans as 'voided'."""
    from warehouse_app.overrides import void_waybill as core_void

    with transaction(conn):
        return core_void(conn, code, reason, operator)


def shift_window(hours: int) -> tuple[str, str]:
    now = utcnow()
    return iso(now - timedelta(hours=hours)), iso(now + timedelta(minutes=1))
