"""The hub's ledger applies a chunk of stored events with a few statements per table (rows read
once, writes collected and sent per table): the outcome must be what applying the events one by
one gives, on SQLite and on a real PostgreSQL server. Also: a malformed value skips its event
and never stalls the feed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warehouse_app.hub.ledger import Ledger
from warehouse_app.hub.storage import SqlHubStorage, hash_token, open_storage


@pytest.fixture
def storage(tmp_path: Path, hub_url: tuple[str | None, Any]) -> Iterator[SqlHubStorage]:
    s = open_storage(hub_url[0] or f"sqlite:///{tmp_path / 'hubdb' / 'hub.db'}")
    for sid in ("S1", "S2"):
        s.add_station(sid, hash_token(f"t-{sid}"))
    yield s
    s.close()


def push(s: SqlHubStorage, station: str, events: list[tuple[str, dict[str, Any]]]) -> None:
    after = s.acked_seq(station)
    s.store_events(
        station,
        after,
        [
            {
                "seq": after + i,
                "uuid": str(uuid.uuid4()),
                "type": type_,
                "payload": payload,
                "operator": "P1",
                "created_at": f"2026-11-11T12:00:{i:02d}.000Z",
            }
            for i, (type_, payload) in enumerate(events, start=1)
        ],
    )


def rows(s: SqlHubStorage, sql: str) -> list[dict[str, Any]]:
    return [dict(r) for r in s.run_read(lambda c: c.all(sql))]


def test_a_chunk_comes_out_as_its_events_one_by_one(storage: SqlHubStorage) -> None:
    s = storage
    led = Ledger(s)
    s.put_records("order", [("O2", {"status": "paid", "paid_at": "2026-11-11T10:00Z"})])
    p1 = {"parcel_id": "P1", "order_id": "O1", "waybill": "W1", "carrier": "ZTO"}
    push(
        s,
        "S1",
        [
            ("parcel.packed", {**p1, "weight_g": 400}),
            ("parcel.verified", {"parcel_id": "P1", "weight_g": 410.0}),  # same parcel again
            ("waybill.printed", {"parcel_id": "P1", "waybill": "W1"}),  # O1 is new in this chunk
            ("parcel.handed_off", p1),
            ("scan.rejected", {"code": "X"}),  # not the ledger's business
            ("parcel.packed", {"parcel_id": "P3", "order_id": "O2", "weight_g": "415"}),
        ],
    )
    push(
        s,
        "S2",
        [
            ("parcel.packed", {"parcel_id": "P2", "order_id": "O1", "waybill": "W1"}),
            ("parcel.handed_off", {"parcel_id": "P2", "order_id": "O1", "waybill": "W1"}),
        ],
    )
    assert led.catch_up() == 8
    assert led.backlog() == 0

    o1 = rows(s, "SELECT * FROM ledger_orders WHERE order_id='O1'")[0]
    assert (o1["bound_by"], o1["bound_parcel"], o1["assigned_to"], o1["assign_kind"]) == (
        "S1",
        "P1",
        "S1",
        "claimed",
    )
    assert (o1["handed_off_by"], o1["handed_off_parcel"], o1["printed_by"]) == ("S1", "P1", "S1")
    assert (o1["waybill"], o1["carrier"], o1["status"]) == ("W1", "ZTO", "paid")
    o2 = rows(s, "SELECT * FROM ledger_orders WHERE order_id='O2'")[0]  # known from its record
    assert (o2["bound_by"], o2["bound_parcel"], o2["paid_at"]) == ("S1", "P3", "2026-11-11T10:00Z")

    parcels = {r["parcel_id"]: r for r in rows(s, "SELECT * FROM ledger_parcels")}
    assert set(parcels) == {"P1", "P2", "P3"}
    assert (parcels["P1"]["station_id"], parcels["P1"]["order_id"]) == ("S1", "O1")
    assert (parcels["P1"]["waybill"], parcels["P1"]["weight_g"]) == ("W1", 410)
    assert parcels["P3"]["weight_g"] == 415
    assert parcels["P2"]["station_id"] == "S2"

    handoffs = rows(s, "SELECT station_id, parcel_id, waybill FROM ledger_handoffs")
    assert sorted((h["station_id"], h["parcel_id"]) for h in handoffs) == [
        ("S1", "P1"),
        ("S2", "P2"),
    ]
    kinds = sorted(r["kind"] for r in rows(s, "SELECT kind FROM conflicts"))
    assert kinds == ["carrier_intercept", "double_bound", "duplicate_waybill"]
    holds = rows(s, "SELECT key, data FROM records WHERE kind='hold'")
    assert [(h["key"], json.loads(h["data"])["reason"]) for h in holds] == [("P2", "double_bound")]
    assert [r["waybill"] for r in rows(s, "SELECT waybill FROM carrier_intercepts")] == ["W1"]

    # applied again from the start: nothing new (each write is idempotent)
    assert led.catch_up() == 0


def test_a_malformed_value_skips_its_event_and_the_feed_goes_on(
    storage: SqlHubStorage, caplog: pytest.LogCaptureFixture
) -> None:
    s = storage
    led = Ledger(s)
    push(
        s,
        "S1",
        [
            ("parcel.packed", {"parcel_id": "P1", "order_id": "O1", "waybill": {"no": 1}}),
            ("parcel.packed", {"parcel_id": "P2", "order_id": "O2", "weight_g": "heavy"}),
            ("parcel.packed", {"parcel_id": "P3", "order_id": "O3", "carrier": "ZTO\x00"}),
            ("parcel.packed", {"parcel_id": "P4", "order_id": "O4", "weight_g": 400}),
        ],
    )
    assert led.catch_up() == 4
    assert led.backlog() == 0
    assert [r["parcel_id"] for r in rows(s, "SELECT parcel_id FROM ledger_parcels")] == ["P4"]
    assert [r["order_id"] for r in rows(s, "SELECT order_id FROM ledger_orders")] == ["O4"]
    assert caplog.text.count("ledger skipped event") == 3
