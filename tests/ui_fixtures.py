"""Fixtures for the UI tests: a fresh demo station DB per test, the real device simulators
(pty scanner, pty scale, TCP printer), a real window, and every thread joined in teardown."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@dataclass
class Station:
    """One running station: window + context + simulators, and a few handy lookups."""

    window: Any
    ctx: Any
    rig: Any
    data_dir: Path
    qtbot: Any

    def q(self, sql: str, *args: Any) -> list[Any]:
        conn = self.ctx.store.connect(readonly=True)
        try:
            return [tuple(r) for r in conn.execute(sql, args)]
        finally:
            conn.close()

    def cancel_order_of(self, waybill: str) -> None:
        """The platform cancels this parcel's order (as a sync pull would): it becomes an intercept."""
        self.ctx.writer.call(cancel_order_of, waybill)

    def scan(self, code: str, timeout: int = 10000) -> Any:
        """Scan through the simulated serial scanner and wait for the verdict on the panel."""
        with self.qtbot.waitSignal(self.window.verdict_shown, timeout=timeout) as blocker:
            self.rig.scan(code)
        return blocker.args[0]

    def counters(self, pred: Any, timeout: int = 10000) -> dict[str, Any]:
        """Refresh the live counters until `pred(counters)` holds; returns them."""
        seen: list[dict[str, Any]] = []
        self.window.counters_updated.connect(seen.append)
        try:

            def ok() -> bool:
                if seen and pred(seen[-1]):
                    return True
                self.window.refresh_counters()
                return False

            self.qtbot.waitUntil(ok, timeout=timeout)
            return seen[-1]
        finally:
            self.window.counters_updated.disconnect(seen.append)

    def command(self, code: str, signal: Any, timeout: int = 10000) -> None:
        with self.qtbot.waitSignal(signal, timeout=timeout):
            self.rig.scan(code)

    def login(self, code: str = "P001") -> None:
        with self.qtbot.waitSignal(self.window.logged_in, timeout=10000):
            self.rig.scan(code)

    def wait_scanner_ready(self) -> None:
        dev = self.ctx.devices
        self.qtbot.waitUntil(
            lambda: dev.scanner is not None and dev.scanner.device.connected.is_set(), timeout=10000
        )

    def unlock_lead(self, tab: str = "batches", code: str = "L001", pin: str = "1234") -> None:
        w = self.window
        w.open_lead(tab)
        lead = w.lead
        lead.lead_code.setText(code)
        lead.pin.setText(pin)
        with self.qtbot.waitSignal(lead.unlocked, timeout=10000):
            lead.try_unlock()


def answer_confirm(qtbot: Any, yes: bool = True, timeout: int = 10000) -> str:
    """Answer the open confirmation box (ui/confirm.py); returns its text."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes: list[QMessageBox] = []

    def found() -> bool:
        boxes[:] = [
            w
            for w in QApplication.topLevelWidgets()
            + [c for t in QApplication.topLevelWidgets() for c in t.findChildren(QMessageBox)]
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return bool(boxes)

    qtbot.waitUntil(found, timeout=timeout)
    box = boxes[0]
    text = box.text()
    btn = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    box.button(btn).click()
    return text


def cancel_order_of(conn: Any, waybill: str) -> None:
    from warehouse_app.clock import iso, utcnow
    from warehouse_app.orders import cancel_parcel
    from warehouse_app.store.tx import transaction

    now = iso(utcnow())
    with transaction(conn):
        oid = conn.execute("SELECT order_id FROM parcels WHERE waybill=?", (waybill,)).fetchone()[0]
        conn.execute(
            "UPDATE orders SET status='cancelled', cancelled_at=? WHERE order_id=?", (now, oid)
        )
        cancel_parcel(conn, oid, operator=None, at=now)


@pytest.fixture
def station(qtbot: Any, tmp_path: Path) -> Iterator[Station]:
    from ui.app import build_context, install_translator, prepare_demo, shutdown_context
    from ui.sim_rig import SimRig
    from ui.window import MainWindow

    data_dir = tmp_path / "station"
    prepare_demo(data_dir, orders=600, extensions=False)  # core demo only: stable for these flows
    rig = SimRig(tmp_path / "sim").start()
    ctx = build_context(data_dir, lang="zh", rig=rig, start_sync=False)
    install_translator("zh")
    win = MainWindow(ctx, sounds=False)
    qtbot.addWidget(win)
    win.show()
    st = Station(win, ctx, rig, data_dir, qtbot)
    try:
        st.wait_scanner_ready()
        yield st
    finally:
        win.close()
        shutdown_context(ctx)
        rig.stop()
