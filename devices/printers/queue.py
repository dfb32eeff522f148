"""The persistent print queue: batch printing with progress, cancel, fault hold and resume.

Jobs live in the `print_jobs` table, so a fault, a cancel or a crash never loses the place in a
batch. The rule that matters on the floor: a waybill is printed at most once unless a shift lead
asks for a reprint (its own job row and a `waybill.reprinted` event). A job whose bytes may have
reached the printer before a failure becomes `uncertain` and is never resent on its own.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.errors import DeviceError
from devices.printers.printer import Printer
from devices.printers.status import PrinterStatus
from devices.printers.transport import TransportError
from devices.printers.waybills import prepack_for_parcel, waybill_for_parcel
from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import NO_PRINT_STATES
from warehouse_app.outbox import append_event
from warehouse_app.store.tx import transaction
from warehouse_app.store.writer import StoreWriter, WriterClosed

logger = logging.getLogger(__name__)


@dataclass
class QueueEvent:
    """What the queue tells the UI / CLI: progress, a fault that holds it, resume, uncertain job."""

    kind: str  # progress | fault | resumed | uncertain | failed | skipped | cancelled | idle
    run_id: str = ""
    waybill: str = ""
    done: int = 0
    total: int = 0
    message_zh: str = ""
    message_en: str = ""
    status: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", {}, None)}


# --- DB operations (run on the writer thread) ---------------------------------------------------
_NO_PRINT = ",".join("?" * len(NO_PRINT_STATES))
_STATE_ZH = {
    "handed_off": "交接",
    "returned": "退回",
    "voided": "作废",
    "intercepted": "拦截",
    "pulled": "取出（拦截）",
}


def skip_if_left(conn: sqlite3.Connection, job: dict[str, Any]) -> str | None:
    """A queued first print whose parcel left the line since it was queued (handed off,
    returned, voided, intercepted, pulled) is cancelled, never printed; returns the state."""
    if job["kind"] != "print" or not job["parcel_id"]:
        return None
    row = conn.execute(
        "SELECT state FROM parcels WHERE parcel_id=?", (job["parcel_id"],)
    ).fetchone()
    if row is None or row[0] not in NO_PRINT_STATES:
        return None
    with transaction(conn):
        conn.execute(
            "UPDATE print_jobs SET state='cancelled', error=?, updated_at=? WHERE job_id=? "
            "AND state='queued'",
            (f"skipped: parcel {row[0]}", iso(utcnow()), job["job_id"]),
        )
    return str(row[0])


def enqueue_batch(
    conn: sqlite3.Connection, batch_id: str, printer: str, operator: str | None = None
) -> tuple[str, int]:
    """Queue every not-yet-printed waybill of a batch, in label order. Returns (run_id, queued)."""
    if conn.execute("SELECT 1 FROM batches WHERE batch_id=?", (batch_id,)).fetchone() is None:
        raise DeviceError(f"No batch {batch_id}", zh=f"没有批次 {batch_id}")
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    now = iso(utcnow())
    with transaction(conn):
        cur = conn.execute(
            "INSERT OR IGNORE INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, "
            "requested_by, created_at, updated_at) "
            "SELECT ?, ?, 'print', parcel_id, batch_id, waybill, 'queued', ?, ?, ? FROM parcels "
            "WHERE batch_id = ? AND waybill IS NOT NULL AND print_count = 0 "
            f"AND state NOT IN ({_NO_PRINT}) ORDER BY label_code",
            (run_id, printer, operator, now, now, batch_id, *NO_PRINT_STATES),
        )
        n = cur.rowcount
        # Anonymous pre-pack parcels have no waybill yet: they get their pre-pack label (its
        # label code as a barcode, scanned at verify), at most once (the print_jobs_once index:
        # the job's `waybill` column holds the label code, `reason` says 'prepack').
        cur = conn.execute(
            "INSERT OR IGNORE INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, "
            "requested_by, reason, created_at, updated_at) "
            "SELECT ?, ?, 'print', parcel_id, batch_id, label_code, 'queued', ?, 'prepack', ?, ? "
            "FROM parcels WHERE batch_id = ? AND waybill IS NULL "
            f"AND state NOT IN ({_NO_PRINT}) ORDER BY label_code",
            (run_id, printer, operator, now, now, batch_id, *NO_PRINT_STATES),
        )
        n += cur.rowcount
    logger.info("queued %d labels of batch %s on %s (%s)", n, batch_id, printer, run_id)
    return run_id, n


def enqueue_parcel(
    conn: sqlite3.Connection, parcel_id: str, printer: str, operator: str | None = None
) -> tuple[str, int]:
    """Queue one parcel's first print (after a pack/verify verdict asks for it); a no-op if it has one."""
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    now = iso(utcnow())
    with transaction(conn):
        cur = conn.execute(
            "INSERT OR IGNORE INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, "
            "requested_by, created_at, updated_at) SELECT ?, ?, 'print', parcel_id, batch_id, waybill, "
            "'queued', ?, ?, ? FROM parcels WHERE parcel_id = ? AND waybill IS NOT NULL AND print_count = 0 "
            f"AND state NOT IN ({_NO_PRINT})",
            (run_id, printer, operator, now, now, parcel_id, *NO_PRINT_STATES),
        )
    return run_id, cur.rowcount


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
        ).fetchone()
        is not None
    )


