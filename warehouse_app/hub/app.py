"""The hub's HTTP API (FastAPI): versioned under /api/v1, OpenAPI at /openapi.json.

Every /api call except health and ready needs `Authorization: Bearer <token>`; the guard
middleware (ops.HubGuard) checks size, auth-failure rate and token before the handler runs, so a
refused call costs no parsing. Errors are RFC 9457 problem+json (problems.py). Handlers are
plain `def`, so FastAPI runs them on its thread pool and the storage serialises writes.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Security
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
from warehouse_app.hub.storage import HubConflict, HubStorage, hash_token

logger = logging.getLogger(__name__)

API_VERSION = 1
TEST_FAULTS_ENV = "WAREHOUSE_HUB_TEST_FAULTS"
MAX_PUSH = 5000
MAX_PULL = 5000
PUBLIC_PATHS = frozenset({"/api/v1/health", "/api/v1/ready"})
MAX_INT = 2**63 - 1  # SQLite INTEGER: a larger seq or cursor is refused (422), never a 500
DEFAULT_MAX_BODY = 16 * 1024 * 1024  # a full 5,000-event push is ~3 MB


@dataclass(frozen=True)
class Principal:
    """Who is calling: a station (bound to its own events) for now."""

    kind: str
    id: str

    @property
    def station(self) -> str:
        return self.id


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


class HealthOut(BaseModel):
    ok: bool
    api_version: int
    hub_version: str
    server_time: str


class HandoffRow(BaseModel):
    station_id: str
    carrier: str
    hour: str = Field(description="YYYY-MM-DDTHH of the station clock")
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
    server_time: str


class ConflictsOut(BaseModel):
    conflicts: list[dict[str, Any]]
    server_time: str


class LeasesOut(BaseModel):
    leases: list[dict[str, Any]]
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
) -> FastAPI:
    """Build the app around a storage; `test_faults` defaults to the env switch (off)."""
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
    metrics = metrics or Metrics()
    app.state.metrics = metrics
    metrics.watch_stations(storage.stations)
    faults = Faults()
    lock = threading.Lock()
    _readiness(storage)  # remember the database file's identity as opened

    def authenticate(header: str) -> Principal | None:
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not token:
            return None
        station = storage.station_for_token(hash_token(token))
        return Principal("station", station) if station is not None else None

    app.state.authenticate = authenticate

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
                station, body.after_seq, [e.model_dump() for e in body.events]
            )
        except HubConflict as exc:
            logger.warning("push conflict for %s: %s", station, exc)
            raise HubProblem(
                "seq_conflict",
                str(exc),
                "站点与上游的事件序号不一致，将从上游已确认处重传",
                acked_seq=exc.acked_seq,
            ) from None
        if res.stored:
            ledger.catch_up()  # validate what the station reported (holds go out on its pull)
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
        responses=openapi_responses(401, 422, 429),
    )
    def get_changes(
        who: Caller,
        since: int = Query(0, ge=0, le=MAX_INT),
        limit: int = Query(1000, ge=1, le=MAX_PULL),
    ) -> ChangesOut:
        """Orders, cancellations, SKUs, carriers, batch plans, settings and this warehouse's
        work division (leases, holds, transfers, conflicts) changed after `since`."""
        ledger.catch_up()
        ledger.top_up(who.station)  # renew and size this station's leases before it reads them
        rows = storage.changes_since(since, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return ChangesOut(
            changes=[ChangeOut(rev=c.rev, kind=c.kind, key=c.key, data=c.data) for c in rows],
            cursor=rows[-1].rev if rows else since,
            more=more,
            server_time=iso(utcnow()),
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
    ) -> HandoffReportOut:
        """Handoff counts per station, carrier and hour across all stations, for shift leads."""
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
        totals: dict[str, int] = {}
        for r in rows:
            totals[r["carrier"]] = totals.get(r["carrier"], 0) + int(r["parcels"])
        summary = ledger.handoff_summary()
        return HandoffReportOut(
            rows=[HandoffRow(**r) for r in rows],
            by_carrier=totals,
            total=sum(totals.values()),
            distinct_waybills=summary["distinct_waybills"],
            duplicate_waybills=[DuplicateWaybill(**d) for d in summary["duplicates"]],
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/reports/carrier-intercepts",
        response_model=InterceptsOut,
        tags=["reports"],
        operation_id="get_carrier_intercepts",
        responses=openapi_responses(401, 403, 429),
    )
    def intercept_report(who: Caller) -> InterceptsOut:
        """Parcels already handed off whose order was cancelled: the carrier must stop them."""
        return InterceptsOut(
            requests=[InterceptOut(**r) for r in storage.carrier_intercepts()],
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/conflicts",
        response_model=ConflictsOut,
        tags=["stations"],
        operation_id="list_conflicts",
        responses=openapi_responses(401, 422, 429),
    )
    def conflict_list(who: Caller, include_resolved: bool = False) -> ConflictsOut:
        """Double-bound orders, duplicate waybills, cancelled-but-shipped orders and carrier
        intercepts across all stations, each with what to do."""
        return ConflictsOut(
            conflicts=ledger.conflicts(include_resolved=include_resolved),
            server_time=iso(utcnow()),
        )

    @app.get(
        "/api/v1/leases",
        response_model=LeasesOut,
        tags=["stations"],
        operation_id="list_leases",
        responses=openapi_responses(401, 429),
    )
    def lease_list(who: Caller) -> LeasesOut:
        """Orders each station holds for binding, per SKU set, and when the lease runs out."""
        return LeasesOut(leases=ledger.leases(), server_time=iso(utcnow()))

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
