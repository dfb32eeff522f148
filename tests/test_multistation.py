"""Many stations, one warehouse: a real hub process and three real stations (real SQLite files).

The hub divides the work (leases for anonymous binding, presale plans split per station), checks
what the stations report (first bind/handoff wins, a later one is a conflict with a hold for the
loser, a double shipment raises one carrier intercept), lets cages move between stations, and
lets a replaced PC upload again.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.core_helpers import order
from tests.sync_helpers import Hub, Station
from warehouse_app import multistation
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.errors import StationError
from warehouse_app.handoffs import open_handoff
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.station import add_operator
from warehouse_app.store.tx import transaction
from warehouse_app.sync import SyncError
from warehouse_app.sync.transfer import receive_online

SKUS = [
    {"code": "A", "name": "口红 Lipstick", "weight_g": 100, "tier": "core_hot", "barcodes": []},
    {"code": "B", "name": "精华 Serum", "weight_g": 200, "tier": "core_hot", "barcodes": []},
]
CARRIERS = [{"code": "ZTO", "name": "ZTO", "name_zh": "中通"}]
IDS = ("S1", "S2", "S3")


def _orders(n: int, sku: str = "A", prefix: str = "O") -> list[dict[str, Any]]:
    return [
        order(f"{prefix}{i:03d}", {sku: 1}, paid_at=f"2026-11-11T12:{i // 60:02d}:{i % 60:02d}Z")
        for i in range(n)
    ]


class Line:
    """A hub and three stations of one warehouse, each station with packer P1 and lead L1."""

    def __init__(self, tmp: Path, database_url: str | None = None, pg: Any = None) -> None:
        self.tmp = tmp
        self.hub = Hub(tmp / "hub", database_url=database_url, pg=pg).start()
        self.hub.storage.put_records("sku", [(s["code"], s) for s in SKUS])
        self.hub.storage.put_records("carrier", [(c["code"], c) for c in CARRIERS])
        self.st: dict[str, Station] = {}
        self.tokens: dict[str, str] = {}
        for sid in IDS:
            self.add(sid)

    def add(self, sid: str, path: Path | None = None, token: str | None = None) -> Station:
        if path is None:  # a data folder each: the hub token is kept beside station.db
            (self.tmp / sid).mkdir(exist_ok=True)
            path = self.tmp / sid / "station.db"
        st = Station(path, sid)
        self.tokens[sid] = token or self.tokens.get(sid) or self.hub.add_station(sid)
        st.configure(self.hub.url, self.tokens[sid])

        def ops(conn: Any) -> None:
            with transaction(conn):
                add_operator(conn, "P1", "Packer One", "packer")
                add_operator(conn, "L1", "Lead One", "lead", pin="4321")

        st.writer.call(ops)
        self.st[sid] = st
        return st

    def sync(self, *sids: str) -> None:
        for sid in sids or tuple(self.st):
            self.st[sid].service().sync_once()

    def close(self) -> None:
        for st in self.st.values():
            st.close()
        self.hub.stop()


@pytest.fixture
def line(tmp_path: Path, hub_url: tuple[str | None, Any]) -> Iterator[Line]:
    """Every scenario on a SQLite hub and on a PostgreSQL hub (skipped where none is installed)."""
    ln = Line(tmp_path, hub_url[0], hub_url[1])
    yield ln
    ln.close()


def anon_batch(st: Station, qty: int, sku_set: str = "A*1") -> str:
    def run(conn: Any) -> str:
        with transaction(conn):
            b = create_batch(conn, sku_set=sku_set, kind="anonymous", qty=qty, operator="L1")
            set_batch_status(conn, b["batch_id"], "active", operator="L1")
            return str(b["batch_id"])

    return str(st.writer.call(run))


def labels(st: Station, batch_id: str) -> list[str]:
    return [
        r[0]
        for r in st.query(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY label_code", (batch_id,)
        )
    ]


def handoff_id(st: Station) -> str:
    def run(conn: Any) -> str:
        with transaction(conn):
            return str(open_handoff(conn, "ZTO", operator="L1")["handoff_id"])

    return str(st.writer.call(run))


def work(st: Station, batch_id: str, codes: list[str], *, hand_off: bool = True) -> list[Any]:
    """Pack, verify (binds) and hand off each parcel; returns the verify verdicts."""
    pack = ScanContext("pack", operator="P1", batch_id=batch_id)
    verify = ScanContext("verify", operator="P1")
    out = []
    for c in codes:
        assert st.writer.call(scan, c, pack).ok
        out.append(st.writer.call(scan, c, verify))
    if hand_off:
        hid = handoff_id(st)
        h = ScanContext("handoff", operator="P1", handoff_id=hid)
        for v in out:
            if v.ok:
                assert st.writer.call(scan, v.waybill, h).ok
    return out


def bound_orders(st: Station) -> set[str]:
    return {r[0] for r in st.query("SELECT order_id FROM parcels WHERE order_id IS NOT NULL")}


def hub_cli(hub: Hub, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warehouse_app.hub.cli", *args, *hub.db_args()],
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_no_order_twice(line: Line) -> None:
    seen: dict[str, str] = {}
    for sid, st in line.st.items():
        for oid in bound_orders(st):
            assert oid not in seen, f"order {oid} at {seen.get(oid)} and {sid}"
            seen[oid] = sid


def test_anonymous_offline_binds_only_inside_each_lease(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(40)])
    line.sync()
    batches = {sid: anon_batch(st, 8) for sid, st in line.st.items()}
    line.sync()  # the hub sees the batches and leases each station its block
    for st in line.st.values():
        conn = st.store.connect(readonly=True)
        try:
            assert multistation.hub_divides_work(conn)
            (lease,) = multistation.lease_status(conn)
        finally:
            conn.close()
        assert lease["open_orders"] == 8 and not lease["expired"]
    line.hub.stop()  # the whole line works offline now
    for sid, st in line.st.items():
        verdicts = work(st, batches[sid], labels(st, batches[sid]))
        assert all(v.ok for v in verdicts)
    assert_no_order_twice(line)
    # earliest-paid first across the line: the first 24 orders, 8 per station
    assert set().union(*(bound_orders(s) for s in line.st.values())) == {
        f"O{i:03d}" for i in range(24)
    }
    line.hub.start()
    line.sync()
    assert line.hub.storage.changes_since(0, 10**6)  # still serving
    out = hub_cli(line.hub, "conflicts", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []
    rep = hub_cli(line.hub, "report")
    assert "distinct waybills / 不同面单数\t\t24" in rep.stdout and "DUPLICATE" not in rep.stdout


def test_presale_plan_is_split_and_local_presale_takes_only_its_share(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(10, "B", "P")])
    line.sync()
    out = hub_cli(line.hub, "plan", "presale", "PS1", "--sku-set", "B*1")
    assert out.returncode == 0, out.stderr
    line.sync()
    got: dict[str, set[str]] = {}
    for sid, st in line.st.items():
        rows = st.query("SELECT batch_id, order_id FROM parcels")
        assert {r[0] for r in rows} == {f"PS1-{sid}"}
        got[sid] = {r[1] for r in rows}
    assert sorted(len(v) for v in got.values()) == [2, 4, 4]
    assert set().union(*got.values()) == {f"P{i:03d}" for i in range(10)}
    assert_no_order_twice(line)
    # a lead creating a local presale batch at S1 gets nothing another station holds
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(3, "B", "Q")])
    line.sync("S1")

    def local(conn: Any) -> Any:
        with transaction(conn):
            return create_batch(conn, sku_set="B*1", kind="presale", operator="L1")

    with pytest.raises(StationError):
        line.st["S1"].writer.call(local)
    # importing a presale plan splits it too (several stations: the hub divides it)
    plan = line.tmp / "plans.jsonl"
    plan.write_text(
        json.dumps({"batch_id": "PS2", "kind": "presale", "sku_set": "B*1"}) + "\n",
        encoding="utf-8",
    )
    out = hub_cli(line.hub, "import", str(plan), "--kind", "batch_plan")
    assert out.returncode == 0, out.stderr
    line.sync()
    assert_no_order_twice(line)
    assert sum(len(bound_orders(s)) for s in line.st.values()) == 13


def _bypass_lease(st: Station, order_ids: list[str]) -> None:
    """Force a conflict: this station binds orders the hub leased to another one."""

    def run(conn: Any) -> None:
        with transaction(conn):
            conn.execute("DELETE FROM lease_orders")
            conn.executemany(
                "INSERT INTO lease_orders (order_id, lease_id, sku_set) VALUES (?, 'forced', 'A*1')",
                [(o,) for o in order_ids],
            )

    st.writer.call(run)


def test_forced_conflict_is_detected_held_and_listed(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(20)])
    line.sync()
    b1, b2 = anon_batch(line.st["S1"], 3), anon_batch(line.st["S2"], 3)
    line.sync("S1", "S2")
    s1_lease = sorted(r[0] for r in line.st["S1"].query("SELECT order_id FROM lease_orders"))
    assert s1_lease == ["O000", "O001", "O002"]
    _bypass_lease(line.st["S2"], s1_lease)
    # S1 binds and hands off O000 and O001; S2 (lease bypassed) binds all three: it hands off
    # O000 too (shipped twice), keeps O001 on the table, and binds O002 before S1 does
    v1 = work(line.st["S1"], b1, labels(line.st["S1"], b1)[:2])
    assert [v.order_id for v in v1] == ["O000", "O001"]
    line.sync("S1")
    v2 = work(line.st["S2"], b2, labels(line.st["S2"], b2), hand_off=False)
    assert [v.order_id for v in v2] == ["O000", "O001", "O002"]
    hid = handoff_id(line.st["S2"])
    assert (
        line.st["S2"]
        .writer.call(scan, "WBO000", ScanContext("handoff", operator="P1", handoff_id=hid))
        .ok
    )
    line.sync("S2")
    rows = json.loads(hub_cli(line.hub, "conflicts", "--json").stdout)
    kinds = sorted((r["kind"], r["order_id"], r["station_id"]) for r in rows)
    assert ("double_bound", "O001", "S2") in kinds
    assert ("duplicate_waybill", "O000", "S2") in kinds
    assert ("carrier_intercept", "O000", "S2") in kinds
    # S2 bound O002 first: S1 is the one that must not ship it
    assert not any(k[1] == "O002" for k in kinds)
    # once per waybill: a second sync (and S2 re-pushing nothing new) raises nothing more
    line.sync()
    again = json.loads(hub_cli(line.hub, "conflicts", "--json").stdout)
    assert len(again) == len(rows)
    assert [i["waybill"] for i in _intercepts(line.hub)] == ["WBO000"]
    # the losing station's next scan of the held parcel says who shipped it, then pull mode
    p = line.st["S2"].query("SELECT label_code FROM parcels WHERE order_id='O001'")[0][0]
    v = line.st["S2"].writer.call(scan, p, ScanContext("handoff", operator="P1", handoff_id=hid))
    assert not v.ok and v.reason == "held" and "S1" in v.message_zh and "S1" in v.message_en
    assert line.st["S2"].writer.call(scan, p, ScanContext("pull", operator="P1")).ok
    # the lead screen at every station lists the conflicts (pulled records)
    for st in line.st.values():
        conn = st.store.connect(readonly=True)
        try:
            listed = multistation.conflicts(conn)
        finally:
            conn.close()
        assert {(r["kind"], r["order_id"]) for r in listed} >= {
            ("double_bound", "O001"),
            ("duplicate_waybill", "O000"),
        }
        assert all(r["action_zh"] and r["action_en"] for r in listed)
    # a reprint is a print claim too: S1's lead reprinting its own label is fine, S2's lead
    # reprinting the label of O001 (S1's order) is a second label of that waybill
    for sid, wb in (("S1", "WBO001"), ("S2", "WBO001")):
        _reprint(line.st[sid], wb)
    line.sync("S1", "S2")
    rows = json.loads(hub_cli(line.hub, "conflicts", "--json").stdout)
    printed = [
        (r["station_id"], r["winner_station"])
        for r in rows
        if r["kind"] == "duplicate_waybill" and r["order_id"] == "O001"
    ]
    assert printed == [("S2", "S1")]
    # S1 binds O002 next? no: S2 got it first, so the hub took it out of S1's lease
    line.sync("S1")
    assert "O002" not in {r[0] for r in line.st["S1"].query("SELECT order_id FROM lease_orders")}
    rep = hub_cli(line.hub, "report")
    assert "DUPLICATE / 重复发货\tWBO000\t2x\tS1,S2" in rep.stdout


def _reprint(st: Station, waybill: str) -> None:
    """A lead reprints a waybill and the printer takes it (the print worker's two steps)."""
    from warehouse_app import printing

    def run(conn: Any) -> None:
        printing.request_reprint(conn, waybill, "P1", "L1", "label torn")
        job = printing.next_job(conn, "P1")
        assert job is not None and job["kind"] == "reprint"
        printing.finish_job(conn, job, "P1")

    st.writer.call(run)


def _intercepts(hub: Hub) -> list[dict[str, Any]]:
    from warehouse_app.hub.ledger import Ledger

    return Ledger(hub.storage).intercepts()


def test_cancelled_while_offline_and_shipped_raises_one_intercept(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(6)])
    line.sync()
    b = anon_batch(line.st["S1"], 2)
    line.sync("S1")
    o = line.hub.storage.record("order", "O000")
    assert o is not None
    line.hub.storage.put_records("order", [("O000", {**o, "status": "cancelled"})])
    # S1 is offline: it ships O000 without knowing
    work(line.st["S1"], b, labels(line.st["S1"], b))
    line.sync()
    rows = json.loads(hub_cli(line.hub, "conflicts", "--json").stdout)
    assert {(r["kind"], r["order_id"]) for r in rows} == {
        ("cancelled_shipped", "O000"),
        ("carrier_intercept", "O000"),
    }
    assert len(_intercepts(line.hub)) == 1
    # S2 and S3 never packed it: no phantom intercept there
    for sid in ("S2", "S3"):
        assert line.st[sid].query("SELECT count(*) FROM parcels")[0][0] == 0


