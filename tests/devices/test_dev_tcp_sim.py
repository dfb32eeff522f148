"""Simulated serial devices without ptys (loopback TCP), so the demo runs on Windows too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from devices.scanners import ScannerConfig, SerialScanner
from devices.serial_device import wait_for
from devices.sim.scanner import frame
from devices.sim.tcp_device import TcpDevice
from tests.cli_helpers import run_cli
from tests.devices.conftest import Collector

ROOT = Path(__file__).resolve().parents[2]


def test_serial_scanner_reads_a_tcp_simulated_scanner_and_survives_a_replug() -> None:
    dev = TcpDevice()
    got, status = Collector(), Collector()
    assert dev.path.startswith("socket://127.0.0.1:")
    sc = SerialScanner(
        ScannerConfig(port=dev.path, suffix="CR"), on_scan=got, on_status=status
    ).start()
    try:
        assert wait_for(sc.device.connected.is_set, 30) and dev.wait_connected(30)
        dev.write(frame("ZT900", "CR"))
        dev.write(frame("ZT901", "CR"))
        got.wait_len(2, 30)
        port = dev.port
        dev.unplug()
        assert wait_for(lambda: any(s.state == "disconnected" for s in status.items), 30)
        dev.plug()
        assert dev.port == port  # same address after the replug, like a by-id link
        assert wait_for(lambda: status.items[-1].state == "connected", 30)
        assert dev.wait_connected(30)
        dev.write(frame("ZT902", "CR"))
        got.wait_len(3, 30)
    finally:
        sc.stop()
        dev.close()
    assert [s.code for s in got.items] == ["ZT900", "ZT901", "ZT902"]


def test_the_demo_rig_needs_no_pty() -> None:
    """As on Windows: no `pty` module. The simulators, the rig and the console demo still load,
    and the serial simulators are loopback TCP."""
    code = (
        "import sys; sys.modules['pty'] = None; sys.modules['tty'] = None\n"
        "import warehouse_app.console_demo, devices.sim.pty_device as p\n"
        "from devices.sim.tcp_device import TcpDevice\n"
        "d = p.sim_serial_device(None); assert isinstance(d, TcpDevice), d; d.close()\n"
        "print('no-pty ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert "no-pty ok" in out.stdout


def test_headless_demo_on_loopback_tcp_devices(tmp_path, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_SIM_TRANSPORT", "tcp")
    out = run_cli(tmp_path, "run", "--headless", "--demo", lang="en", timeout=180)
    assert "socket://127.0.0.1:" in out.stdout
    assert out.stdout.count("✔ Verified") == 3 and "9 scans" in out.stdout
