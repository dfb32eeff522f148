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


@migrations(name="0002_print_jobs_held")
def m0002_print_jobs_held(db) -> None:  # type: ignore[no-untyped-def]
    """A `held` job state that survives a restart: a label a verdict asked for that the printer
    did not take waits for the packer's "print them" instead of printing minutes later by itself.
    `for_verdict` marks such labels (the parcel is in the packer's hand); `held_at`,
    `held_zh`/`held_en` say since when and why. SQLite cannot change a CHECK: the table is rebuilt
    (same rows, ids and AUTOINCREMENT counter), inside this migration's transaction."""
    cols = (
        "job_id, run_id, printer, kind, parcel_id, batch_id, waybill, state, attempts, error, "
        "requested_by, reason, created_at, printed_at, updated_at"
    )
    row = db.execute("SELECT seq FROM sqlite_sequence WHERE name='print_jobs'").fetchone()
    for stmt in (
        """CREATE TABLE print_jobs_new (
            job_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL,
            printer TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('print', 'reprint', 'test')),
            parcel_id TEXT, batch_id TEXT, waybill TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'held', 'sending', 'done', 'uncertain',
                                                 'cancelled', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0, error TEXT,
            requested_by TEXT, reason TEXT,
            created_at TEXT NOT NULL, printed_at TEXT, updated_at TEXT NOT NULL,
            for_verdict INTEGER NOT NULL DEFAULT 0,
            held_at TEXT, held_zh TEXT, held_en TEXT)""",
        f"INSERT INTO print_jobs_new ({cols}) SELECT {cols} FROM print_jobs",
        "DROP TABLE print_jobs",
        "ALTER TABLE print_jobs_new RENAME TO print_jobs",
        "CREATE UNIQUE INDEX print_jobs_once ON print_jobs(waybill) "
        "WHERE kind = 'print' AND state != 'cancelled'",
        "CREATE INDEX print_jobs_queue ON print_jobs(printer, state, job_id)",
        "CREATE INDEX print_jobs_run ON print_jobs(run_id, state)",
        "CREATE INDEX print_jobs_held ON print_jobs(state) WHERE state = 'held'",
    ):
        db.execute(stmt)
    if row is not None:  # ids are never reused, even of rows deleted before the rebuild
        db.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'print_jobs', 0 WHERE NOT EXISTS "
            "(SELECT 1 FROM sqlite_sequence WHERE name = 'print_jobs')"
        )
        db.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'print_jobs'", (row[0],)
        )
