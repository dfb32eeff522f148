"""Returns mode: a returned parcel is scanned (waybill, pre-pack label or order number), its reason and
disposition recorded, and restocked items go back on the shelf. Returns peak after the promo.

`scan_return` runs on the store writer thread like `scan_engine.scan` and answers with the same
Verdict; state changes only on ok, in one transaction with its event.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from warehouse_app import counts
from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import Mode, ParcelState, Status, Verdict, parse_sku_set
from warehouse_app.errors import StationError
from warehouse_app.outbox import append_event
from warehouse_app.scan_engine import ScanContext, clean_code, find_parcel
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

REASONS: dict[str, tuple[str, str]] = {
    "quality": ("质量问题", "Quality problem"),
    "logistics_damage": ("物流破损", "Damaged in transit"),
    "changed_mind": ("不想要了", "Changed mind"),
    "wrong_item": ("发错货", "Wrong item sent"),
    "other": ("其他", "Other"),
}
DISPOSITIONS: dict[str, tuple[str, str]] = {
    "restock": ("入库重售", "Restock"),
    "damaged": ("破损报废", "Damaged"),
    "to_vendor": ("退回供应商", "Back to vendor"),
}

# reason -> (message_zh, message_en, next_zh, next_en) for rejected return scans
_REJECT = {
    "unknown_code": (
        "未知条码",
        "Unknown barcode",
        "核对面单号或订单号后重扫",
        "Check the waybill or order number",
    ),
    "duplicate": (
        "已登记退货",
        "Return already recorded",
        "无需操作，放入退货区",
        "Nothing to do, into the returns area",
    ),
    "not_shipped": (
        "该包裹未发出",
        "Parcel was never shipped",
        "交组长处理（不是退货）",
        "Not a return: hand it to the lead",
    ),
    "voided": (
        "面单已作废",
        "Waybill voided",
        "扫描新面单或订单号",
        "Scan the new waybill or the order number",
    ),
    "not_logged_in": ("请先登录", "Log in first", "扫描工牌登录", "Scan your badge"),
    "no_reason": (
        "请先选择退货原因",
        "Choose the return reason first",
        "在退货面板选择原因和处理方式",
        "Pick reason and disposition in the returns panel",
    ),
}

# The station's current reason/disposition for return mode (chosen once in the returns panel, used by
# every scan until changed), so a scanner-only return station needs no typing per parcel.
SETTING_REASON = "returns.reason"
SETTING_DISPOSITION = "returns.disposition"


def set_return_defaults(conn: sqlite3.Connection, reason: str, disposition: str) -> None:
    """Remember the reason and disposition the return mode uses; caller owns the transaction."""
    from warehouse_app.station import set_setting

    reason = check_reason(reason)
    disposition = check_disposition(disposition)
    set_setting(conn, SETTING_REASON, reason)
    set_setting(conn, SETTING_DISPOSITION, disposition)


def choose_return(
    conn: sqlite3.Connection, reason: str | None, disposition: str | None
) -> tuple[str | None, str | None]:
    """One station choice (a key, a card, the lead's Returns tab): keep the other half, validate
    what is given (zh + en error, nothing saved) and store it in its own transaction."""
    from warehouse_app.station import set_setting

    r = check_reason(reason) if reason is not None else None
    d = check_disposition(disposition) if disposition is not None else None
    with transaction(conn):
        cur_r, cur_d = return_defaults(conn)
        r, d = r or cur_r, d or cur_d
        if r:
            set_setting(conn, SETTING_REASON, check_reason(r))
        if d:
            set_setting(conn, SETTING_DISPOSITION, check_disposition(d))
    return r, d


def return_defaults(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    from warehouse_app.station import get_setting

    return get_setting(conn, SETTING_REASON), get_setting(conn, SETTING_DISPOSITION)


def _check_choice(
    value: Any, choices: dict[str, tuple[str, str]], what_en: str, what_zh: str
) -> str:
    """The choice's key, from its key in any case (`Quality`, `logistics-damage`) or its zh/en label;
    anything else (empty, unknown, not a string) is refused with both languages' list of choices."""
    if isinstance(value, str):
        v = value.strip()
        key = v.lower().replace("-", "_").replace(" ", "_")
        if key in choices:
            return key
        for k, (zh, en) in choices.items():
            if v == zh or v.lower() == en.lower():
                return k
    opts = ", ".join(choices)
    opts_zh = "、".join(f"{k}（{zh}）" for k, (zh, _en) in choices.items())
    logger.warning("return scan: bad %s %r", what_en, value)
    raise StationError(
        f"Unknown return {what_en} {value!r}: choose one of {opts}",
        zh=f"未知的退货{what_zh} {value!r}：请选择 {opts_zh}",
    )


def check_reason(value: Any) -> str:
    """A return reason's key, or StationError (zh + en) for an unknown one."""
    return _check_choice(value, REASONS, "reason", "原因")


def check_disposition(value: Any) -> str:
    """A disposition's key, or StationError (zh + en) for an unknown one."""
    return _check_choice(value, DISPOSITIONS, "disposition", "处理方式")


def _reject(code: str, reason: str, row: Any = None, **extra: Any) -> Verdict:
    mzh, men, nzh, nen = _REJECT[reason]
    v = Verdict(
        status=Status.REJECTED.value,
        code=code,
        mode=Mode.RETURN.value,
        reason=reason,
        message_zh=mzh,
        message_en=men,
        next_zh=nzh,
        next_en=nen,
        extra=extra,
    )
    if row is not None:
        v.parcel_id, v.order_id, v.waybill, v.carrier, v.batch_id, v.state = (
            row["parcel_id"],
            row["order_id"],
            row["waybill"],
            row["carrier"],
            row["batch_id"],
            row["state"],
        )
    return v


def scan_return(
    conn: sqlite3.Connection,
    code: str,
    ctx: ScanContext,
    reason: str | None = None,
    disposition: str | None = None,
    note: str | None = None,
    clock: Callable[[], Any] = utcnow,
) -> Verdict:
    """Record one returned parcel. An explicit reason/disposition always wins; only one left as None
    falls back to the station's current choice (see set_return_defaults); if there is none the scan is
    rejected with `no_reason`. An unknown reason/disposition (explicit, or a stored choice that is no
    longer known) raises StationError in Chinese and English before anything is read or written: it is a
    UI or typing mistake, not a scan, so it leaves no trace but the log line."""
    t0 = time.perf_counter()
    # explicit values first, each checked on its own: "" is not "no choice", it is a wrong one
    if reason is not None:
        reason = check_reason(reason)
    if disposition is not None:
        disposition = check_disposition(disposition)
    if reason is None or disposition is None:
        d_reason, d_disp = return_defaults(conn)
        if reason is None and d_reason is not None:
            reason = check_reason(d_reason)
        if disposition is None and d_disp is not None:
            disposition = check_disposition(d_disp)
    c = clean_code(code)
    if reason is None or disposition is None:
        v = _reject(c, "no_reason")
    else:
        v = _decide(conn, c, ctx, reason, disposition, note, clock)
    v.elapsed_ms = round((time.perf_counter() - t0) * 1000, 3)
    if not v.ok:
        logger.info("return scan rejected: code=%r reason=%s", c, v.reason)
        conn.execute(
            "INSERT INTO scan_log (at, mode, code, status, reason, operator, parcel_id, elapsed_ms) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (
                iso(clock()),
                Mode.RETURN.value,
                c,
                v.status,
                v.reason,
                ctx.operator,
                v.parcel_id,
                v.elapsed_ms,
            ),
        )
    return v


