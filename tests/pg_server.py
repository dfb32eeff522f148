"""A real, throw-away PostgreSQL server (Debian's postgresql package) for the hub tests.

initdb + postgres in a temp dir on a free loopback port, trust auth for the loopback only.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (runuser).
Durability settings are off: the tests kill hub processes, never the database server.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

REQUIRE_ENV = "WAREHOUSE_TEST_REQUIRE_POSTGRES"


def pg_bin_dir() -> Path | None:
    """The newest installed server's bin dir (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, bindir: Path, root: Path, port: int, *, durable: bool = False) -> None:
        self.bindir = bindir
        self.root = root
        self.port = port
        self.durable = durable
        self.user = "hub"
        self._as_root = os.geteuid() == 0

    @classmethod
    def start(cls, *, durable: bool = False) -> PgServer:
        bindir = pg_bin_dir()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL server binaries not found (apt install postgresql)")
        # not under pytest's tmp dir: that is root-only, and the server runs as `postgres`
        root = Path(tempfile.mkdtemp(prefix="hub-pg-"))
        srv = cls(bindir, root, _free_port(), durable=durable)
        srv._start()
        return srv

    def _run(self, args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        cmd = ["runuser", "-u", "postgres", "--", *args] if self._as_root else args
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120, **kw)  # type: ignore[call-overload,no-any-return]

    def _start(self) -> None:
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")
        data = self.root / "data"
        self._run(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                self.user,
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        opts = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={self.root}",
            "-c max_connections=300",
            "-c shared_buffers=128MB",
        ]
        if not self.durable:
            opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(self.root / "server.log"),
                "-o",
                " ".join(opts),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(sql)  # type: ignore[arg-type]

    def create_db(self, name: str | None = None) -> str:
        name = name or f"hub_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_db(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def dump(self, name: str, path: Path) -> None:
        subprocess.run(
            [str(self.bindir / "pg_dump"), "-Fc", "-f", str(path), self.url(name)],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def restore(self, path: Path, name: str) -> None:
        """Restore a dump into a fresh database `name` (dropped first if it exists)."""
        self.drop_db(name)
        self.create_db(name)
        subprocess.run(
            [str(self.bindir / "pg_restore"), "-d", self.url(name), str(path)],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def stop(self) -> None:
        try:
            self._run(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.root / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ]
            )
        except subprocess.CalledProcessError:
            pass
        for _ in range(50):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.1)
