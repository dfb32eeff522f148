"""The verdict panel: one huge coloured answer a packer reads from two metres in half a second.

Green means one thing: this parcel is done right. The colour follows what the packer must do
(warehouse_app.verdict_rules): neutral for information and "nothing to do", orange for "do
something else first", red for "this parcel is wrong here", its own colour for an intercept.
Each verdict is visibly new (a scan number and a short flash) and fades to neutral after a few
seconds, so a stale green never looks like the answer to the parcel in hand. A device fault
(scanner gone, printer out of paper) takes the panel over until it is fixed.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.qtcompat import emit
from warehouse_app.domain import Verdict
from warehouse_app.verdict_rules import severity as verdict_severity
from warehouse_app.verdict_rules import texts as verdict_texts

GREEN = QColor("#1b8a2f")
RED = QColor("#c62828")
ORANGE = QColor("#e65100")  # do something else first: label not printed, not read, no batch
INTERCEPT = QColor("#8e24aa")  # its own colour (and siren): the packer must pull this parcel
NEUTRAL = QColor("#455a64")  # information, "nothing to do", a faded verdict
IDLE = QColor("#37474f")
FAULT = QColor("#4e342e")  # a device fault holds the panel

SEVERITY_COLOR = {
    "ok": GREEN,
    "info": NEUTRAL,
    "warn": ORANGE,
    "stop": RED,
    "intercept": INTERCEPT,
}
COLOR_NAMES = {
    GREEN.name(): "green",
    RED.name(): "red",
    ORANGE.name(): "orange",
    INTERCEPT.name(): "intercept",
    NEUTRAL.name(): "neutral",
    FAULT.name(): "fault",
}
MARKS = {"ok": "✔ ", "stop": "✘ ", "intercept": "⛔ ", "warn": "⚠ ", "info": ""}
FLASH_MS = 180


class VerdictPanel(QWidget):
    """Paints the verdict itself (no child labels) so one update is one cheap repaint.

    `painted(code, t)` is emitted after each repaint of a new verdict, with `time.perf_counter()`;
    the latency benchmark and tests use it to know the packer could see the answer.
    """

    painted = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.verdict: Verdict | None = None
        self.lang = "zh"
        self.severity = "idle"
        self.scan_no = 0  # verdicts shown since start: two OKs in a row look different
        self.faded = False
        self.flashing = False
        self._title = ""
        self._next = ""
        self._detail = ""
        self._color = IDLE
        self._fault: tuple[str, str] | None = None  # (title, remedy) while a device is at fault
        self._fault_full = False  # the fault holds the whole panel (no newer verdict)
        self._pending_code: str | None = None
        self._fonts: tuple[QFont, QFont, QFont] = (QFont(), QFont(), QFont())
        self._fit_cache: dict[tuple[str, int, int, int], QFont] = {}
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self._fade_out)
        self.fade_s = 6.0  # 0 = never fade
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_off)
        self._resize_fonts()

    # -- state -----------------------------------------------------------------------------
    def set_fade_seconds(self, s: float) -> None:
        self.fade_s = max(0.0, float(s))

    def show_idle(self, title: str, hint: str) -> None:
        self.verdict = None
        self.severity = "idle"
        self._color, self._title, self._next, self._detail = IDLE, title, hint, ""
        self._fade.stop()
        self.update()

    def show_info(self, title: str, next_text: str = "", detail: str = "") -> None:
        """Information (mode, login, batch, handoff): neutral, never mistaken for a verdict."""
        self.verdict = None
        self._show("info", title, next_text, detail, new=False)

    def show_message(self, ok: bool, title: str, next_text: str = "", detail: str = "") -> None:
        """A non-scan answer: ok -> neutral information, not ok -> orange (do something else)."""
        self.verdict = None
        self._show("info" if ok else "warn", title, next_text, detail, new=not ok)

    def show_severity(
        self, sev: str, title: str, next_text: str = "", detail: str = "", code: str = ""
    ) -> None:
        """A verdict-like answer that is not a scan engine verdict (a dropped frame, a label
        that did not print): counted and flashed like a verdict."""
        self.verdict = None
        self._show(sev, title, next_text, detail, new=True)
        if code:
            self._pending_code = code

    def show_verdict(
        self,
        v: Verdict,
        lang: str,
        carrier: str | None = None,
        extra: str = "",
        sev: str | None = None,
        next_text: str | None = None,
        title: str | None = None,
        new: bool = True,
    ) -> None:
        """`carrier` is the display name (中通快递 / ZTO Express); `extra` an added detail (where
        the parcel belongs, the return reason). `sev`/`title`/`next_text` override the verdict's
        own (an OK whose label did not print is orange and says what to do). `new=False`
        re-renders the current verdict (language switch, label printed) without counting it."""
        self.verdict = v
        self.lang = lang
        sev = sev or verdict_severity(v)
        mzh, men, nzh, nen = verdict_texts(v)
        msg = mzh if lang.startswith("zh") else men
        nxt = nzh if lang.startswith("zh") else nen
        bits = [extra, v.code] if extra else [v.code]
        if v.carrier:
            bits.append(carrier or v.carrier)
        if v.order_id:
            bits.append(v.order_id)
        self._show(
            sev,
            MARKS.get(sev, "") + (title or msg),
            nxt if next_text is None else next_text,
            "  ·  ".join(b for b in bits if b),
            new=new,
        )
        if new:
            self._pending_code = v.code

    def _show(self, sev: str, title: str, nxt: str, detail: str, new: bool) -> None:
        self.severity = sev
        self._color = SEVERITY_COLOR.get(sev, NEUTRAL)
        self._title, self._next, self._detail = title, nxt, detail
        self.faded = False
        self._fault_full = False  # a newer answer than the fault: shown, with the fault band
        if new:
            self.scan_no += 1
            self.flashing = True
            self._flash.start()
        if self.fade_s > 0 and sev != "info":
            self._fade.start(int(self.fade_s * 1000))
        else:
            self._fade.stop()
        self.update()

    def _fade_out(self) -> None:
        """The verdict is old: neutral, so it is never read as the answer to the next parcel."""
        self.faded = True
        self._color = NEUTRAL
        self.update()

    def _flash_off(self) -> None:
        self.flashing = False
        self.update()

    # -- device faults -----------------------------------------------------------------------
    def show_fault(self, title: str, remedy: str) -> None:
        """A device fault takes over the panel until `clear_fault()` (a newer verdict is shown
        under a fault band: the fault stays visible until it is fixed)."""
        if self._fault == (title, remedy):
            return  # the same fault reported again: a newer verdict keeps its place under the band
        self._fault = (title, remedy)
        self._fault_full = True
        self._fade.stop()
        self.update()

    def clear_fault(self, title: str = "", hint: str = "") -> None:
        if self._fault is None:
            return
        was_full = self._fault_full
        self._fault = None
        self._fault_full = False
        if was_full:
            self.verdict = None
            self.severity = "info"
            self._color = NEUTRAL
            self._title, self._next, self._detail = title, hint, ""
        self.update()

    @property
    def fault(self) -> tuple[str, str] | None:
        return self._fault

    # -- reading it back (tests, screenshots) ----------------------------------------------
    @property
    def color_name(self) -> str:
        if self._fault is not None and self._fault_full:
            return "fault"
        return COLOR_NAMES.get(self._color.name(), "idle")

    @property
    def title(self) -> str:
        if self._fault is not None and self._fault_full:
            return self._fault[0]
        return self._title

    @property
    def next_text(self) -> str:
        if self._fault is not None and self._fault_full:
            return self._fault[1]
        return self._next

    def snapshot(self) -> dict[str, Any]:
        return {
            "color": self.color_name,
            "severity": self.severity,
            "title": self.title,
            "next": self.next_text,
            "detail": self._detail,
            "scan_no": self.scan_no,
            "faded": self.faded,
            "fault": self._fault,
        }

    # -- painting --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._resize_fonts()
        super().resizeEvent(event)

    def _resize_fonts(self) -> None:
        h = max(200, self.height())
        w = max(400, self.width())
        big = QFont()
        big.setPixelSize(int(min(h * 0.24, w * 0.07)))
        big.setBold(True)
        mid = QFont()
        mid.setPixelSize(int(min(h * 0.12, w * 0.04)))
        mid.setBold(True)
        small = QFont()
        small.setPixelSize(max(14, int(h * 0.06)))
        self._fonts = (big, mid, small)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            full_fault = self._fault is not None and self._fault_full
            color = FAULT if full_fault else self._color
            p.fillRect(self.rect(), color)
            white = QColor("white")
            r = QRectF(self.rect()).adjusted(24, 12, -24, -12)
            small = self._fonts[2]
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            if self._fault is not None:
                title, remedy = self._fault
                if full_fault:
                    self._paint_texts(p, r, "⚠ " + title, remedy, "", flags)
                    return
                # a newer verdict under a band that keeps the fault in sight (one line)
                band = QRectF(self.rect()).adjusted(0, 0, 0, -self.height() * 0.85)
                p.fillRect(band, FAULT)
                p.setPen(white)
                p.setFont(small)
                line = p.fontMetrics().elidedText(
                    f"⚠ {title} — {remedy}", Qt.TextElideMode.ElideRight, int(band.width()) - 120
                )
                p.drawText(band.adjusted(12, 0, -100, 0), Qt.AlignmentFlag.AlignVCenter, line)
                r = QRectF(r.left(), band.bottom() + 4, r.width(), r.bottom() - band.bottom() - 4)
            self._paint_texts(p, r, self._title, self._next, self._detail, flags)
            if self.scan_no:
                p.setPen(white)
                p.setFont(small)
                top = self.height() * 0.15 + 4 if self._fault is not None else 4
                p.drawText(
                    QRectF(self.rect()).adjusted(8, top, -12, -4),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"#{self.scan_no}",
                )
            if self.flashing:  # a bright frame for a moment: this answer is new
                pen = QPen(white)
                pen.setWidth(14)
                p.setPen(pen)
                p.drawRect(QRectF(self.rect()).adjusted(7, 7, -7, -7))
        finally:
            p.end()
            if self._pending_code is not None:
                code, self._pending_code = self._pending_code, None
                emit(self.painted, code, time.perf_counter())

    def _paint_texts(
        self, p: QPainter, r: QRectF, title: str, nxt: str, detail: str, flags: Any
    ) -> None:
        big, mid, small = self._fonts
        h = r.height()
        p.setPen(QColor("white"))
        for font, box, text in (
            (big, QRectF(r.left(), r.top(), r.width(), h * 0.5), title),
            (mid, QRectF(r.left(), r.top() + h * 0.5, r.width(), h * 0.32), nxt),
            (small, QRectF(r.left(), r.top() + h * 0.82, r.width(), h * 0.18), detail),
        ):
            p.setFont(self._fitted(font, box, text, flags))
            p.drawText(box, flags, text)

    def _fitted(self, font: QFont, box: QRectF, text: str, flags: Any) -> QFont:
        """The largest font up to `font` whose wrapped text fits the box: a long English
        reason is never cut off (cached: one verdict is one cheap repaint)."""
        key = (text, font.pixelSize(), int(box.width()), int(box.height()))
        hit = self._fit_cache.get(key)
        if hit is not None:
            return hit
        f = QFont(font)
        px = font.pixelSize()
        while px > 12:
            f.setPixelSize(px)
            need = QFontMetricsF(f).boundingRect(box, int(flags), text)
            if need.height() <= box.height() and need.width() <= box.width():
                break
            px = int(px * 0.88)
        if len(self._fit_cache) > 256:
            self._fit_cache.clear()
        self._fit_cache[key] = f
        return f
