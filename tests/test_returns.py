"""Returns mode: verdicts, stock update on restock, reasons report; bad input refused, nothing changed."""

from __future__ import annotations

import json

import pytest

from tests.test_promo_common import RULES, T0, add_orders, new_station, order
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.errors import StationError
from warehouse_app.handoffs import open_handoff
from warehouse_app.promo.carriers import allocate_orders, set_rules
from warehouse_app.promo.stock import set_stock
from warehouse_app.returns import return_report, scan_return
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _loose(conn, sku):
    from warehouse_app.promo.stock import stock_position

    return {p["sku"]: p for p in stock_position(conn)}[sku]["loose"]


@pytest.fixture
def shipped(tmp_path):
    conn = new_station(tmp_path)
    add_orders(
        conn,
        [
            order("O1", "A*2+B", 1, session_id="S1"),
            order("O2", "A", 2, session_id="S2"),
            order("O3", "A", 3, session_id="S2"),
        ],
    )
    with transaction(conn):
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
        set_stock(conn, "A", 10)
        h = open_handoff(conn, "ZTO")
        batches = [create_batch(conn, sku_set=s, kind="presale") for s in ("A*2+B*1", "A*1")]
        for b in batches:
            set_batch_status(conn, b["batch_id"], "active")
    wb = {r[0]: r[1] for r in conn.execute("SELECT order_id, waybill FROM orders")}
    bid = {r[0]: r[1] for r in conn.execute("SELECT order_id, batch_id FROM parcels")}
    for oid in ("O1", "O2", "O3"):
        assert scan(conn, wb[oid], ScanContext("pack", "P1", bid[oid])).ok
    for oid in ("O1", "O2"):
        assert scan(conn, wb[oid], ScanContext("verify", "P1")).ok
        assert scan(conn, wb[oid], ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    return conn, wb


def test_return_restock_and_verdicts(shipped):
    conn, wb = shipped
    ctx = ScanContext("return", "P1")
    v = scan_return(conn, wb["O1"], ctx, "logistics_damage", "restock")
    assert v.ok and v.state == "returned" and v.message_en == "Return recorded: Damaged in transit"
    assert v.extra["items"] == {"A": 2, "B": 1}
    # restocked: A*2 back on the shelf (10 counted, 4 packed since -> 6, + 2); B was never
    # counted: its stock stays unknown, not 0 + 1
    assert _loose(conn, "A") == 8
    assert _loose(conn, "B") is None
    assert (
        conn.execute("SELECT count(*) FROM events WHERE type='parcel.returned'").fetchone()[0] == 1
    )
    again = scan_return(conn, wb["O1"], ctx, "quality", "restock")
    assert not again.ok and again.reason == "duplicate"
    # by order number, damaged: no restock
    v2 = scan_return(conn, "O2", ctx, "changed_mind", "damaged")
    assert v2.ok and _loose(conn, "A") == 8
    nope = scan_return(conn, wb["O3"], ctx, "quality", "restock")
    assert not nope.ok and nope.reason == "not_shipped" and "never shipped" in nope.message_en
    assert scan_return(conn, "???", ctx, "quality", "restock").reason == "unknown_code"
    assert (
        scan_return(conn, wb["O3"], ScanContext("return", None), "quality", "restock").reason
        == "not_logged_in"
    )
    per_sku = {r["sku"]: r for r in return_report(conn, "sku")}
    # shipped units: A 2 (O1) + 1 (O2) = 3, all returned; B 1 of 1
    assert (per_sku["A"]["shipped"], per_sku["A"]["returned"], per_sku["A"]["return_rate"]) == (
        3,
        3,
        1.0,
    )
    assert per_sku["A"]["reason_logistics_damage"] == 2 and per_sku["A"]["reason_changed_mind"] == 1
    per_session = {r["session"]: r for r in return_report(conn, "session")}
    assert (per_session["S1"]["shipped"], per_session["S1"]["returned"]) == (1, 1)
    assert (
        per_session["S2"]["shipped"],
        per_session["S2"]["returned"],
        per_session["S2"]["return_rate"],
    ) == (1, 1, 1.0)


def test_bad_reason_or_disposition_changes_nothing(shipped):
    conn, wb = shipped
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(StationError, match="Unknown return reason 'broken'"):
        scan_return(conn, wb["O1"], ScanContext("return", "P1"), "broken", "restock")
    with pytest.raises(StationError) as ei:
        scan_return(conn, wb["O1"], ScanContext("return", "P1"), "quality", "bin")
    assert "处理方式" in ei.value.zh
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert (
        conn.execute("SELECT state FROM parcels WHERE order_id='O1'").fetchone()[0] == "handed_off"
    )


def test_station_return_mode_uses_the_chosen_reason(shipped):
    """The station window calls scan_return(conn, code, ctx): the panel's choice applies."""
    from warehouse_app.returns import set_return_defaults

    conn, wb = shipped
    v = scan_return(conn, wb["O1"], ScanContext("return", "P1"))
    assert not v.ok and v.reason == "no_reason" and "reason" in v.message_en
    assert (
        conn.execute("SELECT state FROM parcels WHERE order_id='O1'").fetchone()[0] == "handed_off"
    )
    with transaction(conn):
        set_return_defaults(conn, "wrong_item", "to_vendor")
    v = scan_return(conn, wb["O1"], ScanContext("return", "P1"))
    assert v.ok and v.extra["reason"] == "wrong_item" and v.extra["disposition"] == "to_vendor"
    with pytest.raises(StationError):
        with transaction(conn):
            set_return_defaults(conn, "meh", "restock")


def _trace(conn):
    """Everything a return scan may change."""
    return (
        conn.execute("SELECT count(*) FROM events").fetchone()[0],
        conn.execute("SELECT count(*) FROM scan_log").fetchone()[0],
        conn.execute("SELECT count(*) FROM returns").fetchone()[0],
        conn.execute(
            "SELECT group_concat(state) FROM (SELECT state FROM parcels ORDER BY parcel_id)"
        ).fetchone()[0],
        conn.execute("SELECT group_concat(sku || on_hand) FROM stock_levels").fetchone()[0],
    )


def test_explicit_reason_and_disposition_win_over_the_station_choice(shipped):
    from warehouse_app.returns import set_return_defaults

    conn, wb = shipped
    with transaction(conn):
        set_return_defaults(conn, "wrong_item", "to_vendor")
    # both explicit: both win; restock puts A*2 + B back
    v = scan_return(conn, wb["O1"], ScanContext("return", "P1"), "quality", "restock")
    assert v.ok and (v.extra["reason"], v.extra["disposition"]) == ("quality", "restock")
    assert _loose(conn, "A") == 8
    # only the reason explicit: it wins, the disposition comes from the station's choice
    v = scan_return(conn, wb["O2"], ScanContext("return", "P1"), reason="changed_mind")
    assert v.ok and (v.extra["reason"], v.extra["disposition"]) == ("changed_mind", "to_vendor")
    assert _loose(conn, "A") == 8  # not restocked
    stored = {
        r[0]: (r[1], r[2])
        for r in conn.execute("SELECT order_id, reason, disposition FROM returns")
    }
    assert stored == {"O1": ("quality", "restock"), "O2": ("changed_mind", "to_vendor")}


def test_labels_and_case_accepted_unknown_refused_zh_en_nothing_changed(shipped):
    from warehouse_app.returns import set_return_defaults

    conn, wb = shipped
    with transaction(conn):
        set_return_defaults(conn, "quality", "restock")
    before = _trace(conn)
    ctx = ScanContext("return", "P1")
    # "" is a wrong choice, not "no choice": the station's default must not silently replace it
    for reason, disposition, what in [
        ("", None, "reason"),
        ("broken", "restock", "reason"),
        (None, "bin", "disposition"),
        ("quality", " ", "disposition"),
        ("broken", "bin", "reason"),
    ]:
        with pytest.raises(StationError) as ei:
            scan_return(conn, wb["O1"], ctx, reason, disposition)
        assert f"Unknown return {what}" in str(ei.value) and "choose one of" in str(ei.value)
        assert (
            "原因" if what == "reason" else "处理方式"
        ) in ei.value.zh and "请选择" in ei.value.zh
    assert "quality（质量问题）" in ei.value.zh
    assert _trace(conn) == before
    # a stored choice that is not known any more (settings synced from a newer hub) is refused too
    from warehouse_app.station import set_setting

    with transaction(conn):
        set_setting(conn, "returns.reason", "lost")
    before = _trace(conn)
    with pytest.raises(StationError, match="Unknown return reason 'lost'"):
        scan_return(conn, wb["O1"], ctx)
    assert _trace(conn) == before
    # key in any case, or its zh / en label
    v = scan_return(conn, wb["O1"], ctx, "Logistics-Damage", "入库重售")
    assert v.ok and (v.extra["reason"], v.extra["disposition"]) == ("logistics_damage", "restock")
    v = scan_return(conn, wb["O2"], ctx, "质量问题", "Back to vendor")
    assert v.ok and (v.extra["reason"], v.extra["disposition"]) == ("quality", "to_vendor")


def test_cli_returns_scan_takes_reason_and_disposition(shipped, tmp_path, capsys):
    from warehouse_app.cli import main

    conn, wb = shipped
    d = str(tmp_path)
    before = _trace(conn)
    # unknown value: whole command refused before the first code, both languages, exit 1
    assert (
        main(
            [
                "--data-dir",
                d,
                "returns",
                "scan",
                wb["O1"],
                wb["O2"],
                "--reason",
                "broken",
                "--disposition",
                "restock",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "未知的退货原因 'broken'" in err and "Unknown return reason 'broken'" in err
    assert _trace(conn) == before
    # no reason given and none chosen at the station: each code rejected no_reason, exit 3
    assert main(["--data-dir", d, "returns", "scan", wb["O1"]]) == 3
    assert json.loads(capsys.readouterr().out)["reason"] == "no_reason"
    # given: recorded as given (label forms too)
    assert (
        main(
            [
                "--data-dir",
                d,
                "returns",
                "scan",
                wb["O1"],
                "O2",
                "--reason",
                "wrong_item",
                "--disposition",
                "破损报废",
            ]
        )
        == 0
    )
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(v["status"], v["extra"]["reason"], v["extra"]["disposition"]) for v in out] == [
        ("ok", "wrong_item", "damaged")
    ] * 2
    assert (
        conn.execute(
            "SELECT count(*) FROM returns WHERE reason='wrong_item' AND disposition='damaged'"
        ).fetchone()[0]
        == 2
    )
