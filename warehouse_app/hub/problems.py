"""RFC 9457 problem details for every refusal the hub gives, in Chinese and English.

One shape for all errors (`application/problem+json`): `type`, `title`, `status`, `detail`,
`instance`, plus our members `code` (stable, machine-readable: clients branch on it), `zh` and
`en` (for people), `request_id`, `errors` (every validation error, not only the first) and
per-code extras such as `acked_seq`. The member `error: {en, zh, ...extras}` repeats the text
for stations of the previous release, which read `error.acked_seq` on a 409.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field
from starlette.responses import JSONResponse

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:warehouse-hub:problem:"

# code -> (status, English title, Chinese title). Codes are part of the API: never renamed.
CODES: dict[str, tuple[int, str, str]] = {
    "bad_request": (400, "Bad request", "请求无法解析"),
    "unauthorized": (401, "Missing, unknown or revoked token", "令牌缺失、无效或已吊销"),
    "forbidden": (403, "Not allowed for this token", "该令牌无权执行此操作"),
    "wrong_station": (403, "Token belongs to another station", "令牌属于其他站点"),
    "other_warehouse": (403, "Belongs to another warehouse", "属于其他仓库"),
    "missing_scope": (403, "Token lacks the scope", "令牌缺少所需权限"),
    "not_found": (404, "Not found", "没有这个接口或对象"),
    "method_not_allowed": (405, "Method not allowed", "接口不支持该方法"),
    "request_timeout": (408, "Request not received in time", "请求发送超时"),
    "seq_conflict": (409, "Event sequence conflict", "事件序号冲突"),
    "version_conflict": (409, "Version conflict", "版本冲突"),
    "transfer_conflict": (409, "Cannot transfer", "无法转移"),
    "payload_too_large": (413, "Request body too large", "请求体过大"),
    "unsupported_media_type": (415, "Unsupported media type", "不支持的内容类型"),
    "validation_failed": (422, "Request validation failed", "请求格式错误"),
    "seq_gap": (422, "Gap in the event sequence", "事件序号不连续"),
    "seq_order": (422, "Events out of order", "事件序号未递增"),
    "too_many_auth_failures": (429, "Too many failed logins", "认证失败次数过多"),
    "too_many_requests": (429, "Too many requests", "请求过多"),
    "hub_busy": (429, "Hub busy: retry after Retry-After seconds", "上游繁忙，请稍后重试"),
    "internal_error": (500, "Internal error", "上游内部错误"),
    "not_ready": (503, "Hub not ready", "上游未就绪"),
    "injected_failure": (500, "Injected failure", "测试注入的故障"),
}


class ValidationItem(BaseModel):
    loc: list[str | int] = Field(description="where in the request: body/query/path + keys")
    code: str = Field(description="pydantic error type, e.g. missing, greater_than")
    en: str
    zh: str


class Problem(BaseModel):
    """RFC 9457 problem details plus the hub's stable `code` and bilingual messages."""

    type: str = Field(description=f"`{TYPE_PREFIX}<code>`")
    title: str
    status: int
    detail: str = Field(description="what went wrong, in English")
    instance: str | None = Field(None, description="the request path")
    code: str = Field(description="stable machine-readable error code; branch on this")
    en: str
    zh: str
    request_id: str | None = None
    errors: list[ValidationItem] | None = Field(
        None, description="every validation error (code validation_failed)"
    )
    acked_seq: int | None = Field(
        None, description="seq_conflict: the highest seq of this station the hub holds"
    )
    expected_seq: int | None = Field(None, description="seq_gap: the seq the hub expects next")
    retry_after_s: int | None = Field(None, description="429: seconds to wait")
    retry_after_ms: int | None = Field(
        None, description="hub_busy: milliseconds to wait (finer than Retry-After's seconds)"
    )
    current_version: int | None = Field(
        None, description="version_conflict: the version the hub holds"
    )


