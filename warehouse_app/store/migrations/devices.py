"""Schema owned by the devices area. Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

migrations = Migrations("station-devices")


@migrations(name="0001_print_jobs")
def m0001_print_jobs(db) -> None:  # type: ignore[no-untyped-def]
    """The persistent print queue: a batch print resumes after a fault or a crash, and a waybill
    gets at most one ordinary print job (the partial unique index); reprints are separate rows."""
    for stmt in (
        """CREATE TABLE print_jobs (
            job_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL,
            printer TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('print', 'reprint', 'test')),
            parcel_id TEXT, batch_id TEXT, waybill TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'uncertain',
                                                 'cancelled', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0, error TEXT,
            requested_by TEXT, reason TEXT,
            created_at TEXT NOT NULL, printed_at TEXT, updated_at TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX print_jobs_once ON print_jobs(waybill) "
        "WHERE kind = 'print' AND state != 'cancelled'",
        "CREATE INDEX print_jobs_queue ON print_jobs(printer, state, job_id)",
        "CREATE INDEX print_jobs_run ON print_jobs(run_id, state)",
    ):
        db.execute(stmt)
