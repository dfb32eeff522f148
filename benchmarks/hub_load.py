"""Hub load: N simulated stations (real tokens, the sync client's own push body and HubClient)
push and pull against a real `warehouse-hub serve`, on SQLite and on PostgreSQL.

Phases per backend:
- closed loop (--stations 10,50,200): every station pushes a batch and pulls, back to back, for
  --seconds: the saturation throughput. Push latency here is queueing (Little's law: 200
  stations always waiting on the hub), so it is printed but is not the latency figure;
- paced (--paced-stations 200 --rate 8000): each station pushes --batch events every
  stations x batch / rate seconds (phases spread evenly) and pulls after, as a sync loop does:
  events/s achieved and push p50/p99 at that offered rate (429 waits included and counted);
  one cycle before the measured ones is the stations' first sync with the new hub (connections,
  a first pull from cursor 0), printed apart as first_sync_p99_ms;
- storm (--storm-stations 200 --storm-events 5000): every station catches up its queue at once
  through back-pressure (429 + Retry-After, honoured by HubClient); failed pushes counted.
Stations use the station's own request timeout (sync.service.REQUEST_TIMEOUT_S, 15 s); a push
that times out or errs counts as failed. The hub runs 2 workers with --max-queue 32 each
(HUBLOAD_MAX_QUEUE, HUBLOAD_MAX_LATENCY_MS override). After each phase the hub's ledger (a
background follower) is waited for: how far it was behind and how long it took to apply the
rest. The same-run baseline is storage-only: the same batches
stored by `store_events` in-process with no HTTP, on a database of its own.

The last line is key=value pairs: PostgreSQL's (events_per_s, push_p99_ms from the paced phase;
errors summed over all phases; storm_failed; saturated_* from the closed loop at the largest
count), then SQLite's with a sqlite_ prefix.

Targets (2-core machine): >= 8,000 events/s at 200 stations with pulls, push p99 < 500 ms,
0 errors, storm drained with 0 failed pushes.

    .venv/bin/python benchmarks/hub_load.py [--stations 10,50,200] [--seconds 10]
        [--paced-stations 200 --rate 8000 --cycles 3]
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
import uuid6

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg_server import PgServer  # noqa: E402
from warehouse_app.hub.ledger import Ledger  # noqa: E402
from warehouse_app.hub.storage import hash_token, open_storage  # noqa: E402
from warehouse_app.sync.client import HubClient, SyncError  # noqa: E402
from warehouse_app.sync.service import REQUEST_TIMEOUT_S, outbox_body  # noqa: E402

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
                "uuid": str(uuid6.uuid7()),  # as a station's outbox makes them (time-ordered)
                "station_id": station,
                "type": t,
                "payload": json.dumps(payload, separators=(",", ":"), sort_keys=True),
                "operator": "P1",
                "created_at": f"2026-11-11T{12 + seq % 8:02d}:{seq % 60:02d}:00.000Z",
            }
        )
    return out


def _kids(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return []
    return [int(k) for k in out.split()]


def _nice(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
    except (OSError, ValueError, IndexError):
        return 0


def cpu_s(hub: HubProc, pg: Any) -> dict[str, float]:
    """CPU seconds used so far by the hub's request processes, its ledger process (nice > 0)
    and the PostgreSQL server: the machine is shared, so CPU per event is the figure that
    carries over to a quiet machine, where wall-clock rates do not."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {"hub": 0.0, "ledger": 0.0, "postgresql": 0.0}
    groups: list[tuple[str, list[int]]] = [("hub", [hub.proc.pid, *_kids(hub.proc.pid)])]
    base_nice = _nice(hub.proc.pid)  # the ledger runs niced *relative* to the hub (nice -n 19)
    if pg is not None:
        try:
            master = int((pg.root / "data" / "postmaster.pid").read_text().split()[0])
            groups.append(("postgresql", [master, *_kids(master)]))
        except (OSError, ValueError, IndexError):
            pass
    for name, pids in groups:
        for p in pids:
            try:
                comm, rest = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)
            except (OSError, ValueError):
                continue
            f = rest.split()
            # fields after the name: state=0 ... utime=11 stime=12 nice=16
            used = (int(f[11]) + int(f[12])) / tick
            ledger = comm.endswith("(hub-ledger") or int(f[16]) > base_nice
            out["ledger" if name == "hub" and ledger else name] += used
    return out


