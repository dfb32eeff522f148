"""Transports other than TCP: serial printers on a pty (job bytes and status), files, CUPS `lp`,
and the print-batch / reprint commands as real processes."""

from __future__ import annotations

import os
import select
import stat
import threading
from collections import Counter

from devices.errors import DeviceError
from devices.printers.layout import sample_waybill
from devices.printers.printer import Printer
from devices.printers.status import tspl_status_byte, zpl_hs_reply
from devices.serial_device import wait_for
from tests.cli_helpers import json_lines, run_cli
from tests.devices.conftest import make_presale_batch


def _fake_printer(
    port, reply: bytes, received: bytearray, stop: threading.Event
) -> threading.Thread:  # type: ignore[no-untyped-def]
    """The device end of a serial printer: collects bytes, answers status queries."""

    def run() -> None:
        while not stop.is_set():
            r, _, _ = select.select([port.master], [], [], 0.05)
            if not r:
                continue
            try:
                data = os.read(port.master, 65536)
            except OSError:
                continue
            received.extend(data)
            if data.endswith(b"~HS") or data.endswith(b"\x1b!?"):
                os.write(port.master, reply)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def test_serial_printer_job_and_status(pty_port) -> None:
    received, stop = bytearray(), threading.Event()
    t = _fake_printer(pty_port, tspl_status_byte(paper_out=True), received, stop)
    try:
        pr = Printer(f"serial://{pty_port.path}?baud=9600&lang=tspl&timeout=3")
        st = pr.status()
        assert st.faults == ["paper_out"] and "缺纸" in st.message_zh
        pr.print_waybill(sample_waybill("YT900000001"))
        assert wait_for(lambda: received.endswith(b"PRINT 1,1\r\n"), 15)
        assert b'"YT900000001"' in received
    finally:
        stop.set()
        t.join(5)


def test_serial_zpl_status_ok(pty_port) -> None:
    received, stop = bytearray(), threading.Event()
    t = _fake_printer(pty_port, zpl_hs_reply(), received, stop)
    try:
        assert Printer(f"serial://{pty_port.path}?lang=zpl&timeout=3").status().ok
    finally:
        stop.set()
        t.join(5)


def test_cups_transport_without_cups_says_so(monkeypatch, tmp_path) -> None:
    """Printing through a real cupsd is in test_dev_cups.py; here: no CUPS installed at all."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    try:
        Printer("cups://Q?lang=zpl").print_waybill(sample_waybill("JT2"))
        raise AssertionError("expected an error")
    except DeviceError as e:
        assert "CUPS" in str(e) and "lp" in e.zh


def test_print_batch_and_reprint_commands(seeded_store, printer_sim) -> None:
    batch, wbs = make_presale_batch(seeded_store, 4)
    sim = printer_sim("--no-preview")
    data = seeded_store.data_dir
    out = run_cli(data, "print-batch", "--batch", batch, "--printer", sim.url, "--operator", "P1")
    lines = json_lines(out.stdout)
    assert lines[0]["event"] == "queued" and lines[0]["count"] == 4
    assert lines[-1]["event"] == "finished" and lines[-1]["done"] == 4
    assert sim.printed_waybills() == wbs
    again = run_cli(data, "print-batch", "--batch", batch, "--printer", sim.url)
    assert json_lines(again.stdout)[0]["count"] == 0
    bad = run_cli(
        data,
        "reprint",
        "--waybill",
        wbs[1],
        "--printer",
        sim.url,
        "--lead",
        "L1",
        "--pin",
        "0000",
        check=False,
        lang="zh",
    )
    assert bad.returncode == 1 and "PIN" in bad.stderr
    run_cli(
        data,
        "reprint",
        "--waybill",
        wbs[1],
        "--printer",
        sim.url,
        "--lead",
        "L1",
        "--pin",
        "4321",
        "--reason",
        "torn",
    )
    assert Counter(sim.printed_waybills())[wbs[1]] == 2
