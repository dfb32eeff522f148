"""The lead's Log tab, an on-screen log for IT and shift leads (Vorta's log window): the app's
log lines, live, with times in the station's zone.

A logging.Handler forwards records by a Qt signal, so lines logged on device, sync or writer
threads reach the widget on the UI thread. The handler is removed when the panel is closed.

The tab keeps its last MAX_LINES lines as text and puts them into the view only while it is shown.
A QPlainTextEdit lays out every block it holds, shown or not, and keeps each block's shaped
glyphs: ~7 KB per log line, so a hidden view filling to its 2,000 lines grew the packer's window
by ~13 MB over a shift (issue 17: ~1.2 KB per scan). The text alone is ~0.2 KB per line.
"""

from __future__ import annotations

import logging
from collections import deque
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ui.lead_base import LeadTab
from ui.ops import AppContext
from ui.qtcompat import emit

MAX_LINES = 2000  # the newest lines the tab keeps and shows (station.log has the rest)


class _Relay(QObject):
    line = Signal(str)


class _StationTimeFormatter(logging.Formatter):
    """Times in the station's zone (as every other screen), not the PC's or UTC."""

    tz: tzinfo | None = None

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, self.tz).strftime(datefmt or "%H:%M:%S")


class _QtHandler(logging.Handler):
    def __init__(self, relay: _Relay) -> None:
        super().__init__(logging.INFO)
        self.relay = relay
        self.station_formatter = _StationTimeFormatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"
        )
        self.setFormatter(self.station_formatter)

    def emit(self, record: logging.LogRecord) -> None:  # logging.Handler API, not a Qt signal
        try:
            emit(self.relay.line, self.format(record))
        except RuntimeError:  # the widget is gone
            pass


class LogTab(LeadTab):
    KEY = "log"

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.view = QPlainTextEdit()
        self.view.setObjectName("log_view")
        self.view.setReadOnly(True)
        self.view.setMaximumBlockCount(MAX_LINES)
        self.view.setFont(QFont("monospace", 10))
        lay.addWidget(self.view)
        self.lines: deque[str] = deque(maxlen=MAX_LINES)
        self._relay = _Relay()
        self._relay.line.connect(self._add)
        self.handler = _QtHandler(self._relay)
        logging.getLogger().addHandler(self.handler)
        if logging.getLogger().level > logging.INFO or logging.getLogger().level == logging.NOTSET:
            logging.getLogger().setLevel(logging.INFO)

    def _add(self, line: str) -> None:
        self.lines.append(line)
        if self.isVisible():
            self.view.appendPlainText(line)  # follows the end when the lead is at the end

    def showEvent(self, event: QShowEvent) -> None:
        self.view.setPlainText("\n".join(self.lines))
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest line in view
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.view.clear()  # drops the laid-out lines; the text stays in self.lines
        super().hideEvent(event)

    def title(self) -> str:
        return self.tr("Log")

    def focus_order(self) -> list[QWidget]:
        return [self.view]

    def set_zone(self, tz: tzinfo | None) -> None:
        self.handler.station_formatter.tz = tz

    def detach(self) -> None:
        logging.getLogger().removeHandler(self.handler)
