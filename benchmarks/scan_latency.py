"""Scan-to-verdict latency with the durable commit, on a store holding N parcels (default 1,000,000),
and its drift over a pre-pack day (does a scan cost the same at the end of the peak as at the start?).

Part 1: pack and verify scans spread over the 1M-parcel store.
Part 2, the pre-pack day: a hot SKU with 100,000 paid orders and an anonymous batch of 100,000
parcels; every parcel is packed, then verified (each verify binds the earliest-paid open order and
queues its waybill for printing), then handed off. For each phase: p50/p99 of the first and the last
10,000 scans and their ratio (drift), the same per 10,000 for the whole day (wall time, the writer
thread's CPU time, the bare commit's p99 and the WAL's size at the window's end: a p99 that rises
with the bare one is the machine, one that rises with the CPU time is ours), and the process RSS
at start and end.

Baseline (the ratios' denominator): the same run's bare sqlite3 INSERT + COMMIT with the same
pragmas (WAL, synchronous=FULL) on the same disk, interleaved one-for-one. Last line: key=value.
    python benchmarks/scan_latency.py [--parcels N] [--scans N] [--prepack N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.procmem import rss_mb
from warehouse_app.batches import set_batch_status
from warehouse_app.catalog import upsert_carriers, upsert_skus
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.station import init_station
from warehouse_app.store import open_store
from warehouse_app.store.db import PRAGMAS
from warehouse_app.store.tx import transaction
from warehouse_app.store.writer import StoreWriter

PER_BATCH = 10_000


def build(path: Path, parcels: int) -> None:
    s = open_store(path)
    c = s.connect()
    with transaction(c):
        init_station(c, "BENCH")
        upsert_carriers(c, [{"code": "ZTO", "name": "ZTO"}])
        upsert_skus(c, [{"code": "A", "name": "A", "weight_g": 100}])
    c.execute("PRAGMA synchronous=OFF")  # building the fixture is not what we measure
    now = "2026-11-11T12:00:00.000Z"
    c.execute("BEGIN")
    for b in range((parcels + PER_BATCH - 1) // PER_BATCH):
        bid = f"BENCH-B{b:04d}"
        n = min(PER_BATCH, parcels - b * PER_BATCH)
        c.execute(
            "INSERT INTO batches (batch_id, kind, sku_set, planned_qty, status, expected_weight_g, created_at) "
            "VALUES (?, 'presale', 'A*1', ?, 'draft', 100, ?)",
            (bid, n, now),
        )
        base = b * PER_BATCH
        c.executemany(
            "INSERT INTO orders (order_id, paid_at, sku_set, carrier, waybill, status, province) "
            "VALUES (?, ?, 'A*1', 'ZTO', ?, 'paid', '浙江')",
            ((f"O{base + i:07d}", now, f"ZT{base + i:010d}") for i in range(n)),
        )
        c.executemany(
            "INSERT INTO order_items (order_id, sku_code, qty) VALUES (?, 'A', 1)",
            ((f"O{base + i:07d}",) for i in range(n)),
        )
        c.executemany(
            "INSERT INTO parcels (parcel_id, batch_id, order_id, label_code, waybill, carrier, sku_set, state, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 'ZTO', 'A*1', 'planned', ?)",
            (
                (
                    f"PP-{bid}-{i:05d}",
                    bid,
                    f"O{base + i:07d}",
                    f"PP-{bid}-{i:05d}",
                    f"ZT{base + i:010d}",
                    now,
                )
                for i in range(n)
            ),
        )
    c.execute("COMMIT")
    c.execute("PRAGMA synchronous=FULL")
    c.execute("ANALYZE")
    c.close()


def add_prepack_day(path: Path, n: int) -> str:
    """A hot SKU `H` with n paid orders (one a second) and an anonymous batch of n parcels of it."""
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA synchronous=OFF")
    c.execute("BEGIN")
    c.execute("INSERT INTO skus (code, name, weight_g) VALUES ('H', 'hot', 100)")
    bid = "HOT-B0001"
    c.execute(
        "INSERT INTO batches (batch_id, kind, sku_set, planned_qty, status, created_at) "
        "VALUES (?, 'anonymous', 'H*1', ?, 'active', '2026-11-01T00:00:00.000Z')",
        (bid, n),
    )
    c.executemany(
        "INSERT INTO orders (order_id, paid_at, sku_set, carrier, waybill, status, province) "
        "VALUES (?, ?, 'H*1', 'ZTO', ?, 'paid', '浙江')",
        (
            (
                f"H{i:07d}",
                f"2026-11-11T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.{i // 86400:03d}Z",
                f"HW{i:010d}",
            )
            for i in range(n)
        ),
    )
    c.executemany(
        "INSERT INTO order_items (order_id, sku_code, qty) VALUES (?, 'H', 1)",
        ((f"H{i:07d}",) for i in range(n)),
    )
    c.executemany(
        "INSERT INTO parcels (parcel_id, batch_id, label_code, sku_set, state, updated_at) "
        "VALUES (?, ?, ?, 'H*1', 'planned', '2026-11-01T00:00:00.000Z')",
        ((f"HP{i:07d}", bid, f"HL{i:07d}") for i in range(n)),
    )
    c.execute("COMMIT")
    c.execute("ANALYZE")
    c.close()
    return bid


def drift(lat: list[float], window: int) -> dict[str, float]:
    first, last = lat[:window], lat[-window:]
    f99, l99 = pct(first, 99), pct(last, 99)
    return {
        "first_p50_ms": round(statistics.median(first), 3),
        "first_p99_ms": round(f99, 3),
        "last_p50_ms": round(statistics.median(last), 3),
        "last_p99_ms": round(l99, 3),
        "drift_p99": round(l99 / f99, 2) if f99 else float("nan"),
        "max_ms": round(max(lat), 3),
    }


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


class BareCommitter:
    """The denominator: plain sqlite3 INSERT + COMMIT with the station's pragmas, same disk."""

    def __init__(self, path: Path) -> None:
        self.c = sqlite3.connect(path, isolation_level=None)
        for p in PRAGMAS:
            self.c.execute(p)
        self.c.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
        self.i = 0

    def commit(self) -> float:
        self.i += 1
        t0 = time.perf_counter()
        self.c.execute("BEGIN IMMEDIATE")
        self.c.execute("INSERT INTO t (v) VALUES (?)", (f"row{self.i}",))
        self.c.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.c.close()


