"""Binding stays one index seek: `orders.bound` is kept right by triggers on every path that gives
an order a parcel (or takes it away), and the bind query reads only paid, unbound orders."""

from __future__ import annotations

import sqlite3

from tests.core_helpers import add_orders, make_batch, order, seed_station
from warehouse_app.batches import bind_batch, bind_parcel
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _mismatches(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT o.order_id, o.bound, EXISTS (SELECT 1 FROM parcels p WHERE p.order_id=o.order_id) "
            "FROM orders o WHERE o.bound != EXISTS (SELECT 1 FROM parcels p WHERE p.order_id=o.order_id)"
        )
    ]


def _ctx(mode: str, **kw: str) -> ScanContext:
    return ScanContext(mode, operator="P1", **kw)


def test_flag_follows_presale_anonymous_bind_and_unbind(conn):

    add_orders(
        conn,
        order("P1", {"A": 1}, paid_at="2026-11-11T12:00:00Z"),
        order("P2", {"A": 1}, paid_at="2026-11-11T12:01:00Z"),
        order("N3", {"C": 1}, paid_at="2026-11-11T12:03:00Z"),
        order("N1", {"C": 1}, paid_at="2026-11-11T12:01:00Z"),
        order("N2", {"C": 1}, paid_at="2026-11-11T12:02:00Z"),
    )
    assert conn.execute("SELECT sum(bound) FROM orders").fetchone()[0] == 0
    make_batch(conn, "A*1")  # presale: parcels are created carrying their orders
    assert {r[0] for r in conn.execute("SELECT order_id FROM orders WHERE bound=1")} == {"P1", "P2"}
    b = make_batch(conn, "C*1", kind="anonymous", qty=2)
    labels = [
        r[0]
        for r in conn.execute(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY 1", (b["batch_id"],)
        )
    ]
    for lc in labels:
        assert scan(conn, lc, _ctx("pack", batch_id=b["batch_id"])).ok
    assert scan(conn, labels[0], _ctx("verify")).order_id == "N1"
    assert _mismatches(conn) == []
    # the flag also follows a parcel moved off an order and a parcel deleted (repairs, tests)
    with transaction(conn):
        conn.execute("UPDATE parcels SET order_id=NULL, waybill=NULL WHERE order_id='N1'")
    assert conn.execute("SELECT bound FROM orders WHERE order_id='N1'").fetchone()[0] == 0
    assert scan(conn, labels[1], _ctx("verify")).order_id == "N1"  # earliest-paid again
    with transaction(conn):
        conn.execute("DELETE FROM parcels WHERE order_id='P2'")
    assert _mismatches(conn) == []


def test_bind_skips_cancelled_and_other_contents_and_uses_the_partial_index(conn):

    add_orders(
        conn,
        order("X0", {"C": 1}, paid_at="2026-11-11T11:00:00Z", status="cancelled"),
        order("XB", {"C": 1, "A": 1}, paid_at="2026-11-11T11:30:00Z"),
        order("X1", {"C": 1}, paid_at="2026-11-11T12:00:00Z"),
    )
    b = make_batch(conn, "C*1", kind="anonymous", qty=3)
    with transaction(conn):
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b["batch_id"],))
        assert bind_batch(conn, b["batch_id"], operator="L1") == 1
    assert conn.execute("SELECT bound FROM orders WHERE order_id='X1'").fetchone()[0] == 1
    # a later cancellation of a bound order never makes it bindable again
    with transaction(conn):
        conn.execute("UPDATE orders SET status='paid' WHERE order_id='X0'")
    free = conn.execute(
        "SELECT parcel_id FROM parcels WHERE batch_id=? AND order_id IS NULL LIMIT 1",
        (b["batch_id"],),
    ).fetchone()[0]
    with transaction(conn):
        got = bind_parcel(conn, free, operator="L1")
    assert got is not None and got["order_id"] == "X0"
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT order_id FROM orders WHERE sku_set=? AND status='paid' "
            "AND bound=0 ORDER BY paid_at, order_id LIMIT 1",
            ("C*1",),
        )
    )
    assert "orders_unbound" in plan and "TEMP B-TREE" not in plan, plan
    assert _mismatches(conn) == []


def test_migration_sets_the_flag_for_existing_parcels(tmp_path):
    """A station upgraded from the previous schema gets flags that match its parcels."""
    from warehouse_app.store import open_store
    from warehouse_app.store.migrations import core

    db = tmp_path / "old.db"
    store = open_store(db)
    conn = store.connect()
    seed_station(conn)
    add_orders(conn, order("O1", {"A": 1}), order("O2", {"C": 1}))
    make_batch(conn, "A*1")
    # back to the shape before the flag: drop it, forget the migration, re-run it
    with transaction(conn):
        for t in ("parcels_bound_ins", "parcels_bound_upd", "parcels_bound_del"):
            conn.execute(f"DROP TRIGGER {t}")
        conn.execute("DROP INDEX orders_unbound")
        conn.execute("ALTER TABLE orders DROP COLUMN bound")
        conn.execute(
            "DELETE FROM _sqlite_migrations WHERE migration_set=? AND name=?",
            (core.migrations.name, "0002_orders_bound_flag"),
        )
    conn.close()
    conn = open_store(db).connect()
    assert {r[0]: r[1] for r in conn.execute("SELECT order_id, bound FROM orders")} == {
        "O1": 1,
        "O2": 0,
    }
    assert _mismatches(conn) == []
    conn.close()
