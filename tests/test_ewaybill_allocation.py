"""The station never mints waybill numbers: allocation chooses the carrier and asks the e-waybill
provider (the platform simulator as a real HTTP process here) for each number; with none reachable or
none configured the orders wait for their waybill and get it when the platform is back."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.test_ewaybill import Sim, _dead_url, sim  # sim: the platform process fixture
from tests.test_promo_carriers import _rules
from tests.test_promo_common import T0, add_orders, new_station, order
from warehouse_app.ewaybill.demo import FILE_NAME
from warehouse_app.promo import waybills as ewb
from warehouse_app.promo.carriers import allocate_orders, live_waybill_problems, set_rules
from warehouse_app.store.tx import transaction

PROVINCES = ["上海", "广东", "河南", "四川", "北京", "浙江"]


def _station(tmp_path, url: str) -> sqlite3.Connection:
    conn = new_station(tmp_path, provider="")
    with transaction(conn):
        if url:
            ewb.configure(conn, url, "station", "s3cret")
        set_rules(conn, _rules())
    add_orders(conn, [order(f"N{i}", "A", i, province=PROVINCES[i % 6]) for i in range(12)])
    return conn


def _platform(s: Sim, code: str) -> dict[str, str]:
    """What the platform process says of a number."""
    return dict(httpx.get(f"{s.url}/waybill/{code}").json())


def _orders(conn: sqlite3.Connection) -> dict[str, tuple[str, str | None]]:
    return {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT order_id, carrier, waybill FROM orders")
    }


def test_allocation_takes_every_number_from_the_platform(sim: Sim, tmp_path):
    conn = _station(tmp_path, sim.url)
    with transaction(conn):
        s = allocate_orders(conn, now=T0)
    assert s["orders"] == 12 and s["waybills_issued"] == 12 and s["waiting_for_waybill"] == 0
    got = _orders(conn)
    for oid, (carrier, wb) in got.items():
        assert carrier and wb
        # the platform knows each number, for this order and this carrier
        w = _platform(sim, wb)
        assert (w["state"], w["object_id"], w["cp_code"]) == ("issued", oid, carrier)
    # with the routing data it came with (三段码 on the order, 集包地 kept for the label)
    n = conn.execute(
        "SELECT count(*) FROM waybill_routing r JOIN orders o ON o.waybill=r.waybill "
        "WHERE r.sort_code=o.sort_code AND r.package_center != ''"
    ).fetchone()[0]
    assert n == 12
    assert ewb.waiting(conn) == [] and live_waybill_problems(conn) == []
    # nothing of a station numbering is left
    assert conn.execute("SELECT 1 FROM meta WHERE key='promo_waybill_seq'").fetchone() is None


def test_platform_unreachable_orders_wait_for_their_waybill_then_fetch(sim: Sim, tmp_path):
    conn = _station(tmp_path, _dead_url())
    with transaction(conn):
        s = allocate_orders(conn, now=T0)
    assert s["orders"] == 12 and s["waybills_issued"] == 0 and s["waiting_for_waybill"] == 12
    got = _orders(conn)
    assert all(c for c, _w in got.values()) and all(w is None for _c, w in got.values())
    waiting = ewb.waiting(conn)
    assert sorted(r["order_id"] for r in waiting) == sorted(got)
    assert {r["reason"] for r in waiting} == {"allocated"}
    # the platform is back (configured to the live one): the waiting orders get their numbers
    with transaction(conn):
        ewb.configure(conn, sim.url, "station", "s3cret")
        res = ewb.fetch_waiting(conn)
    assert res == {"issued": 12, "waiting": 0, "voided": 0}
    after = _orders(conn)
    assert {o: c for o, (c, _w) in after.items()} == {o: c for o, (c, _w) in got.items()}
    assert all(_platform(sim, w)["object_id"] == o for o, (_c, w) in after.items() if w)
    assert ewb.waiting(conn) == [] and live_waybill_problems(conn) == []


def test_no_provider_configured_nothing_is_minted(tmp_path, caplog, monkeypatch):
    conn = _station(tmp_path, "")
    with caplog.at_level(logging.WARNING), transaction(conn):
        s = allocate_orders(conn, now=T0)
    assert s["waybills_issued"] == 0 and s["waiting_for_waybill"] == 12
    assert all(w is None for _c, w in _orders(conn).values())
    assert "no e-waybill provider configured" in caplog.text
    assert len(ewb.waiting(conn)) == 12
    # fetching pages through the waiting orders (pages of 5 here): unreachable, all still wait
    monkeypatch.setattr(ewb, "ISSUE_CHUNK", 5)
    with transaction(conn):
        ewb.configure(conn, _dead_url())
        assert ewb.fetch_waiting(conn) == {"issued": 0, "waiting": 12, "voided": 0}
        ewb.configure(conn, "demo")
        assert ewb.fetch_waiting(conn) == {"issued": 12, "waiting": 0, "voided": 0}
    assert ewb.waiting(conn) == [] and live_waybill_problems(conn) == []


def test_demo_provider_numbers_say_demo_and_live_outside_the_station_db(tmp_path):
    conn = _station(tmp_path, "demo")
    with transaction(conn):
        allocate_orders(conn, now=T0)
    wbs = [w for _c, w in _orders(conn).values()]
    assert len(set(wbs)) == 12 and all(w and w.startswith("DEMO") for w in wbs)
    # the demo platform's numbering is its own file, not the station's database
    assert (tmp_path / FILE_NAME).exists()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "seq" not in tables and "waybills" not in tables
    # a second run (a restart) continues the platform's numbering: no number twice
    add_orders(conn, [order(f"M{i}", "A", 50 + i, province="上海") for i in range(5)])
    with transaction(conn):
        allocate_orders(conn, now=T0)
    all_wbs = [w for _c, w in _orders(conn).values()]
    assert len(set(all_wbs)) == 17


def test_hub_import_gets_numbers_for_orders_that_name_a_carrier(sim: Sim, tmp_path, monkeypatch):
    """Stations get waybills with their orders: the hub asks the platform when it imports them."""
    from tests.core_helpers import order as upstream_order
    from tests.sync_helpers import Hub, write_jsonl
    from tests.test_hub_cli import run

    monkeypatch.setenv("WAREHOUSE_HUB_EWAYBILL_URL", sim.url)
    monkeypatch.setenv("WAREHOUSE_HUB_EWAYBILL_SECRET", "s3cret")
    rows = [
        upstream_order("H1", {"A": 1}, carrier="ZTO", waybill=""),
        upstream_order("H2", {"A": 1}, carrier="YTO", waybill="", province="广东"),
        upstream_order("H3", {"A": 1}, carrier="ZTO", waybill="73000000000999"),  # keeps its own
        upstream_order(
            "H4", {"A": 1}, carrier=None, waybill=""
        ),  # no carrier: allocated at the station
    ]
    d = str(tmp_path / "hub")
    r = run(["import", str(write_jsonl(tmp_path / "o.jsonl", rows)), "--data-dir", d], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "waybills from the e-waybill platform: 2, without: 0" in r.stderr
    hub = Hub(tmp_path / "hub")
    got = {k: hub.storage.record("order", k) for k in ("H1", "H2", "H3", "H4")}
    for k, carrier in (("H1", "ZTO"), ("H2", "YTO")):
        w = _platform(sim, got[k]["waybill"])  # type: ignore[index]
        assert (w["state"], w["object_id"], w["cp_code"]) == ("issued", k, carrier)
        assert got[k]["sort_code"]  # type: ignore[index]
    assert got["H3"]["waybill"] == "73000000000999"  # type: ignore[index]
    assert got["H4"]["waybill"] is None  # type: ignore[index]
    # the platform down: the import still goes through, the orders without numbers (they wait)
    httpx.post(f"{sim.url}/admin/outage", json={"down": True})
    more = [upstream_order("H5", {"A": 1}, carrier="ZTO", waybill="")]
    r = run(["import", str(write_jsonl(tmp_path / "p.jsonl", more)), "--data-dir", d], tmp_path)
    assert r.returncode == 0 and "without: 1" in r.stderr
    assert Hub(tmp_path / "hub").storage.record("order", "H5")["waybill"] is None  # type: ignore[index]


def test_cli_allocate_says_the_orders_wait_and_waiting_lists_them(tmp_path):
    from tests.cli_helpers import run_cli

    conn = _station(tmp_path, "")  # station.db in tmp_path: the CLI's data dir
    conn.close()
    r = run_cli(tmp_path, "plan", "allocate", "--format", "json")
    assert "12 order(s) wait for their waybill number" in r.stderr
    assert "12 单等待面单号" in r.stderr
    listed = run_cli(tmp_path, "carrier", "waiting", "--format", "json")
    assert listed.stdout.count('"allocated"') == 12


def test_demo_build_voids_its_upstream_numbers_without_errors(tmp_path: Path) -> None:
    """The demo's upstream orders get their numbers from the demo e-waybill platform itself, so
    every number the demo uses is one the platform issued and each void of a cancelled order's
    number is done (no refusal, no ERROR line); a number the platform never issued is refused,
    DEMO-marked or not."""
    from tests.cli_helpers import run_cli
    from warehouse_app.ewaybill import ProviderRefused
    from warehouse_app.ewaybill.demo import DemoWaybillProvider
    from warehouse_app.ewaybill.simulator import Platform
    from warehouse_app.store import open_store

    p = DemoWaybillProvider(tmp_path / "ewaybill-demo.db")
    for never_issued in ("DEMO73100000001234", "73100000001234"):
        with pytest.raises(ProviderRefused, match="WAYBILL_NOT_FOUND"):
            p.void("ZTO", never_issued)
    out = run_cli(tmp_path / "st", "demo")
    assert out.returncode == 0, out.stderr
    assert "refused" not in out.stderr and logging.getLevelName(logging.ERROR) not in out.stderr
    conn = open_store(tmp_path / "st" / "station.db").connect(readonly=True)
    platform = Platform(tmp_path / "st" / "ewaybill-demo.db")
    try:
        numbers = [
            (str(r[0]), str(r[1]))
            for r in conn.execute(
                "SELECT waybill, carrier FROM orders WHERE waybill IS NOT NULL "
                "UNION SELECT waybill, carrier FROM waybill_voids"
            )
        ]
        voids = conn.execute("SELECT count(*), sum(accepted) FROM waybill_voids").fetchone()
        assert numbers and voids[0] > 0 and voids[1] == voids[0]  # every void was done
        for code, _carrier in numbers:
            assert platform.get(code) is not None, code  # issued by the demo platform
        voided = [
            str(r[0]) for r in conn.execute("SELECT waybill FROM waybill_voids WHERE accepted=1")
        ]
        assert all((platform.get(c) or {}).get("state") == "voided" for c in voided)
    finally:
        platform.close()
        conn.close()
