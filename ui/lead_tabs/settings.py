"""Settings, generated from the registry (warehouse_app.settings): one editor per setting, by
its type (check box, list of choices, editable list of suggestions, number box, text), in one
box per group, with its zh/en label; a new registry entry shows up here with no UI code. Beside
them the device actions (find serial ports, test scan/print/scale, test voice) and the upstream
address and token (the sync configuration, not a registry setting).

"user" settings (language, sounds, voice, fade) are saved for the operator logged in; the core
decides which value wins. Values are checked by the registry before anything is saved."""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.devices import list_serial_ports
from ui.lead_base import LeadTab
from ui.ops import AppContext, run_in_background, run_on_writer
from ui.qtcompat import emit
from warehouse_app import settings as registry
from warehouse_app.errors import StationError
from warehouse_app.localtime import zone, zone_name

logger = logging.getLogger(__name__)

COLUMNS = 3  # boxes side by side: the page fits 1366x768 without scrolling in either language


def _read_all(conn: Any, operator: str | None) -> tuple[dict[str, Any], tuple[str, str]]:
    """Every registry value as this operator sees it, and the upstream address and token."""
    from warehouse_app.sync.state import load_config

    cfg = load_config(conn)
    return registry.get_all(conn, operator), ((cfg.hub_url, cfg.token) if cfg else ("", ""))


def _save_all(
    conn: Any, values: dict[str, Any], operator: str | None, url: str, token: str
) -> dict[str, Any]:
    """Upstream checked first, then every setting through the registry (one transaction)."""
    from warehouse_app.sync.state import save_config

    url = url.strip()
    if url and not url.startswith(("http://", "https://")):
        raise StationError(
            f"The upstream address must start with http:// or https:// (got {url!r})",
            zh=f"上游地址必须以 http:// 或 https:// 开头（当前：{url!r}）",
        )
    if url and not token.strip():
        raise StationError(
            "Enter the station token the hub admin gave you", zh="请填写上游管理员给的站点令牌"
        )
    typed = registry.set_values(conn, values, operator)
    save_config(conn, url, token.strip())
    return typed


class Editor:
    """One registry setting on the page: its widget (chosen by type), its label, get and set."""

    def __init__(self, s: registry.Setting) -> None:
        self.setting = s
        self.label: QLabel | None = None
        self.widget: QWidget
        name = s.key.replace(".", "_")
        if s.type is bool:
            self.widget = QCheckBox()
        elif s.choices:
            combo = QComboBox()
            for c in s.choices:
                combo.addItem(str(c), c)
            self.widget = combo
        elif s.suggestions or s.hint == "serial_port":
            combo = QComboBox()
            combo.setEditable(True)  # any valid value, checked on save
            combo.setMinimumContentsLength(18)
            for c in s.suggestions:
                combo.addItem(str(c), c)
            self.widget = combo
        elif s.type in (int, float):
            spin: QSpinBox | QDoubleSpinBox = QSpinBox() if s.type is int else QDoubleSpinBox()
            lo = -1e9 if s.low is None else s.low
            hi = 1e9 if s.high is None else s.high
            if isinstance(spin, QSpinBox):
                spin.setRange(int(max(lo, -(2**31))), int(min(hi, 2**31 - 1)))
            else:
                spin.setRange(lo, hi)
                spin.setDecimals(1)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            self.widget = spin
        else:
            self.widget = QLineEdit()
        self.widget.setObjectName(name)
        if not isinstance(self.widget, QCheckBox):
            self.label = QLabel()

    def value(self) -> Any:
        """The raw value shown (the registry types and checks it on Save)."""
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            i = w.currentIndex()
            if not w.isEditable() or (i >= 0 and w.currentText() == w.itemText(i)):
                return w.currentData()
            return w.currentText().strip()  # typed, not picked
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        if isinstance(w, QLineEdit):
            text = w.text().strip()
            return (text or "{}") if self.setting.type is dict else text  # dict: JSON
        return None

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            i = w.findData(value)
            if i >= 0:
                w.setCurrentIndex(i)
            elif w.isEditable():
                w.setEditText("" if value is None else str(value))
        elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
            w.setValue(value)
        elif isinstance(w, QLineEdit):
            if self.setting.type is dict:
                w.setText(json.dumps(value or {}, ensure_ascii=False) if value else "")
            else:
                w.setText("" if value is None else str(value))

    def retranslate(self, ctx: AppContext) -> None:
        s = self.setting
        text = s.label(ctx.lang) + (ctx.text("（个人）", " (yours)") if s.scope == "user" else "")
        if isinstance(self.widget, QCheckBox):
            self.widget.setText(text)
        elif self.label is not None:
            self.label.setText(text)
        self.widget.setToolTip(
            f"{s.key} · "
            + (
                ctx.text("按操作员保存", "kept per operator")
                if s.scope == "user"
                else ctx.text("本工位", "this station")
            )
        )
        if isinstance(self.widget, QComboBox):
            for i in range(self.widget.count()):
                v = self.widget.itemData(i)
                if v == "":
                    self.widget.setItemText(i, ctx.text("（默认）", "(default)"))
                elif s.choices:
                    self.widget.setItemText(i, s.choice_label(v, ctx.lang))


