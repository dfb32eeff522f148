"""Catch-up after a long outage: N queued events pushed to a real local hub while a packer keeps
scanning. Prints figures; the last line is key=value pairs.

Baseline (same run): the same scan stream with sync idle. Targets: catch-up under 20 s for
100,000 events on a 2-core machine; scan p99 under 20 ms while catching up.

    .venv/bin/python benchmarks/catch_up.py [--events 100000] [--batch-size 500]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warehouse_app.batches import create_batch, set_batch_status  # noqa: E402
from warehouse_app.catalog import upsert_carriers, upsert_skus  # noqa: E402
from warehouse_app.hub.storage import hash_token, open_storage  # noqa: E402
from warehouse_app.outbox import append_event  # noqa: E402
from warehouse_app.scan_engine import ScanContext, scan  # noqa: E402
from warehouse_app.station import add_operator, init_station  # noqa: E402
from warehouse_app.store import open_store  # noqa: E402
from warehouse_app.store.tx import transaction  # noqa: E402
from warehouse_app.store.writer import StoreWriter  # noqa: E402
from warehouse_app.sync import SyncService, save_config  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


class ScanStream:
    """A packer scanning parcels at a steady rate; latency is submit -> verdict via the writer."""

    def __init__(
        self, writer: StoreWriter, codes: list[str], ctx: ScanContext, gap_s: float
    ) -> None:
        self.writer, self.codes, self.ctx, self.gap_s = writer, codes, ctx, gap_s
        self.latencies_ms: list[float] = []
        self.rejected = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scan-stream")

    def _run(self) -> None:
        for code in self.codes:
            if self._stop.is_set():
                break
            t0 = time.perf_counter()
            v = self.writer.submit(scan, code, self.ctx).result()
            self.latencies_ms.append((time.perf_counter() - t0) * 1000)
            if not v.ok:
                self.rejected += 1
            self._stop.wait(self.gap_s)

    def start(self) -> ScanStream:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> int:
    from warehouse_app.startup import wire

    wire()  # the policies every entry point installs (promo oversell guard, intake hooks)
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument(
        "--scan-gap-ms", type=float, default=20.0, help="pause between scans (50 scans/s)"
    )
    ap.add_argument("--baseline-s", type=float, default=5.0)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="catchup-"))
    port = free_port()
    token = "bench-token"
    storage = open_storage(tmp / "hub")
    storage.add_station("BENCH1", hash_token(token))
    storage.close()
    hub = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "warehouse_app.hub.cli",
            "serve",
            "--data-dir",
            str(tmp / "hub"),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(tmp / "hub.log", "wb"),
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("hub did not start")
            time.sleep(0.05)

        store = open_store(tmp / "station.db")
        writer = StoreWriter(store)
        n_parcels = 4000

        def seed(conn: Any) -> list[str]:
            with transaction(conn):
                init_station(conn, "BENCH1")
                upsert_carriers(conn, [{"code": "ZTO", "name": "ZTO", "name_zh": "中通"}])
                upsert_skus(conn, [{"code": "A", "name": "A", "weight_g": 100, "barcodes": []}])
                add_operator(conn, "P1", "Packer", "packer")
                b = create_batch(
                    conn, sku_set="A*1", kind="anonymous", qty=n_parcels, batch_id="B1"
                )
                set_batch_status(conn, b["batch_id"], "active")
            return [
                r[0]
                for r in conn.execute(
                    "SELECT label_code FROM parcels WHERE batch_id='B1' ORDER BY label_code"
                )
            ]

        codes = writer.call(seed)
        writer.call(save_config, url, token, None)

        def queue(conn: Any, k: int) -> None:
            with transaction(conn):
                for i in range(k):
                    append_event(
                        conn,
                        "parcel.verified",
                        {
                            "parcel_id": f"OFF-{i}",
                            "order_id": f"O{i}",
                            "waybill": f"WB{i:010d}",
                            "carrier": "ZTO",
                            "batch_id": "B0",
                            "from": "packed",
                            "to": "verified",
                        },
                        operator="P1",
                    )

        t0 = time.perf_counter()
        left = args.events
        while left > 0:
            writer.call(queue, min(10_000, left))
            left -= 10_000
        queue_s = time.perf_counter() - t0
        print(f"queued {args.events} events offline in {queue_s:.1f} s")

        ctx = ScanContext("pack", operator="P1", batch_id="B1")
        gap = args.scan_gap_ms / 1000
        n_base = max(50, int(args.baseline_s / (gap + 0.001)))
        base = ScanStream(writer, codes[:n_base], ctx, gap).start()
        base._thread.join()
        print(
            f"baseline: {len(base.latencies_ms)} scans, sync idle: p50 {pct(base.latencies_ms, 50):.2f} ms, "
            f"p99 {pct(base.latencies_ms, 99):.2f} ms, max {max(base.latencies_ms):.2f} ms"
        )

        svc = SyncService(store, writer, batch_size=args.batch_size, interval_s=3600)
        during = ScanStream(writer, codes[n_base:], ctx, gap).start()
        t0 = time.perf_counter()
        res = svc.sync_once()
        catch_up_s = time.perf_counter() - t0
        during.stop()
        # the scans that landed after the catch-up's last push go up in one more round
        svc.sync_once()
        writer.close()
        conn = store.connect(readonly=True)
        acked = conn.execute("SELECT acked_seq FROM sync_state").fetchone()[0]
        total = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
        conn.close()
        hub_rows = open_storage(tmp / "hub").events("BENCH1", 0, 10**9)
        exactly_once = len(hub_rows) == len({e["uuid"] for e in hub_rows}) and [
            e["seq"] for e in hub_rows
        ] == sorted(e["seq"] for e in hub_rows)
        p99_during = pct(during.latencies_ms, 99)
        p99_base = pct(base.latencies_ms, 99)
        rate = res.pushed / catch_up_s if catch_up_s else 0.0
        print(
            f"catch-up: pushed {res.pushed} events (+{res.duplicates} duplicates) in {catch_up_s:.2f} s "
            f"= {rate:,.0f} events/s; acked {acked} of {total}; hub holds {len(hub_rows)}"
        )
        print(
            f"during catch-up: {len(during.latencies_ms)} scans ({during.rejected} rejected): "
            f"p50 {pct(during.latencies_ms, 50):.2f} ms, p99 {p99_during:.2f} ms, "
            f"max {max(during.latencies_ms):.2f} ms; p99 vs baseline x{p99_during / p99_base:.2f}"
        )
        ok = catch_up_s < 20 and p99_during < 20 and acked == total and exactly_once
        print(
            f"events={res.pushed} batch_size={args.batch_size} catch_up_s={catch_up_s:.2f} "
            f"events_per_s={rate:.0f} scans_during={len(during.latencies_ms)} "
            f"scan_p99_ms_baseline={p99_base:.2f} scan_p99_ms_during={p99_during:.2f} "
            f"scan_p99_ratio={p99_during / p99_base:.2f} drained={int(acked == total)} "
            f"exactly_once={int(exactly_once)} cpus={os.cpu_count()} targets_met={int(ok)}"
        )
        return 0
    finally:
        hub.terminate()
        hub.wait(10)


if __name__ == "__main__":
    sys.exit(main())
