"""Shared small, hand-checkable promo fixtures (no tests here)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from warehouse_app.catalog import upsert_carriers, upsert_skus
from warehouse_app.clock import iso
from warehouse_app.orders import apply_orders
from warehouse_app.station import init_station
from warehouse_app.store import open_store
from warehouse_app.store.tx import transaction

T0 = datetime(2026, 11, 11, 12, 0, tzinfo=timezone.utc)  # 20:00 China time

CARRIERS = [
    {"code": "ZTO", "name": "ZTO", "name_zh": "中通", "waybill_prefix": "73"},
    {"code": "YTO", "name": "YTO", "name_zh": "圆通", "waybill_prefix": "YT"},
    {"code": "YUNDA", "name": "Yunda", "name_zh": "韵达", "waybill_prefix": "43"},
    {"code": "SF", "name": "SF", "name_zh": "顺丰", "waybill_prefix": "SF"},
]
RULES = [
    {
        "carrier": "ZTO",
        "role": "main",
        "share": 0.6,
        "regions": ["east", "north"],
        "daily_capacity": 0,
        "cost_cents": 300,
        "next_day_regions": ["east", "north", "central"],
        "rank": 1,
    },
    {
        "carrier": "YTO",
        "role": "backup",
        "share": 0.2,
        "regions": ["south"],
        "daily_capacity": 0,
        "cost_cents": 320,
        "next_day_regions": ["south"],
        "rank": 2,
    },
    {
        "carrier": "YUNDA",
        "role": "backup",
        "share": 0.2,
        "regions": ["central", "southwest"],
        "daily_capacity": 0,
        "cost_cents": 280,
        "next_day_regions": ["central", "southwest"],
        "rank": 3,
    },
    {
        "carrier": "SF",
        "role": "dynamic",
        "share": 0.0,
        "regions": [],
        "daily_capacity": 0,
        "cost_cents": 600,
        "next_day_regions": [
            "east",
            "north",
            "south",
            "central",
            "southwest",
            "northeast",
            "northwest",
        ],
        "rank": 4,
    },
]


def new_station(
    tmp_path: Path, skus: list[tuple[str, int]] | None = None, provider: str = "demo"
) -> sqlite3.Connection:
    """A station with the promo's carriers and SKUs. Its e-waybill provider is the demo platform
    (numbers starting DEMO, from ewaybill.demo, never minted by the station); provider='' leaves
    none configured (allocated orders then wait for their waybill)."""
    from warehouse_app.promo.waybills import configure

    store = open_store(tmp_path / "station.db")
    conn = store.connect()
    with transaction(conn):
        init_station(conn, "T-ST01")
        if provider:
            configure(conn, provider)
        upsert_carriers(conn, CARRIERS)
        upsert_skus(
            conn,
            [
                {"code": c, "name": c, "weight_g": 100, "price_cents": p}
                for c, p in (skus or [("A", 10000), ("B", 5000), ("C", 2000), ("D", 1000)])
            ],
        )
    return conn


def order(
    oid: str, items: str, minutes: float, province: str = "上海", **kw: Any
) -> dict[str, Any]:
    its = [
        {"sku": p.split("*")[0], "qty": int(p.split("*")[1]) if "*" in p else 1}
        for p in items.split("+")
    ]
    return {
        "order_id": oid,
        "session_id": kw.pop("session_id", "S1"),
        "paid_at": iso(T0 + timedelta(minutes=minutes)),
        "items": its,
        "recipient": {
            "name": "王伟",
            "phone": "13800000000",
            "province": province,
            "city": "x",
            "address": "y",
        },
        "status": "paid",
        **kw,
    }


def add_orders(conn: sqlite3.Connection, orders: list[dict[str, Any]]) -> None:
    with transaction(conn):
        apply_orders(conn, orders)
