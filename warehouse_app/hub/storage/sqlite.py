"""The embedded default for one warehouse: a SQLite file in WAL mode, `synchronous=FULL`.

Writes go through one connection per process with `BEGIN IMMEDIATE` (SQLite has one writer
at a time anyway, and IMMEDIATE makes several hub processes queue on the file lock instead
of failing); reads use a connection per thread, so token checks, pulls and reports never wait
behind a push.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from warehouse_app.hub.storage.base import SQLITE, Row, SqlHubStorage
from warehouse_app.hub.storage.migrations import MIGRATIONS_TABLE, migrate_in

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=30000")


class SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        cur = self.conn.execute(sql, tuple(params))
        if cur.description is not None:
            cur.fetchall()  # RETURNING/SELECT: step to the end so the statement completes
        return cur.rowcount

    def send(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.execute(sql, params)

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.conn.execute(sql, tuple(params)).fetchall()
        return rows[0] if rows else None

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.conn.execute(sql, tuple(params)).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.conn.execute(sql, tuple(params)).fetchall()
        return rows[0][0] if rows else None


class SqliteHubStorage(SqlHubStorage):
    dialect = SQLITE

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        self._conn = self._connect()
        with self._write() as tx:
            tx.execute(MIGRATIONS_TABLE)
            migrate_in(tx, self.dialect)
        self._check_restored()

    @property
    def witness_path(self) -> Path:
        return self.path.with_name(self.path.name + ".epoch")

    def _witness(self) -> None:
        epoch, head = self._head()
        try:
            old = self.witness_path.read_text().split()
            if len(old) == 2 and old[0] == epoch and int(old[1]) >= head:
                return
        except (OSError, ValueError):
            pass
        tmp = self.witness_path.with_suffix(".epoch.tmp")
        tmp.write_text(f"{epoch} {head}\n")
        tmp.replace(self.witness_path)

    def _check_restored(self) -> None:
        """The witness file beside the database remembers the highest rev handed out; a
        database file with the same epoch but a lower head is an older copy put back."""
        epoch, head = self._head()
        try:
            seen = self.witness_path.read_text().split()
            w_epoch, w_head = seen[0], int(seen[1])
        except (OSError, ValueError, IndexError):
            self._witness()
            return
        if w_epoch == epoch and w_head > head:
            self.new_epoch(
                f"{self.path} holds rev {head} but rev {w_head} was handed out: restored "
                "from a backup",
                head_at_least=w_head,
            )
        else:
            self._witness()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            str(self.path), isolation_level=None, check_same_thread=False, timeout=30
        )
        conn.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            conn.execute(pragma)
        return conn

    @contextmanager
    def _write(self) -> Iterator[SqliteTx]:
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteTx(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[SqliteTx]:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise sqlite3.ProgrammingError("hub storage is closed")
            conn = self._connect()
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        conn.execute("BEGIN")  # one snapshot for all statements of this read
        try:
            yield SqliteTx(conn)
        finally:
            conn.execute("COMMIT")

    def _is_unique_violation(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            self._conn.close()
        with self._readers_lock:
            for c in self._readers:
                try:
                    c.close()
                except sqlite3.Error:
                    pass
            self._readers.clear()