def enqueue_print_requests(
    conn: sqlite3.Connection, printer: str, operator: str | None = None
) -> tuple[str, int]:
    """Queue the open `print_requests` (new waybills after a carrier failover, from the promo area).
    Only requests whose waybill is still the parcel's current one; each is marked printed when
    its job is done."""
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    if not _has_table(conn, "print_requests"):
        return run_id, 0
    now = iso(utcnow())
    with transaction(conn):
        cur = conn.execute(
            "INSERT OR IGNORE INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, "
            "requested_by, reason, created_at, updated_at) "
            "SELECT ?, ?, 'print', p.parcel_id, p.batch_id, r.waybill, 'queued', ?, r.reason, ?, ? "
            "FROM print_requests r JOIN parcels p ON p.parcel_id = r.parcel_id AND p.waybill = r.waybill "
            f"WHERE r.printed_at IS NULL AND p.state NOT IN ({_NO_PRINT}) ORDER BY r.id",
            (run_id, printer, operator, now, now, *NO_PRINT_STATES),
        )
    return run_id, cur.rowcount


def request_reprint(
    conn: sqlite3.Connection, waybill: str, printer: str, operator: str, reason: str = ""
) -> str:
    """A shift lead's reprint: its own job and an event; anyone else is refused (zh + en)."""
    op = conn.execute(
        "SELECT role FROM operators WHERE code=? AND active=1", (operator,)
    ).fetchone()
    if op is None or op["role"] != "lead":
        logger.warning("reprint of %s refused for %s (not a lead)", waybill, operator)
        raise DeviceError("Only a shift lead can reprint a waybill.", zh="只有组长可以补打面单。")
    p = conn.execute(
        "SELECT parcel_id, batch_id FROM parcels WHERE waybill=?", (waybill,)
    ).fetchone()
    if p is None:
        raise DeviceError(f"No parcel with waybill {waybill}", zh=f"没有面单号为 {waybill} 的包裹")
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    now = iso(utcnow())
    with transaction(conn):
        conn.execute(
            "INSERT INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, requested_by, "
            "reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                run_id,
                printer,
                "reprint",
                p["parcel_id"],
                p["batch_id"],
                waybill,
                "queued",
                operator,
                reason,
                now,
                now,
            ),
        )
        append_event(
            conn,
            "waybill.reprint_requested",
            {"waybill": waybill, "parcel_id": p["parcel_id"], "reason": reason, "run_id": run_id},
            operator=operator,
            at=now,
        )
    return run_id


def cancel_jobs(conn: sqlite3.Connection, printer: str, run_id: str | None = None) -> int:
    now = iso(utcnow())
    sql = "UPDATE print_jobs SET state='cancelled', updated_at=? WHERE state='queued' AND printer=?"
    args: list[Any] = [now, printer]
    if run_id:
        sql += " AND run_id=?"
        args.append(run_id)
    with transaction(conn):
        return conn.execute(sql, args).rowcount


def run_progress(conn: sqlite3.Connection, run_id: str) -> dict[str, int]:
    rows = conn.execute(
        "SELECT state, count(*) FROM print_jobs WHERE run_id=? GROUP BY state", (run_id,)
    )
    d = {r[0]: r[1] for r in rows}
    d["total"] = sum(d.values())
    return d


def _next_job(conn: sqlite3.Connection, printer: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT * FROM print_jobs WHERE printer=? AND state='queued' ORDER BY job_id LIMIT 1",
        (printer,),
    ).fetchone()
    return dict(row) if row else None


def _set_state(
    conn: sqlite3.Connection,
    job_id: int,
    state: str,
    error: str | None = None,
    attempt: bool = False,
) -> None:
    conn.execute(
        "UPDATE print_jobs SET state=?, error=coalesce(?, error), attempts=attempts+?, updated_at=? "
        "WHERE job_id=?",
        (state, error, 1 if attempt else 0, iso(utcnow()), job_id),
    )


