"""The packing-station main window: login, the packer screen, the lead area and the status bar.

Everything a packer does works from the scanner and the keyboard: F1-F5 switch mode, F6/F7 pick
the batch/handoff, F8 logs out, F9 opens the lead area, F12 switches language; command cards
(`#MODE:PACK`, `#BATCH:id`, ...) do the same from the scanner. Scans go to the writer thread and
their verdicts come back by signal, so the window never waits on SQLite.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devices.scanners.wedge import WedgeDecoder
from ui.controller import StationController
from ui.ops import AppContext, run_read
from ui.packer_feedback import BacklogBar, PackerFeedback
from ui.qtcompat import emit
from ui.recent_scans import RecentScans
from ui.scan_routing import lead_area_takes
from ui.sounds import SoundPlayer
from ui.statusbar import StationStatusBar
from ui.verdict import VerdictPanel
from ui.voice import VoicePlayer
from warehouse_app import counts, operations
from warehouse_app import returns as returns_mod
from warehouse_app.commands import Command, parse_command
from warehouse_app.domain import Verdict
from warehouse_app.errors import StationError
from warehouse_app.scan_engine import ScanContext
from warehouse_app.session import Outcome

logger = logging.getLogger(__name__)

MODES = ["pack", "verify", "handoff", "pull", "return"]
MODE_KEYS = {
    Qt.Key.Key_F1: "pack",
    Qt.Key.Key_F2: "verify",
    Qt.Key.Key_F3: "handoff",
    Qt.Key.Key_F4: "pull",
    Qt.Key.Key_F5: "return",
}


def returns_module() -> Any:
    """The returns rules (reasons, dispositions) the return desk shows."""
    return returns_mod


class ModeBar(QWidget):
    """Five big mode tabs with their keys, the current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        for m in MODES:
            lab = QLabel()
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setObjectName(f"mode_{m}")
            lay.addWidget(lab)
            self.labels[m] = lab
        self.current = "verify"
        self.font_px = 20

    def retranslate(self) -> None:
        names = {
            "pack": self.tr("F1 Pack batch"),
            "verify": self.tr("F2 Verify && box"),
            "handoff": self.tr("F3 Hand off"),
            "pull": self.tr("F4 Pull intercept"),
            "return": self.tr("F5 Returns"),
        }
        for m, lab in self.labels.items():
            lab.setText(names[m].replace("&&", "&"))
        self.set_mode(self.current)

    def set_mode(self, mode: str) -> None:
        self.current = mode
        for m, lab in self.labels.items():
            on = m == mode
            weight = "bold" if on else "normal"
            bg, fg = ("#1565c0", "white") if on else ("#e0e0e0", "#424242")
            lab.setStyleSheet(
                f"QLabel{{font-size:{self.font_px}px;font-weight:{weight};padding:6px;"
                f"border-radius:6px;background:{bg};color:{fg}}}"
            )


class CounterBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.value = QLabel("-")
        self.sub = QLabel("")
        self.scale(1.0)
        for w in (self.title, self.value, self.sub):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)

    def scale(self, f: float) -> None:
        self.value.setStyleSheet(f"font-size:{round(34 * f)}px;font-weight:bold")
        self.title.setStyleSheet(f"font-size:{round(16 * f)}px;color:#555")
        self.sub.setStyleSheet(f"font-size:{round(13 * f)}px;color:#333")


