"""WAL checkpoints on their own thread, so a scan's commit never pays for one.

SQLite's auto-checkpoint runs inside whichever COMMIT crosses the threshold: that scan's verdict
then waits for the copy-back. The writer disables auto-checkpoint and this thread runs PASSIVE
checkpoints (which never block the writer) every `interval` seconds.
"""
from __future__ import annotations

import logging
import sqlite3
import threading

from warehouse_app.store.db import Store

logger = logging.getLogger(__name__)


class Checkpointer:
    def __init__(self, store: Store, interval: float = 0.5) -> None:
        self.store = store
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpointer", daemon=True)
        self.checkpoints = 0

    def start(self) -> "Checkpointer":
        self._thread.start()
        return self

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            conn = self.store.connect()
            while not self._stop.wait(self.interval):
                self.checkpoint(conn)
            self.checkpoint(conn)
        except sqlite3.Error as exc:  # checkpointing is housekeeping: log, never crash the station
            logger.warning("WAL checkpointer stopped: %s", exc)
        finally:
            if conn is not None:
                conn.close()

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if log > 0:
                self.checkpoints += 1
        except sqlite3.OperationalError as exc:
            logger.debug("checkpoint skipped: %s", exc)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
