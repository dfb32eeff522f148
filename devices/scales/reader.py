"""A serial scale: a reconnecting reader thread that keeps the latest stable weight.

Verify mode weighs each parcel: the station asks `stable_weight()` when a scan arrives and hands the
grams to the scan engine, which rejects a parcel outside its batch tolerance as `wrong_weight`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from devices.scales.parse import LineSplitter, Reading, parse_weight_text
from devices.serial_device import DeviceStatus, SerialDevice

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Weight:
    grams: float
    stable: bool
    at: float  # time.monotonic()


class SerialScale:
    def __init__(
        self,
        port: str,
        *,
        baud: int = 9600,
        data_bits: int = 8,
        parity: str = "N",
        default_unit: str = "kg",
        window: int = 4,
        stable_tolerance_g: float = 2.0,
        max_age_s: float = 2.0,
        min_weight_g: float = 5.0,
        on_weight: Callable[[Weight], None] | None = None,
        on_status: Callable[[DeviceStatus], None] | None = None,
    ) -> None:
        self.default_unit = default_unit
        self.window: deque[float] = deque(maxlen=window)
        self.tol = stable_tolerance_g
        self.max_age = max_age_s
        self.min_weight = min_weight_g
        self._on_weight = on_weight
        self._lines = LineSplitter()
        self._lock = threading.Lock()
        self.latest: Weight | None = None
        self.device = SerialDevice(
            "scale",
            port,
            baud=baud,
            data_bits=data_bits,
            parity=parity,
            on_data=self._on_data,
            on_status=on_status,
            on_disconnect=self._reset,
        )

    def start(self) -> SerialScale:
        self.device.start()
        return self

    def stop(self) -> None:
        self.device.stop()

    def _reset(self) -> None:
        with self._lock:
            self._lines.reset()
            self.window.clear()
            self.latest = None

    def _on_data(self, data: bytes) -> None:
        dropped = self._lines.dropped
        for line in self._lines.feed(data):
            self._line(line)
        if self._lines.dropped > dropped:
            logger.warning(
                "scale %s: dropped a run of more than %d bytes without a line end",
                self.device.port,
                self._lines.max_bytes,
            )

    def _line(self, line: str) -> None:
        r = parse_weight_text(line, self.default_unit)
        if r is None:
            logger.warning("scale %s: unreadable line %r", self.device.port, line)
            return
        self.feed(r)

    def feed(self, r: Reading, now: float | None = None) -> Weight:
        """Decide stability: the scale's own ST/US flag when it sends one, else a steady window."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self.window.append(r.grams)
            steady = (
                len(self.window) == self.window.maxlen
                and max(self.window) - min(self.window) <= self.tol
            )
            stable = r.stable if r.stable is not None else steady
            w = Weight(r.grams, bool(stable), now)
            self.latest = w
        if self._on_weight:
            self._on_weight(w)
        return w

    def stable_weight(self, now: float | None = None) -> int | None:
        """Grams of the current stable, fresh, non-empty reading; None while it settles."""
        now = time.monotonic() if now is None else now
        w = self.latest
        if w is None or not w.stable or now - w.at > self.max_age or w.grams < self.min_weight:
            return None
        return int(round(w.grams))

    def wait_stable(self, timeout: float = 3.0) -> int | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            g = self.stable_weight()
            if g is not None:
                return g
            time.sleep(0.02)
        return self.stable_weight()
