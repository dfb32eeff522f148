"""Operations plumbing for the hub: request ids, JSON logs, Prometheus metrics, the auth
failure limiter and the guard middleware that checks size, rate and token before any handler.

The guard is a plain ASGI middleware (no BaseHTTPMiddleware): it refuses a too-large body from
its Content-Length before reading a byte of it, and a caller without a valid token before the
body or query is parsed, so neither costs the hub memory or a database write.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import threading
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from warehouse_app.hub.problems import HubProblem, problem_body

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_RID_OK = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


# -- logs -------------------------------------------------------------------------------------
class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, request_id (+ exc for real errors)."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or REQUEST_ID.get()
        if rid:
            out["request_id"] = rid
        for key in ("client", "method", "path", "status", "duration_ms", "station", "code"):
            if hasattr(record, key):
                out[key] = getattr(record, key)
        if record.exc_info and record.exc_info[0] is not None:
            out["exc"] = "".join(traceback.format_exception(*record.exc_info))[-4000:]
        return json.dumps(out, ensure_ascii=False, default=str)


class RepeatFilter(logging.Filter):
    """Lets a message template through once per `interval_s` per logger, then one line counting
    what was held back: floods (bad requests, accept errors) cannot grow the log."""

    def __init__(self, interval_s: float = 10.0, names: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.interval_s = interval_s
        self.names = names
        self._seen: dict[tuple[str, str], tuple[float, int]] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.names and not record.name.startswith(self.names):
            return True
        key = (record.name, str(record.msg))
        now = time.monotonic()
        with self._lock:
            last, held = self._seen.get(key, (0.0, 0))
            if now - last < self.interval_s:
                self._seen[key] = (last, held + 1)
                return False
            self._seen[key] = (now, 0)
            if len(self._seen) > 1000:
                self._seen.clear()
        record.exc_info = None  # a flood's traceback says nothing the first line doesn't
        record.exc_text = None
        if held:
            record.msg = f"{record.msg} ({held} similar held back in {self.interval_s:.0f}s)"
        return True


def configure_logging(fmt: str = "json", level: str = "info") -> None:
    """The hub's logging, once per process: stderr, JSON (default) or text."""
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RepeatFilter(10.0, names=("uvicorn", "asyncio", "warehouse_app.hub.server")))
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers = []
        lg.propagate = True
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)


# -- auth failures per client address ---------------------------------------------------------
@dataclass
class _Slot:
    window_start: float
    failures: int = 0
    blocked_until: float = 0.0
    held: int = 0


class AuthLimiter:
    """At most `limit` failed authentications per `window_s` from one address; past that the
    address is refused (429) for `block_s`, valid token or not (no oracle for a guesser)."""

    def __init__(self, limit: int = 20, window_s: float = 60.0, block_s: float = 60.0) -> None:
        self.limit, self.window_s, self.block_s = limit, window_s, block_s
        self._slots: dict[str, _Slot] = {}
        self._lock = threading.Lock()

    def blocked_for(self, addr: str) -> float:
        now = time.monotonic()
        with self._lock:
            slot = self._slots.get(addr)
            if slot is None or slot.blocked_until <= now:
                return 0.0
            slot.held += 1
            return slot.blocked_until - now

    def fail(self, addr: str) -> bool:
        """Count one failure; True when this one blocks the address (log that, once)."""
        now = time.monotonic()
        with self._lock:
            if len(self._slots) > 10_000:  # bounded memory under a spread-out attack
                self._slots = {a: s for a, s in self._slots.items() if s.blocked_until > now}
            slot = self._slots.get(addr)
            if slot is None or now - slot.window_start > self.window_s:
                slot = self._slots[addr] = _Slot(now)
            slot.failures += 1
            if slot.failures >= self.limit and slot.blocked_until <= now:
                slot.blocked_until = now + self.block_s
                return True
            return False


