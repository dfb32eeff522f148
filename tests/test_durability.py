"""kill -9 in the middle of a stream of scans loses no acknowledged scan."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading

from tests.cli_helpers import ROOT, station_cmd
from tests.core_helpers import add_orders, make_batch, order, seed_station
from warehouse_app.paths import db_path
from warehouse_app.store import open_store


def test_kill_9_mid_stream_loses_no_acknowledged_scan(data_dir):
    s = open_store(db_path(data_dir))
    c = s.connect()
    seed_station(c)
    add_orders(
        c,
        *[
            order(f"K{i:04d}", {"A": 1}, paid_at=f"2026-11-11T12:{i // 60:02d}:{i % 60:02d}Z")
            for i in range(400)
        ],
    )
    bid = make_batch(c, "A*1")["batch_id"]
    c.close()

    proc = subprocess.Popen(
        [
            *station_cmd(),
            "--data-dir",
            str(data_dir),
            "scan",
            "-",
            "--mode",
            "pack",
            "--batch",
            bid,
            "--operator",
            "P1",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin and proc.stdout
    # a writer keeps the pipe full, so the kill lands while scans are in flight
    feeder = threading.Thread(
        target=lambda: _feed(proc, [f"WBK{i:04d}" for i in range(400)]), daemon=True
    )
    feeder.start()
    acked: list[dict] = []
    for line in proc.stdout:
        acked.append(json.loads(line))
        if len(acked) == 150:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert all(v["status"] == "ok" for v in acked)

    c = sqlite3.connect(db_path(data_dir))
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    packed = {r[0] for r in c.execute("SELECT waybill FROM parcels WHERE state='packed'")}
    event_parcels = {
        json.loads(r[0])["waybill"]
        for r in c.execute("SELECT payload FROM events WHERE type='parcel.packed'")
    }
    for v in acked:
        assert v["waybill"] in packed, f"acknowledged scan {v['waybill']} lost"
        assert v["waybill"] in event_parcels, (
            f"acknowledged scan {v['waybill']} has no outbox event"
        )
    # state and outbox agree exactly, also for scans committed but not yet acknowledged
    assert packed == event_parcels
    seqs = [r[0] for r in c.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def _feed(proc: subprocess.Popen, codes: list[str]) -> None:
    try:
        for code in codes:
            proc.stdin.write(code + "\n")
            proc.stdin.flush()
    except (BrokenPipeError, OSError, ValueError):
        pass
