"""Builders for small, hand-checkable station states (shared by all test modules)."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.catalog import upsert_carriers, upsert_skus
from warehouse_app.orders import apply_orders
from warehouse_app.station import add_operator, init_station
from warehouse_app.store.tx import transaction

STATE_TABLES = (
    "orders",
    "order_items",
    "parcels",
    "batches",
    "handoffs",
    "events",
    "voided_waybills",
    "skus",
    "sku_barcodes",
    "carriers",
    "operators",
    "meta",
)


def seed_station(conn: sqlite3.Connection, station_id: str = "T1") -> None:
    with transaction(conn):
        init_station(conn, station_id)
        upsert_carriers(
            conn,
            [
                {"code": "ZTO", "name": "ZTO", "name_zh": "中通"},
                {"code": "YTO", "name": "YTO", "name_zh": "圆通"},
            ],
        )
        upsert_skus(
            conn,
            [
                {
                    "code": "A",
                    "name": "口红 Lipstick",
                    "weight_g": 100,
                    "tier": "core_hot",
                    "barcodes": ["6920000000011"],
                },
                {
                    "code": "B",
                    "name": "精华 Serum",
                    "weight_g": 200,
                    "tier": "potential_new",
                    "barcodes": ["6920000000028"],
                },
                {
                    "code": "C",
                    "name": "袜子 Socks",
                    "weight_g": 50,
                    "tier": "long_tail",
                    "barcodes": ["6920000000035"],
                },
            ],
        )
        add_operator(conn, "P1", "Packer One", "packer")
        add_operator(conn, "L1", "Lead One", "lead", pin="4321")
        seed_label_sender(conn)


def seed_label_sender(conn: sqlite3.Connection) -> None:
    """The sender and routes a waybill needs (without them labels are held)."""
    from warehouse_app.station import set_setting

    set_setting(conn, "label.sender_name", "直播旗舰店")
    set_setting(conn, "label.sender_phone", "02188886666")
    set_setting(conn, "label.sender_address", "浙江省杭州市余杭区仓前街道文一西路969号 A 仓")
    set_setting(conn, "label.routes", {"351": {"hub": "杭州转运中心", "code": "571-A"}})


def order(
    order_id: str,
    items: dict[str, int],
    *,
    paid_at: str = "2026-11-11T12:00:00Z",
    carrier: str = "ZTO",
    waybill: str | None = None,
    status: str = "paid",
    province: str = "浙江",
    **kw: Any,
) -> dict[str, Any]:
    return {
        "order_id": order_id,
        "platform": "douyin",
        "session_id": kw.get("session_id", "S1"),
        "paid_at": paid_at,
        "ship_by": None,
        "items": [{"sku": s, "qty": q} for s, q in items.items()],
        "recipient": {
            "name": "王伟",
            "phone": "13800000000",
            "province": province,
            "city": "杭州",
            "district": "西湖区",
            "address": "文三路1号",
        },
        "carrier": carrier,
        "waybill": waybill if waybill is not None else f"WB{order_id}",
        "sort_code": "351-A01-01",
        "status": status,
        **{k: v for k, v in kw.items() if k != "session_id"},
    }


def add_orders(conn: sqlite3.Connection, *orders: dict[str, Any]) -> None:
    with transaction(conn):
        apply_orders(conn, list(orders))


def make_batch(
    conn: sqlite3.Connection,
    sku_set: str,
    kind: str = "presale",
    qty: int | None = None,
    start: bool = True,
    **kw: Any,
) -> dict[str, Any]:
    with transaction(conn):
        b = create_batch(conn, sku_set=sku_set, kind=kind, qty=qty, operator="L1", **kw)
        if start:
            b = set_batch_status(conn, b["batch_id"], "active", operator="L1")
    return b


def state_digest(conn: sqlite3.Connection, tables: tuple[str, ...] = STATE_TABLES) -> str:
    """A hash of every row of the state tables, to prove a rejected scan changed nothing."""
    h = hashlib.sha256()
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
        for row in conn.execute(f"SELECT * FROM {t} ORDER BY {', '.join(cols)}"):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()
