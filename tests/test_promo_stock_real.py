"""Real stock: positions move with pack, hand-off and return dispositions; unknown stock is 'unknown',
never 0; oversell -> presale with a new promise and a masked contact list; every batch kind respects
oversell; staggered shipping monotonic across sessions; the work queue by deadline."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from tests.test_promo_common import T0, add_orders, new_station, order
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.catalog import upsert_skus
from warehouse_app.clock import iso
from warehouse_app.handoffs import open_handoff
from warehouse_app.promo import config
from warehouse_app.promo.presale import contact_list, switch_to_presale, write_contact_list
from warehouse_app.promo.review import build_review
from warehouse_app.promo.shipping import assign_promises, promise_inversions, work_queue
from warehouse_app.promo.stock import check_oversell, open_alerts, set_stock, stock_position
from warehouse_app.returns import scan_return
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _pos(conn, sku):
    return {p["sku"]: p for p in stock_position(conn)}[sku]


def test_unknown_stock_is_unknown_not_zero_and_review_counts_only_known(tmp_path):
    # 40 SKUs with orders, stock counted for 5: the review used to show 35 'oversold' SKUs
    skus = [(f"S{i:02d}", 1000) for i in range(40)]
    conn = new_station(tmp_path, skus=skus)
    add_orders(conn, [order(f"O{i:03d}", f"S{i % 40:02d}*3", i) for i in range(400)])
    with transaction(conn):
        for i in range(5):
            set_stock(conn, f"S{i:02d}", 100)
        check_oversell(conn)
    pos = {p["sku"]: p for p in stock_position(conn)}
    assert pos["S10"]["stock"] is None and pos["S10"]["gap"] is None and not pos["S10"]["known"]
    assert pos["S00"]["stock"] == 100 and pos["S00"]["gap"] == 70
    assert open_alerts(conn) == []
    rev = build_review(conn)
    st = {s["sku"]: s for s in rev["stock"]}
    assert st["S10"]["on_hand"] is None and st["S10"]["oversold"] is None
    assert st["S10"]["stock_status"] == "unknown"
    assert rev["stock_summary"]["unknown_skus"] == 35
    assert (
        rev["stock_summary"]["oversold_skus"] == 0 and rev["stock_summary"]["oversold_units"] == 0
    )


def _presale_batch_packed(conn, n):
    with transaction(conn):
        b = create_batch(conn, sku_set="A*1", kind="anonymous", qty=n)
        set_batch_status(conn, b["batch_id"], "active")
    codes = [
        r[0]
        for r in conn.execute(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY parcel_id", (b["batch_id"],)
        )
    ]
    return b, codes


def test_packing_moves_stock_once_and_returns_by_disposition(tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order(f"O{i}", "A", i, province="上海") for i in range(5)])
    with transaction(conn):
        set_stock(conn, "A", 100)
    b, codes = _presale_batch_packed(conn, 30)
    for c in codes:
        assert scan(conn, c, ScanContext("pack", "P1", b["batch_id"])).ok
    p = _pos(conn, "A")
    # 30 units left the shelf into parcels: counted once (the old sum said 100 + 30 = 130)
    assert (p["loose"], p["in_parcels"], p["on_hand"], p["supply"]) == (70, 30, 100, 100)
    # a count after packing does not take the packed units off again
    with transaction(conn):
        set_stock(conn, "A", 70)
    assert _pos(conn, "A")["supply"] == 100
    # verify (binds to the 5 orders), hand off two, return one damaged and one for restock
    from tests.test_promo_common import RULES
    from warehouse_app.promo.carriers import allocate_orders, set_rules

    with transaction(conn):
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
    for c in codes[:2]:
        assert scan(conn, c, ScanContext("verify", "P1")).ok
    carrier = conn.execute(
        "SELECT carrier FROM parcels WHERE label_code=?", (codes[0],)
    ).fetchone()[0]
    carrier2 = conn.execute(
        "SELECT carrier FROM parcels WHERE label_code=?", (codes[1],)
    ).fetchone()[0]
    for c, cr in ((codes[0], carrier), (codes[1], carrier2)):
        with transaction(conn):
            h = open_handoff(conn, cr)
        assert scan(conn, c, ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    p = _pos(conn, "A")
    assert (p["loose"], p["in_parcels"], p["shipped"], p["on_hand"]) == (70, 28, 2, 98)
    wbs = [
        conn.execute("SELECT waybill FROM parcels WHERE label_code=?", (c,)).fetchone()[0]
        for c in codes[:2]
    ]
    before = _pos(conn, "A")["supply"]
    assert scan_return(conn, wbs[0], ScanContext("return", "P1"), "logistics_damage", "damaged").ok
    # a damaged return never comes back, and the unit it shipped still served its order: no shift
    assert _pos(conn, "A")["supply"] == before and _pos(conn, "A")["loose"] == 70
    assert scan_return(conn, wbs[1], ScanContext("return", "P1"), "changed_mind", "restock").ok
    assert _pos(conn, "A")["supply"] == before + 1 and _pos(conn, "A")["loose"] == 71


def test_damaged_return_does_not_shift_the_short_list(tmp_path):
    conn = new_station(tmp_path)
    add_orders(conn, [order(f"O{i:02d}", "A", i) for i in range(12)])
    with transaction(conn):
        set_stock(conn, "A", 10)
        b = create_batch(conn, sku_set="A*1", kind="presale", qty=1)
        set_batch_status(conn, b["batch_id"], "active")
    from tests.test_promo_common import RULES
    from warehouse_app.promo.carriers import allocate_orders, set_rules

    with transaction(conn):
        set_rules(conn, RULES)
        allocate_orders(conn, now=T0)
    wb = conn.execute("SELECT waybill FROM orders WHERE order_id='O00'").fetchone()[0]
    conn.execute(
        "UPDATE parcels SET waybill=?, carrier=(SELECT carrier FROM orders WHERE order_id='O00')",
        (wb,),
    )
    assert scan(conn, wb, ScanContext("pack", "P1", b["batch_id"])).ok
    assert scan(conn, wb, ScanContext("verify", "P1")).ok
    carrier = conn.execute("SELECT carrier FROM orders WHERE order_id='O00'").fetchone()[0]
    with transaction(conn):
        h = open_handoff(conn, carrier)
    assert scan(conn, wb, ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
    with transaction(conn):
        short0 = [s["order_id"] for s in check_oversell(conn)[0]["short_orders"]]
    assert short0 == ["O10", "O11"]
    assert scan_return(conn, wb, ScanContext("return", "P1"), "logistics_damage", "damaged").ok
    with transaction(conn):
        short1 = [s["order_id"] for s in check_oversell(conn)[0]["short_orders"]]
    assert short1 == short0
    rev = {s["sku"]: s for s in build_review(conn)["stock"]}
    assert rev["A"]["oversold"] == 2


def test_oversell_to_presale_promise_contacts_and_no_parcels_for_short_orders(tmp_path):
    # 240 orders of an oversold SKU are short: presale batches used to give parcels to 219 of them
    conn = new_station(tmp_path)
    add_orders(
        conn,
        [
            order(
                f"O{i:04d}",
                "B",
                i * 0.5,
                recipient={"phone": f"1380000{i:04d}", "province": "上海"},
            )
            for i in range(300)
        ],
    )
    with transaction(conn):
        set_stock(conn, "B", 60)
        alerts = check_oversell(conn)
    assert alerts[0]["short_units"] == 240 and len(alerts[0]["short_orders"]) == 240
    with transaction(conn):
        b = create_batch(conn, sku_set="B*1", kind="presale")
    assert b["planned_qty"] == 60  # only the 60 orders stock covers
    short = {s["order_id"] for s in alerts[0]["short_orders"]}
    got = {r[0] for r in conn.execute("SELECT order_id FROM parcels WHERE order_id IS NOT NULL")}
    assert not (got & short)
    now = T0 + timedelta(hours=2)
    with transaction(conn):
        assign_promises(conn)
        res = switch_to_presale(conn, "B", days=7, operator="L1", now=now)
    assert res["short_orders"] == 240 and res["promises_changed"] == 240
    std_h = 48
    assert res["new_ship_by"] == iso(now + timedelta(days=7, hours=std_h))
    tiers = {
        r[0]: (r[1], r[2])
        for r in conn.execute("SELECT order_id, tier, ship_by FROM order_promises")
    }
    assert all(tiers[o] == ("presale", res["new_ship_by"]) for o in short)
    ev = conn.execute("SELECT payload FROM events WHERE type='sku.presale_switched'").fetchone()
    assert ev is not None and '"B"' in ev[0]  # recorded in the outbox: synced upstream
    rows = contact_list(conn, "B")
    assert len(rows) == 240 and rows[0]["phone"] == "138****0060"
    out = write_contact_list(conn, tmp_path / "contacts.csv", lang="zh")
    raw = (tmp_path / "contacts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and out["buyers"] == 240
    data = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(data[0]) == ["订单号", "商品", "付款时间", "电话(脱敏)", "新承诺"]
    assert "13800000060" not in raw.decode("utf-8-sig")
    # a re-assign keeps the presale promise
    with transaction(conn):
        assign_promises(conn, recompute=True)
    assert (
        conn.execute("SELECT count(*) FROM order_promises WHERE tier='presale'").fetchone()[0]
        == 240
    )


def test_promises_monotonic_across_sessions_and_queue_by_deadline(tmp_path):
    conn = new_station(tmp_path)
    with transaction(conn):
        conn.execute(
            "INSERT INTO live_sessions (session_id, starts_at) VALUES ('S1', ?), ('S2', ?)",
            (iso(T0), iso(T0 + timedelta(hours=6))),
        )
    orders = []
    # S1: first hour (24 h) then standard (48 h) payments; S2 starts 6 h later: its first-hour orders
    # (24 h) used to be promised up to 24 h earlier than S1's standard orders paid before them
    for i in range(60):
        orders.append(order(f"A{i:02d}", "A", i * 5, session_id="S1"))  # 0..295 min
    for i in range(30):
        orders.append(order(f"B{i:02d}", "A", 360 + i, session_id="S2"))
    orders.append(order("D01", "A", 100, session_id="S1", delayed_ok=True))
    add_orders(conn, orders)
    with transaction(conn):
        counts = assign_promises(conn)
    assert counts["first_hour"] == 13 + 30 and counts["delayed"] == 1
    assert promise_inversions(conn) == {"inversions": 0, "max_hours": 0.0}
    sb = dict(conn.execute("SELECT order_id, ship_by FROM order_promises").fetchall())
    # the latest S1 standard promise is the floor for S2's first-hour orders
    assert sb["B00"] == sb["A59"] == iso(T0 + timedelta(minutes=295, hours=48))
    # the delayed choice is honoured: 7 days, and it does not drag others up
    assert sb["D01"] == iso(T0 + timedelta(minutes=100, hours=168))
    # an order paid earlier but imported late never gets a later promise than later-paid ones
    add_orders(conn, [order("LATE", "A", 200, session_id="S1")])
    with transaction(conn):
        assign_promises(conn)
    assert promise_inversions(conn)["inversions"] == 0
    # the queue: deadline first, then payment time; delayed last
    q = work_queue(conn, limit=200)
    keys = [(r["ship_by"], r["paid_at"]) for r in q]
    assert keys == sorted(keys) and q[-1]["order_id"] == "D01" and q[0]["order_id"] == "A00"
