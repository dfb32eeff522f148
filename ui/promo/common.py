"""Shared bits of the promo lead screens.

Why this module exists: the six promo tabs must look and behave like the rest of the lead area
(ui/lead.py) — content-sized columns with one stretching column, right-aligned numbers, people's
names for codes, station-local times — and must never touch SQLite on the UI thread. Every UI text
goes through Qt's translation system (``self.tr`` / ``QCoreApplication.translate("promo", ...)``, the
Chinese lives in ui/i18n.py's ZH table); only texts the core already gives in both languages (its
reasons and errors, carrier names) are picked by ``ctx.lang``. A language switch (a new translator)
re-renders from the last loaded data (no DB round trip).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from ui.ops import AppContext, run_on_writer, run_read
from ui.tables import MAX_COL_PX as MAX_COL_PX  # re-exported for the screens
from ui.tables import ROW_PX as ROW_PX
from ui.tables import fill_table as fill_table
from ui.tables import make_table as make_table
from ui.tables import selected_value as selected_value
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)

RED = "#b71c1c"
AMBER = "#e65100"

Msg = Callable[[], str]  # a text built in the current language; run again after a language switch


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text of `context` for lupdate (it reads the literal call) and returns it as is; it is
    translated where shown. (PySide6's own is typed as returning object.)"""
    return text


# --- people's names for the core's codes (English sources in the "promo" context; zh in ui/i18n.py) --
STOCK_TIERS: dict[str, str] = {
    "core_hot": QT_TRANSLATE_NOOP("promo", "Core hot"),
    "potential_new": QT_TRANSLATE_NOOP("promo", "Potential new"),
    "long_tail": QT_TRANSLATE_NOOP("promo", "Long tail"),
}
SHIP_TIERS: dict[str, str] = {
    "first_hour": QT_TRANSLATE_NOOP("promo", "Paid in first hour"),
    "standard": QT_TRANSLATE_NOOP("promo", "Standard"),
    "delayed": QT_TRANSLATE_NOOP("promo", "Delayed (opted in)"),
    "presale": QT_TRANSLATE_NOOP("promo", "Presale"),
    "unassigned": QT_TRANSLATE_NOOP("promo", "No promise yet"),
}
STATE = "parcel state"  # its own context: "Planned" is 计划 elsewhere, 待打包 for a parcel
PARCEL_STATES: dict[str, str] = {
    "no_parcel": QT_TRANSLATE_NOOP("parcel state", "No parcel yet"),
    "planned": QT_TRANSLATE_NOOP("parcel state", "Planned"),
    "packed": QT_TRANSLATE_NOOP("parcel state", "Packed"),
    "verified": QT_TRANSLATE_NOOP("parcel state", "Verified"),
    "handed_off": QT_TRANSLATE_NOOP("parcel state", "Handed off"),
    "intercepted": QT_TRANSLATE_NOOP("parcel state", "Intercepted"),
    "pulled": QT_TRANSLATE_NOOP("parcel state", "Pulled"),
    "voided": QT_TRANSLATE_NOOP("parcel state", "Voided"),
    "returned": QT_TRANSLATE_NOOP("parcel state", "Returned"),
}
ROLES: dict[str, str] = {
    "main": QT_TRANSLATE_NOOP("promo", "Main"),
    "backup": QT_TRANSLATE_NOOP("promo", "Backup"),
    "dynamic": QT_TRANSLATE_NOOP("promo", "Dynamic"),
}
REGIONS: dict[str, str] = {
    "east": QT_TRANSLATE_NOOP("promo", "East China"),
    "north": QT_TRANSLATE_NOOP("promo", "North China"),
    "south": QT_TRANSLATE_NOOP("promo", "South China"),
    "central": QT_TRANSLATE_NOOP("promo", "Central China"),
    "southwest": QT_TRANSLATE_NOOP("promo", "Southwest China"),
    "northeast": QT_TRANSLATE_NOOP("promo", "Northeast China"),
    "northwest": QT_TRANSLATE_NOOP("promo", "Northwest China"),
    "unknown": QT_TRANSLATE_NOOP("promo", "Unknown region"),
}
PLAN_STATUS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("promo", "Draft"),
    "created": QT_TRANSLATE_NOOP("promo", "Batch created"),
    "dropped": QT_TRANSLATE_NOOP("promo", "Dropped"),
}
TRIGGERS: dict[str, str] = {
    "lead": QT_TRANSLATE_NOOP("promo", "Lead"),
    "stall": QT_TRANSLATE_NOOP("promo", "Pickup stalled"),
    "capacity": QT_TRANSLATE_NOOP("promo", "Capacity full"),
}
SCORE_PARTS: dict[str, str] = {  # the scorecard's parts, in its order
    "response": QT_TRANSLATE_NOOP("promo", "Response"),
    "peak": QT_TRANSLATE_NOOP("promo", "Peak capacity"),
    "coverage": QT_TRANSLATE_NOOP("promo", "On-time coverage"),
    "exceptions": QT_TRANSLATE_NOOP("promo", "Exceptions"),
    "cost": QT_TRANSLATE_NOOP("promo", "Cost"),
}
PRINT_REASONS: dict[str, str] = {
    "carrier_failover": QT_TRANSLATE_NOOP("promo", "Carrier failover"),
    "capacity": QT_TRANSLATE_NOOP("promo", "Capacity move"),
    "reprint": QT_TRANSLATE_NOOP("promo", "Reprint"),
}


