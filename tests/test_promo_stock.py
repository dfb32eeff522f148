"""Stock tiers, recommendations, schedule/history import, oversell and the bind guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_promo_common import T0, add_orders, new_station, order
from warehouse_app.batches import bind_parcel, create_batch, set_batch_status
from warehouse_app.errors import StationError
from warehouse_app.promo import config
from warehouse_app.promo.stock import (
    apply_history,
    apply_schedule,
    check_oversell,
    open_alerts,
    read_history,
    read_schedule,
    recommend_stock,
    refuse_bad_rows,
    save_stock_plan,
    set_stock,
)
from warehouse_app.store.tx import transaction


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


HISTORY = """session_id,sku,session_date,units,revenue_cny
H1,A,2026-06-18,8000,1200000
H2,A,2026-09-01,6000,900000
H1,B,2026-06-18,300,15000
H1,C,2026-06-18,40,800
H2,C,2026-09-01,90,1800
H3,C,2026-10-01,20,400
"""
SCHEDULE = [
    {
        "session_id": "S1",
        "host": "Li",
        "starts_at": "2026-11-11T20:00:00+08:00",
        "ends_at": "2026-11-11T23:00:00+08:00",
        "skus": ["A", "B"],
        "expected_viewers": 100000,
        "expected_conversion": "2%",
    },
    {
        "session_id": "S2",
        "host": "Wei",
        "starts_at": "2026-11-12T20:00:00+08:00",
        "ends_at": "2026-11-12T22:00:00+08:00",
        "skus": "A|D",
        "expected_viewers": 10000,
        "expected_conversion": 0.01,
    },
]


def _load(conn, tmp_path):
    hist, errs = read_history(_write(tmp_path / "h.csv", HISTORY), known_skus={"A", "B", "C", "D"})
    assert errs == []
    sched, errs = read_schedule(
        _write(tmp_path / "s.jsonl", "\n".join(json.dumps(r) for r in SCHEDULE)),
        known_skus={"A", "B", "C", "D"},
    )
    assert errs == []
    with transaction(conn):
        apply_history(conn, hist)
        apply_schedule(conn, sched)


def test_tiers_and_recommendations_hand_checked(tmp_path):
    conn = new_station(tmp_path)
    _load(conn, tmp_path)
    adv = {a.sku: a for a in recommend_stock(conn)}
    # A: best session 1,200,000 CNY > 1,000,000 -> core hot; 1.5 x peak 8000 units = 12000
    assert adv["A"].tier == "core_hot" and adv["A"].recommended_qty == 12000
    assert "1.5 x peak session 8000 units = 12000" in adv["A"].reason_en
    # B: one session (< 2) -> potential new; schedule S1: 100000 x 2% = 2000 orders over 2 SKUs = 1000 expected;
    # first lot 0.5 x 1000 = 500, re-order at 0.3 x 500 = 150
    assert (adv["B"].tier, adv["B"].recommended_qty, adv["B"].reorder_point) == (
        "potential_new",
        500,
        150,
    )
    # D: no history; S2: 10000 x 1% = 100 over 2 SKUs = 50 expected -> first lot 25, re-order 8
    assert (adv["D"].tier, adv["D"].recommended_qty, adv["D"].reorder_point) == (
        "potential_new",
        25,
        8,
    )
    # C: 3 sessions, best 1,800 CNY -> long tail; max(50, avg 50.0) = 50
    assert (adv["C"].tier, adv["C"].recommended_qty) == ("long_tail", 50)
    # a lower threshold and a different factor are honoured
    adv2 = {a.sku: a for a in recommend_stock(conn, hot_threshold_cny=1000, hot_factor=2)}
    assert adv2["C"].tier == "core_hot" and adv2["C"].recommended_qty == 180  # 2 x 90
    with transaction(conn):
        save_stock_plan(conn, list(adv.values()))
    assert conn.execute("SELECT tier FROM skus WHERE code='A'").fetchone()[0] == "core_hot"
    assert (
        conn.execute("SELECT count(*) FROM events WHERE type='promo.stock_planned'").fetchone()[0]
        == 1
    )


def test_configured_factor_is_used(tmp_path):
    conn = new_station(tmp_path)
    _load(conn, tmp_path)
    with transaction(conn):
        config.set_value(conn, "hot_factor", 2.0)
    assert {a.sku: a.recommended_qty for a in recommend_stock(conn)}["A"] == 16000
    with pytest.raises(StationError):
        with transaction(conn):
            config.set_value(conn, "hot_factor", "lots")


def test_bad_rows_refused_with_line_numbers(tmp_path):
    conn = new_station(tmp_path)
    bad = _write(
        tmp_path / "bad.csv",
        "session_id,sku,units,revenue_cny\nH1,A,10,100\nH1,ZZZ,1,1\nH2,A,abc,1\n"
        "H1,A,5,50\nH3,B,,1\n",
    )
    rows, errs = read_history(bad, known_skus={"A", "B"})
    assert [(e.line, e.reason) for e in errs] == [
        (3, "unknown SKU ZZZ"),
        (4, "units must be a number, got 'abc'"),
        (5, "duplicate key 'H1|A' (first on line 2)"),
        (6, "missing field 'units'"),
    ]
    with pytest.raises(StationError) as ei:
        refuse_bad_rows(bad, rows, errs, skip_bad=False)
    assert (
        "4 bad row(s)" in str(ei.value)
        and "nothing imported" in str(ei.value)
        and "未导入" in ei.value.zh
    )
    refuse_bad_rows(bad, rows, errs, skip_bad=True)  # the caller may import the good row only
    s = _write(
        tmp_path / "s.csv",
        "session_id,host,starts_at,ends_at,skus,expected_conversion\n"
        "S1,Li,2026-11-11T20:00:00+08:00,2026-11-11T19:00:00+08:00,A,1%\n"
        "S2,Li,2026-11-11T20:00:00+08:00,2026-11-11T21:00:00+08:00,A,150%\n"
        "S3,Li,yesterday,2026-11-11T21:00:00+08:00,A,1%\n",
    )
    rows, errs = read_schedule(s, known_skus={"A"})
    assert rows == [] and [e.line for e in errs] == [2, 3, 4]
    assert "ends_at must be after starts_at" in errs[0].reason
    assert conn.execute("SELECT count(*) FROM sales_history").fetchone()[0] == 0


def test_oversell_alert_short_orders_and_bind_guard(tmp_path):
    conn = new_station(tmp_path)
    # B*1 orders paid at minutes 1..5; stock 1 loose + 2 pre-packed parcels = 3 -> O4, O5 short
    add_orders(conn, [order(f"O{i}", "B", i) for i in range(1, 6)])
    with transaction(conn):
        b = create_batch(conn, sku_set="B*1", kind="anonymous", qty=2)
        set_batch_status(conn, b["batch_id"], "active")
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b["batch_id"],))
        set_stock(conn, "B", 1)
        alerts = check_oversell(conn)
    assert len(alerts) == 1
    a = alerts[0]
    assert (a["sku"], a["demand"], a["stock"], a["prepacked"], a["short_units"]) == (
        "B",
        5,
        1,
        2,
        2,
    )
    assert [s["order_id"] for s in a["short_orders"]] == ["O4", "O5"]
    assert open_alerts(conn)[0]["short_orders"] == ["O4", "O5"]
    assert (
        conn.execute("SELECT count(*) FROM events WHERE type='stock.oversell'").fetchone()[0] == 1
    )
    # O1..O3 get bound earliest paid first; then binding stops: O4 is short
    pids = [r[0] for r in conn.execute("SELECT parcel_id FROM parcels ORDER BY parcel_id")]
    with transaction(conn):
        assert bind_parcel(conn, pids[0])["order_id"] == "O1"
        assert bind_parcel(conn, pids[1])["order_id"] == "O2"
    with transaction(conn):
        b2 = create_batch(conn, sku_set="B*1", kind="anonymous", qty=2)
    extra = [
        r[0]
        for r in conn.execute(
            "SELECT parcel_id FROM parcels WHERE batch_id=? ORDER BY parcel_id", (b2["batch_id"],)
        )
    ]
    with transaction(conn):
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b2["batch_id"],))
        assert (
            bind_parcel(conn, extra[0])["order_id"] == "O3"
        )  # still within stock (the snapshot said O4, O5 short)
        assert bind_parcel(conn, extra[1]) is None  # O4 is short: not bound
    # restocking resolves it
    with transaction(conn):
        set_stock(conn, "B", 10)
        assert check_oversell(conn) == []
    assert open_alerts(conn) == []
    with transaction(conn):
        assert bind_parcel(conn, extra[1])["order_id"] == "O4"


def test_set_stock_refuses_bad_input(tmp_path):
    conn = new_station(tmp_path)
    with pytest.raises(StationError):
        with transaction(conn):
            set_stock(conn, "NOPE", 5)
    with pytest.raises(StationError):
        with transaction(conn):
            set_stock(conn, "A", -1)
    assert conn.execute("SELECT count(*) FROM stock_levels").fetchone()[0] == 0


def test_reorder_now_for_potential_new(tmp_path):
    from warehouse_app.promo.stock import StockAdvice, stock_position

    conn = new_station(tmp_path)
    add_orders(conn, [order(f"O{i}", "B", i) for i in range(1, 8)])  # 7 units of B ordered
    with transaction(conn):
        save_stock_plan(conn, [StockAdvice("B", "B", "potential_new", 10, 3, "", "", {})])
        set_stock(conn, "B", 11)
    pos = {p["sku"]: p for p in stock_position(conn)}
    assert (pos["B"]["gap"], pos["B"]["reorder_now"]) == (4, False)  # 11 - 7 = 4 left > 3
    add_orders(conn, [order("O8", "B", 8)])
    pos = {p["sku"]: p for p in stock_position(conn)}
    assert (pos["B"]["gap"], pos["B"]["reorder_now"]) == (3, True)
