"""Issue 10, through the real window, a real printer simulator over loopback and a real station
DB: a label the printer did not take is held for the packer ("待打印面单"), and a restart of the
app keeps it listed and keeps asking; nothing prints until the packer confirms, then once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui_fixtures import Station


class _App:
    """Open and close the station app on one data folder (the simulators stay: a restart)."""

    def __init__(self, qtbot: Any, data_dir: Path, rig: Any) -> None:
        self.qtbot, self.data_dir, self.rig = qtbot, data_dir, rig
        self.st: Station | None = None
        self.offered: list[int] = []

    def open(self) -> Station:
        from ui.app import build_context, install_translator
        from ui.window import MainWindow

        ctx = build_context(self.data_dir, lang="zh", rig=self.rig, start_sync=False)
        install_translator("zh")
        win = MainWindow(ctx, sounds=False)
        self.offered = []
        win.feedback.backlog_offered.connect(self.offered.append)  # before the held list loads
        self.qtbot.addWidget(win)
        win.show()
        self.st = Station(win, ctx, self.rig, self.data_dir, self.qtbot)
        self.st.wait_scanner_ready()
        return self.st

    def close(self) -> None:
        from ui.app import shutdown_context

        if self.st is not None:
            self.st.window.close()
            shutdown_context(self.st.ctx)
            self.st = None


@pytest.fixture
def app(qtbot: Any, tmp_path: Path) -> Iterator[_App]:
    from ui.app import prepare_demo
    from ui.sim_rig import SimRig

    data_dir = tmp_path / "station"
    prepare_demo(data_dir, orders=600, extensions=False)
    rig = SimRig(tmp_path / "sim").start()
    a = _App(qtbot, data_dir, rig)
    try:
        yield a
    finally:
        a.close()
        rig.stop()


def _printer_offline(rig: Any) -> int:
    """Switch the simulated printer off: nothing listens on its port any more."""
    port = int(rig.printer.port)
    rig.printer.stop()
    return port


def _printer_back(rig: Any, port: int, jobs: Path) -> None:
    """Switch it on again on the same address (a fresh simulator: its label count starts at 0)."""
    from devices.sim.printer import PrinterSimulator

    rig.printer = PrinterSimulator(jobs, port=port, lang=rig.printer_lang, preview=False).start()


def test_held_labels_survive_a_restart_and_print_once_when_the_packer_confirms(
    app: _App, tmp_path: Path
) -> None:
    st = app.open()
    w, fb = st.window, st.window.feedback
    st.login("P001")
    st.command("#MODE:VERIFY", w.mode_changed)
    bid, label = st.q(
        "SELECT p.batch_id, p.label_code FROM parcels p JOIN batches b ON b.batch_id=p.batch_id "
        "WHERE b.kind='anonymous' AND p.state='packed' AND p.order_id IS NULL LIMIT 1"
    )[0]
    w.set_batch(bid)
    st.qtbot.waitUntil(lambda: w.batch_id == bid, timeout=10000)

    # the printer goes offline; the packer verifies a parcel that needs its first label
    port = _printer_offline(st.rig)
    st.ctx.devices.poll_printer()
    st.qtbot.waitUntil(lambda: fb.printer_fault is not None, timeout=15000)
    with st.qtbot.waitSignal(fb.label_waiting, timeout=15000):
        v = st.scan(label)
    assert v.ok and v.print_waybill
    snap = w.packer.panel.snapshot()
    assert snap["color"] == "orange" and "面单未打印" in snap["title"]
    assert "待打印区" in snap["next"]
    assert label in w.packer.backlog_bar.text.text()
    [(pid, waybill)] = st.q("SELECT parcel_id, waybill FROM parcels WHERE label_code=?", label)
    st.qtbot.waitUntil(  # stored, not only on screen
        lambda: st.q("SELECT state FROM print_jobs WHERE parcel_id=?", pid) == [("held",)],
        timeout=15000,
    )

    # the printer is back and the app restarts on the same station.db
    _printer_back(st.rig, port, tmp_path / "printer-after")
    app.close()
    st = app.open()
    w, fb = st.window, st.window.feedback
    dev = st.ctx.devices
    # still listed, and the station asks (the printer is up) instead of printing by itself
    st.qtbot.waitUntil(lambda: waybill in fb.backlog.waiting, timeout=15000)
    st.qtbot.waitUntil(lambda: app.offered == [1], timeout=15000)
    assert label in w.packer.backlog_bar.text.text()
    st.qtbot.waitUntil(lambda: dev.queue is not None and dev.queue.idle.is_set(), timeout=15000)
    assert st.rig.labels_printed() == 0
    assert st.q("SELECT state FROM print_jobs WHERE parcel_id=?", pid) == [("held",)]
    assert st.q("SELECT print_count FROM parcels WHERE parcel_id=?", pid) == [(0,)]

    # the packer logs in and confirms (Ctrl+P): printed, once
    st.login("P001")
    assert w.packer.backlog_bar.button.isEnabled()
    with st.qtbot.waitSignal(fb.label_done, timeout=20000) as done:
        st.qtbot.keyClick(w.packer.entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [waybill]
    st.qtbot.waitUntil(lambda: st.rig.labels_printed() == 1, timeout=10000)
    st.qtbot.waitUntil(lambda: dev.queue.idle.is_set(), timeout=15000)
    assert st.rig.labels_printed() == 1  # no duplicate
    assert st.q("SELECT state FROM print_jobs WHERE parcel_id=?", pid) == [("done",)]
    assert st.q("SELECT print_count FROM parcels WHERE parcel_id=?", pid) == [(1,)]
    assert not fb.backlog.waiting and w.packer.backlog_bar.isHidden()
    n = st.q(
        "SELECT count(*) FROM events WHERE type='waybill.printed' AND payload LIKE ?",
        f'%"{waybill}"%',
    )
    assert n == [(1,)]
