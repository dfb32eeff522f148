"""Settings: devices (find serial ports, scanner/printer/scale with a test button each), the
upstream address and the language. Saved per station in the station DB."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.devices import list_serial_ports
from ui.lead_base import LeadTab
from ui.ops import AppContext, run_in_background, run_on_writer
from ui.qtcompat import emit
from warehouse_app.errors import StationError
from warehouse_app.localtime import COMMON_ZONES, check_zone, zone, zone_name

logger = logging.getLogger(__name__)


def _read_upstream(conn: Any) -> tuple[str, str]:
    from warehouse_app.sync.state import load_config

    cfg = load_config(conn)
    return (cfg.hub_url, cfg.token) if cfg else ("", "")


def _save_upstream(conn: Any, url: str, token: str) -> None:
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
    save_config(conn, url, token.strip())


class SettingsTab(LeadTab):
    KEY = "settings"

    def title(self) -> str:
        return self.tr("Settings")

    def focus_order(self) -> list[QWidget]:
        # the boxes as laid out: scanner, printer (top row), scale, upstream (bottom row), save
        return [
            self.scanner_kind,
            self.scanner_port,
            self.scanner_baud,
            self.find_btn,
            self.test_scan_btn,
            self.printer_url,
            self.test_print_btn,
            self.scale_port,
            self.use_scale,
            self.read_scale_btn,
            self.hub_url,
            self.hub_token,
            self.language,
            self.timezone,
            self.sounds,
            self.voice,
            self.test_voice_btn,
            self.fade,
            self.kiosk,
            self.save_btn,
        ]

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        # scanner
        self.scan_box = QGroupBox()
        f = QFormLayout(self.scan_box)
        self.scanner_kind = QComboBox()
        self.scanner_kind.setObjectName("scanner_kind")
        self.scanner_kind.addItem("", "serial")
        self.scanner_kind.addItem("", "wedge")
        self.scanner_port = QComboBox()
        self.scanner_port.setObjectName("scanner_port")
        self.scanner_port.setEditable(True)
        self.scanner_port.setMinimumContentsLength(30)
        self.scanner_baud = QComboBox()
        self.scanner_baud.setObjectName("scanner_baud")
        for b in (9600, 19200, 38400, 57600, 115200):
            self.scanner_baud.addItem(str(b), b)
        self.find_btn, self.test_scan_btn = QPushButton(), QPushButton()
        self.find_btn.setObjectName("find_ports")
        self.test_scan_btn.setObjectName("test_scan")
        self.l_kind, self.l_sport, self.l_sbaud = QLabel(), QLabel(), QLabel()
        f.addRow(self.l_kind, self.scanner_kind)
        f.addRow(self.l_sport, self.scanner_port)
        f.addRow(self.l_sbaud, self.scanner_baud)
        r = QHBoxLayout()
        r.addWidget(self.find_btn)
        r.addWidget(self.test_scan_btn)
        f.addRow(r)
        self.scanner_info = (
            QLabel()
        )  # framing/feedback in effect (stored by IT through warehouse_app.device_settings)
        self.scanner_info.setObjectName("scanner_info")
        self.scanner_info.setWordWrap(True)
        self.scanner_info.setStyleSheet("color:#455a64")
        f.addRow(self.scanner_info)
        # printer
        self.print_box = QGroupBox()
        g = QFormLayout(self.print_box)
        self.printer_url = QLineEdit()
        self.printer_url.setObjectName("printer_url")
        self.printer_url.setPlaceholderText("tcp://192.168.1.50:9100?lang=zpl&size=76x130")
        self.test_print_btn = QPushButton()
        self.test_print_btn.setObjectName("test_print")
        self.l_purl = QLabel()
        g.addRow(self.l_purl, self.printer_url)
        g.addRow(self.test_print_btn)
        # scale
        self.scale_box = QGroupBox()
        h = QFormLayout(self.scale_box)
        self.scale_port = QComboBox()
        self.scale_port.setObjectName("scale_port")
        self.scale_port.setEditable(True)
        self.scale_port.setMinimumContentsLength(30)
        self.use_scale = QCheckBox()
        self.use_scale.setObjectName("use_scale")
        self.read_scale_btn = QPushButton()
        self.read_scale_btn.setObjectName("read_scale")
        self.l_scport = QLabel()
        h.addRow(self.l_scport, self.scale_port)
        h.addRow(self.use_scale)
        h.addRow(self.read_scale_btn)
        # upstream + language
        self.up_box = QGroupBox()
        u = QFormLayout(self.up_box)
        self.hub_url = QLineEdit()
        self.hub_url.setObjectName("hub_url")
        self.hub_url.setPlaceholderText("https://hub.example.com")
        self.hub_token = QLineEdit()
        self.hub_token.setObjectName("hub_token")
        self.hub_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.sounds = QCheckBox()
        self.sounds.setObjectName("sounds")
        self.voice = QCheckBox()
        self.voice.setObjectName("voice")
        self.test_voice_btn = QPushButton()
        self.test_voice_btn.setObjectName("test_voice")
        self.voice_info = QLabel()
        self.voice_info.setWordWrap(True)
        self.fade = QDoubleSpinBox()
        self.fade.setObjectName("verdict_fade_s")
        self.fade.setRange(0, 60)
        self.fade.setDecimals(0)
        self.kiosk = QCheckBox()
        self.kiosk.setObjectName("kiosk")
        self.l_fade = QLabel()
        self.timezone = QComboBox()
        self.timezone.setObjectName("timezone")
        self.timezone.setEditable(True)  # any IANA name; checked on save
        self.timezone.addItem("", "")
        for z in COMMON_ZONES:
            self.timezone.addItem(z, z)
        self.l_hub, self.l_token, self.l_lang, self.l_tz = QLabel(), QLabel(), QLabel(), QLabel()
        u.addRow(self.l_hub, self.hub_url)
        u.addRow(self.l_token, self.hub_token)
        u.addRow(self.l_lang, self.language)
        u.addRow(self.l_tz, self.timezone)
        u.addRow(self.sounds)
        vrow = QHBoxLayout()
        vrow.addWidget(self.voice)
        vrow.addWidget(self.test_voice_btn)
        u.addRow(vrow)
        u.addRow(self.voice_info)
        u.addRow(self.l_fade, self.fade)
        u.addRow(self.kiosk)
        row1 = QHBoxLayout()
        row1.addWidget(self.scan_box, 1)
        row1.addWidget(self.print_box, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.scale_box, 1)
        row2.addWidget(self.up_box, 1)
        lay.addLayout(row1)
        lay.addLayout(row2)
        self.save_btn = QPushButton()
        self.save_btn.setObjectName("save_settings")
        self.save_btn.setStyleSheet("font-size:18px;font-weight:bold;padding:6px")
        lay.addWidget(self.save_btn)
        self.test_line = QLabel()
        self.test_line.setObjectName("test_result")
        self.test_line.setStyleSheet("font-size:18px;font-weight:bold")
        lay.addWidget(self.test_line)
        lay.addWidget(self.result)
        lay.addStretch(1)
        self.find_btn.clicked.connect(self.find_ports)
        self.test_scan_btn.clicked.connect(self.test_scan)
        self.test_print_btn.clicked.connect(self.test_print)
        self.read_scale_btn.clicked.connect(self.read_scale)
        self.save_btn.clicked.connect(self.save)
        self.test_voice_btn.clicked.connect(self.test_voice)
        if ctx.devices is not None:
            ctx.devices.test_result.connect(self._test_result)
        self.load_from_settings()

    def retranslate(self) -> None:
        self.scan_box.setTitle(self.tr("Scanner"))
        self.scanner_kind.setItemText(0, self.tr("Serial port scanner"))
        self.scanner_kind.setItemText(1, self.tr("Keyboard-wedge (USB HID) scanner"))
        self.l_kind.setText(self.tr("Kind"))
        self.l_sport.setText(self.tr("Port"))
        self.l_sbaud.setText(self.tr("Baud"))
        self.find_btn.setText(self.tr("Find serial ports"))
        self.test_scan_btn.setText(self.tr("Test scan"))
        self.print_box.setTitle(self.tr("Label printer"))
        self.l_purl.setText(self.tr("Printer address"))
        self.test_print_btn.setText(self.tr("Print test label"))
        self.scale_box.setTitle(self.tr("Scale"))
        self.l_scport.setText(self.tr("Port"))
        self.use_scale.setText(self.tr("Weigh parcels in verify mode"))
        self.read_scale_btn.setText(self.tr("Read scale"))
        self.l_hub.setText(self.tr("Upstream address"))
        self.l_token.setText(self.tr("Station token"))
        self.l_lang.setText(self.tr("Language"))
        self.sounds.setText(self.tr("Verdict sounds"))
        self.voice.setText(self.tr("Spoken verdicts (voice)"))
        self.test_voice_btn.setText(self.tr("Test voice"))
        self.l_fade.setText(self.tr("Verdict turns neutral after (s, 0 = never)"))
        self.kiosk.setText(self.tr("Kiosk: full screen (after restart)"))
        self.l_tz.setText(self.tr("Time zone"))
        self.timezone.setItemText(
            0, self.tr("This computer's zone (%1)").replace("%1", zone_name(zone("")))
        )
        self.up_box.setTitle(self.tr("Upstream, language and time"))
        self.save_btn.setText(self.tr("Save and apply"))

    def load_from_settings(self) -> None:
        s = self.ctx.settings
        self.scanner_kind.setCurrentIndex(max(0, self.scanner_kind.findData(s.scanner_kind)))
        self.scanner_port.setEditText(s.scanner_port)
        self.scanner_baud.setCurrentIndex(max(0, self.scanner_baud.findData(s.scanner_baud)))
        self.printer_url.setText(s.printer_url)
        self.scale_port.setEditText(s.scale_port)
        self.use_scale.setChecked(s.use_scale_in_verify)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.sounds.setChecked(s.sounds)
        self.voice.setChecked(s.voice)
        self.fade.setValue(float(s.verdict_fade_s))
        self.kiosk.setChecked(s.kiosk)
        i = self.timezone.findData(s.timezone)
        if i >= 0:
            self.timezone.setCurrentIndex(i)
        else:
            self.timezone.setEditText(s.timezone)

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

        def got(r: tuple[str, str]) -> None:
            self.hub_url.setText(r[0])
            self.hub_token.setText(r[1])

        self.read(_read_upstream, ok=got)

    def find_ports(self) -> None:
        def got(ports: list[tuple[str, str]]) -> None:
            for combo in (self.scanner_port, self.scale_port):
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
        player.set_enabled(self.voice.isChecked())
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
        """Validate, persist, then re-open the devices with the new settings."""
        url = self.printer_url.text().strip()
        if url:
            try:
                from devices.printers.url import parse_printer_url

                parse_printer_url(url)
            except StationError as exc:
                self.fail(exc)
                return
        changes = dict(
            scanner_kind=self.scanner_kind.currentData(),
            scanner_port=self.scanner_port.currentText().strip(),
            scanner_baud=int(self.scanner_baud.currentData() or 9600),
            printer_url=url,
            scale_port=self.scale_port.currentText().strip(),
            use_scale_in_verify=self.use_scale.isChecked(),
            sounds=self.sounds.isChecked(),
            voice=self.voice.isChecked(),
            verdict_fade_s=float(self.fade.value()),
            kiosk=self.kiosk.isChecked(),
        )
        if changes["scanner_kind"] == "serial" and not changes["scanner_port"]:
            self.say(self.tr("Choose the scanner's serial port (Find serial ports)"), ok=False)
            return
        lang = self.language.currentData()
        typed = self.timezone.currentText().strip()
        picked = (
            self.timezone.currentData()
            if self.timezone.currentText() == self.timezone.itemText(self.timezone.currentIndex())
            else typed
        )
        try:
            changes["timezone"] = check_zone(picked or "")
        except StationError as exc:
            self.fail(exc)  # a typo in the zone changes nothing
            return

        zone_changed = changes["timezone"] != self.ctx.settings.timezone

        def upstream_saved(_: Any) -> None:
            self.ctx.save_setting(**changes)
            if self.ctx.devices is not None:
                self.ctx.devices.configure(self.ctx.settings)
            if self.ctx.sync is not None and self.hub_url.text().strip():
                self.ctx.sync.start()  # no-op when already running
                self.ctx.sync.nudge()
            win = self.area.window_
            if lang != self.ctx.lang:
                win.set_language(lang)
            win.sound.enabled = changes["sounds"]
            apply_voice = getattr(win, "apply_feedback_settings", None)
            if apply_voice is not None:
                apply_voice()
            self.say(self.tr("Settings saved"))
            emit(self.ctx.events.data_changed, "settings")
            if zone_changed:
                self.area.retranslate()  # times and zone labels follow a new zone at once

        run_on_writer(
            self.ctx,
            _save_upstream,
            self.hub_url.text(),
            self.hub_token.text(),
            on_success=upstream_saved,
            on_failure=self.fail,
            parent=self,
        )
