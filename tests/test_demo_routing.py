"""The full demo (promo extensions included) routes every waybill like a real provider would:
each paid order has its 三段码 and 集包地, so an anonymous pre-pack parcel verified in the demo
binds an order, its label prints, and the verdict turns green (issue 10)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui_fixtures import Station


def _full_demo(data_dir: Path) -> None:
    from ui.app import prepare_demo

    prepare_demo(data_dir, orders=1500, extensions=True)  # with the promo playbook's demo


def test_every_demo_waybill_has_its_routing(tmp_path: Path) -> None:
    from warehouse_app.demo import demo_routing
    from warehouse_app.label_data import waybill_for_parcel
    from warehouse_app.paths import db_path

    _full_demo(tmp_path / "st")
    conn = sqlite3.connect(db_path(tmp_path / "st"))
    conn.row_factory = sqlite3.Row
    q = lambda sql, *a: [tuple(r) for r in conn.execute(sql, a)]  # noqa: E731
    # the promo's failover and wave allocation renumbered orders: some were without routing
    assert q("SELECT count(*) FROM allocations WHERE previous_carrier IS NOT NULL")[0][0] > 0
    assert q(
        "SELECT count(*) FROM orders WHERE waybill IS NOT NULL AND (sort_code IS NULL OR "
        "waybill NOT IN (SELECT waybill FROM waybill_routing))"
    ) == [(0,)]
    assert q(
        "SELECT count(*) FROM parcels p JOIN orders o ON o.order_id=p.order_id "
        "WHERE p.waybill IS NOT NULL AND coalesce(p.sort_code, '') <> o.sort_code"
    ) == [(0,)]
    # a routed order's label has what the waybill rules require
    pid = q(
        "SELECT parcel_id FROM parcels p JOIN allocations a ON a.order_id=p.order_id "
        "WHERE a.previous_carrier IS NOT NULL AND p.waybill IS NOT NULL LIMIT 1"
    )[0][0]
    wb = waybill_for_parcel(conn, pid)
    assert wb.sort_code and wb.hub and wb.hub_code and wb.sender_name
    o = conn.execute(
        "SELECT province, city, district FROM orders o JOIN parcels p USING(order_id) "
        "WHERE p.parcel_id=?",
        (pid,),
    ).fetchone()
    assert demo_routing(*o)[1] == wb.hub  # the address decides the 集包地, as a carrier's table
    conn.close()


@pytest.fixture
def full_station(qtbot: Any, tmp_path: Path) -> Iterator[Station]:
    from ui.app import build_context, install_translator, shutdown_context
    from ui.sim_rig import SimRig
    from ui.window import MainWindow

    data_dir = tmp_path / "station"
    _full_demo(data_dir)
    rig = SimRig(tmp_path / "sim").start()
    ctx = build_context(data_dir, lang="zh", rig=rig, start_sync=False)
    install_translator("zh")
    win = MainWindow(ctx, sounds=False)
    qtbot.addWidget(win)
    win.show()
    st = Station(win, ctx, rig, data_dir, qtbot)
    try:
        st.wait_scanner_ready()
        yield st
    finally:
        win.close()
        shutdown_context(ctx)
        rig.stop()


def test_an_anonymous_parcel_in_the_full_demo_prints_and_turns_green(
    full_station: Station,
) -> None:
    st, w = full_station, full_station.window
    fb = w.feedback
    st.login("P001")
    st.command("#MODE:VERIFY", w.mode_changed)
    bid, label = st.q(
        "SELECT p.batch_id, p.label_code FROM parcels p JOIN batches b ON b.batch_id=p.batch_id "
        "WHERE b.kind='anonymous' AND p.state='packed' AND p.order_id IS NULL LIMIT 1"
    )[0]
    w.set_batch(bid)
    st.qtbot.waitUntil(lambda: w.batch_id == bid, timeout=10000)
    before = st.rig.labels_printed()
    with st.qtbot.waitSignal(fb.label_done, timeout=20000):
        v = st.scan(label)
    assert v.ok and w.packer.panel.color_name == "green"
    assert "面单已打印" in w.packer.panel.next_text
    assert st.rig.labels_printed() == before + 1
    wb, sort = st.q(
        "SELECT p.waybill, o.sort_code FROM parcels p JOIN orders o ON o.order_id=p.order_id "
        "WHERE p.label_code=?",
        label,
    )[0]
    assert wb and sort and not fb.backlog.waiting
