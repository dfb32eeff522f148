"""Review (复盘) and carrier scorecard on a small promo whose numbers are checked by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.test_promo_common import RULES, T0, add_orders, new_station, order
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.catalog import upsert_sessions
from warehouse_app.clock import iso, parse_iso
from warehouse_app.errors import StationError
from warehouse_app.handoffs import open_handoff
from warehouse_app.promo.carriers import allocate_orders, set_rules
from warehouse_app.promo.review import build_review, render_pdf, review_rows
from warehouse_app.promo.scorecard import (
    record_intercept_result,
    score_parts,
    scorecard,
    suggested_split,
)
from warehouse_app.promo.shipping import assign_promises
from warehouse_app.promo.stock import StockAdvice, save_stock_plan, set_stock
from warehouse_app.returns import scan_return
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction

H = timedelta(hours=1)


def at(delta):
    return lambda: T0 + delta


@pytest.fixture
def promo(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        upsert_sessions(
            conn, [{"session_id": "S1", "starts_at": iso(T0), "ends_at": iso(T0 + 3 * H)}]
        )
    add_orders(
        conn,
        [
            order("O1", "A", 10),
            order("O2", "A", 30),
            order("O3", "A", 90, province="广东"),
            order("O4", "B", 100, delayed_ok=True),
            order("O5", "A", 20),
            order("O6", "A", 25),
        ],
    )
    with transaction(conn):
        assign_promises(conn)
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
        b = create_batch(conn, sku_set="A*1", kind="presale")
        set_batch_status(conn, b["batch_id"], "active")
        save_stock_plan(conn, [StockAdvice("A", "A", "core_hot", 3, None, "x", "x", {})])
        set_stock(conn, "A", 0)
        set_stock(conn, "B", 5)
        hz, hy = open_handoff(conn, "ZTO"), open_handoff(conn, "YTO")
    wb = {r[0]: r[1] for r in conn.execute("SELECT order_id, waybill FROM orders")}
    for oid in ("O1", "O2", "O3", "O5", "O6"):
        assert scan(conn, wb[oid], ScanContext("pack", "P1", b["batch_id"]), clock=at(0.5 * H)).ok
    add_orders(
        conn,
        [
            order(
                "O5", "A", 20, status="cancelled", cancelled_at=iso(T0 + 60 * timedelta(minutes=1))
            )
        ],
    )
    assert scan(conn, wb["O5"], ScanContext("pull", "P1"), clock=at(75 * timedelta(minutes=1))).ok
    for oid in ("O1", "O2", "O3", "O6"):
        assert scan(conn, wb[oid], ScanContext("verify", "P1"), clock=at(H)).ok
    for oid, h, when in (
        ("O1", hz, 2 * H),
        ("O6", hz, 2 * H),
        ("O2", hz, 30 * H),
        ("O3", hy, 3 * H),
    ):
        assert scan(
            conn, wb[oid], ScanContext("handoff", "P1", handoff_id=h["handoff_id"]), clock=at(when)
        ).ok
    add_orders(conn, [order("O6", "A", 25, status="cancelled")])  # after handoff: carrier intercept
    assert scan_return(conn, wb["O1"], ScanContext("return", "P1"), "quality", "restock").ok
    return conn


def test_review_numbers(promo):
    r = build_review(promo, now=T0 + 100 * H)
    stock = {s["sku"]: s for s in r["stock"]}
    # A: loose 0 (+1 restocked, already counted by its returned parcel) + 4 parcels (O1 O2 O3 O6) = 4;
    # paid demand O1 O2 O3 = 3 -> overstocked 1, sell-through 75%, plan 3 vs demand 3
    a = stock["A"]
    assert (
        a["supply"],
        a["demand"],
        a["oversold"],
        a["overstocked"],
        a["sell_through"],
        a["plan_vs_demand"],
    ) == (4, 3, 0, 1, 0.75, 1.0)
    assert (
        stock["B"]["supply"],
        stock["B"]["demand"],
        stock["B"]["overstocked"],
        stock["B"]["sell_through"],
    ) == (5, 1, 4, 0.2)
    ot = {t["tier"]: t for t in r["on_time"]}
    # first hour (ship within 24 h): O1 handed off at 2 h (on time), O2 at 30 h > 24.5 h (late)
    assert (
        ot["first_hour"]["on_time"],
        ot["first_hour"]["late"],
        ot["first_hour"]["on_time_rate"],
    ) == (1, 1, 0.5)
    assert (ot["standard"]["on_time"], ot["standard"]["on_time_rate"]) == (
        1,
        1.0,
    )  # O3 paid at 90 min
    assert (
        ot["delayed"]["open"],
        ot["delayed"]["on_time_rate"],
        ot["delayed"]["with_compensation"],
    ) == (1, None, 1)
    ex = r["exceptions"]
    assert (
        ex["intercepts_before_handoff"],
        ex["intercepts_pulled"],
        ex["intercepts_after_handoff"],
    ) == (1, 1, 1)
    assert ex["cancel_to_pull_avg_min"] == 15.0 and ex["failovers"] == 0
    rt = r["returns"]
    assert (rt["shipped_parcels"], rt["returned_parcels"], rt["return_rate"]) == (4, 1, 0.25)
    assert rt["reasons"]["quality"] == 1
    rows = review_rows(r)
    assert {
        "section": "on_time",
        "key": "first_hour",
        "metric": "on_time_rate",
        "value": 0.5,
    } in rows


def test_review_pdf_has_charts(promo, tmp_path):
    pytest.importorskip("pypdfium2")
    import pypdfium2 as pdfium

    path = render_pdf(
        build_review(promo, now=T0 + 100 * H), tmp_path / "review.pdf", scorecard(promo)
    )
    pdf = pdfium.PdfDocument(str(path))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Post-promo review" in text and "On-time rate" in text and "Return reasons" in text
    assert "复盘" in text


def test_scorecard_hand_checked(promo):
    req = promo.execute(
        "SELECT created_at FROM events WHERE type='carrier_intercept.requested'"
    ).fetchone()[0]
    with transaction(promo):
        record_intercept_result(promo, "O6", True, at=iso(parse_iso(req) + 48 * H))
    rows = {r["carrier"]: r for r in scorecard(promo, now=iso(T0 + 100 * H))}
    z, y, u, s = rows["ZTO"], rows["YTO"], rows["YUNDA"], rows["SF"]
    # response, paid -> handed off: ZTO O1 (10 min -> 2 h), O6 (25 min -> 2 h), O2 (30 min -> 30 h):
    # (1.83 + 1.58 + 29.5) / 3 = 10.97 h; YTO O3 (90 min -> 3 h) 1.5 h, the fastest -> ZTO 13.7
    assert (z["response_hours"], z["response_score"], y["response_hours"], y["response_score"]) == (
        10.97,
        13.7,
        1.5,
        100.0,
    )
    # peak: no capacity booked in these rules -> no data (it used to reward the most parcels given)
    assert z["peak_score"] is None and y["peak_score"] is None
    # coverage = on-time rate by region: ZTO east O1 on time, O2 late (O6 cancelled); YTO south 1/1
    assert (z["coverage_by_region"], z["coverage_score"]) == ({"east": 0.5}, 50.0)
    assert (y["coverage_by_region"], y["coverage_score"]) == ({"south": 1.0}, 100.0)
    # exceptions: ZTO 1 intercept after handoff over 3 parcels = 333 per 1,000 (limit 20) -> 0;
    # YTO 0 of 1 -> 100; YUNDA and SF shipped nothing: no data, not 100
    assert (z["exception_cases"], z["exceptions_per_1000"], z["exceptions_score"]) == (
        1,
        333.3,
        0.0,
    )
    assert y["exceptions_score"] == 100.0 and u["exceptions_score"] is None
    # cost: average (300 + 320 + 280 + 600) / 4 = 375 -> SF 100 x 375 / 600 = 62.5, others capped at 100
    assert [r["cost_score"] for r in (z, y, u, s)] == [100.0, 100.0, 100.0, 62.5]
    # total over the parts with data: ZTO (30 x 13.7 + 20 x 50 + 15 x 0 + 10 x 100) / 75 = 32.1
    assert (z["total"], y["total"], u["total"], s["total"]) == (32.1, 100.0, None, None)
    ranked = scorecard(promo, now=iso(T0 + 100 * H))
    assert [r["carrier"] for r in ranked] == ["YTO", "ZTO", "SF", "YUNDA"] and ranked[0][
        "rank"
    ] == 1
    assert suggested_split(ranked) == {
        "main": ["YTO"],
        "backups": ["ZTO"],
        "dynamic": ["SF", "YUNDA"],
    }
    parts = {p["part"]: p for p in score_parts(z)}
    assert (
        parts["coverage"]["data"] == "East China 50% (1/2 on time)"
        and parts["coverage"]["data_zh"] == "华东 50%（准时 1/2）"
        and parts["peak"]["score"] == "no data"
    )
    assert parts["response"]["weight"] == 30
    # weights are configurable, by the part names (the old 'next_day' still means coverage)
    only_cost = scorecard(
        promo, {"response": 0, "peak": 0, "coverage": 0, "exceptions": 0, "cost": 1}
    )
    assert only_cost[0]["total"] == 100.0 and only_cost[1]["total"] == 100.0
    assert scorecard(promo, {"next_day": 50})[0]["weights"] == (
        '{"cost": 10.0, "coverage": 50.0, "exceptions": 15.0, "peak": 25.0, "response": 30.0}'
    )
    with pytest.raises(StationError, match="the parts are response, peak, coverage"):
        scorecard(promo, {"speed": 1})


def test_peak_against_capacity_and_damage_returns_count(promo):
    # ZTO booked 2 a day and took both on 11-11; YTO booked 10, was offered 1 and took it: both 100
    with transaction(promo):
        promo.execute("UPDATE carrier_rules SET daily_capacity=2 WHERE carrier='ZTO'")
        promo.execute("UPDATE carrier_rules SET daily_capacity=10 WHERE carrier='YTO'")
    rows = {r["carrier"]: r for r in scorecard(promo, now=iso(T0 + 100 * H))}
    z, y = rows["ZTO"], rows["YTO"]
    assert (z["peak_day"], z["peak_handled"], z["peak_could_take"], z["peak_score"]) == (
        "2026-11-11",
        2,
        2,
        100.0,
    )
    assert (y["peak_handled"], y["peak_could_take"], y["peak_score"]) == (1, 1, 100.0)
    # a damage return counts against the carrier: YTO's one parcel comes back damaged
    wb = promo.execute("SELECT waybill FROM orders WHERE order_id='O3'").fetchone()[0]
    assert scan_return(promo, wb, ScanContext("return", "P1"), "logistics_damage", "damaged").ok
    y = {r["carrier"]: r for r in scorecard(promo, now=iso(T0 + 100 * H))}["YTO"]
    assert y["exception_kinds"] == {"damage_return": 1} and y["exceptions_score"] == 0.0
    exc = {p["part"]: p for p in score_parts(y)}["exceptions"]  # kinds by name, never a dict
    assert exc["data"].endswith(": damage return 1)") and exc["data_zh"].endswith("：破损退货 1）")


def test_review_csv_names_planned_stock_not_a_parcel_state() -> None:
    """In Chinese the stock metric 'planned' is 计划量; the parcel state of the same code (待包装)
    stays what parcel tables show."""
    from warehouse_app.promo.labels import localize

    rows = [
        {"section": "stock", "key": "A", "metric": "planned", "value": 10},
        {"section": "parcels", "key": "A", "metric": "state", "value": "planned"},
    ]
    out, _cols = localize(rows, ["section", "key", "metric", "value"], "zh")
    assert "计划量" in out[0].values() and "待包装" not in out[0].values()
    assert "待包装" in out[1].values()