class SettingsTab(LeadTab):
    KEY = "settings"
    loaded = Signal()  # the stored values are on the page

    def title(self) -> str:
        return self.tr("Settings")

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.editors: dict[str, Editor] = {}
        self.boxes: dict[str, QGroupBox] = {}
        forms: dict[str, QFormLayout] = {}
        for s in registry.page_settings():
            g = s.box
            if g not in self.boxes:
                self.boxes[g] = QGroupBox()
                self.boxes[g].setObjectName(f"settings_{g}")
                forms[g] = QFormLayout(self.boxes[g])
            ed = Editor(s)
            self.editors[s.key] = ed
            if ed.label is None:
                forms[g].addRow(ed.widget)
            else:
                forms[g].addRow(ed.label, ed.widget)
        # the device actions, in their group's box (UI actions, not settings)
        self.find_btn, self.test_scan_btn = QPushButton(), QPushButton()
        self.find_btn.setObjectName("find_ports")
        self.test_scan_btn.setObjectName("test_scan")
        self.test_print_btn = QPushButton()
        self.test_print_btn.setObjectName("test_print")
        self.read_scale_btn = QPushButton()
        self.read_scale_btn.setObjectName("read_scale")
        self.test_voice_btn = QPushButton()
        self.test_voice_btn.setObjectName("test_voice")
        self.scanner_info = QLabel()  # framing/feedback in effect
        self.scanner_info.setObjectName("scanner_info")
        self.voice_info = QLabel()
        for lab in (self.scanner_info, self.voice_info):
            lab.setWordWrap(True)
            lab.setStyleSheet("color:#455a64")
        self.group_actions: dict[str, list[QWidget]] = {
            "scanner": [self.find_btn, self.test_scan_btn, self.scanner_info],
            "printer": [self.test_print_btn],
            "scale": [self.read_scale_btn],
            "feedback": [self.test_voice_btn, self.voice_info],
        }
        for g, widgets in self.group_actions.items():
            form = forms.get(g)
            if form is None:
                continue
            row = QHBoxLayout()
            for w in widgets:
                if isinstance(w, QPushButton):
                    row.addWidget(w)
            row.addStretch(1)
            form.addRow(row)
            for w in widgets:
                if not isinstance(w, QPushButton):
                    form.addRow(w)
        # upstream: the sync configuration (not a registry setting)
        self.up_box = QGroupBox()
        self.up_box.setObjectName("settings_upstream")
        u = QFormLayout(self.up_box)
        self.hub_url = QLineEdit()
        self.hub_url.setObjectName("hub_url")
        self.hub_url.setPlaceholderText("https://hub.example.com")
        self.hub_token = QLineEdit()
        self.hub_token.setObjectName("hub_token")
        self.hub_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.l_hub, self.l_token = QLabel(), QLabel()
        u.addRow(self.l_hub, self.hub_url)
        u.addRow(self.l_token, self.hub_token)
        order = [g for g in registry.GROUPS if g in self.boxes]
        order += [g for g in self.boxes if g not in order]
        self.box_order = [self.boxes[g] for g in order] + [self.up_box]
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.box_order):
            grid.addWidget(box, i // COLUMNS, i % COLUMNS)
        for c in range(COLUMNS):
            grid.setColumnStretch(c, 1)
        grid.setRowStretch(len(self.box_order) // COLUMNS + 1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_host)
        lay.addWidget(scroll, 1)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("save_settings")
        self.save_btn.setStyleSheet("font-size:18px;font-weight:bold;padding:6px")
        lay.addWidget(self.save_btn)
        self.test_line = QLabel()
        self.test_line.setObjectName("test_result")
        self.test_line.setStyleSheet("font-size:18px;font-weight:bold")
        lay.addWidget(self.test_line)
        lay.addWidget(self.result)
        self.find_btn.clicked.connect(self.find_ports)
        self.test_scan_btn.clicked.connect(self.test_scan)
        self.test_print_btn.clicked.connect(self.test_print)
        self.read_scale_btn.clicked.connect(self.read_scale)
        self.save_btn.clicked.connect(self.save)
        self.test_voice_btn.clicked.connect(self.test_voice)
        if ctx.devices is not None:
            ctx.devices.test_result.connect(self._test_result)
        self.load_from_settings()

    def editor(self, key: str) -> QWidget:
        """The widget that edits a registry key (tests and the screenshot script use it)."""
        return self.editors[key].widget

    def _port_combos(self) -> list[QComboBox]:
        return [
            e.widget
            for e in self.editors.values()
            if e.setting.hint == "serial_port" and isinstance(e.widget, QComboBox)
        ]

    def focus_order(self) -> list[QWidget]:
        # box by box as laid out (left to right, then the next row), each box's settings then
        # its actions; the upstream box; save last
        out: list[QWidget] = []
        by_box = {id(b): g for g, b in self.boxes.items()}
        for box in self.box_order:
            g = by_box.get(id(box))
            if g is None:
                out += [self.hub_url, self.hub_token]
                continue
            out += [e.widget for e in self.editors.values() if e.setting.box == g]
            out += [w for w in self.group_actions.get(g, []) if isinstance(w, QPushButton)]
        return [*out, self.save_btn]

    def retranslate(self) -> None:
        for g, box in self.boxes.items():
            zh, en = registry.GROUPS.get(g, (g, g))
            box.setTitle(self.ctx.text(zh, en))
        for ed in self.editors.values():
            ed.retranslate(self.ctx)
        self.find_btn.setText(self.tr("Find serial ports"))
        self.test_scan_btn.setText(self.tr("Test scan"))
        self.test_print_btn.setText(self.tr("Print test label"))
        self.read_scale_btn.setText(self.tr("Read scale"))
        self.test_voice_btn.setText(self.tr("Test voice"))
        self.l_hub.setText(self.tr("Upstream address"))
        self.l_token.setText(self.tr("Station token"))
        self.up_box.setTitle(self.ctx.text("上游", "Upstream"))
        tz = self.editors.get("timezone")
        if tz is not None and isinstance(tz.widget, QComboBox):
            i = tz.widget.findData("")
            if i >= 0:
                tz.widget.setItemText(
                    i, self.tr("This computer's zone (%1)").replace("%1", zone_name(zone("")))
                )
        self.save_btn.setText(self.tr("Save and apply"))

    def load_from_settings(self) -> None:
        """What the window runs with now (its in-memory settings); refresh() reads the rest."""
        from ui.ops import FIELD_KEYS

        for name, key in FIELD_KEYS.items():
            if key in self.editors:
                self.editors[key].set(getattr(self.ctx.settings, name))

    def show_scanner_info(self) -> None:
        """What the serial scanner really runs with, so IT can check suffix/prefix/parity at a glance."""
        dev = self.ctx.devices
        stored = getattr(dev, "configured_with", None) or {}
        cfg = stored.get("scanner")
        if dev is None or self.ctx.settings.scanner_kind != "serial":
            self.scanner_info.setText("")
            return
        from devices.scanners import ScannerConfig

        cfg = cfg or ScannerConfig()
        none = self.tr("none")
        self.scanner_info.setText(
            self.tr("In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5")
            .replace("%1", cfg.suffix)
            .replace("%2", cfg.prefix or none)
            .replace("%3", f"{cfg.data_bits}{cfg.parity}{cfg.stop_bits:g}")
            .replace("%4", self.tr("stripped") if cfg.aim else self.tr("kept"))
            .replace("%5", self._feedback_name(stored.get("feedback") or "none"))
        )

    def _feedback_name(self, kind: str) -> str:
        """IT reads the stored kind; 'none' is said in the station's language."""
        return self.tr("none (app sounds)") if kind == "none" else kind

    def refresh(self) -> None:
        self.load_from_settings()
        self.show_scanner_info()

        def got(r: tuple[dict[str, Any], tuple[str, str]]) -> None:
            values, (url, token) = r
            # what is stored (IT may have used `config set`), but what this run overrides (the
            # demo's simulators) as it runs, so Save keeps it
            for key, value in values.items():
                if key in self.editors and key not in self.ctx.overrides:
                    self.editors[key].set(value)
            self.hub_url.setText(url)
            self.hub_token.setText(token)
            emit(self.loaded)

        self.read(_read_all, self.ctx.operator_code, ok=got)

    def find_ports(self) -> None:
        def got(ports: list[tuple[str, str]]) -> None:
            for combo in self._port_combos():
                cur = combo.currentText()
                combo.clear()
                for dev, _desc in ports:
                    combo.addItem(f"{dev}", dev)
                combo.setEditText(cur)
            self.say(self.tr("Found %1 serial ports").replace("%1", str(len(ports))))

        run_in_background(list_serial_ports, got, self.fail, ctx=self.ctx, parent=self)

    def test_scan(self) -> None:
        dev = self.ctx.devices
        if dev is None:
            return
        dev.arm_test_scan()
        self.test_line.setText(self.tr("Scan any barcode now…"))

    def test_print(self) -> None:
        if self.ctx.devices is not None:
            self.test_line.setText(self.tr("Printing a test label…"))
            self.ctx.devices.test_print()

    def test_voice(self) -> None:
        """Speak a sample verdict with the voice as ticked (not yet saved); say why if it can't."""
        from ui.voice import VoicePlayer

        win = self.area.window_
        player = getattr(win, "voice", None)
        if not isinstance(player, VoicePlayer):
            player = VoicePlayer(False, self.ctx.settings.voice_engine)
            win.voice = player
        voice = self.editors.get("voice.enabled")
        player.set_enabled(bool(voice.value()) if voice is not None else False)
        lang = self.ctx.lang
        if player.say("test", lang):
            self.voice_info.setText(self.tr("Speaking a test verdict…"))
            return
        zh, en = player.why_not(lang)
        self.voice_info.setText(self.ctx.text(zh, en))
        sound = getattr(win, "sound", None)
        if sound is not None:
            sound.play("ok")

    def read_scale(self) -> None:
        if self.ctx.devices is not None:
            self.ctx.devices.test_scale()

    def _test_result(self, which: str, ok: bool, zh: str, en: str) -> None:
        self.test_line.setText(self.ctx.text(zh, en))
        self.test_line.setStyleSheet(
            "font-size:18px;font-weight:bold;color:%s" % ("#1b5e20" if ok else "#b71c1c")
        )

    def save(self) -> None:
        """Check every value through the registry (nothing saved if one is wrong), persist, then
        re-open the devices and apply language, sounds, voice and zone."""
        values = {key: ed.value() for key, ed in self.editors.items()}
        try:
            typed = registry.check_values(values)  # at once, before anything is saved
        except StationError as exc:
            self.fail(exc)
            return
        if typed.get("scanner.kind") == "serial" and not typed.get("scanner.port"):
            self.say(self.tr("Choose the scanner's serial port (Find serial ports)"), ok=False)
            return
        old_lang, old_zone = self.ctx.lang, self.ctx.settings.timezone

        def saved(typed: dict[str, Any]) -> None:
            self.ctx.settings.update(typed)
            if self.ctx.devices is not None:
                self.ctx.devices.configure(self.ctx.settings)
            if self.ctx.sync is not None and self.hub_url.text().strip():
                self.ctx.sync.start()  # no-op when already running
                self.ctx.sync.nudge()
            win = self.area.window_
            lang = self.ctx.settings.language
            if lang != old_lang:
                self.ctx.settings.language = old_lang
                win.set_language(lang)
            win.sound.enabled = bool(self.ctx.settings.sounds)
            apply_voice = getattr(win, "apply_feedback_settings", None)
            if apply_voice is not None:
                apply_voice()
            self.say(self.tr("Settings saved"))
            emit(self.ctx.events.data_changed, "settings")
            if self.ctx.settings.timezone != old_zone:
                self.area.retranslate()  # times and zone labels follow a new zone at once

        run_on_writer(
            self.ctx,
            _save_all,
            typed,
            self.ctx.operator_code,
            self.hub_url.text(),
            self.hub_token.text(),
            on_success=saved,
            on_failure=self.fail,
            parent=self,
        )
