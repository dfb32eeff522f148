"""Hub load: N simulated stations (real tokens, the sync client's own push body and HubClient)
push and pull against a real `warehouse-hub serve`, on SQLite and on PostgreSQL.

For each backend and station count: events/s, push p50/p99, pull p99, errors, hub RSS; a storm
mode has every station catch up a queue of events through back-pressure (429 + Retry-After,
honoured by HubClient) and counts failed pushes. The same-run baseline is storage-only: the
same batches stored by `store_events` in-process with no HTTP (ratio = HTTP / storage-only).
The last line is key=value pairs for PostgreSQL.

Targets (2-core machine): >= 8,000 events/s at 200 stations with pulls, push p99 < 500 ms,
0 errors, storm drained with 0 failed pushes.

    .venv/bin/python benchmarks/hub_load.py [--stations 10,50,200] [--seconds 10]
        [--storm-stations 200 --storm-events 5000] [--backends sqlite,postgresql] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg_server import PgServer  # noqa: E402
from warehouse_app.hub.storage import hash_token, open_storage  # noqa: E402
from warehouse_app.sync.client import HubClient, SyncError  # noqa: E402
from warehouse_app.sync.service import outbox_body  # noqa: E402

# what a packing station's outbox mostly holds; --event-types changes it (e.g. to types the
# hub's ledger does not follow, to see its share of the cost)
TYPES: tuple[str, ...] = ("parcel.verified", "parcel.handed_off", "scan.rejected", "parcel.packed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def rows(station: str, start: int, n: int) -> list[dict[str, Any]]:
    """Outbox rows as a station stores them (payload is the stored JSON text)."""
    out = []
    for seq in range(start, start + n):
        t = TYPES[seq % len(TYPES)]
        payload = {
            "parcel_id": f"{station}-P{seq}",
            "order_id": f"O-{station}-{seq}",  # each station packs its own orders
            "waybill": f"WB{station}{seq}",
            "carrier": ("ZTO", "YTO", "SF")[seq % 3],
            "weight_g": 400 + seq % 300,
        }
        out.append(
            {
                "seq": seq,
                "uuid": str(uuid.uuid4()),
                "station_id": station,
                "type": t,
                "payload": json.dumps(payload, separators=(",", ":"), sort_keys=True),
                "operator": "P1",
                "created_at": f"2026-11-11T{12 + seq % 8:02d}:{seq % 60:02d}:00.000Z",
            }
        )
    return out


def rss_mb(pid: int) -> float:
    """RSS of the hub process and its workers (MB)."""
    total = 0
    pids = [pid]
    try:
        kids = subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True
        ).stdout.split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class HubProc:
    def __init__(self, url: str, workers: int, tmp: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        log = open(tmp / f"hub-{self.port}.log", "ab")
        env = dict(os.environ, WAREHOUSE_HUB_LEASE_MIN_BLOCK="20")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "warehouse_app.hub.cli",
                "serve",
                "--database-url",
                url,
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--log-level",
                "warning",
                "--log-format",
                "text",
                "--max-connections",
                "2000",
                "--max-queue",
                "48",
                "--max-latency-ms",
                "1500",
            ],
            stdout=log,
            stderr=log,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise SystemExit(f"hub did not start: {(tmp / f'hub-{self.port}.log').read_text()[-2000:]}")

    def stop(self) -> float:
        mb = rss_mb(self.proc.pid)
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        return mb


def add_stations(url: str, prefix: str, n: int) -> dict[str, str]:
    s = open_storage(url)
    tokens = {}
    try:
        for i in range(n):
            sid = f"{prefix}{i:03d}"
            tok = f"tok-{sid}-{uuid.uuid4().hex}"
            s.add_station(sid, hash_token(tok))
            tokens[sid] = tok
    finally:
        s.close()
    return tokens


def load(hub: HubProc, tokens: dict[str, str], seconds: float, batch: int) -> dict[str, Any]:
    """Every station pushes a batch and pulls after each push, for `seconds`."""
    push_ms: list[float] = []
    pull_ms: list[float] = []
    stats = {"events": 0, "errors": 0}
    lock = threading.Lock()
    bodies: dict[str, list[bytes]] = {}
    per_station = max(3, int(seconds))
    for sid in tokens:  # prebuilt: the clients' own JSON cost stays out of the hub's figures
        bodies[sid] = [
            outbox_body(sid, k * batch, rows(sid, k * batch + 1, batch))  # type: ignore[arg-type]
            for k in range(per_station)
        ]

    stop_at = time.monotonic() + seconds

    def station(sid: str) -> None:
        c = HubClient(hub.url, tokens[sid], timeout_s=60, busy_patience_s=120)
        cursor = 0
        k = 0
        try:
            while time.monotonic() < stop_at and k < len(bodies[sid]):
                t0 = time.perf_counter()
                try:
                    r = c.push_raw(bodies[sid][k])
                    took = (time.perf_counter() - t0) * 1000
                    with lock:
                        push_ms.append(took)
                        stats["events"] += int(r.get("stored") or 0)
                    k += 1
                    t0 = time.perf_counter()
                    page = c.changes(cursor, 500)
                    cursor = int(page.get("cursor") or cursor)
                    with lock:
                        pull_ms.append((time.perf_counter() - t0) * 1000)
                except SyncError:
                    with lock:
                        stats["errors"] += 1
        finally:
            c.close()

    threads = [threading.Thread(target=station, args=(sid,)) for sid in tokens]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "events_per_s": stats["events"] / wall,
        "push_p50_ms": pct(push_ms, 0.50),
        "push_p99_ms": pct(push_ms, 0.99),
        "pull_p99_ms": pct(pull_ms, 0.99),
        "errors": stats["errors"],
        "pushes": len(push_ms),
    }


def storm(hub: HubProc, tokens: dict[str, str], events: int, batch: int) -> dict[str, Any]:
    """Every station catches up `events` queued events at once (batches of `batch`)."""
    failed = [0]
    busy = [0]
    lock = threading.Lock()

    # prebuilt like load(): the clients' own JSON work stays out of the hub's figures
    bodies = {
        sid: {
            k: outbox_body(sid, k, rows(sid, k + 1, min(batch, events - k)))  # type: ignore[arg-type]
            for k in range(0, events, batch)
        }
        for sid in tokens
    }

    def station(sid: str) -> None:
        c = HubClient(hub.url, tokens[sid], timeout_s=60, busy_patience_s=600)
        acked = 0
        try:
            while acked < events:
                body = bodies[sid].get(acked) or outbox_body(
                    sid,
                    acked,
                    rows(sid, acked + 1, min(batch, events - acked)),  # type: ignore[arg-type]
                )
                try:
                    acked = int(c.push_raw(body)["acked_seq"])
                except SyncError:
                    with lock:
                        failed[0] += 1
                    time.sleep(1)
        finally:
            with lock:
                busy[0] += c.busy_waits
            c.close()

    threads = [threading.Thread(target=station, args=(sid,)) for sid in tokens]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "storm_s": wall,
        "storm_events_per_s": len(tokens) * events / wall,
        "storm_failed": failed[0],
        "storm_429": busy[0],
    }


def ledger_backlog(url: str) -> int:
    """Stored events the hub's ledger (hub/ledger.py, a background follower) has not applied."""
    s = open_storage(url)
    try:

        def run(c: Any) -> int:
            st = {
                str(r["key"]): int(r["value"])
                for r in c.all(
                    "SELECT key, value FROM ledger_state WHERE key IN ('event_id', 'event_txid')"
                )
            }
            last = st.get("event_id", 0)
            pos = (st.get("event_txid", 1 if last else 0), last)
            return int(s.feed_backlog(c, pos, 10**9))

        return int(s.run_read(run))
    finally:
        s.close()


