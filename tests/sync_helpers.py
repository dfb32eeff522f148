"""Real hub processes, a fault-injecting TCP proxy and station fixtures for the sync tests.

The hub is `python -m warehouse_app.hub.cli serve` on a free loopback port; the station is a
real SQLite file with the real writer thread. Waits poll a condition, never sleep blindly.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from warehouse_app.hub.storage import SqlHubStorage, hash_token, open_storage
from warehouse_app.outbox import append_event
from warehouse_app.store import open_store
from warehouse_app.store.db import Store
from warehouse_app.store.tx import transaction
from warehouse_app.store.writer import StoreWriter
from warehouse_app.sync import SyncService, save_config

WAIT_S = 60.0  # generous: CI machines are shared and slow; a pass never waits this long


def wait_for(
    cond: Callable[[], Any],
    timeout: float = WAIT_S,
    interval: float = 0.02,
    what: str = "condition",
) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hub:
    """A real `warehouse-hub serve` process with test faults enabled."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        *,
        tls: tuple[Path, Path] | None = None,
        faults: bool = True,
        database_url: str | None = None,
        pg: Any = None,
        extra_args: list[str] | None = None,
        env: dict[str, str] | None = None,
        nofile: int | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.database_url = database_url  # None: SQLite in data_dir/hub.db
        self.pg = pg  # the tests.pg_server.PgServer holding database_url
        self.extra_args = list(extra_args or [])
        self.extra_env = dict(env or {})
        self.nofile = nofile  # RLIMIT_NOFILE for the hub process (attack tests)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.tls = tls
        self.faults = faults
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "hub-stderr.log"
        self._storage: SqlHubStorage | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def db_args(self) -> list[str]:
        """How CLI commands address this hub's database."""
        if self.database_url:
            return ["--database-url", self.database_url]
        return ["--data-dir", str(self.data_dir)]

    def start(self) -> Hub:
        env = dict(os.environ)
        env.update(self.extra_env)
        if self.faults:
            env["WAREHOUSE_HUB_TEST_FAULTS"] = "1"
        cmd = [
            sys.executable,
            "-m",
            "warehouse_app.hub.cli",
            "serve",
            *self.db_args(),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        cmd += self.extra_args
        if self.tls:
            cmd += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        log = open(self.log_path, "ab")
        nofile = self.nofile

        def limit_files() -> None:
            if nofile is not None:
                import resource

                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.proc = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=log, preexec_fn=limit_files if nofile else None
        )
        log.close()
        wait_for(self._ready, what=f"hub on port {self.port}")
        return self

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"hub exited: {self.log_path.read_text(errors='replace')[-2000:]}")
        try:
            verify: Any = ssl.create_default_context(cafile=str(self.tls[0])) if self.tls else True
            return (
                httpx.get(self.url + "/api/v1/health", timeout=1.0, verify=verify).status_code
                == 200
            )
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush: what a power cut does to the hub process."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None
        if self._storage is not None:
            self._storage.close()
            self._storage = None

    @property
    def storage(self) -> SqlHubStorage:
        """The hub's own database, opened directly (WAL / PostgreSQL let us read while it
        serves)."""
        if self._storage is None:
            self._storage = open_storage(self.database_url or self.data_dir)
        return self._storage

    def close_storage(self) -> None:
        if self._storage is not None:
            self._storage.close()
            self._storage = None

    def backup(self, dest: Path) -> None:
        """A consistent backup while the hub serves (SQLite online backup / pg_dump)."""
        if self.database_url:
            self.pg.dump(self.database_url.rsplit("/", 1)[1], dest)
            return
        src = sqlite3.connect(self.data_dir / "hub.db")
        dst = sqlite3.connect(dest)
        src.backup(dst)
        src.close()
        dst.close()

    def restore(self, backup: Path) -> None:
        """Put a backup back in place of the live database (the hub must be stopped)."""
        assert self.proc is None, "stop the hub before restoring"
        self.close_storage()
        if self.database_url:
            self.pg.restore(backup, self.database_url.rsplit("/", 1)[1])
            return
        for suffix in ("-wal", "-shm"):
            (self.data_dir / f"hub.db{suffix}").unlink(missing_ok=True)
        shutil.copy(backup, self.data_dir / "hub.db")

    def add_station(self, station_id: str) -> str:
        token = f"tok-{station_id}-{os.urandom(8).hex()}"
        self.storage.add_station(station_id, hash_token(token))
        return token

    def set_faults(self, **faults: Any) -> None:
        r = httpx.post(self.url + "/api/v1/_test/faults", json=faults, timeout=10)
        r.raise_for_status()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")


