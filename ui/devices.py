"""Qt face of the devices package: scanner, printer and scale callbacks turned into signals.

The devices package reports through plain callbacks on its own threads (Dangerzone's pattern);
here each callback emits a Qt signal, which Qt queues onto the UI thread. Printing, printer
status polls and device (re)starts run on a dedicated device thread, never on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.qtcompat import emit
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


class DeviceHub(QObject):
    """Owns the scanner, printer and scale for one window. Call `shutdown()` to join threads."""

    scanned = Signal(str, str)  # code, source ("serial" | "wedge" | "typed")
    scanner_status = Signal(str, str, str)  # state, zh, en
    printer_status = Signal(bool, str, str)  # ok, zh, en
    scale_status = Signal(str, str, str)  # state, zh, en
    weight_read = Signal(int)  # grams
    print_progress = Signal(str, int, int)  # run id, done, total
    print_finished = Signal(str, bool, str, str)  # run id, ok, zh, en
    print_problem = Signal(str, str)  # zh, en: a label may not have printed
    test_result = Signal(str, bool, str, str)  # which (scan|print|scale), ok, zh, en
    scan_dropped = Signal(str, str, str)  # reason, zh, en: the reader had to drop a frame
    label_printed = Signal(str)  # waybill: the printer took this label
    label_failed = Signal(str, str, str)  # waybill, zh, en: this label did not (surely) print
    label_held = Signal(str, str, str)  # waybill, zh, en: held for the packer (stored)
    labels_held = Signal(int)  # labels held and waiting for "print them" (worker start, resume)
    print_stopped = Signal(str, int, int, str, str)  # run id, printed, total, zh, en (fault/cancel)
    print_skipped = Signal(str, str, str)  # waybill, zh, en: its parcel left the line

    def __init__(self, writer: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="device-io")
        self._print = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printer")
        self.scanner: Any = None
        self.scale: Any = None
        self.printer: Any = None
        self.queue: Any = None
        self.writer: Any = writer
        self.printer_url = ""
        self.last_weight_g: int | None = None
        self._jobs = 0
        self._lock = threading.Lock()
        self._test_scan_pending = False
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(5000)
        self._status_timer.timeout.connect(self.poll_printer)
        self._closed = False
        self.last_configure: Future[None] | None = None
        self.configured_with: dict[
            str, Any
        ] = {}  # stored device settings used by the last configure
        # last status per device, so a status bar created later shows the current state
        self.last: dict[str, tuple[Any, ...]] = {}
        from PySide6.QtCore import Qt as _Qt

        direct = _Qt.ConnectionType.DirectConnection
        self.scanner_status.connect(lambda *a: self.last.__setitem__("scanner", a), direct)
        self.printer_status.connect(lambda *a: self.last.__setitem__("printer", a), direct)
        self.scale_status.connect(lambda *a: self.last.__setitem__("scale", a), direct)

    # -- configuration ---------------------------------------------------------------------
    def configure(self, settings: Any) -> Future[None]:
        """(Re)start devices from StationSettings, on the device thread."""
        self.last_configure = self._io.submit(self._configure, settings)
        return self.last_configure

    def stored_device_settings(self) -> dict[str, Any]:
        """What IT stored through warehouse_app.device_settings (suffix, prefix, parity, AIM, feedback, scale unit,
        printer URL), read on the device thread with a short-lived read-only connection."""
        out: dict[str, Any] = {
            "scanner": None,
            "feedback": "none",
            "scale": None,
            "printer_url": None,
        }
        store = getattr(self.writer, "store", None)
        if store is None:
            return out
        from warehouse_app import device_settings as dcfg

        conn = store.connect(readonly=True)
        try:
            try:
                out["scanner"] = dcfg.scanner_config(conn)
            except (
                TypeError
            ) as exc:  # a stored field of the wrong shape: defaults, and say so in the log
                logger.warning("stored scanner settings unusable, using defaults: %s", exc)
            from warehouse_app.station import get_setting

            out["feedback"] = str(get_setting(conn, dcfg.FEEDBACK_KEY) or "none")
            out["scale"] = dcfg.scale_settings(conn)
            out["printer_url"] = dcfg.printer_url(conn)
        finally:
            conn.close()
        return out

    def scanner_setup(self, s: Any, stored: dict[str, Any]) -> tuple[Any, str]:
        """The full ScannerConfig (stored framing + the settings page's port/baud) and the feedback kind."""
        from dataclasses import replace

        from devices.scanners import ScannerConfig
        from devices.scanners.feedback import FEEDBACK

        cfg = stored.get("scanner") or ScannerConfig()
        if s.scanner_port:
            cfg = replace(cfg, port=s.scanner_port, baud=int(s.scanner_baud))
        fb = stored.get("feedback") or "none"
        if fb not in FEEDBACK:
            logger.warning("unknown scanner feedback %r, using none", fb)
            fb = "none"
        return cfg, fb

    def _configure(self, s: Any) -> None:
        self._stop_readers()
        try:
            stored = self.stored_device_settings()
        except Exception:
            logger.exception("reading stored device settings failed")
            stored = {}
        self.configured_with = stored
        if s.scanner_kind == "serial" and (
            s.scanner_port or (stored.get("scanner") and stored["scanner"].port)
        ):
            try:
                from devices.scanners import SerialScanner

                cfg, fb = self.scanner_setup(s, stored)
                self.scanner = SerialScanner(
                    cfg,
                    on_scan=lambda sc: self._on_serial_scan(sc.code),
                    on_status=self._on_scanner_status,
                    on_drop=self._on_scan_dropped,
                    feedback=fb,
                ).start()
            except StationError as exc:
                emit(self.scanner_status, "error", exc.zh, str(exc))
        else:
            emit(self.scanner_status, "wedge", "键盘式扫描枪", "Keyboard-wedge scanner")
        if self.queue is not None:
            self.queue.stop()
            self.queue = None
        self.printer = None
        url = s.printer_url or stored.get("printer_url") or ""
        self.printer_url = url
        if url:
            try:
                from devices.printers.printer import Printer
                from warehouse_app.print_worker import PrintQueue

                self.printer = Printer(url)
                if self.writer is not None:
                    self.queue = PrintQueue(
                        self.writer, self.printer, on_event=self._on_queue_event
                    ).start()
                self._emit_printer_status()
            except StationError as exc:
                emit(self.printer_status, False, exc.zh, str(exc))
        else:
            emit(self.printer_status, False, "未设置打印机", "No printer set")
        if s.scale_port or stored.get("scale"):
            self._start_scale(s, stored.get("scale") or {})
        else:
            emit(self.scale_status, "none", "未接电子秤", "No scale")

    def _start_scale(self, s: Any, stored: dict[str, Any]) -> None:
        """Port/baud from the settings page when set, else what IT stored; the unit always from the store."""
        try:
            from devices.scales import SerialScale

            port = s.scale_port or stored.get("port", "")
            baud = int(s.scale_baud if s.scale_port else stored.get("baud", 9600))
            self.scale = SerialScale(
                port,
                baud=baud,
                default_unit=str(stored.get("unit") or "kg"),
                on_weight=self._on_weight,
                on_status=self._on_scale_status,
            ).start()
        except StationError as exc:
            emit(self.scale_status, "error", exc.zh, str(exc))
        except Exception as exc:
            logger.exception("scale start failed")
            emit(
                self.scale_status,
                "error",
                f"电子秤启动失败：{exc}",
                f"Scale failed to start: {exc}",
            )

    def start_status_polling(self) -> None:
        self._status_timer.start()

    # -- callbacks from device threads -----------------------------------------------------
    def _on_serial_scan(self, code: str) -> None:
        emit(self.scanned, code, "serial")

    def _on_scan_dropped(self, d: Any) -> None:
        emit(self.scan_dropped, d.reason, d.message_zh, d.message_en)

    def _on_scanner_status(self, st: Any) -> None:
        emit(self.scanner_status, st.state, st.message_zh, st.message_en)

    def _on_scale_status(self, st: Any) -> None:
        emit(
            self.scale_status,
            getattr(st, "state", "?"),
            getattr(st, "message_zh", ""),
            getattr(st, "message_en", ""),
        )

    def _on_weight(self, w: Any) -> None:
        g = int(round(w.grams))
        if not w.stable:
            return
        if g != self.last_weight_g:
            self.last_weight_g = g
            emit(self.weight_read, g)

    def stable_weight(self) -> int | None:
        """Latest stable weight in grams (a recent one only), without waiting."""
        sc = self.scale
        if sc is None:
            return None
        try:
            w: int | None = sc.stable_weight()
            return w
        except Exception:
            return self.last_weight_g

    def feedback(self, ok: bool) -> None:
        """Good/bad-read command to scanners that take one (a serial write: never on the UI thread)."""
        sc = self.scanner
        if sc is None or self._closed or not sc.feedback.good:
            return

        def send() -> None:
            try:
                sc.good_read() if ok else sc.bad_read()
            except Exception:
                logger.debug("scanner feedback failed", exc_info=True)

        self._io.submit(send)

    # -- printing --------------------------------------------------------------------------
    def poll_printer(self) -> None:
        if self.printer is not None and not self._closed:
            self._print.submit(self._emit_printer_status)

    def _emit_printer_status(self) -> None:
        p = self.printer
        if p is None:
            return
        try:
            st = p.status()
        except Exception as exc:
            emit(
                self.printer_status,
                False,
                f"打印机状态未知：{exc}",
                f"Printer status unknown: {exc}",
            )
            return
        if not st.supported:
            emit(
                self.printer_status,
                True,
                f"打印机 {self.printer_url}",
                f"Printer {self.printer_url}",
            )
        else:
            emit(self.printer_status, st.ok, st.message_zh, st.message_en)

    def _on_queue_event(self, ev: Any) -> None:
        """PrintQueue callback (printer thread) -> signals."""
        if ev.kind == "progress":
            if ev.waybill:
                emit(self.label_printed, ev.waybill)
            emit(self.print_progress, ev.run_id, ev.done, ev.total)
            if ev.total and ev.done >= ev.total:
                emit(
                    self.print_finished,
                    ev.run_id,
                    True,
                    f"打印完成：{ev.done} 张",
                    f"Printed {ev.done} labels",
                )
        elif ev.kind == "fault":
            emit(self.printer_status, False, ev.message_zh, ev.message_en)
            if ev.run_id:
                emit(
                    self.print_stopped,
                    ev.run_id,
                    ev.done,
                    ev.total,
                    ev.message_zh,
                    ev.message_en,
                )
        elif ev.kind == "cancelled":
            emit(self.print_stopped, ev.run_id, ev.done, ev.total, ev.message_zh, ev.message_en)
            emit(self.print_finished, ev.run_id, False, ev.message_zh, ev.message_en)
        elif ev.kind == "skipped":
            emit(self.print_skipped, ev.waybill, ev.message_zh, ev.message_en)
        elif ev.kind == "resumed":
            emit(self.printer_status, True, ev.message_zh, ev.message_en)
        elif ev.kind == "held":
            if ev.waybill:
                emit(self.label_held, ev.waybill, ev.message_zh, ev.message_en)
            else:
                emit(self.labels_held, ev.total)
        elif ev.kind in ("uncertain", "failed"):
            emit(self.print_problem, ev.message_zh, ev.message_en)
            if ev.waybill:
                emit(self.label_failed, ev.waybill, ev.message_zh, ev.message_en)

    def enqueue_batch(self, batch_id: str, operator: str | None) -> Future[tuple[str, int]]:
        """Queue a batch's unprinted waybills; the Future gives (run_id, count). Progress by signal."""
        return self._io.submit(self._need_queue().enqueue_batch, batch_id, operator)

    def enqueue_parcel(self, parcel_id: str, operator: str | None) -> Future[tuple[str, int]]:
        return self._io.submit(self._need_queue().enqueue_parcel, parcel_id, operator)

    def request_reprint(self, waybill: str, operator: str, reason: str) -> Future[str]:
        return self._io.submit(self._need_queue().request_reprint, waybill, operator, reason)

    def hold_print(self, run_id: str, why_zh: str = "", why_en: str = "") -> None:
        """Hold a label (stored, so a restart keeps it held) until `release_prints`: the packer
        is asked first. Does not block: the writer thread stores it."""
        if self.queue is not None:
            self.queue.hold(run_id, why_zh, why_en)

    def release_prints(self, waybills: list[str] | None = None) -> None:
        """Held labels (these, or all) print now, each once."""
        if self.queue is not None:
            self.queue.release(waybills)

    def cancel_print(self, run_id: str | None) -> Future[int]:
        return self._io.submit(self._need_queue().cancel, run_id)

    def _need_queue(self) -> Any:
        if self.queue is None:
            raise StationError(
                "No printer set: choose one in Settings", zh="未设置打印机：请在设置里选择"
            )
        return self.queue

    # -- settings-page tests ---------------------------------------------------------------
    def test_print(self) -> None:
        def run() -> None:
            p = self.printer
            if p is None:
                emit(self.test_result, "print", False, "未设置打印机", "No printer set")
                return
            try:
                from devices.printers.layout import sample_waybill

                p.print_waybill(sample_waybill("TEST0000000001"))
                emit(self.test_result, "print", True, "测试面单已发送", "Test label sent")
            except StationError as exc:
                emit(self.test_result, "print", False, exc.zh, str(exc))
            except Exception as exc:
                emit(self.test_result, "print", False, f"打印失败：{exc}", f"Print failed: {exc}")

        self._print.submit(run)

    def test_scale(self) -> None:
        def run() -> None:
            if self.scale is None:
                emit(self.test_result, "scale", False, "未接电子秤", "No scale")
                return
            g = self.last_weight_g
            if g is None:
                emit(
                    self.test_result,
                    "scale",
                    False,
                    "还没有读数：请放上物品",
                    "No reading yet: put something on it",
                )
            else:
                emit(self.test_result, "scale", True, f"重量 {g} 克", f"Weight {g} g")

        self._io.submit(run)

    def arm_test_scan(self) -> None:
        """The next scan is shown on the settings page instead of being a verdict."""
        self._test_scan_pending = True

    def take_test_scan(self, code: str, source: str) -> bool:
        if not self._test_scan_pending:
            return False
        self._test_scan_pending = False
        emit(
            self.test_result,
            "scan",
            True,
            f"扫描成功（{source}）：{code}",
            f"Scan OK ({source}): {code}",
        )
        return True

    # -- shutdown --------------------------------------------------------------------------
    def _stop_readers(self) -> None:
        for dev in (self.scanner, self.scale):
            if dev is not None:
                try:
                    dev.stop()
                except Exception:
                    logger.exception("device stop failed")
        self.scanner = self.scale = None

    def shutdown(self) -> None:
        """Stop readers and join the device threads (window close, test teardown)."""
        if self._closed:
            return
        self._closed = True
        self._status_timer.stop()
        self._print.shutdown(wait=True, cancel_futures=True)
        if self.queue is not None:
            self.queue.stop()
            self.queue = None
        self._io.submit(self._stop_readers)
        self._io.shutdown(wait=True)


def list_serial_ports() -> list[tuple[str, str]]:
    """(device, description) of serial ports, plus stable /dev/serial/by-id names (slow: call off the UI)."""
    from pathlib import Path

    out: list[tuple[str, str]] = []
    try:
        from serial.tools import list_ports

        for p in list_ports.comports():
            out.append((p.device, p.description or ""))
    except Exception as exc:
        logger.warning("listing serial ports failed: %s", exc)
    by_id = Path("/dev/serial/by-id")
    if by_id.is_dir():
        for link in sorted(by_id.iterdir()):
            out.append((str(link), "by-id"))
    return out