def translated(text: str, context: str = "promo") -> str:
    """A marked (QT_TRANSLATE_NOOP) text in the installed translator's language. Literal texts outside a
    QObject call QCoreApplication.translate("promo", "...") themselves, so lupdate sees their context."""
    return QCoreApplication.translate(context, text)


def label(ctx: AppContext, names: Mapping[str, str], code: Any) -> str:
    """A code as a person reads it in the current language; an unknown code is shown as is."""
    if code is None or code == "":
        return ""
    text = names.get(str(code))
    return translated(text, STATE if names is PARCEL_STATES else "promo") if text else str(code)


def regions_label(ctx: AppContext, regions: str | None) -> str:
    """'east,north' -> '华东、华北' / 'East China, North China'."""
    parts = [p.strip() for p in (regions or "").split(",") if p.strip()]
    if not parts:
        return QCoreApplication.translate("promo", "Any (by capacity)")
    return QCoreApplication.translate("promo", ", ").join(label(ctx, REGIONS, p) for p in parts)


def moved_label(ctx: AppContext, moved: Any) -> str:
    """The failover's {"ZTO": 210} (JSON text or dict) as '中通快递 210'."""
    if isinstance(moved, str):
        try:
            moved = json.loads(moved)
        except ValueError:
            return str(moved)
    if not isinstance(moved, dict) or not moved:
        return ""
    sep = QCoreApplication.translate("promo", ", ")
    return sep.join(f"{ctx.carrier_label(c)} {n}" for c, n in moved.items())


def no_data() -> str:
    """What a missing measurement reads as (无数据 / no data): never 0, never a blank cell."""
    return QCoreApplication.translate("promo", "no data")


def unknown() -> str:
    """A stock figure of a SKU never counted (未知 / unknown): never 0, never a blank cell."""
    return QCoreApplication.translate("promo", "unknown")


def fmt(template: str, *args: Any) -> str:
    """Qt's %1..%n placeholders filled in one pass (QString::arg style; a value's own "%2" stays as is)."""

    def one(m: re.Match[str]) -> str:
        i = int(m.group(1))
        return str(args[i - 1]) if 0 < i <= len(args) else m.group(0)

    return re.sub(r"%(\d+)", one, template)


def pct(v: Any) -> str:
    return f"{v:.1%}" if isinstance(v, (int, float)) and not isinstance(v, bool) else ""


def fit_rows(table: QTableWidget, rows: int, most: int = 12) -> None:
    """Cap a short table's height to its rows, so a 3-row table does not eat half a 768-px screen."""
    n = max(1, min(rows, most))
    head = max(table.horizontalHeader().sizeHint().height(), table.horizontalHeader().height())
    body = sum(table.rowHeight(i) for i in range(min(n, table.rowCount()))) or ROW_PX
    table.setMaximumHeight(head + body + 2 * table.frameWidth() + 4)


def paint(table: QTableWidget, col: int, colour: str, when: Callable[[str], bool]) -> None:
    """Colour the cells of a column whose text matches (red for oversold, overdue...)."""
    for i in range(table.rowCount()):
        it = table.item(i, col)
        if it is not None and when(it.text()):
            it.setForeground(QColor(colour))


def cell(table: QTableWidget, row: int, col: int) -> str:
    it = table.item(row, col)
    return it.text() if it else ""