class FaultProxy:
    """Loopback TCP proxy: can drop a connection after the hub answered (so the hub committed
    but the station never hears it), or refuse connections outright."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.drop_responses = 0
        self.refuse = False
        self.dropped = 0
        self.accepted = 0  # connections the station opened through the proxy
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = int(self._sock.getsockname()[1])
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        t = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        t.start()
        self._threads.append(t)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            if self.refuse:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._conns += [client, upstream]
            for src, dst, resp in ((client, upstream, False), (upstream, client, True)):
                t = threading.Thread(target=self._pump, args=(src, dst, resp), daemon=True)
                t.start()
                self._threads.append(t)

    def _pump(self, src: socket.socket, dst: socket.socket, is_response: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if is_response:
                    with self._lock:
                        drop = self.drop_responses > 0
                        if drop:
                            self.drop_responses -= 1
                            self.dropped += 1
                    if drop:
                        break  # the hub answered; the station never hears it
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        with self._lock:
            for c in self._conns:
                try:
                    c.close()
                except OSError:
                    pass
        for t in self._threads:
            t.join(5)


class Station:
    """A real station DB file + writer thread, initialised with a station id."""

    def __init__(self, path: Path, station_id: str = "ST1") -> None:
        from warehouse_app.station import init_station

        self.store: Store = open_store(path)
        self.writer = StoreWriter(self.store)
        self.station_id = station_id
        self.writer.call(_in_tx(init_station), station_id)
        self.services: list[SyncService] = []

    def configure(self, url: str, token: str, ca_file: str | None = None) -> None:
        self.writer.call(save_config, url, token, ca_file)

    def service(self, **kw: Any) -> SyncService:
        opts: dict[str, Any] = {
            "interval_s": 0.2,
            "backoff_base_s": 0.05,
            "backoff_max_s": 0.5,
            "timeout_s": 5.0,
            "connect_timeout_s": 2.0,
        }
        opts.update(kw)
        svc = SyncService(self.store, self.writer, **opts)
        self.services.append(svc)
        return svc

    def add_events(self, n: int, *, at: str | None = None, chunk: int = 5000) -> None:
        def run(conn: Any, k: int, start: int) -> None:
            with transaction(conn):
                for i in range(k):
                    append_event(conn, "test.event", {"i": start + i}, operator="P1", at=at)

        done = 0
        while done < n:
            k = min(chunk, n - done)
            self.writer.call(run, k, done)
            done += k

    def events(self) -> list[tuple[int, str]]:
        conn = self.store.connect(readonly=True)
        try:
            return [(r[0], r[1]) for r in conn.execute("SELECT seq, uuid FROM events ORDER BY seq")]
        finally:
            conn.close()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        conn = self.store.connect(readonly=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def close(self) -> None:
        for svc in self.services:
            svc.stop()
        self.writer.close()


def _in_tx(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(conn: Any, *args: Any) -> Any:
        with transaction(conn):
            return fn(conn, *args)

    return run


def outbox_event(seq: int, type_: str = "test.event", **payload: Any) -> dict[str, Any]:
    """One event as a station's outbox pushes it (a fresh uuid each call)."""
    return {
        "seq": seq,
        "uuid": str(uuid.uuid4()),
        "type": type_,
        "payload": payload or {"n": seq},
        "operator": "P1",
        "created_at": "2026-11-11T12:30:00.000Z",
    }


def hub_events(hub: Hub, station_id: str) -> list[tuple[int, str]]:
    return [(e["seq"], e["uuid"]) for e in hub.storage.events(station_id, 0, 10**9)]


def assert_exactly_once(hub: Hub, station: Station) -> None:
    """The hub holds every station event once, in seq order, and nothing else of this station."""
    got = hub_events(hub, station.station_id)
    want = station.events()
    assert len(got) == len(set(u for _, u in got)), "duplicate uuids on the hub"
    assert got == want


def drained(station: Station, svc: SyncService | None = None) -> bool:
    row = station.query("SELECT acked_seq FROM sync_state")[0]
    return bool(station.query("SELECT count(*) FROM events WHERE seq > ?", (row[0],))[0][0] == 0)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


# -- fixtures (import them into a test module to use them) ---------------------------------
import pytest

HUB_BACKENDS = ["sqlite", "postgresql"]


def hub_database(request: pytest.FixtureRequest, backend: str) -> tuple[str | None, Any, Any]:
    """(database URL, cleanup, server) for a backend: SQLite needs nothing; PostgreSQL gets a
    fresh database on the session's server."""
    if backend == "sqlite":
        return None, lambda: None, None
    pg = request.getfixturevalue("pg_server")
    name = pg.create_db()
    return pg.url(name), lambda: pg.drop_db(name), pg


@pytest.fixture
def hub(tmp_path: Path, hub_url: tuple[str | None, Any]) -> Any:
    h = Hub(tmp_path / "hub", database_url=hub_url[0], pg=hub_url[1]).start()
    yield h
    h.stop()


@pytest.fixture
def station(tmp_path: Path) -> Any:
    s = Station(tmp_path / "station.db")
    yield s
    s.close()


@pytest.fixture
def linked(hub: Hub, station: Station) -> tuple[Hub, Station]:
    station.configure(hub.url, hub.add_station(station.station_id))
    return hub, station