def utf8(text: str) -> str:
    """Echoed request text may hold a lone surrogate; the reply must still encode."""
    return text.encode("utf-8", "replace").decode("utf-8")


class HubProblem(Exception):
    """Raise anywhere in a handler to answer with a problem document."""

    def __init__(
        self,
        code: str,
        en: str | None = None,
        zh: str | None = None,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        st, title_en, title_zh = CODES.get(code, (status or 500, code, code))
        super().__init__(en or title_en)
        self.code = code
        self.status = status or st
        self.en = en or title_en
        self.zh = zh or title_zh
        self.headers = dict(headers) if headers else None
        self.extra = extra


def problem_body(
    code: str,
    en: str | None = None,
    zh: str | None = None,
    *,
    status: int | None = None,
    instance: str | None = None,
    request_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    st, title_en, title_zh = CODES.get(code, (status or 500, code, code))
    status = status or st
    en, zh = utf8(en or title_en), utf8(zh or title_zh)
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + code,
        "title": title_en,
        "status": status,
        "detail": en,
        "instance": instance,
        "code": code,
        "en": en,
        "zh": zh,
        "request_id": request_id,
    }
    legacy = {"en": en, "zh": zh, "code": code}
    for k, v in extra.items():
        body[k] = v
        if k != "errors":
            legacy[k] = v
    body["error"] = legacy
    return body


def problem_response(
    code: str,
    en: str | None = None,
    zh: str | None = None,
    *,
    status: int | None = None,
    instance: str | None = None,
    request_id: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = problem_body(
        code, en, zh, status=status, instance=instance, request_id=request_id, **extra
    )
    return JSONResponse(
        status_code=body["status"], content=body, headers=headers, media_type=PROBLEM_JSON
    )


# -- validation errors, every one of them, in both languages --------------------------------
_ZH = {
    "missing": "缺少必填字段",
    "json_invalid": "不是有效的 JSON",
    "int_parsing": "必须是整数",
    "int_type": "必须是整数",
    "float_parsing": "必须是数字",
    "string_type": "必须是文本",
    "bool_parsing": "必须是 true 或 false",
    "dict_type": "必须是对象",
    "list_type": "必须是列表",
    "model_attributes_type": "必须是对象",
    "greater_than": "数值过小",
    "greater_than_equal": "数值过小",
    "less_than": "数值过大",
    "less_than_equal": "数值过大",
    "string_too_short": "文本过短",
    "string_too_long": "文本过长",
    "too_short": "条目过少",
    "too_long": "条目过多",
    "value_error": "取值无效",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "extra_forbidden": "不允许的字段",
    "int_from_float": "必须是整数",
}


def validation_items(errors: Sequence[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for e in errors:
        loc = [p if isinstance(p, int) else utf8(str(p)) for p in e.get("loc", ())]
        kind = str(e.get("type", "value_error"))
        where = ".".join(str(p) for p in loc)
        msg = utf8(str(e.get("msg", "invalid")))
        out.append(
            {
                "loc": loc,
                "code": kind,
                "en": f"{msg} at {where}",
                "zh": f"{where}：{_ZH.get(kind, '格式错误')}",
            }
        )
    return out


def openapi_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each listed error status documented as a Problem."""
    out: dict[int | str, dict[str, Any]] = {}
    for st in statuses:
        codes = sorted(c for c, (s, _, _) in CODES.items() if s == st)
        out[st] = {
            "model": Problem,
            "description": "problem details; code one of: " + ", ".join(codes),
        }
    return out


def problem_media_types(spec: dict[str, Any]) -> dict[str, Any]:
    """Error responses are served as application/problem+json: say so in the document."""
    for item in spec.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for status, resp in op.get("responses", {}).items():
                content = resp.get("content")
                if str(status)[:1] in "45" and content and "application/json" in content:
                    resp["content"] = {PROBLEM_JSON: content.pop("application/json")}
    return spec