def button(name: str, *, danger: bool = False) -> QPushButton:
    """An action button big enough to hit standing at a station; text comes from retranslate()."""
    b = QPushButton()
    b.setObjectName(name)
    b.setMinimumHeight(36)
    if danger:
        b.setStyleSheet(
            f"QPushButton{{background:{RED};color:white;font-weight:bold;padding:0 12px}}"
            "QPushButton:disabled{background:#e0a0a0}"
        )
    return b


def heading() -> QLabel:
    lab = QLabel()
    lab.setStyleSheet("font-size:15px;font-weight:bold")
    return lab


def zone_note() -> QLabel:
    lab = QLabel()
    lab.setObjectName("zone_note")
    lab.setStyleSheet("color:#455a64")
    return lab


class PromoTab(QWidget):
    """Base: a result line that keeps how to build its text, loads off the UI thread (coalesced, with an
    optional writer pre-check), action buttons disabled while a write runs, and a re-render in the
    other language — tab title included — when the station's language changes."""

    loaded = Signal(object)  # data shown (tests wait on it)
    done = Signal(object)  # a lead action finished (result)
    failed = Signal(
        str, str
    )  # zh, en: the core's own pair; an unexpected error: as shown, and in English

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_buttons: list[QAbstractButton] = []  # disabled while a write is in flight
        self._data: Any = None
        self._msg: tuple[Msg, bool] | None = None
        self._loading = False
        self._again = False
        self._scheduled = False
        self._busy = 0
        ctx.events.language_changed.connect(self._language_changed)
        ctx.events.data_changed.connect(self._data_changed)

    # -- language ----------------------------------------------------------------------------
    def title(self) -> str:  # pragma: no cover - overridden: each tab's self.tr("...")
        return ""

    def retranslate(self) -> None:
        """Set every static text (buttons, headings, placeholders) through tr() (the installed translator)."""

    def relabel(self) -> None:
        """Everything a person reads, again in the current language; from memory, no DB work."""
        self.retranslate()
        tabs = self._tab_widget()
        if tabs is not None:
            tabs.setTabText(tabs.indexOf(self), self.title())
        if self._data is not None:
            self.show_data(self._data)
        if self._msg is not None:
            self.say(*self._msg)

    def _tab_widget(self) -> QTabWidget | None:
        w = self.parentWidget()
        while w is not None and not isinstance(w, QTabWidget):
            w = w.parentWidget()
        return w if isinstance(w, QTabWidget) and w.indexOf(self) >= 0 else None

    @Slot(str)
    def _language_changed(self, _lang: str) -> None:
        self.relabel()

    @Slot(str)
    def _data_changed(self, hint: str) -> None:
        """A new station zone re-renders times at once (from memory); a batch or promo change made
        elsewhere reloads a tab the lead is looking at. Scans are left to each tab's own reload."""
        if hint == "settings":
            self.relabel()
        elif hint in ("batch", "promo") and self.isVisible():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # a translator was (re)installed
            self.relabel()
        super().changeEvent(event)

    # -- messages ----------------------------------------------------------------------------
    def say(self, text: Msg, ok: bool = True) -> None:
        """Show a result built by text() (tr() inside); it is kept so a language switch re-says it."""
        self._msg = (text, ok)
        self.result.setText(text())
        self.result.setStyleSheet(
            "font-size:15px;font-weight:bold;color:%s" % ("#1b5e20" if ok else RED)
        )

    def say_core(self, zh: str, en: str, ok: bool = True) -> None:
        """Show a text the core gives in both languages (its errors, a scan verdict): picked by ctx.lang."""
        self.say(lambda: self.ctx.text(zh, en), ok)

    def fail(self, exc: BaseException) -> None:
        if isinstance(exc, StationError):
            self.say_core(exc.zh, str(exc), ok=False)
            self.failed.emit(exc.zh, str(exc))
            return
        logger.error("promo action failed", exc_info=exc)
        template = QT_TRANSLATE_NOOP("PromoTab", "Failed, nothing was changed: %1")
        self.say(
            lambda: QCoreApplication.translate("PromoTab", template).replace("%1", str(exc)),
            ok=False,
        )
        self.failed.emit(self.result.text(), template.replace("%1", str(exc)))

    @property
    def operator(self) -> str | None:
        who = self.ctx.lead or self.ctx.operator
        return who["code"] if who else None

    # -- background work ---------------------------------------------------------------------
    def fetch(self, conn: Any) -> Any:  # pragma: no cover - overridden; runs on the read pool
        return None

    def precheck(self, conn: Any) -> Any:
        """Optional writer step before each load (e.g. re-check oversell); None = no step."""
        return None

    HAS_PRECHECK = False

    def show_data(self, data: Any) -> None:  # pragma: no cover - overridden; UI thread
        pass

    def _fetch(self, conn: Any) -> Any:
        if not self.ctx.carriers:  # names for carrier codes (cheap, once)
            self.ctx.load_carriers(conn)
        return self.fetch(conn)

    def refresh(self) -> None:
        """Reload off the UI thread. Requests in one event-loop turn (the tab's showEvent and the lead
        area's currentChanged both ask) are one load; requests while a load runs are one more load."""
        if self._scheduled:
            return
        self._scheduled = True
        QTimer.singleShot(0, self, self._start)

    def _start(self) -> None:
        self._scheduled = False
        if self._loading:
            self._again = True
            return
        self._loading = True
        if self.HAS_PRECHECK:
            run_on_writer(
                self.ctx,
                self.precheck,
                parent=self,
                on_success=lambda _r: self._read(),
                on_failure=self._load_failed,
            )
        else:
            self._read()

    def _read(self) -> None:
        run_read(
            self.ctx,
            self._fetch,
            on_success=self._loaded,
            on_failure=self._load_failed,
            parent=self,
        )

    def _loaded(self, data: Any) -> None:
        self._loading = False
        self._data = data
        self.show_data(data)
        self.loaded.emit(data)
        if self._again:
            self._again = False
            self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.fail(exc)

    def then(self, text: Callable[[Any], str]) -> Callable[[Any], None]:
        """A success callback: say text(result) (built with tr(), again on a language switch) and reload."""

        def cb(res: Any) -> None:
            self.say(lambda: text(res))
            self.refresh()

        return cb

    def write(self, fn: Callable[..., Any], *args: Any, ok: Callable[[Any], None]) -> None:
        """`fn(conn, *args)` on the writer thread (one transaction: all or nothing); the tab's action
        buttons stay disabled until it answers, so a double click cannot run it twice."""
        self._set_busy(+1)

        def success(res: Any) -> None:
            self._set_busy(-1)
            ok(res)
            self.done.emit(res)
            self.ctx.events.data_changed.emit("promo")

        def failure(exc: BaseException) -> None:
            self._set_busy(-1)
            self.fail(exc)

        run_on_writer(self.ctx, fn, *args, on_success=success, on_failure=failure, parent=self)

    def _set_busy(self, delta: int) -> None:
        self._busy = max(0, self._busy + delta)
        self.sync_buttons()

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def sync_buttons(self) -> None:
        """Enable the action buttons unless a write runs (tabs narrow this to what makes sense)."""
        for b in self.action_buttons:
            b.setEnabled(not self.busy)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()


