"""Print jobs in the station DB: what must print, what printed, and the events that say so.

The floor's rule: a waybill is printed at most once unless a shift lead asks for a reprint (its
own job row and a `waybill.reprinted` event). A job whose bytes may have reached the printer
before a failure becomes `uncertain` and is never resent on its own. Each function that changes
jobs owns its transaction; the print worker and the station session call them on the writer
thread. devices/ only turns a label into bytes and sends them.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import NO_PRINT_STATES
from warehouse_app.errors import InvalidOperation, NotFound
from warehouse_app.outbox import append_event
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)


_NO_PRINT = ",".join("?" * len(NO_PRINT_STATES))
LEFT_STATE_ZH = {
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
        raise NotFound(f"No batch {batch_id}", zh=f"没有批次 {batch_id}")
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
    """Queue one parcel's first print (after a pack/verify verdict asks for it); a no-op if it has one.

    The job is marked `for_verdict`: its parcel is in the packer's hand, so if the printer does
    not take it, it is held (`hold_jobs`) and printed only when someone asks (`release_held`)."""
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    now = iso(utcnow())
    with transaction(conn):
        cur = conn.execute(
            "INSERT OR IGNORE INTO print_jobs (run_id, printer, kind, parcel_id, batch_id, waybill, state, "
            "requested_by, created_at, updated_at, for_verdict) SELECT ?, ?, 'print', parcel_id, "
            "batch_id, waybill, 'queued', ?, ?, ?, 1 FROM parcels WHERE parcel_id = ? "
            f"AND waybill IS NOT NULL AND print_count = 0 AND state NOT IN ({_NO_PRINT})",
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
        raise InvalidOperation(
            "Only a shift lead can reprint a waybill.", zh="只有组长可以补打面单。"
        )
    p = conn.execute(
        "SELECT parcel_id, batch_id FROM parcels WHERE waybill=?", (waybill,)
    ).fetchone()
    if p is None:
        raise NotFound(f"No parcel with waybill {waybill}", zh=f"没有面单号为 {waybill} 的包裹")
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
    """Cancel what has not printed yet (queued or held) on this printer, or of one run."""
    now = iso(utcnow())
    sql = (
        "UPDATE print_jobs SET state='cancelled', updated_at=? "
        "WHERE state IN ('queued', 'held') AND printer=?"
    )
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


def next_job(conn: sqlite3.Connection, printer: str) -> dict[str, Any] | None:
    """The next queued job (held ones wait for `release_held`).

    A parcel's own label (a run of one, queued by a verdict) goes before a batch print's
    remaining labels: the packer holding that parcel must not wait for 600 batch labels."""
    row = conn.execute(
        "SELECT * FROM print_jobs p WHERE printer=? AND state='queued'"
        " AND NOT EXISTS (SELECT 1 FROM print_jobs o WHERE o.run_id = p.run_id "
        "AND o.job_id <> p.job_id) ORDER BY job_id LIMIT 1",
        (printer,),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT * FROM print_jobs WHERE printer=? AND state='queued' ORDER BY job_id LIMIT 1",
            (printer,),
        ).fetchone()
    return dict(row) if row else None


# --- labels held for the packer ("待打印面单") -------------------------------------------------
# A label a verdict asked for that the printer did not take (offline, paper out, no answer) must
# not print minutes later by itself, out of step with the parcel in hand: it is held, listed as
# waiting for its label (the window, `run --headless`, `print held`), and printed when the packer
# or a lead says so. Held is a stored state: a restart keeps the list and keeps asking.


def hold_jobs(
    conn: sqlite3.Connection,
    why_zh: str,
    why_en: str,
    *,
    run_ids: tuple[str, ...] | list[str] = (),
    job_ids: tuple[int, ...] | list[int] = (),
    unchanged_since: str | None = None,
) -> int:
    """Hold these queued jobs (by run or job id) with why; returns how many were held.
    Only queued jobs: one already sending, printed or cancelled is left as it is. With
    `unchanged_since` (the `updated_at` the caller read), a job changed since then (held and
    released meanwhile) is left too: the caller's reason may be older than the release."""
    if not run_ids and not job_ids:
        return 0
    now = iso(utcnow())
    where = []
    args: list[Any] = [now, why_zh, why_en, now]
    since = ""
    if unchanged_since is not None:
        since = " AND updated_at = ?"
    if run_ids:
        where.append(f"run_id IN ({','.join('?' * len(run_ids))})")
        args += list(run_ids)
    if job_ids:
        where.append(f"job_id IN ({','.join('?' * len(job_ids))})")
        args += list(job_ids)
    if unchanged_since is not None:
        args.append(unchanged_since)
    with transaction(conn):
        n = conn.execute(
            "UPDATE print_jobs SET state='held', held_at=?, held_zh=?, held_en=?, updated_at=? "
            f"WHERE state='queued' AND ({' OR '.join(where)}){since}",
            args,
        ).rowcount
    if n:
        logger.info("held %d label(s) for the packer: %s", n, why_en)
    return int(n)


