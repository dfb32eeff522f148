"""Opening the station DB: pragmas, migrations and clear errors for missing/locked/corrupt files."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from warehouse_app.errors import StoreError

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration may be needed
    import sqlite_utils

logger = logging.getLogger(__name__)

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # an acknowledged scan survives power loss
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the station pragmas; autocommit mode, callers use BEGIN IMMEDIATE."""
    p = Path(path)
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{p}?mode=ro",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=5,
            )
        else:
            conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False, timeout=5)
        conn.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            if readonly and "journal_mode" in pragma:
                continue
            conn.execute(pragma)
        return conn
    except sqlite3.DatabaseError as exc:
        raise explain(exc, p) from exc


def explain(exc: sqlite3.Error, path: Path) -> StoreError:
    """Turn a sqlite3 error into a message a person can act on (and log it for IT)."""
    text = str(exc).lower()
    logger.error("database error on %s: %s", path, exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The station database {path} is locked by another program (is a second station window open?). "
            "Close it and try again.",
            zh=f"站点数据库 {path} 被其他程序占用（是否开了两个站点窗口？），请关闭后重试。",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"The station database {path} is damaged. Keep the file for IT and restore from the hub "
            "or a backup; do not delete it.",
            zh=f"站点数据库 {path} 已损坏。请保留该文件交给 IT，从上游或备份恢复，不要删除。",
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreError(
            f"Cannot open the station database {path}: check that the folder exists and is writable.",
            zh=f"无法打开站点数据库 {path}：请检查目录是否存在且可写。",
        )
    return StoreError(f"Database error on {path}: {exc}", zh=f"数据库错误（{path}）：{exc}")


class Store:
    """A station DB file. Hold one per process; writes go through `StoreWriter`."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def connect(self, readonly: bool = False) -> sqlite3.Connection:
        return connect(self.path, readonly=readonly)

    def db(self, conn: sqlite3.Connection | None = None) -> sqlite_utils.Database:
        import sqlite_utils

        return sqlite_utils.Database(conn or self.connect())

    def station_id(self, conn: sqlite3.Connection | None = None) -> str | None:
        c = conn or self.connect()
        row = c.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()
        return row[0] if row else None


def open_store(path: Path | str, create: bool = True, migrate: bool = True) -> Store:
    """Open (and by default create and migrate) the station DB, translating failures to StoreError."""
    p = Path(path)
    if not p.exists() and not create:
        raise StoreError(
            f"No station database at {p}. Run `warehouse-station init --station-id ID` first "
            "(or pass the right --data-dir).",
            zh=f"{p} 没有站点数据库。请先运行 `warehouse-station init --station-id ID`（或指定正确的 --data-dir）。",
        )
    from warehouse_app.paths import create_private, private_db_files

    try:
        p.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the data folder {p.parent}: {exc}",
            zh=f"无法创建数据目录 {p.parent}：{exc}",
        ) from exc
    try:
        create_private(p)  # an empty file is an empty SQLite DB: private before any data
    except OSError as exc:  # SQLite's own open below gives the clear message
        logger.debug("could not pre-create %s: %s", p, exc)
    store = Store(p)
    conn = store.connect()
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        private_db_files(p)  # also a DB made before this rule (0644), and its -wal/-shm
        fingerprint = schema_fingerprint()
        if (
            migrate
            and fingerprint is not None
            and _stored_fingerprint(conn) == _mark(conn, fingerprint)
        ):
            return store  # migrated by exactly these migrations: nothing to check or apply
        from warehouse_app.store.migrations import (
            applied_count,
            apply_all,
            pending,
            unknown_applied,
        )

        newer = unknown_applied(conn)
        if newer:
            raise newer_db_error(p, newer)
        if migrate:
            todo = pending(conn)
            if todo and applied_count(conn) > 0:
                backup_before_migration(conn, p, todo)
            apply_all(conn)
            if fingerprint is not None:
                conn.execute("CREATE TABLE IF NOT EXISTS _schema_fingerprint (value TEXT)")
                conn.execute("DELETE FROM _schema_fingerprint")
                conn.execute(
                    "INSERT INTO _schema_fingerprint (value) VALUES (?)",
                    (_mark(conn, fingerprint),),
                )
    except sqlite3.DatabaseError as exc:
        raise explain(exc, p) from exc
    finally:
        conn.close()
    return store


def schema_fingerprint() -> str | None:
    """A hash of the migration sources. A DB that records the same hash was migrated by exactly
    this code, so opening it needs neither sqlite-utils (~13 MB resident with its dependencies,
    kept for the station's life) nor the migration checks. None where the sources are not files
    (a frozen build): then every open checks, as before."""
    import hashlib

    folder = Path(__file__).resolve().parent / "migrations"
    files = sorted(folder.glob("*.py"))
    if not files:
        return None
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _mark(conn: sqlite3.Connection, fingerprint: str) -> str:
    """The fingerprint with the number of migrations applied: a newer app that added one (and
    would record its own fingerprint) never matches, so the full check refuses its database."""
    try:
        n = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    except sqlite3.OperationalError:
        n = 0
    return f"{fingerprint}:{n}"


def _stored_fingerprint(conn: sqlite3.Connection) -> str | None:
    try:
        # its own table, beside sqlite-utils' _sqlite_migrations: station data tables stay as they were
        row = conn.execute("SELECT value FROM _schema_fingerprint").fetchone()
    except sqlite3.OperationalError:  # not there yet: a new database, or one from before it
        return None
    return str(row[0]) if row else None


BACKUP_KEEP = 5  # backups kept per station; older ones are removed after a new one is made


def newer_db_error(path: Path, newer: list[str]) -> StoreError:
    from warehouse_app import __version__

    logger.error("%s was written by a newer app (unknown migrations %s)", path, newer)
    shown = ", ".join(newer[:5]) + (" …" if len(newer) > 5 else "")
    return StoreError(
        f"The station database {path} was written by a newer version of the app ({shown}); "
        f"this is version {__version__}. Install that version or a newer one; the database was "
        "left unchanged.",
        zh=f"站点数据库 {path} 来自更新版本的程序（{shown}），当前版本 {__version__} 无法打开。"
        "请安装该版本或更新的版本；数据库未做任何改动。",
    )


def backups_dir(path: Path) -> Path:
    return Path(path).parent / "backups"


def backup_before_migration(conn: sqlite3.Connection, path: Path, todo: list[str]) -> Path:
    """Copy the DB with SQLite's online backup (consistent even with WAL readers) before the
    schema changes, and keep the last BACKUP_KEEP copies: a failed or unwanted upgrade can be
    undone by putting the copy back."""
    import time

    from warehouse_app import __version__

    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    dest = folder / f"{Path(path).stem}-{stamp}-before-{__version__}.db"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{Path(path).stem}-{stamp}-{n}-before-{__version__}.db"
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
    finally:
        target.close()
    from warehouse_app.paths import make_private

    make_private(dest)  # recipients' data: as private as the station DB itself
    logger.warning(
        "backed up %s to %s before %d migration(s): %s", path, dest, len(todo), ", ".join(todo)
    )
    old = sorted(folder.glob(f"{Path(path).stem}-*-before-*.db"), key=lambda q: q.stat().st_mtime)
    for stale in old[:-BACKUP_KEEP]:
        try:
            stale.unlink()
        except OSError as exc:
            logger.warning("could not remove old backup %s: %s", stale, exc)
    return dest
