"""The status bar: scanner, printer, scale and upstream link, always visible, faults in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from ui.ops import AppContext
from ui.qtcompat import emit


def age_text(age_s: float | None) -> tuple[str, str]:
    """'2分钟前' / '2 min ago' for a status line a person glances at."""
    if age_s is None:
        return "-", "-"
    a = max(0, int(age_s))
    if a < 60:
        return "刚刚", "just now"
    if a < 3600:
        return f"{a // 60}分钟前", f"{a // 60} min ago"
    if a < 86400:
        return f"{a // 3600}小时前", f"{a // 3600} h ago"
    return f"{a // 86400}天前", f"{a // 86400} d ago"


class SyncBridge(QObject):
    """The sync service's plain status callback, as a Qt signal (emitted from the sync thread)."""

    status_changed = Signal(object)

    def __init__(self, sync: Any) -> None:
        super().__init__()
        sync.on_status(lambda st: emit(self.status_changed, st))


class StationStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.font_px = 14
        self.setObjectName("station_status")
        self.scanner = self._pill("status_scanner")
        self.printer = self._pill("status_printer")
        self.scale = self._pill("status_scale")
        self.upstream = self._pill("status_upstream")
        self._bar_width = 0  # set_width(): the device pills share it (0: not known yet)
        self.message = QLabel()
        self.message.setObjectName("status_message")
        # a long message is cut at its end instead of pushing the device pills off the screen
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setStyleSheet("font-size:15px")
        self.addWidget(self.message, 1)
        for w in (self.scanner, self.printer, self.scale, self.upstream):
            self.addPermanentWidget(w)
        # last known (ok, zh, en) per device so a language switch rewords everything
        self.state: dict[str, tuple[str, str, str]] = {
            "scanner": ("unknown", "扫描枪：未知", "Scanner: unknown"),
            "printer": ("unknown", "打印机：未知", "Printer: unknown"),
            "scale": ("unknown", "电子秤：未知", "Scale: unknown"),
            "upstream": ("unknown", "上游：未配置", "Upstream: not set up"),
        }
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(lambda: self.message.setText(""))
        dev = ctx.devices
        if dev is not None:
            dev.scanner_status.connect(self._scanner)
            dev.printer_status.connect(self._printer)
            dev.scale_status.connect(self._scale)
            dev.weight_read.connect(self._weight)
            dev.print_progress.connect(self._progress)
            for key, slot in (
                ("scanner", self._scanner),
                ("printer", self._printer),
                ("scale", self._scale),
            ):
                if key in dev.last:
                    slot(*dev.last[key])
        self._last_sync: Any = None
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self._tick)
        self._age_timer.start()
        self.sync_bridge: SyncBridge | None = None
        if ctx.sync is not None:
            self.sync_bridge = SyncBridge(ctx.sync)
            self.sync_bridge.status_changed.connect(self.show_sync)
            self.show_sync(ctx.sync.status)
        self.retranslate()

    def _pill(self, name: str) -> QLabel:
        lab = QLabel()
        lab.setObjectName(name)
        lab.setTextFormat(Qt.TextFormat.PlainText)
        return lab

    def retranslate(self) -> None:
        for key in ("upstream", "scanner", "printer", "scale"):
            self._render(key)

    def set_width(self, width: int) -> None:
        """Four pills share about 3/4 of the bar (English texts are long): nothing is cut off
        at 1366 px; the full text is in the tooltip."""
        if width != self._bar_width:
            self._bar_width = width
            self.retranslate()

    def _device_budget(self) -> int:
        """What a device pill may use: the upstream pill keeps its whole text (it says what is
        waiting to upload); the scanner/printer/scale pills share what is left of ~78% of the
        bar, so the last pill is never cut off by the window edge."""
        if not self._bar_width:
            return 10_000
        up = self.upstream.fontMetrics().horizontalAdvance(self.upstream.text()) + 24
        return max(120, int((self._bar_width * 0.78 - up) / 3) - 24)

    def set_scale(self, f: float) -> None:
        """Bigger pills on a bigger screen (the window calls this on resize)."""
        px = round(14 * f)
        if px != self.font_px:
            self.font_px = px
            self.message.setStyleSheet(f"font-size:{round(15 * f)}px")
            self.retranslate()

    def _render(self, key: str) -> None:
        level, zh, en = self.state[key]
        lab = {
            "scanner": self.scanner,
            "printer": self.printer,
            "scale": self.scale,
            "upstream": self.upstream,
        }[key]
        color = {"ok": "#1b5e20", "warn": "#e65100", "error": "#b71c1c"}.get(level, "#455a64")
        bg = {"ok": "#e8f5e9", "warn": "#fff3e0", "error": "#ffebee"}.get(level, "#eceff1")
        full = ("● " if level in ("ok", "warn", "error") else "○ ") + self.ctx.text(zh, en)
        lab.setStyleSheet(
            f"QLabel{{color:{color};background:{bg};padding:2px 8px;border-radius:4px;"
            f"font-size:{self.font_px}px;font-weight:bold}}"
        )
        lab.ensurePolished()  # the style sheet's font, so the elide width is measured right
        # long device paths must not push the other pills off a 1366 px screen: elide, full text on hover
        lab.setText(
            lab.fontMetrics().elidedText(
                full,
                Qt.TextElideMode.ElideRight,
                self.font_px * 40
                if key == "upstream"
                else min(self.font_px * 30, self._device_budget()),
            )
        )
        lab.setProperty("full_text", full)
        if key != "upstream":
            lab.setToolTip(full if lab.text() != full else "")

    def set_state(self, key: str, level: str, zh: str, en: str) -> None:
        self.state[key] = (level, zh, en)
        if key == "upstream" and self._bar_width:
            self.retranslate()  # the device pills give the upstream text the room it needs
        else:
            self._render(key)

    # -- device slots ----------------------------------------------------------------------
    def _scanner(self, state: str, zh: str, en: str) -> None:
        level = {
            "connected": "ok",
            "wedge": "ok",
            "disconnected": "error",
            "unavailable": "error",
            "error": "error",
        }.get(state, "warn")
        self.set_state("scanner", level, zh, en)

    def _printer(self, ok: bool, zh: str, en: str) -> None:
        self.set_state("printer", "ok" if ok else "error", zh, en)

    def _scale(self, state: str, zh: str, en: str) -> None:
        level = {"connected": "ok", "none": "idle"}.get(
            state, "error" if state in ("disconnected", "unavailable", "error") else "warn"
        )
        self.set_state("scale", level, zh or "电子秤", en or "Scale")

    def _weight(self, grams: int) -> None:
        if grams < 5:
            self.set_state("scale", "ok", "电子秤：空", "Scale: empty")
        else:
            self.set_state("scale", "ok", f"电子秤：{grams} 克", f"Scale: {grams} g")

    def _progress(self, run_id: str, done: int, total: int) -> None:
        if total > 1 and done < total:
            self.show_message(
                self.ctx.text(f"打印中 {done}/{total}", f"Printing {done}/{total}"), timeout_ms=4000
            )
        elif total > 1:
            self.show_message(
                self.ctx.text(f"打印完成 {done}/{total}", f"Printed {done}/{total}"),
                timeout_ms=4000,
            )

    def show_sync(self, st: Any) -> None:
        """Upstream pill: online/offline, events waiting to upload, and how old the last pull is."""
        if st is None:
            return
        self._last_sync = st
        age = st.last_pull_age_s() if hasattr(st, "last_pull_age_s") else None
        age_zh, age_en = age_text(age)
        pull_zh = f"上次同步 {age_zh}" if age is not None else "尚未同步"
        pull_en = f"last sync {age_en}" if age is not None else "never synced"
        # the hub divides the work: how old this station's lease is (an expired one is a warning:
        # what it binds now may clash with another station)
        lease_age = st.lease_age_s() if hasattr(st, "lease_age_s") else None
        lease_bad = lease_age is not None and st.lease_expired()
        if lease_age is not None:
            la_zh, la_en = age_text(lease_age)
            pull_zh += " · 租约已过期" if lease_bad else f" · 租约 {la_zh}"
            pull_en += " · lease EXPIRED" if lease_bad else f" · lease {la_en}"
        since = self._since(getattr(st, "last_ok_at", None))
        tip = self.ctx.text(
            f"上游：{st.hub_url or '未配置'}\n待上传事件：{st.pending_events}\n{pull_zh}\n"
            f"上次错误：{st.last_error_zh or '无'}",
            f"Upstream: {st.hub_url or 'not set up'}\nEvents waiting: {st.pending_events}\n"
            f"{pull_en[0].upper() + pull_en[1:]}\nLast error: {st.last_error_en or 'none'}",
        )
        self.upstream.setToolTip(tip)
        if not st.configured:
            self.set_state(
                "upstream",
                "idle",
                "上游：未配置（离线工作）",
                "Upstream: not set up (working offline)",
            )
        elif st.online:
            self.set_state(
                "upstream",
                "ok" if st.pending_events < 50 and not lease_bad else "warn",
                f"上游：在线 · 待上传 {st.pending_events} · {pull_zh}",
                f"Upstream: online · {st.pending_events} to upload · {pull_en}",
            )
        else:
            since_zh = f"离线（自 {since}）" if since else "离线（从未连通）"
            since_en = f"offline since {since}" if since else "offline (never reached)"
            lease_zh = pull_zh.partition(" · ")[2]
            lease_en = pull_en.partition(" · ")[2]
            self.set_state(
                "upstream",
                "error",
                f"上游：{since_zh} · 待上传 {st.pending_events}"
                + (f" · {lease_zh}" if lease_zh else ""),
                f"Upstream: {since_en} · {st.pending_events} waiting"
                + (f" · {lease_en}" if lease_en else ""),
            )

    def _since(self, stamp: str | None) -> str:
        """Local clock time of the last good exchange; with the date when it is not today."""
        if not stamp:
            return ""
        from warehouse_app.clock import utcnow
        from warehouse_app.localtime import to_local

        dt = to_local(stamp, self.ctx.tz)
        if dt is None:
            return ""
        today = utcnow().astimezone(self.ctx.tz).date()
        return dt.strftime("%H:%M") if dt.date() == today else dt.strftime("%m-%d %H:%M")

    def _tick(self) -> None:
        """Ages move on without a sync event: re-render the last status (no DB, no network)."""
        if self._last_sync is not None:
            self.show_sync(self._last_sync)

    def show_message(self, text: str, error: bool = False, timeout_ms: int = 12000) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(
            "font-size:15px;" + ("color:#b71c1c;font-weight:bold" if error else "")
        )
        self._clear.start(timeout_ms)