def _decide(
    conn: sqlite3.Connection,
    code: str,
    ctx: ScanContext,
    reason: str,
    disposition: str,
    note: str | None,
    clock: Callable[[], Any],
) -> Verdict:
    if not code:
        return _reject(code, "unknown_code")
    if not ctx.operator:
        return _reject(code, "not_logged_in")
    row = find_parcel(conn, code)
    if row is None:
        void = conn.execute(
            "SELECT order_id FROM voided_waybills WHERE waybill=?", (code,)
        ).fetchone()
        if void is not None:
            return _reject(code, "voided", order_id=void["order_id"])
        return _reject(code, "unknown_code")
    state = ParcelState(row["state"])
    if state is ParcelState.RETURNED:
        return _reject(code, "duplicate", row)
    if state is not ParcelState.HANDED_OFF:
        return _reject(code, "not_shipped", row)
    o = conn.execute(
        "SELECT session_id FROM orders WHERE order_id=?", (row["order_id"],)
    ).fetchone()
    at = iso(clock())
    items = parse_sku_set(row["sku_set"])
    with transaction(conn):
        cur = conn.execute(
            "UPDATE parcels SET state='returned', updated_at=? WHERE parcel_id=? AND state='handed_off'",
            (at, row["parcel_id"]),
        )
        if cur.rowcount != 1:
            raise RuntimeError(f"parcel {row['parcel_id']} changed under the return scan")
        conn.execute(
            "INSERT INTO returns (parcel_id, order_id, waybill, sku_set, session_id, carrier, reason, "
            "disposition, note, returned_at, operator) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                row["parcel_id"],
                row["order_id"],
                row["waybill"],
                row["sku_set"],
                o["session_id"] if o else None,
                row["carrier"],
                reason,
                disposition,
                note,
                at,
                ctx.operator,
            ),
        )
        # a restocked return's units are back on the shelf: the stock position counts them from the
        # returns table (promo.stock), so nothing to bump here and a damaged one never comes back
        seq, _ = append_event(
            conn,
            "parcel.returned",
            {
                "parcel_id": row["parcel_id"],
                "order_id": row["order_id"],
                "waybill": row["waybill"],
                "carrier": row["carrier"],
                "reason": reason,
                "disposition": disposition,
                "items": items,
                "restocked": disposition == "restock",
                "from": "handed_off",
                "to": "returned",
            },
            operator=ctx.operator,
            at=at,
        )
        conn.execute(
            "INSERT INTO scan_log (at, mode, code, status, reason, operator, parcel_id) VALUES (?,?,?,?,?,?,?)",
            (at, Mode.RETURN.value, code, "ok", None, ctx.operator, row["parcel_id"]),
        )
    rzh, ren = REASONS[reason]
    dzh, den = DISPOSITIONS[disposition]
    return Verdict(
        status=Status.OK.value,
        code=code,
        mode=Mode.RETURN.value,
        message_zh=f"退货已登记：{rzh}",
        message_en=f"Return recorded: {ren}",
        next_zh=f"放入「{dzh}」区",
        next_en=f"Into the '{den}' area",
        parcel_id=row["parcel_id"],
        order_id=row["order_id"],
        waybill=row["waybill"],
        carrier=row["carrier"],
        batch_id=row["batch_id"],
        state=ParcelState.RETURNED.value,
        event_seq=seq,
        extra={"reason": reason, "disposition": disposition, "items": items},
    )