def test_moved_cage_hands_off_at_b_with_both_counts_right(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(10)])
    line.sync()
    a, b = line.st["S1"], line.st["S2"]
    ba = anon_batch(a, 4)
    line.sync("S1")
    verdicts = work(a, ba, labels(a, ba), hand_off=False)
    line.sync("S1")
    # online: B scans two of A's parcels in; the hub records it, both stations pull it
    moved = [verdicts[0].code, verdicts[1].waybill]
    got = receive_online(b.store, b.writer, moved)
    assert {r["from_station"] for r in got} == {"S1"} and len(got) == 2
    assert b.query("SELECT count(*) FROM parcels WHERE transferred_from='S1'")[0][0] == 2
    # a parcel the hub never heard of: a clear answer, use a transfer sheet
    with pytest.raises(SyncError) as err:
        receive_online(b.store, b.writer, ["PP-NOPE"])
    assert "transfer sheet" in str(err.value)
    line.sync("S1")
    # offline: a lead moves a third parcel with a transfer sheet
    sheet = line.tmp / "sheet.json"

    def out(conn: Any) -> Any:
        with transaction(conn):
            return multistation.transfer_out(conn, [verdicts[2].waybill], "S2", operator="L1")

    rows = a.writer.call(out)
    sheet.write_text(json.dumps({"transfers": rows}), encoding="utf-8")

    def take(conn: Any) -> Any:
        with transaction(conn):
            return multistation.transfer_in(
                conn, json.loads(sheet.read_text())["transfers"], operator="L1"
            )

    assert len(b.writer.call(take)) == 1
    # A refuses to hand off what left; B hands off all three as its own
    ha = ScanContext("handoff", operator="P1", handoff_id=handoff_id(a))
    v = a.writer.call(scan, verdicts[0].waybill, ha)
    assert not v.ok and v.reason == "transferred" and "S2" in v.message_en
    hb = ScanContext("handoff", operator="P1", handoff_id=handoff_id(b))
    for vv in verdicts[:3]:
        assert b.writer.call(scan, vv.waybill, hb).ok
    assert a.writer.call(scan, verdicts[3].waybill, ha).ok
    line.sync("S1", "S2")
    conn = a.store.connect(readonly=True)
    try:
        from warehouse_app.batches import get_batch

        counts = get_batch(conn, ba)["counts"]
        assert counts == {"transferred": 3, "handed_off": 1}
        assert multistation.transfer_counts(conn)["transferred_out"] == 3
    finally:
        conn.close()
    assert b.query("SELECT count(*) FROM parcels WHERE state='handed_off'")[0][0] == 3
    assert json.loads(hub_cli(line.hub, "conflicts", "--json").stdout) == []
    rep = hub_cli(line.hub, "report")
    assert "S1\tZTO\t1" in rep.stdout and "S2\tZTO\t3" in rep.stdout
    assert "distinct waybills / 不同面单数\t\t4" in rep.stdout


