"""A pseudo-terminal the app opens as a serial port, optionally behind a stable symlink (the
simulated /dev/serial/by-id), with unplug/replug."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class PtyDevice:
    def __init__(self, link: str | Path | None = None) -> None:
        self.link = Path(link) if link else None
        self.master = self.slave = -1
        self.plug()

    def plug(self) -> None:
        import pty  # POSIX only: imported here so Windows can import this package
        import tty

        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # bytes written before the app configures the port stay raw
        if self.link:
            tmp = self.link.with_name(self.link.name + ".tmp")
            if tmp.is_symlink() or tmp.exists():
                tmp.unlink()
            os.symlink(os.ttyname(self.slave), tmp)
            os.replace(tmp, self.link)

    def unplug(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.master = self.slave = -1

    @property
    def path(self) -> str:
        return str(self.link) if self.link else os.ttyname(self.slave)

    def write(self, data: bytes) -> None:
        if self.master >= 0:
            os.write(self.master, data)

    def close(self) -> None:
        self.unplug()
        if self.link and self.link.is_symlink():
            self.link.unlink()


def sim_serial_device(link: str | Path | None = None) -> Any:
    """A simulated serial device: a pty where the OS has them, else loopback TCP (Windows)."""
    from devices.sim.tcp_device import TcpDevice, pty_available

    return PtyDevice(link) if pty_available() else TcpDevice()
