"""E-waybills through the hub: stations ask the hub, the hub asks the carrier's e-waybill platform.

The hub holds the platform's address and credentials (env WAREHOUSE_HUB_EWAYBILL_URL,
WAREHOUSE_HUB_EWAYBILL_APP_KEY, WAREHOUSE_HUB_EWAYBILL_SECRET), so no station keeps them. Two routes,
for station tokens only, kept out of the public OpenAPI (an internal station contract):

    POST /api/v1/waybills       {"requests": [{order_id, carrier, province, city, district,
                                  address, name, phone}, ...]}  (1..100)
      -> {"waybills": [{order_id, carrier, waybill, sort_code, package_center, package_code}]}
    POST /api/v1/waybills/void  {"carrier", "waybill", "reason"} -> {"voided": true|false}

The platform unreachable (or none configured) is 503: the station parks the parcel as "waiting for
waybill" and asks again later. Registered from hub.app.create_app with one call.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from warehouse_app.ewaybill import (
    MAX_BATCH,
    HttpWaybillProvider,
    ProviderRefused,
    ProviderUnavailable,
    WaybillRequest,
)

logger = logging.getLogger(__name__)

ENV_URL = "WAREHOUSE_HUB_EWAYBILL_URL"


def hub_provider() -> HttpWaybillProvider | None:
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        return None
    return HttpWaybillProvider(
        url,
        os.environ.get("WAREHOUSE_HUB_EWAYBILL_APP_KEY", "hub"),
        os.environ.get("WAREHOUSE_HUB_EWAYBILL_SECRET", ""),
    )


def _problem(status: int, code: str, en: str, zh: str) -> JSONResponse:
    return JSONResponse(
        {
            "type": f"urn:warehouse-hub:{code}",
            "title": en,
            "status": status,
            "code": code,
            "detail": en,
            "detail_zh": zh,
        },
        status_code=status,
        media_type="application/problem+json",
    )


def register(app: FastAPI, principal_of: Any) -> None:
    """Add the waybill routes; `principal_of` is the hub's authenticated-caller dependency."""
    # a default, not an annotation: this module's annotations are strings (future import) that
    # FastAPI would resolve in module globals, where the hub's dependency is not
    who_dep = Depends(principal_of)

    @app.post("/api/v1/waybills", include_in_schema=False)
    async def issue_waybills(request: Request, who: Any = who_dep) -> JSONResponse:
        if who.kind != "station":
            return _problem(
                403, "forbidden", "Only stations ask for waybills", "只有站点可申请面单"
            )
        try:
            body = await request.json()
            reqs = [
                WaybillRequest(**{k: r.get(k) for k in WaybillRequest.__dataclass_fields__})
                for r in body["requests"]
            ]
        except (ValueError, KeyError, TypeError):
            return _problem(
                400, "bad_request", "requests: a list of orders", "requests 须为订单列表"
            )
        if not 0 < len(reqs) <= MAX_BATCH:
            return _problem(
                400, "bad_request", f"1 to {MAX_BATCH} requests", f"每次 1 到 {MAX_BATCH} 单"
            )
        provider = hub_provider()
        if provider is None:
            return _problem(
                503,
                "no_ewaybill_platform",
                "No e-waybill platform configured at the hub",
                "上游未配置电子面单平台",
            )
        try:
            issued = provider.issue(reqs)
        except ProviderUnavailable as exc:
            logger.warning("e-waybill platform unreachable for station %s: %s", who.id, exc)
            return _problem(
                503, "ewaybill_unavailable", "E-waybill platform unreachable", "电子面单平台不可达"
            )
        except ProviderRefused as exc:
            return _problem(422, "ewaybill_refused", str(exc), f"电子面单平台拒绝：{exc}")
        logger.info("station %s: %d waybill(s) issued", who.id, len(issued))
        return JSONResponse({"waybills": [asdict(w) for w in issued]})

    @app.post("/api/v1/waybills/void", include_in_schema=False)
    async def void_waybill(request: Request, who: Any = who_dep) -> JSONResponse:
        if who.kind != "station":
            return _problem(403, "forbidden", "Only stations void waybills", "只有站点可作废面单")
        try:
            body = await request.json()
            carrier, waybill = str(body["carrier"]), str(body["waybill"])
        except (ValueError, KeyError, TypeError):
            return _problem(
                400, "bad_request", "carrier and waybill are required", "须提供快递与面单号"
            )
        provider = hub_provider()
        if provider is None:
            return _problem(
                503,
                "no_ewaybill_platform",
                "No e-waybill platform configured at the hub",
                "上游未配置电子面单平台",
            )
        try:
            ok = provider.void(carrier, waybill, str(body.get("reason") or ""))
        except ProviderUnavailable:
            return _problem(
                503, "ewaybill_unavailable", "E-waybill platform unreachable", "电子面单平台不可达"
            )
        except ProviderRefused as exc:
            logger.warning("void of %s refused: %s", waybill, exc)
            ok = False
        return JSONResponse({"voided": ok})


def number_imported_orders(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Orders the hub imports that name a carrier but carry no waybill get their number from the
    carrier's platform here, before any station pulls them: stations get waybills with their
    orders. With no platform configured, or none reachable, they go out without one (a station
    allocating or packing them asks through the hub; until then they wait for their waybill). Sets
    `waybill` and `sort_code` on the rows in place; returns issued / without."""
    todo = [
        r
        for r in rows
        if r.get("carrier") and not r.get("waybill") and (r.get("status") or "paid") == "paid"
    ]
    if not todo:
        return {"issued": 0, "without": 0}
    provider = hub_provider()
    if provider is None:
        logger.warning(
            "no e-waybill platform configured: %d imported order(s) without a waybill", len(todo)
        )
        return {"issued": 0, "without": len(todo)}
    reqs = []
    for r in todo:
        rc = r.get("recipient") or {}
        reqs.append(
            WaybillRequest(
                str(r["order_id"]),
                str(r["carrier"]),
                rc.get("province"),
                rc.get("city"),
                rc.get("district"),
                rc.get("address"),
                rc.get("name"),
                rc.get("phone"),
            )
        )
    try:
        issued = {w.order_id: w for w in provider.issue(reqs)}
    except (ProviderUnavailable, ProviderRefused) as exc:
        logger.warning(
            "e-waybill platform: %s: %d imported order(s) without a waybill", exc, len(todo)
        )
        return {"issued": 0, "without": len(todo)}
    for r in todo:
        w = issued.get(str(r["order_id"]))
        if w is not None:
            r["waybill"], r["sort_code"] = w.waybill, w.sort_code
    return {"issued": len(issued), "without": len(todo) - len(issued)}
