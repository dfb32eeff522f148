"""HTTP client for the hub API: every failure becomes a `SyncError` with zh + en text.

TLS: an https URL is always certificate-checked (system CAs, or the configured CA file for a
hub with a private CA); there is no switch to turn checking off.
"""

from __future__ import annotations

import logging
import random
import ssl
import time
from collections.abc import Callable
from typing import Any

import httpx

from warehouse_app import __version__
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


class SyncError(StationError):
    """The hub could not be reached or answered something unusable; retry later."""

    def __init__(self, message: str, zh: str | None = None, *, retry: bool = True) -> None:
        super().__init__(message, zh=zh)
        self.retry = retry


class AckConflict(SyncError):
    """The hub holds fewer events than the station thought; re-push after `acked_seq`."""

    def __init__(self, message: str, acked_seq: int) -> None:
        super().__init__(message, zh="站点与上游的事件序号不一致，将重传")
        self.acked_seq = acked_seq


def _problem(data: Any) -> dict[str, Any]:
    """The hub's error as a dict with en/zh/code/acked_seq: RFC 9457 problem+json members
    from this hub, the `error` object from hubs of the previous release."""
    if not isinstance(data, dict):
        return {}
    if isinstance(data.get("code"), str) and ("en" in data or "detail" in data):
        return {**data, "en": data.get("en") or data.get("detail")}
    err = data.get("error")
    return err if isinstance(err, dict) else {}


class HubBusy(SyncError):
    """The hub answered 429 for longer than this client's patience; retry later."""


