"""The station on the embedded demo, in a terminal: for machines without a screen.

Builds the demo promo (once), starts the simulated scanner (a pty) and label printer (TCP, like
a 9100 printer), runs the real headless station on them, plays a short scripted shift through
the scanner - a badge login, the `#MODE:VERIFY` card, OK parcels, an intercept, a duplicate, an
unknown code - and then lets the person type codes (and badges, command cards) of their own.
Every input goes the real way: pty bytes -> reader thread -> station session -> durable commit
-> one line.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any, cast

from devices.scanners.framing import ScannerConfig
from devices.sim.printer import PrinterSimulator
from devices.sim.pty_device import sim_serial_device
from devices.sim.scanner import frame
from warehouse_app.headless import HeadlessStation
from warehouse_app.paths import db_path
from warehouse_app.scan_engine import ScanContext
from warehouse_app.store import open_store

GREEN, RED, ORANGE, DIM, RESET = (
    "\033[42;30;1m",
    "\033[41;37;1m",
    "\033[43;30;1m",
    "\033[2m",
    "\033[0m",
)


def prepare(data_dir: Path, orders: int = 3000) -> Path:
    """The demo station DB under data_dir (built on first use, kept after)."""
    from warehouse_app import demo as demo_mod

    path = db_path(data_dir)
    store = open_store(path)
    conn = store.connect()
    try:
        if conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 0:
            demo_mod.build_demo(conn, orders=orders)
    finally:
        conn.close()
    return path


def script(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(code, what to expect) for a short shift on this demo's data."""
    out: list[tuple[str, str]] = [("P001", "login"), ("#MODE:VERIFY", "mode")]
    packed = [
        r[0]
        for r in conn.execute(
            "SELECT waybill FROM parcels WHERE state='packed' AND waybill IS NOT NULL ORDER BY parcel_id LIMIT 4"
        )
    ]
    out += [(wb, "ok") for wb in packed[:3]]
    row = conn.execute(
        "SELECT waybill FROM parcels WHERE state='intercepted' AND waybill IS NOT NULL LIMIT 1"
    ).fetchone()
    if row:
        out.append((row[0], "intercepted"))
    if packed:
        out.append((packed[0], "duplicate"))
    row = conn.execute(
        "SELECT waybill FROM parcels WHERE state='planned' AND waybill IS NOT NULL LIMIT 1"
    ).fetchone()
    if row:
        out.append((row[0], "not_packed"))
    out.append(("NO-SUCH-CODE-42", "unknown_code"))
    return out


class PrettyVerdicts:
    """A text stream for the station's JSON verdict lines that shows them the way the screen would."""

    def __init__(self, term: IO[str], lang: str) -> None:
        self.term = term
        self.lang = lang
        self.count = 0
        self.changed = threading.Condition()
        self._buf = ""

    def write(self, text: str) -> int:
        self._buf += text
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            if line.strip():
                self._show(json.loads(line))
        return len(text)

    def flush(self) -> None:
        self.term.flush()

    def _show(self, v: dict[str, Any]) -> None:
        zh = self.lang.startswith("zh")
        ok = v.get("status") in ("ok", "command")
        colour = GREEN if ok else (ORANGE if v.get("reason") == "intercepted" else RED)
        mark = "✔" if ok else "✘"
        msg = v.get("message_zh" if zh else "message_en") or ""
        nxt = v.get("next_zh" if zh else "next_en") or ""
        tty = getattr(self.term, "isatty", lambda: False)()
        head = f" {mark} {msg} "
        self.term.write((f"{colour}{head}{RESET}" if tty else head) + f"  {nxt}\n")
        detail = " · ".join(
            str(x) for x in (v.get("code"), v.get("carrier"), v.get("order_id")) if x
        )
        self.term.write(f"{DIM}   {detail}{RESET}\n" if tty else f"   {detail}\n")
        self.term.flush()
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def wait_for(self, n: int, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.count >= n, timeout)


def run(
    data_dir: Path,
    *,
    lang: str = "zh",
    interactive: bool = True,
    stdin: IO[str] | None = None,
    term: IO[str] | None = None,
    pace_s: float = 0.6,
) -> int:
    term = term or sys.stdout
    stdin = stdin or sys.stdin
    zh = lang.startswith("zh")
    term.write(("正在准备演示数据…" if zh else "Preparing the demo promo…") + "\n")
    term.flush()
    path = prepare(data_dir)
    sim_dir = data_dir / "sim"
    sim_dir.mkdir(parents=True, exist_ok=True)
    scanner_dev = sim_serial_device(sim_dir / "scanner-sim")  # a pty, or loopback TCP (Windows)
    printer = PrinterSimulator(sim_dir / "printer-jobs", lang="zpl", preview=False).start()
    pretty = PrettyVerdicts(term, lang)
    devices_log = open(data_dir / "devices.log", "a", encoding="utf-8")
    store = open_store(path)
    station = HeadlessStation(
        store,
        ScannerConfig(port=scanner_dev.path, suffix="CR"),
        ScanContext(mode="verify", operator=None, lang=lang),
        printer_url=f"{printer.url}&size=76x130",
        out=cast(IO[str], pretty),
        err=devices_log,
    )
    try:
        station.start()
        term.write(
            (
                "演示工位：核对模式 · 扫描枪 {s} · 打印机 {p}\n"
                if zh
                else "Demo station: verify mode · scanner {s} · printer {p}\n"
            ).format(s=scanner_dev.path, p=printer.url)
        )
        conn = store.connect(readonly=True)
        shift = script(conn)
        conn.close()
        time.sleep(0.3)  # let the reader open the pty before the first scan
        if hasattr(scanner_dev, "wait_connected"):
            scanner_dev.wait_connected(10)  # loopback TCP: the reader has connected
        for i, (code, _) in enumerate(shift, start=1):
            scanner_dev.write(frame(code, "CR"))
            pretty.wait_for(i, 10)
            time.sleep(pace_s)
        if interactive and stdin.isatty():
            term.write(
                "\n输入条码并回车即模拟扫描；Ctrl+D 退出。\n"
                if zh
                else "\nType a code and press Enter to scan it; Ctrl+D to quit.\n"
            )
            term.flush()
            n = pretty.count
            for line in stdin:
                if line.strip():
                    n += 1
                    scanner_dev.write(frame(line.strip(), "CR"))
                    pretty.wait_for(n, 10)
        term.write(
            ("\n共 {n} 次扫描；数据在 {d}\n" if zh else "\n{n} scans; data in {d}\n").format(
                n=pretty.count, d=data_dir
            )
        )
        return 0
    finally:
        station.stop()
        printer.stop()
        scanner_dev.close()
        devices_log.close()
