"""The shift lead's area (PIN-protected): the PIN page, then one tab per file in ui/lead_tabs/
(each on ui.lead_base.LeadTab), mounted in the order of TABS.

No modal dialogs: a packer's scans keep flowing while a lead works here, and every action runs
on the writer thread or the read pool with its answer shown inline.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.lead_base import LeadTab
from ui.lead_tabs.batches import BatchesTab
from ui.lead_tabs.discrepancies import DiscrepanciesTab
from ui.lead_tabs.handoffs import HandoffsTab
from ui.lead_tabs.log import LogTab
from ui.lead_tabs.review import ReviewTab
from ui.lead_tabs.settings import SettingsTab
from ui.lead_tabs.stations import StationsTab
from ui.ops import AppContext, run_on_writer
from ui.qtcompat import emit
from ui.scan_routing import WedgeGuard, lead_area_takes
from warehouse_app import operations
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)
T = TypeVar("T", bound=LeadTab)

# the lead's tabs, in their order on screen (promo tabs follow, from ui.promo)
TABS: tuple[type[LeadTab], ...] = (
    BatchesTab,
    HandoffsTab,
    DiscrepanciesTab,
    StationsTab,
    ReviewTab,
    SettingsTab,
    LogTab,
)


class LeadArea(QStackedWidget):
    """PIN page, then tabs. `use_handoff(id)` asks the window to switch the packer to that handoff."""

    use_handoff = Signal(str)
    manifest_ready = Signal(str)
    unlocked = Signal(object)

    def __init__(self, ctx: AppContext, window: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.window_ = window
        self.pin_page = QWidget()
        pl = QVBoxLayout(self.pin_page)
        pl.addStretch(1)
        self.pin_title = QLabel()
        self.pin_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_title.setStyleSheet("font-size:28px;font-weight:bold")
        pl.addWidget(self.pin_title)
        form = QFormLayout()
        self.lead_code = QLineEdit()
        self.lead_code.setObjectName("lead_code")
        self.pin = QLineEdit()
        self.pin.setObjectName("lead_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.l_code, self.l_pin = QLabel(), QLabel()
        for w in (
            self.lead_code,
            self.pin,
        ):  # typed standing at a station: big enough to hit and read
            w.setStyleSheet("font-size:22px;padding:6px")
            w.setMinimumWidth(320)
        for lab in (self.l_code, self.l_pin):
            lab.setStyleSheet("font-size:20px")
        form.addRow(self.l_code, self.lead_code)
        form.addRow(self.l_pin, self.pin)
        box = QWidget()
        box.setLayout(form)
        box.setMaximumWidth(520)
        hl = QHBoxLayout()
        hl.addStretch(1)
        hl.addWidget(box)
        hl.addStretch(1)
        pl.addLayout(hl)
        self.pin_msg = QLabel()
        self.pin_msg.setObjectName("pin_message")
        self.pin_msg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_msg.setStyleSheet("font-size:18px;color:#b71c1c")
        pl.addWidget(self.pin_msg)
        pl.addStretch(2)
        self.lead_code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.try_unlock)
        # a wedge scanner typing into the PIN field is a scan, never a PIN try
        self.pin_guard = WedgeGuard(self.pin, self._scanned_into_pin)
        self.addWidget(self.pin_page)

        self.tabs_page = QWidget()
        tl = QVBoxLayout(self.tabs_page)
        head = QHBoxLayout()
        self.who = QLabel()
        self.who.setStyleSheet("font-size:18px;font-weight:bold")
        self.back_btn = QPushButton()
        self.back_btn.setObjectName("lead_back")
        self.back_btn.clicked.connect(window.back_to_packer)
        head.addWidget(self.who, 1)
        head.addWidget(self.back_btn)
        tl.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lead_tabs")
        tl.addWidget(self.tabs, 1)
        self.addWidget(self.tabs_page)

        self.pages: dict[str, LeadTab] = {}
        for cls in TABS:
            self.pages[cls.KEY] = cls(ctx, self)
        self.batches = self._tab(BatchesTab)
        self.handoffs = self._tab(HandoffsTab)
        self.discrepancies = self._tab(DiscrepanciesTab)
        self.stations = self._tab(StationsTab)
        self.review = self._tab(ReviewTab)
        self.settings = self._tab(SettingsTab)
        self.log = self._tab(LogTab)
        for page in self.pages.values():
            self.tabs.addTab(page, "")
        self.promo_tabs = self._promo_tabs()
        for title, promo_page in self.promo_tabs:
            self.tabs.addTab(promo_page, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.use_handoff.connect(self._use_handoff)
        self._wanted = "batches"

    def _tab(self, cls: type[T]) -> T:
        tab = self.pages[cls.KEY]
        assert isinstance(tab, cls)
        return tab

    def _promo_tabs(self) -> list[tuple[str, QWidget]]:
        try:
            from ui.promo import lead_tabs
        except ImportError:
            try:
                from ui.promo.tabs import lead_tabs  # type: ignore[no-redef]
            except ImportError:
                return []
        try:
            return list(lead_tabs(self.ctx))
        except Exception:
            logger.exception("promo lead tabs failed to load")
            return []

    def retranslate(self) -> None:
        self.pin_title.setText(self.tr("Shift lead: scan your badge and enter your PIN"))
        self.l_code.setText(self.tr("Lead code"))
        self.l_pin.setText(self.tr("PIN"))
        self.back_btn.setText(self.tr("Back to packing (Esc)"))
        self.back_btn.setToolTip("Esc")  # the window's Esc key; Alt+letters are the tabs' buttons
        for w in self.pages.values():
            self.tabs.setTabText(self.tabs.indexOf(w), w.title())
            w.result.setText("")  # a message said in the other language is stale
            w.retranslate()
            w.apply_focus_order()
        if self.ctx.lead:
            self.who.setText(self.tr("Shift lead: %1").replace("%1", self.ctx.lead["name"]))

    def open(self, tab: str) -> None:
        self._wanted = tab
        if self.ctx.lead is None:
            self.setCurrentWidget(self.pin_page)
            self.pin_msg.setText("")
            self.lead_code.setFocus()
            return
        self._show_tab(tab)

    def _show_tab(self, tab: str) -> None:
        self.setCurrentWidget(self.tabs_page)
        w = self.pages.get(tab)
        if w is not None:
            self.tabs.setCurrentWidget(w)
            w.refresh()

    def _scanned_into_pin(self, code: str) -> None:
        """Routed like a serial scan: only a scan field takes it, else a status-bar line."""
        logger.info("wedge scan in the PIN field routed as a scan (%d chars)", len(code))
        lead_area_takes(self.window_, code)

    def try_unlock(self) -> None:
        code, pin = self.lead_code.text().strip(), self.pin.text()
        self.pin.clear()

        def ok(lead: dict[str, Any]) -> None:
            self.ctx.lead = lead
            self.who.setText(self.tr("Shift lead: %1").replace("%1", lead["name"]))
            emit(self.unlocked, lead)
            self._show_tab(self._wanted)

        def fail(exc: BaseException) -> None:
            from warehouse_app.lead_pin import LeadLocked

            msg = self.ctx.text(exc.zh, str(exc)) if isinstance(exc, StationError) else str(exc)
            self.pin_msg.setText(msg)
            self.lead_code.setFocus()
            if isinstance(exc, LeadLocked):
                self._lock_for(exc.seconds)

        run_on_writer(
            self.ctx,
            operations.verify_lead,
            code,
            pin,
            on_success=ok,
            on_failure=fail,
            parent=self,
        )

    def _lock_for(self, seconds: int) -> None:
        """Too many wrong PINs: the PIN field is closed and counts down (the core enforces it)."""
        import time as _time

        from PySide6.QtCore import QTimer

        self._lock_until = _time.monotonic() + seconds
        self.pin.setEnabled(False)
        if getattr(self, "_lock_timer", None) is None:
            self._lock_timer = QTimer(self)
            self._lock_timer.setInterval(1000)
            self._lock_timer.timeout.connect(self._lock_tick)
        self._lock_timer.start()
        self._lock_tick()

    def _lock_tick(self) -> None:
        import time as _time

        left = int(self._lock_until - _time.monotonic())
        if left <= 0:
            self._lock_timer.stop()
            self.pin.setEnabled(True)
            self.pin_msg.setText(self.tr("Lead actions open again: enter your PIN"))
            return
        self.pin_msg.setText(
            self.tr("Too many wrong PINs: locked, %1 left").replace(
                "%1", f"{left // 60}:{left % 60:02d}"
            )
        )

    def lock(self) -> None:
        self.ctx.lead = None
        self.setCurrentWidget(self.pin_page)

    def _tab_changed(self, index: int) -> None:
        w = self.tabs.widget(index)
        if w is not None and hasattr(w, "refresh") and self.ctx.lead is not None:
            w.refresh()

    def _use_handoff(self, hid: str) -> None:
        self.window_.set_mode("handoff", announce=False)
        self.window_.set_handoff(hid)
        self.window_.back_to_packer()
