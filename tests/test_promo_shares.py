"""Allocation by share and region together, the deviation report, and partial failover spread over the
backups by share and capacity, with the issue's numbers (70% of orders in 广东; 4,231 open orders
against 3,928 capacity left)."""

from __future__ import annotations

import random
from datetime import timedelta

from tests.test_promo_common import CARRIERS, T0, add_orders, new_station, order
from warehouse_app.catalog import upsert_carriers
from warehouse_app.promo.carriers import (
    allocate_orders,
    check_carriers,
    fail_carrier,
    live_waybill_problems,
    set_rules,
    split_report,
)
from warehouse_app.store.tx import transaction


def _rules(caps: dict[str, int] | None = None, with_dynamic: bool = True) -> list[dict]:
    caps = caps or {}
    rules = [
        {"carrier": "ZTO", "role": "main", "share": 0.5, "regions": ["east", "north"]},
        {"carrier": "YTO", "role": "backup", "share": 0.2, "regions": ["south"]},
        {"carrier": "YUNDA", "role": "backup", "share": 0.2, "regions": ["central", "southwest"]},
    ]
    if with_dynamic:
        rules += [
            {"carrier": "SF", "role": "dynamic", "share": 0.0},
            {"carrier": "JT", "role": "dynamic", "share": 0.0},
        ]
    for i, r in enumerate(rules, 1):
        r["rank"] = i
        r["daily_capacity"] = caps.get(r["carrier"], 0)
    return rules


