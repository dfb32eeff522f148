"""Returns mode: verdicts, stock update on restock, reasons report; bad input refused, nothing changed."""
from __future__ import annotations

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


@pytest.fixture
def shipped(tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order("O1", "A*2+B", 1, session_id="S1"), order("O2", "A", 2, session_id="S2"),
                      order("O3", "A", 3, session_id="S2")])
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
    assert conn.execute("SELECT on_hand FROM stock_levels WHERE sku='A'").fetchone()[0] == 12
    assert conn.execute("SELECT on_hand FROM stock_levels WHERE sku='B'").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM events WHERE type='parcel.returned'").fetchone()[0] == 1
    again = scan_return(conn, wb["O1"], ctx, "quality", "restock")
    assert not again.ok and again.reason == "duplicate"
    # by order number, damaged: no restock
    v2 = scan_return(conn, "O2", ctx, "changed_mind", "damaged")
    assert v2.ok and conn.execute("SELECT on_hand FROM stock_levels WHERE sku='A'").fetchone()[0] == 12
    nope = scan_return(conn, wb["O3"], ctx, "quality", "restock")
    assert not nope.ok and nope.reason == "not_shipped" and "never shipped" in nope.message_en
    assert scan_return(conn, "???", ctx, "quality", "restock").reason == "unknown_code"
    assert scan_return(conn, wb["O3"], ScanContext("return", None), "quality", "restock").reason == "not_logged_in"
    per_sku = {r["sku"]: r for r in return_report(conn, "sku")}
    # shipped units: A 2 (O1) + 1 (O2) = 3, all returned; B 1 of 1
    assert (per_sku["A"]["shipped"], per_sku["A"]["returned"], per_sku["A"]["return_rate"]) == (3, 3, 1.0)
    assert per_sku["A"]["reason_logistics_damage"] == 2 and per_sku["A"]["reason_changed_mind"] == 1
    per_session = {r["session"]: r for r in return_report(conn, "session")}
    assert (per_session["S1"]["shipped"], per_session["S1"]["returned"]) == (1, 1)
    assert (per_session["S2"]["shipped"], per_session["S2"]["returned"], per_session["S2"]["return_rate"]) == (1, 1, 1.0)


def test_bad_reason_or_disposition_changes_nothing(shipped):
    conn, wb = shipped
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(StationError, match="Unknown return reason 'broken'"):
        scan_return(conn, wb["O1"], ScanContext("return", "P1"), "broken", "restock")
    with pytest.raises(StationError) as ei:
        scan_return(conn, wb["O1"], ScanContext("return", "P1"), "quality", "bin")
    assert "处理方式" in ei.value.zh
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert conn.execute("SELECT state FROM parcels WHERE order_id='O1'").fetchone()[0] == "handed_off"


def test_station_return_mode_uses_the_chosen_reason(shipped):
    """The station window calls scan_return(conn, code, ctx): the panel's choice applies."""
    from warehouse_app.returns import set_return_defaults

    conn, wb = shipped
    v = scan_return(conn, wb["O1"], ScanContext("return", "P1"))
    assert not v.ok and v.reason == "no_reason" and "reason" in v.message_en
    assert conn.execute("SELECT state FROM parcels WHERE order_id='O1'").fetchone()[0] == "handed_off"
    with transaction(conn):
        set_return_defaults(conn, "wrong_item", "to_vendor")
    v = scan_return(conn, wb["O1"], ScanContext("return", "P1"))
    assert v.ok and v.extra["reason"] == "wrong_item" and v.extra["disposition"] == "to_vendor"
    with pytest.raises(StationError):
        with transaction(conn):
            set_return_defaults(conn, "meh", "restock")
