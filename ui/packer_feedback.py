"""What the packer sees and hears for each answer, and keeping it true afterwards.

The window hands every verdict here; this object decides nothing about the parcel (the core did)
but makes sure the screen never says more than is true:

- a verdict that needs a label is not green until the printer took the label; if the printer
  cannot (offline, paper out, held queue, nothing within a few seconds) it turns orange with what
  to do, the parcel is listed as waiting for its label, and when the printer is back the station
  asks before printing that backlog (Ctrl+P or the button). The hold is stored (print job state
  `held`, warehouse_app.printing): after a restart the list is back and nothing prints unasked;
- a scanner or printer fault takes the panel over until it is fixed;
- a frame the reader had to drop gets "没读到，请重扫" and a sound;
- every answer gets a row in the recent-scans list, a tone or a spoken phrase.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.ops import run_read
from ui.qtcompat import emit
from ui.recent_scans import RecentScan, RecentScans
from ui.sounds import sound_for
from ui.verdict import VerdictPanel
from ui.voice import VoicePlayer, verdict_phrase_kind
from warehouse_app.domain import Verdict
from warehouse_app.label_backlog import LabelBacklog, LabelWait
from warehouse_app.printing import held_labels
from warehouse_app.verdict_rules import severity as verdict_severity
from warehouse_app.verdict_rules import specifics

logger = logging.getLogger(__name__)

SCANNER_FAULT_STATES = ("disconnected", "unavailable", "error")


class BacklogBar(QFrame):
    """Labels waiting to be printed, with the button that prints them (Ctrl+P)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_backlog")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("print_backlog")
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        lay.addLayout(row)
        lay.addWidget(self.button)
        self.setVisible(False)

    def show_waiting(self, lines: list[str], title: str, button: str, urgent: bool) -> None:
        self.setVisible(bool(lines))
        self.text.setText(title + "\n" + "\n".join(lines[:6]) + ("\n…" if len(lines) > 6 else ""))
        self.button.setText(button)
        bg = "#e65100" if urgent else "#fff3e0"
        fg = "white" if urgent else "#bf360c"
        self.setStyleSheet(f"QFrame#label_backlog{{background:{bg}}} QLabel{{color:{fg}}}")


