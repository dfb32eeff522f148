"""A file import keeps the paid-units counter set-wise (its triggers suspended inside the import's own
transaction) and must leave exactly what the triggers would have: the counter equals a recount from
the orders after new orders, updates, cancellations and re-activations; the triggers are back for
every other writer; a refused file changes nothing."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from tests.test_promo_common import add_orders, new_station, order
from warehouse_app.importer import ImportRefused, import_orders_file
from warehouse_app.store import demand

HEADER = ["order_id", "paid_at", "items", "recipient_name", "province", "status"]


def _csv(path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode("gb18030"))


def _recount(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        r[0]: int(r[1])
        for r in conn.execute(
            "SELECT i.sku_code, sum(i.qty) FROM order_items i JOIN orders o ON o.order_id=i.order_id "
            "WHERE o.status='paid' GROUP BY i.sku_code"
        )
    }


def _counter(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        r[0]: int(r[1]) for r in conn.execute("SELECT sku, units FROM promo_sku_demand WHERE units")
    }


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name"
    ).fetchall()


SETS = ["A*1", "A*2+B*1", "C*3", "B*1+D*2", "D*1"]


@pytest.mark.parametrize("bulk", [True, False])
def test_counter_equals_a_recount_after_imports_with_updates_and_cancellations(tmp_path, bulk):
    conn = new_station(tmp_path)
    # orders already there, added the ordinary way (triggers): the import must build on them
    add_orders(conn, [order(f"P{i}", "A*1+C*1", i) for i in range(20)])
    schema = _schema(conn)
    first = tmp_path / "first.csv"
    _csv(
        first,
        [
            [
                f"O{i:04d}",
                f"2026-11-11T20:{i % 60:02d}:00+08:00",
                SETS[i % 5],
                "王伟",
                "广东",
                "cancelled" if i % 7 == 0 else "paid",
            ]
            for i in range(300)
        ],
    )
    s = import_orders_file(conn, first, bulk=bulk, chunk=37)
    assert s["inserted"] == 300
    assert _counter(conn) == _recount(conn)
    assert _schema(conn) == schema  # triggers and indexes back, word for word
    # a second file: new items for some, cancellations, a cancelled one sent as paid (stays
    # cancelled), the earlier orders changed too, and new orders
    second = tmp_path / "second.csv"
    rows = []
    for i in range(0, 300, 3):
        status = "cancelled" if i % 2 else "paid"
        rows.append(
            [f"O{i:04d}", "2026-11-11T21:00:00+08:00", SETS[(i + 2) % 5], "李娜", "浙江", status]
        )
    rows += [
        [f"P{i}", "2026-11-11T21:00:00+08:00", "B*4", "李娜", "浙江", "paid"] for i in range(10)
    ]
    rows += [
        [f"N{i}", "2026-11-11T22:00:00+08:00", "A*1+D*1", "李娜", "浙江", "paid"] for i in range(40)
    ]
    _csv(second, rows)
    s = import_orders_file(conn, second, bulk=bulk, chunk=29)
    assert s["updated"] == 110 and s["inserted"] == 40
    assert conn.execute("SELECT status FROM orders WHERE order_id='O0000'").fetchone()[0] == (
        "cancelled"
    )
    assert _counter(conn) == _recount(conn)
    assert _schema(conn) == schema
    # every other writer is back on the triggers
    add_orders(conn, [order("O0001", "C*5", 1), order("X1", "D*3", 2)])
    add_orders(conn, [order("O0002", "A*1", 1, status="cancelled")])
    assert _counter(conn) == _recount(conn)


def test_a_refused_import_leaves_counter_and_schema_as_they_were(tmp_path):
    conn = new_station(tmp_path)
    good = tmp_path / "good.csv"
    _csv(
        good,
        [[f"O{i}", "2026-11-11T20:00:00+08:00", "A*2", "x", "广东", "paid"] for i in range(50)],
    )
    import_orders_file(conn, good)
    before, schema = _counter(conn), _schema(conn)
    bad = tmp_path / "bad.csv"
    rows = [[f"O{i}", "2026-11-11T20:00:00+08:00", "B*1", "x", "广东", "paid"] for i in range(40)]
    rows.append(["O99", "not a time", "A*1", "x", "广东", "paid"])
    _csv(bad, rows)
    for bulk in (True, False):
        with pytest.raises(ImportRefused, match="nothing imported"):
            import_orders_file(conn, bad, bulk=bulk, chunk=7)
        assert _counter(conn) == before == {"A": 100}
        assert _schema(conn) == schema
        assert not demand.triggers_suspended(conn)


def test_setwise_apply_refuses_to_run_with_the_triggers_in_place(tmp_path):
    """Counting twice is impossible: the set-wise path checks the triggers are suspended."""
    from warehouse_app.orders import apply_orders
    from warehouse_app.store.tx import transaction

    conn = new_station(tmp_path)
    with pytest.raises(RuntimeError, match="suspended"), transaction(conn):
        apply_orders(conn, [order("O1", "A*1", 1)], demand_setwise=True)
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    assert json.dumps(_counter(conn)) == "{}"
