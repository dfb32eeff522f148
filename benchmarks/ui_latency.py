"""Scan-to-verdict latency of the station window, under load.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_latency.py [--scans 2000]

A simulated serial scanner (pty, the devices package's simulator) sends a code; we time from the
write into the pty to the verdict panel's repaint (its `painted` signal). The packer packs a large
anonymous pre-pack batch (mostly OK scans, each a durable transaction; some repeats and unknown
codes). First a same-run
baseline with nothing else going on, then the measured run with an upstream sync push (a real
hub process, the whole demo outbox to push plus every scan's event) and a batch print to the
printer simulator running at the same time. A 10 ms QTimer records the longest event-loop stall.
The window's memory: RSS after each quarter of the loaded run (a line each) and, in the last line,
`rss_growth_per_scan_kb` over the last three quarters (flat after warm-up reads ~0; issue 17).
Logging as the window's main() sets it up (station.log at INFO, the lead's Log tab).
Last line: key=value pairs.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.procmem import rss_mb  # noqa: E402


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_hub(work: Path, station_id: str) -> tuple[subprocess.Popen[bytes], str, str]:
    import httpx

    from warehouse_app.hub.storage import SqliteHubStorage, hash_token

    hub_dir = work / "hub"
    hub_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = open(hub_dir / "hub.log", "wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "warehouse_app.hub.cli",
            "serve",
            "--data-dir",
            str(hub_dir),
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            if httpx.get(url + "/api/v1/health", timeout=1).status_code < 500:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    token = f"tok-{os.urandom(8).hex()}"
    storage = SqliteHubStorage(hub_dir / "hub.db")
    storage.add_station(station_id, hash_token(token))
    storage.close()
    return proc, url, token


def _make_batch(conn: Any, qty: int) -> str:
    from warehouse_app.batches import create_batch, set_batch_status
    from warehouse_app.store.tx import transaction

    with transaction(conn):
        b = create_batch(conn, sku_set="SKU-MASK-10*1", kind="anonymous", qty=qty, operator="L001")
        set_batch_status(conn, b["batch_id"], "active", operator="L001")
    return str(b["batch_id"])


class StallMeter:
    """The longest gap between 10 ms timer ticks, minus the 10 ms: how long the loop was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - 10)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return max(0.0, self.worst)


