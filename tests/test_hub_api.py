"""The hub's HTTP API against a real `warehouse-hub serve` process."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.sync_helpers import Hub, hub, wait_for


def ev(seq: int, **kw: Any) -> dict[str, Any]:
    return {
        "seq": seq,
        "uuid": kw.pop("uuid", str(uuid.uuid4())),
        "type": "test.event",
        "payload": {"n": seq},
        "operator": "P1",
        "created_at": "2026-11-11T12:00:00.000Z",
        **kw,
    }


def test_openapi_and_health_are_served(hub: Hub) -> None:
    spec = httpx.get(hub.url + "/openapi.json").json()
    assert spec["info"]["version"].startswith("1.")
    assert {
        "/api/v1/events",
        "/api/v1/changes",
        "/api/v1/events/ack",
        "/api/v1/reports/handoffs",
    } <= set(spec["paths"])
    assert "/api/v1/_test/faults" not in spec["paths"]
    assert httpx.get(hub.url + "/api/v1/health").json()["api_version"] == 1


def test_requests_without_a_valid_token_are_refused_and_logged(hub: Hub) -> None:
    assert httpx.get(hub.url + "/api/v1/changes").status_code == 401
    r = httpx.get(hub.url + "/api/v1/changes", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["error"]["zh"]
    wait_for(
        lambda: hub.log_text().count("refused GET /api/v1/changes") == 2, what="two refusals logged"
    )
    assert "nope" not in hub.log_text()


def test_push_is_idempotent_ordered_and_checked(hub: Hub) -> None:
    token = hub.add_station("S1")
    other = hub.add_station("S2")
    c = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"})
    batch = [ev(1), ev(2), ev(3)]
    r = c.post("/api/v1/events", json={"station_id": "S1", "after_seq": 0, "events": batch})
    assert r.json()["acked_seq"] == 3 and r.json()["stored"] == 3
    # the same batch again (a retry after a lost answer): nothing duplicated
    r = c.post("/api/v1/events", json={"station_id": "S1", "after_seq": 0, "events": batch})
    assert r.json() | {"server_time": None} == {
        "acked_seq": 3,
        "stored": 0,
        "duplicates": 3,
        "server_time": None,
    }
    # overlapping retry plus new events
    r = c.post(
        "/api/v1/events", json={"station_id": "S1", "after_seq": 2, "events": [batch[2], ev(4)]}
    )
    assert r.json()["acked_seq"] == 4 and r.json()["stored"] == 1
    # pushing after more than the hub holds: 409 tells the station where to resume
    r = c.post("/api/v1/events", json={"station_id": "S1", "after_seq": 9, "events": [ev(10)]})
    assert r.status_code == 409 and r.json()["error"]["acked_seq"] == 4
    # out of order: refused, nothing stored
    r = c.post(
        "/api/v1/events", json={"station_id": "S1", "after_seq": 4, "events": [ev(6), ev(5)]}
    )
    assert r.status_code == 422 and r.json()["error"]["en"]
    # a seq reused with another uuid is a conflict, not an overwrite
    r = c.post("/api/v1/events", json={"station_id": "S1", "after_seq": 3, "events": [ev(4)]})
    assert r.status_code == 409
    # pushing as another station
    r = c.post("/api/v1/events", json={"station_id": "S2", "after_seq": 0, "events": [ev(1)]})
    assert r.status_code == 403
    # garbage body
    r = c.post("/api/v1/events", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "error" in r.json()
    assert [e["seq"] for e in hub.storage.events("S1")] == [1, 2, 3, 4]
    assert hub.storage.events("S2") == []
    assert c.get("/api/v1/events/ack").json()["acked_seq"] == 4
    c2 = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {other}"})
    ack2 = c2.get("/api/v1/events/ack").json()
    assert (ack2["station_id"], ack2["acked_seq"]) == ("S2", 0)


def test_changes_page_by_cursor(hub: Hub) -> None:
    token = hub.add_station("S1")
    hub.storage.put_records(
        "sku", [(f"K{i}", {"code": f"K{i}", "name": f"n{i}"}) for i in range(5)]
    )
    c = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"})
    seen, cursor, more = [], 0, True
    while more:
        page = c.get("/api/v1/changes", params={"since": cursor, "limit": 2}).json()
        seen += [ch["key"] for ch in page["changes"]]
        cursor, more = page["cursor"], page["more"]
    assert seen == [f"K{i}" for i in range(5)]
    # an update moves the record to the end of the feed
    hub.storage.put_records("sku", [("K1", {"code": "K1", "name": "renamed"})])
    page = c.get("/api/v1/changes", params={"since": cursor}).json()
    assert [(ch["key"], ch["data"]["name"]) for ch in page["changes"]] == [("K1", "renamed")]
    assert c.get("/api/v1/changes", params={"since": -1}).status_code == 422


def test_handoff_counts_across_stations(hub: Hub) -> None:
    for sid, carriers in (("S1", ["ZTO", "ZTO", "YTO"]), ("S2", ["ZTO"])):
        token = hub.add_station(sid)
        events = [
            ev(i + 1, type="parcel.handed_off", payload={"carrier": cr, "parcel_id": f"{sid}-{i}"})
            for i, cr in enumerate(carriers)
        ] + [ev(len(carriers) + 1)]
        r = httpx.post(
            hub.url + "/api/v1/events",
            headers={"Authorization": f"Bearer {token}"},
            json={"station_id": sid, "after_seq": 0, "events": events},
        )
        assert r.status_code == 200
    rep = httpx.get(
        hub.url + "/api/v1/reports/handoffs", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert rep["by_carrier"] == {"ZTO": 3, "YTO": 1} and rep["total"] == 4
    assert {(r["station_id"], r["carrier"], r["parcels"]) for r in rep["rows"]} == {
        ("S1", "ZTO", 2),
        ("S1", "YTO", 1),
        ("S2", "ZTO", 1),
    }
