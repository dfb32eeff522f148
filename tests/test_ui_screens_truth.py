"""Issue 10, through the real window, real simulators and a real station DB: the packer's and
the lead's screens tell the truth.

- verify with the printer out of paper is not green, lists the parcel, asks on recovery
- unplugging the scanner takes over the panel; a dropped frame says "scan again"
- a scan during PIN entry (or anywhere in the lead area) leaves the lead's typing intact
- a badge switches the operator; the PIN locks after five failures
- repeat scans are neutral; reasons name the batch
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui_fixtures import Station, station


def _verify_anonymous(st: Station) -> tuple[str, str]:
    """Log in, verify mode, the demo's anonymous batch; returns (batch id, a packed label)."""
    w = st.window
    st.login("P001")
    st.command("#MODE:VERIFY", w.mode_changed)
    bid, label = st.q(
        "SELECT p.batch_id, p.label_code FROM parcels p JOIN batches b ON b.batch_id=p.batch_id "
        "WHERE b.kind='anonymous' AND p.state='packed' AND p.order_id IS NULL LIMIT 1"
    )[0]
    w.set_batch(bid)
    st.qtbot.waitUntil(lambda: w.batch_id == bid, timeout=10000)
    return bid, label


def _labels_of(st: Station, label: str) -> list[tuple[Any, ...]]:
    return st.q("SELECT waybill, print_count FROM parcels WHERE label_code=?", label)


