"""The last scans beside the verdict: time, code and result, newest first.

A packer who looked away sees what the last few scans did; a lead sees at a glance whether the
parcel in question went through. Rows can change after the fact (a label that printed late turns
its row green). Never takes focus: the scanner and the keyboard stay with the scan field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.verdict import SEVERITY_COLOR

MAX_ROWS = 10


@dataclass
class RecentScan:
    no: int
    at: str  # local time, already formatted in the station's zone
    code: str
    result: str
    severity: str


class RecentScans(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_scans")
        self.rows: list[RecentScan] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold")
        self.list = QListWidget()
        self.list.setObjectName("recent_scans_list")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Last %1 scans").replace("%1", str(MAX_ROWS)))

    def add(self, row: RecentScan) -> None:
        self.rows.insert(0, row)
        del self.rows[MAX_ROWS:]
        item = QListWidgetItem()
        self._fill(item, row)
        self.list.insertItem(0, item)
        while self.list.count() > MAX_ROWS:
            self.list.takeItem(self.list.count() - 1)

    def update_row(self, no: int, result: str, severity: str) -> bool:
        """Change a row after the fact (its label printed, or did not)."""
        for i, r in enumerate(self.rows):
            if r.no == no:
                r.result, r.severity = result, severity
                item = self.list.item(i)
                if item is not None:
                    self._fill(item, r)
                return True
        return False

    @staticmethod
    def _fill(item: QListWidgetItem, r: RecentScan) -> None:
        item.setText(f"{r.at}  {r.code}\n{r.result}")
        color = SEVERITY_COLOR.get(r.severity, QColor("#455a64"))
        item.setForeground(QBrush(QColor("white")))
        item.setBackground(QBrush(color))
        item.setToolTip(f"#{r.no}  {r.code}  {r.result}")