def test_replaced_pc_resumes_uploading(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(4)])
    old = line.st["S3"]
    old.add_events(5)
    line.sync("S3")
    before = len(line.hub.storage.events("S3", 0, 10**6))
    assert before >= 5
    # the PC dies; a new one gets a fresh data folder with the same id and token
    old.close()
    new_dir = line.tmp / "S3-new"
    new_dir.mkdir()
    new = line.add("S3", new_dir / "station.db", token=line.tokens["S3"])
    new.add_events(2)
    with pytest.raises(SyncError) as err:
        new.service().sync_once()
    assert "station replace S3" in str(err.value)
    # `sync status` says uploads are refused and why, even though the hub answers
    status = subprocess.run(
        [sys.executable, "-m", "warehouse_app.cli", "--data-dir", str(new_dir), "--lang", "en"]
        + ["sync", "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert status.returncode == 0, status.stderr
    assert "uploads REFUSED" in status.stdout and "station replace" in status.stdout
    out = hub_cli(line.hub, "station", "replace", "S3")
    assert out.returncode == 0, out.stderr
    token = out.stdout.strip().splitlines()[-1]
    new.configure(line.hub.url, token)
    new.service().sync_once()
    got = line.hub.storage.events("S3", 0, 10**6)
    assert [e["seq"] for e in got] == [e[0] for e in new.events()]
    assert len(line.hub.storage.events("S3~1", 0, 10**6)) == before  # nothing lost


def test_lease_expires_back_to_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAREHOUSE_HUB_LEASE_TTL_S", "1")
    monkeypatch.setenv("WAREHOUSE_HUB_LEASE_MIN_BLOCK", "5")
    ln = Line(tmp_path)
    try:
        ln.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(20)])
        ln.sync()
        b1 = anon_batch(ln.st["S1"], 10)
        ln.sync("S1")
        first = {r[0] for r in ln.st["S1"].query("SELECT order_id FROM lease_orders")}
        assert len(first) == 5
        time.sleep(1.2)  # S1 goes quiet past its lease; its lead sees it
        conn = ln.st["S1"].store.connect(readonly=True)
        try:
            assert multistation.staleness_warnings(conn)
        finally:
            conn.close()
        anon_batch(ln.st["S2"], 5)
        ln.sync("S2")  # the expired orders went back to the pool: S2 gets them
        assert {r[0] for r in ln.st["S2"].query("SELECT order_id FROM lease_orders")} == first
        # S1, still offline, keeps binding on its expired lease: the leads hear about it
        (v,) = work(ln.st["S1"], b1, labels(ln.st["S1"], b1)[:1], hand_off=False)
        assert v.ok and v.order_id in first
        ln.sync("S1", "S2")
        rows = json.loads(hub_cli(ln.hub, "conflicts", "--json").stdout)
        assert [(r["kind"], r["station_id"]) for r in rows] == [("outside_lease", "S1")]
        assert v.order_id not in {
            r[0] for r in ln.st["S2"].query("SELECT order_id FROM lease_orders")
        }
    finally:
        ln.close()


