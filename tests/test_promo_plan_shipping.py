"""Pre-pack plans (adjustable, become core batches) and staggered-shipping promises, backlog, at-risk."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.test_promo_common import T0, add_orders, new_station, order
from warehouse_app.catalog import upsert_sessions
from warehouse_app.clock import iso
from warehouse_app.errors import StationError
from warehouse_app.promo import config
from warehouse_app.promo.plan import (
    adjust_plan,
    create_batches,
    list_plans,
    save_plans,
    suggest_plans,
)
from warehouse_app.promo.shipping import (
    assign_promises,
    at_risk_orders,
    backlog,
    countdown,
    promise_for,
    work_queue,
)
from warehouse_app.promo.stock import StockAdvice, apply_schedule, save_stock_plan
from warehouse_app.store.tx import transaction

H = timedelta(hours=1)


def test_prepack_plans_window_adjust_and_batches(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        apply_schedule(
            conn,
            [
                {
                    "session_id": "S1",
                    "host": "Li",
                    "starts_at": iso(T0),
                    "ends_at": iso(T0 + 3 * H),
                    "skus": ["A", "B"],
                    "expected_viewers": 0,
                    "expected_conversion": 0,
                },
                {
                    "session_id": "S2",
                    "host": "Li",
                    "starts_at": iso(T0 + 24 * H),
                    "ends_at": iso(T0 + 27 * H),
                    "skus": ["A"],
                    "expected_viewers": 0,
                    "expected_conversion": 0,
                },
            ],
        )
        save_stock_plan(
            conn,
            [
                StockAdvice("A", "A", "core_hot", 1000, None, "", "", {}),
                StockAdvice("B", "B", "potential_new", 100, 30, "", "", {}),
            ],
        )
        save_plans(conn, suggest_plans(conn))
    plans = {p["plan_id"]: p for p in list_plans(conn)}
    # only the core hot SKU is pre-packed: 0.8 x 1000 split over the 2 sessions pushing it = 400 each
    assert set(plans) == {"S1:A*1", "S2:A*1"} and plans["S1:A*1"]["qty"] == 400
    assert plans["S1:A*1"]["pack_from"] == iso(T0 - 14 * 24 * H) and plans["S1:A*1"][
        "pack_until"
    ] == iso(T0 - 7 * 24 * H)
    with transaction(conn):
        adjust_plan(conn, "S1:A*1", 350)
        adjust_plan(conn, "S2:A*1", 0)
        save_plans(conn, suggest_plans(conn))  # re-planning keeps the lead's numbers
    assert {p["plan_id"]: p["qty"] for p in list_plans(conn)} == {"S1:A*1": 350, "S2:A*1": 0}
    with pytest.raises(StationError):
        with transaction(conn):
            adjust_plan(conn, "S1:A*1", -5)
    with transaction(conn):
        made = create_batches(conn, operator="L1")
    assert len(made) == 1 and made[0]["qty"] == 350
    b = conn.execute("SELECT kind, planned_qty, session_id, pack_from FROM batches").fetchone()
    assert b[:] == ("anonymous", 350, "S1", iso(T0 - 14 * 24 * H))
    assert {p["plan_id"]: p["status"] for p in list_plans(conn)} == {
        "S1:A*1": "created",
        "S2:A*1": "dropped",
    }
    with pytest.raises(StationError):
        with transaction(conn):
            adjust_plan(conn, "S1:A*1", 10)


def test_promise_tiers_hand_checked():
    tiers = config.DEFAULTS["promise_tiers"]
    assert promise_for(T0 + 59 * timedelta(minutes=1), T0, False, tiers) == (
        "first_hour",
        T0 + 59 * timedelta(minutes=1) + 24 * H,
        False,
    )
    assert promise_for(T0 + 61 * timedelta(minutes=1), T0, False, tiers)[0] == "standard"
    assert (
        promise_for(T0 + 61 * timedelta(minutes=1), T0, False, tiers)[1]
        == T0 + 61 * timedelta(minutes=1) + 48 * H
    )
    assert promise_for(T0, T0, True, tiers) == ("delayed", T0 + 168 * H, True)
    assert promise_for(T0, None, False, tiers)[0] == "standard"  # no session start known
    assert countdown(3725) == "1:02:05" and countdown(-60) == "-0:01:00"


def test_backlog_at_risk_and_work_queue(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        upsert_sessions(
            conn, [{"session_id": "S1", "starts_at": iso(T0), "ends_at": iso(T0 + 3 * H)}]
        )
    add_orders(
        conn,
        [
            order("O3", "A", 90),
            order("O1", "A", 10),
            order("O2", "A", 30),
            order("O4", "A", 100, delayed_ok=True),
        ],
    )
    with transaction(conn):
        counts = assign_promises(conn)
    assert counts == {"first_hour": 2, "standard": 1, "delayed": 1}
    assert conn.execute("SELECT ship_by FROM orders WHERE order_id='O1'").fetchone()[0] == iso(
        T0 + 10 * timedelta(minutes=1) + 24 * H
    )
    now = (
        T0 + 21 * H
    )  # O1 due at 24h10m (3h10m left), O2 at 24h30m (3h30m), O3 at 49h30m, O4 at 169h40m
    bl = {r["tier"]: r for r in backlog(conn, now)}
    assert (
        bl["first_hour"]["open_orders"],
        bl["first_hour"]["at_risk"],
        bl["first_hour"]["overdue"],
    ) == (2, 2, 0)
    assert (bl["standard"]["at_risk"], bl["delayed"]["open_orders"]) == (0, 1)
    risk = at_risk_orders(conn, now)
    assert [(r["order_id"], r["seconds_left"]) for r in risk] == [
        ("O1", 3 * 3600 + 600),
        ("O2", 3 * 3600 + 1800),
    ]
    later = at_risk_orders(conn, T0 + 25 * H)
    assert [(r["order_id"], r["seconds_left"]) for r in later] == [("O1", -3000), ("O2", -1800)]
    assert [r["order_id"] for r in work_queue(conn)] == ["O1", "O2", "O3", "O4"]
    with pytest.raises(StationError):
        with transaction(conn):
            config.set_value(
                conn, "promise_tiers", [{"tier": "x", "paid_within_min": 60, "ship_within_h": 24}]
            )
            assign_promises(conn, recompute=True)


def test_prepack_plans_from_forecast_capped_by_stock_with_warnings(tmp_path):
    from warehouse_app.promo.stock import set_stock

    conn = new_station(tmp_path)
    with transaction(conn):
        apply_schedule(
            conn,
            [
                # 38,000 viewers x 2% = 760 expected orders of A
                {
                    "session_id": "S1",
                    "host": "Li",
                    "starts_at": iso(T0 + 20 * 24 * H),
                    "ends_at": iso(T0 + 20 * 24 * H + 3 * H),
                    "skus": ["A"],
                    "expected_viewers": 38_000,
                    "expected_conversion": 0.02,
                },
                # 450,000 x 2% = 9,000 expected orders of B, but only 1,500 in stock
                {
                    "session_id": "S2",
                    "host": "Li",
                    "starts_at": iso(T0 + 20 * 24 * H),
                    "ends_at": iso(T0 + 20 * 24 * H + 3 * H),
                    "skus": ["B"],
                    "expected_viewers": 450_000,
                    "expected_conversion": 0.02,
                },
            ],
        )
        save_stock_plan(
            conn,
            [
                StockAdvice("A", "A", "core_hot", 30_000, None, "", "", {}),
                StockAdvice("B", "B", "core_hot", 9_000, None, "", "", {}),
            ],
        )
        set_stock(conn, "B", 1_500)
    plans = {p["plan_id"]: p for p in suggest_plans(conn, now=T0)}
    # the old plan was 0.8 x 30,000 = 24,000 parcels against 760 expected orders
    a, b = plans["S1:A*1"], plans["S2:B*1"]
    assert (a["qty"], a["forecast"]) == (608, 760.0)  # 0.8 x 760
    assert a["warning"] == "stock unknown: not checked against stock"
    # 0.8 x 9,000 = 7,200 wanted, 1,500 in stock: capped, and said so
    assert (b["qty"], b["forecast"]) == (1500, 9000.0)
    assert b["warning"] == "stock covers 1500 of 7200 (loose 1500)"
    assert "capped by stock to 1500" in b["reason"]
    # three weeks later every window has passed: every plan says so
    late = suggest_plans(conn, now=T0 + 30 * 24 * H)
    assert all("pre-pack window passed" in p["warning"] for p in late)
    with transaction(conn):
        save_plans(conn, late)
    listed = {p["plan_id"]: p for p in list_plans(conn, now=T0 + 30 * 24 * H)}
    assert "预包装窗口已过" in listed["S2:B*1"]["warning_zh"]
