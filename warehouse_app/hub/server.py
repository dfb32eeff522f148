"""Run the hub under uvicorn with the timeouts and the connection cap uvicorn lacks.

uvicorn closes idle keep-alive connections, but a connection that never sends a complete
request (an idle flood, a slowloris header trickle) or a body that trickles in is kept for
ever: 1,100 of them exhaust a 1,024-file limit and the hub stops accepting anyone. Here:

- header timeout: a connection must deliver its request head within `header_timeout_s` of
  opening (or of its previous response);
- body timeout: a request body must arrive within `body_timeout_s` of its head;
- connection cap: at most `max_connections` open; a new connection past the cap closes the
  connection that has been idle longest (a flood cannot lock out a real client), and when all
  are busy the new one is closed at once;
- the cap stays below the process's file limit, with room for the database and the accept
  batch, so `accept()` never hits EMFILE (whose asyncio traceback was the 111 MB log);
- request head size: `h11_max_incomplete_event_size`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import resource
import signal
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from warehouse_app.hub.problems import problem_body

logger = logging.getLogger(__name__)

_TIMEOUT_BODY = json.dumps(
    problem_body(
        "request_timeout", "The request body was not received in time.", "请求体发送超时。"
    ),
    ensure_ascii=False,
).encode("utf-8")
ACCEPT_BACKLOG = 128  # also the most connections asyncio accepts in one go
FD_RESERVE = 64  # database, WAL, log, thread pool, DNS...


@dataclass
class Limits:
    header_timeout_s: float = 10.0
    body_timeout_s: float = 30.0
    keep_alive_s: float = 75.0  # longer than a station's sync interval (10 s) and its backoff
    max_connections: int = 1000
    max_header_bytes: int = 16 * 1024
    sweep_interval_s: float = 0.5

    def effective_cap(self) -> int:
        """The cap, lowered to fit the open-file limit (what systemd or ulimit gave us)."""
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft == resource.RLIM_INFINITY:
            return self.max_connections
        return max(16, min(self.max_connections, soft - ACCEPT_BACKLOG - FD_RESERVE))


class _Stats:
    def __init__(self) -> None:
        self.evicted = 0
        self.refused = 0
        self.timed_out = 0
        self.last_report = time.monotonic()


def guarded_protocol(limits: Limits, cap: int, on_count: Any = None) -> type[H11Protocol]:
    """An H11Protocol subclass bound to these limits (uvicorn takes a protocol class)."""
    stats = _Stats()
    sweeping: dict[int, asyncio.TimerHandle] = {}

    class GuardedH11Protocol(H11Protocol):
        _idle_since: float
        _body_since: float | None
        _head_since: float | None  # the first byte of a request head not yet complete
        _served: bool  # answered a request: idle now means keep-alive, not a silent opener

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            now = self.loop.time()
            self._idle_since = now
            self._body_since = None
            self._head_since = None
            self._served = False
            if id(self.loop) not in sweeping:
                sweeping[id(self.loop)] = self.loop.call_later(limits.sweep_interval_s, self._sweep)
            if len(self.connections) > cap:
                victim = self._longest_idle()
                if victim is None:
                    stats.refused += 1
                    transport.close()
                else:
                    stats.evicted += 1
                    victim.transport.close()
                self._report()
            if on_count is not None:
                on_count(len(self.connections))

        def connection_lost(self, exc: Exception | None) -> None:
            super().connection_lost(exc)
            if on_count is not None:
                on_count(len(self.connections))

        def _waiting_for_head(self) -> bool:
            return self.conn.their_state is h11.IDLE and (
                self.cycle is None or self.cycle.response_complete
            )

        def _longest_idle(self) -> GuardedH11Protocol | None:
            best: GuardedH11Protocol | None = None
            for c in self.connections:
                if (
                    c is not self
                    and isinstance(c, GuardedH11Protocol)
                    and not c.transport.is_closing()
                    and c._waiting_for_head()
                    and (best is None or c._idle_since < best._idle_since)
                ):
                    best = c
            return best

        def data_received(self, data: bytes) -> None:
            before = self.conn.their_state
            super().data_received(data)
            after = self.conn.their_state
            if before is h11.IDLE and after is h11.SEND_BODY:
                self._body_since = self.loop.time()
            elif after is not h11.SEND_BODY:
                self._body_since = None
            if after is not h11.IDLE:
                self._head_since = None
            elif data and self._head_since is None and self._waiting_for_head():
                self._head_since = self.loop.time()  # a head has begun: header_timeout_s runs

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._idle_since = self.loop.time()
            self._body_since = None
            self._head_since = None
            self._served = True

        def _idle_too_long(self, now: float) -> bool:
            """A head begun and not finished, or a new connection that sent nothing, has
            header_timeout_s (a slow sender); a station's connection idle between its sync
            cycles is kept for keep_alive_s, so the next cycle needs no new connection."""
            if self._head_since is not None:
                return now - self._head_since > limits.header_timeout_s
            limit = limits.keep_alive_s if self._served else limits.header_timeout_s
            return now - self._idle_since > limit

        def _sweep(self) -> None:
            now = self.loop.time()
            for c in list(self.connections):
                if not isinstance(c, GuardedH11Protocol) or c.transport.is_closing():
                    continue
                if c._waiting_for_head() and c._idle_too_long(now):
                    stats.timed_out += 1
                    c.transport.close()
                elif c._body_since is not None and now - c._body_since > limits.body_timeout_s:
                    stats.timed_out += 1
                    c._body_since = None
                    c._request_timeout()
            self._report()
            sweeping[id(self.loop)] = self.loop.call_later(limits.sweep_interval_s, self._sweep)

        def _request_timeout(self) -> None:
            """408 if no response started yet, then close (the handler sees a disconnect)."""
            cycle = self.cycle
            if cycle is not None and not cycle.response_started:
                try:
                    body = _TIMEOUT_BODY
                    head = h11.Response(
                        status_code=408,
                        headers=[
                            (b"content-type", b"application/problem+json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"),
                        ],
                    )
                    self.transport.write(self.conn.send(head) or b"")
                    self.transport.write(self.conn.send(h11.Data(data=body)) or b"")
                    self.transport.write(self.conn.send(h11.EndOfMessage()) or b"")
                    cycle.response_started = True
                    cycle.response_complete = True
                except h11.LocalProtocolError:
                    pass
            self.transport.close()

        def _report(self) -> None:
            now = time.monotonic()
            if now - stats.last_report < 10.0:
                return
            if stats.evicted or stats.refused or stats.timed_out:
                logger.warning(
                    "connection guard: %d open (cap %d); in the last %.0f s closed %d idle for "
                    "newcomers, %d newcomers (all busy), %d over header/body timeouts",
                    len(self.connections),
                    cap,
                    now - stats.last_report,
                    stats.evicted,
                    stats.refused,
                    stats.timed_out,
                )
            stats.evicted = stats.refused = stats.timed_out = 0
            stats.last_report = now

    return GuardedH11Protocol


def _quiet_accept_errors(loop: asyncio.AbstractEventLoop) -> None:
    """asyncio logs each failed accept() with a traceback; one line per interval is enough."""
    last = [0.0]
    held = [0]

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        msg = str(context.get("message", ""))
        if "accept" in msg or isinstance(context.get("exception"), OSError):
            now = time.monotonic()
            if now - last[0] < 10.0:
                held[0] += 1
                return
            logger.error("%s: %s (%d more held back)", msg, context.get("exception"), held[0])
            last[0], held[0] = now, 0
            return
        loop.default_exception_handler(context)

    loop.set_exception_handler(handler)


def serve(
    app: Any,
    *,
    host: str,
    port: int,
    limits: Limits,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    forwarded_allow_ips: str = "127.0.0.1",
    log_level: str = "info",
    sock: socket.socket | None = None,
) -> None:
    cap = limits.effective_cap()
    metrics = getattr(getattr(app, "state", None), "metrics", None)
    on_count = metrics.connections.set if metrics is not None else None
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(limits, cap, on_count),
        ws="none",
        lifespan="off",
        timeout_keep_alive=int(max(1, limits.keep_alive_s)),
        h11_max_incomplete_event_size=limits.max_header_bytes,
        backlog=ACCEPT_BACKLOG,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        forwarded_allow_ips=forwarded_allow_ips,
        proxy_headers=True,
        log_config=None,
        log_level=log_level,
        access_log=False,
        server_header=False,
    )
    server = uvicorn.Server(config)
    logger.info(
        "hub listening on %s:%d (connection cap %d, header timeout %.0fs, body timeout %.0fs)",
        host,
        port,
        cap,
        limits.header_timeout_s,
        limits.body_timeout_s,
    )

    async def main() -> None:
        _quiet_accept_errors(asyncio.get_running_loop())
        await server.serve(sockets=[sock] if sock is not None else None)

    asyncio.run(main())


def serve_workers(
    build: Callable[[], Any], *, workers: int, host: str, port: int, **opts: Any
) -> None:
    """Pre-fork: `workers` processes accept on one listening socket, each with its own app and
    database pools built after the fork (`build()`), so pushes from different stations run in
    parallel processes; correctness is the database's. SIGTERM/SIGINT stop them all."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(ACCEPT_BACKLOG)
    sock.set_inheritable(True)
    pids: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # worker
            code = 0
            try:
                serve(build(), host=host, port=port, sock=sock, **opts)
            except BaseException:
                logger.exception("hub worker %d failed", os.getpid())
                code = 1
            os._exit(code)
        pids.append(pid)
    logger.info("hub started %d workers on %s:%d: %s", workers, host, port, pids)

    def stop(signum: int, _frame: Any) -> None:
        for p in pids:
            try:
                os.kill(p, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for p in pids:
        while True:
            try:
                os.waitpid(p, 0)
                break
            except InterruptedError:
                continue
            except ChildProcessError:
                break
    sock.close()
