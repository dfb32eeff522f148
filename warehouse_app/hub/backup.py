"""`warehouse-hub backup` / `restore`.

SQLite: the online backup API copies a consistent snapshot while the hub serves (copying the
file alone misses what still sits in hub.db-wal). PostgreSQL: `pg_dump -Fc` / `pg_restore`;
for point-in-time recovery use PostgreSQL's own WAL archiving (see deploy/README.md).
After a restore, stations that had pushed more than the backup holds are told so on their next
push (409 with the hub's acked seq) and re-send: nothing a station holds is lost.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


def _check_hub_file(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StationError(
            f"{path} is not a readable SQLite database: {exc}",
            zh=f"{path} 不是可读取的 SQLite 数据库：{exc}",
        ) from exc
    if ok != "ok":
        raise StationError(f"{path} is damaged: {ok}", zh=f"{path} 已损坏：{ok}")
    if not {"stations", "events"} <= tables:
        raise StationError(
            f"{path} is not a hub database (no stations/events tables).",
            zh=f"{path} 不是上游数据库（缺少 stations/events 表）。",
        )


def backup_sqlite(db: Path, dest: Path) -> int:
    """Consistent copy of a live hub DB; returns its size in bytes."""
    if not db.is_file():
        raise StationError(f"No hub database at {db}.", zh=f"没有上游数据库 {db}。")
    if dest.exists():
        raise StationError(
            f"{dest} exists already; choose a new file name.", zh=f"{dest} 已存在，请换一个文件名。"
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    src = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    out = sqlite3.connect(str(tmp))
    try:
        src.backup(out, pages=1024)  # in steps: the serving hub keeps writing between them
    finally:
        out.close()
        src.close()
    os.chmod(tmp, 0o600)
    _check_hub_file(tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    tmp.replace(dest)
    logger.info("hub backup of %s written to %s", db, dest)
    return dest.stat().st_size


def restore_sqlite(db: Path, source: Path) -> Path | None:
    """Replace the hub DB with a backup (hub stopped). The current file is kept aside; returns
    where."""
    _check_hub_file(source)
    db.parent.mkdir(parents=True, exist_ok=True)
    # a hub stopped a moment ago may still be closing: its ledger process (which holds the lock
    # too) ends after its current chunk, so wait a little before saying it is running
    with serve_lock(db.parent, exclusive=True, wait_s=5.0) as free:
        if not free:
            raise StationError(
                f"The hub on {db.parent} is running: stop it before restoring.",
                zh=f"{db.parent} 的上游服务正在运行：请先停止再恢复。",
            )
        return _swap_in(db, source)


@contextlib.contextmanager
def serve_lock(data_dir: Path, *, exclusive: bool = False, wait_s: float = 0.0) -> Iterator[bool]:
    """`serve` holds this shared for its lifetime (and so does its ledger process); restore
    takes it exclusive, trying for up to `wait_s` seconds (or says no)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    f = open(data_dir / "hub.serve.lock", "a+b")
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                import fcntl

                mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
                fcntl.flock(f.fileno(), mode | fcntl.LOCK_NB)
                got = True
            except ImportError:  # not on Linux: no guard
                got = True
            except OSError:
                got = False
            if got or time.monotonic() >= deadline:
                break
            time.sleep(0.2)
        yield got
    finally:
        f.close()


def _swap_in(db: Path, source: Path) -> Path | None:
    kept: Path | None = None
    tmp = db.with_name(db.name + ".restoring")
    shutil.copyfile(source, tmp)
    os.chmod(tmp, 0o600)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    if db.exists():
        kept = db.with_name(f"{db.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
        db.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix) if kept else side)
    tmp.replace(db)
    logger.warning("hub database %s restored from %s (previous kept as %s)", db, source, kept)
    return kept


def backup_postgres(url: str, dest: Path) -> int:
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dest}", url], "pg_dump")
    return dest.stat().st_size


def restore_postgres(url: str, source: Path) -> None:
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={url}", str(source)],
        "pg_restore",
    )


def _run(cmd: list[str], tool: str) -> None:
    if shutil.which(tool) is None:
        raise StationError(
            f"{tool} is not installed (install the PostgreSQL client tools).",
            zh=f"未安装 {tool}（请安装 PostgreSQL 客户端工具）。",
        )
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise StationError(
            f"{tool} failed: {r.stderr.strip()[-500:]}",
            zh=f"{tool} 失败：{r.stderr.strip()[-500:]}",
        )