def _station(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        upsert_carriers(conn, [*CARRIERS, {"code": "JT", "name": "J&T", "waybill_prefix": "JT"}])
    return conn


def _mixed_orders(n: int, south_share: float, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    others = ["上海", "浙江", "北京", "湖北", "四川", "辽宁", "陕西"]
    return [
        order(
            f"O{i:05d}",
            "A",
            i * 0.1,
            province="广东" if rng.random() < south_share else rng.choice(others),
        )
        for i in range(n)
    ]


def test_shares_met_with_70_percent_of_orders_in_guangdong(tmp_path):
    conn = _station(tmp_path)
    add_orders(conn, _mixed_orders(2000, 0.70))
    with transaction(conn):
        set_rules(conn, _rules())  # no capacities set at all
        s = allocate_orders(conn, now=T0)
    assert s["orders"] == 2000 and s["unallocated"] == 0
    rep = {r["carrier"]: r for r in split_report(conn, now=T0)}
    # the region-only allocator gave YTO (south) ~70% against 20%: now every carrier is within +-3 pp
    for c, target in (("ZTO", 0.5), ("YTO", 0.2), ("YUNDA", 0.2), ("SF", 0.05), ("JT", 0.05)):
        assert abs(rep[c]["realised_share"] - target) <= 0.03, (c, rep[c])
        assert rep[c]["within_target"] and rep[c]["why"] == "on target"
    # the dynamic remainder (10%) is spread over the dynamic carriers, not handed to the main one
    assert rep["SF"]["orders"] > 0 and rep["JT"]["orders"] > 0
    assert abs(rep["SF"]["orders"] - rep["JT"]["orders"]) <= 1
    # region preference still decides among those who may take an order: YTO's orders are all south
    provs = {
        r[0]
        for r in conn.execute("SELECT DISTINCT province FROM orders WHERE carrier='YTO'").fetchall()
    }
    assert provs == {"广东"}
    assert live_waybill_problems(conn) == []


def test_deviation_report_says_why_coverage_and_capacity(tmp_path):
    conn = _station(tmp_path)
    add_orders(conn, _mixed_orders(500, 0.70, seed=5))
    rules = _rules({"ZTO": 150}, with_dynamic=False)
    rules[2]["coverage"] = ["central", "southwest"]  # YUNDA delivers nowhere else
    rules[2]["regions"] = ["central", "southwest"]
    with transaction(conn):
        set_rules(conn, rules)
        s = allocate_orders(conn, now=T0)
    dev = {r["carrier"]: r for r in s["deviation"]}
    assert dev["ZTO"]["orders"] == 150 and not dev["ZTO"]["within_target"]
    assert dev["ZTO"]["why"] == "capacity used up today (150 of 150)"
    assert "covers only Central China, Southwest China" in dev["YUNDA"]["why"]
    assert "只覆盖 华中、西南：" in dev["YUNDA"]["why_zh"] and "仅占" in dev["YUNDA"]["why_zh"]
    assert dev["YTO"]["deviation_pp"] > 3 and "could not take" in dev["YTO"]["why"]
    # coverage is a hard limit: YUNDA never got an order outside it
    bad = conn.execute(
        "SELECT count(*) FROM orders WHERE carrier='YUNDA' AND province NOT IN ('湖北', '四川')"
    ).fetchone()[0]
    assert bad == 0


def _yunda_backlog(tmp_path, n_open: int = 4231):
    """n_open orders on YUNDA from upstream, ship-by spread over two days; ZTO and YTO have 2,000 and
    1,928 capacity left today (3,928 in all)."""
    conn = _station(tmp_path)
    orders = []
    for i in range(n_open):
        o = order(
            f"Y{i:05d}", "A", i * 0.01, province="湖北", carrier="YUNDA", waybill=f"43{i:08d}"
        )
        o["ship_by"] = (T0 + timedelta(hours=24 + (n_open - i) * 0.01)).isoformat()
        orders.append(o)
    add_orders(conn, orders)
    with transaction(conn):
        set_rules(conn, _rules({"ZTO": 2000, "YTO": 1928}, with_dynamic=False))
    return conn


def test_partial_failover_moves_what_backups_can_take(tmp_path):
    conn = _yunda_backlog(tmp_path)
    with transaction(conn):
        res = fail_carrier(conn, "YUNDA", reason="sorting centre down", now=T0)
    # before: refused whole with no numbers. Now: 3,928 move, 303 are stuck, and both are reported
    assert (res["orders_open"], res["orders_moved"], res["stuck"]) == (4231, 3928, 303)
    assert res["moved_to"] == {"ZTO": 2000, "YTO": 1928}
    assert res["capacity_left_before"] == {"ZTO": 2000, "YTO": 1928}
    assert res["capacity_left_total"] == 3928
    # priority: earliest ship-by first, so the stuck ones are the 303 with the latest ship-by
    stuck = {r[0] for r in conn.execute("SELECT order_id FROM orders WHERE carrier='YUNDA'")}
    assert len(stuck) == 303
    latest = {
        r[0]
        for r in conn.execute(
            "SELECT order_id FROM orders ORDER BY ship_by DESC, paid_at DESC LIMIT 303"
        )
    }
    assert stuck == latest
    assert conn.execute("SELECT orders_moved FROM failovers").fetchone()[0] == 3928
    assert live_waybill_problems(conn) == []


def test_failover_spreads_by_share_when_capacity_allows(tmp_path):
    conn = _yunda_backlog(tmp_path, n_open=400)
    with transaction(conn):
        set_rules(conn, _rules(with_dynamic=False))  # no capacities
        res = fail_carrier(conn, "YUNDA", now=T0)
    # YUNDA's orders split over ZTO and YTO in proportion to their shares (50:20 -> 5:2)
    assert res["stuck"] == 0 and sum(res["moved_to"].values()) == 400
    assert abs(res["moved_to"]["ZTO"] - 400 * 5 / 7) <= 1
    assert abs(res["moved_to"]["YTO"] - 400 * 2 / 7) <= 1


def test_auto_failover_reports_and_moves_what_it_can_then_the_rest(tmp_path):
    conn = _yunda_backlog(tmp_path)
    # a verified YUNDA parcel waiting for hours with no handoff: the carrier has stalled
    with transaction(conn):
        conn.execute(
            "INSERT INTO batches (batch_id, kind, sku_set, planned_qty, status, created_at) "
            "VALUES ('B1', 'presale', 'A*1', 1, 'active', ?)",
            (T0.isoformat(),),
        )
        conn.execute(
            "INSERT INTO parcels (parcel_id, batch_id, order_id, label_code, waybill, carrier, sku_set, "
            "state, verified_at, updated_at) VALUES ('P1', 'B1', 'Y00000', 'L1', '4300000000', 'YUNDA', "
            "'A*1', 'verified', '2026-11-11T08:00:00.000Z', '2026-11-11T08:00:00.000Z')"
        )
    with transaction(conn):
        rows = {r["carrier"]: r for r in check_carriers(conn, now=T0, auto_failover=True)}
    y = rows["YUNDA"]
    assert (y["open_orders"], y["moved"], y["stuck"]) == (4231, 3928, 303)
    assert y["action"] == "failed over: 3928 of 4231 orders moved, 303 stuck (no room)"
    # the next day capacity is fresh: the next check moves the stuck ones
    with transaction(conn):
        rows = {
            r["carrier"]: r
            for r in check_carriers(conn, now=T0 + timedelta(days=1), auto_failover=True)
        }
    assert (rows["YUNDA"]["moved"], rows["YUNDA"]["stuck"]) == (303, 0)
    assert conn.execute("SELECT count(*) FROM orders WHERE carrier='YUNDA'").fetchone()[0] == 0
    assert live_waybill_problems(conn) == []
