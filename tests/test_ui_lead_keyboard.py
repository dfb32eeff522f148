"""The lead's screens with the keyboard only (issue 10): Tab walks each tab in the order a lead
reads it (not the order the widgets were created), every button has a shortcut shown on it that
presses it, Enter acts and Esc leaves. Real window, real demo DB, simulated devices."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QPushButton, QWidget

from tests.ui_fixtures import Station, station

__all__ = ["station"]

# what Tab visits, by object name, in each tab (disabled and hidden widgets are skipped by Qt:
# "cancel_print" is off until a run prints, "open_manifest_folder" hidden until a manifest saved)
EXPECTED: dict[str, list[str]] = {
    "batches": [
        "batches_table",
        "start_batch",
        "pause_batch",
        "finish_batch",
        "print_batch",
        "new_sku_set",
        "new_kind",
        "new_qty",
        "new_session",
        "create_batch",
        "fix_code",
        "fix_reason",
        "reprint",
        "void",
    ],
    "handoffs": [
        "handoffs_table",
        "handoff_carrier",
        "handoff_courier",
        "handoff_vehicle",
        "open_handoff",
        "close_handoff",
        "use_handoff",
        "reprint_manifest",
    ],
    "discrepancies": [
        "verified_not_handed_off",
        "discrepancy_reason",
        "void_verified",
        "intercepted_not_pulled",
        "mark_pulled",
    ],
    "stations": [
        "hub_conflicts",
        "receive_code",
        "receive_transfer",
        "transfer_sheet",
        "take_transfer_sheet",
    ],
    "review": [
        "review_span",
        "review_reload",
        "export_csv",
        "export_pdf",
        "review_per_carrier",
        "review_per_operator",
        "review_per_hour",
    ],
}


def _focused() -> QWidget | None:
    """The widget that has the focus, the combo or spin box for its inner line edit."""
    w = QApplication.focusWidget()
    p = w.parentWidget() if w is not None else None
    if isinstance(p, (QComboBox, QAbstractSpinBox)):
        return p
    return w


def _name() -> str:
    w = _focused()
    return w.objectName() if w is not None else "<none>"


def _walk(st: Station, first: QWidget, n: int, back: bool = False) -> list[str]:
    first.setFocus(Qt.FocusReason.TabFocusReason)
    st.qtbot.waitUntil(lambda: _focused() is first, timeout=5000)
    seen = [_name()]
    for _ in range(n - 1):
        w = QApplication.focusWidget()
        assert w is not None
        if back:
            st.qtbot.keyClick(w, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            st.qtbot.keyClick(w, Qt.Key.Key_Tab)
        seen.append(_name())
    return seen


def test_tab_walks_each_lead_tab_in_order(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    # the PIN page: badge, then PIN
    w.open_lead("batches")
    assert _walk(st, w.lead.lead_code, 2) == ["lead_code", "lead_pin"]
    st.unlock_lead("batches")
    settings = w.lead.settings
    expected = dict(EXPECTED)
    expected["settings"] = [x.objectName() for x in settings.focus_order()]
    # settings are generated: its order follows the page top to bottom, the save button last
    assert expected["settings"][-1] == "save_settings"
    for key, names in expected.items():
        w.lead.open(key)
        page = w.lead.pages[key]
        st.qtbot.waitUntil(lambda p=page: p.isVisible(), timeout=5000)
        first = page.findChild(QWidget, names[0])
        assert first is not None, (key, names[0])
        assert _walk(st, first, len(names)) == names, key
        # Shift+Tab walks back the same way
        last = page.findChild(QWidget, names[-1])
        assert last is not None
        assert _walk(st, last, len(names), back=True) == names[::-1], key


def _alt(st: Station, page: QWidget, key: str) -> None:
    letter = key.rsplit("+", 1)[-1]
    st.qtbot.keyClick(page, Qt.Key(ord(letter)), Qt.KeyboardModifier.AltModifier)


def test_every_lead_button_has_a_shortcut_that_presses_it(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.unlock_lead("batches")
    tried = 0
    for key, page in w.lead.pages.items():
        if key == "settings":
            continue  # its save re-opens the devices: pressed on its own below
        w.lead.open(key)
        st.qtbot.waitUntil(lambda p=page: p.isVisible(), timeout=5000)
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)]
        for b in buttons:
            seq = b.shortcut().toString()
            assert seq.startswith("Alt+"), (key, b.objectName())
            assert seq in b.text() and seq in b.toolTip(), (key, b.objectName())
            if not b.isEnabled():
                continue
            with st.qtbot.waitSignal(b.clicked, timeout=3000):
                _alt(st, page, seq)
            tried += 1
    assert (
        tried == 18
    )  # batches 7 (cancel is off), handoffs 4, discrepancies 2, stations 2, review 3
    # the keys differ within a page, and stay put when a hidden button appears
    h = w.lead.handoffs
    keys = [b.shortcut().toString() for b in h.findChildren(QPushButton)]
    assert len(keys) == len(set(keys))
    before = h.open_btn.shortcut().toString()
    h.folder_btn.setVisible(True)
    w._number_lead_buttons()
    assert h.open_btn.shortcut().toString() == before
    assert h.folder_btn.shortcut().toString().startswith("Alt+")


def test_enter_acts_and_esc_leaves(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.unlock_lead("handoffs")
    h = w.lead.handoffs
    st.qtbot.waitUntil(lambda: h.carrier.count() > 0, timeout=10000)
    # Enter in the courier field goes on to the vehicle; Enter there opens the handoff
    h.courier.setFocus()
    h.courier.insert("张三")  # typed through an input method: one commit, not key presses
    st.qtbot.keyClick(h.courier, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is h.vehicle
    h.vehicle.insert("粤B12345")
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        st.qtbot.keyClick(h.vehicle, Qt.Key.Key_Return)
    assert "开交接单" in h.result.text()
    # Enter on a focused button presses it
    b = w.lead.batches
    w.lead.open("batches")
    b.start_btn.setFocus()
    with st.qtbot.waitSignal(b.start_btn.clicked, timeout=3000):
        st.qtbot.keyClick(b.start_btn, Qt.Key.Key_Return)
    st.qtbot.waitUntil(lambda: bool(b.result.text()), timeout=10000)  # its answer, on the page
    # Enter in the reason field reprints (never voids); without a waybill it says what is missing
    b.fix_reason.setFocus()
    b.fix_reason.insert("卡纸")
    st.qtbot.keyClick(b.fix_reason, Qt.Key.Key_Return)
    assert "面单" in b.result.text()
    # Esc: back to the packer, the lead area locked again
    st.qtbot.keyClick(b.fix_reason, Qt.Key.Key_Escape)
    st.qtbot.waitUntil(lambda: w.stack.currentWidget() is w.packer, timeout=5000)
    assert st.ctx.lead is None


def test_settings_save_by_its_shortcut(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.unlock_lead("settings")
    s = w.lead.settings
    seq = s.save_btn.shortcut().toString()
    assert seq.startswith("Alt+") and seq in s.save_btn.text()
    done: list[Any] = []
    st.ctx.events.data_changed.connect(lambda what: done.append(what))
    _alt(st, s, seq)
    st.qtbot.waitUntil(lambda: "settings" in done, timeout=10000)
