"""The base of every lead-area tab (ui/lead_tabs/<tab>.py): shared context, an inline result line,
the helpers that run core operations with zh/en errors, and the tab's declared Tab order.
Tabs import this, not ui.lead (no import cycle)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from ui.ops import AppContext, run_on_writer, run_read
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


class LeadTab(QWidget):
    """Base: shared context, an inline result line, and helpers for ops with zh/en errors.

    A tab sets KEY (what `LeadArea.open(key)` and F9/F10 name), returns its title in the current
    language from `title()`, and lists its focusable widgets in `focus_order()`: Tab walks them in
    that order (a lead often has only a keyboard), not in the order they were created."""

    KEY: ClassVar[str] = ""

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.area = area
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("font-size:15px")

    def title(self) -> str:
        return self.KEY

    def focus_order(self) -> list[QWidget]:
        """The tab's widgets in the order Tab visits them; [] keeps Qt's creation order."""
        return []

    def apply_focus_order(self) -> None:
        chain = self.focus_order()
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    def say(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(
            "font-size:15px;font-weight:bold;color:%s" % ("#1b5e20" if ok else "#b71c1c")
        )

    def fail(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            self.say(self.ctx.text(exc.zh, str(exc)), ok=False)
        else:
            logger.error("lead action failed", exc_info=exc)
            self.say(self.ctx.text(f"操作失败：{exc}", f"Failed: {exc}"), ok=False)

    @property
    def lead_code(self) -> str | None:
        return self.ctx.lead["code"] if self.ctx.lead else None

    def write(self, fn: Callable[..., Any], *args: Any, ok: Callable[[Any], None]) -> None:
        run_on_writer(self.ctx, fn, *args, on_success=ok, on_failure=self.fail, parent=self)

    def read(self, fn: Callable[..., Any], *args: Any, ok: Callable[[Any], None]) -> None:
        run_read(self.ctx, fn, *args, on_success=ok, on_failure=self.fail, parent=self)

    def refresh(self) -> None:
        pass

    def retranslate(self) -> None:
        pass
