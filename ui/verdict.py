"""The verdict panel: one huge coloured answer a packer reads from two metres in half a second."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.qtcompat import emit
from warehouse_app.domain import Verdict

GREEN = QColor("#1b8a2f")
RED = QColor("#c62828")
AMBER = QColor("#ef6c00")  # intercepts: a different red-orange so the packer knows to pull it
IDLE = QColor("#37474f")


class VerdictPanel(QWidget):
    """Paints the verdict itself (no child labels) so one update is one cheap repaint.

    `painted(code, t)` is emitted after each repaint of a new verdict, with `time.perf_counter()`;
    the latency benchmark and tests use it to know the packer could see the answer.
    """

    painted = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.verdict: Verdict | None = None
        self.lang = "zh"
        self._title = ""
        self._next = ""
        self._detail = ""
        self._color = IDLE
        self._pending_code: str | None = None
        self._fonts: tuple[QFont, QFont, QFont] = (QFont(), QFont(), QFont())
        self._resize_fonts()

    # -- state -----------------------------------------------------------------------------
    def show_idle(self, title: str, hint: str) -> None:
        self.verdict = None
        self._color, self._title, self._next, self._detail = IDLE, title, hint, ""
        self.update()

    def show_message(self, ok: bool, title: str, next_text: str = "", detail: str = "") -> None:
        """A non-scan answer (login, mode change, command card)."""
        self.verdict = None
        self._color = GREEN if ok else RED
        self._title, self._next, self._detail = title, next_text, detail
        self.update()

    def show_verdict(
        self, v: Verdict, lang: str, carrier: str | None = None, extra: str = ""
    ) -> None:
        """`carrier` is the display name (中通快递 / ZTO Express); `extra` an added detail (return reason)."""
        self.verdict = v
        self.lang = lang
        if v.ok:
            self._color = GREEN
        elif v.reason == "intercepted":
            self._color = AMBER
        else:
            self._color = RED
        mark = "✔ " if v.ok else "✘ "
        self._title = mark + v.message(lang)
        self._next = v.next_action(lang)
        bits = [extra, v.code] if extra else [v.code]
        if v.carrier:
            bits.append(carrier or v.carrier)
        if v.order_id:
            bits.append(v.order_id)
        self._detail = "  ·  ".join(b for b in bits if b)
        self._pending_code = v.code
        self.update()

    @property
    def color_name(self) -> str:
        return {GREEN.name(): "green", RED.name(): "red", AMBER.name(): "amber"}.get(
            self._color.name(), "idle"
        )

    @property
    def title(self) -> str:
        return self._title

    @property
    def next_text(self) -> str:
        return self._next

    # -- painting --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._resize_fonts()
        super().resizeEvent(event)

    def _resize_fonts(self) -> None:
        h = max(220, self.height())
        w = max(400, self.width())
        big = QFont()
        big.setPixelSize(int(min(h * 0.26, w * 0.075)))
        big.setBold(True)
        mid = QFont()
        mid.setPixelSize(int(min(h * 0.13, w * 0.042)))
        mid.setBold(True)
        small = QFont()
        small.setPixelSize(max(14, int(h * 0.065)))
        self._fonts = (big, mid, small)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), self._color)
            p.setPen(QColor("white"))
            r = QRectF(self.rect()).adjusted(24, 12, -24, -12)
            big, mid, small = self._fonts
            h = r.height()
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            p.setFont(big)
            p.drawText(QRectF(r.left(), r.top(), r.width(), h * 0.5), flags, self._title)
            p.setFont(mid)
            p.drawText(QRectF(r.left(), r.top() + h * 0.5, r.width(), h * 0.32), flags, self._next)
            p.setFont(small)
            p.drawText(
                QRectF(r.left(), r.top() + h * 0.82, r.width(), h * 0.18), flags, self._detail
            )
        finally:
            p.end()
        if self._pending_code is not None:
            code, self._pending_code = self._pending_code, None
            emit(self.painted, code, time.perf_counter())

    def snapshot(self) -> dict[str, Any]:
        return {
            "color": self.color_name,
            "title": self._title,
            "next": self._next,
            "detail": self._detail,
        }
