"""Memory of the real headless station through a long verify run that prints a label per parcel.

A station with N (default 10,000) paid orders of a hot SKU, each with its own long recipient name
and address (every label line is unique), and an anonymous pre-pack batch of N packed parcels. The
real `warehouse-station run --headless --mode verify` reads the parcel labels from a real pty
scanner; every verify binds an order and prints its waybill on the real printer simulator (TCP).
The station process's RSS is sampled from /proc as it goes.

Baseline (the ratio's denominator): the same process's RSS after warm-up (the first 500 labels).
Last line: key=value pairs. Targets: peak RSS < 50 MB, and flat after warm-up.
    python benchmarks/station_memory.py [--labels N] [--lang zpl|tspl]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tty
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.procmem import rss_mb  # noqa: E402
from warehouse_app.paths import db_path  # noqa: E402
from warehouse_app.store import open_store  # noqa: E402


def station_cmd() -> list[str]:
    exe = shutil.which("warehouse-station", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "warehouse_app.cli"]


def build(data: Path, n: int) -> list[str]:
    """The station's data (fixture, not measured). Returns the parcel labels in scan order."""
    from tests.core_helpers import seed_station

    rng = random.Random(7)
    store = open_store(db_path(data))
    c = store.connect()
    seed_station(c)
    c.execute("PRAGMA synchronous=OFF")
    c.execute("BEGIN")
    c.execute("INSERT INTO skus (code, name, weight_g) VALUES ('H', '爆款精华 Hot serum', 100)")
    surnames, given = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高",
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞",
    )
    rows = []
    for i in range(n):
        name = "".join(rng.choice(surnames + given) for _ in range(rng.randint(2, 4)))
        street = "".join(rng.choice(given) for _ in range(3))
        addr = (
            f"{street}路{rng.randint(1, 999)}号{street}华府小区{rng.randint(1, 40)}号楼"
            f"{rng.randint(1, 6)}单元{rng.randint(101, 3208)}室"
        )
        rows.append(
            (
                f"H{i:07d}",
                f"2026-11-11T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000Z",
                f"73{i:010d}",
                name,
                f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
                addr,
            )
        )
    c.executemany(
        "INSERT INTO orders (order_id, paid_at, sku_set, carrier, waybill, sort_code, status, "
        "recipient_name, recipient_phone, province, city, district, address) "
        "VALUES (?, ?, 'H*1', 'ZTO', ?, '351-A01-01', 'paid', ?, ?, '浙江省', '杭州市', '西湖区', ?)",
        rows,
    )
    c.executemany(
        "INSERT INTO order_items (order_id, sku_code, qty) VALUES (?, 'H', 1)",
        ((r[0],) for r in rows),
    )
    c.execute(
        "INSERT INTO batches (batch_id, kind, sku_set, planned_qty, status, created_at) "
        "VALUES ('HOT-B1', 'anonymous', 'H*1', ?, 'active', '2026-11-01T00:00:00.000Z')",
        (n,),
    )
    labels = [f"HL{i:07d}" for i in range(n)]
    c.executemany(
        "INSERT INTO parcels (parcel_id, batch_id, label_code, sku_set, state, packed_at, "
        "packed_by, updated_at) VALUES (?, 'HOT-B1', ?, 'H*1', 'packed', ?, 'P1', ?)",
        (
            (f"HP{i:07d}", lab, "2026-11-10T00:00:00.000Z", "2026-11-10T00:00:00.000Z")
            for i, lab in enumerate(labels)
        ),
    )
    c.execute("COMMIT")
    c.close()
    return labels


class Lines:
    """Collects a pipe's lines on a thread (the station's verdicts and logs)."""

    def __init__(self, stream: object) -> None:
        self.items: list[str] = []
        self._t = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._t.start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.items.append(line.rstrip("\n"))


