"""Shared bits of the promo lead screens: a base tab that runs its work through ui.ops (never on the UI
thread), a result line with zh/en errors, table filling, and the oversell banner."""
from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from warehouse_app.errors import StationError

from ui.ops import AppContext, run_on_writer, run_read

logger = logging.getLogger(__name__)


def make_table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill_table(table: QTableWidget, rows: Sequence[dict[str, Any]], columns: Sequence[str],
               headers: Sequence[str] | None = None) -> None:
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(columns))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headers or columns))
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            v = r.get(c)
            item = QTableWidgetItem("" if v is None else (f"{v:.1%}" if isinstance(v, float) and c.endswith(("share", "rate", "through")) else str(v)))
            table.setItem(i, j, item)
    table.resizeColumnsToContents()


def cell(table: QTableWidget, row: int, col: int) -> str:
    it = table.item(row, col)
    return it.text() if it else ""


class PromoTab(QWidget):
    """Base: the app context, a result line, and read/write helpers whose callbacks run on the UI thread."""

    loaded = Signal(object)  # data shown (tests wait on it)
    done = Signal(object)  # a lead action finished (result)
    failed = Signal(str, str)  # zh, en

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)

    def t(self, zh: str, en: str) -> str:
        return self.ctx.text(zh, en)

    def say(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("font-size:15px;font-weight:bold;color:%s" % ("#1b5e20" if ok else "#b71c1c"))

    def fail(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            zh, en = exc.zh, str(exc)
        else:
            logger.error("promo action failed", exc_info=exc)
            zh, en = f"操作失败：{exc}", f"Failed: {exc}"
        self.say(self.t(zh, en), ok=False)
        self.failed.emit(zh, en)

    @property
    def operator(self) -> str | None:
        who = self.ctx.lead or self.ctx.operator
        return who["code"] if who else None

    def then(self, text: Callable[[Any], tuple[str, str]]) -> Callable[[Any], None]:
        """A success callback: say text(result) (zh, en) and reload the tab."""
        def cb(res: Any) -> None:
            zh, en = text(res)
            self.say(self.t(zh, en))
            self.refresh()
        return cb

    def write(self, fn: Callable[..., Any], *args: Any, ok: Callable[[Any], None]) -> None:
        def success(res: Any) -> None:
            ok(res)
            self.done.emit(res)
            self.ctx.events.data_changed.emit("promo")
        run_on_writer(self.ctx, fn, *args, on_success=success, on_failure=self.fail, parent=self)

    def read(self, fn: Callable[..., Any], *args: Any, ok: Callable[[Any], None]) -> None:
        def success(res: Any) -> None:
            ok(res)
            self.loaded.emit(res)
        run_read(self.ctx, fn, *args, on_success=success, on_failure=self.fail, parent=self)

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()


class OversellBanner(QLabel):
    """A big red line on the lead's screen while any SKU is oversold (hidden otherwise)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("oversell_banner")
        self.setWordWrap(True)
        self.setStyleSheet("background:#b71c1c;color:white;font-size:18px;font-weight:bold;padding:8px")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_alerts(self, alerts: list[dict[str, Any]]) -> None:
        if not alerts:
            self.hide()
            self.setText("")
            return
        parts_zh = [f"{a['sku']} 需求 {a['demand']} > 库存 {a['stock']} + 预包 {a['prepacked']}，"
                    f"{len(a['short_orders'])} 单缺货" for a in alerts]
        parts_en = [f"{a['sku']} demand {a['demand']} > stock {a['stock']} + pre-packed {a['prepacked']}, "
                    f"{len(a['short_orders'])} orders short" for a in alerts]
        self.setText(self.ctx.text("⚠ 超卖：" + "；".join(parts_zh), "⚠ OVERSELL: " + "; ".join(parts_en)))
        self.show()
