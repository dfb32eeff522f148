"""The demo is all or nothing: a build that fails half-way leaves the station as empty as it was."""

from __future__ import annotations

import sqlite3

import pytest

from warehouse_app.demo import build_demo

TABLES = ("meta", "operators", "orders", "parcels", "batches", "handoffs", "events")


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_a_demo_that_fails_half_way_writes_nothing(store):
    conn = store.connect()
    before = _counts(conn)
    # a real failure late in the build (as a full disk would be): the first handoff cannot be saved
    conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON handoffs BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        build_demo(conn, orders=300)
    assert not conn.in_transaction
    assert _counts(conn) == before
    conn.execute("DROP TRIGGER boom")
    info = build_demo(conn, orders=300)  # the same station then builds it whole
    after = _counts(conn)
    assert after["orders"] >= 300 and after["handoffs"] == len(info["handoffs"]) > 0
    seqs = [r[0] for r in conn.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))  # the outbox stays gapless through savepoints
    conn.close()


def test_nested_transactions_fail_loudly_outside_all_or_nothing(conn):
    from warehouse_app.store.tx import transaction

    with transaction(conn), pytest.raises(sqlite3.OperationalError):
        with transaction(conn):
            pass


def test_cli_demo_with_many_orders_has_the_capacity_it_needs(tmp_path):
    from tests.cli_helpers import run_cli

    r = run_cli(tmp_path / "d", "demo", "--orders", "12000", "--no-progress")
    assert r.returncode == 0, r.stderr
