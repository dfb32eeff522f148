"""A carrier e-waybill platform simulator: a real HTTP process for tests, demos and the hub.

Shaped like the common e-waybill cloud APIs (a signed JSON POST, batches of orders, per-order results
with the waybill number and the routing data the label prints):

    POST /waybill/get     {"cp_code": "ZTO", "trade_order_info_dtos": [{"object_id": ..., "recipient":
                           {"address": {"province", "city", "district", "detail"}, ...}}, ...]}
      -> {"success": true, "waybill_cloud_print_response_list": [{"object_id", "waybill_code",
          "print_data": {"routingInfo": {"sortation": {"name": 三段码}, "consolidation":
          {"name": 集包地, "code": 集包码}}}}]}
    POST /waybill/cancel  {"cp_code", "waybill_code", "reason"} -> {"success": true, "cancel_result": true}
    GET  /waybill/{code}  -> the number's state (issued / voided), for tests and the hub
    POST /admin/outage    {"down": true|false} -> 503 to every call while down (an outage on demand)

Numbers are unique per carrier across restarts (kept in a SQLite file). Requests are checked with
HMAC-SHA256 over X-Timestamp + body when the simulator has a secret.

    python -m warehouse_app.ewaybill.simulator --port 0 --db /tmp/ewb.db [--secret S]
prints one JSON line {"url": "http://127.0.0.1:PORT"} and serves until SIGTERM.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import signal
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PREFIX = {"ZTO": "73", "YTO": "YT", "YUNDA": "43", "SF": "SF", "JT": "JT", "STO": "77", "EMS": "11"}


def _sort_code(province: str, city: str, district: str) -> str:
    """A deterministic 三段码 like '571-W12-05' from the address (the real ones come from the
    carrier's routing tables; what matters here is that the station prints what it was given)."""
    h = hashlib.sha256(f"{province}|{city}|{district}".encode()).digest()
    return f"{100 + h[0] % 800}-{chr(65 + h[1] % 26)}{h[2] % 90 + 10}-{h[3] % 90 + 10:02d}"


def _hub(province: str) -> tuple[str, str]:
    name = (province or "未知").removesuffix("省").removesuffix("市")
    code = int(hashlib.sha256(name.encode()).hexdigest()[:6], 16) % 9000 + 1000
    return f"{name}转运中心", str(code)


class Platform:
    """The simulator's state: numbers issued and voided, per carrier sequences."""

    def __init__(self, db: Path, secret: str = "", number_prefix: str = "") -> None:
        self.secret = secret
        self.number_prefix = number_prefix  # 'DEMO': the station's demo provider (ewaybill.demo)
        self.lock = threading.Lock()
        self.down = False
        self.conn = sqlite3.connect(str(db), check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS seq (cp TEXT PRIMARY KEY, n INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS waybills (code TEXT PRIMARY KEY, cp TEXT NOT NULL, "
            "object_id TEXT, sort_code TEXT, hub TEXT, state TEXT NOT NULL, issued_at TEXT, "
            "voided_at TEXT, reason TEXT)"
        )

    def issue(self, cp: str, orders: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            row = self.conn.execute("SELECT n FROM seq WHERE cp=?", (cp,)).fetchone()
            n = int(row[0]) if row else 0
            for o in orders:
                n += 1
                code = f"{self.number_prefix}{PREFIX.get(cp, cp[:2])}{n + 100_000_000_000:012d}"
                addr = ((o.get("recipient") or {}).get("address")) or {}
                sc = _sort_code(
                    addr.get("province", ""), addr.get("city", ""), addr.get("district", "")
                )
                hub, hub_code = _hub(addr.get("province", ""))
                self.conn.execute(
                    "INSERT INTO waybills (code, cp, object_id, sort_code, hub, state, issued_at) "
                    "VALUES (?,?,?,?,?, 'issued', datetime('now'))",
                    (code, cp, str(o.get("object_id")), sc, hub),
                )
                out.append(
                    {
                        "object_id": o.get("object_id"),
                        "waybill_code": code,
                        "print_data": {
                            "routingInfo": {
                                "sortation": {"name": sc},
                                "consolidation": {"name": hub, "code": hub_code},
                            }
                        },
                    }
                )
            self.conn.execute(
                "INSERT INTO seq (cp, n) VALUES (?, ?) ON CONFLICT(cp) DO UPDATE SET n=excluded.n",
                (cp, n),
            )
            self.conn.execute("COMMIT")
        return out

    def cancel(self, cp: str, code: str, reason: str) -> tuple[bool, str | None]:
        with self.lock:
            row = self.conn.execute(
                "SELECT cp, state FROM waybills WHERE code=?", (code,)
            ).fetchone()
            if row is None or row[0] != cp:
                return False, "WAYBILL_NOT_FOUND"
            self.conn.execute(
                "UPDATE waybills SET state='voided', voided_at=coalesce(voided_at, datetime('now')), "
                "reason=? WHERE code=?",
                (reason, code),
            )
            return True, None

    def close(self) -> None:
        self.conn.close()

    def get(self, code: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT code, cp, object_id, sort_code, hub, state FROM waybills WHERE code=?", (code,)
        ).fetchone()
        if row is None:
            return None
        return dict(
            zip(
                ("waybill_code", "cp_code", "object_id", "sort_code", "hub", "state"),
                row,
                strict=True,
            )
        )


def make_handler(platform: Platform) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read stdout
            pass

        def _send(self, code: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _fail(self, code: int, err: str, msg: str) -> None:
            self._send(code, {"success": False, "error_code": err, "error_msg": msg})

        def do_GET(self) -> None:
            if platform.down:
                return self._fail(503, "SERVICE_UNAVAILABLE", "platform down")
            if self.path.startswith("/waybill/"):
                w = platform.get(self.path.rsplit("/", 1)[1])
                if w is None:
                    return self._fail(404, "WAYBILL_NOT_FOUND", "no such waybill")
                return self._send(200, {"success": True, **w})
            if self.path == "/health":
                return self._send(200, {"success": True})
            return self._fail(404, "NOT_FOUND", self.path)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if self.path == "/admin/outage":
                try:
                    platform.down = bool(json.loads(body or b"{}").get("down"))
                except ValueError:
                    return self._fail(400, "BAD_JSON", "not JSON")
                return self._send(200, {"success": True, "down": platform.down})
            if platform.down:
                return self._fail(503, "SERVICE_UNAVAILABLE", "platform down")
            if platform.secret:
                ts = self.headers.get("X-Timestamp") or ""
                want = hmac.new(
                    platform.secret.encode(), ts.encode() + body, hashlib.sha256
                ).hexdigest()
                if not hmac.compare_digest(want, self.headers.get("X-Sign") or ""):
                    return self._fail(401, "INVALID_SIGN", "signature does not match")
            try:
                req = json.loads(body)
                cp = str(req["cp_code"])
            except (ValueError, KeyError, TypeError):
                return self._fail(400, "BAD_REQUEST", "cp_code and a JSON body are required")
            if self.path == "/waybill/get":
                orders = req.get("trade_order_info_dtos")
                if not isinstance(orders, list) or not orders or len(orders) > 100:
                    return self._fail(400, "BAD_REQUEST", "1 to 100 trade_order_info_dtos")
                return self._send(
                    200,
                    {
                        "success": True,
                        "waybill_cloud_print_response_list": platform.issue(cp, orders),
                    },
                )
            if self.path == "/waybill/cancel":
                ok, err = platform.cancel(
                    cp, str(req.get("waybill_code")), str(req.get("reason") or "")
                )
                if not ok:
                    return self._fail(404, err or "ERROR", "cannot cancel")
                return self._send(200, {"success": True, "cancel_result": True})
            return self._fail(404, "NOT_FOUND", self.path)

    return Handler


def serve(host: str, port: int, db: Path, secret: str = "") -> ThreadingHTTPServer:
    platform = Platform(db, secret)
    return ThreadingHTTPServer((host, port), make_handler(platform))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="carrier e-waybill platform simulator / 电子面单平台模拟器"
    )
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--secret", default="")
    a = ap.parse_args(argv)
    srv = serve(a.host, a.port, a.db, a.secret)

    def stop(*_: Any) -> None:
        threading.Thread(target=srv.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print(json.dumps({"url": f"http://{a.host}:{srv.server_address[1]}"}), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