class PackerPage(QWidget):
    """Verdict panel + mode bar + context line + live counters + the scan/typing field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.who = QLabel()
        self.context_line = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.context_line, 2)
        lay.addLayout(top)
        self.modes = ModeBar()
        lay.addWidget(self.modes)
        self.panel = VerdictPanel()
        # beside the verdict: the last scans and the labels waiting to print
        middle = QHBoxLayout()
        middle.addWidget(self.panel, 3)
        side = QVBoxLayout()
        self.recent = RecentScans()
        self.backlog_bar = BacklogBar()
        side.addWidget(self.recent, 1)
        side.addWidget(self.backlog_bar)
        self.side = QWidget()
        self.side.setLayout(side)
        self.side.setMaximumWidth(380)
        self.side.setMinimumWidth(240)
        middle.addWidget(self.side, 1)
        lay.addLayout(middle, 1)
        row = QHBoxLayout()
        self.c_batch, self.c_handoff, self.c_hour = CounterBox(), CounterBox(), CounterBox()
        for c in (self.c_batch, self.c_handoff, self.c_hour):
            row.addWidget(c)
        lay.addLayout(row)
        entry = QHBoxLayout()
        self.entry_label = QLabel()
        self.entry = QLineEdit()
        self.entry.setObjectName("scan_entry")
        self.hint = QLabel()
        entry.addWidget(self.entry_label)
        entry.addWidget(self.entry, 1)
        lay.addLayout(entry)
        lay.addWidget(self.hint)
        self.batch_pick = QComboBox()
        self.batch_pick.setObjectName("batch_pick")
        self.handoff_pick = QComboBox()
        self.handoff_pick.setObjectName("handoff_pick")
        picks = QHBoxLayout()
        self.batch_pick_label, self.handoff_pick_label = QLabel(), QLabel()
        picks.addWidget(self.batch_pick_label)
        picks.addWidget(self.batch_pick, 1)
        picks.addWidget(self.handoff_pick_label)
        picks.addWidget(self.handoff_pick, 1)
        lay.addLayout(picks)
        self._scale = 0.0
        self.apply_scale(1.0)

    def apply_scale(self, f: float) -> None:
        """Text around the verdict grows with the screen: on a 1080p station the counters, keys
        and pickers stayed 1366-sized and looked lost (the verdict panel scales itself)."""
        if abs(f - self._scale) < 0.05:
            return
        self._scale = f
        self.who.setStyleSheet(f"font-size:{round(22 * f)}px;font-weight:bold")
        self.context_line.setStyleSheet(f"font-size:{round(20 * f)}px")
        self.entry.setStyleSheet(f"font-size:{round(20 * f)}px;padding:4px")
        self.entry_label.setStyleSheet(f"font-size:{round(14 * f)}px")
        self.hint.setStyleSheet(f"color:#555;font-size:{round(13 * f)}px")
        for lab in (self.batch_pick_label, self.handoff_pick_label):
            lab.setStyleSheet(f"font-size:{round(14 * f)}px")
        for combo in (self.batch_pick, self.handoff_pick):
            combo.setStyleSheet(f"font-size:{round(14 * f)}px")
        for c in (self.c_batch, self.c_handoff, self.c_hour):
            c.scale(f)
        self.modes.font_px = round(20 * f)
        self.modes.set_mode(self.modes.current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.apply_scale(max(1.0, min(1.6, self.height() / 700)))
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.modes.retranslate()
        self.c_batch.title.setText(self.tr("This batch"))
        self.c_handoff.title.setText(self.tr("This handoff"))
        self.c_hour.title.setText(self.tr("Parcels this hour"))
        self.entry_label.setText(self.tr("Scan or type:"))
        self.batch_pick_label.setText(self.tr("F6 Batch:"))
        self.handoff_pick_label.setText(self.tr("F7 Handoff:"))
        self.set_hint(self.modes.current)

    def set_hint(self, mode: str) -> None:
        """The key line under the entry; in return mode it lists the reason/disposition keys."""
        w = self.window()
        if mode == "return" and hasattr(w, "return_legend") and w.return_legend():
            self.hint.setText(w.return_legend())
            return
        self.hint.setText(
            self.tr(
                "F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · "
                "F10 settings · F12 中文/English · or scan a command card"
            )
        )


class LoginPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.station = QLabel()
        self.station.setStyleSheet("font-size:22px;color:#555")
        self.station.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = VerdictPanel()
        self.entry = QLineEdit()
        self.entry.setObjectName("login_entry")
        self.entry.setStyleSheet("font-size:28px;padding:8px")
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("font-size:20px")
        lay.addWidget(self.station)
        lay.addWidget(self.panel, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.entry)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Scan your badge, or type your operator code and press Enter"))
        if self.panel.verdict is None and self.panel.color_name == "idle":
            self.panel.show_idle(self.tr("Please log in"), self.tr("Scan your badge"))


class _KeyFilter(QObject):
    """Feeds keystrokes to the wedge decoder when focus is not in a text field, so a
    keyboard-wedge scan reaches the station even while a button or table has focus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.decoder = WedgeDecoder()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        w = self.window
        if not w.isActiveWindow() and not w.isVisible():
            return False
        from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
            return False
        if w.stack.currentWidget() not in (w.packer, w.login):
            return False
        mods = event.modifiers()
        if mods & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            return False  # Ctrl/Alt keys are shortcuts (return reason/disposition), never scan text
        text = event.text()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = "\r"
        if not text or (not text.isprintable() and text != "\r"):
            return False
        res = self.decoder.key(text, time.monotonic())
        if res.scan:
            w.handle_scan(res.scan, "wedge")
        if res.typed:
            typed = res.typed.replace("\r", "")
            target = w.login.entry if w.stack.currentWidget() is w.login else w.packer.entry
            target.setFocus()
            target.insert(typed)
            if res.typed.endswith("\r"):
                emit(target.returnPressed)
        return True