class PackerFeedback(QObject):
    """Owns the panel's truth for one packer page. Signals are for tests and screenshots."""

    label_waiting = Signal(str)  # waybill set aside: its label did not print
    label_done = Signal(str)  # waybill whose label printed after its verdict
    backlog_offered = Signal(int)  # the printer is back and this many labels wait

    def __init__(
        self,
        ctx: Any,
        panel: VerdictPanel,
        recent: RecentScans,
        backlog_bar: BacklogBar,
        sound: Any,
        voice: VoicePlayer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panel = panel
        self.recent = recent
        self.bar = backlog_bar
        self.sound = sound
        self.voice = voice or VoicePlayer(False)
        self.backlog = LabelBacklog()
        self.printer_fault: tuple[str, str] | None = None
        self.scanner_fault: tuple[str, str] | None = None
        self._printer_was_faulted = False
        self._offer_pending = False  # held labels from before a restart: ask once the printer is up
        self._last_extra = ""
        self.bar.button.clicked.connect(self.print_backlog)
        self._watch = QTimer(self)
        self._watch.setInterval(500)
        self._watch.timeout.connect(self._check_overdue)
        self._watch.start()
        panel.set_fade_seconds(float(getattr(ctx.settings, "verdict_fade_s", 6.0)))
        dev = ctx.devices
        if dev is not None:
            dev.scanner_status.connect(self.scanner_status)
            dev.printer_status.connect(self.printer_status)
            dev.scan_dropped.connect(self.scan_dropped)
            dev.label_printed.connect(self.label_printed)
            dev.label_failed.connect(self.label_failed)
            dev.label_held.connect(self.label_failed)  # the worker held it: same list, same words
            for name, args in dev.last.items():  # the state before this page existed
                if name == "scanner":
                    self.scanner_status(*args)
                elif name == "printer":
                    self.printer_status(*args)
        self.refresh_bar()
        if getattr(ctx, "pool", None) is not None:
            run_read(ctx, held_labels, on_success=self._restore_held, parent=self)

    def _restore_held(self, rows: list[dict[str, Any]]) -> None:
        """Labels held before this window opened (a restart): list them again and ask before
        printing them; they never print by themselves."""
        for r in rows:
            if r["waybill"] in self.backlog.waiting:
                continue
            w = LabelWait(r["parcel_id"] or "", r["waybill"], r["code"] or r["waybill"])
            w.run_id = r["run_id"]
            self.backlog.set_aside(w, r["held_zh"] or "面单未打印", r["held_en"] or "not printed")
        if rows:
            self._offer_pending = True
            self._offer_backlog()
        self.refresh_bar()

    def _offer_backlog(self) -> None:
        """Ask before printing the waiting labels, when the printer can take them."""
        n = len(self.backlog.waiting)
        if not n or self.printer_fault is not None or not self._printer_ok():
            return
        self._offer_pending = False
        self.panel.show_severity(
            "warn",
            self._t(f"{n} 张面单待打印（放在待打印区）", f"{n} labels waiting (set aside)"),
            self._t("按 Ctrl+P 打印待打印面单", "Press Ctrl+P to print them"),
        )
        self.sound.play("command")
        emit(self.backlog_offered, n)

    # -- texts ---------------------------------------------------------------------------------
    def _t(self, zh: str, en: str) -> str:
        return zh if self.ctx.lang == "zh" else en

    def _now(self) -> str:
        return str(self.ctx.local_time(datetime.now(timezone.utc), "%H:%M:%S"))

    def _say(self, kind: str, tone: str) -> None:
        """A spoken phrase when the station has a voice for its language, else the tone."""
        if not self.voice.say(kind, self.ctx.lang):
            self.sound.play(tone)

    # -- verdicts ------------------------------------------------------------------------------
    def verdict(
        self, v: Verdict, need: Any = None, extra: str = "", expected: dict[str, Any] | None = None
    ) -> None:
        """Show one verdict. `need` is the session's PrintNeed when the verdict needs a label;
        `expected` what the station is set to (batch_id) so a reason can say "B2, not B1"."""
        carrier = self.ctx.carrier_label(v.carrier)
        sev = verdict_severity(v)
        zh, en = specifics(v, self.ctx.carriers.get, expected)
        detail = extra or self._t(zh, en)
        self._last_extra = detail
        title = next_text = None
        if v.ok and need is not None and need.waybill:
            w = LabelWait(need.parcel_id, need.waybill, v.code, run_id=need.run_id)
            why = self._cannot_print(need)
            if why is not None:
                sev, title, next_text = "warn", *self._set_aside(w, *why)
            else:
                self.backlog.expect(w)
                sev = "info"
                next_text = self._t("正在打印面单…", "Printing its label…")
        self.panel.show_verdict(
            v, self.ctx.lang, carrier, detail, sev=sev, next_text=next_text, title=title
        )
        if v.ok and need is not None and need.waybill:
            w2 = self.backlog.printing.get(need.waybill) or self.backlog.waiting.get(need.waybill)
            if w2 is not None:
                w2.scan_no = self.panel.scan_no
        self.recent.add(
            RecentScan(
                self.panel.scan_no,
                self._now(),
                v.code,
                (
                    f"{title}：{next_text}"
                    if title and next_text
                    else title or v.message(self.ctx.lang)
                ).lstrip("✔✘⛔⚠ "),
                sev,
            )
        )
        if sev == "warn" and v.ok:
            self._say("label_pending", "reject")
        elif sev != "info" or not v.ok:
            self._say(verdict_phrase_kind(v.ok, v.mode, v.reason), sound_for(v.ok, v.reason))
        self.refresh_bar()

    def _cannot_print(self, need: Any) -> tuple[str, str] | None:
        """Why this label will not print now (zh, en), or None when it should."""
        if not need.queued:
            dev = self.ctx.devices
            if dev is None or getattr(dev, "printer", None) is None:
                return "未设置打印机", "No printer set"
            return "打印任务未保存", "Print job not saved"
        if self.printer_fault is not None:
            return self.printer_fault
        return None

    def _set_aside(self, w: LabelWait, why_zh: str, why_en: str) -> tuple[str, str]:
        """Hold its job (queued, nothing lost, but it must not print by itself later) and list
        it; returns (title, next)."""
        self.backlog.set_aside(w, why_zh, why_en)
        dev = self.ctx.devices
        if w.run_id and dev is not None:
            dev.hold_print(w.run_id, why_zh, why_en)
        emit(self.label_waiting, w.waybill)
        return (
            self._t("面单未打印", "Label NOT printed"),
            self._t(f"{why_zh} — 放待打印区", f"{why_en} — set the parcel aside"),
        )

    def label_printed(self, waybill: str) -> None:
        w = self.backlog.printed(waybill)
        if w is None:
            return
        done = self._t("面单已打印，贴面单后装箱", "Label printed: stick it on and box it")
        self.recent.update_row(w.scan_no, done, "ok")
        v = self.panel.verdict
        if v is not None and w.scan_no == self.panel.scan_no and not self.panel.faded:
            self.panel.show_verdict(
                v,
                self.ctx.lang,
                self.ctx.carrier_label(v.carrier),
                self._last_extra,
                sev="ok",
                next_text=done,
                new=False,
            )
            self._say(verdict_phrase_kind(True, v.mode, None), "ok")
        emit(self.label_done, waybill)
        self.refresh_bar()

    def label_failed(self, waybill: str, zh: str, en: str) -> None:
        """The label could not be made or was cut off: say why now (not "no response" later)."""
        w = self.backlog.printing.get(waybill)
        if w is None:
            return
        self._mark_waiting(w, zh, en)

    def _mark_waiting(self, w: LabelWait, why_zh: str, why_en: str) -> None:
        title, nxt = self._set_aside(w, why_zh, why_en)
        self.recent.update_row(w.scan_no, f"{title}：{nxt}", "warn")
        if w.scan_no == self.panel.scan_no and self.panel.verdict is not None:
            v = self.panel.verdict
            self.panel.show_verdict(
                v,
                self.ctx.lang,
                self.ctx.carrier_label(v.carrier),
                self._last_extra,
                sev="warn",
                title=title,
                next_text=nxt,
                new=False,
            )
            self._say("label_pending", "reject")
        self.refresh_bar()

    def _check_overdue(self) -> None:
        for w in self.backlog.overdue():
            self._mark_waiting(w, "打印机没有响应", "the printer did not take it")

    # -- the backlog -------------------------------------------------------------------------
    def refresh_bar(self) -> None:
        waiting = sorted(self.backlog.waiting.values(), key=lambda w: w.since)
        lines = [f"{w.code}  ({self._t(w.why_zh, w.why_en)})" for w in waiting]
        urgent = bool(waiting) and self.printer_fault is None and self._printer_ok()
        self.bar.show_waiting(
            lines,
            self._t(
                f"待打印面单：{len(waiting)} 件（放在待打印区）",
                f"Waiting for their label: {len(waiting)} (set aside)",
            ),
            self._t("打印待打印面单 (Ctrl+P)", "Print waiting labels (Ctrl+P)"),
            urgent,
        )
        self.bar.button.setEnabled(urgent)

    def _printer_ok(self) -> bool:
        dev = self.ctx.devices
        return dev is not None and getattr(dev, "queue", None) is not None

    def print_backlog(self) -> int:
        """Print every waiting label now (the packer or lead asked). Returns how many."""
        if not self.backlog.waiting or self.printer_fault is not None or not self._printer_ok():
            return 0
        dev = self.ctx.devices
        op = self.ctx.operator["code"] if self.ctx.operator else None
        items = self.backlog.take_backlog()
        held = [w.waybill for w in items if w.run_id]
        if held:
            dev.release_prints(held)  # the held jobs print now, each once
        for w in items:
            if not w.run_id:  # never queued (no printer then): queue it now
                dev.enqueue_parcel(w.parcel_id, op)
            self.recent.update_row(
                w.scan_no, self._t("正在打印面单…", "Printing its label…"), "info"
            )
        self.panel.show_info(
            self._t(f"正在补打 {len(items)} 张面单", f"Printing {len(items)} waiting labels"),
            self._t("贴到待打印区对应的包裹上", "Stick each on its parcel from the set-aside area"),
        )
        self.refresh_bar()
        return len(items)

    # -- devices -------------------------------------------------------------------------------
    def scanner_status(self, state: str, zh: str, en: str) -> None:
        if state in SCANNER_FAULT_STATES:
            if self.scanner_fault is not None:
                return
            self.scanner_fault = (zh, en)  # the detail (port) stays in the status bar
            self._show_scanner_fault()
            self.sound.play("reject")
        elif state == "connected" and self.scanner_fault is not None:
            self.scanner_fault = None
            self._clear_fault()

    def printer_status(self, ok: bool, zh: str, en: str) -> None:
        dev = self.ctx.devices
        if dev is None or getattr(dev, "printer", None) is None:
            return  # no printer set up is not a fault (the settings page says so)
        if not ok:
            first = self.printer_fault is None
            self.printer_fault = (zh, en)
            self._printer_was_faulted = True
            for w in self.backlog.fault(zh, en):
                title, _ = self._set_aside(w, zh, en)
                self.recent.update_row(w.scan_no, title, "warn")
            self.panel.show_fault(
                self._t(zh, en),
                self._t(
                    "处理打印机后继续；需要面单的包裹放待打印区",
                    "Fix the printer; parcels needing a label wait aside",
                ),
            )
            if first:
                self.sound.play("reject")
            self.refresh_bar()
        elif self.printer_fault is not None:
            self.printer_fault = None
            self._clear_fault()
            n = len(self.backlog.waiting)
            if n:
                self._offer_pending = False
                self.panel.show_severity(
                    "warn",
                    self._t(f"打印机已恢复：{n} 张面单待打印", f"Printer back: {n} labels waiting"),
                    self._t("按 Ctrl+P 打印待打印面单", "Press Ctrl+P to print them"),
                )
                self.sound.play("command")
                emit(self.backlog_offered, n)
            self.refresh_bar()
        elif self._offer_pending:
            self._offer_backlog()
            self.refresh_bar()

    def _show_scanner_fault(self) -> None:
        self.panel.show_fault(
            self._t("扫描枪已断开 — 正在重连", "Scanner disconnected — reconnecting"),
            self._t(
                "检查扫描枪连线；恢复后继续扫描", "Check the scanner cable; it reconnects by itself"
            ),
        )

    def _clear_fault(self) -> None:
        if self.scanner_fault is not None:
            self._show_scanner_fault()
            return
        if self.printer_fault is not None:
            return
        self.panel.clear_fault(
            self._t("设备已恢复", "Devices back"), self._t("请继续扫描", "Carry on scanning")
        )

    def scan_dropped(self, reason: str, zh: str, en: str) -> None:
        """The reader dropped a frame: never silent."""
        self.panel.show_severity(
            "warn", self._t(zh, en), self._t("再扫一次", "Scan it once more"), code=""
        )
        self.recent.add(RecentScan(self.panel.scan_no, self._now(), "—", self._t(zh, en), "warn"))
        self._say("dropped", "reject")

    def retranslate(self) -> None:
        self.recent.retranslate()
        self.refresh_bar()