def test_a_lead_moves_leased_work_to_another_station(line: Line) -> None:
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(40)])
    line.sync()
    anon_batch(line.st["S2"], 10)
    anon_batch(line.st["S3"], 10)
    line.sync("S2", "S3")
    s2 = {r[0] for r in line.st["S2"].query("SELECT order_id FROM lease_orders")}
    out = hub_cli(line.hub, "lease", "move", "--from", "S2", "--to", "S3", "--count", "4")
    assert out.returncode == 0, out.stderr
    line.sync("S2", "S3")
    s2_after = {r[0] for r in line.st["S2"].query("SELECT order_id FROM lease_orders")}
    s3 = {r[0] for r in line.st["S3"].query("SELECT order_id FROM lease_orders")}
    # the 4 latest-paid went to S3; S2 keeps the rest (and its next pull tops it up again
    # from the pool, later-paid orders: its batch still needs 10)
    moved = s2 - s2_after
    assert len(moved) == 4 and moved <= s3 and not s2_after & s3
    assert max(s2 - moved) < min(moved)
    listing = hub_cli(line.hub, "lease", "list")
    assert "S3\tA*1\t14" in listing.stdout


def test_leases_stay_inside_each_warehouse(line: Line) -> None:
    from warehouse_app.hub.integrator import Directory

    d = Directory(line.hub.storage)
    d.add_warehouse("W1", "杭州仓", "Asia/Shanghai")
    d.add_warehouse("W2", "广州仓", "Asia/Shanghai")
    for sid, wh in (("S1", "W1"), ("S2", "W1"), ("S3", "W2")):
        d.assign_station(sid, wh)
    rows = [{**o, "warehouse_id": "W1" if i % 2 else "W2"} for i, o in enumerate(_orders(20))]
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in rows])
    line.sync()
    for st in line.st.values():
        anon_batch(st, 3)
    line.sync()
    wh_of = {o["order_id"]: o["warehouse_id"] for o in rows}
    leased = {
        sid: {r[0] for r in st.query("SELECT order_id FROM lease_orders")}
        for sid, st in line.st.items()
    }
    assert {wh_of[o] for o in leased["S1"] | leased["S2"]} == {"W1"}
    assert {wh_of[o] for o in leased["S3"]} == {"W2"}
    assert all(len(v) == 3 for v in leased.values())
    assert not leased["S1"] & leased["S2"]


