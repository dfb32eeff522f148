"""One number per question: the packer's counter, the lead's Batches tab and `batch list` show
the same batch progress on the demo (warehouse_app.counts decides how returned, voided and
intercepted parcels count)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.core_helpers import make_batch
from warehouse_app import counts


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from warehouse_app.demo import build_demo
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    d = tmp_path_factory.mktemp("counts")
    conn = open_store(db_path(d)).connect()
    build_demo(conn, orders=400)
    conn.close()
    return d


def test_batch_counts_agree_everywhere_on_the_demo(demo_dir: Path) -> None:
    from ui.lead_tabs.batches import _batch_rows
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    conn = open_store(db_path(demo_dir)).connect(readonly=True)
    try:
        lead = {r["batch_id"]: r for r in _batch_rows(conn)}
        cli = {
            r["batch_id"]: r
            for r in json.loads(run_cli(demo_dir, "batch", "list", "--format", "json").stdout)
        }
        assert lead.keys() == cli.keys() and lead
        returned_somewhere = False
        for bid in lead:
            core = counts.batch_progress(conn, bid)
            packer = counts.live_counters(conn, bid, None)["batch"]
            for key in ("packed", "verified", "intercepted"):
                assert lead[bid][key] == cli[bid][key] == core[key] == packer[key], (bid, key)
            returned_somewhere |= core["returned"] > 0
            # the rules: each step includes the later ones; returned ones stay counted
            assert core["packed"] >= core["verified"] >= core["handed_off"] >= core["returned"]
            assert core["total"] == core["remaining"] + core["packed"] + core["intercepted"]
        assert returned_somewhere  # the demo has returns: the case the screens used to disagree on
    finally:
        conn.close()


def test_how_returned_voided_and_intercepted_count(conn: sqlite3.Connection) -> None:
    b = make_batch(conn, "A*1", kind="anonymous", qty=3)
    n = conn.execute("SELECT count(*) FROM parcels WHERE batch_id=?", (b["batch_id"],)).fetchone()
    c = counts.progress_of(
        {"planned": 2, "packed": 1, "verified": 1, "handed_off": 1, "returned": 1}
        | {"intercepted": 1, "pulled": 1, "voided": 3, "transferred": 1}
    )
    assert c["total"] == 8  # voided and transferred count nowhere
    assert (c["packed"], c["verified"], c["handed_off"], c["returned"]) == (4, 3, 2, 1)
    assert c["intercepted"] == 2 and c["remaining"] == 2
    assert counts.batch_progress(conn, b["batch_id"])["total"] == n[0]


def test_handoff_counts_agree_everywhere_on_the_demo(demo_dir: Path) -> None:
    """One handoff figure: the report (`report handoffs`), the lead's Review tab (its table,
    chart and exports read the same rows) and each handoff's own count (the packer's counter,
    the Handoffs tab) all come from warehouse_app.counts, returned parcels included."""
    from ui.lead_tabs.review import _load
    from warehouse_app.handoffs import list_handoffs
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    conn = open_store(db_path(demo_dir)).connect(readonly=True)
    try:
        core = counts.handoff_counts(conn)
        review, _since, _until = _load(conn, 24 * 365 * 5)  # a window holding every handoff
        per_handoff = {
            h["handoff_id"]: (h["carrier"], counts.handoff_progress(conn, h["handoff_id"]))
            for h in list_handoffs(conn)
        }
        returned = conn.execute(
            "SELECT count(*) FROM parcels WHERE state='returned' AND handed_off_at IS NOT NULL"
        ).fetchone()[0]
    finally:
        conn.close()
    cli = json.loads(run_cli(demo_dir, "report", "handoffs", "--format", "json").stdout)
    assert core["total"] > 0 and returned > 0  # the demo hands off, and some came back
    assert review == core
    assert {k: cli[k] for k in ("total", "per_carrier", "per_operator")} == {
        k: core[k] for k in ("total", "per_carrier", "per_operator")
    }
    assert [(x["hour"], x["carrier"], x["parcels"]) for x in cli["per_hour"]] == [
        (x["hour"], x["carrier"], x["parcels"]) for x in core["per_hour"]
    ]
    assert sum(p["count"] for _c, p in per_handoff.values() if p) == core["total"]
    by_carrier: dict[str, int] = {}
    for carrier, p in per_handoff.values():
        by_carrier[carrier] = by_carrier.get(carrier, 0) + (p["count"] if p else 0)
    assert {r["carrier"]: r["parcels"] for r in core["per_carrier"]} == {
        c: n for c, n in by_carrier.items() if n
    }
    assert sum(r["parcels"] for r in core["per_hour"]) == core["total"]
    assert sum(r["parcels"] for r in core["per_operator"]) == core["total"]


def test_how_handoffs_count_returned_intercepted_and_voided(conn: sqlite3.Connection) -> None:
    """The docstring's handoff rule on hand-made rows: what the carrier took counts, whatever
    happened afterwards; a voided parcel and one marked transferred to another station (the
    hub's record of a cage move can reach a station after its own handoff) count nowhere."""
    from warehouse_app.store.tx import transaction

    b = make_batch(conn, "A*1", kind="anonymous", qty=5)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT parcel_id FROM parcels WHERE batch_id=? ORDER BY parcel_id", (b["batch_id"],)
        )
    ]
    states = ["handed_off", "returned", "intercepted", "voided", "handed_off"]
    with transaction(conn):
        for pid, state in zip(ids, states, strict=True):
            conn.execute(
                "UPDATE parcels SET state=?, carrier='ZTO', handed_off_at='2026-11-11T12:30:00Z', "
                "handed_off_by='P1' WHERE parcel_id=?",
                (state, pid),
            )
        conn.execute("UPDATE parcels SET transferred_to='T2' WHERE parcel_id=?", (ids[-1],))
    c = counts.handoff_counts(conn)
    assert c["total"] == 3  # handed off, returned, intercepted after the handoff
    assert counts.shipped_by_carrier(conn) == {"ZTO": 3}
    assert counts.shipped_by_sku_set(conn) == {"A*1": 3}
    progress = counts.batch_progress(conn, b["batch_id"])
    assert progress["total"] == 3  # neither the voided nor the transferred one
    assert c["per_carrier"][0]["carrier"] == "ZTO" and c["per_carrier"][0]["parcels"] == 3
    assert c["per_hour"] == [{"hour": "2026-11-11T12:00Z", "carrier": "ZTO", "parcels": 3}]
    assert counts.handoff_counts(conn, since="2026-11-11T13:00:00Z")["total"] == 0