def ledger_drain(url: str, limit_s: float = 900.0) -> tuple[int, float]:
    """(backlog when the load stopped, seconds until the ledger had applied it all)."""
    t0 = time.perf_counter()
    first = left = ledger_backlog(url)
    while left and time.perf_counter() - t0 < limit_s:
        time.sleep(0.5)
        left = ledger_backlog(url)
    return first, time.perf_counter() - t0


def storage_only(url: str, seconds: float, batch: int) -> float:
    """Baseline: the same batches stored in-process (no HTTP, no JSON parse), events/s."""
    s = open_storage(url)
    s.add_station("BASE", hash_token("base"))
    n, seq, t0 = 0, 0, time.perf_counter()
    try:
        while time.perf_counter() - t0 < seconds:
            evs = []
            for r in rows("BASE", seq + 1, batch):
                evs.append({**r, "payload": json.loads(r["payload"])})
            s.store_events("BASE", seq, evs)
            seq += batch
            n += batch
    finally:
        s.close()
    return n / (time.perf_counter() - t0)


def main() -> int:
    global TYPES
    ap = argparse.ArgumentParser()
    ap.add_argument("--stations", default="10,50,200")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--storm-stations", type=int, default=200)
    ap.add_argument("--storm-events", type=int, default=5000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--event-types", default=",".join(TYPES))
    args = ap.parse_args()
    TYPES = tuple(t for t in args.event_types.split(",") if t)
    counts = [int(x) for x in args.stations.split(",") if x]
    tmp = Path(tempfile.mkdtemp(prefix="hub-load-"))
    pg = None
    results: dict[str, dict[str, Any]] = {}
    print(
        f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f} batch={args.batch} "
        f"types={','.join(TYPES)}"
    )
    try:
        for backend in args.backends.split(","):
            if backend == "postgresql":
                pg = PgServer.start(durable=True)  # fsync on: real commits
                url = pg.url(pg.create_db("hubload"))
                base_url = pg.url(pg.create_db("hubbase"))
                workers = args.workers
            else:
                url = f"sqlite:///{tmp / 'sqlite' / 'hub.db'}"
                base_url = f"sqlite:///{tmp / 'sqlite-base' / 'hub.db'}"
                workers = 1  # one writer anyway; the reads are on their own connections
            # its own database: the hub's ledger never sees the baseline's events
            base = storage_only(base_url, min(args.seconds, 5.0), args.batch)
            print(f"[{backend}] storage-only baseline: {base:,.0f} events/s")
            last: dict[str, Any] = {}
            hub = HubProc(url, workers, tmp)
            rss = 0.0
            try:
                for n in counts:
                    tokens = add_stations(url, f"L{n}-", n)
                    r = load(hub, tokens, args.seconds, args.batch)
                    behind, drain_s = ledger_drain(url)
                    print(
                        f"[{backend}] {n:>3} stations: {r['events_per_s']:,.0f} events/s "
                        f"(x{r['events_per_s'] / base:.2f} of storage-only), push p50 "
                        f"{r['push_p50_ms']:.0f} ms p99 {r['push_p99_ms']:.0f} ms, pull p99 "
                        f"{r['pull_p99_ms']:.0f} ms, errors {r['errors']}, pushes {r['pushes']}; "
                        f"ledger {behind:,} events behind at the end, applied {drain_s:.1f} s later"
                    )
                    last.update({"stations": n, **r, "ledger_behind": behind})
                if args.storm_stations and args.storm_events:
                    tokens = add_stations(url, "STORM-", args.storm_stations)
                    st = storm(hub, tokens, args.storm_events, args.batch)
                    behind, drain_s = ledger_drain(url)
                    print(
                        f"[{backend}] storm {args.storm_stations} x {args.storm_events}: "
                        f"{st['storm_s']:.0f} s, {st['storm_events_per_s']:,.0f} events/s, "
                        f"failed pushes {st['storm_failed']}, 429s honoured {st['storm_429']}; "
                        f"ledger {behind:,} events behind at the end, applied {drain_s:.0f} s later"
                    )
                    last.update(st)
            finally:
                rss = hub.stop()
            print(f"[{backend}] hub RSS {rss:.0f} MB ({workers} worker(s))")
            last.update({"baseline_events_per_s": base, "hub_rss_mb": rss})
            results[backend] = last
    finally:
        if pg is not None:
            pg.stop()
    keys = [
        "stations",
        "events_per_s",
        "push_p50_ms",
        "push_p99_ms",
        "pull_p99_ms",
        "errors",
        "storm_failed",
        "storm_events_per_s",
        "ledger_behind",
        "baseline_events_per_s",
        "hub_rss_mb",
    ]

    def fmt(v: Any) -> str:
        return f"{v:.0f}" if isinstance(v, float) else str(v)

    # PostgreSQL's figures first (the targets), SQLite's beside them with a sqlite_ prefix
    main_backend = "postgresql" if "postgresql" in results else next(iter(results), "")
    parts = [f"backend={main_backend}"]
    parts += [f"{k}={fmt(results.get(main_backend, {}).get(k))}" for k in keys]
    for other, r in results.items():
        if other != main_backend:
            parts += [f"{other}_{k}={fmt(r.get(k))}" for k in keys if k != "stations"]
    print(" ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
