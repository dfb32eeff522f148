"""Attacks on a real `warehouse-hub serve` process (loopback only, bounded in count and time).

- an idle flood of 1,100 connections against a hub limited to 1,024 open files: /ready keeps
  answering in under a second and the log stays small;
- slow senders: a request head or body that trickles in is cut off by the timeouts;
- a 100 MB body is refused from its Content-Length before the hub reads it (memory flat), and
  a chunked body is cut at the limit;
- a seq gap (the 2^63-1 push that used to wedge a station) is refused; `station reset-seq`;
- wrong tokens are rate-limited per client address, and the refusals are logged once.
"""

from __future__ import annotations

import json
import resource
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sync_helpers import Hub, outbox_event, wait_for

ev = outbox_event


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def open_fds(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/fd").iterdir()))


@pytest.fixture
def raise_own_nofile() -> Any:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 4096) if hard != resource.RLIM_INFINITY else 4096
    if want < 1500:
        pytest.skip(f"this test process may open only {hard} files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, want), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def connect_many(port: int, n: int, first_bytes: bytes = b"") -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        socks.append(s)
    if first_bytes:
        time.sleep(0.2)  # let the handshakes finish before writing
        for s in socks:
            try:
                s.send(first_bytes)
            except OSError:
                pass
    return socks


def probe_ready(url: str) -> float:
    t = time.perf_counter()
    r = httpx.get(url + "/api/v1/ready", timeout=5.0)
    took = time.perf_counter() - t
    assert r.status_code == 200, r.text
    return took


def test_idle_flood_of_1100_connections_with_1024_files(
    tmp_path: Path, raise_own_nofile: Any
) -> None:
    hub = Hub(tmp_path / "hub", faults=False, nofile=1024).start()
    try:
        assert hub.proc is not None
        log_before = hub.log_path.stat().st_size
        worst = 0.0
        probes = 0
        socks: list[socket.socket] = []
        # 1,100 idle connections (half send nothing, half a partial request head), in waves,
        # probing /ready between waves and while they are all held
        for wave in range(11):
            partial = b"GET /api/v1/ready HTTP/1.1\r\nHost: x\r\n" if wave % 2 else b""
            socks += connect_many(hub.port, 100, partial)
            worst = max(worst, probe_ready(hub.url))
            probes += 1
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            worst = max(worst, probe_ready(hub.url))
            probes += 1
            time.sleep(0.05)
        assert open_fds(hub.proc.pid) < 1024
        print(f"idle flood: {len(socks)} connections, {probes} /ready probes, worst {worst:.3f} s")
        assert worst < 1.0, f"/ready took {worst:.3f} s under the flood"
        for s in socks:
            s.close()
        log_growth = hub.log_path.stat().st_size - log_before
        assert log_growth < 20_000, hub.log_text()[-3000:]
        assert "Traceback" not in hub.log_text()
    finally:
        hub.stop()


def test_slow_senders_are_cut_off_by_the_timeouts(tmp_path: Path) -> None:
    hub = Hub(
        tmp_path / "hub",
        faults=False,
        env={"WAREHOUSE_HUB_HEADER_TIMEOUT_S": "1", "WAREHOUSE_HUB_BODY_TIMEOUT_S": "1"},
    ).start()
    token = hub.add_station("S1")
    try:
        # slowloris: a request head one byte at a time, never finished
        head = socket.create_connection(("127.0.0.1", hub.port))
        head.settimeout(10)
        t0 = time.monotonic()
        closed_after = None
        for ch in b"GET /api/v1/health HTTP/1.1\r\nX-Slow: " + b"a" * 200:
            try:
                head.send(bytes([ch]))
            except OSError:
                closed_after = time.monotonic() - t0
                break
            time.sleep(0.05)
            if time.monotonic() - t0 > 6:
                break
        if closed_after is None:
            head.settimeout(5)
            try:
                assert head.recv(100) == b""
            except ConnectionResetError:
                pass
            closed_after = time.monotonic() - t0
        assert closed_after < 5, f"a trickling head was kept {closed_after:.1f} s"
        head.close()
        # a body that stops half-way: 408 problem, connection closed
        body = socket.create_connection(("127.0.0.1", hub.port))
        body.settimeout(10)
        body.sendall(
            b"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {token}\r\nContent-Length: 1000\r\n\r\n".encode()
            + b'{"station_id": "S1", '
        )
        answer = b""
        while True:
            chunk = body.recv(4096)
            if not chunk:
                break
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"request_timeout" in answer
        body.close()
        assert httpx.get(hub.url + "/api/v1/ready").status_code == 200
    finally:
        hub.stop()


def test_a_100_mb_body_is_refused_before_it_is_read(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    token = hub.add_station("S1")
    try:
        assert hub.proc is not None
        before = rss_kb(hub.proc.pid)
        s = socket.create_connection(("127.0.0.1", hub.port))
        s.settimeout(10)
        s.sendall(
            b"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {token}\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n".encode()
        )
        t = time.perf_counter()
        sent = 0
        try:  # keep sending until the hub answers or closes: it must not wait for 100 MB
            s.setblocking(False)
            answer = b""
            while time.perf_counter() - t < 10 and b"\r\n\r\n" not in answer:
                try:
                    answer += s.recv(65536)
                except BlockingIOError:
                    pass
                try:
                    sent += s.send(b"x" * 65536)
                except BlockingIOError:
                    time.sleep(0.01)
        except OSError:
            pass
        took = time.perf_counter() - t
        assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
        assert b"payload_too_large" in answer
        s.close()
        print(f"100 MB body refused after {took:.3f} s, {sent} bytes sent")
        assert sent < 20 * 1024 * 1024
        assert rss_kb(hub.proc.pid) - before < 30_000
        # a chunked body (no Content-Length) is cut at the limit too
        small = Hub(
            tmp_path / "hub2", faults=False, env={"WAREHOUSE_HUB_MAX_BODY_BYTES": "100000"}
        ).start()
        try:
            tok2 = small.add_station("S1")

            def chunks() -> Any:
                for _ in range(100):
                    yield b" " * 10_000

            r = httpx.post(
                small.url + "/api/v1/events",
                content=chunks(),
                headers={"Authorization": f"Bearer {tok2}", "Content-Type": "application/json"},
            )
            assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
        finally:
            small.stop()
    finally:
        hub.stop()


def run_hub_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from warehouse_app.hub.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_seq_gap_is_refused_and_reset_seq_repairs(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    token = hub.add_station("S1")
    c = httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"})
    try:
        r = c.post(
            "/api/v1/events",
            json={"station_id": "S1", "after_seq": 0, "events": [ev(2**63 - 1)]},
        )
        assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert body["code"] == "seq_gap" and body["expected_seq"] == 1
        assert "不接续" in body["zh"] and "reset-seq" in body["en"]
        assert hub.storage.acked_seq("S1") == 0 and hub.storage.events("S1") == []
        # gap inside a batch
        r = c.post(
            "/api/v1/events", json={"station_id": "S1", "after_seq": 0, "events": [ev(1), ev(3)]}
        )
        assert r.status_code == 422 and r.json()["expected_seq"] == 2
        # the station goes on normally
        r = c.post(
            "/api/v1/events",
            json={"station_id": "S1", "after_seq": 0, "events": [ev(1), ev(2), ev(3)]},
        )
        assert r.status_code == 200 and r.json()["acked_seq"] == 3
        # admin repair of a wrong position: set, then back to the end of the stored run
        d = ["--data-dir", str(hub.data_dir)]
        out = run_hub_cli(["station", "reset-seq", "S1", "--to", "1", *d])
        assert out.returncode == 0 and "3 -> 1" in out.stdout, out.stderr
        assert c.get("/api/v1/events/ack").json()["acked_seq"] == 1
        out = run_hub_cli(["station", "reset-seq", "S1", *d])
        assert out.returncode == 0 and "1 -> 3" in out.stdout, out.stderr
        out = run_hub_cli(["station", "reset-seq", "NOPE", *d])
        assert out.returncode == 1 and "没有站点" in out.stderr
    finally:
        c.close()
        hub.stop()


def test_auth_failures_are_rate_limited_per_address_and_logged_once(tmp_path: Path) -> None:
    hub = Hub(
        tmp_path / "hub",
        faults=False,
        env={"WAREHOUSE_HUB_AUTH_FAIL_LIMIT": "5", "WAREHOUSE_HUB_AUTH_BLOCK_S": "2"},
    ).start()
    token = hub.add_station("S1")
    attacker = {"X-Forwarded-For": "203.0.113.9"}  # the hub trusts its loopback proxy
    try:
        with httpx.Client(base_url=hub.url, headers=attacker) as guesser:
            codes = [
                guesser.get(
                    "/api/v1/changes", headers={"Authorization": f"Bearer x{i}"}
                ).status_code
                for i in range(40)
            ]
        # five tries, then refused; a try after the block ends is refused again at once
        assert codes[:6] == [401] * 5 + [429] and codes.count(401) <= 8, codes
        r = httpx.get(
            hub.url + "/api/v1/changes", headers={**attacker, "Authorization": f"Bearer {token}"}
        )
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
        assert r.json()["code"] == "too_many_auth_failures"
        # another address is not affected
        ok = httpx.get(hub.url + "/api/v1/changes", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        # after the block the right token works again from the attacker's address
        wait_for(
            lambda: (
                httpx.get(
                    hub.url + "/api/v1/changes",
                    headers={**attacker, "Authorization": f"Bearer {token}"},
                ).status_code
                == 200
            ),
            timeout=10,
            what="block lifted",
        )
        lines = [
            json.loads(line)
            for line in hub.log_text().splitlines()
            if line.startswith("{") and "203.0.113.9" in line
        ]
        assert len(lines) <= 12, lines  # the 401s and one line per block, not 40
        assert "Traceback" not in hub.log_text()
    finally:
        hub.stop()


def test_a_stations_idle_connection_outlives_the_header_timeout(tmp_path: Path) -> None:
    """A station's connection idle between sync cycles is kept (keep-alive), so its next
    cycle needs no new connection or TLS handshake; a silent new connection and a trickling
    head still get the header timeout."""
    hub = Hub(
        tmp_path / "hub",
        faults=False,
        env={"WAREHOUSE_HUB_HEADER_TIMEOUT_S": "1", "WAREHOUSE_HUB_KEEPALIVE_S": "4"},
    ).start()
    ask = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"

    def answered(sock: socket.socket) -> bytes:
        """One whole response (head and Content-Length body); b"" if the hub closed."""
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        while len(body) < length:
            chunk = sock.recv(4096)
            if not chunk:
                break
            body += chunk
        return head + b"\r\n\r\n" + body

    try:
        kept = socket.create_connection(("127.0.0.1", hub.port))
        kept.settimeout(10)
        kept.sendall(ask)
        assert answered(kept).startswith(b"HTTP/1.1 200")
        silent = socket.create_connection(("127.0.0.1", hub.port))
        silent.settimeout(10)
        time.sleep(2.5)  # past the header timeout, within the keep-alive
        kept.sendall(ask)
        assert answered(kept).startswith(b"HTTP/1.1 200"), "the idle keep-alive was closed"
        try:
            assert silent.recv(100) == b""  # opened, sent nothing: cut at the header timeout
        except ConnectionResetError:
            pass
        time.sleep(5)  # past the keep-alive: closed
        try:
            assert kept.recv(100) == b""
        except ConnectionResetError:
            pass
        kept.close()
        silent.close()
    finally:
        hub.stop()
