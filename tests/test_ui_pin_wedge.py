"""A keyboard-wedge scanner firing while the lead's PIN field has the focus (issue 10): the burst
is a scan, routed like a serial scan (the PIN field takes none: a status-bar line), never a PIN
try, never shown. Key events from QTest at a scanner's speed (no delay between keys) and at a
person's (150 ms per key), into the real window on a real station DB."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui_fixtures import Station, station

__all__ = ["station"]

NO = Qt.KeyboardModifier.NoModifier
HUMAN_MS = 150


def _pin_page(st: Station) -> None:
    st.login("P001")
    st.window.open_lead("batches")
    lead = st.window.lead
    lead.lead_code.setText("L001")
    lead.pin.setFocus()
    st.qtbot.waitUntil(lead.pin.hasFocus, timeout=5000)


def _failures(st: Station) -> int:
    return int(st.q("SELECT count(*) FROM events WHERE type='lead.pin_failed'")[0][0])


def _wedge(st: Station, text: str, suffix: Qt.Key = Qt.Key.Key_Return) -> None:
    """The scanner: a pause after the person's last key, then the code and its suffix at once."""
    pin = st.window.lead.pin
    st.qtbot.wait(300)  # input timing (the person stops typing), not a wait for a result
    st.qtbot.keyClicks(pin, text)
    st.qtbot.keyClick(pin, suffix)


def test_a_wedge_scan_in_the_pin_field_is_no_pin_try(station: Station) -> None:
    st, w = station, station.window
    _pin_page(st)
    lead = w.lead
    st.qtbot.keyClicks(lead.pin, "12", NO, HUMAN_MS)  # the lead has begun the PIN
    code = st.q("SELECT waybill FROM parcels WHERE waybill IS NOT NULL LIMIT 1")[0][0]
    _wedge(st, code)
    # ignored there with a status-bar line; the PIN typed so far stays, hidden
    assert "忽略" in w.status.message.text() and code in w.status.message.text()
    assert "12" not in w.status.message.text()
    assert lead.pin.text() == "12" and lead.pin.echoMode() == lead.pin.EchoMode.Password
    assert lead.lead_code.text() == "L001" and lead.currentWidget() is lead.pin_page
    assert w.stack.currentWidget() is lead and w.packer.entry.text() == ""
    assert _failures(st) == 0 and lead.pin_msg.text() == ""
    # a scanner set to Tab as its suffix: the same
    _wedge(st, "]C1" + code, Qt.Key.Key_Tab)  # with an AIM id, stripped as the reader does
    assert lead.pin.text() == "12" and lead.pin.hasFocus()
    assert code in w.status.message.text() and "]C1" not in w.status.message.text()
    # the person finishes the PIN at a person's speed: that Enter is a PIN try, and it opens
    with st.qtbot.waitSignal(lead.unlocked, timeout=10000):
        st.qtbot.keyClicks(lead.pin, "34", NO, HUMAN_MS)
        st.qtbot.keyClick(lead.pin, Qt.Key.Key_Return, NO, HUMAN_MS)
    assert _failures(st) == 0 and st.ctx.lead is not None


def test_a_wrong_pin_typed_by_a_person_still_counts(station: Station) -> None:
    st, w = station, station.window
    _pin_page(st)
    lead = w.lead
    st.qtbot.keyClicks(lead.pin, "9999", NO, HUMAN_MS)
    st.qtbot.keyClick(lead.pin, Qt.Key.Key_Return, NO, HUMAN_MS)
    st.qtbot.waitUntil(lambda: _failures(st) == 1, timeout=10000)
    st.qtbot.waitUntil(lambda: bool(lead.pin_msg.text()), timeout=10000)
    assert "9999" not in lead.pin_msg.text() and lead.pin.text() == ""
    assert st.ctx.lead is None


def test_a_short_fast_pin_is_still_a_pin(station: Station) -> None:
    """Three fast keys and Enter are too short for a scan: a PIN try as ever."""
    st, w = station, station.window
    _pin_page(st)
    st.qtbot.keyClicks(w.lead.pin, "123")
    st.qtbot.keyClick(w.lead.pin, Qt.Key.Key_Return)
    st.qtbot.waitUntil(lambda: _failures(st) == 1, timeout=10000)