def test_conflicts_leases_and_duplicates_are_scoped_by_warehouse(line: Line) -> None:
    """Two warehouses on one hub: each station, token and report sees its own warehouse's
    conflicts, leases, holds and duplicate waybills; a group token sees them all."""
    import httpx

    from warehouse_app.hub.integrator import Directory

    d = Directory(line.hub.storage)
    d.add_warehouse("W1", "杭州仓", "Asia/Shanghai")
    d.add_warehouse("W2", "广州仓", "Asia/Shanghai")
    for sid, wh in (("S1", "W1"), ("S2", "W1"), ("S3", "W2")):
        d.assign_station(sid, wh)
    group = d.add_token("ops", "group", None, ["reports:read"])
    erp2 = d.add_token("erp2", "integrator", "W2", ["reports:read"])
    rows = [{**o, "warehouse_id": "W1"} for o in _orders(10)]
    rows += [{**o, "warehouse_id": "W2"} for o in _orders(4, "A", "Q")]
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in rows])
    line.sync()
    b = {sid: anon_batch(st, 2) for sid, st in line.st.items()}
    line.sync()
    s1_lease = sorted(r[0] for r in line.st["S1"].query("SELECT order_id FROM lease_orders"))
    assert s1_lease == ["O000", "O001"]
    # W1: S2 bypasses its lease and ships S1's two orders again (duplicate waybills)
    _bypass_lease(line.st["S2"], s1_lease)
    work(line.st["S1"], b["S1"], labels(line.st["S1"], b["S1"]))
    line.sync("S1")
    work(line.st["S2"], b["S2"], labels(line.st["S2"], b["S2"]))
    # W2: Q000 is cancelled while S3 (offline) ships it
    q0 = line.hub.storage.record("order", "Q000")
    assert q0 is not None
    line.hub.storage.put_records("order", [("Q000", {**q0, "status": "cancelled"})])
    v3 = work(line.st["S3"], b["S3"], labels(line.st["S3"], b["S3"]))
    assert [v.order_id for v in v3] == ["Q000", "Q001"]
    line.sync()
    line.sync()  # everyone pulls what the others' pushes produced

    def local_conflicts(sid: str) -> set[tuple[str, str]]:
        conn = line.st[sid].store.connect(readonly=True)
        try:
            return {(r["kind"], r["order_id"]) for r in multistation.conflicts(conn)}
        finally:
            conn.close()

    w1 = {("duplicate_waybill", "O000"), ("duplicate_waybill", "O001")}
    w2 = {("cancelled_shipped", "Q000"), ("carrier_intercept", "Q000")}
    for sid in ("S1", "S2"):
        got = local_conflicts(sid)
        assert got >= w1 and not {o for _, o in got} & {"Q000"}
    assert local_conflicts("S3") == w2
    # pulled work division: only this station's leases and holds
    s1 = httpx.Client(
        base_url=line.hub.url, headers={"Authorization": f"Bearer {line.tokens['S1']}"}
    )
    s3 = httpx.Client(
        base_url=line.hub.url, headers={"Authorization": f"Bearer {line.tokens['S3']}"}
    )
    for client, sid in ((s1, "S1"), (s3, "S3")):
        page = client.get("/api/v1/changes", params={"since": 0, "limit": 5000}).json()
        owners = {
            ch["data"]["station_id"] for ch in page["changes"] if ch["kind"] in ("lease", "hold")
        }
        assert owners <= {sid}
    assert line.st["S2"].query("SELECT count(*) FROM holds")[0][0] == 2
    # the API: a station and an integrator token see their warehouse, a group token all
    api = {(r["kind"], r["order_id"]) for r in s3.get("/api/v1/conflicts").json()["conflicts"]}
    assert api == w2
    erp = httpx.Client(base_url=line.hub.url, headers={"Authorization": f"Bearer {erp2}"})
    assert {r["order_id"] for r in erp.get("/api/v1/conflicts").json()["conflicts"]} == {"Q000"}
    r = erp.get("/api/v1/conflicts", params={"warehouse": "W1"})
    assert r.status_code == 403 and r.json()["code"] == "other_warehouse"
    g = httpx.Client(base_url=line.hub.url, headers={"Authorization": f"Bearer {group}"})
    every = {(r["kind"], r["order_id"]) for r in g.get("/api/v1/conflicts").json()["conflicts"]}
    assert every >= w1 | w2
    only_w1 = g.get("/api/v1/conflicts", params={"warehouse": "W1"}).json()["conflicts"]
    assert {r["warehouse_id"] for r in only_w1} == {"W1"}
    assert {r["station_id"] for r in s3.get("/api/v1/leases").json()["leases"]} <= {"S3"}
    assert {r["station_id"] for r in s1.get("/api/v1/leases").json()["leases"]} <= {"S1", "S2"}
    # the handoff report's duplicate summary is per warehouse
    rep1 = s1.get("/api/v1/reports/handoffs").json()
    assert [x["waybill"] for x in rep1["duplicate_waybills"]] == ["WBO000", "WBO001"]
    assert rep1["distinct_waybills"] == 2
    rep3 = s3.get("/api/v1/reports/handoffs").json()
    assert rep3["duplicate_waybills"] == [] and rep3["distinct_waybills"] == 2
    assert g.get("/api/v1/reports/handoffs").json()["distinct_waybills"] == 4
    for c in (s1, s3, erp, g):
        c.close()
    # the hub's CLI, one warehouse at a time
    out = hub_cli(line.hub, "conflicts", "--json", "--warehouse", "W2")
    assert out.returncode == 3 and {r["order_id"] for r in json.loads(out.stdout)} == {"Q000"}
    rep = hub_cli(line.hub, "report", "--warehouse", "W2")
    assert "DUPLICATE" not in rep.stdout and "S3\tZTO\t2" in rep.stdout
    assert "S1\t" not in rep.stdout
    assert "DUPLICATE / 重复发货\tWBO000\t2x\tS1,S2" in hub_cli(line.hub, "report").stdout


