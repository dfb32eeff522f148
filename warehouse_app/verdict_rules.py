"""How serious a verdict is, by what the packer must do, and the specifics that make it actionable.

One place for every front end (window, headless station, `scan`): the colour follows the packer's
next move, not the scan engine's ok/rejected bit.

- `ok`        green: this parcel is done right (and its label, if it needed one, printed)
- `info`      neutral: nothing to do (a repeat scan of a done parcel; mode/login/batch changes)
- `warn`      orange: do something else first (label not printed, no batch chosen, not read)
- `stop`      red: this parcel is wrong here (wrong item/batch/carrier/weight, voided, unknown)
- `intercept` its own colour and siren: the order was cancelled, pull the parcel
"""

from __future__ import annotations

from typing import Any

from warehouse_app.domain import Verdict

SEVERITIES = ("ok", "info", "warn", "stop", "intercept")

# rejection reasons by what the packer does next
_INFO = {"duplicate", "already_handed_off"}
_WARN = {
    "no_batch",
    "no_handoff",
    "batch_not_active",
    "handoff_closed",
    "no_order",
    "no_lease",  # nothing left in this station's lease: keep it staged, sync
    "not_logged_in",
    "not_packed",
    "not_verified",
    "not_intercepted",
}

# Messages for a repeat scan: the panel says "nothing to do" in words, not just in colour.
REPEAT_TEXT: dict[str, tuple[str, str, str, str]] = {
    "duplicate": (
        "已扫过，无需操作",
        "Already scanned: nothing to do",
        "继续下一件",
        "Next parcel",
    ),
}


def severity(v: Verdict) -> str:
    if v.ok:
        return "ok"
    r = v.reason or ""
    if r in ("intercepted", "held"):  # held: another station shipped it, pull it the same way
        return "intercept"
    if r in _INFO:
        return "info"
    if r in _WARN:
        return "warn"
    return "stop"


def texts(v: Verdict) -> tuple[str, str, str, str]:
    """(message_zh, message_en, next_zh, next_en), repeat scans worded as 'nothing to do'."""
    if not v.ok and v.reason in REPEAT_TEXT:
        return REPEAT_TEXT[v.reason]
    return v.message_zh, v.message_en, v.next_zh, v.next_en


def specifics(
    v: Verdict, carrier_name: Any = None, expected: dict[str, Any] | None = None
) -> tuple[str, str]:
    """Where the parcel belongs, for the detail line: which batch, carrier or handoff.

    `carrier_name(code) -> (zh, en)` gives display names; `expected` what the station is set to
    (batch_id, handoff carrier) so the line can say "B0002, not B0001"."""
    exp = expected or {}

    def cname(code: str | None) -> tuple[str, str]:
        if not code:
            return "-", "-"
        if carrier_name is not None:
            try:
                zh, en = carrier_name(code)
                return str(zh), str(en)
            except Exception:
                pass
        return code, code

    r = v.reason or ""
    if r == "wrong_batch" and v.batch_id:
        want = exp.get("batch_id")
        tail_zh = f"，当前批次 {want}" if want else ""
        tail_en = f", this station is on {want}" if want else ""
        return (
            f"该包裹属于批次 {v.batch_id}{tail_zh}",
            f"This parcel belongs to batch {v.batch_id}{tail_en}",
        )
    if r == "wrong_carrier" and v.carrier:
        zh, en = cname(v.carrier)
        want = exp.get("carrier")
        wzh, wen = cname(want) if want else ("", "")
        return (
            f"该包裹属于{zh}" + (f"，当前交接单是{wzh}" if want else ""),
            f"This parcel goes with {en}" + (f", this handoff is {wen}" if want else ""),
        )
    if r == "already_handed_off" and v.handoff_id:
        return (
            f"已在交接单 {v.handoff_id} 中交接",
            f"Already handed off in {v.handoff_id}",
        )
    if r == "duplicate":
        where_zh = f"批次 {v.batch_id}" if v.batch_id else ""
        where_en = f"batch {v.batch_id}" if v.batch_id else ""
        if v.handoff_id:
            where_zh, where_en = f"交接单 {v.handoff_id}", f"handoff {v.handoff_id}"
        return (
            f"已记录（{where_zh}）" if where_zh else "已记录",
            f"Already recorded ({where_en})" if where_en else "Already recorded",
        )
    return "", ""
