"""Every verdict and every parcel transition of the scan engine, on a real SQLite store."""

from __future__ import annotations

import json

import pytest

from tests.core_helpers import add_orders, make_batch, order, state_digest
from warehouse_app.domain import TRANSITIONS, ParcelState, can_transition
from warehouse_app.handoffs import close_handoff, open_handoff
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def ctx(mode: str, **kw):
    return ScanContext(mode=mode, operator=kw.pop("operator", "P1"), **kw)


def rejected_without_change(conn, code, c, reason, **kw):
    before = state_digest(conn)
    v = scan(conn, code, c, **kw)
    assert v.status == "rejected", v
    assert v.reason == reason, v
    assert v.message_zh and v.message_en
    assert state_digest(conn) == before, "a rejected scan changed state"
    return v


def parcel(conn, pid):
    return conn.execute("SELECT * FROM parcels WHERE parcel_id=?", (pid,)).fetchone()


def events(conn, type_=None):
    sql = "SELECT type, payload, operator FROM events"
    rows = conn.execute(
        sql + (" WHERE type=?" if type_ else "") + " ORDER BY seq", (type_,) if type_ else ()
    ).fetchall()
    return [(r[0], json.loads(r[1]), r[2]) for r in rows]


@pytest.fixture
def presale(conn):
    add_orders(
        conn,
        order("O1", {"A": 1}, paid_at="2026-11-11T12:00:00Z"),
        order("O2", {"A": 1}, paid_at="2026-11-11T12:01:00Z"),
        order("O3", {"A": 1}, paid_at="2026-11-11T12:02:00Z", carrier="YTO"),
        order("O9", {"B": 1}),
    )
    return make_batch(conn, "A*1")


def test_presale_batch_has_one_parcel_per_order_earliest_first(conn, presale):
    rows = conn.execute(
        "SELECT order_id, waybill, state FROM parcels WHERE batch_id=? ORDER BY parcel_id",
        (presale["batch_id"],),
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("O1", "WBO1", "planned"),
        ("O2", "WBO2", "planned"),
        ("O3", "WBO3", "planned"),
    ]