class HubClient:
    """One keep-alive HTTP connection to the hub (reuse the client across sync runs).

    A 429 (hub busy, back-pressure) is not a failure: the call waits Retry-After seconds with
    jitter (so a fleet of stations does not retry in step) and tries again on the same
    connection, for up to `busy_patience_s` in all. `wait(seconds) -> bool` does the waiting
    (False: stop asked, give up now)."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        ca_file: str | None = None,
        timeout_s: float = 15.0,
        connect_timeout_s: float = 3.0,
        busy_patience_s: float = 600.0,
        wait: Callable[[float], bool] | None = None,
    ) -> None:
        self.busy_patience_s = busy_patience_s
        self.busy_waits = 0  # 429s honoured (for status and benchmarks)
        self._wait = wait or _sleep
        if not url.startswith(("http://", "https://")):
            raise SyncError(
                f"Hub URL must start with http:// or https://, got {url!r}",
                zh=f"上游地址必须以 http:// 或 https:// 开头：{url!r}",
                retry=False,
            )
        verify: ssl.SSLContext | bool = True
        if ca_file:
            try:
                verify = ssl.create_default_context(cafile=ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise SyncError(
                    f"Cannot load the hub CA file {ca_file}: {exc}",
                    zh=f"无法读取上游 CA 证书文件 {ca_file}：{exc}",
                    retry=False,
                ) from exc
        self.url = url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.url,
            verify=verify,
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"warehouse-station/{__version__}",
            },
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        waited = 0.0
        while True:
            r = self._request(method, path, **kw)
            hint = _busy_delay(r) if r.status_code == 429 else None
            if hint is None:
                return self._answer(r, method, path)
            # back-pressure: nothing was done; wait as told (with jitter) and try again
            delay = hint * random.uniform(1.0, 1.5)
            if waited + delay > self.busy_patience_s:
                raise HubBusy(
                    f"The hub stayed busy for {waited:.0f} s; retrying later.",
                    zh=f"上游持续繁忙 {waited:.0f} 秒，稍后重试。",
                )
            self.busy_waits += 1
            logger.info("hub busy (429): waiting %.1f s before retrying %s %s", delay, method, path)
            if not self._wait(delay):
                raise HubBusy("Stopped while the hub was busy.", zh="上游繁忙时同步被停止。")
            waited += delay

    def _request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, **kw)
        except httpx.TimeoutException as exc:
            raise SyncError(
                f"The hub at {self.url} did not answer in time ({type(exc).__name__}).",
                zh=f"上游 {self.url} 响应超时。",
            ) from exc
        except httpx.ConnectError as exc:
            text = str(exc)
            if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
                raise SyncError(
                    f"The hub's TLS certificate could not be verified (check the hub URL, the CA "
                    f"file and this PC's date and time): {text}",
                    zh=f"上游的 TLS 证书校验失败（请检查上游地址、CA 证书文件以及本机日期时间）：{text}",
                ) from exc
            raise SyncError(
                f"Cannot reach the hub at {self.url}: {text}",
                zh=f"无法连接上游 {self.url}（离线，稍后自动重试）。",
            ) from exc
        except httpx.HTTPError as exc:
            raise SyncError(
                f"The connection to the hub failed: {type(exc).__name__}: {exc}",
                zh="与上游的连接中断，稍后自动重试。",
            ) from exc

    def _answer(self, r: httpx.Response, method: str, path: str) -> dict[str, Any]:
        try:
            data = r.json()
        except ValueError:
            data = None
        err = _problem(data)
        if r.status_code == 401:
            raise SyncError(
                "The hub refused this station's token (revoked or wrong); ask IT for a new one.",
                zh="上游拒绝了本站令牌（已吊销或错误），请联系 IT 重新配置。",
                retry=True,
            )
        if r.status_code == 409 and isinstance(err.get("acked_seq"), int):
            raise AckConflict(str(err.get("en")), err["acked_seq"])
        if r.status_code >= 400:
            en, zh = err.get("en"), err.get("zh")
            raise SyncError(
                f"The hub answered HTTP {r.status_code}: {en or r.text[:200]}",
                zh=f"上游返回错误 {r.status_code}：{zh or en or ''}",
                retry=r.status_code >= 500 or r.status_code == 429,
            )
        if not isinstance(data, dict):
            raise SyncError(
                f"The hub sent an unreadable answer to {method} {path}.",
                zh="上游返回的数据无法解析，稍后重试。",
            )
        return data

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/api/v1/health")

    def push(self, station_id: str, after_seq: int, events: list[dict[str, Any]]) -> dict[str, Any]:
        return self._call(
            "POST",
            "/api/v1/events",
            json={"station_id": station_id, "after_seq": after_seq, "events": events},
        )

    def push_raw(self, body: bytes) -> dict[str, Any]:
        """Push a body built by `outbox_body` (payloads copied as stored, not re-encoded)."""
        return self._call(
            "POST", "/api/v1/events", content=body, headers={"Content-Type": "application/json"}
        )

    def ack(self) -> dict[str, Any]:
        return self._call("GET", "/api/v1/events/ack")

    def changes(self, since: int, limit: int, epoch: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if epoch:
            params["epoch"] = epoch
        return self._call("GET", "/api/v1/changes", params=params)

    def handoff_report(self, since: str | None = None) -> dict[str, Any]:
        return self._call(
            "GET", "/api/v1/reports/handoffs", params={"since": since} if since else None
        )

    def transfer(self, codes: list[str]) -> dict[str, Any]:
        """Tell the hub this station received these parcels from another station's cage."""
        return self._call("POST", "/api/v1/transfers", json={"codes": codes})

    def conflicts(self, include_resolved: bool = False) -> dict[str, Any]:
        return self._call(
            "GET", "/api/v1/conflicts", params={"include_resolved": str(include_resolved).lower()}
        )


def _sleep(seconds: float) -> bool:
    time.sleep(seconds)
    return True


def _retry_after(value: str | None) -> float:
    """Retry-After in seconds (the hub sends delay-seconds); unreadable: 1 s."""
    try:
        return min(60.0, max(0.1, float(value or 1)))
    except ValueError:
        return 1.0


def _busy_delay(r: httpx.Response) -> float | None:
    """For a back-pressure 429 (code hub_busy, with Retry-After; not the auth-failure
    limiter): the seconds to wait, from the hub's finer retry_after_ms when it gives one, else
    Retry-After. None for any other answer. The body is read once."""
    if "retry-after" not in r.headers:
        return None
    try:
        problem = _problem(r.json())
    except ValueError:
        return None
    if problem.get("code") != "hub_busy":
        return None
    ms = problem.get("retry_after_ms")
    if isinstance(ms, int) and not isinstance(ms, bool) and ms > 0:
        return min(60.0, max(0.1, ms / 1000))
    return _retry_after(r.headers.get("retry-after"))
