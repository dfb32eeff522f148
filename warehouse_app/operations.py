"""Core operations: one function per use case, each opening and committing its own transaction
(with its outbox event) and returning what changed. The window (on the writer thread), the CLI
and the headless station call these; none of them opens a transaction or runs SQL itself.

Reads for screens and reports live beside them (`counts`, the `list_*`/`get_*` functions here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from warehouse_app import batches, handoffs, overrides, station
from warehouse_app.catalog import upsert_skus
from warehouse_app.errors import NotFound
from warehouse_app.orders import apply_orders
from warehouse_app.scan_engine import ScanContext, clean_code, find_parcel, scan
from warehouse_app.store.tx import transaction

# -- station and operators -------------------------------------------------------------------


def init_station(conn: sqlite3.Connection, station_id: str, name: str | None = None) -> None:
    with transaction(conn):
        station.init_station(conn, station_id, name)


def add_operator(
    conn: sqlite3.Connection, code: str, name: str, role: str = "packer", pin: str | None = None
) -> None:
    with transaction(conn):
        station.add_operator(conn, code, name, role, pin)


def verify_lead(
    conn: sqlite3.Connection, code: str, pin: str, via: str = "window"
) -> dict[str, Any]:
    """A lead's PIN, through the lockout (its own transactions: wrong tries are recorded)."""
    return station.verify_lead(conn, code, pin, via=via)


def known_skus(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT code FROM skus")}


def has_orders(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM orders LIMIT 1").fetchone() is not None


def import_skus(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    with transaction(conn):
        return {"skus": upsert_skus(conn, list(rows))}


def import_orders(
    conn: sqlite3.Connection, rows: Sequence[dict[str, Any]], operator: str | None = None
) -> dict[str, Any]:
    """Orders in (with the wired after-apply policies), one transaction."""
    with transaction(conn):
        return apply_orders(conn, list(rows))


# -- batches ---------------------------------------------------------------------------------


def create_batch(
    conn: sqlite3.Connection,
    *,
    sku_set: str,
    kind: str,
    qty: int | None = None,
    session_id: str | None = None,
    operator: str | None = None,
    weight_tolerance_g: int | None = None,
    start: bool = False,
) -> dict[str, Any]:
    """A batch and its planned parcels; with `start`, started in the same transaction."""
    with transaction(conn):
        b = batches.create_batch(
            conn,
            sku_set=sku_set,
            kind=kind,
            qty=qty,
            session_id=session_id,
            operator=operator,
            weight_tolerance_g=weight_tolerance_g,
        )
        if start:
            b = batches.set_batch_status(conn, b["batch_id"], "active", operator=operator)
    return b


def set_batch_status(
    conn: sqlite3.Connection, batch_id: str, status: str, operator: str | None = None
) -> dict[str, Any]:
    with transaction(conn):
        return batches.set_batch_status(conn, batch_id, status, operator=operator)


def bind_batch(conn: sqlite3.Connection, batch_id: str, operator: str | None = None) -> int:
    with transaction(conn):
        return int(batches.bind_batch(conn, batch_id, operator=operator))


# -- handoffs --------------------------------------------------------------------------------


def open_handoff(
    conn: sqlite3.Connection,
    carrier: str,
    *,
    courier_name: str | None = None,
    vehicle: str | None = None,
    operator: str | None = None,
) -> dict[str, Any]:
    with transaction(conn):
        return handoffs.open_handoff(
            conn, carrier, courier_name=courier_name, vehicle=vehicle, operator=operator
        )


def close_handoff(
    conn: sqlite3.Connection,
    handoff_id: str,
    *,
    operator: str | None = None,
    courier_name: str | None = None,
    vehicle: str | None = None,
) -> dict[str, Any]:
    """Close and freeze a handoff; returns its manifest."""
    with transaction(conn):
        return handoffs.close_handoff(
            conn, handoff_id, operator=operator, courier_name=courier_name, vehicle=vehicle
        )


# -- lead overrides --------------------------------------------------------------------------


def void_waybill(
    conn: sqlite3.Connection, code: str, reason: str, operator: str | None
) -> dict[str, Any]:
    """Void a parcel's waybill with a reason (lead only): the old label then scans as voided."""
    with transaction(conn):
        return overrides.void_waybill(conn, code, reason, operator)


def settle_pulled(conn: sqlite3.Connection, waybill: str, operator: str | None) -> Any:
    """The lead marks an intercepted parcel pulled (the same rule as a pull-mode scan)."""
    return scan(conn, waybill, ScanContext("pull", operator))


def find_parcel_id(conn: sqlite3.Connection, code: str) -> str:
    row = find_parcel(conn, clean_code(code))
    if row is None:
        raise NotFound(f"No parcel for {code!r}", zh=f"找不到包裹 {code!r}")
    return str(row["parcel_id"])


def waybill_of(conn: sqlite3.Connection, code: str) -> str:
    """A parcel's current waybill from its waybill, pre-pack label or order number."""
    row = find_parcel(conn, clean_code(code))
    if row is None or not row["waybill"]:
        raise NotFound(f"No parcel with waybill {code}", zh=f"没有面单号为 {code} 的包裹")
    return str(row["waybill"])


# -- lists for pickers and tabs --------------------------------------------------------------


def active_batches(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT batch_id, kind, sku_set, planned_qty, status FROM batches "
            "WHERE status IN ('active','paused') ORDER BY created_at, batch_id"
        )
    ]


def open_handoffs(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT handoff_id, carrier, courier_name, vehicle, parcel_count FROM handoffs "
            "WHERE status='open' ORDER BY opened_at"
        )
    ]


def carriers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute("SELECT * FROM carriers ORDER BY code")]


def get_batch(conn: sqlite3.Connection, batch_id: str) -> dict[str, Any]:
    return batches.get_batch(conn, batch_id)


def get_handoff(conn: sqlite3.Connection, handoff_id: str) -> dict[str, Any]:
    return handoffs.get_handoff(conn, handoff_id)


def carrier_codes(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT code FROM carriers ORDER BY code")]


def prepack_labels(conn: sqlite3.Connection, batch_id: str) -> list[dict[str, Any]]:
    """An anonymous batch's pre-pack labels: label code, parcel state, waybill once bound, and
    whether its pre-pack label printed."""
    printed = {
        str(r[0])
        for r in conn.execute(
            "SELECT waybill FROM print_jobs WHERE batch_id=? AND reason='prepack' AND state='done'",
            (batch_id,),
        )
    }
    return [
        {"label_code": r[0], "state": r[1], "waybill": r[2], "label_printed": r[0] in printed}
        for r in conn.execute(
            "SELECT label_code, state, waybill FROM parcels WHERE batch_id=? ORDER BY label_code",
            (batch_id,),
        )
    ]
