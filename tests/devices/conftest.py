"""Fixtures for the devices tests: real pseudo-terminals, a real SQLite store, joined threads."""

from __future__ import annotations

import os
import os as _os
import pty
import subprocess
import threading
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.serial_device import wait_for
from tests.cli_helpers import station_cmd


class PtyPort:
    """A pseudo-terminal standing in for a serial device, reachable through a stable symlink.

    The symlink plays /dev/serial/by-id: unplug closes the pty (the reader sees exactly the Linux
    'device reports readiness to read but returned no data'), replug makes a new pty behind it.
    """

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # bytes written before the reader configures the port stay raw
        tmp = self.link.with_suffix(".tmp")
        if tmp.is_symlink():
            tmp.unlink()
        os.symlink(os.ttyname(self.slave), tmp)
        os.replace(tmp, self.link)

    def unplug(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)
        self.master = self.slave = -1

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_host(self, n: int = 1024, timeout: float = 5.0) -> bytes:
        """Bytes the app sent to the device (host commands)."""
        import select

        r, _, _ = select.select([self.master], [], [], timeout)
        return os.read(self.master, n) if r else b""

    @property
    def path(self) -> str:
        return str(self.link)


@pytest.fixture
def pty_port(tmp_path: Path) -> Iterator[PtyPort]:
    p = PtyPort(tmp_path / "ttyDEV0")
    yield p
    p.unplug()


@pytest.fixture
def pty_factory(tmp_path: Path) -> Iterator[callable]:
    made: list[PtyPort] = []

    def make(name: str) -> PtyPort:
        p = PtyPort(tmp_path / name)
        made.append(p)
        return p

    yield make
    for p in made:
        p.unplug()


class Collector:
    """Thread-safe list that tests wait on instead of sleeping."""

    def __init__(self) -> None:
        self.items: list = []
        self._lock = threading.Lock()

    def __call__(self, item: object) -> None:
        with self._lock:
            self.items.append(item)

    def wait_len(self, n: int, timeout: float = 15.0) -> list:
        assert wait_for(lambda: len(self.items) >= n, timeout), f"got {self.items!r}, wanted {n}"
        return list(self.items)


@pytest.fixture
def collector() -> type[Collector]:
    return Collector


# --- real processes ----------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent.parent


class Proc:
    """A `warehouse-station` subprocess whose stdout/stderr lines are collected by threads."""

    def __init__(self, args: list[str], stdin: bool = False) -> None:
        env = {**_os.environ, "PYTHONUNBUFFERED": "1"}
        self.p = subprocess.Popen(
            [*station_cmd(), *args],
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
        )
        self.out = Collector()
        self.err = Collector()
        for stream, col in ((self.p.stdout, self.out), (self.p.stderr, self.err)):
            threading.Thread(target=self._pump, args=(stream, col), daemon=True).start()

    @staticmethod
    def _pump(stream, col) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            col(line.rstrip("\n"))

    def send(self, line: str) -> None:
        assert self.p.stdin is not None
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()

    def wait_out(self, pred, timeout: float = 30.0) -> str:  # type: ignore[no-untyped-def]
        found: list[str] = []

        def check() -> bool:
            for line in list(self.out.items):
                if pred(line):
                    found.append(line)
                    return True
            return False

        assert wait_for(check, timeout), (
            f"stdout={self.out.items!r}\nstderr={self.err.items[-30:]!r}"
        )
        return found[0]

    def stop(self) -> None:
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(15)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait(15)


class PrinterSimProc(Proc):
    def __init__(self, jobs_dir: Path, *extra: str) -> None:
        super().__init__(["simulate", "printer", "--jobs-dir", str(jobs_dir), *extra])
        self.jobs_dir = jobs_dir
        self.out.wait_len(3)
        self.url = self.out.items[0]
        host, port = self.out.items[1].split()[1].rsplit(":", 1)
        self.control_addr = (host, int(port))

    def control(self, cmd: str) -> dict:
        from devices.sim.printer import control

        return control(*self.control_addr, cmd)

    def jobs(self) -> list[dict]:
        from devices.sim.printer import read_jobs

        return read_jobs(self.jobs_dir)

    def printed_waybills(self) -> list[str]:
        return [w for j in self.jobs() for w in j["waybills"]]


@pytest.fixture
def printer_sim(tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[PrinterSimProc] = []

    def start(*extra: str, name: str = "jobs") -> PrinterSimProc:
        p = PrinterSimProc(tmp_path / name, *extra)
        made.append(p)
        return p

    yield start
    for p in made:
        p.stop()


@pytest.fixture
def seeded_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real station DB file: station T1, carriers ZTO/YTO, SKUs A/B/C, packer P1, lead L1."""
    from tests.core_helpers import seed_station
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    data = tmp_path / "station"
    data.mkdir()
    store = open_store(db_path(data))
    c = store.connect()
    seed_station(c)
    c.close()
    store.data_dir = data  # type: ignore[attr-defined]
    return store


def make_presale_batch(
    store, n: int, sku: str = "A", prefix: str = "O", carrier: str = "ZTO"
) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """n paid orders for one SKU and an active presale batch over them; returns (batch, waybills)."""
    from tests.core_helpers import add_orders, make_batch, order

    c = store.connect()
    try:
        add_orders(
            c,
            *[
                order(
                    f"{prefix}{i:04d}",
                    {sku: 1},
                    carrier=carrier,
                    paid_at=f"2026-11-11T12:{i // 60:02d}:{i % 60:02d}Z",
                )
                for i in range(n)
            ],
        )
        b = make_batch(c, f"{sku}*1")
        wbs = [
            r[0]
            for r in c.execute(
                "SELECT waybill FROM parcels WHERE batch_id=? ORDER BY label_code", (b["batch_id"],)
            )
        ]
    finally:
        c.close()
    return b["batch_id"], wbs