def test_stations_online_offline_past_lease_or_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub tells a station offline inside its lease from one offline past it (a warning:
    its orders went back to the pool) and from one silent so long it is likely dead; every
    station's lead sees it, and so do `warehouse-hub stations` and GET /api/v1/stations."""
    import httpx

    for k, v in {
        # seconds, with slack for a loaded CI machine (a CLI start can take 2 s there)
        "WAREHOUSE_HUB_LEASE_TTL_S": "10",
        "WAREHOUSE_HUB_OFFLINE_AFTER_S": "3",
        "WAREHOUSE_HUB_DEAD_AFTER_S": "16",
        "WAREHOUSE_HUB_LIVENESS_CHECK_S": "0",
    }.items():
        monkeypatch.setenv(k, v)
    ln = Line(tmp_path)
    try:
        ln.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(20)])
        ln.sync()
        for st in ln.st.values():
            anon_batch(st, 3)
        t0 = time.monotonic()
        ln.sync()  # every station leased 3 orders; then S3 goes quiet

        def states() -> tuple[int, dict[str, dict[str, Any]]]:
            out = hub_cli(ln.hub, "stations", "--json")
            assert out.returncode in (0, 3), out.stderr
            return out.returncode, {r["station_id"]: r for r in json.loads(out.stdout)}

        time.sleep(max(0.0, t0 + 5.5 - time.monotonic()))
        ln.sync("S1", "S2")  # renews their leases (past half the TTL)
        code, got = states()
        assert code == 0 and got["S1"]["state"] == "online"
        s3 = got["S3"]
        assert s3["state"] == "offline" and s3["open_orders"] == 3 and s3["lease_expires_at"]
        assert "go back to the pool" in s3["action_en"]
        view = [
            tuple(r)
            for r in ln.st["S1"].query("SELECT state FROM hub_stations WHERE station_id='S3'")
        ]
        assert view == [("offline",)]
        # past S3's lease: its orders go back to the pool at the next pull; a warning
        time.sleep(max(0.0, t0 + 11 - time.monotonic()))
        ln.sync("S1")
        code, got = states()
        assert code == 3 and got["S3"]["state"] == "lease_expired" and got["S3"]["warning"]
        assert got["S3"]["returned_orders"] == 3 and got["S3"]["open_orders"] == 0
        conn = ln.st["S1"].store.connect(readonly=True)
        try:
            view_rows = {d["station_id"]: d for d in multistation.stations_view(conn)["stations"]}
            warns = multistation.staleness_warnings(conn)
            # on S1's clock, later on: silent past the hub's limit is likely dead
            from warehouse_app.clock import utcnow

            later = multistation.station_states(conn, utcnow() + timedelta(hours=5))
        finally:
            conn.close()
        assert view_rows["S3"]["state"] == "lease_expired" and view_rows["S1"]["me"]
        assert any("S3" in zh and "S3" in en and "lease" in en for zh, en in warns)
        assert {d["station_id"]: d["state"] for d in later}["S3"] == "silent"
        # the API, for a station's lead elsewhere
        with httpx.Client(
            base_url=ln.hub.url, headers={"Authorization": f"Bearer {ln.tokens['S2']}"}
        ) as c:
            api = {r["station_id"]: r for r in c.get("/api/v1/stations").json()["stations"]}
        assert api["S3"]["state"] == "lease_expired" and api["S3"]["last_seen_at"]
        # silent for longer than WAREHOUSE_HUB_DEAD_AFTER_S: likely dead
        time.sleep(max(0.0, t0 + 17 - time.monotonic()))
        code, got = states()
        assert code == 3 and got["S3"]["state"] == "silent"
        out = hub_cli(ln.hub, "stations")
        assert "S3\t-\tsilent  WARNING / 警告" in out.stdout and "likely dead" in out.stdout
    finally:
        ln.close()


