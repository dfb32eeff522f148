"""The hub's HTTP API (FastAPI): versioned under /api/v1, OpenAPI at /openapi.json.

Every call except /api/v1/health needs `Authorization: Bearer <station token>`; a refused call
is logged with the client address (never the token). Handlers are plain `def`, so FastAPI runs
them on its thread pool and the SQLite storage serialises writes with its own lock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from warehouse_app import __version__
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.hub.ledger import Ledger
from warehouse_app.hub.storage import HubConflict, HubStorage, hash_token

logger = logging.getLogger(__name__)

API_VERSION = 1
TEST_FAULTS_ENV = "WAREHOUSE_HUB_TEST_FAULTS"
MAX_PUSH = 5000
MAX_PULL = 5000
PUBLIC_PATHS = frozenset({"/api/v1/health"})
MAX_INT = 2**63 - 1  # SQLite INTEGER: a larger seq or cursor is refused (422), never a 500


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


HTTP_ZH = {400: "请求无法解析", 404: "没有这个接口", 405: "接口不支持该方法"}


def _utf8(text: str) -> str:
    """Echoed request text may hold a lone surrogate; the error reply must still encode."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _error(status: int, en: str, zh: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": {"en": _utf8(en), "zh": _utf8(zh), **extra}}
    )


def create_app(storage: HubStorage, *, test_faults: bool | None = None) -> FastAPI:
    """Build the app around a storage; `test_faults` defaults to the env switch (off)."""
    if test_faults is None:
        test_faults = os.environ.get(TEST_FAULTS_ENV) == "1"
    app = FastAPI(
        title="warehouse-hub",
        version=f"{API_VERSION}.0",
        description="Upstream hub for packing stations: event push, reference-data pull, "
        "handoff reports. All calls need a per-station bearer token.",
    )
    app.state.storage = storage
    # the work division between stations (leases, holds, conflicts): see hub/ledger.py
    ledger = Ledger(storage)
    app.state.ledger = ledger
    faults = Faults()
    lock = threading.Lock()

    # Starlette's own (400 unparseable body, 404, 405) get the same {"error": {en, zh}} shape.
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = (
            exc.detail
            if isinstance(exc.detail, dict)
            else {"en": _utf8(str(exc.detail)), "zh": HTTP_ZH.get(exc.status_code, str(exc.detail))}
        )
        return JSONResponse(
            status_code=exc.status_code,
            content={"error": detail},
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        logger.warning(
            "bad request %s %s: %s at %s", request.method, request.url.path, first.get("msg"), where
        )
        return _error(
            422, f"Bad request: {first.get('msg', 'invalid')} at {where}", f"请求格式错误：{where}"
        )

    def station_of(request: Request) -> str:
        known = getattr(request.state, "station", None)
        if known is not None:  # already checked by the auth middleware
            return str(known)
        auth = request.headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        station = storage.station_for_token(hash_token(token)) if token else None
        if station is None:
            client = request.client.host if request.client else "?"
            logger.warning(
                "refused %s %s from %s: %s",
                request.method,
                request.url.path,
                client,
                "no token" if not token else "unknown or revoked token",
            )
            raise HTTPException(
                401,
                {
                    "en": "Missing, unknown or revoked station token.",
                    "zh": "站点令牌缺失、无效或已吊销。",
                },
                headers={"WWW-Authenticate": "Bearer"},
            )
        return station

    @app.middleware("http")
    async def _auth_first(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Every /api call but health is authenticated before its body or query is even parsed:
        a caller without a valid token gets 401 and learns nothing else about the API."""
        path = request.url.path
        if (
            path.startswith("/api/")
            and path not in PUBLIC_PATHS
            and not path.startswith("/api/v1/_test")
        ):
            try:
                request.state.station = await run_in_threadpool(station_of, request)
            except HTTPException as exc:
                return await _http_error(request, exc)
        return await call_next(request)

    if test_faults:
        logger.warning(
            "hub test faults are ENABLED (%s=1); never do this in production", TEST_FAULTS_ENV
        )

        @app.middleware("http")
        async def _faults(
            request: Request, call_next: Callable[[Request], Awaitable[Response]]
        ) -> Response:
            if request.url.path.startswith("/api/v1/_test"):
                return await call_next(request)
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
                return _error(500, "Injected failure", "测试注入的故障")
            response = await call_next(request)
            if garbage:
                async for _ in response.body_iterator:  # type: ignore[attr-defined]
                    pass
                return Response(
                    b'{"acked_seq": 9999999, "stor', status_code=200, media_type="application/json"
                )
            return response

        @app.post("/api/v1/_test/faults", include_in_schema=False)
        def set_faults(body: FaultsIn) -> dict[str, Any]:
            with lock:
                faults.fail_next, faults.garbage_next = body.fail_next, body.garbage_next
                faults.delay_s, faults.delay_next = body.delay_s, body.delay_next
            return {"ok": True}

    @app.get("/api/v1/health", response_model=HealthOut, tags=["meta"])
    def health() -> HealthOut:
        """Liveness and the hub clock (stations compare it with theirs)."""
        return HealthOut(
            ok=True, api_version=API_VERSION, hub_version=__version__, server_time=iso(utcnow())
        )

    @app.post("/api/v1/events", response_model=PushOut, tags=["sync"])
    def push_events(body: PushIn, station: str = Depends(station_of)) -> Any:
        """Store a batch of outbox events in seq order; idempotent by uuid; answer after commit."""
        if body.station_id != station:
            logger.warning("station %s tried to push as %s", station, body.station_id)
            return _error(
                403,
                f"This token belongs to station {station}, not {body.station_id}.",
                f"该令牌属于站点 {station}，不是 {body.station_id}。",
            )
        prev = body.after_seq
        for ev in body.events:
            if ev.seq <= prev:
                return _error(
                    422,
                    f"events must be in increasing seq order after {body.after_seq} "
                    f"(seq {ev.seq} after {prev})",
                    "事件序号必须递增",
                )
            if ev.station_id not in (None, station):
                return _error(
                    422,
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
            return _error(
                409,
                str(exc),
                "站点与上游的事件序号不一致，将从上游已确认处重传",
                acked_seq=exc.acked_seq,
            )
        if res.stored:
            ledger.catch_up()  # validate what the station reported (holds go out on its pull)
        return PushOut(
            acked_seq=res.acked_seq,
            stored=res.stored,
            duplicates=res.duplicates,
            server_time=iso(utcnow()),
        )

    @app.get("/api/v1/events/ack", response_model=AckOut, tags=["sync"])
    def get_ack(station: str = Depends(station_of)) -> AckOut:
        """The highest seq of the calling station the hub holds."""
        return AckOut(
            station_id=station, acked_seq=storage.acked_seq(station), server_time=iso(utcnow())
        )

    @app.get("/api/v1/changes", response_model=ChangesOut, tags=["sync"])
    def get_changes(
        since: int = Query(0, ge=0, le=MAX_INT),
        limit: int = Query(1000, ge=1, le=MAX_PULL),
        station: str = Depends(station_of),
    ) -> ChangesOut:
        """Orders, cancellations, SKUs, carriers, batch plans, settings and this warehouse's
        work division (leases, holds, transfers, conflicts) changed after `since`."""
        ledger.catch_up()
        ledger.top_up(station)  # renew and size this station's leases before it reads them
        rows = storage.changes_since(since, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return ChangesOut(
            changes=[ChangeOut(rev=c.rev, kind=c.kind, key=c.key, data=c.data) for c in rows],
            cursor=rows[-1].rev if rows else since,
            more=more,
            server_time=iso(utcnow()),
        )

    @app.get("/api/v1/reports/handoffs", tags=["reports"])
    def handoff_report(since: str | None = None, station: str = Depends(station_of)) -> Any:
        """Handoff counts per station, carrier and hour across all stations, for shift leads."""
        if since is not None:
            try:  # stored times are UTC ISO text compared as text: normalise, refuse garbage
                since = iso(parse_iso(since))
            except ValueError:
                return _error(
                    422, f"since is not an ISO 8601 time: {since!r}", "since 不是有效时间"
                )
        rows = storage.handoff_counts(since)
        totals: dict[str, int] = {}
        for r in rows:
            totals[r["carrier"]] = totals.get(r["carrier"], 0) + int(r["parcels"])
        summary = ledger.handoff_summary()
        return {
            "rows": rows,
            "by_carrier": totals,
            "total": sum(totals.values()),
            "distinct_waybills": summary["distinct_waybills"],
            "duplicate_waybills": summary["duplicates"],
            "server_time": iso(utcnow()),
        }

    @app.get("/api/v1/reports/carrier-intercepts", tags=["reports"])
    def intercept_report(station: str = Depends(station_of)) -> dict[str, Any]:
        """Parcels already handed off whose order was cancelled: the carrier must stop them."""
        return {"requests": storage.carrier_intercepts(), "server_time": iso(utcnow())}

    @app.get("/api/v1/conflicts", tags=["stations"])
    def conflict_list(
        include_resolved: bool = False, station: str = Depends(station_of)
    ) -> dict[str, Any]:
        """Double-bound orders, duplicate waybills, cancelled-but-shipped orders and carrier
        intercepts across all stations, each with what to do."""
        return {
            "conflicts": ledger.conflicts(include_resolved=include_resolved),
            "server_time": iso(utcnow()),
        }

    @app.get("/api/v1/leases", tags=["stations"])
    def lease_list(station: str = Depends(station_of)) -> dict[str, Any]:
        """Orders each station holds for binding, per SKU set, and when the lease runs out."""
        return {"leases": ledger.leases(), "server_time": iso(utcnow())}

    @app.post("/api/v1/transfers", tags=["stations"])
    def transfer(body: TransferIn, station: str = Depends(station_of)) -> Any:
        """The calling station received these parcels (a cage moved to it): both stations
        record the move on their next pull."""
        try:
            rows = ledger.transfer(body.codes, station)
        except KeyError as exc:
            return _error(
                404,
                f"The hub does not know parcel {exc.args[0]} (its station has not synced it): "
                "use a transfer sheet.",
                f"上游不认识包裹 {exc.args[0]}（原站点尚未同步）：请用转移单。",
            )
        except ValueError as exc:
            return _error(409, f"Cannot transfer: {exc}", f"无法转移：{exc}")
        return {"transferred": rows, "server_time": iso(utcnow())}

    return app
