"""Carrier split (hand-checked), failover leaving exactly one live waybill per order, and the
warehouse-failover export read back by the order importer with nothing lost or doubled."""

from __future__ import annotations

import json

import pytest

from tests.test_promo_common import RULES, T0, add_orders, new_station, order
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.errors import StationError
from warehouse_app.handoffs import open_handoff
from warehouse_app.importer import read_orders
from warehouse_app.orders import apply_orders
from warehouse_app.promo.carriers import (
    Allocator,
    allocate_orders,
    check_carriers,
    export_open_orders,
    fail_carrier,
    live_waybill_problems,
    load_rules,
    open_print_requests,
    restore_carrier,
    set_rules,
    split_report,
)
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _rules(**caps):
    out = []
    for r in RULES:
        out.append({**r, "daily_capacity": caps.get(r["carrier"], 0)})
    return out


def test_split_hand_checked(tmp_path):
    conn = new_station(tmp_path)
    provs = [
        "上海",
        "江苏省",
        "浙江",
        "山东",
        "福建",
        "北京市",
        "广东",
        "广西",
        "湖北",
        "辽宁",
        "上海",
    ]
    add_orders(conn, [order(f"O{i:02d}", "A", i, province=p) for i, p in enumerate(provs)])
    with transaction(conn):
        set_rules(conn, _rules(ZTO=6, YTO=5, YUNDA=5, SF=3))
        s = allocate_orders(conn, now=T0)
    got = {r[0]: r[1] for r in conn.execute("SELECT order_id, carrier FROM orders")}
    # shares 60/20/20 (SF takes only a remainder, here none). A carrier that prefers the order's region
    # takes it while it is at most one order above its target; otherwise the carrier furthest below
    # target takes it. O00-O03 east -> ZTO (4 of 4.0 target at O03); O04 east: ZTO would be 5 > 3+1,
    # YTO/YUNDA both 1.0 below -> YTO (rank); O05 north -> ZTO; O06, O07 south -> YTO; O08 central ->
    # YUNDA; O09 Liaoning (nobody prefers it): ZTO and YUNDA 1.0 below -> ZTO (now 6 = its capacity);
    # O10 east: ZTO full -> YUNDA (1.2 below target)
    assert [got[f"O{i:02d}"] for i in range(11)] == [
        "ZTO",
        "ZTO",
        "ZTO",
        "ZTO",
        "YTO",
        "ZTO",
        "YTO",
        "YTO",
        "YUNDA",
        "ZTO",
        "YUNDA",
    ]
    assert s["allocated"] == {"ZTO": 6, "YTO": 3, "YUNDA": 2} and s["by_rule"] == {
        "region": 8,
        "share": 3,
    }
    dev = {r["carrier"]: r for r in s["deviation"]}
    assert dev["ZTO"]["deviation_pp"] == -5.45 and not dev["ZTO"]["within_target"]
    assert dev["ZTO"]["why"] == "capacity used up today (6 of 6)"
    assert dev["YTO"]["why"] == "took orders ZTO could not take" and dev["YUNDA"]["within_target"]
    rep = {r["carrier"]: r for r in split_report(conn, now=T0)}
    assert rep["ZTO"]["target_share"] == 0.6 and rep["ZTO"]["realised_share"] == round(6 / 11, 4)
    assert rep["ZTO"]["left_today"] == 0 and rep["SF"]["orders"] == 0
    # each allocated order got its own waybill from the provider (the demo platform: DEMO + prefix)
    wbs = [r[0] for r in conn.execute("SELECT waybill FROM orders WHERE carrier='ZTO'")]
    assert len(set(wbs)) == 6 and all(w.startswith("DEMO73") for w in wbs)
    # allocating again does nothing; a day later capacity is fresh
    with transaction(conn):
        assert allocate_orders(conn, now=T0)["orders"] == 0


