"""Scan-to-verdict latency with the durable commit, on a store holding N parcels (default 1,000,000).

Baseline (the ratio's denominator): the same run's bare sqlite3 INSERT + COMMIT with the same
pragmas (WAL, synchronous=FULL) on the same disk. Last line: key=value pairs.
    python benchmarks/scan_latency.py [--parcels N] [--scans N] [--dir DIR]
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    ap = argparse.ArgumentParser()
    ap.add_argument("--parcels", type=int, default=1_000_000)
    ap.add_argument("--scans", type=int, default=10_000)
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
    print(json.dumps(res))
    print(" ".join(f"{k}={v}" for k, v in res.items()))


if __name__ == "__main__":
    main()