def test_full_happy_path_pack_verify_handoff(conn, presale):
    b = presale["batch_id"]
    v = scan(conn, "WBO1", ctx("pack", batch_id=b))
    assert v.ok and v.state == "packed" and v.order_id == "O1" and v.event_seq
    p = parcel(conn, v.parcel_id)
    assert p["state"] == "packed" and p["packed_by"] == "P1" and p["packed_at"]
    v = scan(conn, "WBO1", ctx("verify"))
    assert v.ok and v.state == "verified" and "中通" in v.next_zh
    with transaction(conn):
        h = open_handoff(conn, "ZTO", courier_name="赵师傅", vehicle="沪A12345", operator="L1")
    v = scan(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"]))
    assert v.ok and v.state == "handed_off" and v.handoff_id == h["handoff_id"]
    assert parcel(conn, v.parcel_id)["handoff_id"] == h["handoff_id"]
    types = [t for t, _, _ in events(conn) if t.startswith("parcel.")]
    assert types == ["parcel.packed", "parcel.verified", "parcel.handed_off"]
    # every accepted scan's event carries the operator and the transition
    _, payload, op = events(conn, "parcel.handed_off")[0]
    assert payload["from"] == "verified" and payload["to"] == "handed_off" and op == "P1"


def test_label_code_and_order_id_also_find_the_parcel(conn, presale):
    b = presale["batch_id"]
    label = conn.execute("SELECT label_code FROM parcels WHERE order_id='O2'").fetchone()[0]
    assert scan(conn, label, ctx("pack", batch_id=b)).ok
    assert scan(conn, "O2", ctx("verify")).ok


def test_unknown_code(conn, presale):
    rejected_without_change(conn, "NOPE-123", ctx("verify"), "unknown_code")
    rejected_without_change(conn, "   ", ctx("verify"), "unknown_code")


def test_duplicate_in_each_mode(conn, presale):
    b = presale["batch_id"]
    assert scan(conn, "WBO1", ctx("pack", batch_id=b)).ok
    rejected_without_change(conn, "WBO1", ctx("pack", batch_id=b), "duplicate")
    assert scan(conn, "WBO1", ctx("verify")).ok
    rejected_without_change(conn, "WBO1", ctx("verify"), "duplicate")
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    assert scan(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"])).ok
    rejected_without_change(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"]), "duplicate")
    rejected_without_change(conn, "WBO1", ctx("verify"), "already_handed_off")


def test_wrong_batch(conn, presale):
    add_orders(conn, order("O4", {"B": 2}))
    other = make_batch(conn, "B*2")
    rejected_without_change(conn, "WBO4", ctx("pack", batch_id=presale["batch_id"]), "wrong_batch")
    assert scan(conn, "WBO4", ctx("pack", batch_id=other["batch_id"])).ok
    rejected_without_change(
        conn, "WBO4", ctx("verify", batch_id=presale["batch_id"]), "wrong_batch"
    )


def test_item_barcodes_in_pack_mode(conn, presale):
    b = presale["batch_id"]
    v = scan(conn, "6920000000011", ctx("pack", batch_id=b))  # A's EAN: in this batch's set
    assert v.ok and v.extra["sku"] == "A" and v.state is None
    assert events(conn, "item.checked")[-1][1]["sku"] == "A"
    v = rejected_without_change(conn, "6920000000028", ctx("pack", batch_id=b), "wrong_item")
    assert v.extra["sku"] == "B"
    rejected_without_change(conn, "6920000000011", ctx("verify"), "not_a_parcel")


def test_not_packed_and_not_verified(conn, presale):
    rejected_without_change(conn, "WBO1", ctx("verify"), "not_packed")
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    rejected_without_change(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"]), "not_packed")
    assert scan(conn, "WBO1", ctx("pack", batch_id=presale["batch_id"])).ok
    rejected_without_change(
        conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"]), "not_verified"
    )


def test_wrong_carrier_says_which_cage(conn, presale):
    b = presale["batch_id"]
    scan(conn, "WBO3", ctx("pack", batch_id=b))
    scan(conn, "WBO3", ctx("verify"))
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    v = rejected_without_change(
        conn, "WBO3", ctx("handoff", handoff_id=h["handoff_id"]), "wrong_carrier"
    )
    assert "圆通" in v.next_zh and v.carrier == "YTO"


def test_handoff_closed_and_missing(conn, presale):
    b = presale["batch_id"]
    for wb in ("WBO1", "WBO2"):
        scan(conn, wb, ctx("pack", batch_id=b))
        scan(conn, wb, ctx("verify"))
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    assert scan(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"])).ok
    with transaction(conn):
        m = close_handoff(conn, h["handoff_id"], operator="L1")
    assert m["count"] == 1 and [p["waybill"] for p in m["parcels"]] == ["WBO1"]
    assert (m["carrier_label"], m["carrier_label_en"]) == ("中通", "ZTO")
    rejected_without_change(
        conn, "WBO2", ctx("handoff", handoff_id=h["handoff_id"]), "handoff_closed"
    )
    rejected_without_change(conn, "WBO2", ctx("handoff"), "no_handoff")
    rejected_without_change(conn, "WBO2", ctx("handoff", handoff_id="H-NOPE"), "no_handoff")


def test_pack_needs_an_active_batch_and_a_login(conn, presale):
    rejected_without_change(conn, "WBO1", ctx("pack"), "no_batch")
    with transaction(conn):
        from warehouse_app.batches import set_batch_status

        set_batch_status(conn, presale["batch_id"], "paused", operator="L1")
    rejected_without_change(
        conn, "WBO1", ctx("pack", batch_id=presale["batch_id"]), "batch_not_active"
    )
    rejected_without_change(
        conn, "WBO1", ScanContext(mode="verify", operator=None), "not_logged_in"
    )


def test_cancellation_intercepts_in_every_mode_and_pull_confirms(conn, presale):
    b = presale["batch_id"]
    scan(conn, "WBO1", ctx("pack", batch_id=b))
    add_orders(conn, order("O1", {"A": 1}, status="cancelled", cancelled_at="2026-11-11T13:00:00Z"))
    assert parcel(conn, "PP-T1-B0001-00001")["state"] == "intercepted"
    assert events(conn, "parcel.intercepted")[0][1]["state_before"] == "packed"
    for c in (ctx("pack", batch_id=b), ctx("verify")):
        v = rejected_without_change(conn, "WBO1", c, "intercepted")
        assert "拦截" in v.message_zh
    rejected_without_change(conn, "WBO2", ctx("pull"), "not_intercepted")
    v = scan(conn, "WBO1", ctx("pull"))
    assert v.ok and v.state == "pulled" and parcel(conn, v.parcel_id)["pulled_at"]
    rejected_without_change(conn, "WBO1", ctx("pull"), "duplicate")
    rejected_without_change(conn, "WBO1", ctx("verify"), "intercepted")


def test_cancellation_after_offline_verify_is_caught_at_handoff(conn, presale):
    b = presale["batch_id"]
    scan(conn, "WBO2", ctx("pack", batch_id=b))
    scan(conn, "WBO2", ctx("verify"))
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    add_orders(conn, order("O2", {"A": 1}, status="cancelled"))
    rejected_without_change(conn, "WBO2", ctx("handoff", handoff_id=h["handoff_id"]), "intercepted")


def test_cancellation_after_handoff_requests_carrier_intercept(conn, presale):
    b = presale["batch_id"]
    scan(conn, "WBO1", ctx("pack", batch_id=b))
    scan(conn, "WBO1", ctx("verify"))
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    scan(conn, "WBO1", ctx("handoff", handoff_id=h["handoff_id"]))
    add_orders(conn, order("O1", {"A": 1}, status="cancelled"))
    assert parcel(conn, "PP-T1-B0001-00001")["state"] == "handed_off"
    ev = events(conn, "carrier_intercept.requested")
    assert len(ev) == 1 and ev[0][1]["waybill"] == "WBO1" and ev[0][1]["carrier"] == "ZTO"
    # a stale 'paid' copy arriving later never revives the order
    add_orders(conn, order("O1", {"A": 1}, status="paid"))
    assert (
        conn.execute("SELECT status FROM orders WHERE order_id='O1'").fetchone()[0] == "cancelled"
    )


def test_voided_waybill_is_rejected_with_reason(conn, presale):
    with transaction(conn):
        conn.execute(
            "INSERT INTO voided_waybills (waybill, parcel_id, order_id, carrier, reason, voided_at) "
            "VALUES ('OLD-WB-1', 'PP-T1-B0001-00001', 'O1', 'YTO', 'carrier failover', '2026-11-11T14:00:00Z')"
        )
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    v = rejected_without_change(
        conn, "OLD-WB-1", ctx("handoff", handoff_id=h["handoff_id"]), "voided"
    )
    assert v.extra["void_reason"] == "carrier failover" and "作废" in v.message_zh


def test_weight_check_in_verify(conn):
    add_orders(conn, order("W1", {"A": 2}), order("W2", {"A": 2}))
    b = make_batch(conn, "A*2", weight_tolerance_g=20)
    assert b["expected_weight_g"] == 200
    for wb in ("WBW1", "WBW2"):
        scan(conn, wb, ctx("pack", batch_id=b["batch_id"]))
    v = rejected_without_change(conn, "WBW1", ctx("verify"), "wrong_weight", weight_g=260)
    assert v.extra == {"weight_g": 260, "expected_weight_g": 200, "tolerance_g": 20}
    v = scan(conn, "WBW1", ctx("verify"), weight_g=215)
    assert v.ok and parcel(conn, v.parcel_id)["weight_g"] == 215


def test_anonymous_batch_binds_earliest_paid_order_at_verify(conn):
    add_orders(
        conn,
        order("L2", {"C": 1}, paid_at="2026-11-11T12:05:00Z"),
        order("L1x", {"C": 1}, paid_at="2026-11-11T12:01:00Z"),
        order("LB", {"C": 1, "A": 1}, paid_at="2026-11-11T11:00:00Z"),
    )  # other contents: never bound
    b = make_batch(conn, "C*1", kind="anonymous", qty=3)
    labels = [
        r[0]
        for r in conn.execute(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY 1", (b["batch_id"],)
        )
    ]
    for lc in labels:
        assert scan(conn, lc, ctx("pack", batch_id=b["batch_id"])).ok
    v1 = scan(conn, labels[0], ctx("verify"))
    v2 = scan(conn, labels[1], ctx("verify"))
    assert (v1.order_id, v2.order_id) == ("L1x", "L2")
    assert v1.print_waybill and v1.waybill == "WBL1x"
    rejected_without_change(conn, labels[2], ctx("verify"), "no_order")
    assert [e[1]["order_id"] for e in events(conn, "parcel.bound")] == ["L1x", "L2"]


def test_transition_table_is_closed():
    # only the documented moves; terminal states have none
    assert can_transition("planned", "packed") and not can_transition("planned", "verified")
    assert not can_transition("handed_off", "verified")
    for terminal in (ParcelState.VOIDED, ParcelState.PULLED):
        assert TRANSITIONS[terminal] == frozenset()


def test_events_are_append_only(conn, presale):
    scan(conn, "WBO1", ctx("pack", batch_id=presale["batch_id"]))
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE events SET type='x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM events")


def test_event_sequence_is_gapless_and_uuids_unique(conn, presale):
    b = presale["batch_id"]
    for wb in ("WBO1", "WBO2", "WBO3"):
        scan(conn, wb, ctx("pack", batch_id=b))
        scan(conn, "NOPE", ctx("pack", batch_id=b))  # rejects append nothing
    seqs = [r[0] for r in conn.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    assert conn.execute("SELECT count(DISTINCT uuid) = count(*) FROM events").fetchone()[0] == 1


def test_parcels_done_since_counts_only_recent_accepted_scans(conn, presale):
    from datetime import datetime, timedelta, timezone

    from warehouse_app.clock import iso
    from warehouse_app.reports import parcels_done_since

    b = presale["batch_id"]
    t0 = datetime(2026, 11, 11, 10, 0, tzinfo=timezone.utc)
    scan(conn, "WBO1", ctx("pack", batch_id=b), clock=lambda: t0)
    scan(conn, "WBO2", ctx("pack", batch_id=b), clock=lambda: t0 + timedelta(minutes=50))
    scan(conn, "WBO2", ctx("verify"), clock=lambda: t0 + timedelta(minutes=70))
    scan(
        conn, "NOPE", ctx("verify"), clock=lambda: t0 + timedelta(minutes=71)
    )  # rejected: not counted
    scan(conn, "WBO3", ctx("pack", batch_id=b), clock=lambda: t0 + timedelta(minutes=75))
    assert parcels_done_since(conn, iso(t0 + timedelta(hours=1))) == 2
    assert parcels_done_since(conn, iso(t0 + timedelta(minutes=30))) == 3
    assert parcels_done_since(conn, iso(t0 - timedelta(days=1))) == 4
    assert parcels_done_since(conn, iso(t0 + timedelta(hours=5))) == 0


def test_void_waybill_needs_a_reason_and_then_scans_as_voided(conn, presale):
    from warehouse_app.errors import InvalidOperation, StationError
    from warehouse_app.overrides import void_waybill

    before = state_digest(conn)
    with pytest.raises(StationError, match="reason"):
        with transaction(conn):
            void_waybill(conn, "WBO1", " ", "L1")
    assert state_digest(conn) == before
    with transaction(conn):
        out = void_waybill(conn, "WBO1", "面单污损 smudged", "L1")
    assert out["waybill"] == "WBO1" and parcel(conn, out["parcel_id"])["state"] == "voided"
    assert events(conn, "waybill.voided")[0][1]["reason"] == "面单污损 smudged"
    rejected_without_change(conn, "WBO1", ctx("verify"), "voided")
    # a parcel already with the carrier cannot be voided here
    scan(conn, "WBO2", ctx("pack", batch_id=presale["batch_id"]))
    scan(conn, "WBO2", ctx("verify"))
    with transaction(conn):
        h = open_handoff(conn, "ZTO", operator="L1")
    scan(conn, "WBO2", ctx("handoff", handoff_id=h["handoff_id"]))
    with pytest.raises(InvalidOperation):
        with transaction(conn):
            void_waybill(conn, "WBO2", "too late", "L1")
