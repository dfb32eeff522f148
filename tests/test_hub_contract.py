"""The hub's HTTP contract and operations, against a real `warehouse-hub serve` process:
OpenAPI (bearer auth, every status, typed bodies, operation ids), RFC 9457 problems with stable
codes and every validation error, self-hosted docs, /health vs /ready, metrics, JSON logs with
request ids."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import httpx
import pytest

from tests.sync_helpers import Hub, hub


def test_openapi_declares_auth_statuses_types_and_operation_ids(hub: Hub) -> None:
    spec = httpx.get(hub.url + "/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"] == "bearer" for s in schemes.values())
    assert "Problem" in spec["components"]["schemas"]
    op_ids = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            op_ids.append(op["operationId"])
            assert re.fullmatch(r"[a-z_]+", op["operationId"]), op["operationId"]
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok, (method, path, ok)  # typed, not "any"
            if path in ("/api/v1/health", "/api/v1/ready"):
                assert "security" not in op
                continue
            assert op["security"], (method, path)
            for status in ("401", "429"):
                content = op["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (path, status)
                assert content["application/problem+json"]["schema"]["$ref"].endswith("/Problem")
    assert len(op_ids) == len(set(op_ids))
    push = spec["paths"]["/api/v1/events"]["post"]["responses"]
    assert {"200", "401", "403", "409", "413", "422", "429"} <= set(push)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_errors_are_problem_json_with_codes_and_every_validation_error(hub: Hub) -> None:
    token = hub.add_station("S1")
    c = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"})
    r = c.post(
        "/api/v1/events",
        json={
            "station_id": "S1",
            "after_seq": -1,
            "events": [{"seq": 0, "uuid": "x", "type": "", "payload": {}, "created_at": "t"}],
        },
    )
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    p = r.json()
    assert p["type"] == "urn:warehouse-hub:problem:validation_failed" and p["status"] == 422
    assert p["code"] == "validation_failed" and p["title"] and p["detail"] == p["en"]
    assert p["instance"] == "/api/v1/events" and p["request_id"] == r.headers["x-request-id"]
    where = {".".join(map(str, e["loc"])) for e in p["errors"]}
    assert {"body.after_seq", "body.events.0.seq", "body.events.0.uuid", "body.events.0.type"} <= (
        where
    ), where
    assert all(e["zh"] and e["en"] and e["code"] for e in p["errors"])
    assert p["error"]["zh"] and p["error"]["en"]  # stations of the previous release read this
    assert c.get("/api/v1/nothing-here").json()["code"] == "not_found"
    assert c.delete("/api/v1/events").json()["code"] == "method_not_allowed"
    r = c.post("/api/v1/events", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "json_invalid"
    r = httpx.get(hub.url + "/api/v1/changes")
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"


def test_docs_are_served_by_the_hub_itself(hub: Hub) -> None:
    for page in ("/docs", "/redoc"):
        html = httpx.get(hub.url + page).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"url: ?'([^']+)'", html)
        assert refs, page
        for ref in refs:
            assert ref.startswith("/"), f"{page} loads {ref} from elsewhere"
            assert httpx.get(hub.url + ref).status_code == 200, ref
        assert "cdn" not in html.lower() and "fonts.googleapis" not in html


def test_ready_touches_the_database_health_does_not(hub: Hub) -> None:
    if hub.backend != "sqlite":
        pytest.skip("moves the SQLite file away; PostgreSQL readiness is a query")
    assert httpx.get(hub.url + "/api/v1/ready").json()["ready"] is True
    hub.close_storage() if hasattr(hub, "close_storage") else None
    db = hub.data_dir / "hub.db"
    db.rename(hub.data_dir / "moved.db")
    r = httpx.get(hub.url + "/api/v1/ready")
    assert r.status_code == 503 and r.json()["code"] == "not_ready"
    assert "zh" in r.json() and "hub.db" in r.json()["en"]
    assert httpx.get(hub.url + "/api/v1/health").status_code == 200
    (hub.data_dir / "moved.db").rename(db)
    assert httpx.get(hub.url + "/api/v1/ready").status_code == 200


def test_metrics_and_json_logs_with_request_ids(hub: Hub) -> None:
    token = hub.add_station("S1")
    auth = {"Authorization": f"Bearer {token}"}
    ev = {
        "seq": 1,
        "uuid": str(uuid.uuid4()),
        "type": "t",
        "payload": {},
        "created_at": "2026-11-11T00:00:00Z",
    }
    r = httpx.post(
        hub.url + "/api/v1/events",
        json={"station_id": "S1", "after_seq": 0, "events": [ev]},
        headers=auth,
    )
    assert r.status_code == 200 and len(r.headers["x-request-id"]) >= 16
    r = httpx.get(
        hub.url + "/api/v1/changes",
        headers={"Authorization": "Bearer wrong", "X-Request-ID": "rid-test-42"},
    )
    assert r.headers["x-request-id"] == "rid-test-42" and r.json()["request_id"] == "rid-test-42"
    text = httpx.get(hub.url + "/metrics").text
    assert 'hub_requests_total{method="POST",route="/api/v1/events",status="200"} 1.0' in text
    assert "hub_events_stored_total 1.0" in text
    assert 'hub_station_acked_seq{station="S1"} 1.0' in text
    assert "hub_open_connections" in text and "hub_request_duration_seconds_bucket" in text
    logged = [json.loads(line) for line in hub.log_text().splitlines() if line.startswith("{")]
    refusal = [e for e in logged if e.get("request_id") == "rid-test-42"]
    assert refusal and refusal[0]["level"] == "warning" and "refused" in refusal[0]["msg"]
    assert "wrong" not in hub.log_text()


def test_serve_reads_its_configuration_from_the_environment(tmp_path: Path) -> None:
    h = Hub(
        tmp_path / "hub",
        faults=False,
        env={"WAREHOUSE_HUB_MAX_BODY_BYTES": "1000", "WAREHOUSE_HUB_LOG_FORMAT": "text"},
    ).start()
    try:
        token = h.add_station("S1")
        r = httpx.post(
            h.url + "/api/v1/events",
            content=b"x" * 2000,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        assert r.status_code == 413 and r.json()["max_bytes"] == 1000
        assert not h.log_text().lstrip().startswith("{")
    finally:
        h.stop()