def test_review_and_scorecard_ship_what_handoff_counts_ship(conn: sqlite3.Connection) -> None:
    """The promo review's return rate and the scorecard's parcels shipped use the handoff rule:
    a parcel intercepted after its handoff was shipped, a voided one was not. Before any handoff
    the return rate is unknown (None, "no data"), never 0 %."""
    from tests.test_promo_carriers import _rules
    from warehouse_app.promo.carriers import set_rules
    from warehouse_app.promo.review import build_review
    from warehouse_app.promo.scorecard import scorecard
    from warehouse_app.store.tx import transaction

    assert build_review(conn)["returns"]["return_rate"] is None
    with transaction(conn):
        set_rules(conn, [r for r in _rules(ZTO=10) if r["carrier"] in ("ZTO", "YTO")])
    b = make_batch(conn, "A*1", kind="anonymous", qty=4)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT parcel_id FROM parcels WHERE batch_id=? ORDER BY parcel_id", (b["batch_id"],)
        )
    ]
    with transaction(conn):
        for pid, state in zip(
            ids, ["handed_off", "returned", "intercepted", "voided"], strict=True
        ):
            conn.execute(
                "UPDATE parcels SET state=?, carrier='ZTO', handed_off_at='2026-11-11T12:30:00Z', "
                "handed_off_by='P1' WHERE parcel_id=?",
                (state, pid),
            )
    shipped = counts.handoff_counts(conn)["total"]
    assert shipped == 3 and counts.shipped_by_carrier(conn) == {"ZTO": 3}
    assert build_review(conn)["returns"]["shipped_parcels"] == shipped
    rows = {r["carrier"]: r for r in scorecard(conn)}
    assert rows["ZTO"]["parcels_shipped"] == shipped


