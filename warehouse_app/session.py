"""The station session: the floor's rules in one Qt-free object that every front end drives.

A station gets four kinds of input: a scanned code, a command card (`#MODE:PACK` ...), a badge and
a key command (F1-F8, Ctrl/Alt+n). All of them enter here and each returns one `Outcome`: the
verdict of a parcel scan, a login, a mode/batch/handoff change, a return choice, or a refusal,
plus what must print and whether it was queued. The window, `run --headless` and `scan` only
render outcomes, so none of them decides anything the others would not.

Every method takes the writer connection first and runs on the store writer thread
(`writer.submit(session.scan, code)`): outcomes are produced in input order, and state changes
(who is logged in, the mode) happen in the same order as the commits they govern.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from warehouse_app import returns
from warehouse_app.batches import get_batch
from warehouse_app.commands import Command, parse_command
from warehouse_app.domain import Mode, Verdict
from warehouse_app.errors import StationError
from warehouse_app.handoffs import get_handoff
from warehouse_app.printing import enqueue_parcel
from warehouse_app.scan_engine import ScanContext, clean_code, scan
from warehouse_app.station import find_operator, login
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

MODES: tuple[str, ...] = tuple(m.value for m in Mode)

# what each mode asks the packer to do next (announced when the mode changes)
MODE_HINTS: dict[str, tuple[str, str, str, str]] = {
    "pack": ("预包装", "Pack batch", "逐个扫描批次包裹的预包标签", "Scan each parcel's label"),
    "verify": ("核对装箱", "Verify & box", "扫描每个包裹的面单", "Scan each parcel's waybill"),
    "handoff": ("快递交接", "Hand off", "包裹装笼时逐个扫描", "Scan each parcel into the cage"),
    "pull": ("拦截取件", "Pull intercepts", "扫描取出的拦截包裹", "Scan each pulled parcel"),
    "return": ("退货", "Returns", "扫描每个退回的包裹", "Scan each returned parcel"),
}


class PrintPort(Protocol):
    """Where the session's print jobs go: the station's label printer, if it has one."""

    def printer_key(self) -> str | None:
        """The printer the job is for (its URL key), or None when the station has no printer."""

    def wake(self) -> None:
        """A job was queued: the print worker should look now (any thread)."""


@dataclass
class PrintNeed:
    """A label the floor needs now (a parcel bound at verify gets its first waybill)."""

    parcel_id: str
    waybill: str | None
    queued: bool  # a print job was persisted for this station's printer
    printer: str | None = None
    run_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "parcel_id": self.parcel_id,
            "waybill": self.waybill,
            "queued": self.queued,
            "printer": self.printer,
        }


@dataclass
class Outcome:
    """What one input did. `kind`: verdict | login | logout | mode | batch | handoff |
    return_choice | refused | ignored. `ok` False means nothing changed (a refused card or badge,
    a rejected scan); the texts say why and what to do, Chinese first."""

    kind: str
    ok: bool
    code: str = ""
    verdict: Verdict | None = None
    operator: dict[str, Any] | None = None
    mode: str = "verify"
    batch_id: str | None = None
    handoff_id: str | None = None
    return_reason: str | None = None
    return_disposition: str | None = None
    value: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    message_zh: str = ""
    message_en: str = ""
    next_zh: str = ""
    next_en: str = ""
    print: PrintNeed | None = None
    announce: bool = True  # the front end shows it big (False: only its context line changes)

    @property
    def sound(self) -> str:
        """The sound class of this outcome (front ends map it to a file or a beep)."""
        if self.verdict is not None:
            if self.verdict.ok:
                return "ok"
            return {"intercepted": "intercept", "duplicate": "duplicate"}.get(
                self.verdict.reason or "", "reject"
            )
        if not self.ok:
            return "reject"
        return "ok" if self.kind == "login" else "command"

    def text(self, lang: str) -> tuple[str, str]:
        """(message, next step) in `lang`."""
        if self.verdict is not None:
            return self.verdict.message(lang), self.verdict.next_action(lang)
        zh = lang.startswith("zh")
        return (self.message_zh if zh else self.message_en, self.next_zh if zh else self.next_en)

    def to_dict(self) -> dict[str, Any]:
        """One JSON line for `scan` and the headless station. A parcel verdict keeps the verdict's
        own fields (status ok|rejected); any other outcome has status command|rejected and kind."""
        if self.verdict is not None:
            d = self.verdict.to_dict()
            if self.print is not None:
                d["print"] = self.print.to_dict()
            return d
        d = {
            "status": "command" if self.ok else "rejected",
            "code": self.code,
            "kind": self.kind,
            "value": self.value,
            "mode": self.mode,
            "batch_id": self.batch_id,
            "handoff_id": self.handoff_id,
            "operator": self.operator["code"] if self.operator else None,
        }
        if self.kind == "return_choice":
            d["return_reason"] = self.return_reason
            d["return_disposition"] = self.return_disposition
        if not self.ok:
            d["reason"] = self.detail.get("reason", self.kind)
        d.update(
            message_zh=self.message_zh,
            message_en=self.message_en,
            next_zh=self.next_zh,
            next_en=self.next_en,
        )
        return d

    def stream_key(self) -> tuple[Any, ...]:
        """What must be identical across front ends for the same input (parity tests)."""
        v = self.verdict
        if v is not None:
            return ("verdict", v.code, v.mode, v.status, v.reason, v.parcel_id, v.state)
        op = self.operator["code"] if self.operator else None
        return (self.kind, self.ok, self.code, self.mode, self.batch_id, self.handoff_id, op)


@dataclass
class SessionState:
    operator: dict[str, Any] | None = None
    mode: str = "verify"
    batch_id: str | None = None
    handoff_id: str | None = None
    return_reason: str | None = None
    return_disposition: str | None = None


def _error_text(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, StationError):
        return exc.zh, str(exc)
    return f"出错：{exc}", f"Error: {exc}"


class StationSession:
    """One station's floor state (who, mode, batch, handoff, return choice) and its rules."""

    def __init__(
        self,
        *,
        mode: str = "verify",
        operator: dict[str, Any] | str | None = None,
        batch_id: str | None = None,
        handoff_id: str | None = None,
        lang: str = "zh",
        printer: PrintPort | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> None:
        if mode not in MODES:
            raise StationError(f"unknown mode {mode!r}", zh=f"未知模式 {mode!r}")
        if isinstance(operator, str):  # a kiosk/CLI preset: acts as that code without a badge
            operator = {"code": operator, "name": operator, "role": "packer"}
        self.state = SessionState(
            operator=operator, mode=mode, batch_id=batch_id, handoff_id=handoff_id
        )
        self.lang = lang
        self.printer = printer
        self.on_outcome = on_outcome

    # -- read-only views -------------------------------------------------------------------
    @property
    def operator(self) -> dict[str, Any] | None:
        return self.state.operator

    @property
    def mode(self) -> str:
        return self.state.mode

    def wants_weight(self) -> bool:
        """A scale reading belongs to the next scan only in verify mode."""
        return self.state.mode == "verify" and self.state.operator is not None

    def scan_context(self) -> ScanContext:
        s = self.state
        return ScanContext(
            mode=s.mode,
            operator=s.operator["code"] if s.operator else None,
            batch_id=s.batch_id if s.mode in ("pack", "verify") else None,
            handoff_id=s.handoff_id if s.mode == "handoff" else None,
            lang=self.lang,
        )

    # -- inputs (writer thread) --------------------------------------------------------------
    def scan(self, conn: sqlite3.Connection, raw: str, weight_g: int | None = None) -> Outcome:
        """A scanned or typed code: a command card, a badge, or a parcel."""
        code = clean_code(raw)
        if not code:
            return self._out(Outcome("ignored", True, code, announce=False))
        cmd = parse_command(code)
        if cmd is not None:
            return self.command(conn, cmd, code)
        if self.state.operator is None:
            return self.badge(conn, code)
        cur = self.state.operator
        if code != cur["code"] and find_operator(conn, code) is not None:
            return self.badge(conn, code)  # shift change: the next packer scans their badge
        return self._verdict(conn, code, weight_g)

    def badge(self, conn: sqlite3.Connection, code: str) -> Outcome:
        """Log in by badge or typed operator code (an unknown badge changes nothing)."""
        try:
            with transaction(conn):
                op = login(conn, code)
        except StationError as exc:
            logger.info("login refused for %r", code)
            zh, en = _error_text(exc)
            return self._out(
                self._refused("login", code, zh, en, "扫描工牌登录", "Scan your badge", "badge")
            )
        self.state.operator = op
        return self._out(
            self._state_outcome(
                "login",
                code,
                f"欢迎，{op['name']}",
                f"Welcome, {op['name']}",
                "扫描包裹，或按 F1-F5 切换模式",
                "Scan a parcel, or press F1-F5 to change mode",
                value=op["code"],
            )
        )

    def command(self, conn: sqlite3.Connection, cmd: Command, code: str = "") -> Outcome:
        """A command card or the key that does the same (F1-F5 -> mode, F8 -> logout ...)."""
        code = code or _card_of(cmd)
        if cmd.kind == "logout":
            return self.logout(code)
        if self.state.operator is None:
            return self._out(
                self._refused(
                    cmd.kind,
                    code,
                    "请先登录",
                    "Log in first",
                    "扫描工牌",
                    "Scan your badge",
                    "login",
                )
            )
        if cmd.kind == "mode":
            return self.set_mode(conn, cmd.value, code)
        if cmd.kind == "batch":
            return self.set_batch(conn, cmd.value, code)
        if cmd.kind == "handoff":
            return self.set_handoff(conn, cmd.value, code)
        if cmd.kind == "reason":
            return self.choose_return(conn, code, reason=cmd.value)
        if cmd.kind == "dispose":
            return self.choose_return(conn, code, disposition=cmd.value)
        return self._out(
            self._refused(
                "invalid",
                code,
                f"无效的指令条码：{cmd.value}",
                f"Unknown command card: {cmd.value}",
                "请扫描正确的指令卡",
                "Scan the right card",
                "invalid_command",
            )
        )

    def logout(self, code: str = "#LOGOUT") -> Outcome:
        was = self.state.operator
        self.state.operator = None
        out = self._state_outcome(
            "logout", code, "已退出登录", "Logged out", "扫描工牌登录", "Scan your badge"
        )
        out.value = was["code"] if was else ""
        out.announce = was is not None
        return self._out(out)

    def set_mode(self, conn: sqlite3.Connection, mode: str, code: str = "") -> Outcome:
        if mode not in MODES:
            return self._out(
                self._refused(
                    "mode", code, f"未知模式：{mode}", f"Unknown mode: {mode}", "", "", "bad_mode"
                )
            )
        self.state.mode = mode
        zh, en, nzh, nen = MODE_HINTS[mode]
        out = self._state_outcome("mode", code or _card_of(Command("mode", mode)), zh, en, nzh, nen)
        out.value = mode
        if mode == "return":
            r, d = returns.return_defaults(conn)
            self.state.return_reason, self.state.return_disposition = r, d
            out.return_reason, out.return_disposition = r, d
        return self._out(out)

    def set_batch(self, conn: sqlite3.Connection, batch_id: str | None, code: str = "") -> Outcome:
        """Pick the batch pack/verify scans belong to (None clears it)."""
        if batch_id is None:
            self.state.batch_id = None
            return self._out(self._state_outcome("batch", code, "", "", "", "", announce=False))
        try:
            b = get_batch(conn, batch_id)
        except StationError as exc:
            zh, en = _error_text(exc)
            return self._out(
                self._refused(
                    "batch", code, zh, en, "请扫描正确的指令卡", "Scan the right card", "no_batch"
                )
            )
        self.state.batch_id = b["batch_id"]
        out = self._state_outcome(
            "batch",
            code or _card_of(Command("batch", batch_id)),
            f"批次 {b['batch_id']}",
            f"Batch {b['batch_id']}",
            f"{b['sku_set']} · {b['status']}",
            f"{b['sku_set']} · {b['status']}",
            value=b["batch_id"],
        )
        out.detail = {"sku_set": b["sku_set"], "status": b["status"]}
        return self._out(out)

    def set_handoff(
        self, conn: sqlite3.Connection, handoff_id: str | None, code: str = ""
    ) -> Outcome:
        """Pick the open handoff handoff-mode scans go into (None clears it)."""
        if handoff_id is None:
            self.state.handoff_id = None
            return self._out(self._state_outcome("handoff", code, "", "", "", "", announce=False))
        try:
            h = get_handoff(conn, handoff_id)
        except StationError as exc:
            zh, en = _error_text(exc)
            return self._out(
                self._refused(
                    "handoff",
                    code,
                    zh,
                    en,
                    "请扫描正确的指令卡",
                    "Scan the right card",
                    "no_handoff",
                )
            )
        self.state.handoff_id = h["handoff_id"]
        out = self._state_outcome(
            "handoff",
            code or _card_of(Command("handoff", handoff_id)),
            f"交接单 {h['handoff_id']}",
            f"Handoff {h['handoff_id']}",
            f"{h['carrier']} · {h['status']}",
            f"{h['carrier']} · {h['status']}",
            value=h["handoff_id"],
        )
        out.detail = {"carrier": h["carrier"], "status": h["status"]}
        return self._out(out)

    def choose_return(
        self,
        conn: sqlite3.Connection,
        code: str = "",
        *,
        reason: str | None = None,
        disposition: str | None = None,
    ) -> Outcome:
        """Set the return reason and/or disposition the next return scans use (stored for the
        station); a choice also switches to return mode. A bad value changes nothing."""
        if self.state.operator is None:
            return self._out(
                self._refused(
                    "return_choice",
                    code,
                    "请先登录",
                    "Log in first",
                    "扫描工牌",
                    "Scan your badge",
                    "login",
                )
            )
        try:
            r, d = returns.choose_return(conn, reason, disposition)
        except StationError as exc:
            zh, en = _error_text(exc)
            return self._out(
                self._refused(
                    "return_choice",
                    code,
                    zh,
                    en,
                    "请扫描正确的指令卡",
                    "Scan the right card",
                    "bad_return_option",
                )
            )
        self.state.mode = "return"
        self.state.return_reason, self.state.return_disposition = r, d
        rzh, ren = returns.REASONS.get(r or "", ("未选择", "not chosen"))
        dzh, den = returns.DISPOSITIONS.get(d or "", ("", ""))
        if r and d:
            nzh, nen = f"放入：{dzh}", f"Put it into: {den}"
        elif not r:
            nzh, nen = "请选择原因：Ctrl+1…5 或扫描原因卡", "Choose the reason: Ctrl+1…5"
        else:
            nzh, nen = "请选择去向：Alt+1…3 或扫描去向卡", "Choose where it goes: Alt+1…3"
        out = self._state_outcome(
            "return_choice",
            code
            or _card_of(Command("reason" if reason else "dispose", reason or disposition or "")),
            f"退货原因：{rzh}",
            f"Return reason: {ren}",
            nzh,
            nen,
            value=reason or disposition or "",
        )
        out.ok = True
        return self._out(out)

    # -- internals -------------------------------------------------------------------------
    def _verdict(self, conn: sqlite3.Connection, code: str, weight_g: int | None) -> Outcome:
        ctx = self.scan_context()
        if ctx.mode == "return":
            v = returns.scan_return(conn, code, ctx)
        else:
            v = scan(conn, code, ctx, weight_g if ctx.mode == "verify" else None)
        out = self._state_outcome("verdict", code, "", "", "", "")
        out.ok, out.verdict = v.ok, v
        if v.ok and v.print_waybill and v.parcel_id:
            out.print = self._print(conn, v)
        return self._out(out)

    def _print(self, conn: sqlite3.Connection, v: Verdict) -> PrintNeed:
        """Persist the label job for this station's printer (its own transaction)."""
        assert v.parcel_id is not None
        key = self.printer.printer_key() if self.printer is not None else None
        if key is None:
            return PrintNeed(v.parcel_id, v.waybill, False)
        op = self.state.operator["code"] if self.state.operator else None
        try:
            run_id, n = enqueue_parcel(conn, v.parcel_id, key, op)
        except sqlite3.Error:  # the verdict is committed; a lead can still print it later
            logger.exception("print job for %s not saved", v.parcel_id)
            return PrintNeed(v.parcel_id, v.waybill, False, key)
        assert self.printer is not None
        self.printer.wake()
        return PrintNeed(v.parcel_id, v.waybill, n > 0, key, run_id)

    def _state_outcome(
        self,
        kind: str,
        code: str,
        zh: str,
        en: str,
        nzh: str,
        nen: str,
        *,
        value: str = "",
        announce: bool = True,
    ) -> Outcome:
        s = self.state
        return Outcome(
            kind,
            True,
            code,
            operator=s.operator,
            mode=s.mode,
            batch_id=s.batch_id,
            handoff_id=s.handoff_id,
            return_reason=s.return_reason,
            return_disposition=s.return_disposition,
            value=value,
            message_zh=zh,
            message_en=en,
            next_zh=nzh,
            next_en=nen,
            announce=announce,
        )

    def _refused(
        self, kind: str, code: str, zh: str, en: str, nzh: str, nen: str, reason: str
    ) -> Outcome:
        out = self._state_outcome(kind, code, zh, en, nzh, nen)
        out.ok = False
        out.detail = {"reason": reason}
        return out

    def _out(self, out: Outcome) -> Outcome:
        if self.on_outcome is not None:
            try:
                self.on_outcome(out)
            except Exception:  # a listener's bug must not undo a committed input
                logger.exception("outcome listener failed")
        return out


def _card_of(cmd: Command) -> str:
    from warehouse_app.commands import command_code

    return command_code(cmd.kind, cmd.value) if cmd.kind != "invalid" else cmd.value
