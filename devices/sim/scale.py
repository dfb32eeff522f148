"""Scale simulator: streams weight lines on a pty like a bench scale in continuous mode.

stdin lines set the load: `1234` (grams), `1.234kg`, `0` (empty). After each change the scale
sends a few unstable (US) readings, then stable (ST) ones. --format plain sends bare numbers.
"""

from __future__ import annotations

import sys
import threading
from typing import IO

from devices.scales.parse import parse_weight_text
from devices.sim.pty_device import PtyDevice


def weight_line(grams: float, stable: bool, fmt: str = "st") -> bytes:
    if fmt == "plain":
        return f"{grams / 1000:.3f}\r\n".encode()
    flag = "ST" if stable else "US"
    return f"{flag},GS,{'+' if grams >= 0 else '-'}{abs(grams) / 1000:8.3f}kg\r\n".encode()


def run_scale_sim(
    link: str | None, fmt: str, interval: float, stdin: IO[str], stdout: IO[str]
) -> int:
    dev = PtyDevice(link)
    print(dev.path, file=stdout, flush=True)
    state = {"g": 0.0, "settle": 0}
    lock = threading.Lock()
    stop = threading.Event()

    def stream() -> None:
        while not stop.is_set():
            with lock:
                g, settle = state["g"], state["settle"]
                if settle > 0:
                    state["settle"] -= 1
            wobble = (7.0 if settle % 2 else -5.0) if settle > 0 else 0.0
            try:
                dev.write(weight_line(g + wobble, settle == 0, fmt))
            except OSError:
                pass
            stop.wait(interval)

    threading.Thread(target=stream, daemon=True).start()
    try:
        for line in stdin:
            text = line.strip()
            if not text:
                continue
            if text == "!unplug":
                dev.unplug()
                continue
            if text == "!plug":
                dev.plug()
                continue
            r = parse_weight_text(text if any(c.isalpha() for c in text) else text + "g")
            if r is None:
                print(f"bad weight {text!r}", file=sys.stderr, flush=True)
                continue
            with lock:
                state["g"], state["settle"] = r.grams, 3
            print(f"load {r.grams:g} g", file=stdout, flush=True)
        threading.Event().wait()
    finally:
        stop.set()
        dev.close()
    return 0
