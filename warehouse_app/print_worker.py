"""The print worker: batch printing with progress, cancel, fault hold and resume.

The core's half of printing (what to print, what "printed" means) beside warehouse_app.printing;
devices/ only turns a label into bytes and gets them to the printer (`Printer`). Jobs live in
the `print_jobs` table, so a fault, a cancel or a crash never loses the place in a
batch. The rule that matters on the floor: a waybill is printed at most once unless a shift lead
asks for a reprint (its own job row and a `waybill.reprinted` event). A job whose bytes may have
reached the printer before a failure becomes `uncertain` and is never resent on its own.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from devices.printers.printer import Printer
from devices.printers.status import PrinterStatus
from devices.printers.transport import TransportError
from warehouse_app.label_data import prepack_for_parcel, waybill_for_parcel
from warehouse_app.printing import (
    LEFT_STATE_ZH,
    cancel_jobs,
    enqueue_batch,
    enqueue_parcel,
    enqueue_print_requests,
    finish_job,
    held_labels,
    hold_jobs,
    job_state,
    next_job,
    recover_jobs,
    release_held,
    request_reprint,
    run_progress,
    set_job_state,
    skip_if_left,
)
from warehouse_app.store.writer import StoreWriter, WriterClosed

logger = logging.getLogger(__name__)


@dataclass
class QueueEvent:
    """What the queue tells the UI / CLI: progress, a fault that holds it, resume, uncertain job."""

    # progress | fault | resumed | held | uncertain | failed | skipped | cancelled | idle
    kind: str
    run_id: str = ""
    waybill: str = ""
    done: int = 0
    total: int = 0
    message_zh: str = ""
    message_en: str = ""
    status: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", {}, None)}


# --- the worker ---------------------------------------------------------------------------------
class PrintQueue:
    """One worker thread per printer. Callbacks run on that thread (the UI re-emits as signals)."""

    def __init__(
        self,
        writer: StoreWriter,
        printer: Printer,
        on_event: Callable[[QueueEvent], None] | None = None,
        poll_interval: float = 0.3,
        operator: str | None = None,
    ) -> None:
        self.writer = writer
        self.printer = printer
        self.key = printer.url.key
        self.on_event = on_event
        self.poll = poll_interval
        self.operator = operator
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.idle = threading.Event()
        self.fault: PrinterStatus | None = None
        self._read: sqlite3.Connection | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"print-queue-{self.key}", daemon=True
        )

    # public API (any thread) --------------------------------------------------------------
    def start(self) -> PrintQueue:
        self._thread.start()
        return self

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def hold(self, run_id: str, why_zh: str = "", why_en: str = "") -> Future[int]:
        """Hold this run's queued label (stored: a restart keeps it held) until `release`; the
        front end lists it and asks before printing. Does not wait for the writer."""
        return self.writer.submit(hold_jobs, why_zh, why_en, run_ids=[run_id])

    def release(self, waybills: list[str] | None = None) -> Future[int]:
        """Print held labels now (all of them when None), each once, on this printer."""
        fut = self.writer.submit(release_held, self.key, waybills, strict=False)
        fut.add_done_callback(lambda _f: self._wake.set())
        return fut

    def wake(self) -> None:
        """A job was queued elsewhere (the station session): look now instead of at the next poll."""
        self._wake.set()

    def enqueue_batch(self, batch_id: str, operator: str | None = None) -> tuple[str, int]:
        res = self.writer.call(enqueue_batch, batch_id, self.key, operator or self.operator)
        self._wake.set()
        return res

    def enqueue_parcel(self, parcel_id: str, operator: str | None = None) -> tuple[str, int]:
        res = self.writer.call(enqueue_parcel, parcel_id, self.key, operator or self.operator)
        self._wake.set()
        return res

    def enqueue_print_requests(self, operator: str | None = None) -> tuple[str, int]:
        res = self.writer.call(enqueue_print_requests, self.key, operator or self.operator)
        self._wake.set()
        return res

    def request_reprint(self, waybill: str, operator: str, reason: str = "") -> str:
        res = self.writer.call(request_reprint, waybill, self.key, operator, reason)
        self._wake.set()
        return res

    def cancel(self, run_id: str | None = None) -> int:
        """Cancel what is still queued; a run's `cancelled` event says how many did print."""
        n = self.writer.call(cancel_jobs, self.key, run_id)
        if run_id:
            p = self.writer.call(run_progress, run_id)
            done = p.get("done", 0)
            self._emit(
                QueueEvent(
                    "cancelled",
                    run_id=run_id,
                    done=done,
                    total=p["total"],
                    message_zh=f"已取消：已打印 {done} 张，{n} 张未打印",
                    message_en=f"Cancelled: {done} printed, {n} not printed",
                )
            )
        return n

    def progress(self, run_id: str) -> dict[str, int]:
        return self.writer.call(run_progress, run_id)

    # worker -------------------------------------------------------------------------------
    def _job_event(self, kind: str, job: dict[str, Any], zh: str, en: str) -> None:
        """Tell the front end what happened to one job's label (zh + en)."""
        self._emit(
            QueueEvent(
                kind, run_id=job["run_id"], waybill=job["waybill"], message_zh=zh, message_en=en
            )
        )

    def _emit(self, ev: QueueEvent) -> None:
        if self.on_event:
            try:
                self.on_event(ev)
            except Exception:
                logger.exception("print queue callback failed")

    def _hold(self, st: PrinterStatus, job: dict[str, Any] | None = None) -> None:
        if self.fault is None or self.fault.faults != st.faults:
            logger.warning("printer %s holds the queue: %s", self.key, st.message_en)
            run_id, done, total = "", 0, 0
            if job is not None:  # say where the run stopped: "stopped at 120 of 668"
                p = self.writer.call(run_progress, job["run_id"])
                run_id, done = job["run_id"], p.get("done", 0)
                total = p["total"] - p.get("cancelled", 0)
            self._emit(
                QueueEvent(
                    "fault",
                    run_id=run_id,
                    done=done,
                    total=total,
                    waybill=job["waybill"] if job else "",
                    message_zh=st.message_zh,
                    message_en=st.message_en,
                    status=st.to_dict(),
                )
            )
        self.fault = st
        self._stop.wait(self.poll)

    def _clear(self) -> None:
        if self.fault is not None:
            logger.info("printer %s ready again, resuming", self.key)
            self.fault = None
            self._emit(
                QueueEvent(
                    "resumed",
                    message_zh="打印机已恢复，继续打印",
                    message_en="Printer ready, resuming",
                )
            )
            n = len(self.writer.call(held_labels))
            if n:  # held labels do not print by themselves: ask again now the printer is back
                self._emit(self._held_event(n))

    def _watch_fault(self) -> None:
        """Nothing to print but the printer was faulted: look whether it is back, so the front
        end can offer the held labels (they are not retried by themselves)."""
        if self.fault is not None and self.printer.supports_status and self.printer.status().ok:
            self._clear()

    def _held_event(self, n: int) -> QueueEvent:
        return QueueEvent(
            "held",
            total=n,
            message_zh=f"{n} 张面单待打印（放在待打印区）：确认后打印"
            "（窗口 Ctrl+P，或 warehouse-station print release --all）",
            message_en=f"{n} label(s) waiting, parcels set aside: printed when confirmed "
            "(Ctrl+P in the window, or warehouse-station print release --all)",
        )

    def _hold_for_packer(
        self, job: dict[str, Any], why_zh: str, why_en: str, unchanged_since: str | None = None
    ) -> bool:
        """A verdict's label the printer did not take is held, never printed later by itself
        (stored first, then said: whoever sees the event finds the job held). False when the
        job changed since it was read (released or cancelled meanwhile): nothing held or said."""
        if not job.get("for_verdict"):
            return True  # batch runs resume by themselves where they stopped
        held = self.writer.call(
            hold_jobs, why_zh, why_en, job_ids=[job["job_id"]], unchanged_since=unchanged_since
        )
        if not held:  # a front end held it first (the fault is still news), or it was released
            return bool(self.writer.call(job_state, job["job_id"]) == "held")
        self._job_event(
            "held",
            job,
            f"面单 {job['waybill']} 未打印：{why_zh} — 包裹放待打印区",
            f"Label {job['waybill']} not printed: {why_en} — set the parcel aside",
        )
        return True

    def _run(self) -> None:
        self._read = self.writer.store.connect()
        try:
            for wb in self.writer.call(recover_jobs, self.key):
                self._emit(
                    QueueEvent(
                        "uncertain",
                        waybill=wb,
                        message_zh=f"面单 {wb} 可能未打完：请检查，需要时请组长补打",
                        message_en=f"Waybill {wb} may not have printed: check it; "
                        "a lead can reprint",
                    )
                )
            held = self.writer.call(held_labels)
            if held:  # from before a restart: still waiting for the packer's "print them"
                self._emit(self._held_event(len(held)))
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    job = self.writer.call(next_job, self.key)
                    if job is None:
                        self._watch_fault()
                        self.idle.set()
                        self._wake.wait(self.poll)
                        continue
                    self.idle.clear()
                    self._print_one(job)
                except WriterClosed:
                    logger.info("print queue %s: store closed, stopping", self.key)
                    return
                except Exception as exc:  # e.g. the DB busy: keep the queue alive, retry
                    logger.exception("print queue %s: unexpected error", self.key)
                    self._emit(
                        QueueEvent(
                            "fault",
                            message_zh=f"打印队列出错，稍后重试：{exc}",
                            message_en=f"Print queue error, retrying: {exc}",
                        )
                    )
                    self._stop.wait(max(1.0, self.poll * 5))
        except WriterClosed:
            logger.info("print queue %s: store closed before it started", self.key)
        finally:
            self._read.close()

    def _print_one(self, job: dict[str, Any]) -> None:
        if self.printer.supports_status:
            st = self.printer.status()
            if not st.ok:
                # the answer may predate a release made meanwhile: then look again, fresh
                if self._hold_for_packer(job, st.message_zh, st.message_en, job["updated_at"]):
                    self._hold(st, job)
                return
        left = self.writer.call(skip_if_left, job)
        if left is not None:
            logger.info("job %s for %s skipped: parcel %s", job["job_id"], job["waybill"], left)
            self._job_event(
                "skipped",
                job,
                f"面单 {job['waybill']} 未打印：包裹已{LEFT_STATE_ZH.get(left, left)}",
                f"Waybill {job['waybill']} not printed: parcel {left.replace('_', ' ')}",
            )
            return
        try:
            assert self._read is not None
            if job["reason"] == "prepack":
                data = self.printer.encode_prepack(prepack_for_parcel(self._read, job["parcel_id"]))
            else:
                wb = waybill_for_parcel(
                    self._read, job["parcel_id"], reprint=job["kind"] == "reprint"
                )
                data = self.printer.encode(wb)
        except Exception as exc:  # bad data for one label must not stop the batch
            logger.error("cannot build waybill %s: %s", job["waybill"], exc)
            self.writer.call(set_job_state, job["job_id"], "failed", str(exc))
            self._job_event(
                "failed",
                job,
                f"面单 {job['waybill']} 无法生成：{getattr(exc, 'zh', exc)}",
                f"Cannot build waybill {job['waybill']}: {exc}",
            )
            return
        self.writer.call(set_job_state, job["job_id"], "sending", None, True)
        try:
            self.printer.send(data, job["waybill"])
        except TransportError as exc:
            if exc.sent_any:
                self.writer.call(set_job_state, job["job_id"], "uncertain", str(exc))
                self._job_event(
                    "uncertain",
                    job,
                    f"面单 {job['waybill']} 发送中断，可能未打完：请检查，需要时请组长补打",
                    f"Waybill {job['waybill']} was cut off while sending: "
                    "check it; a lead can reprint",
                )
            else:
                self.writer.call(set_job_state, job["job_id"], "queued", str(exc))
                st = PrinterStatus(faults=["offline"])
                self._hold_for_packer(job, st.message_zh, st.message_en)
                self._hold(st, job)
            return
        self._clear()
        self.writer.call(finish_job, job, self.key)
        p = self.writer.call(run_progress, job["run_id"])
        self._emit(
            QueueEvent(
                "progress",
                run_id=job["run_id"],
                waybill=job["waybill"],
                done=p.get("done", 0),
                total=p["total"] - p.get("cancelled", 0),
            )
        )
