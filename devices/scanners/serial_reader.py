"""Serial scanner: a SerialDevice thread plus the framer, reporting whole scans by callback."""

from __future__ import annotations

import logging
from collections.abc import Callable

from devices.scanners.feedback import FEEDBACK, Feedback
from devices.scanners.framing import DroppedFrame, Scan, ScanFramer, ScannerConfig
from devices.serial_device import DeviceStatus, SerialDevice

logger = logging.getLogger(__name__)


class SerialScanner:
    """A scanner on a serial port. `on_scan(Scan)` runs on the reader thread: keep it short.

    `on_drop(DroppedFrame)` (same thread) reports a frame that could not be a scan, so the station
    tells the packer to scan again instead of staying silent."""

    def __init__(
        self,
        config: ScannerConfig,
        on_scan: Callable[[Scan], None],
        on_status: Callable[[DeviceStatus], None] | None = None,
        on_warning: Callable[[str], None] | None = None,
        on_drop: Callable[[DroppedFrame], None] | None = None,
        feedback: str = "none",
        retry_interval: float = 0.2,
    ) -> None:
        config.validate()
        self.config = config
        self._on_scan = on_scan
        self.framer = ScanFramer(config, on_warning=on_warning, on_drop=on_drop)
        self.feedback: Feedback = FEEDBACK[feedback]
        self.device = SerialDevice(
            "scanner",
            config.port,
            baud=config.baud,
            data_bits=config.data_bits,
            parity=config.parity,
            stop_bits=config.stop_bits,
            exclusive=config.exclusive,
            on_data=self._on_data,
            on_status=on_status,
            on_disconnect=self.framer.reset,
            on_idle=self.framer.expire,
            retry_interval=retry_interval,
        )

    def _on_data(self, data: bytes) -> None:
        for scan in self.framer.feed(data):
            logger.debug("scan %r (%s)", scan.code, scan.aim)
            self._on_scan(scan)

    def start(self) -> SerialScanner:
        self.device.start()
        return self

    def stop(self) -> None:
        self.device.stop()

    def good_read(self) -> bool:
        """Tell the scanner to beep 'good' if it has host commands; False means use the app sound."""
        return bool(self.feedback.good) and self.device.write(self.feedback.good)

    def bad_read(self) -> bool:
        return bool(self.feedback.bad) and self.device.write(self.feedback.bad)
