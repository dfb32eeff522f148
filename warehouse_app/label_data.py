"""What goes on a label, read from the station DB (parcels, orders, carriers, SKUs, settings).

The core decides what a label says; devices/printers/layout.py lays out the `Waybill` /
`PrepackLabel` it is handed and never reads the database."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from devices.printers.layout import PrepackLabel, Waybill
from warehouse_app.errors import InvalidOperation, NotFound

_SQL = """
SELECT p.parcel_id, p.batch_id, p.order_id, p.waybill, p.carrier, p.sort_code, p.sku_set,
       p.label_code, p.weight_g,
       o.recipient_name, o.recipient_phone, o.province, o.city, o.district, o.address,
       c.name AS carrier_en, c.name_zh AS carrier_zh,
       r.sort_code AS routed_sort_code, r.package_center, r.package_code
FROM parcels p LEFT JOIN orders o ON o.order_id = p.order_id
LEFT JOIN carriers c ON c.code = p.carrier
LEFT JOIN waybill_routing r ON r.waybill = p.waybill
"""


def _setting(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
    if not row:
        return default
    try:
        v = json.loads(row[0])
    except ValueError:
        v = row[0]
    return str(v)


def contents_text(conn: sqlite3.Connection, sku_set: str) -> str:
    """'A*1+B*2' -> '口红 ×1 + 精华 ×2' using SKU names where known."""
    parts = []
    for item in (sku_set or "").split("+"):
        if not item:
            continue
        sku, _, qty = item.partition("*")
        row = conn.execute("SELECT name FROM skus WHERE code=?", (sku,)).fetchone()
        parts.append(f"{row[0] if row else sku} ×{qty or 1}")
    return " + ".join(parts)


def waybill_for_parcel(
    conn: sqlite3.Connection,
    parcel_id: str,
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> Waybill:
    row = conn.execute(_SQL + "WHERE p.parcel_id = ?", (parcel_id,)).fetchone()
    if row is None:
        raise NotFound(f"No parcel {parcel_id}", zh=f"没有包裹 {parcel_id}")
    return _waybill(conn, row, reprint, printed_at)


def waybill_by_number(conn: sqlite3.Connection, waybill: str, reprint: bool = False) -> Waybill:
    row = conn.execute(_SQL + "WHERE p.waybill = ?", (waybill,)).fetchone()
    if row is None:
        raise NotFound(f"No parcel with waybill {waybill}", zh=f"没有面单号为 {waybill} 的包裹")
    return _waybill(conn, row, reprint, None)


def _waybill(
    conn: sqlite3.Connection, row: sqlite3.Row, reprint: bool, printed_at: datetime | None
) -> Waybill:
    if not row["waybill"]:
        raise InvalidOperation(
            f"Parcel {row['parcel_id']} has no waybill yet (anonymous pre-pack: it gets one at verify).",
            zh=f"包裹 {row['parcel_id']} 还没有面单号（匿名预包在核对时分配面单）。",
        )
    carrier = " ".join(x for x in (row["carrier_zh"], row["carrier"]) if x) or (
        row["carrier"] or ""
    )
    addr = "".join(x or "" for x in (row["province"], row["city"], row["district"], row["address"]))
    sort_code = row["sort_code"] or row["routed_sort_code"] or ""
    # 集包地/集包码: what the carrier's e-waybill platform issued with this number
    # (waybill_routing) wins; the station's `label.routes` setting covers numbers without it
    if row["package_center"]:
        hub, hub_code = row["package_center"], row["package_code"] or ""
    else:
        hub, hub_code = route_hub(conn, row["carrier"] or "", sort_code, row["province"] or "")
    # Sender and routes come from station settings (set by a lead or pulled from the hub); no
    # made-up sender: a label without one is held by the layout with a message naming the order.
    return Waybill(
        waybill=row["waybill"],
        carrier=carrier,
        sort_code=sort_code,
        hub=hub,
        hub_code=hub_code,
        recipient_name=row["recipient_name"] or "",
        recipient_phone=row["recipient_phone"] or "",
        recipient_address=addr,
        sender_name=_setting(conn, "label.sender_name", ""),
        sender_phone=_setting(conn, "label.sender_phone", ""),
        sender_address=_setting(conn, "label.sender_address", ""),
        order_id=row["order_id"] or "",
        label_code=row["label_code"] or "",
        contents=contents_text(conn, row["sku_set"]),
        batch_id=row["batch_id"] or "",
        weight_g=row["weight_g"],
        printed_at=printed_at or datetime.now(),
        reprint=reprint,
        mask_name=_setting(conn, "label.mask_name", "false").lower() in ("1", "true", "yes"),
    )


def route_hub(
    conn: sqlite3.Connection, carrier: str, sort_code: str, province: str
) -> tuple[str, str]:
    """集包地 and 集包码 from the `label.routes` setting: {key: {"hub": .., "code": ..}} where key
    is, most specific first, "CARRIER:first sort-code segment", the segment, "CARRIER:province",
    the province or the carrier."""
    row = conn.execute("SELECT value FROM settings WHERE key='label.routes'").fetchone()
    if not row:
        return "", ""
    try:
        routes = json.loads(row[0])
    except ValueError:
        return "", ""
    if not isinstance(routes, dict):
        return "", ""
    seg = sort_code.split("-", 1)[0]
    for key in (f"{carrier}:{seg}", seg, f"{carrier}:{province}", province, carrier):
        r = routes.get(key) if key else None
        if isinstance(r, dict):
            return str(r.get("hub", "")), str(r.get("code", ""))
        if isinstance(r, str):
            return r, ""
    return "", ""


def prepack_for_parcel(conn: sqlite3.Connection, parcel_id: str) -> PrepackLabel:
    """An anonymous pre-pack parcel's label: its label code (scanned at verify, when the parcel
    gets its order and waybill), batch and contents."""
    row = conn.execute(
        "SELECT label_code, batch_id, sku_set FROM parcels WHERE parcel_id=?", (parcel_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"No parcel {parcel_id}", zh=f"没有包裹 {parcel_id}")
    return PrepackLabel(
        label_code=row["label_code"],
        batch_id=row["batch_id"] or "",
        contents=contents_text(conn, row["sku_set"]),
        printed_at=datetime.now(),
    )
