"""The live counters (parcels per batch and state, parcel work per hour) are kept by triggers and
always equal what counting the rows says, through every path the demo exercises (presale and
anonymous batches, pack, verify with bind, handoffs, intercepts, carrier failover, returns)."""

from __future__ import annotations

import sqlite3

from warehouse_app.batches import batch_state_counts, get_batch
from warehouse_app.demo import build_demo
from warehouse_app.reports import PARCEL_WORK_EVENTS, parcels_done_since


def _counted(conn: sqlite3.Connection, batch_id: str) -> dict[str, int]:
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT CASE WHEN transferred_to IS NULL THEN state ELSE 'transferred' END AS st, "
            "count(*) FROM parcels WHERE batch_id=? GROUP BY st",
            (batch_id,),
        )
    }


def test_counters_match_a_recount_after_a_whole_demo(store):
    conn = store.connect()
    info = build_demo(conn, orders=600)
    batches = [r[0] for r in conn.execute("SELECT batch_id FROM batches")]
    assert set(info["batches"]) <= set(batches)
    for b in batches:
        assert batch_state_counts(conn, b) == _counted(conn, b), b
        assert get_batch(conn, b)["counts"] == _counted(conn, b)
    assert sum(sum(batch_state_counts(conn, b).values()) for b in batches) > 0
    hours = [r[0] for r in conn.execute("SELECT DISTINCT substr(created_at, 1, 13) FROM events")]
    marks = ",".join("?" * len(PARCEL_WORK_EVENTS))
    for h in hours:
        since = f"{h}:00:00.000Z"
        want = conn.execute(
            f"SELECT count(*) FROM events WHERE created_at >= ? AND type IN ({marks})",
            (since, *PARCEL_WORK_EVENTS),
        ).fetchone()[0]
        assert parcels_done_since(conn, since) == want, since
    conn.close()


def test_counters_follow_a_parcel_moved_between_batches_and_deleted(conn):
    from tests.core_helpers import add_orders, make_batch, order
    from warehouse_app.store.tx import transaction

    add_orders(conn, order("O1", {"A": 1}), order("O2", {"A": 1}))
    b1 = make_batch(conn, "A*1")["batch_id"]
    b2 = make_batch(conn, "C*1", kind="anonymous", qty=1)["batch_id"]
    with transaction(conn):
        conn.execute("UPDATE parcels SET batch_id=?, state='packed' WHERE order_id='O1'", (b2,))
    assert batch_state_counts(conn, b1) == {"planned": 1} == _counted(conn, b1)
    assert batch_state_counts(conn, b2) == {"planned": 1, "packed": 1} == _counted(conn, b2)
    with transaction(conn):  # a cage moved to another station: counted as transferred
        conn.execute("UPDATE parcels SET transferred_to='T2' WHERE order_id='O1'")
    assert batch_state_counts(conn, b2) == {"planned": 1, "transferred": 1} == _counted(conn, b2)
    with transaction(conn):
        conn.execute("DELETE FROM parcels WHERE order_id='O1'")
    assert batch_state_counts(conn, b2) == {"planned": 1} == _counted(conn, b2)