def test_transferred_parcel_is_weighed_at_b_as_at_a(line: Line) -> None:
    """The batch stays at A: its weight rule travels with the parcel, so B's verify checks the
    weight as A's would (a transfer sheet carries A's tolerance; an online transfer, whose hub
    knows no batch rules, is weighed against B's catalog with the default tolerance)."""
    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(12)])
    line.sync()
    a, b = line.st["S1"], line.st["S2"]

    def strict_batch(conn: Any) -> str:
        with transaction(conn):
            bt = create_batch(
                conn, sku_set="A*1", kind="anonymous", qty=2, operator="L1", weight_tolerance_g=10
            )
            set_batch_status(conn, bt["batch_id"], "active", operator="L1")
            return str(bt["batch_id"])

    ba = a.writer.call(strict_batch)
    anon_batch(b, 4)  # B packs A*1 too: it holds a lease to bind the parcels it receives
    line.sync("S1", "S2")
    codes = labels(a, ba)
    for c in codes:  # packed at A, not verified (weighed) yet
        assert a.writer.call(scan, c, ScanContext("pack", operator="P1", batch_id=ba)).ok
    line.sync("S1")

    def out(conn: Any) -> Any:
        with transaction(conn):
            return multistation.transfer_out(conn, [codes[0]], "S2", operator="L1")

    sheet = a.writer.call(out)
    assert sheet[0]["expected_weight_g"] == 100 and sheet[0]["weight_tolerance_g"] == 10

    def take(conn: Any) -> Any:
        with transaction(conn):
            return multistation.transfer_in(conn, sheet, operator="L1")

    assert b.writer.call(take) == [codes[0]]
    assert len(receive_online(b.store, b.writer, [codes[1]])) == 1
    verify = ScanContext("verify", operator="P1")
    v = b.writer.call(scan, codes[0], verify, 115)  # A's rule: 100 g ± 10 g
    assert not v.ok and v.reason == "wrong_weight"
    assert v.extra["expected_weight_g"] == 100 and v.extra["tolerance_g"] == 10
    assert b.writer.call(scan, codes[0], verify, 104).ok
    v = b.writer.call(scan, codes[1], verify, 140)  # online: 100 g ± max(30 g, 5 %)
    assert not v.ok and v.reason == "wrong_weight" and v.extra["tolerance_g"] == 30
    ok = b.writer.call(scan, codes[1], verify, 125)
    assert ok.ok and ok.order_id
    assert (
        b.query("SELECT count(*) FROM parcels WHERE state='verified' AND batch_id IS NULL")[0][0]
        == 2
    )


def test_a_station_scanning_faster_than_it_pushes_still_pulls_its_lease(line: Line) -> None:
    """A sync pushes what was in the outbox when it started, then pulls: a packer adding events
    faster than a push takes must not keep the sync pushing for ever (its lease renewals and
    holds would never arrive; the benchmark's lease waits came from this)."""
    import threading

    line.hub.storage.put_records("order", [(o["order_id"], o) for o in _orders(10)])
    st = line.st["S1"]
    svc = st.service(batch_size=5)  # small pushes: the packer outpaces them for sure
    pulled_while_packing = threading.Event()
    added = [0]

    def packer() -> None:  # outbox events as fast as the writer takes them, until a pull
        while added[0] < 5000:
            st.add_events(5)
            added[0] += 5
            if added[0] > 100 and st.query("SELECT last_pull_at FROM sync_state")[0][0]:
                pulled_while_packing.set()
                return

    t = threading.Thread(target=packer, daemon=True)
    t.start()
    while added[0] < 50:  # the outbox is busy before the sync starts
        time.sleep(0.01)
    svc.sync_once()
    t.join(120)
    assert pulled_while_packing.is_set()  # not only once the packer stopped (its cap)
    assert st.query("SELECT count(*) FROM orders")[0][0] == 10
