"""The simulators are real processes that print what they opened, and behave like the devices."""

from __future__ import annotations

from devices.printers.layout import sample_waybill
from devices.printers.preview import decode_barcodes
from devices.printers.printer import Printer
from devices.scanners import ScannerConfig, SerialScanner
from devices.serial_device import wait_for
from tests.devices.conftest import Collector, Proc


def test_scanner_simulator_feeds_the_serial_reader(tmp_path) -> None:
    link = tmp_path / "scanner0"
    sim = Proc(
        ["simulate", "scanner", "--link", str(link), "--suffix", "CRLF", "--aim", "]C0"], stdin=True
    )
    got, status = Collector(), Collector()
    try:
        sim.out.wait_len(1)
        assert sim.out.items[0] == str(link)
        sc = SerialScanner(
            ScannerConfig(port=str(link), suffix="CRLF"), on_scan=got, on_status=status
        ).start()
        try:
            assert wait_for(sc.device.connected.is_set, 30)
            sim.send("ZT100200300")
            sim.send("!split ZT100200301")
            sim.send("!raw ff fe 07 0d 0a")
            sim.send("ZT100200302")
            got.wait_len(3, 30)
            sim.send("!unplug")
            assert wait_for(lambda: any(s.state == "disconnected" for s in status.items), 30)
            sim.send("!plug")
            assert wait_for(lambda: status.items[-1].state == "connected", 30)
            sim.send("ZT100200303")
            got.wait_len(4, 30)
        finally:
            sc.stop()
        assert [s.code for s in got.items] == [
            "ZT100200300",
            "ZT100200301",
            "ZT100200302",
            "ZT100200303",
        ]
    finally:
        sim.stop()


def test_printer_simulator_status_and_previews(printer_sim) -> None:
    sim = printer_sim()
    assert sim.url.startswith("tcp://127.0.0.1:") and sim.url.endswith("?lang=zpl")
    zpl = Printer(sim.url)
    tspl = Printer(sim.url.replace("zpl", "tspl"))
    assert zpl.status().ok and tspl.status().ok
    sim.control("paper out")
    assert zpl.status().faults == ["paper_out"] and tspl.status().faults == ["paper_out"]
    sim.control("paper in")
    sim.control("head open")
    assert zpl.status().faults == ["head_open"] and "打印头" in tspl.status().message_zh
    sim.control("silent on")  # some Zebras go quiet when faulted: a timeout is a fault, not "ready"
    quiet = Printer(sim.url + "&timeout=0.5")
    assert quiet.status().faults == ["no_reply"]
    sim.control("silent off")
    sim.control("head close")
    zpl.print_waybill(sample_waybill("ZT555000111"))
    tspl.print_waybill(sample_waybill("ZT555000222"))
    Printer(sim.url.replace("zpl", "pdf")).print_waybill(sample_waybill("ZT555000333"))
    assert wait_for(lambda: len(sim.jobs()) == 3, 60)
    jobs = sim.jobs()
    assert [j["lang"] for j in jobs] == ["zpl", "tspl", "pdf"]
    assert [j["waybills"] for j in jobs] == [["ZT555000111"], ["ZT555000222"], ["ZT555000333"]]
    for j in jobs:
        png = (sim.jobs_dir / j["png"][0]).read_bytes()
        assert j["waybills"][0] in decode_barcodes(png)


def test_print_test_command(printer_sim, tmp_path) -> None:
    from tests.cli_helpers import run_cli

    sim = printer_sim()
    out = run_cli(tmp_path, "print-test", "--printer", sim.url, "--size", "76x130")
    number = out.stdout.split("test waybill sent: ")[1].split()[0]
    assert wait_for(lambda: sim.printed_waybills() == [number], 30)
    sim.control("paper out")
    bad = run_cli(tmp_path, "print-test", "--printer", sim.url, check=False, lang="zh")
    assert bad.returncode == 1 and "缺纸" in bad.stderr
    bad = run_cli(tmp_path, "print-test", "--printer", "tcp:/nohost", check=False)
    assert bad.returncode == 1 and "tcp://192.168.1.50:9100?lang=zpl" in bad.stderr
    assert "Traceback" not in bad.stderr
