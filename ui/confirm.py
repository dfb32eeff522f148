"""Confirmations for what cannot be undone (void a waybill, close a 188-parcel handoff).

Window-modal and non-blocking (`open()`, never `exec()`): the scanner's signals keep flowing and
the event loop never nests. Yes/No come in the station's language (Qt's own translations);
No is the default and Esc answers No, Enter on a focused Yes confirms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("confirm_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(done)
    box.open()
    return box
