"""Printing through a real CUPS scheduler (Debian's cupsd, started once per test session on a
private socket) with socket queues to the printer simulator: a parcel counts as printed only when
CUPS reports the job completed; stuck jobs, stopped queues and a stopped cupsd hold the queue
with messages that name them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.printers.layout import sample_waybill
from devices.printers.printer import Printer
from devices.printers.transport import TransportError
from devices.sim.printer import PrinterSimulator

CUPSD = shutil.which("cupsd") or "/usr/sbin/cupsd"
pytestmark = pytest.mark.skipif(
    not (os.path.exists(CUPSD) and shutil.which("lp") and shutil.which("lpadmin")),
    reason="Debian's cups (cupsd, lp, lpadmin) is installed by scripts/setup.sh test",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def cupsd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private cupsd; yields its CUPS_SERVER (a unix socket)."""
    # Under /tmp itself: cupsd's filters run as `lp` and must reach the spool files.
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="wb-cupsd-"))
    for d in ("spool", "cache", "state", "log"):
        (root / d).mkdir()
    sock = root / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\nMaxJobs 0\nPreserveJobHistory Yes\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nErrorLog {root}/log/error_log\nAccessLog {root}/log/access_log\n"
        f"PageLog {root}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        f"TempDir {root}/spool\n"
    )
    os.chmod(root, 0o777)
    for p in root.rglob("*"):
        os.chmod(p, 0o777)
    proc = subprocess.Popen(
        [CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "CUPS_SERVER": str(sock)}
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        r = subprocess.run(["lpstat", "-r"], env=env, capture_output=True, text=True, check=False)
        if "is running" in r.stdout and "not" not in r.stdout:
            break
        time.sleep(0.1)
    try:
        yield str(sock)
    finally:
        proc.terminate()
        proc.wait(15)
        shutil.rmtree(root, ignore_errors=True)


def _queue(server: str, name: str, uri: str) -> None:
    env = {**os.environ, "CUPS_SERVER": server}
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", uri], env=env, check=True, capture_output=True
    )


def test_job_counts_only_when_cups_completes_it(cupsd: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", cupsd)
    sim = PrinterSimulator(tmp_path / "jobs").start()
    try:
        _queue(cupsd, "SIMZ", f"socket://127.0.0.1:{sim.port}")
        pr = Printer("cups://SIMZ?lang=zpl&timeout=5")
        assert pr.status().ok
        pr.print_waybill(sample_waybill("ZT1000000000001"))  # returns once CUPS says completed
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (tmp_path / "jobs" / "jobs.jsonl").exists():
            time.sleep(0.05)
        from devices.sim.printer import read_jobs

        assert [w for j in read_jobs(tmp_path / "jobs") for w in j["waybills"]] == [
            "ZT1000000000001"
        ]
    finally:
        sim.stop()


def test_stuck_job_is_not_printed_and_holds(cupsd: str, monkeypatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", cupsd)
    _queue(cupsd, "DEAD", f"socket://127.0.0.1:{_free_port()}")  # nothing listens there
    pr = Printer("cups://DEAD?lang=zpl&timeout=0.5")
    with pytest.raises(TransportError) as e:
        pr.print_waybill(sample_waybill("ZT1000000000002"))
    assert e.value.sent_any and e.value.kind == "cups_stuck"
    assert "not counted as printed" in str(e.value) and "不计为已打印" in e.value.zh
    st = pr.status()
    assert st.faults == ["cups_stuck"] and "stuck in CUPS" in st.message_en
    subprocess.run(["cancel", "-a", "DEAD"], check=False, capture_output=True)


def test_stopped_queue_and_stopped_cupsd_are_named(cupsd: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", cupsd)
    _queue(cupsd, "STOPPED", "socket://127.0.0.1:9")
    subprocess.run(["cupsdisable", "STOPPED"], check=True, capture_output=True)
    assert Printer("cups://STOPPED?lang=zpl").status().faults == ["cups_stopped"]
    assert Printer("cups://NOPE?lang=zpl").status().faults == ["cups_no_queue"]
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    pr = Printer("cups://SIMZ?lang=zpl")
    st = pr.status()
    assert st.faults == ["cups_down"] and "cupsd" in st.message_en
    with pytest.raises(TransportError) as e:
        pr.print_waybill(sample_waybill("ZT1000000000003"))
    assert "cupsd" in str(e.value) and "does not exist" not in str(e.value)


def test_pdf_goes_through_the_queue_driver(cupsd: str, tmp_path: Path, monkeypatch) -> None:
    """lang=pdf is not sent raw: the queue's driver (CUPS's Zebra ZPL PPD) turns it into ZPL."""
    monkeypatch.setenv("CUPS_SERVER", cupsd)
    sim = PrinterSimulator(tmp_path / "jobs", preview=False).start()
    try:
        env = {**os.environ, "CUPS_SERVER": cupsd}
        subprocess.run(
            [
                "lpadmin",
                "-p",
                "ZDRV",
                "-E",
                "-v",
                f"socket://127.0.0.1:{sim.port}",
                "-m",
                "drv:///sample.drv/zebra.ppd",
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        pr = Printer("cups://ZDRV?lang=pdf&size=100x150&timeout=10")
        pr.print_waybill(sample_waybill("ZT1000000000004"))
        from devices.sim.printer import read_jobs

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not read_jobs(tmp_path / "jobs"):
            time.sleep(0.05)
        jobs = read_jobs(tmp_path / "jobs")
        assert len(jobs) == 1 and jobs[0]["lang"] == "zpl"  # the driver's output, not our PDF
        assert not (tmp_path / "jobs" / jobs[0]["file"]).read_bytes().startswith(b"%PDF")
    finally:
        sim.stop()


def test_print_batch_through_a_stuck_cups_queue_counts_nothing_and_holds(
    cupsd: str, seeded_store, monkeypatch
) -> None:
    """The failure the issue saw: device unreachable, lp says OK. Now the first job ends
    uncertain (not printed, never resent), the queue holds with CUPS named, print_count stays 0."""
    from devices.serial_device import wait_for
    from tests.devices.conftest import Collector, make_presale_batch
    from warehouse_app.print_worker import PrintQueue
    from warehouse_app.store.writer import StoreWriter

    monkeypatch.setenv("CUPS_SERVER", cupsd)
    _queue(cupsd, "DEAD2", f"socket://127.0.0.1:{_free_port()}")
    batch, _ = make_presale_batch(seeded_store, 3)
    writer = StoreWriter(seeded_store)
    events = Collector()
    q = PrintQueue(
        writer, Printer("cups://DEAD2?lang=zpl&timeout=0.3"), on_event=events, poll_interval=0.1
    ).start()
    try:
        run, n = q.enqueue_batch(batch, "P1")
        assert n == 3
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        fault = next(e for e in events.items if e.kind == "fault")
        assert "CUPS" in fault.message_en and "CUPS" in fault.message_zh
        assert any(e.kind == "uncertain" for e in events.items)
        p = q.progress(run)
        assert p.get("done", 0) == 0 and p.get("queued") == 2  # held, not lost, not "printed"
    finally:
        q.stop()
        writer.close()
        subprocess.run(["cancel", "-a", "DEAD2"], check=False, capture_output=True)
    c = seeded_store.connect()
    assert {
        r[0] for r in c.execute("SELECT print_count FROM parcels WHERE batch_id=?", (batch,))
    } == {0}
    c.close()
