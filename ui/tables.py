"""Read-only tables for the lead area and the promo screens, built and filled one way.

Numbers right-aligned and sorted as numbers (even when shown as 12.5% or 1:02:05), columns sized
to their content with a cap so a long SKU set or path cannot push the rest off screen, one
`stretch` column taking the spare width, and the lead's selection kept across refreshes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

MAX_COL_PX = 340
ROW_PX = 26


class NumItem(QTableWidgetItem):
    """A right-aligned cell that shows formatted text but sorts by its number."""

    def __init__(self, text: str, value: float) -> None:
        super().__init__(text)
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, NumItem):
            return self.value < other.value
        return super().__lt__(other)


def make_table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(False)
    t.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    t.setAlternatingRowColors(True)
    t.verticalHeader().setDefaultSectionSize(ROW_PX)
    t.setWordWrap(False)
    t.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside): keyboard-only leads
    return t


def selected_value(table: QTableWidget, col: int = 0) -> str | None:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        r = table.currentRow()
        if r < 0:
            return None
    else:
        r = rows[0].row()
    item = table.item(r, col)
    return item.text() if item else None


def fill_table(
    table: QTableWidget,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    stretch: str | None = None,
    fmt: Mapping[str, Callable[[Any], str]] | None = None,
) -> None:
    fmt = fmt or {}
    keep = selected_value(table, 0) if table.rowCount() else None
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(columns))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headers or columns))
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            v = r.get(c)
            f = fmt.get(c)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                item: QTableWidgetItem = NumItem(f(v) if f else str(v), float(v))
            else:
                item = QTableWidgetItem(f(v) if f else ("" if v is None else str(v)))
                if len(item.text()) > 40:  # capped columns elide: the whole text on hover
                    item.setToolTip(item.text())
            table.setItem(i, j, item)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    for j in range(len(columns)):
        header.setSectionResizeMode(j, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(j, min(MAX_COL_PX, table.columnWidth(j) + 18))
    if stretch is not None and stretch in columns:
        header.setSectionResizeMode(list(columns).index(stretch), QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    if keep:  # a refresh must not lose the lead's selection
        for i in range(table.rowCount()):
            it = table.item(i, 0)
            if it is not None and it.text() == keep:
                table.selectRow(i)
                break
