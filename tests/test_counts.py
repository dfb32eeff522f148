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
    happened afterwards; a voided parcel counts nowhere."""
    from warehouse_app.store.tx import transaction

    b = make_batch(conn, "A*1", kind="anonymous", qty=4)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT parcel_id FROM parcels WHERE batch_id=? ORDER BY parcel_id", (b["batch_id"],)
        )
    ]
    states = ["handed_off", "returned", "intercepted", "voided"]
    with transaction(conn):
        for pid, state in zip(ids, states, strict=True):
            conn.execute(
                "UPDATE parcels SET state=?, carrier='ZTO', handed_off_at='2026-11-11T12:30:00Z', "
                "handed_off_by='P1' WHERE parcel_id=?",
                (state, pid),
            )
    c = counts.handoff_counts(conn)
    assert c["total"] == 3  # handed off, returned, intercepted after the handoff
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