def _finish(conn: sqlite3.Connection, job: dict[str, Any], printer: str) -> None:
    now = iso(utcnow())
    with transaction(conn):
        conn.execute(
            "UPDATE print_jobs SET state='done', printed_at=?, updated_at=? WHERE job_id=?",
            (now, now, job["job_id"]),
        )
        if job["reason"] == "prepack":  # a pre-pack label, not the waybill: print_count stays 0
            append_event(
                conn,
                "prepack.printed",
                {
                    "label_code": job["waybill"],
                    "parcel_id": job["parcel_id"],
                    "batch_id": job["batch_id"],
                    "printer": printer,
                    "job_id": job["job_id"],
                    "run_id": job["run_id"],
                },
                operator=job["requested_by"],
                at=now,
            )
            return
        if job["parcel_id"]:
            conn.execute(
                "UPDATE parcels SET print_count = print_count + 1 WHERE parcel_id=?",
                (job["parcel_id"],),
            )
        requests: list[int] = []
        if _has_table(conn, "print_requests"):
            requests = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM print_requests WHERE waybill=? AND printed_at IS NULL",
                    (job["waybill"],),
                )
            ]
            conn.execute(
                "UPDATE print_requests SET printed_at=? WHERE waybill=? AND printed_at IS NULL",
                (now, job["waybill"]),
            )
        kind = "waybill.reprinted" if job["kind"] == "reprint" else "waybill.printed"
        append_event(
            conn,
            kind,
            {
                "waybill": job["waybill"],
                "parcel_id": job["parcel_id"],
                "batch_id": job["batch_id"],
                "printer": printer,
                "job_id": job["job_id"],
                "run_id": job["run_id"],
                "reason": job["reason"],
                **({"print_requests": requests} if requests else {}),
            },
            operator=job["requested_by"],
            at=now,
        )


def _recover(conn: sqlite3.Connection, printer: str) -> list[str]:
    """After a crash: a job caught mid-send may have printed; mark it uncertain, never resend."""
    rows = conn.execute(
        "SELECT waybill FROM print_jobs WHERE printer=? AND state='sending'", (printer,)
    ).fetchall()
    if rows:
        conn.execute(
            "UPDATE print_jobs SET state='uncertain', error='interrupted while sending', "
            "updated_at=? WHERE printer=? AND state='sending'",
            (iso(utcnow()), printer),
        )
    return [r[0] for r in rows]


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

    def _run(self) -> None:
        self._read = self.writer.store.connect()
        try:
            for wb in self.writer.call(lambda c: _with_tx(c, _recover, self.key)):
                self._emit(
                    QueueEvent(
                        "uncertain",
                        waybill=wb,
                        message_zh=f"面单 {wb} 可能未打完：请检查，需要时请组长补打",
                        message_en=f"Waybill {wb} may not have printed: check it; "
                        "a lead can reprint",
                    )
                )
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    job = self.writer.call(_next_job, self.key)
                    if job is None:
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
                self._hold(st, job)
                return
        left = self.writer.call(skip_if_left, job)
        if left is not None:
            logger.info("job %s for %s skipped: parcel %s", job["job_id"], job["waybill"], left)
            self._emit(
                QueueEvent(
                    "skipped",
                    run_id=job["run_id"],
                    waybill=job["waybill"],
                    message_zh=f"面单 {job['waybill']} 未打印：包裹已{_STATE_ZH.get(left, left)}",
                    message_en=f"Waybill {job['waybill']} not printed: parcel {left.replace('_', ' ')}",
                )
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
            self.writer.call(_set_state, job["job_id"], "failed", str(exc))
            self._emit(
                QueueEvent(
                    "failed",
                    run_id=job["run_id"],
                    waybill=job["waybill"],
                    message_zh=f"面单 {job['waybill']} 无法生成：{getattr(exc, 'zh', exc)}",
                    message_en=f"Cannot build waybill {job['waybill']}: {exc}",
                )
            )
            return
        self.writer.call(_set_state, job["job_id"], "sending", None, True)
        try:
            self.printer.send(data, job["waybill"])
        except TransportError as exc:
            if exc.sent_any:
                self.writer.call(_set_state, job["job_id"], "uncertain", str(exc))
                self._emit(
                    QueueEvent(
                        "uncertain",
                        run_id=job["run_id"],
                        waybill=job["waybill"],
                        message_zh=f"面单 {job['waybill']} 发送中断，可能未打完：请检查，需要时请组长补打",
                        message_en=f"Waybill {job['waybill']} was cut off while sending: "
                        "check it; a lead can reprint",
                    )
                )
            else:
                self.writer.call(_set_state, job["job_id"], "queued", str(exc))
                self._hold(PrinterStatus(faults=["offline"]), job)
            return
        self._clear()
        self.writer.call(_finish, job, self.key)
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


def _with_tx(conn: sqlite3.Connection, fn: Callable[..., Any], *args: Any) -> Any:
    with transaction(conn):
        return fn(conn, *args)
