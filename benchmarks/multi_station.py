"""Many stations, one warehouse, a flapping hub: does any order ship twice, and does lease renewal
ever stall a scan? Prints figures; the last line is key=value pairs.

A real hub process (`warehouse-hub serve`) behind a loopback proxy that drops the link on and off
("flapping"); N station processes, each a real SQLite file with its writer and sync threads, each
packing an anonymous pre-pack batch: pack, verify (binds inside the station's lease) and hand off,
one scan every --gap-ms. A verify that finds its lease empty is retried until the next lease
arrives: that wait is `lease_wait` (`lease_waits_hub_up`: those begun while the hub answered, i.e.
a renewal that came too late; the others are an outage outlasting the lease, by design: a
station never binds outside its lease). Baseline (same run): one station alone on its own hub with the
same flapping (no work division). Goal: double_shipped=0 and multi scan p99 <= 2x single.
The in-engine and writer-queue parts of each scan are printed too: on a machine with fewer cores
than stations, CPU sharing (not lease renewal) dominates the in-engine part; the writer-queue
part is where a lease or hold write could stall a scan.

    .venv/bin/python benchmarks/multi_station.py [--stations 10] [--scans 2000] [--gap-ms 30]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SKU_SETS = ("A*1", "B*1")
CARRIERS = ("ZTO", "YTO")


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def station_worker(
    path: str,
    sid: str,
    url: str,
    token: str,
    sku_set: str,
    parcels: int,
    gap_s: float,
    healed: Any,
    hub_up: Any,
    out: Any,
) -> None:
    """One packing station: sync thread running, a packer scanning as fast as --gap-ms allows."""
    from warehouse_app.batches import create_batch, set_batch_status
    from warehouse_app.handoffs import open_handoff
    from warehouse_app.scan_engine import ScanContext, scan
    from warehouse_app.station import add_operator, init_station
    from warehouse_app.store import open_store
    from warehouse_app.store.tx import transaction
    from warehouse_app.store.writer import StoreWriter
    from warehouse_app.sync import SyncError, SyncService, save_config

    logging.basicConfig(level=logging.ERROR)  # the flapping link's warnings are expected
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # a data folder per station
    store = open_store(Path(path))
    writer = StoreWriter(store)

    def setup(conn: Any) -> None:
        with transaction(conn):
            init_station(conn, sid)
            add_operator(conn, "P1", "Packer", "packer")
            add_operator(conn, "L1", "Lead", "lead", pin="4321")

    writer.call(setup)
    writer.call(save_config, url, token)
    svc = SyncService(
        store, writer, interval_s=0.5, backoff_base_s=0.1, backoff_max_s=1.0, timeout_s=5.0
    )

    def sync_until_ok() -> None:
        while True:
            try:
                svc.sync_once()
                return
            except SyncError:
                time.sleep(0.2)

    sync_until_ok()  # orders, carriers, the work-division setting

    def batch(conn: Any) -> tuple[str, list[str], dict[str, str]]:
        with transaction(conn):
            b = create_batch(conn, sku_set=sku_set, kind="anonymous", qty=parcels, operator="L1")
            set_batch_status(conn, b["batch_id"], "active", operator="L1")
            hids = {c: str(open_handoff(conn, c, operator="L1")["handoff_id"]) for c in CARRIERS}
        codes = [
            r[0]
            for r in conn.execute(
                "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY label_code",
                (b["batch_id"],),
            )
        ]
        return str(b["batch_id"]), codes, hids

    bid, codes, hids = writer.call(batch)
    sync_until_ok()  # the hub sees the batch: first lease
    svc.start()
    pack = ScanContext("pack", operator="P1", batch_id=bid)
    verify = ScanContext("verify", operator="P1")
    lat: list[float] = []
    engine: list[float] = []  # inside the scan engine only
    queued: list[float] = []  # waiting for the writer (behind sync, lease and hold writes)
    waits: list[float] = []
    waits_up: list[float] = []  # the subset that began while the hub answered
    rejected: dict[str, int] = {}

    def timed(code: str, ctx: Any) -> Any:
        t0 = time.perf_counter()
        v = writer.submit(scan, code, ctx).result()
        lat.append((time.perf_counter() - t0) * 1000)
        engine.append(float(v.elapsed_ms))
        queued.append(max(0.0, lat[-1] - float(v.elapsed_ms)))
        time.sleep(gap_s)
        return v

    t_start = time.perf_counter()
    wait_at: list[int] = []  # which parcel of the batch (0-based) each wait was on
    for i, code in enumerate(codes):
        timed(code, pack)
        first_try = time.perf_counter()
        up = bool(hub_up.value)
        v = timed(code, verify)
        retried = False
        while not v.ok and v.reason in ("no_lease", "no_order"):
            retried = True
            svc.nudge()
            time.sleep(0.02)
            v = timed(code, verify)
        if retried:  # the packer stood waiting for the next lease this long
            waits.append((time.perf_counter() - first_try) * 1000)
            wait_at.append(i)
            if up:  # with the hub reachable: a renewal that did not come in time
                waits_up.append(waits[-1])
        if not v.ok:
            rejected[str(v.reason)] = rejected.get(str(v.reason), 0) + 1
            continue
        ctx = ScanContext("handoff", operator="P1", handoff_id=hids[str(v.carrier)])
        h = timed(str(v.waybill), ctx)
        if not h.ok:
            rejected[str(h.reason)] = rejected.get(str(h.reason), 0) + 1
    scan_s = time.perf_counter() - t_start
    out.put(("scanned", sid))
    healed.wait()
    svc.stop()
    sync_until_ok()
    sync_until_ok()
    conn = store.connect(readonly=True)
    try:
        bound = [
            r[0] for r in conn.execute("SELECT order_id FROM parcels WHERE order_id IS NOT NULL")
        ]
        handed = conn.execute("SELECT count(*) FROM parcels WHERE state='handed_off'").fetchone()[0]
    finally:
        conn.close()
    writer.close()
    out.put(
        (
            "done",
            sid,
            {
                "lat": lat,
                "engine": engine,
                "queued": queued,
                "waits": waits,
                "waits_up": waits_up,
                "wait_at": wait_at,
                "rejected": rejected,
                "bound": bound,
                "handed_off": int(handed),
                "scan_s": scan_s,
            },
        )
    )


def run_line(tmp: Path, n_stations: int, scans: int, gap_s: float, label: str) -> dict[str, Any]:
    from tests.core_helpers import order
    from tests.sync_helpers import FaultProxy, Hub
    from warehouse_app.hub.ledger import Ledger

    hub = Hub(tmp / f"hub-{label}", faults=False).start()
    proxy = FaultProxy(hub.port)
    parcels = max(1, scans // 3)
    per_set = parcels * ((n_stations + 1) // 2) + 500
    orders = []
    for sku_set in SKU_SETS:
        sku = sku_set.split("*")[0]
        for i in range(per_set):
            o = order(
                f"O{sku}{i:06d}",
                {sku: 1},
                paid_at=f"2026-11-11T{12 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z",
                carrier=CARRIERS[i % 2],
                waybill=f"WB{sku}{i:06d}",
            )
            orders.append((o["order_id"], o))
    hub.storage.put_records(
        "sku",
        [(s, {"code": s, "name": s, "weight_g": 100, "tier": "core_hot"}) for s in ("A", "B")],
    )
    hub.storage.put_records("carrier", [(c, {"code": c, "name": c}) for c in CARRIERS])
    hub.storage.put_records("order", orders)
    ctx = mp.get_context("spawn")
    healed = ctx.Event()
    hub_up = ctx.Value("b", 1, lock=False)
    out = ctx.Queue()
    procs = []
    for i in range(n_stations):
        sid = f"ST{i + 1:02d}"
        token = hub.add_station(sid)
        p = ctx.Process(
            target=station_worker,
            args=(
                str(tmp / f"{label}-{sid}" / "station.db"),
                sid,
                proxy.url,
                token,
                SKU_SETS[i % 2],
                parcels,
                gap_s,
                healed,
                hub_up,
                out,
            ),
        )
        p.start()
        procs.append(p)
    stop = threading.Event()
    flaps = 0

    def flap() -> None:
        nonlocal flaps
        while not stop.wait(2.5):  # up 2.5 s, down 1.5 s, a lost answer now and then
            proxy.refuse = True
            hub_up.value = 0
            flaps += 1
            if stop.wait(1.5):
                break
            proxy.refuse = False
            hub_up.value = 1
            proxy.drop_responses = 1

    flapper = threading.Thread(target=flap, daemon=True)
    flapper.start()
    scanned = 0
    results: dict[str, dict[str, Any]] = {}
    while len(results) < n_stations:
        msg = out.get(timeout=1800)
        if msg[0] == "scanned":
            scanned += 1
            if scanned == n_stations:
                stop.set()
                flapper.join()
                proxy.refuse = False
                proxy.drop_responses = 0
                healed.set()
        else:
            results[msg[1]] = msg[2]
    for p in procs:
        p.join(60)
    ledger = Ledger(hub.storage)
    summary = ledger.handoff_summary()
    conflicts = ledger.conflicts()
    proxy.close()
    hub.stop()
    seen: dict[str, int] = {}
    for r in results.values():
        for oid in r["bound"]:
            seen[oid] = seen.get(oid, 0) + 1
    lat = [x for r in results.values() for x in r["lat"]]
    engine = [x for r in results.values() for x in r["engine"]]
    queued = [x for r in results.values() for x in r["queued"]]
    waits = [x for r in results.values() for x in r["waits"]]
    waits_up = [x for r in results.values() for x in r["waits_up"]]
    wait_at = sorted(x for r in results.values() for x in r["wait_at"])
    rejected: dict[str, int] = {}
    for r in results.values():
        for k, v in r["rejected"].items():
            rejected[k] = rejected.get(k, 0) + v
    return {
        "stations": n_stations,
        "scans": len(lat),
        "p50": pct(lat, 50),
        "p99": pct(lat, 99),
        "max": max(lat) if lat else 0.0,
        "engine_p99": pct(engine, 99),
        "queued_p99": pct(queued, 99),
        "lease_waits": len(waits),
        "lease_wait_p99": pct(waits, 99),
        "lease_waits_hub_up": len(waits_up),
        "wait_at": wait_at,
        "double_bound": sum(1 for n in seen.values() if n > 1),
        "double_shipped": sum(d["handoffs"] - 1 for d in summary["duplicates"]),
        "handed_off": sum(r["handed_off"] for r in results.values()),
        "distinct_waybills": summary["distinct_waybills"],
        "conflicts": len(conflicts),
        "flaps": flaps,
        "rejected": rejected,
        "scan_s": max(r["scan_s"] for r in results.values()),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stations", type=int, default=10)
    ap.add_argument("--scans", type=int, default=2000, help="scans per station")
    # 30 ms: ~30 scans/s per station, far above a real packer; lower it to stress the line
    ap.add_argument("--gap-ms", type=float, default=30.0, help="pause after each scan")
    args = ap.parse_args()
    gap = args.gap_ms / 1000
    with tempfile.TemporaryDirectory(prefix="multi-station-") as d:
        tmp = Path(d)
        single = run_line(tmp, 1, args.scans, gap, "single")
        print(
            f"single station: {single['scans']} scans in {single['scan_s']:.1f} s, "
            f"p50 {single['p50']:.2f} ms, p99 {single['p99']:.2f} ms, max {single['max']:.1f} ms, "
            f"{single['flaps']} hub flaps; in-engine p99 {single['engine_p99']:.2f} ms, "
            f"writer-queue p99 {single['queued_p99']:.2f} ms"
        )
        multi = run_line(tmp, args.stations, args.scans, gap, "multi")
    print(
        f"{multi['stations']} stations: {multi['scans']} scans in {multi['scan_s']:.1f} s, "
        f"p50 {multi['p50']:.2f} ms, p99 {multi['p99']:.2f} ms, max {multi['max']:.1f} ms, "
        f"{multi['flaps']} hub flaps; in-engine p99 {multi['engine_p99']:.2f} ms, "
        f"writer-queue p99 {multi['queued_p99']:.2f} ms"
    )
    print(
        f"handed off {multi['handed_off']} parcels for {multi['distinct_waybills']} distinct "
        f"waybills; orders bound at two stations: {multi['double_bound']}; "
        f"verify waits for a lease: {multi['lease_waits']} "
        f"(begun while the hub answered: {multi['lease_waits_hub_up']}; at parcels "
        f"{multi['wait_at'][:12]}{'...' if len(multi['wait_at']) > 12 else ''}); "
        f"rejected: {multi['rejected']}"
    )
    ratio = multi["p99"] / single["p99"] if single["p99"] else 0.0
    print(
        f"double_shipped={multi['double_shipped']} conflicts_detected={multi['conflicts']} "
        f"lease_wait_p99_ms={multi['lease_wait_p99']:.0f} lease_waits={multi['lease_waits']} "
        f"lease_waits_hub_up={multi['lease_waits_hub_up']} scan_p99_ms={multi['p99']:.2f} "
        f"single_scan_p99_ms={single['p99']:.2f} p99_ratio={ratio:.2f} "
        f"engine_p99_ms={multi['engine_p99']:.2f} single_engine_p99_ms={single['engine_p99']:.2f} "
        f"queue_p99_ms={multi['queued_p99']:.2f} single_queue_p99_ms={single['queued_p99']:.2f} "
        f"cpus={os.cpu_count()} load1={os.getloadavg()[0]:.1f} "
        f"double_bound={multi['double_bound']} stations={multi['stations']} "
        f"scans_per_station={args.scans}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
