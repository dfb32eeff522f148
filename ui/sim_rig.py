"""Simulated station hardware for the demo, the UI tests and the latency benchmark.

Uses the devices package's own simulators: a pty (loopback TCP where there are no ptys) the app
opens as the serial scanner, another streaming scale lines, and the TCP label-printer simulator
(ZPL, with ~HS status). No Qt here.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


class SimRig:
    """Start with `start()`, stop (and join every thread) with `stop()`."""

    def __init__(
        self,
        root: Path,
        *,
        printer_lang: str = "zpl",
        label_size: str = "76x130",
        scale_interval: float = 0.2,
    ) -> None:
        self.root = Path(root)
        self.printer_lang = printer_lang
        self.label_size = label_size
        self.scale_interval = scale_interval
        self.scanner: Any = None
        self.scale: Any = None
        self.printer: Any = None
        self._grams = 0.0
        self._settle = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._scale_thread: threading.Thread | None = None

    def start(self) -> SimRig:
        from devices.sim.printer import PrinterSimulator
        from devices.sim.pty_device import sim_serial_device

        self.root.mkdir(parents=True, exist_ok=True)
        # ptys on Linux/macOS, loopback TCP on Windows: the demo runs everywhere
        self.scanner = sim_serial_device(self.root / "scanner-sim")
        self.scale = sim_serial_device(self.root / "scale-sim")
        self.printer = PrinterSimulator(
            self.root / "printer-jobs", lang=self.printer_lang, preview=False
        ).start()
        self._scale_thread = threading.Thread(
            target=self._stream_scale, name="scale-sim", daemon=True
        )
        self._scale_thread.start()
        logger.info(
            "simulators: scanner %s, scale %s, printer %s",
            self.scanner.path,
            self.scale.path,
            self.printer.url,
        )
        return self

    @property
    def printer_url(self) -> str:
        return f"{self.printer.url}&size={self.label_size}"

    @property
    def jobs_dir(self) -> Path:
        return self.root / "printer-jobs"

    def settings(self, base: Any) -> Any:
        """StationSettings pointing at these simulators."""
        base.scanner_kind = "serial"
        base.scanner_port = self.scanner.path
        base.scanner_baud = 9600
        base.printer_url = self.printer_url
        base.scale_port = self.scale.path
        return base

    # -- acting as the hardware --------------------------------------------------------------
    def scan(self, code: str) -> None:
        """The scanner reads a barcode (CR suffix, as factory-set Chinese scanners send)."""
        from devices.sim.scanner import frame

        self.scanner.write(frame(code, "CR"))

    def put_on_scale(self, grams: float) -> None:
        with self._lock:
            self._grams, self._settle = float(grams), 3

    def printer_control(self, cmd: str) -> dict[str, Any]:
        return self.printer.control(cmd)  # type: ignore[no-any-return]

    def labels_printed(self) -> int:
        return int(self.printer.labels)

    def _stream_scale(self) -> None:
        from devices.sim.scale import weight_line

        while not self._stop.is_set():
            with self._lock:
                g, settle = self._grams, self._settle
                if settle > 0:
                    self._settle -= 1
            wobble = (7.0 if settle % 2 else -5.0) if settle > 0 else 0.0
            try:
                self.scale.write(weight_line(g + wobble, settle == 0))
            except OSError:
                pass
            self._stop.wait(self.scale_interval)

    def stop(self) -> None:
        self._stop.set()
        if self._scale_thread is not None:
            self._scale_thread.join(5)
        if self.printer is not None:
            self.printer.stop()
        for dev in (self.scanner, self.scale):
            if dev is not None:
                dev.close()