def test_verify_with_the_printer_out_of_paper_is_not_green_and_asks_on_recovery(
    station: Station,
) -> None:
    st, w = station, station.window
    fb = w.feedback
    _bid, label = _verify_anonymous(st)
    st.rig.printer_control("paper out")
    st.ctx.devices.poll_printer()
    st.qtbot.waitUntil(lambda: fb.printer_fault is not None, timeout=15000)
    assert w.packer.panel.color_name == "fault"  # the printer's fault holds the panel
    labels0 = st.rig.labels_printed()
    with st.qtbot.waitSignal(fb.label_waiting, timeout=10000):
        v = st.scan(label)
    assert v.ok and v.print_waybill  # the core bound it and wants its first label
    snap = w.packer.panel.snapshot()
    assert snap["color"] == "orange" and "面单未打印" in snap["title"]
    assert "缺纸" in snap["next"] and "待打印区" in snap["next"]
    assert w.packer.backlog_bar.isVisible() and label in w.packer.backlog_bar.text.text()
    assert w.packer.recent.rows[0].severity == "warn"
    # the printer comes back: nothing prints by itself, the station asks
    with st.qtbot.waitSignal(fb.backlog_offered, timeout=15000) as offered:
        st.rig.printer_control("paper in")
        st.ctx.devices.poll_printer()
    assert offered.args == [1]
    assert "Ctrl+P" in w.packer.panel.next_text
    assert st.rig.labels_printed() == labels0
    waybill = _labels_of(st, label)[0][0]
    with st.qtbot.waitSignal(fb.label_done, timeout=20000) as done:
        st.qtbot.keyClick(w.packer.entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [waybill]
    st.qtbot.waitUntil(lambda: st.rig.labels_printed() == labels0 + 1, timeout=10000)
    assert _labels_of(st, label)[0][1] == 1  # printed once
    assert w.packer.recent.rows[-1].severity == "ok" or w.packer.recent.rows[0].severity == "ok"
    assert not w.packer.backlog_bar.isVisible()


def test_verify_needing_a_label_turns_green_only_once_it_printed(station: Station) -> None:
    st, w = station, station.window
    fb = w.feedback
    _bid, label = _verify_anonymous(st)
    st.qtbot.waitUntil(lambda: w.status.printer.text() != "", timeout=10000)
    with st.qtbot.waitSignal(fb.label_done, timeout=20000):
        v = st.scan(label)
        assert v.ok and w.packer.panel.color_name != "green"  # not before the printer took it
    assert w.packer.panel.color_name == "green"
    assert "面单已打印" in w.packer.panel.next_text


def test_unplugging_the_scanner_takes_over_the_panel(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.rig.scanner.unplug()
    st.qtbot.waitUntil(lambda: w.packer.panel.color_name == "fault", timeout=15000)
    assert "断开" in w.packer.panel.title
    st.rig.scanner.plug()
    st.qtbot.waitUntil(lambda: w.packer.panel.fault is None, timeout=15000)
    assert w.packer.panel.color_name == "neutral"


def test_a_dropped_frame_says_scan_again_with_a_sound(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    w.sound.played.clear()
    st.rig.scanner.write(b"SF12\xff34\r")  # bytes that are not text after the first char
    st.qtbot.waitUntil(lambda: "没读到" in w.packer.panel.title, timeout=10000)
    assert w.packer.panel.color_name == "orange" and w.sound.played[-1] == "reject"
    # noise glued before a real scan is stripped: the scan still gets its verdict
    code = st.q("SELECT waybill FROM parcels WHERE waybill IS NOT NULL LIMIT 1")[0][0]
    with st.qtbot.waitSignal(w.verdict_shown, timeout=10000) as got:
        st.rig.scanner.write(b"\x00\xff\xfe" + code.encode() + b"\r")
    assert got.args[0].code == code


def test_a_scan_during_pin_entry_leaves_the_pin_intact(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    w.open_lead("batches")
    lead = w.lead
    lead.lead_code.setText("L001")
    lead.pin.setFocus()
    st.qtbot.keyClicks(lead.pin, "12")
    code = st.q("SELECT waybill FROM parcels WHERE waybill IS NOT NULL LIMIT 1")[0][0]
    st.rig.scan(code)
    st.qtbot.waitUntil(lambda: "扫描" in w.status.message.text(), timeout=10000)
    assert w.stack.currentWidget() is lead and lead.currentWidget() is lead.pin_page
    assert lead.pin.text() == "12" and lead.lead_code.text() == "L001"
    assert w.packer.entry.text() == "" and "12" not in w.packer.panel.title
    assert lead.pin.echoMode() == lead.pin.EchoMode.Password


def test_a_badge_switches_the_operator(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    with st.qtbot.waitSignal(w.logged_in, timeout=10000) as blk:
        st.rig.scan("P002")
    assert blk.args[0]["code"] == "P002" and st.ctx.operator["code"] == "P002"
    assert "P002" in w.packer.who.text()
    assert st.q("SELECT count(*) FROM events WHERE type='operator.login' AND operator='P002'") == [
        (1,)
    ]
    assert w.packer.panel.color_name == "neutral"  # information, never a green verdict


def test_the_pin_locks_after_five_failures(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    w.open_lead("batches")
    lead = w.lead
    for i in range(5):
        lead.lead_code.setText("L001")
        lead.pin.setText("0000")
        lead.try_unlock()
        st.qtbot.waitUntil(
            lambda i=i: (
                st.q("SELECT count(*) FROM events WHERE type='lead.pin_failed'") == [(i + 1,)]
            ),
            timeout=10000,
        )
    st.qtbot.waitUntil(lambda: not lead.pin.isEnabled(), timeout=10000)  # closed
    assert "已锁定" in lead.pin_msg.text()  # with a countdown
    lead.lead_code.setText("L001")
    lead.pin.setText("1234")  # the right PIN, too late (the core refuses it whatever the UI)
    lead.try_unlock()
    st.qtbot.waitUntil(
        lambda: st.q("SELECT count(*) FROM events WHERE type='lead.pin_refused'") == [(1,)],
        timeout=10000,
    )
    assert st.ctx.lead is None and lead.currentWidget() is lead.pin_page
    assert "1234" not in lead.pin_msg.text()


def test_repeat_scan_is_neutral_and_wrong_batch_names_the_batch(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.command("#MODE:VERIFY", w.mode_changed)
    b1, done = st.q(
        "SELECT batch_id, waybill FROM parcels WHERE state='verified' AND waybill IS NOT NULL "
        "LIMIT 1"
    )[0]
    b2, other = st.q(
        "SELECT p.batch_id, p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
        "WHERE p.state='packed' AND o.status='paid' AND p.batch_id<>? LIMIT 1",
        b1,
    )[0]
    w.set_batch(b1)
    st.qtbot.waitUntil(lambda: w.batch_id == b1, timeout=10000)
    assert w.packer.panel.color_name == "neutral"  # a batch change is information
    v = st.scan(done)
    assert v.reason == "duplicate" and w.packer.panel.color_name == "neutral"
    assert "无需操作" in w.packer.panel.title
    n = w.packer.panel.scan_no
    v = st.scan(other)
    assert v.reason == "wrong_batch" and w.packer.panel.color_name == "red"
    assert b2 in w.packer.panel.snapshot()["detail"] and b1 in w.packer.panel.snapshot()["detail"]
    assert w.packer.panel.scan_no == n + 1  # each verdict visibly new
    assert [r.code for r in w.packer.recent.rows[:2]] == [other, done]


def test_lead_screens_are_keyboard_usable(station: Station) -> None:
    from PySide6.QtWidgets import QPushButton

    st, w = station, station.window
    st.login("P001")
    st.unlock_lead("batches")
    tabs = w.lead.tabs
    for i in range(tabs.count()):
        page = tabs.widget(i)
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)]
        for b in buttons[:10]:
            assert not b.shortcut().isEmpty(), (tabs.tabText(i), b.text())
            assert "Alt+" in b.text() and b.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert "focus" in w.lead.styleSheet()
    # Alt+<letter> presses the button ("open handoff" on the handoffs page)
    w.lead.open("handoffs")
    tab = w.lead.handoffs
    st.qtbot.waitUntil(lambda: tab.carrier.count() > 0, timeout=10000)
    key = tab.open_btn.shortcut().toString()
    assert key.startswith("Alt+")
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        st.qtbot.keyClick(tab, Qt.Key(ord(key[-1])), Qt.KeyboardModifier.AltModifier)
    assert "开交接单" in tab.result.text()


def test_a_label_that_cannot_be_made_says_why_at_once(station: Station) -> None:
    """A waybill held by the label rules (no sort code) is not "printer did not respond" 8 s
    later: the verdict turns orange with the reason as soon as the queue gives up on it."""
    st, w = station, station.window
    fb = w.feedback
    _bid, label = _verify_anonymous(st)

    def unroute(c: Any) -> None:
        """Numbers with no 三段码 at all: none on the order, none in the provider's routing."""
        same = "status='paid' AND sku_set=(SELECT sku_set FROM parcels WHERE label_code=?)"
        c.execute(
            f"DELETE FROM waybill_routing WHERE order_id IN (SELECT order_id FROM orders WHERE {same})",
            (label,),
        )
        c.execute(f"UPDATE orders SET sort_code=NULL WHERE {same}", (label,))

    st.ctx.writer.call(unroute)
    with st.qtbot.waitSignal(fb.label_waiting, timeout=7000):
        v = st.scan(label)
    assert v.ok and w.packer.panel.color_name == "orange"
    assert "面单未打印" in w.packer.panel.title and "打印机没有响应" not in w.packer.panel.next_text