def return_report(conn: sqlite3.Connection, by: str = "sku") -> list[dict[str, Any]]:
    """Return rate and reasons per SKU (units) or per session (parcels): returned / shipped, where
    shipped is warehouse_app.counts' one rule (the promo review and `report handoffs` agree); a
    rate with nothing shipped is None ("no data"), never 0 %."""
    if by not in ("sku", "session"):
        raise StationError("by must be sku or session", zh="by 必须是 sku 或 session")
    shipped: dict[str, int] = {}
    returned: dict[str, int] = {}
    reasons: dict[str, dict[str, int]] = {}
    if by == "sku":
        for key, n in counts.shipped_by_sku_set(conn).items():
            for sku, q in parse_sku_set(key).items():
                shipped[sku] = shipped.get(sku, 0) + q * n
        for r in conn.execute(
            "SELECT sku_set, reason, count(*) FROM returns GROUP BY sku_set, reason"
        ):
            for sku, q in parse_sku_set(r[0]).items():
                returned[sku] = returned.get(sku, 0) + q * r[2]
                reasons.setdefault(sku, {})[r[1]] = (
                    reasons.setdefault(sku, {}).get(r[1], 0) + q * r[2]
                )
    else:
        shipped = counts.shipped_by_session(conn)
        for r in conn.execute(
            "SELECT coalesce(session_id, '-'), reason, count(*) FROM returns GROUP BY 1, 2"
        ):
            returned[r[0]] = returned.get(r[0], 0) + r[2]
            reasons.setdefault(r[0], {})[r[1]] = r[2]
    rows = []
    for k in sorted(set(shipped) | set(returned)):
        s, n = shipped.get(k, 0), returned.get(k, 0)
        rs = reasons.get(k, {})
        rows.append(
            {
                by: k,
                "shipped": s,
                "returned": n,
                "return_rate": round(n / s, 4) if s else None,  # no shipments: no rate
                **{f"reason_{x}": rs.get(x, 0) for x in REASONS},
            }
        )
    return rows