@pytest.fixture
def after_the_promo(tmp_path: Path) -> tuple[sqlite3.Connection, Path]:
    """A station after real scans and lead actions: O1 shipped; O2 shipped and returned; O3
    shipped, then its order cancelled (a carrier intercept: the parcel stays handed off); O4
    verified, then its waybill voided; O5 verified, then its cage moved to another station; O6
    packed, then cancelled and pulled; O7 never packed. Shipped: O1, O2, O3."""
    from tests.test_promo_common import RULES, T0, add_orders, new_station, order
    from warehouse_app import operations
    from warehouse_app.batches import create_batch, set_batch_status
    from warehouse_app.multistation import transfer_out
    from warehouse_app.orders import apply_orders
    from warehouse_app.promo.carriers import allocate_orders, set_rules
    from warehouse_app.returns import scan_return
    from warehouse_app.scan_engine import ScanContext, scan
    from warehouse_app.store.tx import transaction

    conn = new_station(tmp_path)
    sets = {"O1": "A", "O2": "A*2+B", "O3": "A", "O4": "A", "O5": "A*2+B", "O6": "A", "O7": "A"}
    add_orders(
        conn,
        [
            order(oid, items, i, session_id="S1" if oid in ("O1", "O2", "O3") else "S2")
            for i, (oid, items) in enumerate(sets.items())
        ],
    )
    with transaction(conn):
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
        for s in ("A*1", "A*2+B*1"):
            b = create_batch(conn, sku_set=s, kind="presale")
            set_batch_status(conn, b["batch_id"], "active")
    wb = {str(r[0]): str(r[1]) for r in conn.execute("SELECT order_id, waybill FROM orders")}
    parcel = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in conn.execute("SELECT order_id, batch_id, carrier FROM parcels")
    }
    handoff = {
        c: operations.open_handoff(conn, c, operator="L1")["handoff_id"]
        for c in {c for _b, c in parcel.values()}
    }

    def ok(code: str, ctx: ScanContext) -> None:
        v = scan(conn, code, ctx)
        assert v.ok, (code, ctx, v.reason)

    for oid in ("O1", "O2", "O3", "O4", "O5", "O6"):
        ok(wb[oid], ScanContext("pack", "P1", parcel[oid][0]))
    for oid in ("O1", "O2", "O3", "O4", "O5"):
        ok(wb[oid], ScanContext("verify", "P1"))
    for oid in ("O1", "O2", "O3"):
        ok(wb[oid], ScanContext("handoff", "P2", handoff_id=handoff[parcel[oid][1]]))
    assert scan_return(conn, wb["O2"], ScanContext("return", "P1"), "changed_mind", "restock").ok
    operations.void_waybill(conn, wb["O4"], "label smudged", "L1")
    with transaction(conn):
        transfer_out(conn, [wb["O5"]], "T-ST02", operator="L1")
        cancel = [order(oid, sets[oid], 0, status="cancelled") for oid in ("O3", "O6")]
        summary = apply_orders(conn, cancel)
    assert summary["carrier_intercepts"] == 1 and summary["intercepted"] == 1
    ok(wb["O6"], ScanContext("pull", "P1"))
    states = {str(r[0]): str(r[1]) for r in conn.execute("SELECT order_id, state FROM parcels")}
    assert (states["O3"], states["O4"], states["O6"], states["O7"]) == (
        "handed_off",
        "voided",
        "pulled",
        "planned",
    )
    return conn, tmp_path


