"""The oversell watch kept fresh as orders arrive (apply_orders, station import, sync pull), only for the
SKUs the orders touch, and the pre-pack bind guard reading that fresh list. Hand-checked numbers."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_promo_common import add_orders, new_station, order
from warehouse_app import policies
from warehouse_app.batches import bind_parcel, create_batch, set_batch_status
from warehouse_app.orders import AppliedOrder, apply_orders
from warehouse_app.promo.stock import open_alerts, set_stock
from warehouse_app.store.tx import transaction
from warehouse_app.sync.service import apply_changes


def _alert(conn, sku):
    return next((a for a in open_alerts(conn) if a["sku"] == sku), None)


def _types(conn, after=0):
    return [
        r[0] for r in conn.execute("SELECT type FROM events WHERE seq > ? ORDER BY seq", (after,))
    ]


def test_alert_raised_refreshed_and_resolved_as_orders_arrive(tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order("C1", "C", 0)])  # C is ordered before anyone watches it
    with transaction(conn):
        b = create_batch(conn, sku_set="B*1", kind="anonymous", qty=1)
        set_batch_status(conn, b["batch_id"], "active")
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b["batch_id"],))
        set_stock(conn, "B", 1)  # counted after packing: 1 loose on the shelf besides the parcel
        set_stock(conn, "C", 0)  # C: 1 ordered, 0 on hand -- but nothing re-checked it yet
    pid = conn.execute("SELECT parcel_id FROM parcels").fetchone()[0]
    # B: supply = 1 loose + 1 pre-packed = 2; two orders fit
    add_orders(conn, [order("O1", "B", 1), order("O2", "B", 2)])
    assert open_alerts(conn) == []
    seq = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    # a third B order: demand 3 > 2 -> alert at once, O3 short by 1 unit; no lead screen opened
    add_orders(conn, [order("O3", "B", 3)])
    a = _alert(conn, "B")
    assert (a["demand"], a["stock"], a["prepacked"], a["short_units"], a["short_orders"]) == (
        3,
        1,
        1,
        1,
        ["O3"],
    )
    assert _types(conn, seq).count("stock.oversell") == 1
    # only the SKUs the new orders touch: C (oversold since before) is still not looked at
    assert _alert(conn, "C") is None
    # an order for C refreshes C: demand 2 > 0 -> both short
    add_orders(conn, [order("C2", "C", 4)])
    assert _alert(conn, "C")["short_orders"] == ["C1", "C2"]
    # a bigger O4 (B*2) grows the shortfall to 3 units: the alert is updated, one more event
    seq = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    add_orders(conn, [order("O4", "B*2", 5)])
    a = _alert(conn, "B")
    assert (a["demand"], a["short_units"], a["short_orders"]) == (5, 3, ["O3", "O4"])
    assert _types(conn, seq).count("stock.oversell") == 1
    # the bind guard reads the fresh list: earliest paid O1 binds; refreshed again after, O3 would not
    with transaction(conn):
        assert bind_parcel(conn, pid)["order_id"] == "O1"
    # cancellations arrive: O4 and O3 -> demand 2 = supply 2 -> resolved
    seq = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    add_orders(
        conn, [order("O4", "B*2", 5, status="cancelled"), order("O3", "B", 3, status="cancelled")]
    )
    assert _alert(conn, "B") is None and _alert(conn, "C") is not None
    assert "stock.oversell_resolved" in _types(conn, seq)


def test_changed_items_refresh_the_sku_the_order_left(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_stock(conn, "A", 1)
        set_stock(conn, "D", 5)
    add_orders(conn, [order("X1", "A", 1), order("X2", "A", 2)])
    assert _alert(conn, "A")["short_orders"] == ["X2"]
    # upstream corrects X2 to SKU D: A's demand drops to 1 -> A resolved although X2 no longer has A
    add_orders(conn, [order("X2", "D", 2)])
    assert _alert(conn, "A") is None


def test_short_order_not_bound_to_a_pre_packed_parcel(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_stock(conn, "B", 0)
        b = create_batch(conn, sku_set="B*1", kind="anonymous", qty=2)
        set_batch_status(conn, b["batch_id"], "active")
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (b["batch_id"],))
    pids = [r[0] for r in conn.execute("SELECT parcel_id FROM parcels ORDER BY parcel_id")]
    # supply 0 + 2 pre-packed; three orders -> O3 short, and binding stops there
    add_orders(conn, [order("O1", "B", 1), order("O2", "B", 2), order("O3", "B", 3)])
    with transaction(conn):
        assert bind_parcel(conn, pids[0])["order_id"] == "O1"
        assert bind_parcel(conn, pids[1])["order_id"] == "O2"
    with transaction(conn):
        extra = create_batch(conn, sku_set="B*1", kind="anonymous", qty=1)
        conn.execute("UPDATE parcels SET state='packed' WHERE batch_id=?", (extra["batch_id"],))
    p3 = conn.execute(
        "SELECT parcel_id FROM parcels WHERE batch_id=?", (extra["batch_id"],)
    ).fetchone()[0]
    with transaction(conn):
        assert bind_parcel(conn, p3) is None  # O3 is short: not bound beyond stock


def test_sync_pull_refreshes_the_alert(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_stock(conn, "A", 2)
    changes = [{"rev": i, "kind": "order", "data": order(f"P{i}", "A", i)} for i in range(1, 4)]
    assert apply_changes(conn, changes, cursor=3, at="2026-11-11T12:00:00.000Z") >= 0
    a = _alert(conn, "A")
    assert (a["demand"], a["stock"], a["short_units"], a["short_orders"]) == (3, 2, 1, ["P3"])
    # the alert's event is in the same transaction as the orders and the cursor
    assert conn.execute("SELECT pull_cursor FROM sync_state").fetchone()[0] == 3
    assert (
        conn.execute("SELECT count(*) FROM events WHERE type='stock.oversell'").fetchone()[0] == 1
    )


def test_station_import_refreshes_the_alert(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        set_stock(conn, "C", 1)
    f = tmp_path / "orders.jsonl"
    f.write_text(
        "\n".join(json.dumps(order(f"I{i}", "C*2", i), ensure_ascii=False) for i in (1, 2)) + "\n",
        encoding="utf-8",
    )
    cmd = [
        sys.executable,
        "-c",
        "import sys; from warehouse_app.cli import main; sys.exit(main())",
        "--data-dir",
        str(tmp_path),
        "--lang",
        "en",
        "import",
        "orders",
        str(f),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout.strip().splitlines()[-1])["inserted"] == 2
    assert (
        "超卖 / OVERSELL C: demand 4 > stock 1 + pre-packed 0 (2 orders short)" in res.stderr
    )  # said out loud
    # 4 units ordered, 1 on hand: I1 short by 1, I2 by 2
    a = _alert(conn, "C")
    assert (a["demand"], a["short_units"], a["short_orders"]) == (4, 3, ["I1", "I2"])


def test_hooks_are_registered_once_and_see_what_changed(tmp_path):
    conn = new_station(tmp_path)
    seen: list[list[AppliedOrder]] = []

    def spy(_conn, applied, _op):
        seen.append(list(applied))

    add_orders(conn, [order("H1", "A+B", 1, carrier="ZTO")])
    wired = policies.current()
    assert (
        len(wired.after_apply) == 3
    )  # the promo hooks (oversell, capacity, cancellation), wired once
    previous = policies.install(
        policies.Policies(wired.bind_checks, (*wired.after_apply, spy), wired.demo_extensions)
    )
    try:
        with transaction(conn):
            apply_orders(conn, [order("H1", "C", 1, status="cancelled")])
    finally:
        policies.install(previous)
    assert policies.current() is wired
    (a,) = seen[0]
    assert (a.order_id, a.status, a.carrier, a.prev_status, a.prev_carrier) == (
        "H1",
        "cancelled",
        "ZTO",
        "paid",
        "ZTO",
    )
    assert set(a.skus) == {"A", "B", "C"}


def test_demand_counter_follows_every_order_change(tmp_path):
    """promo_sku_demand (trigger-kept) equals the paid units recomputed from the orders, at every step."""
    from warehouse_app.promo.review import paid_demand

    conn = new_station(tmp_path)

    def counter():
        return {
            r[0]: r[1]
            for r in conn.execute("SELECT sku, units FROM promo_sku_demand WHERE units != 0")
        }

    add_orders(conn, [order("O1", "A*2+B", 1), order("O2", "A", 2), order("O3", "B*3", 3)])
    assert counter() == paid_demand(conn) == {"A": 3, "B": 4}
    add_orders(conn, [order("O1", "A+C*4", 1)])  # items changed upstream
    assert counter() == paid_demand(conn) == {"A": 2, "B": 3, "C": 4}
    add_orders(conn, [order("O3", "B*3", 3, status="cancelled")])
    assert counter() == paid_demand(conn) == {"A": 2, "C": 4}
    add_orders(conn, [order("O3", "B*3", 3)])  # a stale 'paid' copy never revives it
    assert counter() == {"A": 2, "C": 4}
    with transaction(conn):
        conn.execute("DELETE FROM orders WHERE order_id='O1'")  # items go by cascade
    assert counter() == paid_demand(conn) == {"A": 1}


def test_later_orders_join_the_short_list_exactly_as_a_full_check_says(tmp_path):
    from warehouse_app.promo.stock import check_oversell

    conn = new_station(tmp_path)
    with transaction(conn):
        set_stock(conn, "B", 1)
    add_orders(conn, [order("O1", "B", 1), order("O2", "B", 2), order("O3", "B*2", 3)])
    a = _alert(conn, "B")
    assert (a["demand"], a["short_units"], a["short_orders"]) == (4, 3, ["O2", "O3"])
    # live case: later-paid orders for the oversold SKU -> appended (the fast path), same as a full check
    add_orders(conn, [order("O5", "B", 5), order("O4", "B*3", 4)])
    a = _alert(conn, "B")
    assert (a["demand"], a["short_units"], a["short_orders"]) == (8, 7, ["O2", "O3", "O4", "O5"])
    assert (
        conn.execute("SELECT count(*) FROM events WHERE type='stock.oversell'").fetchone()[0] == 2
    )
    # a tie with the last short order's paid time, and a late-synced order paid before everyone:
    # both re-walk. Paid order O0, O1, O2, O3, O4, O5, O6: supply 1 goes to O0 -> O1..O6 short, 9 units
    add_orders(conn, [order("O6", "B", 5)])
    add_orders(conn, [order("O0", "B", 0)])
    a = _alert(conn, "B")
    assert (a["demand"], a["short_units"], a["short_orders"]) == (
        10,
        9,
        ["O1", "O2", "O3", "O4", "O5", "O6"],
    )
    with transaction(conn):
        full = check_oversell(conn)
    assert [s["order_id"] for s in full[0]["short_orders"]] == a["short_orders"]
    assert full[0]["short_units"] == a["short_units"] and full[0]["demand"] == a["demand"]
    # more stock arrived meanwhile (supply changed): the next order re-walks, nothing stale is kept
    with transaction(conn):
        conn.execute(
            "UPDATE stock_levels SET on_hand=8 WHERE sku='B'"
        )  # e.g. a count from another tool
    add_orders(conn, [order("O7", "B", 7)])
    a = _alert(conn, "B")  # demand 11 - supply 8 = 3 short: the latest paid O7, O6 and O5
    assert (a["stock"], a["short_units"], a["short_orders"]) == (8, 3, ["O5", "O6", "O7"])
