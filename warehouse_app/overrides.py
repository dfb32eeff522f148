"""Shift-lead overrides on a parcel's waybill. Each is one transaction with its outbox event.

Reprints live with the print worker (warehouse_app/print_worker.py, printing.py), which
records them as events.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import ParcelState, can_transition
from warehouse_app.errors import InvalidOperation, NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.scan_engine import clean_code, find_parcel


def void_waybill(
    conn: sqlite3.Connection, code: str, reason: str, operator: str | None
) -> dict[str, Any]:
    """Void a parcel's waybill with a reason: the parcel leaves the flow and its old label then
    scans as `voided` everywhere. The caller owns the transaction."""
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise StationError(
            "Give a reason for voiding (at least 2 characters)", zh="请填写作废原因（至少 2 个字）"
        )
    row = find_parcel(conn, clean_code(code))
    if row is None:
        raise NotFound(f"No parcel for {code!r}", zh=f"找不到包裹 {code!r}")
    if not row["waybill"]:
        raise InvalidOperation("This parcel has no waybill yet", zh="该包裹还没有面单")
    if not can_transition(row["state"], ParcelState.VOIDED):
        raise InvalidOperation(
            f"A {row['state']} parcel cannot be voided", zh=f"状态为 {row['state']} 的包裹不能作废"
        )
    at = iso(utcnow())
    conn.execute(
        "INSERT INTO voided_waybills (waybill, parcel_id, order_id, carrier, reason, voided_at, voided_by) "
        "VALUES (?,?,?,?,?,?,?)",
        (row["waybill"], row["parcel_id"], row["order_id"], row["carrier"], reason, at, operator),
    )
    conn.execute(
        "UPDATE parcels SET state='voided', updated_at=? WHERE parcel_id=? AND state=?",
        (at, row["parcel_id"], row["state"]),
    )
    append_event(
        conn,
        "waybill.voided",
        {
            "parcel_id": row["parcel_id"],
            "waybill": row["waybill"],
            "order_id": row["order_id"],
            "reason": reason,
            "from": row["state"],
            "to": ParcelState.VOIDED.value,
        },
        operator=operator,
        at=at,
    )
    return {"parcel_id": row["parcel_id"], "waybill": row["waybill"]}
