"""The one thread that writes the station DB (Anki's single-worker collection executor).

Everything that changes state - scans, imports, batch and handoff commands, sync bookkeeping -
is submitted here, so SQLite never sees two writers from this process and callers (UI, device
readers, sync) just get a Future back.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from warehouse_app.store.db import Store

logger = logging.getLogger(__name__)
T = TypeVar("T")


class WriterClosed(RuntimeError):
    """The writer was closed: long-lived callers (print queue, sync) take it as their stop signal."""


class StoreWriter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._local = threading.local()
        self._conn: sqlite3.Connection | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        # Open the connection on the writer thread itself.
        self._executor.submit(self._open).result()

    def _open(self) -> None:
        self._conn = self.store.connect()

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Run fn(conn, *args, **kwargs) on the writer thread."""

        def run() -> T:
            if self._conn is None:
                raise WriterClosed("the station store writer is closed")
            return fn(self._conn, *args, **kwargs)

        try:
            return self._executor.submit(run)
        except RuntimeError as exc:  # executor shut down
            raise WriterClosed("the station store writer is closed") from exc

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Blocking submit, for CLI and tests. Never call from the Qt UI thread."""
        return self.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        try:
            self._executor.submit(_close).result(timeout=10)
        except RuntimeError:
            pass  # already shut down
        self._executor.shutdown(wait=True)

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