def main() -> None:
    from warehouse_app.startup import wire

    wire()  # the policies every entry point installs (promo oversell guard, intake hooks)
    ap = argparse.ArgumentParser()
    ap.add_argument("--parcels", type=int, default=1_000_000)
    ap.add_argument("--scans", type=int, default=10_000)
    ap.add_argument(
        "--prepack",
        type=int,
        default=100_000,
        help="orders = parcels of the pre-pack day (0: skip)",
    )
    ap.add_argument("--window", type=int, default=10_000, help="first/last N scans for drift")
    ap.add_argument(
        "--dir", type=Path, default=None, help="where the DB files go (default: a temp dir)"
    )
    a = ap.parse_args()
    tmp = Path(a.dir or tempfile.mkdtemp(prefix="scanbench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    db = tmp / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    build(db, a.parcels)
    hot = add_prepack_day(db, a.prepack) if a.prepack else None
    print(
        f"built store with {a.parcels:,} parcels in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.0f} MB)"
    )

    store = open_store(db)
    conn = store.connect()
    # scans spread over the whole store: pack in two batches, then verify what was packed
    batches = [
        f"BENCH-B{b:04d}"
        for b in (0, (a.parcels // PER_BATCH) // 2, max(0, a.parcels // PER_BATCH - 1))
    ]
    with transaction(conn):
        for b in dict.fromkeys(batches):
            set_batch_status(conn, b, "active", operator="BENCH")
    half = a.scans // 2
    plan: list[tuple[str, ScanContext]] = []
    for i in range(half):
        b = batches[i % len(batches)]
        n = int(b[-4:]) * PER_BATCH + i // len(batches)
        plan.append((f"ZT{n:010d}", ScanContext("pack", "BENCH", batch_id=b)))
    plan += [(code, ScanContext("verify", "BENCH")) for code, _ in plan[: a.scans - half]]
    conn.close()
    # As the station runs it: each scan submitted to the single writer thread, timed until its
    # verdict (after the durable commit) is back in the caller's hands. The bare baseline is
    # interleaved one-for-one, so both see the same disk and CPU load.
    writer = StoreWriter(store)
    bare = BareCommitter(tmp / "bare.db")
    lat: list[float] = []
    base: list[float] = []
    oks = 0
    for code, ctx in plan:
        base.append(bare.commit())
        t = time.perf_counter()
        v = writer.submit(scan, code, ctx).result()
        lat.append((time.perf_counter() - t) * 1000)
        oks += v.ok
    rejects = []
    for i in range(500):  # rejected scans (unknown codes, duplicates) for the record
        t = time.perf_counter()
        writer.submit(scan, f"NOPE{i}" if i % 2 else plan[i][0], plan[i][1]).result()
        rejects.append((time.perf_counter() - t) * 1000)
    day: dict[str, dict[str, float]] = {}
    rss0 = rss1 = rss_mb()
    if hot is not None:
        day, rss0, rss1 = prepack_day(writer, bare, hot, a.prepack, min(a.window, a.prepack))
    writer.close()
    bare.close()
    res = {
        "parcels": a.parcels,
        "scans": len(lat),
        "ok": oks,
        "p50_ms": round(statistics.median(lat), 3),
        "p99_ms": round(pct(lat, 99), 3),
        "max_ms": round(max(lat), 3),
        "reject_p99_ms": round(pct(rejects, 99), 3),
        "bare_p50_ms": round(statistics.median(base), 3),
        "bare_p99_ms": round(pct(base, 99), 3),
    }
    res["ratio"] = (
        round(res["p99_ms"] / res["bare_p99_ms"], 2) if res["bare_p99_ms"] else float("nan")
    )
    res["ratio_p50"] = (
        round(res["p50_ms"] / res["bare_p50_ms"], 2) if res["bare_p50_ms"] else float("nan")
    )
    for phase, d in day.items():
        res[f"{phase}_p99_first_ms"] = d["first_p99_ms"]
        res[f"{phase}_p99_last_ms"] = d["last_p99_ms"]
        res[f"{phase}_drift"] = d["drift_p99"]
        res[f"{phase}_bare_p99_ms"] = d["bare_p99_ms"]
        res[f"{phase}_cpu_p99_first_ms"] = d["cpu_p99_first_ms"]
        res[f"{phase}_cpu_p99_last_ms"] = d["cpu_p99_last_ms"]
    if day:
        res["rss_start_mb"], res["rss_end_mb"] = round(rss0, 1), round(rss1, 1)
        res["rss_growth_mb"] = round(rss1 - rss0, 1)
    print(json.dumps(res))
    print(" ".join(f"{k}={v}" for k, v in res.items()))


class _BenchPrinter:
    """The session's print port: jobs are persisted for this printer key (nothing prints)."""

    def printer_key(self) -> str | None:
        return "bench://printer"

    def wake(self) -> None:
        pass


def prepack_day(
    writer: StoreWriter, bare: BareCommitter, batch_id: str, n: int, window: int
) -> tuple[dict[str, dict[str, float]], float, float]:
    """Through the station session, as the window and the headless station run it: pack all n
    parcels, verify them (each verify binds the earliest-paid order and persists its print job),
    then hand them off."""
    from warehouse_app.handoffs import open_handoff
    from warehouse_app.session import StationSession

    labels = [f"HL{i:07d}" for i in range(n)]

    def run(phase: str, session: StationSession) -> dict[str, float]:
        lat: list[float] = []
        base: list[float] = []
        oks = queued = 0
        wal: list[int] = []  # the WAL file's size at the end of each window
        wal_path = Path(str(writer.store.path) + "-wal")
        cpu: list[float] = []  # the writer thread's CPU time per scan: what the machine's load
        # (other processes, scheduling, a shared disk) cannot inflate, so drift in it is ours

        def timed(conn: sqlite3.Connection, code: str) -> tuple[Any, float]:
            t = time.thread_time()
            out = session.scan(conn, code)
            return out, (time.thread_time() - t) * 1000

        for code in labels:
            if len(lat) % window == window - 1:
                wal.append(wal_path.stat().st_size if wal_path.exists() else 0)
            base.append(bare.commit())
            t = time.perf_counter()
            out, c = writer.submit(timed, code).result()
            lat.append((time.perf_counter() - t) * 1000)
            cpu.append(c)
            oks += out.ok
            queued += bool(out.print and out.print.queued)
        while len(wal) * window < len(lat):
            wal.append(wal_path.stat().st_size if wal_path.exists() else 0)
        d = drift(lat, window)
        d["ok"] = oks
        d["labels_queued"] = queued
        d["bare_p99_ms"] = round(pct(base, 99), 3)
        d["cpu_p50_first_ms"] = round(statistics.median(cpu[:window]), 3)
        d["cpu_p50_last_ms"] = round(statistics.median(cpu[-window:]), 3)
        d["cpu_p99_first_ms"] = round(pct(cpu[:window], 99), 3)
        d["cpu_p99_last_ms"] = round(pct(cpu[-window:], 99), 3)
        print(f"{phase}: {oks:,}/{len(labels):,} ok", json.dumps(d), flush=True)
        for i in range(0, len(lat), window):  # the whole curve, not only its ends
            w, b, c = lat[i : i + window], base[i : i + window], cpu[i : i + window]
            print(
                f"  {phase} scans {i:>7,}-{i + len(w):>7,}: p50 {statistics.median(w):6.3f} ms, "
                f"p99 {pct(w, 99):6.3f} ms (CPU p50 {statistics.median(c):5.3f}, "
                f"p99 {pct(c, 99):5.3f}), bare p99 {pct(b, 99):6.3f} ms, "
                f"WAL {wal[i // window] / 1e6:5.1f} MB",
                flush=True,
            )
        return d

    def session(mode: str, **kw: str) -> StationSession:
        return StationSession(mode=mode, operator="BENCH", printer=_BenchPrinter(), **kw)

    rss0 = rss_mb()
    out = {"pack": run("pack", session("pack", batch_id=batch_id))}
    out["bind"] = run("bind", session("verify"))
    h = writer.submit(
        lambda c: _tx(c, lambda: open_handoff(c, "ZTO", courier_name="bench", operator="BENCH"))
    ).result()
    out["handoff"] = run("handoff", session("handoff", handoff_id=h["handoff_id"]))
    return out, rss0, rss_mb()


def _tx(conn: sqlite3.Connection, fn: Any) -> Any:
    with transaction(conn):
        return fn()


if __name__ == "__main__":
    main()
