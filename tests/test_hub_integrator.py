"""Warehouses and the integrator API against a real hub process.

- cross-warehouse pulls and reports are refused; a moved order reaches the new warehouse and
  becomes a cancellation without personal data at the old one; report hours in the zone;
- a typed client generated from the hub's OpenAPI by an independent generator
  (openapi-python-client) runs the integration: orders in, a cancel, the status feed, a signed
  webhook received (after one failed delivery, retried).
"""

from __future__ import annotations

import http.server
import importlib
import json
import os
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sync_helpers import Hub, wait_for
from warehouse_app.hub.integrator import Directory, verify


def order(oid: str, wh: str | None) -> dict[str, Any]:
    return {
        "order_id": oid,
        "paid_at": "2026-11-11T00:00:00.000Z",
        "items": [{"sku": "A", "qty": 1}],
        "recipient": {"name": "张三", "phone": "13800000000", "address": "某路 1 号"},
        "status": "paid",
        **({"warehouse_id": wh} if wh else {}),
    }


def push(hub: Hub, token: str, sid: str, events: list[tuple[str, dict[str, Any]]]) -> None:
    body = {
        "station_id": sid,
        "after_seq": 0,
        "events": [
            {
                "seq": i + 1,
                "uuid": str(uuid.uuid4()),
                "type": t,
                "payload": p,
                "created_at": "2026-11-11T02:00:00.000Z",
            }
            for i, (t, p) in enumerate(events)
        ],
    }
    r = httpx.post(
        hub.url + "/api/v1/events", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert r.status_code == 200, r.text


@pytest.fixture
def hub2(tmp_path: Path) -> Any:
    h = Hub(tmp_path / "hub", faults=False, env={"WAREHOUSE_HUB_WEBHOOK_INTERVAL_S": "0.2"}).start()
    yield h
    h.stop()


def test_pulls_and_reports_are_scoped_to_the_warehouse(hub2: Hub) -> None:
    hub = hub2
    d = Directory(hub.storage)
    d.add_warehouse("WH1", "杭州仓", "Asia/Shanghai")
    d.add_warehouse("WH2", "广州仓", "Asia/Shanghai")
    t1, t2 = hub.add_station("S1"), hub.add_station("S2")
    d.assign_station("S1", "WH1")
    d.assign_station("S2", "WH2")
    group = d.add_token("ops", "group", None, ["reports:read"])
    erp1 = d.add_token("erp1", "integrator", "WH1", ["orders:write", "orders:read"])
    hub.storage.put_records("order", [("O1", order("O1", "WH1")), ("O2", order("O2", "WH2"))])
    push(hub, t1, "S1", [("parcel.handed_off", {"carrier": "ZTO", "order_id": "O1"})])
    push(hub, t2, "S2", [("parcel.handed_off", {"carrier": "YTO", "order_id": "O2"})])
    s1 = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {t1}"})
    s2 = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {t2}"})

    def orders(c: httpx.Client) -> dict[str, Any]:
        page = c.get("/api/v1/changes", params={"since": 0}).json()
        return {ch["key"]: ch["data"] for ch in page["changes"] if ch["kind"] == "order"}

    assert set(orders(s1)) == {"O1"} and set(orders(s2)) == {"O2"}
    r = s1.get("/api/v1/changes", params={"warehouse": "WH2"})
    assert r.status_code == 403 and r.json()["code"] == "other_warehouse"
    r = s1.get("/api/v1/reports/handoffs", params={"warehouse": "WH2"})
    assert r.status_code == 403 and r.json()["code"] == "other_warehouse"
    rep = s1.get("/api/v1/reports/handoffs").json()
    assert [row["station_id"] for row in rep["rows"]] == ["S1"] and rep["total"] == 1
    assert rep["tz"] == "Asia/Shanghai" and rep["rows"][0]["hour_local"].endswith("+0800")
    assert rep["rows"][0]["hour_local"].startswith("2026-11-11T10")
    g = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {group}"})
    assert g.get("/api/v1/reports/handoffs").json()["total"] == 2
    assert g.get("/api/v1/reports/handoffs", params={"warehouse": "WH2"}).json()["total"] == 1
    assert g.get("/api/v1/changes").json()["code"] == "forbidden"  # not a station
    e = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {erp1}"})
    r = e.post("/api/v1/orders/O2/cancel")
    assert r.status_code == 403 and r.json()["code"] == "other_warehouse"
    assert e.get("/api/v1/reports/handoffs").json()["code"] == "missing_scope"
    assert e.get("/api/v1/conflicts").json()["code"] == "missing_scope"
    assert g.get("/api/v1/conflicts").status_code == 200
    # failover: O1 moves to WH2
    cursor1 = s1.get("/api/v1/changes").json()["cursor"]
    cursor2 = s2.get("/api/v1/changes").json()["cursor"]
    assert d.move_orders(["O1"], "WH2") == 1
    stub = s1.get("/api/v1/changes", params={"since": cursor1}).json()["changes"]
    assert len(stub) == 1 and stub[0]["data"]["status"] == "cancelled"
    assert stub[0]["data"]["moved_to"] == "WH2" and stub[0]["data"]["recipient"] == {}
    moved = s2.get("/api/v1/changes", params={"since": cursor2}).json()["changes"]
    assert moved[0]["data"]["recipient"]["name"] == "张三"


class Receiver:
    """A loopback webhook endpoint: answers 500 to the first delivery, then 200."""

    def __init__(self) -> None:
        self.bodies: list[tuple[dict[str, str], bytes]] = []
        self.fail_first = 1
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if outer.fail_first:
                    outer.fail_first -= 1
                    self.send_response(500)
                else:
                    outer.bodies.append((dict(self.headers), body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *a: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.thread.join(5)


def generate_client(spec: dict[str, Any], where: Path) -> Any:
    exe = Path(sys.executable).parent / "openapi-python-client"
    if not exe.exists():
        pytest.skip("openapi-python-client is not installed")
    (where / "spec.json").write_text(json.dumps(spec))
    env = dict(os.environ, PATH=f"{exe.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    r = subprocess.run(
        [
            str(exe),
            "generate",
            "--path",
            str(where / "spec.json"),
            "--output-path",
            str(where / "hubclient"),
            "--meta",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=where,
    )
    assert (where / "hubclient" / "client.py").exists(), r.stdout + r.stderr
    sys.path.insert(0, str(where))
    try:
        return importlib.import_module("hubclient")
    finally:
        sys.path.remove(str(where))


def test_generated_client_runs_the_integration(hub2: Hub, tmp_path: Path) -> None:
    hub = hub2
    d = Directory(hub.storage)
    d.add_warehouse("WH1", "杭州仓", "Asia/Shanghai")
    station_token = hub.add_station("S1")
    d.assign_station("S1", "WH1")
    token = d.add_token(
        "erp", "integrator", "WH1", ["orders:write", "orders:read", "webhooks:write"]
    )
    spec = httpx.get(hub.url + "/openapi.json").json()
    pkg = generate_client(spec, tmp_path)
    try:
        api = importlib.import_module("hubclient.api.integrator.put_order")
        cancel = importlib.import_module("hubclient.api.integrator.cancel_order")
        feed = importlib.import_module("hubclient.api.integrator.get_order_status_feed")
        hook = importlib.import_module("hubclient.api.integrator.create_webhook")
        bulk = importlib.import_module("hubclient.api.integrator.put_orders_bulk")
        models = importlib.import_module("hubclient.models")
        client = pkg.AuthenticatedClient(base_url=hub.url, token=token)
        receiver = Receiver()
        try:
            created = hook.sync(client=client, body=models.WebhookIn(url=receiver.url))
            assert isinstance(created, models.WebhookCreated), created

            def put(oid: str, version: int, qty: int = 1) -> Any:
                body = models.OrderPut(
                    version=version,
                    paid_at="2026-11-11T00:00:00+08:00",
                    items=[models.OrderItem(sku="A", qty=qty)],
                    recipient=models.Recipient(name="李四", phone="13900000000"),
                )
                return api.sync(f"O{oid}", client=client, body=body)

            assert put("1", 1).result == "created"
            assert put("2", 1).result == "created"
            assert put("1", 1).result == "unchanged"  # a retry
            conflict = put("1", 1, qty=2)  # same version, other body: documented 409
            assert isinstance(conflict, models.Problem) and conflict.code == "version_conflict"
            assert conflict.current_version == 1
            assert put("1", 2, qty=2).result == "updated"
            many = bulk.sync(
                client=client,
                body=models.BulkIn(
                    orders=[
                        models.BulkOrder(
                            order_id=f"B{i}",
                            version=1,
                            paid_at="2026-11-11T00:00:00Z",
                            items=[models.OrderItem(sku="A", qty=1)],
                        )
                        for i in range(3)
                    ]
                ),
            )
            assert [x.ok for x in many.results] == [True, True, True]
            done = cancel.sync("O2", client=client)
            assert done.status == "cancelled"
            missing = cancel.sync("NOPE", client=client)
            assert isinstance(missing, models.Problem) and missing.code == "not_found"
            # the station pulls them, then packs and hands off O1
            st = httpx.Client(
                base_url=hub.url, headers={"Authorization": f"Bearer {station_token}"}
            )
            pulled = {
                c["key"]: c["data"]["status"]
                for c in st.get("/api/v1/changes").json()["changes"]
                if c["kind"] == "order"
            }
            assert pulled["O1"] == "paid" and pulled["O2"] == "cancelled"
            push(
                hub,
                station_token,
                "S1",
                [
                    ("parcel.packed", {"order_id": "O1", "waybill": "ZT1", "carrier": "ZTO"}),
                    ("parcel.handed_off", {"order_id": "O1", "waybill": "ZT1", "carrier": "ZTO"}),
                ],
            )
            page = feed.sync(client=client, cursor=0)
            assert [(e.order_id, e.status, e.waybill) for e in page.events] == [
                ("O1", "packed", "ZT1"),
                ("O1", "handed_off", "ZT1"),
            ]
            assert feed.sync(client=client, cursor=page.cursor).events == []
            # the webhook: first delivery refused (500), retried, signed
            wait_for(lambda: receiver.bodies, timeout=30, what="webhook delivery")
            headers, body = receiver.bodies[0]
            sig = headers.get("X-Hub-Signature") or headers.get("x-hub-signature")
            assert sig and verify(created.secret, sig, body)
            assert not verify("wrong secret", sig, body)
            sent = json.loads(body)
            assert [e["status"] for e in sent["events"]] == ["packed", "handed_off"]
            assert "webhook" in hub.log_text() and "HTTP 500" in hub.log_text()
            wait_for(
                lambda: (
                    'hub_queue_depth{queue="webhooks"} 0.0' in httpx.get(hub.url + "/metrics").text
                ),
                timeout=30,
                what="webhook queue drained in the metrics",
            )
        finally:
            receiver.close()
    finally:
        for name in [m for m in sys.modules if m == "hubclient" or m.startswith("hubclient.")]:
            del sys.modules[name]
        shutil.rmtree(tmp_path / "hubclient", ignore_errors=True)