def job_state(conn: sqlite3.Connection, job_id: int) -> str | None:
    row = conn.execute("SELECT state FROM print_jobs WHERE job_id=?", (job_id,)).fetchone()
    return str(row[0]) if row else None


def held_labels(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The labels waiting for the packer's "print them", oldest first: job, run, parcel, waybill,
    the code to find the parcel by (its label code, else the waybill), since when and why."""
    rows = conn.execute(
        "SELECT j.job_id, j.run_id, j.printer, j.parcel_id, j.waybill, j.held_at, j.held_zh, "
        "j.held_en, coalesce(p.label_code, j.waybill) AS code FROM print_jobs j "
        "LEFT JOIN parcels p ON p.parcel_id = j.parcel_id "
        "WHERE j.state='held' ORDER BY j.held_at, j.job_id"
    )
    return [dict(r) for r in rows]


def release_held(
    conn: sqlite3.Connection,
    printer: str | None,
    waybills: tuple[str, ...] | list[str] | None = None,
    *,
    strict: bool = True,
) -> int:
    """The packer or a lead asked: held labels (all, or these waybills) print now, each once, on
    `printer` (this station's printer key: the one they were held on may have been replaced;
    None keeps each on its own printer). Returns how many were released. `strict`: a named
    waybill that is not held is refused (zh + en) and nothing is released (the CLI); otherwise
    it is skipped (the window's list may lag a release made elsewhere)."""
    sql = (
        "UPDATE print_jobs SET state='queued', printer=coalesce(?, printer), updated_at=? "
        "WHERE state='held'"
    )
    args: list[Any] = [printer, iso(utcnow())]
    if waybills is not None:
        if not waybills:
            return 0
        marks = ",".join("?" * len(waybills))
        held = {
            str(r[0])
            for r in conn.execute(
                f"SELECT waybill FROM print_jobs WHERE state='held' AND waybill IN ({marks})",
                list(waybills),
            )
        }
        missing = [w for w in waybills if w not in held]
        if missing and strict:
            names = ", ".join(missing)
            raise NotFound(
                f"No held label for {names} (see `print held`)",
                zh=f"没有待打印面单 {names}（见 print held）",
            )
        sql += f" AND waybill IN ({marks})"
        args += list(waybills)
    with transaction(conn):
        n = conn.execute(sql, args).rowcount
    logger.info("released %d held label(s) to %s", n, printer)
    return int(n)


def set_job_state(
    conn: sqlite3.Connection,
    job_id: int,
    state: str,
    error: str | None = None,
    attempt: bool = False,
) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE print_jobs SET state=?, error=coalesce(?, error), attempts=attempts+?, updated_at=? "
            "WHERE job_id=?",
            (state, error, 1 if attempt else 0, iso(utcnow()), job_id),
        )


def finish_job(conn: sqlite3.Connection, job: dict[str, Any], printer: str) -> None:
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


def recover_jobs(conn: sqlite3.Connection, printer: str) -> list[str]:
    """After a crash: a job caught mid-send may have printed; mark it uncertain, never resend."""
    with transaction(conn):
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
