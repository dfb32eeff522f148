"""Capacity run-out (a full carrier's excess moves through the failover path) and capacity counting of
orders that arrive from upstream with a carrier already set. Numbers hand-checked in the comments.

Upstream orders count on the station's real calendar day (they arrive now), so these tests allocate and
check with the real clock too."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.test_promo_common import RULES, add_orders, new_station, order
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.cli import main
from warehouse_app.clock import utcnow
from warehouse_app.handoffs import open_handoff
from warehouse_app.promo.carriers import (
    allocate_orders,
    check_carriers,
    live_waybill_problems,
    open_print_requests,
    set_rules,
    today,
    usage,
)
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _rules(**caps: int) -> list[dict]:
    return [{**r, "daily_capacity": caps.get(r["carrier"], 0)} for r in RULES]


def _upstream_zto(conn) -> dict[str, str]:
    """Five east orders that come with ZTO and a ZTO waybill; U4, U5 (SKU B) get presale parcels and U5 is
    handed off. Returns order -> waybill."""
    wb = {f"U{i}": f"7300000000010{i}" for i in range(1, 6)}
    add_orders(
        conn,
        [
            order(f"U{i}", "A" if i <= 3 else "B", i, carrier="ZTO", waybill=wb[f"U{i}"])
            for i in range(1, 6)
        ],
    )
    with transaction(conn):
        b = create_batch(conn, sku_set="B*1", kind="presale")
        set_batch_status(conn, b["batch_id"], "active")
        h = open_handoff(conn, "ZTO")
    for oid in ("U4", "U5"):
        assert scan(conn, wb[oid], ScanContext("pack", "P1", b["batch_id"])).ok
    assert scan(conn, wb["U5"], ScanContext("verify", "P1")).ok
    assert scan(conn, wb["U5"], ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    return wb


def test_upstream_carriers_count_and_the_allocator_moves_the_excess(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_rules(conn, _rules(ZTO=3, YTO=5, YUNDA=5, SF=2))
    wb = _upstream_zto(conn)
    day = today()
    # gap 2: the five upstream ZTO orders use ZTO's capacity today, one summary event
    assert usage(conn, day) == {"ZTO": 5}
    ev = [
        json.loads(r[0])
        for r in conn.execute("SELECT payload FROM events WHERE type='carrier.usage_counted'")
    ]
    assert ev == [{"day": day, "source": "upstream", "counted": {"ZTO": 5}}]
    # re-sending the same orders (sync retry) counts nothing again
    add_orders(conn, [order(f"U{i}", "A", i, carrier="ZTO", waybill=wb[f"U{i}"]) for i in (1, 2)])
    assert usage(conn, day) == {"ZTO": 5}

    # the checker reports it and, without --auto-failover, changes nothing
    n_ev = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with transaction(conn):
        rows = {r["carrier"]: r for r in check_carriers(conn)}
    z = rows["ZTO"]
    assert (z["capacity_out"], z["used_today"], z["capacity"], z["over_capacity"], z["action"]) == (
        True,
        5,
        3,
        2,
        None,
    )
    assert rows["YTO"]["capacity_out"] is False and rows["YTO"]["over_capacity"] == 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n_ev

    # the allocator: ZTO is 2 over -> the 2 latest-paid open ZTO orders move (U5 is handed off: it stays):
    # U3 (east, ZTO full) -> dynamic, left YTO 5 / YUNDA 5 / SF 2 -> tie -> best rank YTO;
    # U4 -> dynamic, left YTO 4 / YUNDA 5 / SF 2 -> YUNDA. Then the new order N1 (广东, south) -> YTO by region.
    add_orders(conn, [order("N1", "C", 10, province="广东")])
    with transaction(conn):
        s = allocate_orders(conn)
    cm = s["capacity_moves"]
    assert len(cm) == 1 and cm[0]["carrier"] == "ZTO" and cm[0]["trigger"] == "capacity"
    assert (
        cm[0]["orders_moved"],
        cm[0]["moved_to"],
        cm[0]["reprints_queued"],
        cm[0]["left_over"],
    ) == (2, {"YTO": 1, "YUNDA": 1}, 1, 0)
    assert s["allocated"] == {"YTO": 1} and s["by_rule"] == {"region": 1}
    got = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT order_id, carrier, waybill FROM orders")
    }
    assert {o: got[o][0] for o in got} == {
        "U1": "ZTO",
        "U2": "ZTO",
        "U3": "YTO",
        "U4": "YUNDA",
        "U5": "ZTO",
        "N1": "YTO",
    }
    # numbers from the provider (the demo platform here), never minted by the station
    assert got["U3"][1].startswith("DEMOYT") and got["U4"][1].startswith("DEMO43")
    # capacity given back and taken: ZTO 5 - 2 = 3 (= capacity), YTO 1 + 1, YUNDA 1
    assert usage(conn, day) == {"ZTO": 3, "YTO": 2, "YUNDA": 1}
    # old waybills voided with the reason, the parcel's new waybill queued for printing, nothing left broken
    voided = {r[0]: r[1] for r in conn.execute("SELECT waybill, reason FROM voided_waybills")}
    assert voided == {wb["U3"]: "capacity_out:ZTO", wb["U4"]: "capacity_out:ZTO"}
    pr = open_print_requests(conn)
    assert [(p["order_id"], p["waybill"], p["carrier"], p["reason"]) for p in pr] == [
        ("U4", got["U4"][1], "YUNDA", "capacity_out")
    ]
    assert (
        conn.execute("SELECT waybill FROM parcels WHERE order_id='U4'").fetchone()[0]
        == got["U4"][1]
    )
    assert live_waybill_problems(conn) == []
    # every step an event, the reason recorded
    types = [
        r[0] for r in conn.execute("SELECT type FROM events WHERE seq > ? ORDER BY seq", (n_ev,))
    ]
    i = types.index("carrier.capacity_out")
    # (the new numbers come from the provider: each reassignment is followed by its issue, the old
    # numbers' recycling is sent to their issuer)
    j = types.index("carrier.failover_done")
    assert [t for t in types[i : j + 1] if t != "waybill.recycled"] == [
        "carrier.capacity_out",
        "waybill.voided",
        "order.carrier_reassigned",
        "waybill.issued",
        "waybill.voided",
        "order.carrier_reassigned",
        "waybill.print_requested",
        "waybill.issued",
        "carrier.failover_done",
    ]
    out = json.loads(
        conn.execute("SELECT payload FROM events WHERE type='carrier.capacity_out'").fetchone()[0]
    )
    assert out["reason"] == "daily capacity 3 used up (5 today, 2 over)" and out["excess"] == 2
    assert "运力" in out["reason_zh"]
    moved = [
        json.loads(r[0])
        for r in conn.execute(
            "SELECT payload FROM events WHERE type='order.carrier_reassigned' ORDER BY seq"
        )
    ]
    assert [(m["order_id"], m["from"], m["to"], m["reason"]) for m in moved] == [
        ("U3", "ZTO", "YTO", "capacity_out"),
        ("U4", "ZTO", "YUNDA", "capacity_out"),
    ]
    fo = conn.execute("SELECT carrier, trigger, orders_moved, moved_to FROM failovers").fetchall()
    assert [tuple(r) for r in fo] == [("ZTO", "capacity", 2, '{"YTO": 1, "YUNDA": 1}')]
    # full, not failing: for the rest of the day new east orders go elsewhere (YTO 3 / YUNDA 4 / SF 2 -> YUNDA)
    assert conn.execute("SELECT failing FROM carrier_rules WHERE carrier='ZTO'").fetchone()[0] == 0
    add_orders(conn, [order("N2", "C", 11)])
    with transaction(conn):
        s2 = allocate_orders(conn)
    assert "capacity_moves" not in s2 and s2["allocated"] == {"YUNDA": 1}
    # tomorrow ZTO's capacity is fresh
    add_orders(conn, [order("N3", "C", 12)])
    with transaction(conn):
        s3 = allocate_orders(conn, now=utcnow() + timedelta(days=1))
    assert s3["allocated"] == {"ZTO": 1} and s3["by_rule"] == {"region": 1}


def test_lowered_capacity_checker_moves_what_fits_and_reports_the_rest(tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order(f"E{i}", "A", i) for i in range(1, 5)])  # four east orders
    with transaction(conn):
        set_rules(
            conn,
            [
                {"carrier": "ZTO", "role": "main", "share": 0.8, "regions": ["east"], "rank": 1},
                {"carrier": "SF", "role": "dynamic", "daily_capacity": 1, "rank": 2},
            ],
        )
        allocate_orders(conn)  # ZTO has no limit yet: all four
        # the lead learns ZTO can only take 2 today
        set_rules(
            conn,
            [
                {
                    "carrier": "ZTO",
                    "role": "main",
                    "share": 0.8,
                    "regions": ["east"],
                    "rank": 1,
                    "daily_capacity": 2,
                },
                {"carrier": "SF", "role": "dynamic", "daily_capacity": 1, "rank": 2},
            ],
        )
    before = {r[0]: r[1] for r in conn.execute("SELECT order_id, waybill FROM orders")}
    # 4 used, capacity 2 -> 2 over: E3, E4 (the latest paid) are beyond it; SF has room for 1, and the
    # earlier paid of the two gets it (earliest paid first): E3 moves, E4 stays
    with transaction(conn):
        rows = {r["carrier"]: r for r in check_carriers(conn, auto_failover=True, operator="L1")}
    assert rows["ZTO"]["action"] == "capacity out: moved 1 orders, 1 could not move"
    assert rows["ZTO"]["over_capacity"] == 1
    got = {r[0]: r[1] for r in conn.execute("SELECT order_id, carrier FROM orders")}
    assert got == {"E1": "ZTO", "E2": "ZTO", "E3": "SF", "E4": "ZTO"}
    assert usage(conn, today()) == {"ZTO": 3, "SF": 1}
    assert {r[0] for r in conn.execute("SELECT waybill FROM voided_waybills")} == {before["E3"]}
    assert live_waybill_problems(conn) == []
    # checking again: still 1 over but nobody has room -> reported, nothing written
    n_ev = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with transaction(conn):
        rows = {r["carrier"]: r for r in check_carriers(conn, auto_failover=True)}
    assert rows["ZTO"]["action"] == "capacity out: moved 0 orders, 1 could not move"
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n_ev
    assert conn.execute("SELECT count(*) FROM failovers").fetchone()[0] == 1


def test_carrier_check_cli_reports_capacity_out(tmp_path, capsys):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_rules(conn, _rules(ZTO=2))
    add_orders(
        conn,
        [order(f"U{i}", "A", i, carrier="ZTO", waybill=f"7300000000020{i}") for i in range(1, 4)],
    )
    assert main(["--data-dir", str(tmp_path), "carrier", "check", "--format", "json"]) == 0
    out = capsys.readouterr()
    rows = {r["carrier"]: r for r in json.loads(out.out)}
    assert (
        rows["ZTO"]["capacity_out"],
        rows["ZTO"]["used_today"],
        rows["ZTO"]["over_capacity"],
    ) == (True, 3, 1)
    assert (
        "运力用尽 / CAPACITY OUT ZTO: 3 of 2 used today, 1 over (--auto-failover moves them)"
        in out.err
    )
    assert conn.execute("SELECT carrier FROM orders WHERE order_id='U3'").fetchone()[0] == "ZTO"
    # with --auto-failover the latest-paid one moves: east, ZTO full -> dynamic, all unlimited: best rank YTO
    assert (
        main(
            ["--data-dir", str(tmp_path), "carrier", "check", "--auto-failover", "--format", "json"]
        )
        == 0
    )
    out = capsys.readouterr()
    rows = {r["carrier"]: r for r in json.loads(out.out)}
    assert (
        rows["ZTO"]["action"] == "capacity out: moved 1 orders"
        and rows["ZTO"]["over_capacity"] == 0
    )
    assert rows["ZTO"]["used_today"] == 2
    assert "CAPACITY OUT ZTO: 2 of 2 used today; capacity out: moved 1 orders" in out.err
    assert conn.execute("SELECT carrier FROM orders WHERE order_id='U3'").fetchone()[0] == "YTO"
    assert main(["--data-dir", str(tmp_path), "carrier", "check", "--format", "table"]) == 0
    assert "capacity_out" in capsys.readouterr().out


def test_allocation_gives_bound_pre_packs_the_same_new_waybill(tmp_path):
    from warehouse_app.batches import bind_parcel

    conn = new_station(tmp_path)
    # three carrier-less orders (east, south, east); two anonymous pre-packs bound to the earliest two
    add_orders(
        conn, [order("A1", "A", 1), order("A2", "A", 2, province="广东"), order("A3", "A", 3)]
    )
    with transaction(conn):
        set_rules(conn, _rules())
        b = create_batch(conn, sku_set="A*1", kind="anonymous", qty=2)
        set_batch_status(conn, b["batch_id"], "active")
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b["batch_id"],))
        for pid in [r[0] for r in conn.execute("SELECT parcel_id FROM parcels ORDER BY parcel_id")]:
            bind_parcel(conn, pid)
        s = allocate_orders(conn)
    assert s["allocated"] == {"ZTO": 2, "YTO": 1} and s["by_rule"] == {"region": 3}
    rows = conn.execute(
        "SELECT o.order_id, o.carrier, o.waybill, p.carrier, p.waybill FROM orders o "
        "LEFT JOIN parcels p ON p.order_id=o.order_id ORDER BY o.order_id"
    ).fetchall()
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("A1", "ZTO", "ZTO"),
        ("A2", "YTO", "YTO"),
        ("A3", "ZTO", None),
    ]
    assert rows[0][2] == rows[0][4] and rows[1][2] == rows[1][4] and len({r[2] for r in rows}) == 3
    # minted in table order: one sequence across carriers, each with its prefix
    assert [r[2] for r in rows] == [
        "DEMO73100000000001",
        "DEMOYT100000000001",
        "DEMO73100000000002",
    ]
    assert live_waybill_problems(conn) == []
