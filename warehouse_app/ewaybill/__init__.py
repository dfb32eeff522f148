"""E-waybills come from the carrier's e-waybill platform, never from the station.

A waybill number is only valid if the carrier's sorting system knows it, and it comes with routing
data the label prints: the sort code (三段码, printed largest) and the consolidation hub (集包地). This
package is the station's (and the hub's) side of that:

- `WaybillProvider`: issue numbers for orders (number, 三段码, 集包地), void (recycle) a number.
- `HttpWaybillProvider`: talks to an e-waybill cloud API shaped like the common ones (a signed JSON
  POST per call, batches of up to 100 orders, per-order results), e.g. the simulator in
  `warehouse_app.ewaybill.simulator` or, in production, the carrier's endpoint behind the hub.
- `ProviderUnavailable`: the platform cannot be reached (offline): the caller parks the parcel as
  "waiting for waybill" and asks again later; it never makes a number up.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

logger = logging.getLogger(__name__)

MAX_BATCH = 100  # what the common platforms accept per request


@dataclass(frozen=True)
class WaybillRequest:
    order_id: str
    carrier: str
    province: str | None = None
    city: str | None = None
    district: str | None = None
    address: str | None = None
    name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class IssuedWaybill:
    order_id: str
    carrier: str
    waybill: str
    sort_code: str  # 三段码
    package_center: str  # 集包地
    package_code: str = ""  # 集包码


class ProviderUnavailable(Exception):
    """The e-waybill platform cannot be reached now (network, timeout, 5xx): try again later."""


class ProviderRefused(Exception):
    """The platform answered and refused (bad request, unknown carrier): not worth retrying as is."""


class WaybillProvider(Protocol):
    def issue(self, requests: Sequence[WaybillRequest]) -> list[IssuedWaybill]: ...

    def void(self, carrier: str, waybill: str, reason: str = "") -> bool: ...


def sign(body: bytes, secret: str, timestamp: str) -> str:
    """HMAC-SHA256 over timestamp + body, hex: what the simulator (and most platforms) check."""
    return hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).hexdigest()


class HttpWaybillProvider:
    """An e-waybill cloud API over HTTP(S): POST {base}/waybill/get and {base}/waybill/cancel with a
    JSON body, headers X-App-Key, X-Timestamp and X-Sign. Timeouts and 5xx are ProviderUnavailable."""

    def __init__(
        self, base_url: str, app_key: str = "station", secret: str = "", timeout: float = 5.0
    ) -> None:
        self.base = base_url.rstrip("/")
        self.app_key = app_key
        self.secret = secret
        self.timeout = timeout

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        import httpx

        body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
        ts = str(int(time.time() * 1000))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-App-Key": self.app_key,
            "X-Timestamp": ts,
            "X-Sign": sign(body, self.secret, ts),
        }
        try:
            r = httpx.post(self.base + path, content=body, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise ProviderUnavailable(f"{self.base}{path}: {exc}") from exc
        if r.status_code >= 500 or r.status_code == 429:
            raise ProviderUnavailable(f"{self.base}{path}: HTTP {r.status_code}")
        try:
            data = r.json()
        except ValueError as exc:
            raise ProviderUnavailable(f"{self.base}{path}: not JSON") from exc
        if r.status_code >= 400 or not data.get("success", False):
            raise ProviderRefused(
                f"{self.base}{path}: {data.get('error_code')}: {data.get('error_msg')}"
            )
        return dict(data)

    def issue(self, requests: Sequence[WaybillRequest]) -> list[IssuedWaybill]:
        out: list[IssuedWaybill] = []
        by_carrier: dict[str, list[WaybillRequest]] = {}
        for rq in requests:
            by_carrier.setdefault(rq.carrier, []).append(rq)
        for carrier, reqs in by_carrier.items():
            for i in range(0, len(reqs), MAX_BATCH):
                part = reqs[i : i + MAX_BATCH]
                data = self._post(
                    "/waybill/get",
                    {
                        "cp_code": carrier,
                        "trade_order_info_dtos": [
                            {
                                "object_id": rq.order_id,
                                "order_info": {"trade_order_list": [rq.order_id]},
                                "recipient": {
                                    "address": {
                                        "province": rq.province or "",
                                        "city": rq.city or "",
                                        "district": rq.district or "",
                                        "detail": rq.address or "",
                                    },
                                    "name": rq.name or "",
                                    "mobile": rq.phone or "",
                                },
                            }
                            for rq in part
                        ],
                    },
                )
                for item in data.get("waybill_cloud_print_response_list") or []:
                    routing = (item.get("print_data") or {}).get("routingInfo") or {}
                    out.append(
                        IssuedWaybill(
                            order_id=str(item["object_id"]),
                            carrier=carrier,
                            waybill=str(item["waybill_code"]),
                            sort_code=str((routing.get("sortation") or {}).get("name") or ""),
                            package_center=str(
                                (routing.get("consolidation") or {}).get("name") or ""
                            ),
                            package_code=str(
                                (routing.get("consolidation") or {}).get("code") or ""
                            ),
                        )
                    )
        return out

    def void(self, carrier: str, waybill: str, reason: str = "") -> bool:
        data = self._post(
            "/waybill/cancel", {"cp_code": carrier, "waybill_code": waybill, "reason": reason}
        )
        return bool(data.get("cancel_result"))


class HubWaybillProvider:
    """The same through the hub (the hub holds the platform's credentials): POST
    {hub}/api/v1/waybills and /api/v1/waybills/void with the station's bearer token."""

    def __init__(
        self, hub_url: str, token: str, ca_file: str | None = None, timeout: float = 5.0
    ) -> None:
        self.base = hub_url.rstrip("/")
        self.token = token
        self.verify: Any = ca_file or True
        self.timeout = timeout

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        import httpx

        try:
            r = httpx.post(
                self.base + path,
                json=payload,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=self.timeout,
                verify=self.verify,
            )
        except httpx.HTTPError as exc:
            raise ProviderUnavailable(f"{self.base}{path}: {exc}") from exc
        if r.status_code >= 500 or r.status_code == 429:
            raise ProviderUnavailable(f"{self.base}{path}: HTTP {r.status_code}")
        try:
            data = r.json()
        except ValueError as exc:
            raise ProviderUnavailable(f"{self.base}{path}: not JSON") from exc
        if r.status_code >= 400:
            raise ProviderRefused(f"{self.base}{path}: {data.get('code')}: {data.get('detail')}")
        return dict(data)

    def issue(self, requests: Sequence[WaybillRequest]) -> list[IssuedWaybill]:
        from dataclasses import asdict

        out: list[IssuedWaybill] = []
        reqs = list(requests)
        for i in range(0, len(reqs), MAX_BATCH):
            data = self._post(
                "/api/v1/waybills", {"requests": [asdict(r) for r in reqs[i : i + MAX_BATCH]]}
            )
            out.extend(IssuedWaybill(**w) for w in data.get("waybills") or [])
        return out

    def void(self, carrier: str, waybill: str, reason: str = "") -> bool:
        data = self._post(
            "/api/v1/waybills/void", {"carrier": carrier, "waybill": waybill, "reason": reason}
        )
        return bool(data.get("voided"))


def provider_from_settings(settings: dict[str, Any]) -> HttpWaybillProvider | None:
    """The station's provider (settings ewaybill_url / ewaybill_app_key / ewaybill_secret), or None
    when none is configured."""
    url = settings.get("ewaybill_url")
    if not url:
        return None
    return HttpWaybillProvider(
        str(url),
        str(settings.get("ewaybill_app_key") or "station"),
        str(settings.get("ewaybill_secret") or ""),
    )
