"""The lead's Log tab, an on-screen log for IT and shift leads (Vorta's log window): the app's
log lines, live, with times in the station's zone.

A logging.Handler forwards records by a Qt signal, so lines logged on device, sync or writer
threads reach the widget on the UI thread. The handler is removed when the panel is closed.
"""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ui.lead_base import LeadTab
from ui.ops import AppContext
from ui.qtcompat import emit


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
        self.view.setMaximumBlockCount(2000)
        self.view.setFont(QFont("monospace", 10))
        lay.addWidget(self.view)
        self._relay = _Relay()
        self._relay.line.connect(self.view.appendPlainText)
        self.handler = _QtHandler(self._relay)
        logging.getLogger().addHandler(self.handler)
        if logging.getLogger().level > logging.INFO or logging.getLogger().level == logging.NOTSET:
            logging.getLogger().setLevel(logging.INFO)

    def title(self) -> str:
        return self.tr("Log")

    def focus_order(self) -> list[QWidget]:
        return [self.view]

    def set_zone(self, tz: tzinfo | None) -> None:
        self.handler.station_formatter.tz = tz

    def detach(self) -> None:
        logging.getLogger().removeHandler(self.handler)