def test_every_shipped_figure_agrees_with_counts(
    after_the_promo: tuple[sqlite3.Connection, Path],
) -> None:
    """Every screen, CLI line and report that says "shipped" or "handed off" shows what
    warehouse_app.counts says: the parcel intercepted after its handoff and the returned one
    count, the voided, transferred, pulled and unpacked ones do not."""
    from ui.lead_tabs.review import _load
    from ui.promo.screens import _returns_data
    from warehouse_app.domain import parse_sku_set
    from warehouse_app.promo.review import build_review, review_rows
    from warehouse_app.promo.scorecard import scorecard

    conn, data_dir = after_the_promo
    per_carrier = counts.shipped_by_carrier(conn)
    total = counts.handoff_counts(conn)["total"]
    assert total == sum(per_carrier.values()) == 3
    shipped_sets = counts.shipped_by_sku_set(conn)
    assert shipped_sets == {"A*1": 2, "A*2+B*1": 1}
    units: dict[str, int] = {}
    for key, n in shipped_sets.items():
        for sku, q in parse_sku_set(key).items():
            units[sku] = units.get(sku, 0) + q * n
    assert units == {"A": 4, "B": 1}
    assert counts.shipped_by_session(conn) == {"S1": 3}

    # the lead's Review tab, `report handoffs`, each handoff's own count, batch progress
    assert _load(conn, 24 * 365 * 5)[0]["total"] == total
    cli = json.loads(run_cli(data_dir, "report", "handoffs", "--format", "json").stdout)
    assert cli["total"] == total
    assert {r["carrier"]: r["parcels"] for r in cli["per_carrier"]} == per_carrier
    handoffs = conn.execute("SELECT handoff_id FROM handoffs").fetchall()
    assert (
        sum((counts.handoff_progress(conn, h[0]) or {"count": 0})["count"] for h in handoffs) == 3
    )
    batches = json.loads(run_cli(data_dir, "batch", "list", "--format", "json").stdout)
    assert sum(counts.batch_progress(conn, b["batch_id"])["handed_off"] for b in batches) == total
    assert sum(r["handed_off"] for r in batches) == total

    # the promo review: return rate over shipped parcels, stock "shipped" units per SKU
    review = build_review(conn)
    assert review["returns"]["shipped_parcels"] == total
    assert review["returns"]["return_rate"] == round(1 / 3, 4)
    assert {s["sku"]: s["shipped"] for s in review["stock"] if s["shipped"]} == units
    rows = review_rows(review)
    assert {"section": "returns", "key": "-", "metric": "shipped_parcels", "value": 3} in rows
    cli_review = json.loads(run_cli(data_dir, "report", "review", "--format", "json").stdout)
    assert cli_review["returns"]["shipped_parcels"] == total

    # the scorecard: parcels shipped (cases per 1,000) and the response time's parcels
    card = {r["carrier"]: r for r in scorecard(conn)}
    assert {c: r["parcels_shipped"] for c, r in card.items() if r["parcels_shipped"]} == per_carrier
    assert {c: r["response_parcels"] for c, r in card.items() if r["response_parcels"]} == (
        per_carrier
    )
    cli_card = json.loads(run_cli(data_dir, "report", "scorecard", "--format", "json").stdout)
    assert {
        r["carrier"]: r["parcels_shipped"] for r in cli_card["carriers"] if r["parcels_shipped"]
    } == (per_carrier)

    # the returns report (the Returns screen and `report returns`), per SKU and per session
    screen = _returns_data(conn)
    assert {r["sku"]: r["shipped"] for r in screen["by_sku"]} == units
    assert {r["session"]: r["shipped"] for r in screen["by_session"]} == {"S1": 3}
    assert {r["session"]: r["return_rate"] for r in screen["by_session"]} == {"S1": round(1 / 3, 4)}
    for by, key, want in (("sku", "sku", units), ("session", "session", {"S1": 3})):
        out = run_cli(data_dir, "report", "returns", "--by", by, "--format", "json").stdout
        assert {r[key]: r["shipped"] for r in json.loads(out)} == want


def test_nothing_shipped_is_no_data_not_zero(tmp_path: Path) -> None:
    """Before any handoff, every rate over parcels shipped is unknown: None in the core and JSON,
    'no data' / 无数据 on screens, tables and CSV, never 0 % or a blank cell."""
    from tests.test_promo_common import RULES, T0, add_orders, new_station, order
    from ui.promo.screens import _rate_or_no_data
    from warehouse_app.promo.carriers import allocate_orders, set_rules
    from warehouse_app.promo.review import build_review, review_rows
    from warehouse_app.promo.scorecard import scorecard
    from warehouse_app.store.tx import transaction

    conn = new_station(tmp_path)
    add_orders(conn, [order("O1", "A", 0), order("O2", "A*2+B", 1)])
    with transaction(conn):
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
    assert counts.shipped_by_carrier(conn) == {} and counts.handoff_counts(conn)["total"] == 0
    review = build_review(conn)
    assert review["returns"]["shipped_parcels"] == 0
    assert review["returns"]["return_rate"] is None
    rows = review_rows(review)
    assert {"section": "returns", "key": "-", "metric": "return_rate", "value": "no data"} in rows
    assert all(r["value"] is not None for r in rows)
    assert all(r["exceptions_per_1000"] is None for r in scorecard(conn))
    assert _rate_or_no_data(None) == "no data" and _rate_or_no_data(0.25) == "25.0%"
    conn.close()
    table = run_cli(tmp_path, "report", "review").stdout
    line = next(x for x in table.splitlines() if "return_rate" in x)
    assert "no data" in line and "0.0" not in line
    zh = run_cli(tmp_path, "report", "review", "--format", "csv", lang="zh").stdout
    assert any("退货率" in x and "无数据" in x for x in zh.splitlines()) or any(
        "return_rate" in x and "无数据" in x for x in zh.splitlines()
    )
    card = run_cli(tmp_path, "report", "scorecard").stdout
    assert "no data" in card