def run(n_scans: int, baseline_n: int, voice: bool = True) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from ui.app import build_context, install_translator, prepare_demo, shutdown_context
    from ui.sim_rig import SimRig
    from ui.window import MainWindow
    from warehouse_app.log import setup_logging
    from warehouse_app.sync import save_config

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (must outlive the run)
    work = Path(tempfile.mkdtemp(prefix="ui-latency-"))
    prepare_demo(work / "station", orders=3000)
    setup_logging(work / "station" / "logs")  # as the window's main() does: station.log at INFO
    rig = SimRig(work / "sim").start()
    ctx = build_context(work / "station", lang="zh", rig=rig, start_sync=False)
    install_translator("zh")
    win = MainWindow(ctx, sounds=voice)

    def install_voice() -> None:
        # spoken verdicts on, as a station with voice would run them: the OS engine when it has
        # a voice, else Qt's "mock" engine (same QTextToSpeech calls on the UI thread). Installed
        # after the login: a login applies the operator's own feedback settings (voice off by
        # default) and would replace an earlier player.
        from ui.voice import VoicePlayer

        player = VoicePlayer(True)
        if not player.available("zh"):
            player = VoicePlayer(True, "mock", any_voice=True)
        win.voice = win.feedback.voice = player

    win.resize(1366, 768)
    win.show()
    hub = None

    def pump(cond: Callable[[], bool], timeout: float = 30.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if cond():
                return True
        return cond()

    def q(sql: str, *a: Any) -> list[Any]:
        return [tuple(r) for r in ctx.read_conn().execute(sql, a)]

    try:
        assert pump(
            lambda: (
                ctx.devices.scanner is not None and ctx.devices.scanner.device.connected.is_set()
            )
        )
        rig.scan("P001")
        assert pump(lambda: ctx.operator is not None)
        # a big anonymous pre-pack batch: packing it is the busiest real flow (one transaction,
        # one outbox event and an fsync per OK scan)
        total = n_scans + baseline_n
        bid = ctx.writer.call(_make_batch, total)
        rig.scan(f"#BATCH:{bid}")
        assert pump(lambda: win.batch_id == bid)
        rig.scan("#MODE:PACK")
        assert pump(lambda: win.mode == "pack")
        if voice:
            install_voice()
        labels = [
            r[0]
            for r in q("SELECT label_code FROM parcels WHERE batch_id=? ORDER BY label_code", bid)
        ]
        # the mix a packer produces: mostly new parcels (OK), some repeats, a few unknown codes
        codes: list[str] = []
        i = 0
        while len(codes) < total:
            k = len(codes)
            if k % 10 == 7 and i > 5:
                codes.append(labels[i - 3])  # scanned twice
            elif k % 25 == 3:
                codes.append(f"UNKNOWN-{k:06d}")
            else:
                codes.append(labels[i])
                i += 1
        base_codes, load_codes = codes[:baseline_n], codes[baseline_n:]

        lat: dict[str, float] = {}
        t_sent: dict[str, float] = {}

        def on_paint(code: str, t: float) -> None:
            if code in t_sent and code not in lat:
                lat[code] = (t - t_sent[code]) * 1000

        win.packer.panel.painted.connect(on_paint)
        oks: list[int] = [0]
        win.verdict_shown.connect(lambda v: oks.__setitem__(0, oks[0] + (1 if v.ok else 0)))
        meter = StallMeter()

        def measure(batch: list[str]) -> tuple[list[float], float]:
            lat.clear()
            t_sent.clear()
            out: list[float] = []
            meter.start()
            for code in batch:
                t_sent[code] = time.perf_counter()
                rig.scan(code)
                if not pump(lambda code=code: code in lat, 30):
                    raise RuntimeError(f"no verdict painted for {code}")
                out.append(lat.pop(code))
                t_sent.pop(code, None)
                # a person scans a few times a second; leave the loop a breath between scans
                end = time.perf_counter() + 0.002
                pump(lambda end=end: time.perf_counter() >= end, 1)
            return out, meter.stop()

        base, base_stall = measure(base_codes)

        # background load: sync push to a real hub + a batch print on the printer simulator
        sid = ctx.store.station_id(ctx.read_conn())
        hub, url, token = start_hub(work, sid)
        ctx.writer.call(save_config, url, token)
        ctx.sync.interval_s = 0.5
        ctx.sync.start()
        pending0 = ctx.sync.status.pending_events
        bids = [
            r[0]
            for r in q(
                "SELECT batch_id FROM parcels WHERE waybill IS NOT NULL AND print_count=0 "
                "GROUP BY batch_id ORDER BY count(*) DESC LIMIT 1"
            )
        ]
        queued = ctx.devices.enqueue_batch(bids[0], "L001").result(30)[1] if bids else 0
        labels0 = rig.labels_printed()
        oks[0] = 0
        t0 = time.perf_counter()
        rss_warm = rss_mb()  # after the baseline run: fonts, caches and screens warmed up
        # four quarters, RSS after each: memory that grows with scans shows as a slope, memory
        # that settles (sync and printing starting up) shows only in the first quarter
        loaded, stall = [], 0.0
        rss_q: list[float] = []
        q4 = -(-len(load_codes) // 4)
        for k in range(0, len(load_codes), q4):
            more, st = measure(load_codes[k : k + q4])
            loaded += more
            stall = max(stall, st)
            rss_q.append(rss_mb())
            print(f"after {k + len(more):,} scans under load: RSS {rss_q[-1]:.1f} MB", flush=True)
        rss_mid, rss_end = rss_q[len(rss_q) // 2 - 1], rss_q[-1]
        # growth per scan over the last three quarters (the first one still warms up: sync
        # catching up, the batch print): flat memory reads ~0 here
        later = len(loaded) - min(q4, len(loaded))
        growth_kb = (rss_q[-1] - rss_q[0]) * 1024 / later if later and len(rss_q) > 1 else 0.0
        elapsed = time.perf_counter() - t0
        printed = rig.labels_printed() - labels0
        acked = q("SELECT acked_seq FROM sync_state WHERE id=1")[0][0]
        ok = oks[0]
        return {
            "scans": len(loaded),
            "p50_ms": round(pct(loaded, 50), 2),
            "p99_ms": round(pct(loaded, 99), 2),
            "max_ms": round(max(loaded), 2),
            "stall_max_ms": round(stall, 1),
            "baseline_scans": len(base),
            "baseline_p50_ms": round(pct(base, 50), 2),
            "baseline_p99_ms": round(pct(base, 99), 2),
            "baseline_stall_max_ms": round(base_stall, 1),
            "scans_per_s": round(len(loaded) / elapsed, 1),
            "ok_scans": ok,
            "labels_printed_during": printed,
            "labels_queued": queued,
            "sync_pending_at_start": pending0,
            "sync_acked_seq": acked,
            # the window's memory after warm-up: flat means the second half adds ~nothing
            "rss_warm_mb": round(rss_warm, 1),
            "rss_mid_mb": round(rss_mid, 1),
            "rss_end_mb": round(rss_end, 1),
            "rss_growth_second_half_mb": round(rss_end - rss_mid, 1),
            "rss_quarters_mb": "/".join(f"{r:.1f}" for r in rss_q),
            "rss_growth_per_scan_kb": round(growth_kb, 3),
            "voice": (win.voice.engine_name or "os") if voice else "off",
            "spoken": len(win.voice.spoken) if voice else 0,
            "target_p99_ms": 50,
            "target_stall_ms": 100,
            "pass": int(pct(loaded, 99) < 50 and stall < 100),
        }
    finally:
        win.close()
        shutdown_context(ctx)
        rig.stop()
        if hub is not None:
            hub.terminate()
            hub.wait(10)


def main() -> int:
    from warehouse_app.startup import wire

    wire()  # the policies every entry point installs (promo oversell guard, intake hooks)
    ap = argparse.ArgumentParser()
    ap.add_argument("--scans", type=int, default=2000)
    ap.add_argument("--baseline", type=int, default=300)
    ap.add_argument("--no-voice", action="store_true", help="spoken verdicts off (tones only)")
    args = ap.parse_args()
    res = run(args.scans, args.baseline, voice=not args.no_voice)
    print(" ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    rc = main()
    sys.stdout.flush()
    os._exit(rc)  # skip interpreter teardown: PySide6 may crash finalising Qt objects at exit
