"""E-waybills from the carrier: the platform simulator as a real HTTP process, the station's reissue
through it, parking as 'waiting for waybill' when it cannot be reached, and voids on cancellation."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.test_promo_carriers import _rules, _staged
from tests.test_promo_common import T0, add_orders, new_station, order
from warehouse_app.ewaybill import (
    HttpWaybillProvider,
    ProviderRefused,
    ProviderUnavailable,
    WaybillRequest,
)
from warehouse_app.promo import waybills as ewb
from warehouse_app.promo.carriers import fail_carrier, live_waybill_problems, usage
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


class Sim:
    def __init__(self, db: Path, secret: str = "s3cret") -> None:
        self.db, self.secret = db, secret
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self) -> Sim:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "warehouse_app.ewaybill.simulator",
                "--port",
                "0",
                "--db",
                str(self.db),
                "--secret",
                self.secret,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.url = json.loads(self.proc.stdout.readline())["url"]
        return self

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def state(self, code: str) -> str:
        return str(httpx.get(f"{self.url}/waybill/{code}").json()["state"])


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Sim]:
    s = Sim(tmp_path / "platform.db").start()
    try:
        yield s
    finally:
        s.stop()


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the socket is closed


def test_platform_issues_routing_data_unique_across_restarts_and_voids(sim, tmp_path):
    p = HttpWaybillProvider(sim.url, "station", "s3cret")
    got = p.issue(
        [
            WaybillRequest("O1", "ZTO", "浙江省", "杭州市", "西湖区", "文三路1号"),
            WaybillRequest("O2", "ZTO", "广东", "深圳市", "南山区", "科技园"),
            WaybillRequest("O3", "YTO", "北京", "北京市", "朝阳区", "x"),
        ]
    )
    assert [w.order_id for w in got] == ["O1", "O2", "O3"]
    assert got[0].waybill.startswith("73") and got[2].waybill.startswith("YT")
    assert got[0].sort_code and got[0].package_center == "浙江转运中心"
    sim.stop()
    sim.start()  # numbers survive a restart of the platform: never issued twice
    again = p.__class__(sim.url, "station", "s3cret").issue([WaybillRequest("O4", "ZTO", "上海")])
    assert again[0].waybill not in {w.waybill for w in got}
    p2 = HttpWaybillProvider(sim.url, "station", "s3cret")
    assert p2.void("ZTO", got[0].waybill) and sim.state(got[0].waybill) == "voided"
    with pytest.raises(ProviderRefused, match="INVALID_SIGN"):
        HttpWaybillProvider(sim.url, "station", "wrong").issue([WaybillRequest("O5", "ZTO")])
    httpx.post(f"{sim.url}/admin/outage", json={"down": True})
    with pytest.raises(ProviderUnavailable):
        p2.issue([WaybillRequest("O6", "ZTO")])
    with pytest.raises(ProviderUnavailable):
        HttpWaybillProvider(_dead_url()).issue([WaybillRequest("O7", "ZTO")])


def test_failover_reissue_comes_from_the_platform(sim, tmp_path):
    conn = new_station(tmp_path)
    wb, _h = _staged(conn)
    with transaction(conn):
        ewb.configure(conn, sim.url, "station", "s3cret")
        res = fail_carrier(conn, "YUNDA", now=T0)
    assert res["orders_moved"] == 3
    rows = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT order_id, waybill, sort_code FROM orders WHERE order_id IN ('Y2','Y3','Y4')"
        )
    }
    for oid, (new, sort_code) in rows.items():
        assert new != wb[oid] and sim.state(new) == "issued" and sort_code  # the platform knows it
    routing = conn.execute(
        "SELECT count(*) FROM waybill_routing WHERE package_center LIKE '%转运中心'"
    ).fetchone()
    assert routing[0] == 3
    assert (
        conn.execute("SELECT sort_code FROM parcels WHERE order_id='Y2'").fetchone()[0]
        == rows["Y2"][1]
    )
    assert live_waybill_problems(conn) == []
    assert ewb.waiting(conn) == []


def test_offline_reissue_parks_waiting_for_waybill_then_fetches(sim, tmp_path):
    conn = new_station(tmp_path)
    wb, _h = _staged(conn)
    with transaction(conn):
        ewb.configure(conn, _dead_url())  # the platform (or the hub) cannot be reached
        res = fail_carrier(conn, "YUNDA", now=T0)
    assert res["orders_moved"] == 3
    # the station made no number up: the parcels wait, nothing prints, a handoff scan is refused
    w = {r["order_id"]: r for r in ewb.waiting(conn)}
    assert set(w) == {"Y2", "Y3", "Y4"}
    assert (
        conn.execute(
            "SELECT count(*) FROM orders WHERE order_id IN ('Y2','Y3','Y4') AND waybill IS NULL"
        ).fetchone()[0]
        == 3
    )
    assert conn.execute("SELECT count(*) FROM print_requests").fetchone()[0] == 0
    label = conn.execute("SELECT label_code, carrier FROM parcels WHERE order_id='Y2'").fetchone()
    from warehouse_app.handoffs import open_handoff

    with transaction(conn):
        h = open_handoff(conn, label[1])
    assert not scan(conn, label[0], ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    # back online: the waiting parcels get the platform's numbers and their labels queue for printing
    with transaction(conn):
        ewb.configure(conn, sim.url, "station", "s3cret")
        got = ewb.fetch_waiting(conn)
    assert got["issued"] == 3 and got["waiting"] == 0
    assert (
        conn.execute("SELECT count(*) FROM print_requests").fetchone()[0] == 2
    )  # Y2, Y3 have parcels
    new = conn.execute("SELECT waybill FROM orders WHERE order_id='Y2'").fetchone()[0]
    assert sim.state(new) == "issued"
    assert live_waybill_problems(conn) == []


def test_cancellation_voids_its_waybill_and_releases_capacity(sim, tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order("N1", "A", 1, province="上海"), order("N2", "A", 2, province="上海")])
    with transaction(conn):
        from warehouse_app.promo.carriers import set_rules

        set_rules(conn, _rules(ZTO=10))
        ewb.configure(conn, sim.url, "station", "s3cret")
    # numbers for the two orders from the platform (as the hub would send them with the orders)
    p = HttpWaybillProvider(sim.url, "station", "s3cret")
    issued = p.issue([WaybillRequest("N1", "ZTO", "上海"), WaybillRequest("N2", "ZTO", "上海")])
    add_orders(
        conn,
        [
            order("N1", "A", 1, province="上海", carrier="ZTO", waybill=issued[0].waybill),
            order("N2", "A", 2, province="上海", carrier="ZTO", waybill=issued[1].waybill),
        ],
    )
    day = "2026-11-11"
    from warehouse_app.promo.carriers import today

    day = today()
    before = usage(conn, day).get("ZTO", 0)
    add_orders(conn, [order("N1", "A", 1, province="上海", status="cancelled")])
    assert usage(conn, day)["ZTO"] == before - 1  # capacity back
    assert conn.execute("SELECT waybill, sent_at FROM waybill_voids").fetchone()[:] == (
        issued[0].waybill,
        None,
    )
    with transaction(conn):
        assert ewb.fetch_waiting(conn)["voided"] == 1
    assert sim.state(issued[0].waybill) == "voided" and sim.state(issued[1].waybill) == "issued"


def test_reissue_through_the_hub_and_offline_when_the_hub_is_down(sim, tmp_path):
    """The usual deployment: the station asks the hub it syncs with, the hub asks the platform (the
    hub holds the platform's credentials); with the hub down the parcels wait for their waybill."""
    from tests.sync_helpers import Hub
    from warehouse_app.sync.state import save_config

    hub = Hub(
        tmp_path / "hub",
        env={"WAREHOUSE_HUB_EWAYBILL_URL": sim.url, "WAREHOUSE_HUB_EWAYBILL_SECRET": "s3cret"},
    ).start()
    try:
        conn = new_station(tmp_path / "st")
        wb, _h = _staged(conn)
        token = hub.add_station("T-ST01")
        save_config(conn, hub.url, token)
        with transaction(conn):
            ewb.configure(conn, "hub")
            res = fail_carrier(conn, "YUNDA", now=T0)
        assert res["orders_moved"] == 3 and ewb.waiting(conn) == []
        new = conn.execute("SELECT waybill FROM orders WHERE order_id='Y2'").fetchone()[0]
        assert new != wb["Y2"] and sim.state(new) == "issued"
    finally:
        hub.stop()
    # the hub is down now: a second failover parks its parcels, nothing is made up
    with transaction(conn):
        from warehouse_app.promo.carriers import restore_carrier

        restore_carrier(conn, "YUNDA")
        conn.execute("UPDATE orders SET carrier='YUNDA' WHERE order_id='Y3'")
        conn.execute("UPDATE parcels SET carrier='YUNDA' WHERE order_id='Y3'")
        res = fail_carrier(conn, "YUNDA", now=T0)
    assert [w["order_id"] for w in ewb.waiting(conn)] == ["Y3"]
    assert conn.execute("SELECT waybill FROM orders WHERE order_id='Y3'").fetchone()[0] is None


def _label_text(label: bytes) -> str:
    """Every text field of a rendered ZPL or TSPL label (UTF-8 runs in `download` mode)."""
    import re

    text = label.decode("utf-8", "replace")
    return " ".join(
        re.findall(r"\^FD(.*?)\^FS", text, re.S)
        + re.findall(r'TEXT [^"]*"[^"]*",[^"]*"(.*?)"', text)
    )


def test_label_of_a_platform_waybill_prints_its_package_center(sim, tmp_path):
    """The 集包地/集包码 the platform issued with a number (waybill_routing) is on that parcel's label,
    over the station's own `label.routes` setting; a number from upstream without routing data keeps
    the setting's hub. Rendered to ZPL and TSPL as the printer gets them."""
    from devices.printers.layout import waybill_layout
    from devices.printers.printer import encode
    from devices.printers.settings import PrinterSettings
    from warehouse_app.label_data import waybill_for_parcel
    from warehouse_app.station import set_setting

    conn = new_station(tmp_path)
    _wb, _h = _staged(conn)
    with transaction(conn):
        for k, v in (
            ("sender_name", "大促仓"),
            ("sender_phone", "021-5555"),
            ("sender_address", "上海"),
        ):
            set_setting(conn, f"label.{k}", v)
        set_setting(conn, "label.routes", {"ZTO": {"hub": "站点设置集包", "code": "S01"}})
        ewb.configure(conn, sim.url, "station", "s3cret")
        fail_carrier(conn, "YUNDA", now=T0)
    y2 = conn.execute(
        "SELECT p.parcel_id, p.waybill, r.sort_code, r.package_center, r.package_code "
        "FROM parcels p JOIN waybill_routing r ON r.waybill=p.waybill WHERE p.order_id='Y2'"
    ).fetchone()
    parcel, number, sort_code, center, code = tuple(y2)
    assert center.endswith("转运中心") and code
    wb = waybill_for_parcel(conn, parcel)
    assert (wb.waybill, wb.sort_code, wb.hub, wb.hub_code) == (number, sort_code, center, code)
    for lang in ("zpl", "tspl"):
        st = PrinterSettings(lang=lang)
        text = _label_text(encode(waybill_layout(wb, st.size, st.dots_per_mm), st))
        assert f"集包地 {center}" in text and f"集包码 {code}" in text, (lang, text)
        assert sort_code in text
    # Z1 kept its upstream ZTO number (no routing data from the platform): the setting's hub
    z1 = conn.execute("SELECT parcel_id FROM parcels WHERE order_id='Z1'").fetchone()[0]
    assert (waybill_for_parcel(conn, z1).hub, waybill_for_parcel(conn, z1).hub_code) == (
        "站点设置集包",
        "S01",
    )
