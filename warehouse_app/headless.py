"""A station without a screen: scanner -> station session -> outcome (one JSON line) -> printer.

This is what a kiosk without a display runs, and what the end-to-end tests drive: the same device
threads, writer thread and station session the window uses, with stdout instead of widgets. So
badges, command cards (`#MODE:…`, `#BATCH:…`, `#REASON:…`) and print-after-bind behave exactly
as on the screen.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from typing import IO, Any

from devices.printers.printer import Printer
from devices.scales.reader import SerialScale, Weight
from devices.scanners.framing import DroppedFrame, Scan, ScannerConfig
from devices.scanners.serial_reader import SerialScanner
from devices.serial_device import DeviceStatus
from warehouse_app.commands import parse_command
from warehouse_app.print_worker import PrintQueue, QueueEvent
from warehouse_app.scan_engine import ScanContext
from warehouse_app.session import Outcome, StationSession
from warehouse_app.store.db import Store
from warehouse_app.store.writer import StoreWriter

logger = logging.getLogger(__name__)


class HeadlessStation:
    def __init__(
        self,
        store: Store,
        scanner: ScannerConfig,
        ctx: ScanContext,
        printer_url: str | None = None,
        scale_port: str | None = None,
        feedback: str = "none",
        out: IO[str] | None = None,
        err: IO[str] | None = None,
        scale_wait_s: float = 2.0,
    ) -> None:
        self.store = store
        self.ctx = ctx
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.scale_wait_s = scale_wait_s
        self._out_lock = threading.Lock()
        self.writer = StoreWriter(store)
        self.printer = Printer(printer_url) if printer_url else None
        self.queue = (
            PrintQueue(self.writer, self.printer, on_event=self._on_queue, operator=ctx.operator)
            if self.printer
            else None
        )
        self._last_stable: int | None = None
        self.scale = (
            SerialScale(scale_port, on_status=self._on_status, on_weight=self._on_weight)
            if scale_port
            else None
        )
        self.scanner = SerialScanner(
            scanner,
            on_scan=self._on_scan,
            on_status=self._on_status,
            on_drop=self._on_drop,
            feedback=feedback,
        )
        self.session = StationSession(
            mode=ctx.mode,
            operator=ctx.operator,
            batch_id=ctx.batch_id,
            handoff_id=ctx.handoff_id,
            lang=ctx.lang,
            printer=_QueuePort(self.queue),
        )
        self.verdicts = 0

    def _emit(self, stream: IO[str], obj: dict[str, Any] | str) -> None:
        line = (
            obj
            if isinstance(obj, str)
            else json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        )
        with self._out_lock:
            stream.write(line + "\n")
            stream.flush()

    def _on_status(self, st: DeviceStatus) -> None:
        self._emit(self.err, st.to_dict())

    def _on_drop(self, d: DroppedFrame) -> None:
        """A frame the reader could not read: say so (and beep bad), never stay silent."""
        self._emit(self.err, {"device": "scanner", "event": "dropped", **d.to_dict()})
        self.scanner.bad_read()

    def _on_weight(self, w: Weight) -> None:
        """Report each new stable weight once (the kiosk shows it; tests wait on it)."""
        g = int(round(w.grams)) if w.stable else None
        if g is not None and g != self._last_stable:
            self._emit(self.err, {"device": "scale", "event": "stable", "grams": g})
        self._last_stable = g

    def _on_queue(self, ev: QueueEvent) -> None:
        self._emit(self.err, {"device": "printer", "event": ev.kind, **ev.to_dict()})

    def _on_scan(self, s: Scan) -> None:
        weight: int | None = None
        if self.scale is not None and self.session.wants_weight() and parse_command(s.code) is None:
            weight = self.scale.wait_stable(self.scale_wait_s)
            if weight is None:
                self._emit(
                    self.err,
                    {
                        "device": "scale",
                        "event": "no_stable_weight",
                        "code": s.code,
                        "message_zh": "电子秤读数不稳定，未称重",
                        "message_en": "No stable weight: scanned without weight",
                    },
                )
        try:
            out: Outcome = self.writer.call(self.session.scan, s.code, weight)
        except Exception as exc:
            logger.exception("scan of %r failed", s.code)
            self._emit(self.err, {"event": "scan_error", "code": s.code, "error": str(exc)})
            return
        if out.kind == "ignored":
            return
        self.verdicts += 1
        self._emit(self.out, out.to_dict())
        (self.scanner.good_read if out.ok else self.scanner.bad_read)()

    def start(self) -> HeadlessStation:
        if self.queue:
            self.queue.start()
        if self.scale:
            self.scale.start()
        self.scanner.start()
        return self

    def stop(self) -> None:
        """Stop readers first (no new scans), then the queue, then the writer; all joined."""
        self.scanner.stop()
        if self.scale:
            self.scale.stop()
        if self.queue:
            self.queue.stop()
        self.writer.close()


class _QueuePort:
    """The session's print port over this station's print queue (None: no printer)."""

    def __init__(self, queue: PrintQueue | None) -> None:
        self.queue = queue

    def printer_key(self) -> str | None:
        return self.queue.key if self.queue is not None else None

    def wake(self) -> None:
        if self.queue is not None:
            self.queue.wake()
