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
