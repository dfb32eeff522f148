"""Pull: reference data lands with its cursor in one transaction; cancellations become
intercepts wherever the parcel is; a bad page changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.core_helpers import make_batch, order
from tests.sync_helpers import Hub, Station, hub, linked, station
from warehouse_app.handoffs import open_handoff
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.station import add_operator, get_setting
from warehouse_app.store.tx import transaction
from warehouse_app.sync import SyncError

SKUS = [
    {
        "code": "A",
        "name": "口红 Lipstick",
        "weight_g": 100,
        "tier": "core_hot",
        "barcodes": ["6920000000011"],
    },
    {"code": "B", "name": "精华 Serum", "weight_g": 200, "tier": "potential_new", "barcodes": []},
]
CARRIERS = [
    {"code": "ZTO", "name": "ZTO", "name_zh": "中通"},
    {"code": "YTO", "name": "YTO", "name_zh": "圆通"},
]


def seed_hub(hub: Hub, orders: list[dict[str, Any]]) -> None:
    hub.storage.put_records("sku", [(s["code"], s) for s in SKUS])
    hub.storage.put_records("carrier", [(c["code"], c) for c in CARRIERS])
    hub.storage.put_records("order", [(o["order_id"], o) for o in orders])


def cancel(hub: Hub, *order_ids: str) -> None:
    rows = []
    for oid in order_ids:
        o = hub.storage.record("order", oid)
        assert o is not None
        rows.append((oid, {**o, "status": "cancelled"}))
    hub.storage.put_records("order", rows)


def count(st: Station, sql: str, *params: Any) -> Any:
    return st.query(sql, params)[0][0]


def test_pull_all_kinds_with_paging(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    seed_hub(hub, [order(f"O{i}", {"A": 1}) for i in range(10)])
    hub.storage.put_records(
        "batch_plan",
        [("PLAN-1", {"batch_id": "PLAN-1", "sku_set": "A*1", "kind": "anonymous", "qty": 5})],
    )
    hub.storage.put_records("setting", [("weight_check", {"key": "weight_check", "value": True})])
    hub.storage.put_records(
        "session", [("S1", {"session_id": "S1", "name": "双11 主场", "host": "Li"})]
    )
    res = st.service(pull_limit=7, apply_chunk=3).sync_once()
    assert res.pulled == 2 + 2 + 10 + 1 + 1 + 1
    assert count(st, "SELECT count(*) FROM orders") == 10
    assert count(st, "SELECT count(*) FROM skus") == 2
    assert count(st, "SELECT name_zh FROM carriers WHERE code='ZTO'") == "中通"
    assert count(st, "SELECT count(*) FROM parcels WHERE batch_id='PLAN-1'") == 5
    assert count(st, "SELECT name FROM live_sessions WHERE session_id='S1'") == "双11 主场"
    conn = st.store.connect(readonly=True)
    try:
        assert get_setting(conn, "weight_check") is True
    finally:
        conn.close()
    top = max(c.rev for c in hub.storage.changes_since(0, 1000))
    assert count(st, "SELECT pull_cursor FROM sync_state") == top
    # nothing new: nothing pulled again, and the last-pull time still moves
    before = count(st, "SELECT last_pull_at FROM sync_state")
    again = st.service().sync_once()
    assert again.pulled == 0
    assert count(st, "SELECT last_pull_at FROM sync_state") >= before


def test_bad_page_changes_nothing(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    good = order("G1", {"A": 1})
    bad = order("X1", {"A": 1})
    del bad["paid_at"]
    hub.storage.put_records("order", [("G1", good), ("X1", bad)])
    st.add_events(5)
    with pytest.raises(SyncError) as err:
        st.service().sync_once()
    assert "nothing was changed" in str(err.value) and "未做任何更改" in err.value.zh
    assert count(st, "SELECT count(*) FROM orders") == 0
    assert count(st, "SELECT pull_cursor FROM sync_state") == 0
    # the push before the pull still happened
    assert count(st, "SELECT acked_seq FROM sync_state") == 5
    # IT fixes the order on the hub: the next sync applies both
    hub.storage.put_records("order", [("X1", order("X1", {"A": 1}))])
    st.service().sync_once()
    assert count(st, "SELECT count(*) FROM orders") == 2


def test_cancellations_intercept_wherever_the_parcel_is(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    seed_hub(hub, [order(f"O{i}", {"A": 1}) for i in (1, 2, 3, 4)])

    def ops(conn: Any) -> None:
        with transaction(conn):
            add_operator(conn, "P1", "Packer One", "packer")
            add_operator(conn, "L1", "Lead One", "lead", pin="4321")

    st.writer.call(ops)
    svc = st.service()
    svc.sync_once()
    batch = st.writer.call(make_batch, "A*1")
    bid = batch["batch_id"]
    pack = ScanContext("pack", operator="P1", batch_id=bid)
    for i in (1, 2, 3, 4):
        assert st.writer.call(scan, f"WBO{i}", pack).ok
    verify = ScanContext("verify", operator="P1")
    for i in (2, 3, 4):
        assert st.writer.call(scan, f"WBO{i}", verify).ok

    def open_h(conn: Any) -> str:
        with transaction(conn):
            return str(open_handoff(conn, "ZTO", operator="L1")["handoff_id"])

    hid = st.writer.call(open_h)
    handoff = ScanContext("handoff", operator="P1", handoff_id=hid)
    assert st.writer.call(scan, "WBO3", handoff).ok

    # O1 packed, O2 verified (offline, say), O3 already with the courier, O4 untouched
    cancel(hub, "O1", "O2", "O3")
    svc.sync_once()

    def state(oid: str) -> str:
        return str(count(st, "SELECT state FROM parcels WHERE order_id=?", oid))

    assert state("O1") == "intercepted" and state("O2") == "intercepted"
    assert state("O3") == "handed_off" and state("O4") == "verified"
    v1 = st.writer.call(scan, "WBO1", verify)
    assert not v1.ok and v1.reason == "intercepted"
    # the verified parcel is caught when it is scanned for handoff, and never handed off
    v2 = st.writer.call(scan, "WBO2", handoff)
    assert not v2.ok and v2.reason == "intercepted"
    assert state("O2") == "intercepted"
    assert st.writer.call(scan, "WBO4", handoff).ok
    # the handed-off one became a carrier-intercept request upstream, pushed in the same sync
    reqs = hub.storage.carrier_intercepts()
    assert [r["order_id"] for r in reqs] == ["O3"] and reqs[0]["station_id"] == st.station_id
    assert reqs[0]["waybill"] == "WBO3" and reqs[0]["carrier"] == "ZTO"
    assert count(st, "SELECT count(*) FROM events WHERE type='parcel.intercepted'") == 2
    # a stale 'paid' copy on the hub never revives a cancelled order
    hub.storage.put_records("order", [("O1", order("O1", {"A": 1}))])
    svc.sync_once()
    assert count(st, "SELECT status FROM orders WHERE order_id='O1'") == "cancelled"
    assert hub.storage.record("order", "O1")["status"] == "cancelled"  # type: ignore[index]


def test_revoked_token_is_refused_and_logged(linked: tuple[Hub, Station]) -> None:
    from tests.sync_helpers import wait_for

    hub, st = linked
    st.add_events(3)
    hub.storage.revoke_station(st.station_id)
    with pytest.raises(SyncError) as err:
        st.service().sync_once()
    assert "token" in str(err.value) and "令牌" in err.value.zh
    assert count(st, "SELECT acked_seq FROM sync_state") == 0
    assert hub.storage.events(st.station_id) == []
    wait_for(lambda: "refused POST /api/v1/events" in hub.log_text(), what="refusal in the hub log")
