"""PostgreSQL backend (psycopg 3 with connection pools) for a warehouse group.

Two pools per process: writers (push, import, admin) and readers (token checks, pulls,
reports), so reads never queue behind writes. Transactions run at READ COMMITTED; the rows
that must serialise are locked explicitly (`FOR UPDATE` on the station row, the rev counter
row by its UPDATE). Several hub processes may share the database.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from warehouse_app.hub.storage.base import POSTGRES, Row, SqlHubStorage, Tx
from warehouse_app.hub.storage.migrations import MIGRATIONS_TABLE, migrate_in

logger = logging.getLogger(__name__)

MIGRATION_LOCK = 0x6875625F6D6967  # pg_advisory_xact_lock key: "hub_mig"


@lru_cache(maxsize=512)
def to_pg(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (a literal % doubled first)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgTx:
    def __init__(self, cur: Any, pipeline: Any = None, send_cur: Any = None) -> None:
        self.cur = cur
        self.pipeline = pipeline  # psycopg pipeline mode (run_pipelined): `send` does not wait
        # sends on a cursor of their own: a read's fetch must never pick up a queued write's
        # result (seen once under load: "the last operation didn't produce records")
        self.send_cur = send_cur if send_cur is not None else cur

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        self.cur.execute(to_pg(sql), tuple(params))
        if self.pipeline is not None:
            self.pipeline.sync()  # the row count is only known once the result is back
        return int(self.cur.rowcount)

    def send(self, sql: str, params: Sequence[Any] = ()) -> None:
        """In pipeline mode, queued without waiting for the server (an error raises at the
        next read or at commit, and the transaction rolls back as usual)."""
        self.send_cur.execute(to_pg(sql), tuple(params))

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            self.cur.executemany(to_pg(sql), batch)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        self.cur.execute(to_pg(sql), tuple(params))
        row: Row | None = self.cur.fetchone()
        return row

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self.cur.execute(to_pg(sql), tuple(params))
        return list(self.cur.fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.cur.execute(to_pg(sql), tuple(params))
        row = self.cur.fetchone()
        return next(iter(row.values())) if row else None


def _month(text: str) -> datetime:
    d = datetime.fromisoformat(text[:10])
    return datetime(d.year, d.month, 1, tzinfo=timezone.utc)


def _next_month(d: datetime) -> datetime:
    return d.replace(year=d.year + 1, month=1) if d.month == 12 else d.replace(month=d.month + 1)


class PostgresHubStorage(SqlHubStorage):
    dialect = POSTGRES

    def __init__(
        self, url: str, *, min_size: int = 1, max_size: int = 8, read_max_size: int = 8
    ) -> None:
        super().__init__()
        import psycopg
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.url = url
        self._psycopg = psycopg
        kwargs: dict[str, Any] = {"autocommit": True, "row_factory": dict_row}
        # fail fast with a clear error if the server is not there, before building pools
        psycopg.connect(url, connect_timeout=10).close()
        self._wpool = ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            kwargs=kwargs,
            open=True,
            name="hub-write",
            timeout=30,
        )
        self._rpool = ConnectionPool(
            url,
            min_size=min_size,
            max_size=read_max_size,
            kwargs=kwargs,
            open=True,
            name="hub-read",
            timeout=30,
        )
        with self._write() as tx:
            tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            tx.execute(MIGRATIONS_TABLE)
            migrate_in(tx, self.dialect)
        self._check_restored()

    def warm_up(self, timeout_s: float = 30.0) -> None:
        """Open every pooled connection now and wait for them (a serving process): the first
        burst of stations after a start otherwise waits on new connections one by one (PG
        paced benchmark: every push over 150 ms was in the first 2 s, connections opening)."""
        for pool in (self._wpool, self._rpool):
            pool.resize(pool.max_size, pool.max_size)
            pool.wait(timeout_s)

    def _fingerprint(self) -> str:
        """What a restore changes: the database's oid (pg_restore into a new database) and
        the cluster's timeline (point-in-time recovery), when this role may read it."""
        with self._write() as tx:
            oid = tx.scalar("SELECT oid FROM pg_database WHERE datname = current_database()")
        timeline: Any = "?"
        try:
            with self._write() as tx:
                timeline = tx.scalar("SELECT timeline_id FROM pg_control_checkpoint()")
        except self._psycopg.Error:
            pass  # a managed service may not allow it: use `warehouse-hub db restored`
        return f"{oid}:{timeline}"

    def _check_restored(self) -> None:
        now = self._fingerprint()
        with self._write() as tx:
            tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            seen = tx.scalar("SELECT value FROM hub_meta WHERE key='fingerprint'")
            self._set_meta(tx, "fingerprint", now)
        if seen is not None and seen != now:
            self.new_epoch(f"database fingerprint {seen} is now {now}: restored or moved")

    @contextmanager
    def _write(self) -> Iterator[Tx]:
        with self._wpool.connection() as conn, conn.transaction(), conn.cursor() as cur:
            yield PgTx(cur)

    def run_write(self, fn: Any, *args: Any) -> Any:
        return self._retrying(lambda: super(PostgresHubStorage, self).run_write(fn, *args))

    def run_pipelined(self, fn: Any, *args: Any) -> Any:
        """run_write in psycopg's pipeline mode: `tx.send` writes go out without a round trip
        each (the ledger applies thousands of small writes per transaction)."""

        def once() -> Any:
            with (
                self._wpool.connection() as conn,
                conn.pipeline() as pipeline,
                conn.transaction(),
                conn.cursor() as cur,
                conn.cursor() as send_cur,
            ):
                return fn(PgTx(cur, pipeline, send_cur), *args)

        return self._retrying(once)

    def _retrying(self, once: Any, attempts: int = 4) -> Any:
        """A deadlock between two write functions (the ledger process applying a chunk, a
        pull renewing leases: both take ledger rows and the rev counter) rolls one back; it
        runs again, as PostgreSQL advises. fn is a pure database function, so a rerun is safe."""
        errors = self._psycopg.errors
        for attempt in range(attempts):
            try:
                return once()
            except (errors.DeadlockDetected, errors.SerializationFailure) as exc:
                if attempt == attempts - 1:
                    raise
                logger.warning("write transaction rolled back (%s); retrying", type(exc).__name__)
                time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
        raise AssertionError("unreachable")

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        # one REPEATABLE READ snapshot for all statements of this read (e.g. head + page)
        with self._rpool.connection() as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                with conn.cursor() as cur:
                    yield PgTx(cur)
            finally:
                conn.execute("COMMIT")

    def follow_events(
        self, tx: Any, after: tuple[int, int], limit: int
    ) -> tuple[list[Row], tuple[int, int], bool]:
        """Ids are handed out before commit, so `id > cursor` could skip a slow push. Instead
        the feed runs in (writing transaction, id) order and stops before the oldest
        transaction still running (the snapshot's xmin): everything older has committed or
        aborted, and anything newer gets a larger txid. No lock: pushes never wait for it."""
        # ORDER BY the column, not its text (an output column named txid would win: text
        # order puts '10' before '9', skipped events at each new digit, and sorted every
        # chunk instead of reading the (txid, id) index in order); xmin taken once
        rows = tx.all(
            f"SELECT {self._FEED_COLUMNS}, txid::text AS feed_txid FROM events "
            "WHERE (txid, id) > (?::xid8, ?) "
            "AND txid < (SELECT pg_snapshot_xmin(pg_current_snapshot())) "
            "ORDER BY events.txid, events.id LIMIT ?",
            (str(after[0]), after[1], limit),
        )
        if rows:
            return rows, (int(rows[-1]["feed_txid"]), int(rows[-1]["id"])), False
        held = tx.one(
            "SELECT 1 AS x FROM events WHERE (txid, id) > (?::xid8, ?) ORDER BY txid, id LIMIT 1",
            (str(after[0]), after[1]),
        )
        return rows, after, held is not None

    def feed_backlog(self, tx: Any, after: tuple[int, int], cap: int) -> int:
        # ORDER BY: read along the (txid, id) index. Without it the planner may pick a
        # sequential scan that, with nothing to find, reads the whole table (every pull asks)
        return int(
            tx.scalar(
                "SELECT count(*) FROM (SELECT 1 AS x FROM events WHERE (txid, id) > (?::xid8, ?) "
                "ORDER BY txid, id LIMIT ?) AS s",
                (str(after[0]), after[1], cap + 1),
            )
            or 0
        )

    def _insert_events(self, tx: Tx, rows: list[tuple[Any, ...]]) -> None:
        """COPY: one stream for the batch instead of a statement per event (a uuid clash still
        fails the UNIQUE constraint, and the push rolls back as a whole)."""
        assert isinstance(tx, PgTx)
        with tx.cur.copy(
            "COPY events (station_id, seq, uuid, type, payload, operator, created_at, "
            "received_at) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)

    def _migration_lock(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def _is_unique_violation(self, exc: Exception) -> bool:
        return isinstance(exc, self._psycopg.errors.UniqueViolation)

    def _prepare_archive(self, tx: Tx, received_before: str) -> None:
        """Monthly partitions for the months the moved rows fall into (only those)."""
        row = tx.one(
            "SELECT min(received_at) AS lo, max(received_at) AS hi FROM events "
            "WHERE received_at < ?",
            (received_before,),
        )
        if not row or not row["lo"]:
            return
        m, end = _month(str(row["lo"])), _month(str(row["hi"]))
        while m <= end:
            nxt = _next_month(m)
            name = f"events_archive_{m:%Y_%m}"
            lo, hi = m.strftime("%Y-%m-%d"), nxt.strftime("%Y-%m-%d")
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {name} PARTITION OF events_archive "
                f"FOR VALUES FROM ('{lo}') TO ('{hi}')"
            )
            m = nxt

    def drop_archive_before(self, month: str) -> list[str]:
        """Drop whole archived months before `month` (YYYY-MM): retention without a DELETE."""
        with self._write() as tx:
            names = [
                str(r["relname"])
                for r in tx.all(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events_archive'"
                )
            ]
            cut = "events_archive_" + month.replace("-", "_")
            gone = sorted(
                n for n in names if re.fullmatch(r"events_archive_\d{4}_\d{2}", n) and n < cut
            )
            for n in gone:
                tx.execute(f"DROP TABLE {n}")
        return gone

    def close(self) -> None:
        self._wpool.close()
        self._rpool.close()