class OversellBanner(QLabel):
    """A big red line on the lead's screen while any SKU is oversold (hidden otherwise). Names at most
    three SKUs (worst first) so it stays one or two readable lines at 1366x768."""

    MAX_SKUS = 3

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.alerts: list[dict[str, Any]] = []
        self.setObjectName("oversell_banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            f"QLabel#oversell_banner{{background:{RED};color:#ffffff;font-size:18px;"
            "font-weight:bold;padding:8px 12px;border-radius:4px}"
        )
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_alerts(self, alerts: list[dict[str, Any]]) -> None:
        self.alerts = sorted(
            alerts, key=lambda a: -int(a.get("short_units") or len(a["short_orders"]))
        )
        if not self.alerts:
            self.hide()
            self.setText("")
            return
        head, more = self.alerts[: self.MAX_SKUS], len(self.alerts) - self.MAX_SKUS
        parts = [
            fmt(
                self.tr("%1 demand %2 > supply %3 (stock %4 + pre-packed %5), %6 orders short"),
                a["sku"],
                a["demand"],
                a["stock"] + a["prepacked"],
                a["stock"],
                a["prepacked"],
                len(a["short_orders"]),
            )
            for a in head
        ]
        if more > 0:
            parts.append(fmt(self.tr("%1 more SKU(s)"), more))
        self.setText(
            fmt(
                self.tr("⚠ OVERSELL: %1. Re-stock or tell the platform."), self.tr("; ").join(parts)
            )
        )
        self.show()
