"""The hub's HTTP API (FastAPI): versioned under /api/v1, OpenAPI at /openapi.json.

Every /api call except health and ready needs `Authorization: Bearer <token>`; the guard
middleware (ops.HubGuard) checks size, auth-failure rate and token before the handler runs, so a
refused call costs no parsing. Errors are RFC 9457 problem+json (problems.py). Handlers are
plain `def`, so FastAPI runs them on its thread pool; correctness comes from the database (see
hub/storage), so several hub processes may serve one PostgreSQL database (`serve --workers N`,
or gunicorn with uvicorn workers on `warehouse_app.hub.app:app_from_env`).

Back-pressure (Pressure): a burst is queued; a full queue (`max_queue` sync calls in progress in
this process) or slow recent pushes get 429 with Retry-After and retry_after_ms; stations back
off with jitter and retry on the same connection.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request, Security
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from warehouse_app import __version__
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.hub.integrator import (
    Directory,
    OtherWarehouse,
    VersionConflict,
    WebhookDispatcher,
)
from warehouse_app.hub.ledger import Ledger
from warehouse_app.hub.ops import AuthLimiter, GuardConfig, HubGuard, Metrics
from warehouse_app.hub.problems import (
    HubProblem,
    Problem,
    openapi_responses,
    problem_media_types,
    problem_response,
    validation_items,
)
from warehouse_app.hub.storage import (
    DATABASE_URL_ENV,
    HubConflict,
    HubStorage,
    hash_token,
    open_storage,
)

logger = logging.getLogger(__name__)

API_VERSION = 1
TEST_FAULTS_ENV = "WAREHOUSE_HUB_TEST_FAULTS"
MAX_QUEUE_ENV = "WAREHOUSE_HUB_MAX_QUEUE"
MAX_LATENCY_ENV = "WAREHOUSE_HUB_MAX_LATENCY_MS"
SYNC_PATHS = frozenset({"/api/v1/events", "/api/v1/changes"})
MAX_PUSH = 5000
MAX_PULL = 5000
PUBLIC_PATHS = frozenset({"/api/v1/health", "/api/v1/ready"})
MAX_INT = 2**63 - 1  # SQLite INTEGER: a larger seq or cursor is refused (422), never a 500
DEFAULT_MAX_BODY = 16 * 1024 * 1024  # a full 5,000-event push is ~3 MB


@dataclass(frozen=True)
class Principal:
    """Who is calling: a station (its own events, its warehouse's orders and reports), an
    integrator (one warehouse, scopes) or a group token (all warehouses, scopes)."""

    kind: str
    id: str
    warehouse_id: str | None = None
    scopes: frozenset[str] = frozenset()

    @property
    def station(self) -> str:
        if self.kind != "station":
            raise HubProblem(
                "forbidden",
                "This call is for station tokens.",
                "此接口仅供站点令牌使用。",
            )
        return self.id

    def need(self, scope: str) -> None:
        if self.kind == "station" or scope not in self.scopes:
            raise HubProblem(
                "missing_scope",
                f"This token lacks the scope {scope}.",
                f"该令牌缺少权限 {scope}。",
                scope=scope,
            )

    def may_read(self, warehouse_id: str | None) -> None:
        """Refuse another warehouse's data (group tokens read every warehouse)."""
        if self.kind == "group" or warehouse_id is None or warehouse_id == self.warehouse_id:
            return
        logger.warning("%s %s refused data of warehouse %s", self.kind, self.id, warehouse_id)
        raise HubProblem(
            "other_warehouse",
            f"This token belongs to warehouse {self.warehouse_id}, not {warehouse_id}.",
            f"该令牌属于仓库 {self.warehouse_id}，无权访问仓库 {warehouse_id}。",
        )

    def scope_warehouse(self, asked: str | None) -> str | None:
        """The warehouse a read covers: the asked one if allowed, else the token's own."""
        self.may_read(asked)
        return asked if asked is not None else (None if self.kind == "group" else self.warehouse_id)


class EventIn(BaseModel):
    seq: int = Field(gt=0, le=MAX_INT, description="per-station sequence, strictly increasing")
    uuid: str = Field(min_length=8, max_length=64, description="idempotency key (UUIDv7)")
    station_id: str | None = None
    type: str = Field(min_length=1, max_length=100)
    payload: dict[str, Any]
    operator: str | None = None
    created_at: str = Field(description="station clock, ISO 8601; informative only")


def _storable(value: Any, where: str) -> None:
    """Raise ValueError for what SQLite/JSON storage cannot keep faithfully: a lone surrogate
    (not UTF-8) or a NaN/Infinity (not JSON: it would break json_extract in the reports)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where}: text that is not valid Unicode (lone surrogate)") from None
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{where}: NaN or Infinity is not JSON")
    elif isinstance(value, dict):
        for k, v in value.items():
            _storable(k, where)
            _storable(v, f"{where}.{k}" if isinstance(k, str) and k.isprintable() else where)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _storable(v, f"{where}[{i}]")


class PushIn(BaseModel):
    station_id: str
    after_seq: int = Field(
        ge=0, le=MAX_INT, description="the last seq the station knows the hub acknowledged"
    )
    events: list[EventIn] = Field(max_length=MAX_PUSH)

    @model_validator(mode="after")
    def _only_storable_values(self) -> PushIn:
        try:  # one pass in C for the usual clean batch; the walk below only to say where
            json.dumps(
                [
                    self.station_id,
                    [
                        (e.uuid, e.station_id, e.type, e.payload, e.operator, e.created_at)
                        for e in self.events
                    ],
                ],
                ensure_ascii=False,
                allow_nan=False,
            ).encode("utf-8")
            return self
        except ValueError:  # NaN/Infinity, or UnicodeEncodeError: a lone surrogate
            pass
        _storable(self.station_id, "station_id")
        for i, ev in enumerate(self.events):
            _storable(ev.model_dump(), f"events[{i}]")
        return self


class TransferIn(BaseModel):
    codes: list[str] = Field(min_length=1, max_length=1000)


class PushOut(BaseModel):
    acked_seq: int = Field(description="highest seq of this station stored durably")
    stored: int
    duplicates: int
    server_time: str


class AckOut(BaseModel):
    station_id: str
    acked_seq: int
    server_time: str


class ChangeOut(BaseModel):
    rev: int
    kind: str
    key: str
    data: dict[str, Any]


class ChangesOut(BaseModel):
    changes: list[ChangeOut]
    cursor: int = Field(description="pass as `since` next time; store it with the applied rows")
    more: bool
    server_time: str
    epoch: str = Field(
        "", description="the hub's epoch: pass it back as `epoch`; it changes on a restore"
    )
    head: int = Field(0, description="the highest rev the hub has handed out")
    reset: bool = Field(
        False,
        description="the station's cursor is from another epoch or ahead of the hub (restored "
        "from a backup): this page starts from 0; re-apply everything",
    )


class HealthOut(BaseModel):
    ok: bool
    api_version: int
    hub_version: str
    server_time: str


class HandoffRow(BaseModel):
    station_id: str
    carrier: str
    hour: str = Field(description="YYYY-MM-DDTHH, UTC")
    hour_local: str | None = Field(None, description="the same hour in the warehouse's zone")
    parcels: int


class DuplicateWaybill(BaseModel):
    waybill: str | None
    handoffs: int
    stations: list[str]


class HandoffReportOut(BaseModel):
    rows: list[HandoffRow]
    by_carrier: dict[str, int]
    total: int
    distinct_waybills: int = 0
    duplicate_waybills: list[DuplicateWaybill] = Field(default_factory=list)
    warehouse_id: str | None = None
    tz: str = "UTC"
    server_time: str


class ConflictsOut(BaseModel):
    conflicts: list[dict[str, Any]]
    server_time: str


class LeasesOut(BaseModel):
    leases: list[dict[str, Any]]
    server_time: str


class StationsOut(BaseModel):
    stations: list[dict[str, Any]]
    server_time: str


class TransferOut(BaseModel):
    transferred: list[dict[str, Any]]
    server_time: str


class InterceptOut(BaseModel):
    model_config = {"extra": "allow"}
    station_id: str
    seq: int
    uuid: str
    created_at: str
    received_at: str


class InterceptsOut(BaseModel):
    requests: list[InterceptOut]
    server_time: str


class ReadyOut(BaseModel):
    ready: bool
    database: str
    server_time: str


class OrderItem(BaseModel):
    sku: str = Field(min_length=1, max_length=64)
    qty: int = Field(1, ge=1, le=100000)


class Recipient(BaseModel):
    name: str | None = Field(None, max_length=100)
    phone: str | None = Field(None, max_length=32)
    province: str | None = Field(None, max_length=50)
    city: str | None = Field(None, max_length=50)
    district: str | None = Field(None, max_length=50)
    address: str | None = Field(None, max_length=300)


class OrderPut(BaseModel):
    version: int = Field(ge=1, le=MAX_INT, description="raise it with every change")
    paid_at: str = Field(description="ISO 8601")
    items: list[OrderItem] = Field(min_length=1, max_length=200)
    recipient: Recipient | None = None
    status: Literal["paid", "cancelled"] = "paid"
    platform: str | None = Field(None, max_length=50)
    session_id: str | None = Field(None, max_length=64)
    ship_by: str | None = None
    carrier: str | None = Field(None, max_length=32)
    waybill: str | None = Field(None, max_length=64)
    sort_code: str | None = Field(None, max_length=64)
    delayed_ok: bool = False


class BulkOrder(OrderPut):
    order_id: str = Field(min_length=1, max_length=64)


class BulkIn(BaseModel):
    orders: list[BulkOrder] = Field(min_length=1, max_length=500)


class OrderResult(BaseModel):
    order_id: str
    version: int
    result: Literal["created", "updated", "unchanged"]
    warehouse_id: str


class BulkItemResult(BaseModel):
    order_id: str
    ok: bool
    result: str | None = None
    version: int | None = None
    code: str | None = None
    en: str | None = None
    zh: str | None = None


class BulkResult(BaseModel):
    results: list[BulkItemResult]


class CancelResult(BaseModel):
    order_id: str
    status: Literal["cancelled"]
    cancelled_at: str


class StatusItem(BaseModel):
    cursor: int
    order_id: str | None
    status: Literal["packed", "verified", "handed_off", "intercepted", "returned"]
    at: str = Field(description="station clock, ISO 8601")
    received_at: str
    station_id: str
    waybill: str | None = None
    carrier: str | None = None


class StatusFeedOut(BaseModel):
    events: list[StatusItem]
    cursor: int
    more: bool
    server_time: str


class WebhookIn(BaseModel):
    url: str = Field(pattern=r"^https?://", max_length=500)
    from_cursor: int = Field(0, ge=0, le=MAX_INT, description="start after this feed cursor")


class WebhookCreated(BaseModel):
    webhook_id: str
    secret: str = Field(description="shown once: verify X-Hub-Signature with it")
    url: str


class WebhookState(BaseModel):
    webhook_id: str
    url: str
    cursor: int
    failures: int
    delivered: int
    last_error: str | None = None


class WebhooksOut(BaseModel):
    webhooks: list[WebhookState]


@dataclass
class Faults:
    """Test-only fault switches (mounted only when WAREHOUSE_HUB_TEST_FAULTS=1)."""

    fail_next: int = 0  # answer 500 before doing anything
    garbage_next: int = 0  # do the work, then answer 200 with broken JSON
    delay_s: float = 0.0
    delay_next: int = 0


class FaultsIn(BaseModel):
    fail_next: int = 0
    garbage_next: int = 0
    delay_s: float = 0.0
    delay_next: int = 0


def _visible(
    kind: str,
    data: dict[str, Any],
    warehouse_id: str | None,
    station: str | None = None,
    station_wh: Callable[[str], str | None] | None = None,
) -> dict[str, Any] | None:
    """What `station` (of `warehouse_id`) may see of a pulled record: orders of its own
    warehouse (or of none), an order moved away as a cancellation without personal data; of the
    work division only its own leases and holds, the transfers it is part of, and the conflicts
    and station states of its warehouse (or of none)."""
    if kind in ("lease", "hold"):
        return data if station is None or data.get("station_id") in (None, station) else None
    if kind == "transfer":
        if station is None or station in (data.get("from_station"), data.get("to_station")):
            return data
        return None
    if kind in ("conflict", "station_state"):
        if warehouse_id is None:
            return data
        if "warehouse_id" in data:
            owner = data["warehouse_id"]
        else:  # published before conflicts named their warehouse: the station's warehouse
            sid = data.get("station_id")
            owner = station_wh(str(sid)) if sid and station_wh is not None else None
        return data if owner in (None, warehouse_id) else None
    if kind != "order" or warehouse_id is None:
        return data
    owner = data.get("warehouse_id")
    if owner in (None, warehouse_id):
        return data
    if data.get("moved_from") == warehouse_id:
        return {
            "order_id": data.get("order_id"),
            "status": "cancelled",
            "cancelled_at": data.get("cancelled_at") or iso(utcnow()),
            "paid_at": data.get("paid_at"),
            "items": data.get("items"),
            "recipient": {},
            "moved_to": owner,
            "warehouse_id": owner,
        }
    return None


def _local_hour(hour: str, tz: str) -> str | None:
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    try:
        t = datetime.strptime(hour, "%Y-%m-%dT%H").replace(tzinfo=timezone.utc)
        return t.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%dT%H%z")
    except (ValueError, KeyError):
        return None


def _readiness(storage: HubStorage) -> str | None:
    """None when the database answers; else why not. A SQLite file moved or deleted under a
    running hub still answers on the open handle, so the path is checked too."""
    path = getattr(storage, "path", None)
    if isinstance(path, Path):
        try:
            st = path.stat()
        except OSError as exc:
            return f"database file {path} is gone: {exc.strerror or exc}"
        opened = getattr(storage, "_hubsvc_inode", None)
        if opened is None:
            storage._hubsvc_inode = st.st_ino  # type: ignore[attr-defined]
        elif opened != st.st_ino:
            return f"database file {path} was replaced under the running hub"
    try:
        storage.acked_seq("")  # one indexed read through the storage's own connection
    except Exception as exc:
        return f"database query failed: {type(exc).__name__}: {exc}"
    return None


class Pressure:
    """Per-process load gauge for back-pressure: sync calls in progress, recent refusals, and
    decaying averages of call and push latency.

    The hub refuses when `max_queue` calls are in progress or pushes have recently been slow
    (`max_latency_ms`). How long it asks the station to wait tells a burst from load: the
    first refusal after a quiet second asks for about one call's recent duration (a burst
    turns over in that time: a 429 must not cost a station a whole second), refusals that keep
    coming (a catch-up storm, a slow database) ask for a second or more, so waiting stations do
    not resend their batches several times a second."""

    def __init__(
        self,
        max_queue: int,
        max_latency_ms: float,
        sustained_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.max_queue = max_queue
        self.sustained_s = sustained_s
        self.max_latency_s = max_latency_ms / 1000.0
        self.in_flight = 0
        self.latency_s = 0.0  # pushes: what max_latency_ms is compared with
        self.call_s = 0.05  # every sync call: what a burst's retry hint is sized from
        self._at = clock()
        self._refused_at: float | None = None  # the last refusal, for telling load from a burst
        self._lock = threading.Lock()
        self.refused = 0

    def _decayed(self, now: float) -> float:
        # halves every second without a finished push, so a quiet hub admits pushes again
        return float(self.latency_s * 0.5 ** max(0.0, now - self._at))

    def enter(self, is_push: bool) -> float | None:
        """None: go ahead (and call leave); else the seconds to tell the caller to wait (at
        least 0.2 s; at least 1 s under sustained load)."""
        now = self.clock()
        with self._lock:
            full = self.in_flight >= self.max_queue
            slow = is_push and self._decayed(now) > self.max_latency_s
            if not (full or slow):
                self.in_flight += 1
                return None
            self.refused += 1
            sustained = slow or (
                self._refused_at is not None and now - self._refused_at < self.sustained_s
            )
            self._refused_at = now
            if not sustained:
                # the calls in progress run side by side: a call's recent duration (its wait
                # included) is about when this burst has turned over
                return min(30.0, max(0.2, self.call_s))
            load = max(self.in_flight / self.max_queue, self._decayed(now) / self.max_latency_s)
            return min(30.0, max(1.0, self.call_s, load))

    def leave(self, is_push: bool, took_s: float) -> None:
        now = self.clock()
        with self._lock:
            self.in_flight -= 1
            self.call_s = 0.9 * self.call_s + 0.1 * took_s
            if is_push:
                self.latency_s = 0.8 * self._decayed(now) + 0.2 * took_s
                self._at = now


def app_from_env() -> FastAPI:
    """App factory for worker processes (gunicorn -k uvicorn.workers.UvicornWorker
    'warehouse_app.hub.app:app_from_env()'): each worker opens its own pools on
    WAREHOUSE_HUB_DATABASE_URL."""
    url = os.environ.get(DATABASE_URL_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_URL_ENV} is not set")
    storage = open_storage(url)
    return create_app(
        storage,
        max_queue=int(os.environ.get(MAX_QUEUE_ENV) or 64),
        max_latency_ms=int(os.environ.get(MAX_LATENCY_ENV) or 2000),
        follow=True,
    )


ERRORS_AUTH = (401, 429)
BEARER = HTTPBearer(
    auto_error=False,
    description="a station token from `warehouse-hub station add` (sent as `Bearer <token>`)",
)


def principal_of(
    request: Request,
    _creds: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)],
) -> Principal:
    """The caller the guard middleware authenticated (declared here for the OpenAPI)."""
    known = getattr(request.state, "principal", None)
    if known is None:  # not behind the guard: check here
        known = request.app.state.authenticate(request.headers.get("authorization", ""))
    if known is None:
        raise HubProblem("unauthorized", headers={"WWW-Authenticate": "Bearer"})
    return known  # type: ignore[no-any-return]


Caller = Annotated[Principal, Depends(principal_of)]


def create_app(
    storage: HubStorage,
    *,
    test_faults: bool | None = None,
    max_body: int | None = None,
    limiter: AuthLimiter | None = None,
    metrics: Metrics | None = None,
    webhooks: bool = False,
    max_queue: int = 64,
    max_latency_ms: int = 2000,
    follow: bool = False,
    ledger_process: bool = False,
) -> FastAPI:
    """Build the app around a storage; `test_faults` defaults to the env switch (off).
    `follow` starts the ledger's follower as a thread here (app_from_env); `ledger_process`
    says serve runs it as a process of its own. Without either, pulls and reports apply it."""
    if test_faults is None:
        test_faults = os.environ.get(TEST_FAULTS_ENV) == "1"
    app = FastAPIOffline(
        title="warehouse-hub",
        version=f"{API_VERSION}.0",
        description="Upstream hub for packing stations: event push, reference-data pull, "
        "handoff reports. Every /api call but health and ready needs a bearer token. Errors are "
        "RFC 9457 problem details (application/problem+json) with a stable `code` and Chinese "
        "and English messages.",
        static_url="/docs-assets",
    )
    app.state.storage = storage
    # the work division between stations (leases, holds, conflicts): see hub/ledger.py
    ledger = Ledger(storage)
    app.state.ledger = ledger
    if follow:
        ledger.follow_in_background()
    ledger.background = ledger.background or ledger_process
    directory = Directory(storage)  # warehouses, scoped tokens, integrator orders, webhooks
    app.state.directory = directory
    metrics = metrics or Metrics()
    app.state.metrics = metrics
    metrics.watch_stations(storage.stations)
    faults = Faults()
    lock = threading.Lock()  # guards the test fault switches only, never storage
    pressure = Pressure(max_queue, max_latency_ms)
    app.state.pressure = pressure
    _readiness(storage)  # remember the database file's identity as opened

    def authenticate(header: str) -> Principal | None:
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not token:
            return None
        hashed = hash_token(token)
        station = storage.station_for_token(hashed)
        if station is not None:
            return Principal("station", station, directory.warehouse_of(station))
        info = directory.token_info(hashed)
        if info is None:
            return None
        return Principal(info.kind, info.token_id, info.warehouse_id, info.scopes)

    app.state.authenticate = authenticate
    # e-waybills: stations ask the hub, the hub asks the carrier's platform (hub/waybills.py)
    from warehouse_app.hub import waybills as hub_waybills

    hub_waybills.register(app, principal_of)

    def request_id(request: Request) -> str | None:
        return getattr(request.state, "request_id", None)

    def problem(request: Request, exc: HubProblem) -> JSONResponse:
        return problem_response(
            exc.code,
            exc.en,
            exc.zh,
            status=exc.status,
            instance=request.url.path,
            request_id=request_id(request),
            headers=exc.headers,
            **exc.extra,
        )

    @app.exception_handler(HubProblem)
    async def _hub_problem(request: Request, exc: HubProblem) -> JSONResponse:
        metrics.refused.labels(exc.code).inc()
        return problem(request, exc)

    # Starlette's own (400 unparseable, 404, 405) in the same problem shape.
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "bad_request"
        )
        return problem(
            request,
            HubProblem(code, str(exc.detail), None, status=exc.status_code, headers=exc.headers),
        )

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        items = validation_items(exc.errors())
        logger.warning(
            "bad request %s %s: %d errors, first: %s",
            request.method,
            request.url.path,
            len(items),
            items[0]["en"] if items else "?",
        )
        first = items[0] if items else {"en": "invalid", "zh": "格式错误"}
        more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
        return problem(
            request,
            HubProblem(
                "validation_failed",
                f"Bad request: {first['en']}{more}",
                f"请求格式错误：{first['zh']}" + (f"（另有 {len(items) - 1} 处）" if more else ""),
                errors=items,
            ),
        )

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        logger.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem(
            request,
            HubProblem(
                "internal_error",
                "The hub failed on this request; it is logged with this request id.",
                "上游处理该请求时出错，已记录（见 request_id）。",
            ),
        )

    @app.middleware("http")
    async def _back_pressure(request: Request, call_next: Any) -> Response:
        """Refuse sync calls early (429 + Retry-After) rather than queue them into timeouts:
        a catch-up storm then drains at the pace the database keeps, with no failed push.
        Runs after the guard (size, auth), before the body is parsed."""
        path = request.url.path
        if path not in SYNC_PATHS:
            return await call_next(request)  # type: ignore[no-any-return]
        is_push = request.method == "POST"
        wait = pressure.enter(is_push)
        if wait is not None:
            # Retry-After is whole seconds (HTTP); our stations read the finer retry_after_ms
            # so a short queue costs them a fraction of a second, not one
            secs = max(1, math.ceil(wait))
            metrics.refused.labels("hub_busy").inc()
            return problem_response(
                "hub_busy",
                f"The hub is busy; retry in {wait:.1f} s.",
                f"上游繁忙，请 {wait:.1f} 秒后重试。",
                status=429,
                instance=path,
                request_id=request_id(request),
                headers={"Retry-After": str(secs)},
                retry_after_s=secs,
                retry_after_ms=int(wait * 1000),
            )
        t0 = time.monotonic()
        try:
            return await call_next(request)  # type: ignore[no-any-return]
        finally:
            pressure.leave(is_push, time.monotonic() - t0)

    if test_faults:
        logger.warning(
            "hub test faults are ENABLED (%s=1); never do this in production", TEST_FAULTS_ENV
        )

        @app.middleware("http")
        async def _faults(request: Request, call_next: Any) -> Response:
            if request.url.path.startswith("/api/v1/_test"):
                return await call_next(request)  # type: ignore[no-any-return]
            with lock:
                delay = faults.delay_s if faults.delay_next > 0 else 0.0
                if delay:
                    faults.delay_next -= 1
                fail = faults.fail_next > 0
                if fail:
                    faults.fail_next -= 1
                garbage = not fail and faults.garbage_next > 0
                if garbage:
                    faults.garbage_next -= 1
            if delay:
                await asyncio.sleep(delay)
            if fail:
                return problem_response("injected_failure", request_id=request_id(request))
            response = await call_next(request)
            if garbage:
                async for _ in response.body_iterator:
                    pass
                return Response(
                    b'{"acked_seq": 9999999, "stor', status_code=200, media_type="application/json"
                )
            return response  # type: ignore[no-any-return]

        @app.post("/api/v1/_test/faults", include_in_schema=False)
        def set_faults(body: FaultsIn) -> dict[str, Any]:
            with lock:
                faults.fail_next, faults.garbage_next = body.fail_next, body.garbage_next
                faults.delay_s, faults.delay_next = body.delay_s, body.delay_next
            return {"ok": True}

    @app.get("/api/v1/health", response_model=HealthOut, tags=["meta"], operation_id="get_health")
    def health() -> HealthOut:
        """Liveness and the hub clock (stations compare it with theirs). Never touches the DB."""
        return HealthOut(
            ok=True, api_version=API_VERSION, hub_version=__version__, server_time=iso(utcnow())
        )

    @app.get(
        "/api/v1/ready",
        response_model=ReadyOut,
        tags=["meta"],
        operation_id="get_ready",
        responses=openapi_responses(503),
    )
    def ready(request: Request) -> Any:
        """Readiness: 200 only when the database answers a query (for load balancers)."""
        why = _readiness(storage)
        if why is not None:
            logger.error("not ready: %s", why)
            raise HubProblem("not_ready", f"Not ready: {why}", f"上游未就绪：{why}")
        return ReadyOut(ready=True, database="ok", server_time=iso(utcnow()))

    @app.get("/metrics", include_in_schema=False)
    def prometheus_metrics() -> Response:
        """Prometheus text exposition (requests, latency, events, connections, station lag)."""
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.post(
        "/api/v1/events",
        response_model=PushOut,
        tags=["sync"],
        operation_id="push_events",
        responses=openapi_responses(401, 403, 409, 413, 422, 429),
    )
    def push_events(body: PushIn, who: Caller) -> Any:
        """Store a batch of outbox events in seq order; idempotent by uuid; answer after commit.

        Seqs must run on from `after_seq` without a gap (a duplicate of an event the hub holds
        is fine); a gap is refused with code `seq_gap` and `expected_seq`."""
        station = who.station
        if body.station_id != station:
            logger.warning("station %s tried to push as %s", station, body.station_id)
            raise HubProblem(
                "wrong_station",
                f"This token belongs to station {station}, not {body.station_id}.",
                f"该令牌属于站点 {station}，不是 {body.station_id}。",
            )
        prev = body.after_seq
        for ev in body.events:
            if ev.seq <= prev:
                raise HubProblem(
                    "seq_order",
                    f"events must be in increasing seq order after {body.after_seq} "
                    f"(seq {ev.seq} after {prev})",
                    f"事件序号必须递增（{prev} 之后出现 {ev.seq}）",
                )
            if ev.seq != prev + 1:
                logger.warning(
                    "station %s push refused: seq %d after %d (gap)", station, ev.seq, prev
                )
                raise HubProblem(
                    "seq_gap",
                    f"seq {ev.seq} does not follow {prev}: the next seq must be {prev + 1} "
                    "(an admin can move a station's position with `warehouse-hub station "
                    "reset-seq`)",
                    f"事件序号 {ev.seq} 不接续 {prev}：下一个序号应为 {prev + 1}"
                    "（管理员可用 `warehouse-hub station reset-seq` 调整）",
                    expected_seq=prev + 1,
                )
            if ev.station_id not in (None, station):
                raise HubProblem(
                    "validation_failed",
                    f"event {ev.uuid} belongs to station {ev.station_id}",
                    f"事件 {ev.uuid} 属于站点 {ev.station_id}",
                )
            prev = ev.seq
        try:
            res = storage.store_events(
                station,
                body.after_seq,
                [  # what storage reads (model_dump copies every payload: 500 of them)
                    {
                        "seq": e.seq,
                        "uuid": e.uuid,
                        "type": e.type,
                        "payload": e.payload,
                        "operator": e.operator,
                        "created_at": e.created_at,
                    }
                    for e in body.events
                ],
            )
        except HubConflict as exc:
            logger.warning("push conflict for %s: %s", station, exc)
            raise HubProblem(
                "seq_conflict",
                str(exc),
                "站点与上游的事件序号不一致，将从上游已确认处重传",
                acked_seq=exc.acked_seq,
            ) from None
        if res.stored and ledger.follower is not None:
            # the ledger checks what the station reported off this request (holds go out on
            # a pull; a pull with a small backlog applies it first, see catch_up_for_pull)
            ledger.follower.nudge()
        metrics.events_stored.inc(res.stored)
        metrics.events_duplicate.inc(res.duplicates)
        return PushOut(
            acked_seq=res.acked_seq,
            stored=res.stored,
            duplicates=res.duplicates,
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/events/ack",
        response_model=AckOut,
        tags=["sync"],
        operation_id="get_ack",
        responses=openapi_responses(*ERRORS_AUTH),
    )
    def get_ack(who: Caller) -> AckOut:
        """The highest seq of the calling station the hub holds."""
        return AckOut(
            station_id=who.station,
            acked_seq=storage.acked_seq(who.station),
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/changes",
        response_model=ChangesOut,
        tags=["sync"],
        operation_id="get_changes",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def get_changes(
        who: Caller,
        since: int = Query(0, ge=0, le=MAX_INT),
        limit: int = Query(1000, ge=1, le=MAX_PULL),
        warehouse: str | None = Query(None, description="only your own warehouse is allowed"),
        epoch: str | None = Query(None, max_length=64, description="the epoch of `since`"),
    ) -> ChangesOut:
        """Orders, cancellations, SKUs, carriers, batch plans, settings and this warehouse's
        work division (leases, holds, transfers, conflicts) changed after `since`.

        A station whose `epoch` is not the hub's, or whose cursor is beyond the hub's head
        (the hub was restored from a backup), gets `reset: true` and a page from 0."""
        station = who.station
        who.may_read(warehouse)
        ledger.catch_up_for_pull()
        ledger.top_up(station)  # renew and size this station's leases before it reads them
        page = storage.change_page(since, limit + 1)
        reset = False
        if epoch and epoch != page.epoch:
            reset = True
        elif since > page.head:
            storage.restored_if_ahead(since, page.epoch)
            reset = True
        if reset:
            logger.warning(
                "station %s pulls after rev %d of epoch %s; hub head %d epoch %s: full re-sync",
                station,
                since,
                epoch or "-",
                page.head,
                page.epoch,
            )
            since = 0
            page = storage.change_page(0, limit + 1)
        rows = page.changes
        more = len(rows) > limit
        rows = rows[:limit]
        wh_map: dict[str, str] | None = None

        def station_wh(sid: str) -> str | None:
            nonlocal wh_map
            if wh_map is None:  # only for conflict records older than their warehouse field
                wh_map = ledger.station_warehouses()
            return wh_map.get(sid)

        return ChangesOut(
            changes=[
                ChangeOut(rev=c.rev, kind=c.kind, key=c.key, data=d)
                for c in rows
                if (d := _visible(c.kind, c.data, who.warehouse_id, station, station_wh))
                is not None
            ],
            cursor=rows[-1].rev if rows else since,
            more=more,
            server_time=iso(utcnow()),
            epoch=page.epoch,
            head=page.head,
            reset=reset,
        )

    @app.get(
        "/api/v1/reports/handoffs",
        response_model=HandoffReportOut,
        tags=["reports"],
        operation_id="get_handoff_report",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def handoff_report(
        who: Caller,
        since: str | None = Query(None, description="ISO 8601 time, station clock"),
        warehouse: str | None = Query(
            None, description="a warehouse id (group tokens: any; others: their own)"
        ),
    ) -> HandoffReportOut:
        """Handoff counts per station, carrier and hour for the caller's warehouse (group
        tokens: all warehouses or the one asked), hours also in the warehouse's time zone."""
        if who.kind != "station":
            who.need("reports:read")
        scope = who.scope_warehouse(warehouse)
        if since is not None:
            try:  # stored times are UTC ISO text compared as text: normalise, refuse garbage
                since = iso(parse_iso(since))
            except ValueError:
                raise HubProblem(
                    "validation_failed",
                    f"since is not an ISO 8601 time: {since!r}",
                    "since 不是有效时间",
                    errors=[
                        {
                            "loc": ["query", "since"],
                            "code": "datetime_parsing",
                            "en": "not an ISO 8601 time",
                            "zh": "since：不是有效时间",
                        }
                    ],
                ) from None
        rows = storage.handoff_counts(since)
        tz = directory.tz_of(scope)
        if scope is not None:
            mine = directory.stations_of(scope)
            rows = [r for r in rows if r["station_id"] in mine]
        rows = [{**r, "hour_local": _local_hour(r["hour"], tz)} for r in rows]
        totals: dict[str, int] = {}
        for r in rows:
            totals[r["carrier"]] = totals.get(r["carrier"], 0) + int(r["parcels"])
        summary = ledger.handoff_summary(scope)
        return HandoffReportOut(
            rows=[HandoffRow(**r) for r in rows],
            by_carrier=totals,
            total=sum(totals.values()),
            distinct_waybills=summary["distinct_waybills"],
            duplicate_waybills=[DuplicateWaybill(**d) for d in summary["duplicates"]],
            warehouse_id=scope,
            tz=tz,
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/reports/carrier-intercepts",
        response_model=InterceptsOut,
        tags=["reports"],
        operation_id="get_carrier_intercepts",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def intercept_report(who: Caller, warehouse: str | None = None) -> InterceptsOut:
        """Parcels already handed off whose order was cancelled: the carrier must stop them."""
        if who.kind != "station":
            who.need("reports:read")
        scope = who.scope_warehouse(warehouse)
        rows = storage.carrier_intercepts()
        if scope is not None:
            mine = directory.stations_of(scope)
            rows = [r for r in rows if r.get("station_id") in mine]
        return InterceptsOut(
            requests=[InterceptOut(**r) for r in rows],
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/conflicts",
        response_model=ConflictsOut,
        tags=["stations"],
        operation_id="list_conflicts",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def conflict_list(
        who: Caller,
        include_resolved: bool = False,
        warehouse: str | None = Query(
            None, description="a warehouse id (group tokens: any; others: their own)"
        ),
    ) -> ConflictsOut:
        """Double-bound orders, duplicate waybills, cancelled-but-shipped orders and carrier
        intercepts, each with what to do: a station's or integrator token's own warehouse, a
        group token's every warehouse (or the one asked). Other tokens need reports:read."""
        scope = _ledger_scope(who, warehouse)
        return ConflictsOut(
            conflicts=ledger.conflicts(include_resolved=include_resolved, warehouse=scope),
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/leases",
        response_model=LeasesOut,
        tags=["stations"],
        operation_id="list_leases",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def lease_list(
        who: Caller,
        warehouse: str | None = Query(
            None, description="a warehouse id (group tokens: any; others: their own)"
        ),
    ) -> LeasesOut:
        """Orders each station holds for binding, per SKU set, and when the lease runs out
        (the caller's warehouse, as for conflicts)."""
        scope = _ledger_scope(who, warehouse)
        return LeasesOut(leases=ledger.leases(scope), server_time=iso(utcnow()))

    @app.get(
        "/api/v1/stations",
        response_model=StationsOut,
        tags=["stations"],
        operation_id="list_station_states",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def station_states(
        who: Caller,
        warehouse: str | None = Query(
            None, description="a warehouse id (group tokens: any; others: their own)"
        ),
    ) -> StationsOut:
        """Each station of the caller's warehouse: online, offline (its lease still running:
        `open_orders` go back to the pool at `lease_expires_at`), lease_expired (a warning: it
        may be packing offline past its lease, or be dead), silent (likely dead) or unknown;
        when the hub last heard from it, and what to do."""
        scope = _ledger_scope(who, warehouse)
        return StationsOut(stations=ledger.stations(scope), server_time=iso(utcnow()))

    @app.post(
        "/api/v1/transfers",
        response_model=TransferOut,
        tags=["stations"],
        operation_id="transfer_parcels",
        responses=openapi_responses(401, 404, 409, 413, 422, 429),
    )
    def transfer(body: TransferIn, who: Caller) -> TransferOut:
        """The calling station received these parcels (a cage moved to it): both stations
        record the move on their next pull."""
        try:
            rows = ledger.transfer(body.codes, who.station)
        except KeyError as exc:
            raise HubProblem(
                "not_found",
                f"The hub does not know parcel {exc.args[0]} (its station has not synced it): "
                "use a transfer sheet.",
                f"上游不认识包裹 {exc.args[0]}（原站点尚未同步）：请用转移单。",
            ) from None
        except ValueError as exc:
            raise HubProblem(
                "transfer_conflict", f"Cannot transfer: {exc}", f"无法转移：{exc}"
            ) from None
        return TransferOut(transferred=rows, server_time=iso(utcnow()))

    def _ledger_scope(who: Principal, warehouse: str | None) -> str | None:
        """The warehouse a work-division list covers: a station's own (None: a station in no
        warehouse sees all, as its pulls do); tokens need reports:read, an integrator token
        sees its warehouse, a group token every warehouse or the one asked."""
        if who.kind != "station":
            who.need("reports:read")
        return who.scope_warehouse(warehouse)

    # -- integrator API --------------------------------------------------------------------
    def _integrator_wh(who: Principal) -> str:
        who.need("orders:write")
        if who.warehouse_id is None:
            raise HubProblem(
                "forbidden",
                "Orders are written with a warehouse's integrator token.",
                "写入订单需使用仓库的对接令牌。",
            )
        return who.warehouse_id

    def _put_one(order_id: str, body: OrderPut, warehouse_id: str) -> OrderResult:
        from warehouse_app import importer

        raw = body.model_dump(exclude={"version"}, exclude_none=True)
        raw["order_id"] = order_id
        try:
            order = importer.parse_order(raw)
        except (KeyError, ValueError) as exc:
            msg = f"missing field {exc.args[0]}" if isinstance(exc, KeyError) else str(exc)
            raise HubProblem(
                "validation_failed",
                f"Order {order_id}: {msg}",
                f"订单 {order_id} 格式错误：{msg}",
                errors=[{"loc": ["body"], "code": "value_error", "en": msg, "zh": msg}],
            ) from None
        try:
            result, version = directory.put_order(order, body.version, warehouse_id)
        except VersionConflict as exc:
            raise HubProblem(
                "version_conflict",
                str(exc),
                f"订单 {order_id} 当前版本为 {exc.current}，请使用更高的版本号",
                current_version=exc.current,
            ) from None
        except OtherWarehouse:
            raise HubProblem(
                "other_warehouse",
                f"Order {order_id} belongs to another warehouse.",
                f"订单 {order_id} 属于其他仓库。",
            ) from None
        return OrderResult(
            order_id=order_id,
            version=version,
            result=result,  # type: ignore[arg-type]
            warehouse_id=warehouse_id,
        )

    @app.put(
        "/api/v1/orders/{order_id}",
        response_model=OrderResult,
        tags=["integrator"],
        operation_id="put_order",
        responses=openapi_responses(401, 403, 409, 413, 422, 429),
    )
    def put_order(
        who: Caller, body: OrderPut, order_id: str = PathParam(min_length=1, max_length=64)
    ) -> OrderResult:
        """Create or update an order (scope orders:write). Idempotent: the same version with
        the same body again answers `unchanged`; an older version, or the same version with
        another body, is 409 `version_conflict` with `current_version`. A cancelled order
        stays cancelled."""
        return _put_one(order_id, body, _integrator_wh(who))

    @app.post(
        "/api/v1/orders/bulk",
        response_model=BulkResult,
        tags=["integrator"],
        operation_id="put_orders_bulk",
        responses=openapi_responses(401, 403, 413, 422, 429),
    )
    def put_orders_bulk(who: Caller, body: BulkIn) -> BulkResult:
        """Up to 500 orders in one call (scope orders:write); each succeeds or fails alone."""
        wh = _integrator_wh(who)
        out: list[BulkItemResult] = []
        for item in body.orders:
            try:
                res = _put_one(item.order_id, item, wh)
                out.append(
                    BulkItemResult(
                        order_id=item.order_id, ok=True, result=res.result, version=res.version
                    )
                )
            except HubProblem as exc:
                out.append(
                    BulkItemResult(
                        order_id=item.order_id, ok=False, code=exc.code, en=exc.en, zh=exc.zh
                    )
                )
        return BulkResult(results=out)

    @app.post(
        "/api/v1/orders/{order_id}/cancel",
        response_model=CancelResult,
        tags=["integrator"],
        operation_id="cancel_order",
        responses=openapi_responses(401, 403, 404, 422, 429),
    )
    def cancel_order(
        who: Caller, order_id: str = PathParam(min_length=1, max_length=64)
    ) -> CancelResult:
        """Cancel an order (scope orders:write): stations intercept its parcel (拦截)."""
        wh = _integrator_wh(who)
        try:
            data = directory.cancel_order(order_id, wh)
        except LookupError:
            raise HubProblem(
                "not_found", f"No order {order_id}.", f"没有订单 {order_id}。"
            ) from None
        except OtherWarehouse:
            raise HubProblem(
                "other_warehouse",
                f"Order {order_id} belongs to another warehouse.",
                f"订单 {order_id} 属于其他仓库。",
            ) from None
        return CancelResult(
            order_id=order_id, status="cancelled", cancelled_at=str(data.get("cancelled_at"))
        )

    @app.get(
        "/api/v1/order-status",
        response_model=StatusFeedOut,
        tags=["integrator"],
        operation_id="get_order_status_feed",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def order_status(
        who: Caller,
        cursor: int = Query(0, ge=0, le=MAX_INT),
        limit: int = Query(500, ge=1, le=MAX_PULL),
    ) -> StatusFeedOut:
        """Parcel statuses after `cursor` (packed, verified, handed_off, intercepted, returned,
        with times and waybill), for the token's warehouse (scope orders:read). Store `cursor`
        and pass it back."""
        who.need("orders:read")
        scope = who.scope_warehouse(None)
        items, nxt, more = directory.status_feed(scope, cursor, limit)
        return StatusFeedOut(
            events=[StatusItem(**i) for i in items],
            cursor=nxt,
            more=more,
            server_time=iso(utcnow()),
        )

    @app.post(
        "/api/v1/webhooks",
        response_model=WebhookCreated,
        tags=["integrator"],
        operation_id="create_webhook",
        responses=openapi_responses(401, 403, 422, 429),
    )
    def create_webhook(who: Caller, body: WebhookIn) -> WebhookCreated:
        """Have the order-status feed POSTed to `url` (scope webhooks:write). Each delivery is
        signed: `X-Hub-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" with secret>`;
        a non-2xx answer is retried with backoff (1 s doubling to 5 min), in order."""
        who.need("webhooks:write")
        info = directory.token_info_by_id(who.id)
        hook_id, secret = directory.add_webhook(info, body.url, body.from_cursor)
        return WebhookCreated(webhook_id=hook_id, secret=secret, url=body.url)

    @app.get(
        "/api/v1/webhooks",
        response_model=WebhooksOut,
        tags=["integrator"],
        operation_id="list_webhooks",
        responses=openapi_responses(401, 403, 429),
    )
    def list_webhooks(who: Caller) -> WebhooksOut:
        """This token's webhooks with their delivery state (scope webhooks:write)."""
        who.need("webhooks:write")
        return WebhooksOut(webhooks=[WebhookState(**h) for h in directory.webhooks(who.id)])

    if webhooks:
        dispatcher = WebhookDispatcher(
            directory,
            float(os.environ.get("WAREHOUSE_HUB_WEBHOOK_INTERVAL_S") or 1.0),
            on_pass=lambda: metrics.queue_depth.labels("webhooks").set(
                directory.pending_deliveries()
            ),
        )
        app.state.webhooks = dispatcher
        dispatcher.start()

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            spec.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
                Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            )
            app.openapi_schema = problem_media_types(spec)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(
        HubGuard,
        authenticate=authenticate,
        metrics=metrics,
        limiter=limiter or AuthLimiter(),
        config=GuardConfig(
            max_body=max_body or DEFAULT_MAX_BODY,
            public_paths=PUBLIC_PATHS,
            unauthenticated_prefixes=("/api/v1/_test",),
        ),
    )
    return app