def wait(pred: object, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", type=int, default=10_000)
    ap.add_argument("--lang", choices=["zpl", "tspl"], default="zpl")
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--maps", action="store_true", help="print the station's RSS by mapping")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="stationmem-"))
    data = tmp / "station"
    data.mkdir()
    labels = build(data, a.labels)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    sim = subprocess.Popen(
        [
            *station_cmd(),
            "simulate",
            "printer",
            "--lang",
            a.lang,
            "--no-preview",
            "--jobs-dir",
            str(tmp / "jobs"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    sim_out = Lines(sim.stdout)
    assert wait(lambda: any("tcp://" in x for x in sim_out.items), 30), sim_out.items
    url = re.search(r"tcp://\S+", next(x for x in sim_out.items if "tcp://" in x))
    assert url is not None
    master, slave = pty.openpty()
    tty.setraw(slave)
    link = tmp / "ttySCAN"
    os.symlink(os.ttyname(slave), link)
    st = subprocess.Popen(
        [
            *station_cmd(),
            "--data-dir",
            str(data),
            "--lang",
            "en",
            "run",
            "--headless",
            "--scanner",
            str(link),
            "--printer",
            url.group(0).rstrip(",;\"'"),
            "--mode",
            "verify",
            "--operator",
            "P1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    out, err = Lines(st.stdout), Lines(st.stderr)

    def verdicts() -> int:
        return sum(1 for x in out.items if x.startswith("{") and '"status"' in x)

    def printed() -> int:
        return sum(1 for _ in (tmp / "jobs").glob("*")) if (tmp / "jobs").exists() else 0

    try:
        assert wait(lambda: any('"connected"' in x for x in err.items), 60), err.items[-5:]
        rss_start = rss_mb(st.pid)
        samples: list[tuple[int, float]] = []
        peak = rss_start
        warm = float("nan")
        t0 = time.perf_counter()
        chunk = 25
        for i in range(0, len(labels), chunk):
            os.write(master, ("\r".join(labels[i : i + chunk]) + "\r").encode())
            want = min(len(labels), i + chunk)
            if not wait(lambda w=want: verdicts() >= w, 120):
                raise SystemExit(f"station stalled at {verdicts()} verdicts: {err.items[-5:]}")
            r = rss_mb(st.pid)
            peak = max(peak, r)
            if want % 1000 == 0 or want == len(labels):
                samples.append((want, round(r, 1)))
                print(f"{want:>6} verdicts, {printed():>6} printed, RSS {r:.1f} MB", flush=True)
            if want >= a.warmup and warm != warm:
                wait(lambda w=want: printed() >= w, 120)
                warm = rss_mb(st.pid)
        # the printer works through its backlog after the last verdict: keep sampling until done
        deadline = time.monotonic() + 1800
        while printed() < len(labels) and time.monotonic() < deadline:
            peak = max(peak, rss_mb(st.pid))
            time.sleep(0.1)
        elapsed = time.perf_counter() - t0
        end = rss_mb(st.pid)
        peak = max(peak, end)
        oks = sum(1 for x in out.items if '"status":"ok"' in x.replace(" ", ""))
        if a.maps:  # where the resident memory is, by mapping (heap, anonymous, libraries)
            by: dict[str, int] = {}
            name = ""
            for line in Path(f"/proc/{st.pid}/smaps").read_text().splitlines():
                if line[:1] in "0123456789abcdef" and "-" in line.split()[0]:
                    parts = line.split()
                    name = parts[5] if len(parts) > 5 else "[anon]"
                elif line.startswith("Rss:"):
                    by[name] = by.get(name, 0) + int(line.split()[1])
            for k, v in sorted(by.items(), key=lambda kv: -kv[1])[:12]:
                print(f"  {v / 1024:7.1f} MB  {k}")
    finally:
        st.terminate()
        st.wait(30)
        sim.terminate()
        sim.wait(30)
        os.close(master)
        os.close(slave)
    res = {
        "labels": len(labels),
        "ok": oks,
        "printed": printed(),
        "lang": a.lang,
        "scans_per_s": round(len(labels) / elapsed, 1),
        "rss_start_mb": round(rss_start, 1),
        "rss_warm_mb": round(warm, 1),
        "rss_end_mb": round(end, 1),
        "rss_peak_mb": round(peak, 1),
        "growth_after_warmup_mb": round(end - warm, 1),
        "ratio_end_to_warm": round(end / warm, 3),
    }
    print(json.dumps({"samples": samples}))
    print(" ".join(f"{k}={v}" for k, v in res.items()))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
