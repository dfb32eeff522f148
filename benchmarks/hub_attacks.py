"""The hub under attack, measured: /ready latency while 1,100 idle connections are held against
a hub limited to 1,024 open files, the size of the log it wrote meanwhile, and how soon a
100 MB body is refused. Loopback only, bounded in count and time.

Baseline (same run): /ready latency on the same hub with no flood. Target: worst /ready under
1 s during the flood, log growth under 20 kB.

    .venv/bin/python benchmarks/hub_attacks.py [--connections 1100] [--seconds 5]
"""

from __future__ import annotations

import argparse
import resource
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sync_helpers import Hub  # noqa: E402


def probe(url: str) -> float:
    t = time.perf_counter()
    r = httpx.get(url + "/api/v1/ready", timeout=10)
    r.raise_for_status()
    return time.perf_counter() - t


def series(url: str, seconds: float) -> list[float]:
    out = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        out.append(probe(url))
        time.sleep(0.02)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--connections", type=int, default=1100)
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.connections + 512), hard))
    with tempfile.TemporaryDirectory() as tmp:
        hub = Hub(Path(tmp) / "hub", faults=False, nofile=1024).start()
        try:
            base = series(hub.url, args.seconds)
            log0 = hub.log_path.stat().st_size
            socks = []
            flood: list[float] = []
            t0 = time.perf_counter()
            for i in range(args.connections):
                s = socket.socket()
                s.setblocking(False)
                try:
                    s.connect(("127.0.0.1", hub.port))
                except BlockingIOError:
                    pass
                socks.append(s)
                if i % 100 == 99:
                    flood.append(probe(hub.url))
            opened_s = time.perf_counter() - t0
            flood += series(hub.url, args.seconds)
            assert hub.proc is not None
            fds = len(list(Path(f"/proc/{hub.proc.pid}/fd").iterdir()))
            for s in socks:
                s.close()
            log_growth = hub.log_path.stat().st_size - log0
            token = hub.add_station("S1")
            big = socket.create_connection(("127.0.0.1", hub.port))
            big.sendall(
                b"POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + f"Authorization: Bearer {token}\r\nContent-Length: {100 << 20}\r\n\r\n".encode()
            )
            t = time.perf_counter()
            answer = big.recv(200)
            refused_ms = (time.perf_counter() - t) * 1000
            big.close()
        finally:
            hub.stop()

    def q(xs: list[float], p: float) -> float:
        return sorted(xs)[min(len(xs) - 1, int(p * len(xs)))] * 1000

    print(f"baseline /ready: n={len(base)} p50={q(base, 0.5):.1f} ms max={max(base) * 1000:.1f} ms")
    print(
        f"flood of {args.connections} idle connections opened in {opened_s:.2f} s; hub fds {fds} "
        f"(limit 1024)"
    )
    print(
        f"under flood /ready: n={len(flood)} p50={q(flood, 0.5):.1f} ms p99={q(flood, 0.99):.1f} ms "
        f"max={max(flood) * 1000:.1f} ms mean={statistics.mean(flood) * 1000:.1f} ms"
    )
    print(f"log growth during the flood: {log_growth} bytes")
    print(f"100 MB body: {answer.split(b' ', 2)[1].decode()} after {refused_ms:.1f} ms")
    print(
        f"base_p50_ms={q(base, 0.5):.1f} base_max_ms={max(base) * 1000:.1f} "
        f"flood_p50_ms={q(flood, 0.5):.1f} flood_max_ms={max(flood) * 1000:.1f} "
        f"hub_fds={fds} log_bytes={log_growth} body_refused_ms={refused_ms:.1f}"
    )


if __name__ == "__main__":
    main()