def test_allocator_is_pure_and_upstream_carriers_kept(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        rules = set_rules(conn, _rules())
    a = Allocator(rules)
    assert a.pick("south") == ("YTO", "region") and a.pick(None) == ("ZTO", "share")
    add_orders(conn, [order("U1", "A", 1, province="广东", carrier="SF", waybill="SF000001")])
    with transaction(conn):
        s = allocate_orders(conn, now=T0)
    assert s["orders"] == 0  # it came with its carrier and waybill: kept
    assert conn.execute("SELECT carrier, waybill FROM orders").fetchone()[:] == ("SF", "SF000001")


def test_bad_rules_refused(tmp_path):
    conn = new_station(tmp_path)
    for bad, text in [
        ([{"carrier": "NOPE", "role": "main"}], "unknown carrier"),
        ([{"carrier": "ZTO", "role": "boss"}], "role must be"),
        ([{"carrier": "ZTO", "role": "main", "regions": ["mars"]}], "unknown region"),
        ([{"carrier": "ZTO", "share": 0.7}, {"carrier": "YTO", "share": 0.6}], "more than 100%"),
    ]:
        with pytest.raises(StationError, match=text):
            with transaction(conn):
                set_rules(conn, bad)
    assert load_rules(conn) == []
    with pytest.raises(StationError, match="No carrier rules"):
        with transaction(conn):
            allocate_orders(conn)


def _staged(conn):
    """Four YUNDA orders: handed off, verified, packed, no parcel; one ZTO order (carriers and waybills
    given from upstream, so the failover is tested apart from the allocator's split)."""
    add_orders(
        conn,
        [
            order("Y1", "A", 1, province="湖北", carrier="YUNDA", waybill="4300000001"),
            order("Y2", "A", 2, province="湖南", carrier="YUNDA", waybill="4300000002"),
            order("Y3", "A", 3, province="四川", carrier="YUNDA", waybill="4300000003"),
            order("Y4", "B", 4, province="重庆", carrier="YUNDA", waybill="4300000004"),
            order("Z1", "A", 5, province="上海", carrier="ZTO", waybill="7300000001"),
        ],
    )
    with transaction(conn):
        set_rules(conn, _rules())
        allocate_orders(conn, now=T0)
        b = create_batch(conn, sku_set="A*1", kind="presale")
        set_batch_status(conn, b["batch_id"], "active")
        h = open_handoff(conn, "YUNDA")
    wb = {r[0]: r[1] for r in conn.execute("SELECT order_id, waybill FROM orders")}
    for oid in ("Y1", "Y2", "Y3", "Z1"):
        assert scan(conn, wb[oid], ScanContext("pack", "P1", b["batch_id"])).ok
    for oid in ("Y1", "Y2"):
        assert scan(conn, wb[oid], ScanContext("verify", "P1")).ok
    assert scan(conn, wb["Y1"], ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    return wb, h


def test_failover_moves_open_orders_with_exactly_one_live_waybill(tmp_path):
    conn = new_station(tmp_path)
    wb, h = _staged(conn)
    ev0 = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    with transaction(conn):
        res = fail_carrier(conn, "YUNDA", reason="sorting centre down", operator="L1", now=T0)
    # Y1 was already handed off: it stays. Y2, Y3 (parcels) and Y4 (no parcel) move, spread over the
    # others by share: YUNDA's 20% goes to ZTO and YTO in proportion (75/25); nobody prefers
    # central/southwest, so each goes to the carrier furthest below target: ZTO, ZTO, YTO.
    assert (
        res["orders_moved"] == 3
        and res["moved_to"] == {"ZTO": 2, "YTO": 1}
        and res["reprints_queued"] == 2
        and res["stuck"] == 0
        and res["orders_open"] == 3
    )
    rows = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT order_id, carrier, waybill FROM orders")
    }
    assert rows["Y1"] == ("YUNDA", wb["Y1"])
    assert [rows[o][0] for o in ("Y2", "Y3", "Y4")] == ["ZTO", "ZTO", "YTO"]
    for oid in ("Y2", "Y3", "Y4"):
        assert rows[oid][1] != wb[oid]
    assert live_waybill_problems(conn) == []
    voided = {r[0] for r in conn.execute("SELECT waybill FROM voided_waybills")}
    assert voided == {wb["Y2"], wb["Y3"], wb["Y4"]}
    # parcels carry the new waybill; reprints queued for the two parcels
    assert (
        conn.execute("SELECT waybill FROM parcels WHERE order_id='Y2'").fetchone()[0]
        == rows["Y2"][1]
    )
    assert {p["order_id"] for p in open_print_requests(conn)} == {"Y2", "Y3"}
    types = [
        r[0] for r in conn.execute("SELECT type FROM events WHERE seq > ? ORDER BY seq", (ev0,))
    ]
    assert types[0] == "carrier.failed" and types[-1] == "carrier.failover_done"
    assert types.count("waybill.voided") == 3 and types.count("order.carrier_reassigned") == 3
    assert types.count("waybill.print_requested") == 2
    # the old waybill at a handoff: rejected with a clear reason
    with transaction(conn):
        hz = open_handoff(conn, "ZTO")
    v = scan(conn, wb["Y2"], ScanContext("handoff", "P1", handoff_id=hz["handoff_id"]))
    assert not v.ok and v.reason == "voided" and v.extra["void_reason"] == "carrier_failover:YUNDA"
    assert v.message_en == "Waybill voided"
    # the new waybill goes through to the new carrier
    assert scan(conn, rows["Y2"][1], ScanContext("handoff", "P1", handoff_id=hz["handoff_id"])).ok
    # new orders avoid the failing carrier until it is restored
    add_orders(conn, [order("Y5", "A", 9, province="湖北")])
    with transaction(conn):
        allocate_orders(conn, now=T0)
    assert conn.execute("SELECT carrier FROM orders WHERE order_id='Y5'").fetchone()[0] == "ZTO"
    with transaction(conn):
        restore_carrier(conn, "YUNDA")
    add_orders(conn, [order("Y6", "A", 10, province="湖北")])
    with transaction(conn):
        allocate_orders(conn, now=T0)
    assert conn.execute("SELECT carrier FROM orders WHERE order_id='Y6'").fetchone()[0] == "YUNDA"
    assert live_waybill_problems(conn) == []


def test_failover_unknown_carrier_and_no_capacity_change_nothing(tmp_path):
    conn = new_station(tmp_path)
    with pytest.raises(StationError, match="no rule"):
        with transaction(conn):
            fail_carrier(conn, "EMS")
    add_orders(conn, [order("Y1", "A", 1, province="湖北")])
    with transaction(conn):
        set_rules(
            conn, [{"carrier": "YUNDA", "role": "main", "share": 1.0, "regions": ["central"]}]
        )
        allocate_orders(conn, now=T0)
    before = conn.execute("SELECT carrier, waybill FROM orders").fetchone()[:]
    # nobody else to take it: the carrier is failing, its order is stuck with it and reported as such
    with transaction(conn):
        res = fail_carrier(conn, "YUNDA")
    assert (res["orders_open"], res["orders_moved"], res["stuck"]) == (1, 0, 1)
    assert res["stuck_orders"] == ["Y1"]
    assert conn.execute("SELECT carrier, waybill FROM orders").fetchone()[:] == before
    assert conn.execute("SELECT failing FROM carrier_rules").fetchone()[0] == 1


def test_stalled_carrier_detected_and_failed_over(tmp_path):
    from datetime import timedelta

    conn = new_station(tmp_path)
    wb, _ = _staged(conn)
    # Y2 is verified and waiting; three hours later nothing has been handed off to YUNDA since Y1
    later = T0 + timedelta(days=1)
    conn.execute(
        "UPDATE parcels SET verified_at=?, handed_off_at=CASE WHEN handed_off_at IS NULL THEN NULL ELSE ? END "
        "WHERE carrier='YUNDA'",
        ("2026-11-11T12:00:00.000Z", "2026-11-11T12:00:00.000Z"),
    )
    rows = {r["carrier"]: r for r in check_carriers(conn, now=later)}
    assert (
        rows["YUNDA"]["stalled"]
        and rows["YUNDA"]["waiting_parcels"] == 1
        and rows["YUNDA"]["action"] is None
    )
    with transaction(conn):
        rows = {r["carrier"]: r for r in check_carriers(conn, now=later, auto_failover=True)}
    assert rows["YUNDA"]["action"] == "failed over: 3 of 3 orders moved"
    assert (rows["YUNDA"]["moved"], rows["YUNDA"]["stuck"]) == (3, 0)
    assert conn.execute("SELECT trigger FROM failovers").fetchone()[0] == "stall"
    assert live_waybill_problems(conn) == []


def test_warehouse_export_round_trip_nothing_lost_or_doubled(tmp_path):
    a = new_station(tmp_path / "a")
    wb, _ = _staged(a)
    add_orders(
        a,
        [
            order("X1", "A*2+B*1", 20, province="广东", delayed_ok=True),
            order("C1", "A", 21, status="cancelled"),
        ],
    )
    with transaction(a):
        res = export_open_orders(a, tmp_path / "open.jsonl", operator="L1")
    # open = paid and not handed off: Y2, Y3, Y4, Z1, X1 (not Y1 handed off, not C1 cancelled)
    assert res["orders"] == 5
    b = new_station(tmp_path / "b")
    rows, errors = read_orders(tmp_path / "open.jsonl", known_skus={"A", "B", "C", "D"})
    assert errors == [] and sorted(r["order_id"] for r in rows) == ["X1", "Y2", "Y3", "Y4", "Z1"]
    for _ in range(2):  # importing twice doubles nothing
        with transaction(b):
            apply_orders(b, rows)
    assert b.execute("SELECT count(*) FROM orders").fetchone()[0] == 5
    x1 = b.execute(
        "SELECT sku_set, province, delayed_ok, waybill FROM orders WHERE order_id='X1'"
    ).fetchone()
    assert x1[:] == (
        "A*2+B*1",
        "广东",
        1,
        a.execute("SELECT waybill FROM orders WHERE order_id='X1'").fetchone()[0],
    )
    assert (
        a.execute("SELECT count(*) FROM events WHERE type='warehouse.orders_exported'").fetchone()[
            0
        ]
        == 1
    )
    with pytest.raises(StationError, match=".jsonl"):
        with transaction(a):
            export_open_orders(a, tmp_path / "open.csv")


def test_waybill_clash_is_a_clear_error_and_changes_nothing(tmp_path):
    """A number the provider issues that is already on another order here (a misconfigured provider)
    is refused clearly and nothing changes."""
    conn = new_station(tmp_path)
    add_orders(
        conn,
        [order("U1", "A", 1, carrier="ZTO", waybill="DEMO73100000000001"), order("N1", "A", 2)],
    )
    with transaction(conn):
        set_rules(conn, _rules())
    with pytest.raises(StationError, match="already in use"):
        with transaction(conn):
            allocate_orders(conn, now=T0)
    assert conn.execute("SELECT carrier FROM orders WHERE order_id='N1'").fetchone()[0] is None


def test_warehouse_failover_round_trip_each_order_ships_once(tmp_path):
    """A exports its open orders to B (marked transferred at A), B ships some and sends the rest back,
    A ships those: every order is handed off exactly once across the two warehouses."""
    from warehouse_app.promo.carriers import import_returned_orders
    from warehouse_app.promo.stock import bind_allowed

    a = new_station(tmp_path / "a")
    wb, _h = _staged(a)  # Y1 handed off at A; Y2, Y3 verified/packed at A; Y4, Z1 no parcel
    with transaction(a):
        res = export_open_orders(a, tmp_path / "a_to_b.jsonl", operator="L1", to_warehouse="WH2")
    assert res["orders"] == 4
    # at A: a scan of a transferred parcel is refused with a clear verdict, in every mode
    with transaction(a):
        hy = open_handoff(a, "YUNDA")
    v = scan(a, wb["Y2"], ScanContext("handoff", "P1", handoff_id=hy["handoff_id"]))
    assert not v.ok and v.reason == "transferred" and "WH2" in v.message_en
    assert not scan(a, wb["Y3"], ScanContext("verify", "P1")).ok
    # no batch or bind at A takes a transferred order; a second export sends nothing twice
    z1 = a.execute("SELECT order_id FROM orders WHERE order_id='Z1'").fetchone()
    assert bind_allowed(a, None, z1) is False
    with transaction(a):
        assert export_open_orders(a, tmp_path / "again.jsonl", to_warehouse="WH2")["orders"] == 0
    assert (
        a.execute(
            "SELECT count(*) FROM events WHERE type='warehouse.orders_transferred'"
        ).fetchone()[0]
        == 2
    )
    # B imports, packs and hands off Y2 and Z1, then sends back what it did not ship
    b = new_station(tmp_path / "b")
    from warehouse_app.importer import import_orders_file

    assert import_orders_file(b, tmp_path / "a_to_b.jsonl")["inserted"] == 4
    with transaction(b):
        bb = create_batch(b, sku_set="A*1", kind="presale")
        set_batch_status(b, bb["batch_id"], "active")
        hz, hyb = open_handoff(b, "ZTO"), open_handoff(b, "YUNDA")
    wbb = {r[0]: r[1] for r in b.execute("SELECT order_id, waybill FROM orders")}
    assert wbb["Y2"] == wb["Y2"]  # the same waybill travels with the order
    for oid, h in (("Y2", hyb), ("Z1", hz)):
        assert scan(b, wbb[oid], ScanContext("pack", "P1", bb["batch_id"])).ok
        assert scan(b, wbb[oid], ScanContext("verify", "P1")).ok
        assert scan(b, wbb[oid], ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    with transaction(b):
        back = export_open_orders(b, tmp_path / "b_to_a.jsonl", to_warehouse="WH1")
    assert back["orders"] == 2  # Y3, Y4
    # A takes them back: Y3's parcel is scannable again and ships from A
    res = import_returned_orders(a, tmp_path / "b_to_a.jsonl")
    assert res["returned"] == 2
    assert scan(a, wb["Y3"], ScanContext("verify", "P1")).ok
    assert scan(a, wb["Y3"], ScanContext("handoff", "P1", handoff_id=hy["handoff_id"])).ok
    # Y2 is still B's: refused at A
    assert scan(a, wb["Y2"], ScanContext("handoff", "P1", handoff_id=hy["handoff_id"])).reason == (
        "transferred"
    )
    shipped: dict[str, int] = {}
    for conn in (a, b):
        for (oid,) in conn.execute("SELECT order_id FROM parcels WHERE handed_off_at IS NOT NULL"):
            shipped[oid] = shipped.get(oid, 0) + 1
    assert shipped == {"Y1": 1, "Y2": 1, "Z1": 1, "Y3": 1}