class MainWindow(QMainWindow):
    """One station window. `verdict_shown(Verdict)` fires after each verdict reaches the panel."""

    verdict_shown = Signal(object)
    counters_updated = Signal(object)
    logged_in = Signal(object)
    mode_changed = Signal(str)
    return_choice_changed = Signal(object)  # (reason, disposition) after it was saved

    def __init__(self, ctx: AppContext, *, sounds: bool | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        # the floor's state lives in the core session; the window renders its outcomes
        self.controller = StationController(ctx, self)
        self.controller.outcome_ready.connect(self.show_outcome)
        self.controller.input_failed.connect(self._scan_failed)
        self.return_choice: str | None = None
        self.return_state: tuple[str | None, str | None] = (None, None)
        self.sound = SoundPlayer(ctx.settings.sounds if sounds is None else sounds)
        self.voice = VoicePlayer(
            bool(ctx.settings.voice) and (sounds is None or sounds), ctx.settings.voice_engine
        )
        self.setObjectName("station_window")
        self.resize(1366, 768)
        self.setMinimumSize(1024, 600)  # 1366x768 above a taskbar fits (ui/geometry.py)

        self.stack = QStackedWidget()
        self.login = LoginPage()
        self.packer = PackerPage()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.packer)
        from ui.lead import LeadArea

        self.lead = LeadArea(ctx, self)
        self.stack.addWidget(self.lead)
        self._base_pt = self.lead.font().pointSizeF() if self.lead.font().pointSizeF() > 0 else 10.0
        self._lead_scale = 1.0
        self.setCentralWidget(self.stack)
        self.status = StationStatusBar(ctx)
        self.setStatusBar(self.status)
        # what the packer sees stays true after the verdict (labels, device faults, dropped frames)
        self.feedback = PackerFeedback(
            ctx,
            self.packer.panel,
            self.packer.recent,
            self.packer.backlog_bar,
            self.sound,
            self.voice,
            self,
        )
        from ui.keyboard import focus_ring

        focus_ring(self.lead)  # lead screens are keyboard-first: a visible focus, Alt+n keys
        self.lead.tabs.currentChanged.connect(lambda _i: self._number_lead_buttons())

        self.login.entry.returnPressed.connect(self._login_typed)
        self.packer.entry.returnPressed.connect(self._packer_typed)
        self.packer.batch_pick.activated.connect(self._batch_picked)
        self.packer.handoff_pick.activated.connect(self._handoff_picked)
        ctx.events.error_raised.connect(self._show_error)
        ctx.events.data_changed.connect(self._data_changed)
        if ctx.devices is not None:
            ctx.devices.scanned.connect(self.handle_scan)
            ctx.devices.print_finished.connect(self._print_finished)
            ctx.devices.print_problem.connect(self._show_error)
        self._key_filter = _KeyFilter(self)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._key_filter)
        self._wedge_timer = QTimer(self)
        self._wedge_timer.setInterval(60)
        self._wedge_timer.timeout.connect(self._flush_wedge)
        self._wedge_timer.start()
        self._counter_timer = QTimer(self)
        self._counter_timer.setSingleShot(True)
        self._counter_timer.setInterval(120)
        self._counter_timer.timeout.connect(self.refresh_counters)
        self._install_shortcuts()
        self.retranslate()
        self.stack.setCurrentWidget(self.login)
        self.login.entry.setFocus()

    # -- i18n ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Packing station"))
        self.login.retranslate()
        self.packer.retranslate()
        self.lead.retranslate()
        if hasattr(self, "feedback"):
            self._number_lead_buttons()
        self.lead.log.set_zone(self.ctx.tz)  # the log tab in the station's zone too
        self.status.retranslate()
        self.login.station.setText(self.tr("Station %1").replace("%1", self._station_name()))
        self._update_context_line()

    def set_language(self, lang: str) -> None:
        from ui.translator import install_translator

        if lang not in ("zh", "en"):
            return
        self.ctx.save_setting(language=lang)
        self.controller.set_language(lang)
        install_translator(lang)
        self.retranslate()
        emit(self.ctx.events.language_changed, lang)
        v = self.packer.panel.verdict
        if v is not None and not self.packer.panel.faded:
            panel = self.packer.panel
            self.packer.panel.show_verdict(
                v,
                lang,
                carrier=self.ctx.carrier_label(v.carrier),
                extra=self._verdict_extra(v),
                sev=panel.severity,
                new=False,
            )
        self.feedback.retranslate()
        if self.ctx.operator is not None:
            self.refresh_pickers()  # batch/handoff lists: status and carrier names re-worded

    # -- keys ------------------------------------------------------------------------------
    def _install_shortcuts(self) -> None:
        def sc(key: Any, fn: Any) -> None:
            s = QShortcut(QKeySequence(key), self)
            s.setContext(Qt.ShortcutContext.WindowShortcut)
            s.activated.connect(fn)

        for key, mode in MODE_KEYS.items():
            sc(key, lambda m=mode: self.set_mode(m))
        sc(Qt.Key.Key_F6, self.pick_batch)
        sc(Qt.Key.Key_F7, self.pick_handoff)
        sc(Qt.Key.Key_F8, self.logout)
        sc(Qt.Key.Key_F9, lambda: self.open_lead("batches"))
        sc(Qt.Key.Key_F10, lambda: self.open_lead("settings"))
        sc(Qt.Key.Key_F12, lambda: self.set_language("en" if self.ctx.lang == "zh" else "zh"))
        sc(Qt.Key.Key_Escape, self.back_to_packer)
        sc("Ctrl+P", self._print_backlog_key)
        # returns desk without a mouse: Ctrl+1..5 reason, Alt+1..3 disposition (see return_legend)
        from warehouse_app.commands import RETURN_DISPOSITIONS, RETURN_REASONS

        for n, r in enumerate(RETURN_REASONS, 1):
            sc(f"Ctrl+{n}", lambda r=r: self._return_key(reason=r))
        for n, d in enumerate(RETURN_DISPOSITIONS, 1):
            sc(f"Alt+{n}", lambda d=d: self._return_key(disposition=d))

    def _station_name(self) -> str:
        """The login screen names the station (never a file path)."""
        if not hasattr(self, "_station_id"):
            conn = self.ctx.store.connect(readonly=True)
            try:
                self._station_id = self.ctx.store.station_id(conn) or "-"
            finally:
                conn.close()
        return str(self._station_id)

    def _number_lead_buttons(self) -> None:
        from ui.keyboard import number_buttons

        for i in range(self.lead.tabs.count()):
            page = self.lead.tabs.widget(i)
            if page is not None:
                number_buttons(page)

    def _print_backlog_key(self) -> None:
        if self.stack.currentWidget() is self.packer:
            self.feedback.print_backlog()

    def apply_feedback_settings(self) -> None:
        """Voice, verdict fade and sounds as just saved on the settings page."""
        s = self.ctx.settings
        self.sound.enabled = bool(s.sounds)
        if s.voice_engine != self.voice.engine_name:
            self.voice = VoicePlayer(bool(s.voice), s.voice_engine)
            self.feedback.voice = self.voice
        else:
            self.voice.set_enabled(bool(s.voice))
        self.packer.panel.set_fade_seconds(float(s.verdict_fade_s))

    def _return_key(self, reason: str | None = None, disposition: str | None = None) -> None:
        if self.stack.currentWidget() is self.packer:
            self.choose_return(reason, disposition)

    def _flush_wedge(self) -> None:
        res = self._key_filter.decoder.flush(time.monotonic())
        if res.typed:
            target = (
                self.login.entry if self.stack.currentWidget() is self.login else self.packer.entry
            )
            target.insert(res.typed)
            target.setFocus()

    # -- navigation ------------------------------------------------------------------------
    def show_packer(self) -> None:
        self.stack.setCurrentWidget(self.packer)
        self.packer.entry.setFocus()
        self.refresh_pickers()
        self.refresh_counters()

    def back_to_packer(self) -> None:
        if self.stack.currentWidget() is self.lead:
            self.lead.lock()
        if self.ctx.operator:
            self.show_packer()
        else:
            self.stack.setCurrentWidget(self.login)
            self.login.entry.setFocus()

    def open_lead(self, tab: str = "batches") -> None:
        self.stack.setCurrentWidget(self.lead)
        self.lead.open(tab)

    # -- login -----------------------------------------------------------------------------
    def _login_typed(self) -> None:
        code = self.login.entry.text().strip()
        self.login.entry.clear()
        if code:
            self.handle_scan(code, "typed")

    def _packer_typed(self) -> None:
        code = self.packer.entry.text().strip()
        self.packer.entry.clear()
        if code:
            self.handle_scan(code, "typed")

    def login_with(self, code: str) -> None:
        """A badge or typed operator code (the session logs in or refuses)."""
        self.controller.scan(code)

    def logout(self) -> None:
        """F8: the screen locks at once; the session records it in input order."""
        if self.ctx.operator is None:
            return
        self._logged_out()
        self.controller.command(Command("logout"))

    def _logged_in(self, op: dict[str, Any]) -> None:
        self.ctx.operator = op
        emit(self.ctx.events.operator_changed, op)
        self.sound.play("ok")
        self.packer.panel.show_message(
            True,
            self.tr("Welcome, %1").replace("%1", op["name"]),
            self.tr("Scan a parcel, or press F1-F5 to change mode"),
        )
        self.show_packer()
        self._update_context_line()
        emit(self.logged_in, op)
        self._load_user_settings(str(op["code"]))

    def _load_user_settings(self, code: str) -> None:
        """The operator's own language, sounds, voice and fade (user settings, kept per operator;
        the registry decides which value wins), applied when they log in."""
        from ui.ops import StationSettings

        def got(s: StationSettings) -> None:
            if self.ctx.operator_code != code:
                return  # someone else logged in meanwhile
            from ui.ops import FIELD_KEYS
            from warehouse_app.settings import BY_KEY

            old_lang = self.ctx.lang
            for name, key in FIELD_KEYS.items():
                if BY_KEY[key].scope == "user":
                    setattr(self.ctx.settings, name, getattr(s, name))
            if s.language != old_lang:
                self.set_language(s.language)
            self.apply_feedback_settings()
            self.lead.settings.load_from_settings()

        run_read(self.ctx, lambda conn: StationSettings.load(conn, code), on_success=got)

    def _logged_out(self) -> None:
        if self.ctx.operator is None and self.stack.currentWidget() is self.login:
            return
        self.ctx.operator = None
        emit(self.ctx.events.operator_changed, None)
        self.lead.lock()
        self.login.panel.show_idle(self.tr("Please log in"), self.tr("Scan your badge"))
        self.stack.setCurrentWidget(self.login)
        self.login.entry.setFocus()
        self._update_context_line()

    # -- the session's state, as the window shows it ------------------------------------------
    @property
    def session(self) -> Any:
        return self.controller.session

    @property
    def mode(self) -> str:
        return str(self.controller.state.mode)

    @property
    def batch_id(self) -> str | None:
        return self.controller.state.batch_id  # type: ignore[no-any-return]

    @property
    def handoff_id(self) -> str | None:
        return self.controller.state.handoff_id  # type: ignore[no-any-return]

    @property
    def scans_in_flight(self) -> int:
        return self.controller.in_flight

    # -- modes and context -----------------------------------------------------------------
    def set_mode(self, mode: str, announce: bool = True) -> None:
        """F1-F5 (and the lead area's "use this handoff"): the session switches the mode."""
        if mode not in MODES or self.ctx.operator is None:
            return
        self.controller.command(Command("mode", mode), announce=announce)

    def _mode_set(self, out: Outcome) -> None:
        mode = out.mode
        self.packer.modes.set_mode(mode)
        self._update_context_line()
        if out.announce:
            hint = {
                "pack": self.tr("Scan the pre-pack label of each parcel of the batch"),
                "verify": self.tr("Scan each staged parcel's waybill"),
                "handoff": self.tr("Scan each parcel as it goes into the carrier's cage"),
                "pull": self.tr("Scan each intercepted parcel you pulled from the line"),
                "return": self.tr("Scan each returned parcel"),
            }[mode]
            self.packer.panel.show_message(True, self.mode_name(mode), hint)
        emit(self.mode_changed, mode)
        if mode == "return":
            self._show_return_choice((out.return_reason, out.return_disposition), out.announce)
        self.packer.set_hint(mode)
        self.refresh_counters()

    def _return_names(self, reason: str | None, disp: str | None) -> tuple[str | None, str | None]:
        mod = returns_module()
        i = 0 if self.ctx.lang == "zh" else 1
        return (
            mod.REASONS[reason][i] if reason in mod.REASONS else None,
            mod.DISPOSITIONS[disp][i] if disp in mod.DISPOSITIONS else None,
        )

    def _show_return_choice(self, choice: tuple[str | None, str | None], big: bool) -> None:
        """Context line always; with `big`, the verdict panel too, so the packer sees what applies."""
        self.return_state = choice
        rname, dname = self._return_names(*choice)
        self.return_choice = f"{rname} → {dname}" if rname and dname else None
        self._update_context_line()
        if not big:
            return
        title = self.tr("Return reason: %1").replace("%1", rname or self.tr("not chosen"))
        if rname and dname:
            nxt = self.tr("Put it into: %1").replace("%1", dname)
        elif not rname:
            nxt = self.tr("Choose the reason: Ctrl+1…5 or scan a #REASON card")
        else:
            nxt = self.tr("Choose where it goes: Alt+1…3 or scan a #DISPOSE card")
        self.packer.panel.show_message(bool(rname and dname), title, nxt, self.return_legend())

    def return_legend(self) -> str:
        """The key map, in the current language, for the hint line and the panel."""
        mod = returns_module()
        i = 0 if self.ctx.lang == "zh" else 1
        rs = "  ".join(f"Ctrl+{n} {v[i]}" for n, v in enumerate(mod.REASONS.values(), 1))
        ds = "  ".join(f"Alt+{n} {v[i]}" for n, v in enumerate(mod.DISPOSITIONS.values(), 1))
        return f"{rs}   |   {ds}"

    def choose_return(self, reason: str | None = None, disposition: str | None = None) -> None:
        """Ctrl+1…5 / Alt+1…3: the session validates and stores the choice (and switches to
        return mode); a bad value changes nothing and says so (zh + en)."""
        if self.ctx.operator is None:
            self.sound.play("reject")
            self.login.panel.show_message(
                False, self.tr("Log in first"), self.tr("Scan your badge")
            )
            return
        self.controller.choose_return(reason, disposition)

    def _return_chosen(self, out: Outcome) -> None:
        if self.packer.modes.current != "return":
            self.packer.modes.set_mode("return")
            emit(self.mode_changed, "return")
            self.packer.set_hint("return")
        choice = (out.return_reason, out.return_disposition)
        self.sound.play("command")
        self._show_return_choice(choice, True)
        emit(self.return_choice_changed, choice)

    def _reject_card(self, title: str) -> None:
        self.sound.play("reject")
        self.packer.panel.show_message(False, title, self.tr("Scan the right card"))

    def status_name(self, status: str) -> str:
        """Batch/handoff status as a person reads it (never the bare English code in zh mode)."""
        return {
            "draft": self.tr("draft"),
            "active": self.tr("active"),
            "paused": self.tr("paused"),
            "done": self.tr("done"),
            "open": self.tr("open"),
            "closed": self.tr("closed"),
        }.get(status, status)

    def _verdict_extra(self, v: Verdict) -> str:
        """Return verdicts carry the reason and disposition on the detail line too."""
        if v.mode != "return" or not v.ok:
            return ""
        mod = returns_module()
        ex = v.extra or {}
        if not ex.get("reason"):
            return ""
        i = 0 if self.ctx.lang == "zh" else 1
        return str(
            mod.REASONS.get(ex["reason"], (ex["reason"],) * 2)[i]
            + " → "
            + mod.DISPOSITIONS.get(ex.get("disposition"), (ex.get("disposition") or "-",) * 2)[i]
        )

    def mode_name(self, mode: str) -> str:
        return {
            "pack": self.tr("Pack batch"),
            "verify": self.tr("Verify & box"),
            "handoff": self.tr("Hand off"),
            "pull": self.tr("Pull intercepts"),
            "return": self.tr("Returns"),
        }[mode]

    def set_batch(self, batch_id: str | None, announce: bool = True) -> None:
        self.controller.set_batch(batch_id, announce)

    def set_handoff(self, handoff_id: str | None, announce: bool = True) -> None:
        self.controller.set_handoff(handoff_id, announce)

    def _batch_set(self, out: Outcome) -> None:
        self._sync_pick(self.packer.batch_pick, out.batch_id)
        self._update_context_line()
        self.refresh_counters()
        if out.announce and out.batch_id:
            self.sound.play("command")
            self.packer.panel.show_message(
                True,
                self.tr("Batch %1").replace("%1", out.batch_id),
                f"{out.detail.get('sku_set', '')} · "
                f"{self.status_name(out.detail.get('status', ''))}",
            )

    def _handoff_set(self, out: Outcome) -> None:
        self._sync_pick(self.packer.handoff_pick, out.handoff_id)
        self._update_context_line()
        self.refresh_counters()
        if out.announce and out.handoff_id:
            self.sound.play("command")
            self.packer.panel.show_message(
                True,
                self.tr("Handoff %1").replace("%1", out.handoff_id),
                f"{self.ctx.carrier_label(out.detail.get('carrier'))} · "
                f"{self.status_name(out.detail.get('status', ''))}",
            )

    @staticmethod
    def _sync_pick(combo: QComboBox, value: str | None) -> None:
        i = combo.findData(value)
        if i < 0 and value:
            combo.addItem(value, value)
            i = combo.findData(value)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, i))
        combo.blockSignals(False)

    def pick_batch(self) -> None:
        if self.stack.currentWidget() is self.packer:
            self.packer.batch_pick.setFocus()
            self.packer.batch_pick.showPopup()

    def pick_handoff(self) -> None:
        if self.stack.currentWidget() is self.packer:
            self.packer.handoff_pick.setFocus()
            self.packer.handoff_pick.showPopup()

    def _batch_picked(self, index: int) -> None:
        self.set_batch(self.packer.batch_pick.itemData(index) or None)
        self.packer.entry.setFocus()

    def _handoff_picked(self, index: int) -> None:
        self.set_handoff(self.packer.handoff_pick.itemData(index) or None)
        self.packer.entry.setFocus()

    def refresh_pickers(self) -> None:
        def got(res: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            batches, handoffs = res
            for combo, rows, key, cur, label in (
                (
                    self.packer.batch_pick,
                    batches,
                    "batch_id",
                    self.batch_id,
                    lambda r: f"{r['batch_id']}  {r['sku_set']}  ({self.status_name(r['status'])})",
                ),
                (
                    self.packer.handoff_pick,
                    handoffs,
                    "handoff_id",
                    self.handoff_id,
                    lambda r: (
                        f"{r['handoff_id']}  {self.ctx.carrier_label(r['carrier'])}  "
                        f"{r.get('courier_name') or ''}"
                    ),
                ),
            ):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem("-", None)
                for r in rows:
                    combo.addItem(label(r), r[key])  # type: ignore[no-untyped-call]
                i = combo.findData(cur)
                combo.setCurrentIndex(max(0, i))
                combo.blockSignals(False)

        run_read(
            self.ctx,
            lambda c: (operations.active_batches(c), operations.open_handoffs(c)),
            on_success=got,
            parent=self,
        )

    def _update_context_line(self) -> None:
        op = self.ctx.operator
        self.packer.who.setText(
            self.tr("On duty: %1").replace("%1", f"{op['name']} ({op['code']})")
            if op
            else self.tr("Nobody logged in")
        )
        bits = [self.mode_name(self.mode)]
        if self.mode in ("pack", "verify"):
            bits.append(self.tr("Batch: %1").replace("%1", self.batch_id or "-"))
        if self.mode == "handoff":
            bits.append(self.tr("Handoff: %1").replace("%1", self.handoff_id or "-"))
        if self.mode == "return":
            bits.append(
                self.return_choice or self.tr("Return reason: not chosen (Ctrl+1…5, Alt+1…3)")
            )
        self.packer.context_line.setText("  ·  ".join(bits))

    # -- inputs and outcomes -----------------------------------------------------------------
    def handle_scan(self, code: str, source: str = "serial") -> None:
        """Every scan enters here (serial thread signal, wedge decoder, typed Enter) and goes to
        the core session; `render` shows what it decided."""
        code = code.strip()
        if not code:
            return
        dev = self.ctx.devices
        if dev is not None and dev.take_test_scan(code, source):
            return
        if source != "typed" and lead_area_takes(self, code):
            return  # the lead area: only its scan fields take a scan, typing there stays
        weight = None
        if (
            parse_command(code) is None
            and self.controller.wants_weight()
            and self.ctx.settings.use_scale_in_verify
            and dev is not None
        ):
            weight = dev.stable_weight()
        self.controller.scan(code, weight)

    def scan_context(self) -> ScanContext:
        return self.controller.session.scan_context()

    def submit_scan(self, code: str) -> None:
        self.handle_scan(code, "typed")

    def show_outcome(self, out: Outcome) -> None:
        """Show one session outcome (UI thread)."""
        kind = out.kind
        if kind == "ignored":
            return
        if kind == "verdict":
            assert out.verdict is not None
            self._verdict(out.verdict, out.print)
            return
        if kind == "login":
            if out.ok and out.operator is not None:
                self._logged_in(out.operator)
            else:
                self.sound.play("reject")
                self.login.panel.show_message(
                    False, self.ctx.text(out.message_zh, out.message_en), self.tr("Scan your badge")
                )
            return
        if kind == "logout":
            self._logged_out()
            return
        if not out.ok:
            if out.operator is None:
                self.sound.play("reject")
                self.login.panel.show_message(
                    False, self.tr("Log in first"), self.tr("Scan your badge")
                )
                return
            self.show_packer()
            if kind == "invalid":
                self._reject_card(self.tr("Unknown command card: %1").replace("%1", out.code))
            else:
                self._reject_card(self.ctx.text(out.message_zh, out.message_en))
            return
        if out.announce and self.stack.currentWidget() is not self.packer:
            self.show_packer()
        if kind == "mode":
            self._mode_set(out)
        elif kind == "batch":
            self._batch_set(out)
        elif kind == "handoff":
            self._handoff_set(out)
        elif kind == "return_choice":
            self._return_chosen(out)

    def _verdict(self, v: Verdict, need: Any = None) -> None:
        # colour, label truth, recent-scans row and tone/voice: ui/packer_feedback.py
        self.feedback.verdict(v, need, self._verdict_extra(v), {"batch_id": self.batch_id})
        dev = self.ctx.devices
        if dev is not None:
            dev.feedback(v.ok)  # scanner's own good/bad-read beep, written on the device thread
        if v.ok:
            emit(self.ctx.events.data_changed, "scan")
        emit(self.verdict_shown, v)
        if not self._counter_timer.isActive():
            self._counter_timer.start()

    def _scan_failed(self, exc: BaseException) -> None:
        logger.error("scan failed", exc_info=exc)
        self.sound.play("reject")
        zh, en = (
            (exc.zh, str(exc))
            if isinstance(exc, StationError)
            else (f"扫描出错：{exc}", f"Scan error: {exc}")
        )
        self.packer.panel.show_message(
            False, self.ctx.text(zh, en), self.tr("Scan again; if it repeats call the lead")
        )

    def refresh_counters(self) -> None:
        if self.ctx.operator is None:
            return
        run_read(
            self.ctx,
            counts.live_counters,
            self.batch_id,
            self.handoff_id,
            on_success=self._show_counters,
            parent=self,
        )

    def _show_counters(self, c: dict[str, Any]) -> None:
        b, h = c.get("batch"), c.get("handoff")
        p = self.packer
        if b:
            done = b["verified"] if self.mode == "verify" else b["packed"]
            p.c_batch.value.setText(f"{done} / {b['total']}")
            p.c_batch.sub.setText(
                self.tr("%1 · packed %2 · verified %3")
                .replace("%1", b["id"])
                .replace("%2", str(b["packed"]))
                .replace("%3", str(b["verified"]))
            )
        else:
            p.c_batch.value.setText("-")
            p.c_batch.sub.setText(self.tr("no batch selected (F6)"))
        if h:
            p.c_handoff.value.setText(str(h["count"]))
            p.c_handoff.sub.setText(
                f"{h['id']} · {self.ctx.carrier_label(h['carrier'])} · "
                f"{self.status_name(h['status'])}"
            )
        else:
            p.c_handoff.value.setText("-")
            p.c_handoff.sub.setText(self.tr("no handoff selected (F7)"))
        p.c_hour.value.setText(str(c["hour"]))
        p.c_hour.sub.setText(self.tr("this station"))
        emit(self.counters_updated, c)

    def _data_changed(self, what: str) -> None:
        if what in (
            "sync",
            "carriers",
            "settings",
        ):  # a pull may bring carriers; names stay current
            run_read(self.ctx, self.ctx.load_carriers, parent=self)
        if what in ("batch", "handoff"):
            self.refresh_pickers()
            self.refresh_counters()

    def _print_finished(self, run_id: str, ok: bool, zh: str, en: str) -> None:
        if not ok:
            self.status.show_message(self.ctx.text(zh, en), error=True)

    def _show_error(self, zh: str, en: str) -> None:
        self.status.show_message(self.ctx.text(zh, en), error=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        f = max(1.0, min(1.5, self.height() / 768))
        self.status.set_scale(f)
        self.status.set_width(self.width())
        if abs(f - self._lead_scale) >= 0.05:  # lead tables readable on a 1080p screen too
            self._lead_scale = f
            font = self.lead.font()
            font.setPointSizeF(self._base_pt * f)
            self.lead.setFont(font)
        super().resizeEvent(event)

    # -- shutdown --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._key_filter)
        self._wedge_timer.stop()
        self._counter_timer.stop()
        self.lead.log.detach()
        super().closeEvent(event)
