"""Scanner simulator: writes scans into a pty the station opens as a serial port.

Reads commands from stdin, one per line:
    CODE                  send CODE with the configured prefix/AIM id/suffix
    !split CODE           send CODE in two writes (a scan over several reads)
    !raw HEX              send raw bytes (garbage, control bytes)
    !unplug / !plug       pull and re-insert the cable (the --link path stays the same)
"""

from __future__ import annotations

import logging
import threading
import time
from typing import IO

from devices.scanners.framing import SUFFIXES
from devices.sim.pty_device import PtyDevice

logger = logging.getLogger(__name__)


def frame(code: str, suffix: str = "CR", prefix: str = "", aim: str = "") -> bytes:
    return (prefix + aim + code).encode("utf-8") + SUFFIXES[suffix.upper()]


def run_scanner_sim(
    link: str | None,
    suffix: str,
    prefix: str,
    aim: str,
    stdin: IO[str],
    stdout: IO[str],
    codes: list[str] | None = None,
    interval: float = 1.0,
) -> int:
    dev = PtyDevice(link)
    print(dev.path, file=stdout, flush=True)
    try:
        if codes:
            for code in codes:
                time.sleep(interval)
                dev.write(frame(code, suffix, prefix, aim))
        for line in stdin:
            cmd = line.rstrip("\r\n")
            if not cmd:
                continue
            if cmd == "!unplug":
                dev.unplug()
            elif cmd == "!plug":
                dev.plug()
            elif cmd.startswith("!raw "):
                dev.write(bytes.fromhex(cmd[5:].strip()))
            elif cmd.startswith("!split "):
                data = frame(cmd[7:], suffix, prefix, aim)
                dev.write(data[: len(data) // 2])
                time.sleep(0.05)
                dev.write(data[len(data) // 2 :])
            else:
                dev.write(frame(cmd, suffix, prefix, aim))
            print(f"sent {cmd}", file=stdout, flush=True)
        threading.Event().wait()  # stdin closed: keep the device until we are terminated
    finally:
        dev.close()
    return 0
