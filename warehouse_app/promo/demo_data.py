"""The promo playbook in the embedded demo: a schedule, sales history with clear core hot SKUs, stock
tiers and pre-pack plans, carrier rules, a late wave the allocator splits, an oversold SKU, a carrier
that fails mid-promo, carrier intercepts and returns after it.

`extend` is wired as a demo extension at start-up (warehouse_app.startup), never by an import.
"""

from __future__ import annotations

import logging
import random
import sqlite3
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from warehouse_app import demo
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.orders import apply_orders
from warehouse_app.promo import carriers, plan, scorecard, shipping, stock
from warehouse_app.returns import DISPOSITIONS, REASONS, scan_return
from warehouse_app.scan_engine import ScanContext
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

SCHEDULE_EXTRA = {  # session -> (SKUs pushed, expected viewers, expected conversion)
    "LS-1111-A": (["SKU-LIP-01", "SKU-SERUM-30", "SKU-SOCK-5"], 800_000, 0.012),
    "LS-1111-B": (["SKU-MASK-10", "SKU-CREAM-50", "SKU-CASE-13"], 500_000, 0.01),
    "LS-1111-C": (["SKU-TEA-250", "SKU-SNACK-BOX", "SKU-TOWEL-2", "SKU-EARBUD-X"], 300_000, 0.015),
}
# past sessions: (session, date, {sku: units}); prices come from the SKU list
HISTORY = [
    (
        "H-0618-A",
        "2026-06-18",
        {"SKU-LIP-01": 15200, "SKU-SERUM-30": 6100, "SKU-SOCK-5": 900, "SKU-CASE-13": 400},
    ),
    (
        "H-0618-B",
        "2026-06-18",
        {"SKU-MASK-10": 9000, "SKU-TEA-250": 7200, "SKU-TOWEL-2": 500, "SKU-SOCK-5": 650},
    ),
    (
        "H-0818-A",
        "2026-08-18",
        {"SKU-LIP-01": 11800, "SKU-SERUM-30": 4300, "SKU-CASE-13": 380, "SKU-TOWEL-2": 420},
    ),
    (
        "H-0909-C",
        "2026-09-09",
        {
            "SKU-TEA-250": 5100,
            "SKU-MASK-10": 6400,
            "SKU-CREAM-50": 700,
            "SKU-SOCK-5": 720,
            "SKU-CASE-13": 300,
            "SKU-TOWEL-2": 460,
        },
    ),
    ("H-1001-B", "2026-10-01", {"SKU-SNACK-BOX": 900, "SKU-SOCK-5": 500}),
]
RULES = [
    {
        "carrier": "ZTO",
        "role": "main",
        "share": 0.6,
        "regions": ["east", "north"],
        "daily_capacity": 6000,
        "cost_cents": 310,
        "next_day_regions": ["east", "north", "central"],
        "rank": 1,
    },
    {
        "carrier": "YTO",
        "role": "backup",
        "share": 0.2,
        "regions": ["south"],
        "daily_capacity": 2500,
        "cost_cents": 300,
        "next_day_regions": ["south", "east"],
        "rank": 2,
    },
    {
        "carrier": "YUNDA",
        "role": "backup",
        "share": 0.2,
        "regions": ["central", "southwest"],
        "daily_capacity": 2500,
        "cost_cents": 280,
        "next_day_regions": ["central", "southwest"],
        "rank": 3,
    },
    {
        "carrier": "SF",
        "role": "dynamic",
        "share": 0.0,
        "regions": [],
        "daily_capacity": 1500,
        "cost_cents": 650,
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
OVERSOLD_SKU = "SKU-CREAM-50"


def extend(conn: sqlite3.Connection, rng: random.Random, info: dict[str, Any]) -> None:
    # runs inside build_demo's one transaction: no fsync per step, nothing kept if a step fails
    _extend(conn, rng, info)


def _extend(conn: sqlite3.Connection, rng: random.Random, info: dict[str, Any]) -> None:
    prices = {r[0]: r[1] for r in conn.execute("SELECT code, price_cents FROM skus")}
    sessions = {r["session_id"]: dict(r) for r in conn.execute("SELECT * FROM live_sessions")}
    now = parse_iso(info["now"]) if "now" in info else utcnow()
    with transaction(conn):
        stock.apply_schedule(
            conn,
            [
                {
                    "session_id": sid,
                    "name": sessions[sid]["name"],
                    "host": sessions[sid]["host"],
                    "starts_at": sessions[sid]["starts_at"],
                    "ends_at": sessions[sid]["ends_at"],
                    "skus": skus,
                    "expected_viewers": viewers,
                    "expected_conversion": conv,
                }
                for sid, (skus, viewers, conv) in SCHEDULE_EXTRA.items()
                if sid in sessions
            ],
            operator="L001",
        )
        stock.apply_history(
            conn,
            [
                {
                    "session_id": sid,
                    "sku": sku,
                    "session_date": day,
                    "units": units,
                    "revenue_cents": units * prices.get(sku, 0),
                }
                for sid, day, skus in HISTORY
                for sku, units in skus.items()
            ],
            operator="L001",
        )
        advice = stock.recommend_stock(conn)
        stock.save_stock_plan(conn, advice, operator="L001")
        plan.save_plans(conn, plan.suggest_plans(conn), operator="L001")
        # capacity sized to the orders the demo makes (the defaults fit its 3,000 + a 400 wave), so
        # `demo --orders 100000` splits and fails over like the small one instead of running dry
        scale = max(1.0, (int(info.get("orders", 0)) + 400) / 3400)
        rules = [
            {**r, "daily_capacity": round(int(str(r["daily_capacity"])) * scale)} for r in RULES
        ]
        carriers.set_rules(conn, rules, operator="L001")
        shipping.assign_promises(conn, operator="L001")
        # a late push in the snack session: 400 orders with no carrier yet, for the allocator to split
        wave = demo._orders(rng, now - timedelta(hours=2), 400, demo._sku_sets())
        for i, o in enumerate(wave):
            o["order_id"] = f"DYW{100000 + i}"
            o["carrier"] = o["waybill"] = o["sort_code"] = None
        apply_orders(conn, wave, operator="L001")
        shipping.assign_promises(conn, operator="L001")
        # the demo's e-waybill platform (ewaybill.demo: numbers start with DEMO, kept in its own file
        # beside the station's): the station asks it for numbers, it never makes one up
        from warehouse_app.ewaybill.demo import DEMO_URL
        from warehouse_app.promo import waybills

        waybills.configure(conn, DEMO_URL, operator="L001")
        info["allocation"] = carriers.allocate_orders(conn, now=now, operator="L001")
        # stock: plenty for most SKUs, too little of the new cream -> oversell
        # (the demo sells far less than the history-based plan, so stock is set near demand: the review
        # then shows both the plan's error and a realistic sell-through)
        for p in stock.stock_position(conn):
            loose = max(0, round(p["demand"] * rng.uniform(1.05, 1.4)) - p["prepacked"])
            stock.set_stock(conn, p["sku"], loose, operator="L001")
        stock.set_stock(conn, OVERSOLD_SKU, 60, operator="L001")
        info["oversell"] = [a["sku"] for a in stock.check_oversell(conn, operator="L001")]
        # mid-promo: Yunda's sorting centre stalls; the lead fails it over
        info["failover"] = carriers.fail_carrier(
            conn, "YUNDA", reason="分拨中心爆仓 sorting centre overloaded", operator="L001", now=now
        )
        for r in carriers.open_print_requests(conn)[
            : max(1, len(carriers.open_print_requests(conn)) // 2)
        ]:
            carriers.mark_printed(conn, r["id"], operator="L001")
    _after_promo(conn, rng, info, now)


def _fixed(t: datetime) -> datetime:
    return t


def _after_promo(
    conn: sqlite3.Connection, rng: random.Random, info: dict[str, Any], now: datetime
) -> None:
    """Cancellations after handoff (carrier intercepts) and the returns that follow the promo."""
    shipped = [
        dict(r)
        for r in conn.execute(
            "SELECT p.parcel_id, p.order_id, p.waybill FROM parcels p WHERE p.state='handed_off' ORDER BY p.parcel_id"
        )
    ]
    if not shipped:
        return
    late_cancel = rng.sample(shipped, min(4, len(shipped)))
    with transaction(conn):
        apply_orders(
            conn,
            [
                {
                    **demo._order_dict(conn, p["waybill"]),
                    "status": "cancelled",
                    "cancelled_at": iso(now),
                }
                for p in late_cancel
            ],
            operator="L001",
        )
        for i, p in enumerate(late_cancel):
            if i < 3:
                scorecard.record_intercept_result(
                    conn,
                    p["order_id"],
                    resolved=i < 2,
                    operator="L001",
                    at=iso(now + timedelta(hours=6 + 10 * i)),
                )
    # most intercepted parcels get pulled from the line, a few are still waiting
    from warehouse_app.scan_engine import scan

    for r in conn.execute(
        "SELECT waybill, label_code FROM parcels WHERE state='intercepted' ORDER BY parcel_id"
    ).fetchall():
        if rng.random() < 0.75:
            pulled_at: datetime = now + timedelta(minutes=rng.uniform(3, 45))
            scan(
                conn,
                r["waybill"] or r["label_code"],
                ScanContext("pull", "P003"),
                clock=partial(_fixed, pulled_at),
            )
    left = [p for p in shipped if p not in late_cancel]
    returns = rng.sample(left, max(1, len(left) // 12))
    reasons, weights = list(REASONS), [4, 2, 5, 1, 1]
    for p in returns:
        reason = rng.choices(reasons, weights=weights)[0]
        disp = (
            "damaged"
            if reason == "logistics_damage"
            else ("to_vendor" if reason == "quality" else "restock")
        )
        assert disp in DISPOSITIONS
        scan_return(
            conn, p["waybill"], ScanContext("return", rng.choice(["P001", "P002"])), reason, disp
        )
    info["returns"] = len(returns)
    info["carrier_intercepts"] = len(late_cancel)