# -- metrics ------------------------------------------------------------------------------------
class _StationLag(Collector):
    def __init__(self, stations: Callable[[], list[Any]]) -> None:
        self._stations = stations

    def collect(self) -> Any:
        acked = GaugeMetricFamily(
            "hub_station_acked_seq", "highest seq the hub holds per station", labels=["station"]
        )
        lag = GaugeMetricFamily(
            "hub_station_last_push_age_seconds",
            "seconds since the station's last accepted push",
            labels=["station"],
        )
        from warehouse_app.clock import parse_iso, utcnow

        now = utcnow()
        try:
            rows = self._stations()
        except Exception:  # a scrape must not fail because the DB is briefly busy
            logger.warning("metrics: station list unavailable")
            rows = []
        for s in rows:
            if getattr(s, "revoked_at", None):
                continue
            acked.add_metric([s.station_id], float(s.acked_seq))
            if s.last_push_at:
                try:
                    age = (now - parse_iso(s.last_push_at)).total_seconds()
                except ValueError:
                    continue
                lag.add_metric([s.station_id], max(age, 0.0))
        yield acked
        yield lag


@dataclass
class Metrics:
    registry: CollectorRegistry = field(
        default_factory=lambda: CollectorRegistry(auto_describe=True)
    )

    def __post_init__(self) -> None:
        disable_created_metrics()  # type: ignore[no-untyped-call]  # *_created series only double the scrape for us
        r = self.registry
        self.requests = Counter(
            "hub_requests", "HTTP requests answered", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "hub_request_duration_seconds",
            "time to answer, per route",
            ["route"],
            registry=r,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.events_stored = Counter("hub_events_stored", "events stored", registry=r)
        self.events_duplicate = Counter(
            "hub_events_duplicate", "events received again and skipped", registry=r
        )
        self.refused = Counter(
            "hub_refused", "requests refused, by problem code", ["code"], registry=r
        )
        self.in_flight = Gauge("hub_requests_in_flight", "requests being handled", registry=r)
        self.connections = Gauge("hub_open_connections", "open client connections", registry=r)
        self.queue_depth = Gauge(
            "hub_queue_depth", "work waiting in the hub's queues", ["queue"], registry=r
        )

    def watch_stations(self, stations: Callable[[], list[Any]]) -> None:
        self.registry.register(_StationLag(stations))


# -- the guard middleware ----------------------------------------------------------------------
@dataclass
class GuardConfig:
    max_body: int = 16 * 1024 * 1024
    public_paths: frozenset[str] = frozenset()
    unauthenticated_prefixes: tuple[str, ...] = ()


def client_addr(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "?"


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return bytes(v).decode("latin-1")
    return None


class HubGuard:
    """Request id + metrics + size limit + auth-failure limiter + authentication, in that order.

    `authenticate(authorization_header)` runs on a worker thread and returns a principal or None.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        authenticate: Callable[[str], Any],
        metrics: Metrics,
        limiter: AuthLimiter,
        config: GuardConfig,
    ) -> None:
        self.app = app
        self.authenticate = authenticate
        self.metrics = metrics
        self.limiter = limiter
        self.config = config

    async def _refuse(self, scope: Scope, send: Send, problem: HubProblem, rid: str) -> None:
        body = problem_body(
            problem.code,
            problem.en,
            problem.zh,
            status=problem.status,
            instance=scope.get("path"),
            request_id=rid,
            **problem.extra,
        )
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = [
            (b"content-type", b"application/problem+json"),
            (b"content-length", str(len(data)).encode()),
            (b"x-request-id", rid.encode()),
        ]
        for k, v in (problem.headers or {}).items():
            headers.append((k.lower().encode(), v.encode()))
        if problem.status in (408, 413):  # the unread body makes the connection unusable
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": problem.status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = _header(scope, b"x-request-id")
        rid = given if given and _RID_OK.match(given) else uuid.uuid4().hex
        token = REQUEST_ID.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        started = time.perf_counter()
        status = [500]
        response_started = [False]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
                response_started[0] = True
                message["headers"] = [
                    *[h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"],
                    (b"x-request-id", rid.encode()),
                ]
            await send(message)

        self.metrics.in_flight.inc()
        try:
            problem = await self._check(scope)
            if problem is not None:
                self.metrics.refused.labels(problem.code).inc()
                await self._refuse(scope, send_with_id, problem, rid)
                return
            if _header(scope, b"content-length") is None and _header(scope, b"transfer-encoding"):
                # chunked: no length to check up front, so read it here, at most the limit
                buffered = await self._buffer_body(scope, receive)
                if buffered is None:
                    logger.warning(
                        "refused %s %s from %s: chunked body over %d bytes",
                        scope.get("method"),
                        scope.get("path"),
                        client_addr(scope),
                        self.config.max_body,
                    )
                    self.metrics.refused.labels("payload_too_large").inc()
                    await self._refuse(scope, send_with_id, _too_large(self.config.max_body), rid)
                    return
                receive = buffered
            await self.app(scope, receive, send_with_id)
        finally:
            self.metrics.in_flight.dec()
            route = scope.get("route")
            label = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            self.metrics.requests.labels(scope.get("method", "?"), label, str(status[0])).inc()
            self.metrics.latency.labels(label).observe(elapsed)
            REQUEST_ID.reset(token)

    async def _buffer_body(self, scope: Scope, receive: Receive) -> Receive | None:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.config.max_body:
                return None
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(parts)
        sent = [False]

        async def replay() -> Message:
            if not sent[0]:
                sent[0] = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    async def _check(self, scope: Scope) -> HubProblem | None:
        method = scope.get("method", "GET")
        path = str(scope.get("path", ""))
        addr = client_addr(scope)
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                return HubProblem(
                    "bad_request", "Content-Length is not a number.", "Content-Length 无效。"
                )
            if int(length) > self.config.max_body:
                logger.warning(
                    "refused %s %s from %s: Content-Length %s over %d bytes",
                    method,
                    path,
                    addr,
                    length.strip(),
                    self.config.max_body,
                )
                return _too_large(self.config.max_body)
        if (
            not path.startswith("/api/")
            or path in self.config.public_paths
            or path.startswith(self.config.unauthenticated_prefixes)
        ):
            return None
        wait = self.limiter.blocked_for(addr)
        if wait > 0:
            return HubProblem(
                "too_many_auth_failures",
                f"Too many failed authentications from {addr}; retry in {int(wait) + 1} s.",
                f"来自 {addr} 的认证失败次数过多，请 {int(wait) + 1} 秒后重试。",
                headers={"Retry-After": str(int(wait) + 1)},
                retry_after_s=int(wait) + 1,
            )
        auth = _header(scope, b"authorization") or ""
        principal = await anyio.to_thread.run_sync(self.authenticate, auth)
        if principal is None:
            has_token = auth.lower().startswith("bearer ") and auth[7:].strip()
            logger.warning(
                "refused %s %s from %s: %s",
                method,
                path,
                addr,
                "unknown or revoked token" if has_token else "no token",
            )
            if self.limiter.fail(addr):
                logger.warning(
                    "auth failures from %s reached %d in %.0f s: refusing it for %.0f s "
                    "(further refusals from it are not logged one by one)",
                    addr,
                    self.limiter.limit,
                    self.limiter.window_s,
                    self.limiter.block_s,
                )
            return HubProblem(
                "unauthorized",
                "Missing, unknown or revoked token.",
                "令牌缺失、无效或已吊销。",
                headers={"WWW-Authenticate": "Bearer"},
            )
        scope["state"]["principal"] = principal
        return None


def _too_large(limit: int) -> HubProblem:
    return HubProblem(
        "payload_too_large",
        f"Request body over the limit of {limit} bytes; send smaller batches.",
        f"请求体超过上限 {limit} 字节，请分批发送。",
        max_bytes=limit,
    )