def cpu_line(before: dict[str, float], after: dict[str, float], events: int) -> str:
    per = {k: 1000 * (after[k] - before[k]) / max(events, 1) * 1000 for k in after}
    total = sum(per.values())
    return (
        f"CPU per 1,000 events: hub {per['hub']:.0f} ms, ledger {per['ledger']:.0f} ms, "
        f"PostgreSQL {per['postgresql']:.0f} ms (total {total:.0f} ms: 2 idle cores take "
        f"~{2_000_000 / max(total, 1):,.0f} events/s)"
    )


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
                # per worker: room for a burst of 200 stations' syncs; beyond it a 429
                os.environ.get("HUBLOAD_MAX_QUEUE", "32"),
                "--max-latency-ms",
                os.environ.get("HUBLOAD_MAX_LATENCY_MS", "1500"),
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
        c = HubClient(hub.url, tokens[sid], timeout_s=REQUEST_TIMEOUT_S, busy_patience_s=120)
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
        "events": stats["events"],
    }


def paced(
    hub: HubProc, tokens: dict[str, str], rate: float, cycles: int, batch: int, warmup: int = 1
) -> dict[str, Any]:
    """An offered load: each station pushes `batch` events every `interval` seconds (phases
    spread evenly), then pulls, as a sync loop does; interval = stations x batch / rate. With
    a closed loop (load()) 200 stations always queue (Little's law), so push latency at a given
    rate is measured here: the time of each push request (429 waits included, also counted).

    The first `warmup` cycle(s) are the stations' first sync with this hub (new connections,
    a first pull of everything from cursor 0): printed apart, not in the steady-state figures."""
    n = len(tokens)
    interval = n * batch / rate
    total = warmup + cycles
    push_ms: list[float] = []
    clean_ms: list[float] = []  # pushes answered without a 429
    pull_ms: list[float] = []
    stats = {"events": 0, "events_all": 0, "errors": 0, "late": 0, "busy": 0, "changes": 0}
    kinds: dict[str, int] = {}
    by_cycle: list[list[float]] = [[] for _ in range(total)]  # push ms, per cycle
    lock = threading.Lock()
    bodies = {
        sid: [
            outbox_body(sid, k * batch, rows(sid, k * batch + 1, batch))  # type: ignore[arg-type]
            for k in range(total)
        ]
        for sid in tokens
    }
    cpu0 = time.process_time()  # the simulated stations' own CPU (this process), bodies built
    start = time.monotonic() + 1.0

    def station(i: int, sid: str) -> None:
        c = HubClient(hub.url, tokens[sid], timeout_s=REQUEST_TIMEOUT_S, busy_patience_s=120)
        cursor = 0
        try:
            for k in range(total):
                measured = k >= warmup
                due = start + (i / n + k) * interval
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                elif measured:
                    with lock:
                        stats["late"] += 1  # the previous cycle was still running
                busy0 = c.busy_waits
                t0 = time.perf_counter()
                try:
                    r = c.push_raw(bodies[sid][k])
                    took = (time.perf_counter() - t0) * 1000
                    t1 = time.perf_counter()
                    page = c.changes(cursor, 500)
                    cursor = int(page.get("cursor") or cursor)
                    with lock:
                        by_cycle[k].append(took)
                        stats["events_all"] += int(r.get("stored") or 0)
                        if not measured:
                            continue
                        stats["changes"] += len(page.get("changes") or ())
                        for ch in page.get("changes") or ():
                            kinds[str(ch.get("kind"))] = kinds.get(str(ch.get("kind")), 0) + 1
                        push_ms.append(took)
                        if c.busy_waits == busy0:
                            clean_ms.append(took)
                        pull_ms.append((time.perf_counter() - t1) * 1000)
                        stats["events"] += int(r.get("stored") or 0)
                        stats["busy"] += c.busy_waits - busy0
                except SyncError:
                    with lock:
                        stats["errors"] += 1
        finally:
            c.close()

    threads = [
        threading.Thread(target=station, args=(i, sid)) for i, sid in enumerate(sorted(tokens))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = max(time.monotonic() - (start + warmup * interval), cycles * interval)
    client_cpu = time.process_time() - cpu0
    return {
        "events_per_s": stats["events"] / wall,
        "client_cpu_ms_per_1000": 1e6 * client_cpu / max(1, stats["events_all"]),
        "changes_per_pull": stats["changes"] / max(1, len(pull_ms)),
        "change_kinds": kinds,
        "cycle_p99_ms": [pct(xs, 0.99) for xs in by_cycle],
        "first_sync_p99_ms": pct([x for xs in by_cycle[:warmup] for x in xs], 0.99),
        "offered_per_s": rate,
        "interval_s": interval,
        "push_p50_ms": pct(push_ms, 0.50),
        "push_p99_ms": pct(push_ms, 0.99),
        "pull_p99_ms": pct(pull_ms, 0.99),
        "clean_push_p99_ms": pct(clean_ms, 0.99),
        "push_p90_ms": pct(push_ms, 0.90),
        "errors": stats["errors"],
        "late": stats["late"],
        "busy": stats["busy"],
        "pushes": len(push_ms),
        "events": stats["events"],
        "events_all": stats["events_all"],
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
        c = HubClient(hub.url, tokens[sid], timeout_s=REQUEST_TIMEOUT_S, busy_patience_s=600)
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
        "events": len(tokens) * events,
    }


def ledger_backlog(url: str) -> int:
    """Stored events the hub's ledger (hub/ledger.py, a background follower) has not applied."""
    s = open_storage(url)
    try:
        return Ledger(s).backlog(10**9)
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
    ap.add_argument("--paced-stations", type=int, default=200)
    ap.add_argument("--rate", type=float, default=8000.0, help="offered events/s when paced")
    ap.add_argument(
        "--cycles",
        type=int,
        default=3,
        help="measured pushes per station when paced (after one first-sync cycle)",
    )
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
            errs = 0  # every phase's errors count on the last line
            hub = HubProc(url, workers, tmp)
            db = pg if backend == "postgresql" else None
            rss = 0.0
            try:
                for n in counts:
                    tokens = add_stations(url, f"L{n}-", n)
                    c0 = cpu_s(hub, db)
                    r = load(hub, tokens, args.seconds, args.batch)
                    behind, drain_s = ledger_drain(url)
                    cpu = cpu_line(c0, cpu_s(hub, db), r["events"])
                    print(
                        f"[{backend}] {n:>3} stations: {r['events_per_s']:,.0f} events/s "
                        f"(x{r['events_per_s'] / base:.2f} of storage-only), push p50 "
                        f"{r['push_p50_ms']:.0f} ms p99 {r['push_p99_ms']:.0f} ms, pull p99 "
                        f"{r['pull_p99_ms']:.0f} ms, errors {r['errors']}, pushes {r['pushes']}; "
                        f"ledger {behind:,} events behind at the end, applied {drain_s:.1f} s later"
                    )
                    print(f"[{backend}]      {cpu}")
                    last.update({"stations": n, **r, "ledger_behind": behind})
                    errs += r["errors"]
                if args.paced_stations and args.rate:
                    tokens = add_stations(url, "P-", args.paced_stations)
                    c0 = cpu_s(hub, db)
                    r = paced(hub, tokens, args.rate, args.cycles, args.batch)
                    errs += r["errors"]
                    behind, drain_s = ledger_drain(url)
                    print(
                        f"[{backend}]      {cpu_line(c0, cpu_s(hub, db), r['events_all'])}; "
                        f"the simulated stations {r['client_cpu_ms_per_1000']:.0f} ms; "
                        f"{r['changes_per_pull']:.1f} changes per pull {r['change_kinds']}; "
                        "push p99 per cycle "
                        + " / ".join(f"{v:.0f}" for v in r["cycle_p99_ms"])
                        + f" ms (the first: {args.paced_stations} stations' first sync with "
                        "this hub, not in the figures below)"
                    )
                    print(
                        f"[{backend}] {args.paced_stations} stations paced at "
                        f"{args.rate:,.0f} events/s offered (each {args.batch} every "
                        f"{r['interval_s']:.1f} s, then a pull): {r['events_per_s']:,.0f} "
                        f"events/s, push p50 {r['push_p50_ms']:.0f} ms p99 "
                        f"{r['push_p99_ms']:.0f} ms (p90 {r['push_p90_ms']:.0f} ms; without a 429 "
                        f"p99 {r['clean_push_p99_ms']:.0f} ms), pull p99 {r['pull_p99_ms']:.0f} ms, "
                        f"errors {r['errors']}, late cycles {r['late']}, 429s {r['busy']}; ledger "
                        f"{behind:,} events behind at the end, applied {drain_s:.1f} s later"
                    )
                    last.update(
                        {
                            "stations": args.paced_stations,
                            **r,
                            "ledger_behind": behind,
                            "saturated_events_per_s": last.get("events_per_s"),
                            "saturated_push_p99_ms": last.get("push_p99_ms"),
                        }
                    )
                if args.storm_stations and args.storm_events:
                    tokens = add_stations(url, "STORM-", args.storm_stations)
                    c0 = cpu_s(hub, db)
                    st = storm(hub, tokens, args.storm_events, args.batch)
                    behind, drain_s = ledger_drain(url)
                    print(f"[{backend}]      {cpu_line(c0, cpu_s(hub, db), st['events'])}")
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
            last.update({"baseline_events_per_s": base, "hub_rss_mb": rss, "errors": errs})
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
        "first_sync_p99_ms",
        "busy",
        "errors",
        "saturated_events_per_s",
        "saturated_push_p99_ms",
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
