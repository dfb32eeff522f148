"""Fixtures for the devices tests: real pseudo-terminals, a real SQLite store, joined threads."""
from __future__ import annotations

import os
import pty
import threading
import tty
from pathlib import Path
from typing import Iterator

import pytest

from devices.serial_device import wait_for


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
def pty_factory(tmp_path: Path) -> Iterator["callable"]:
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
