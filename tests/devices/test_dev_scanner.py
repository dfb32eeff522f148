"""Serial scanner: framing, garbage, AIM ids, unplug/re-plug, through real ptys."""

from __future__ import annotations

import logging

import pytest

from devices.errors import DeviceError
from devices.scanners import DroppedFrame, ScanFramer, ScannerConfig, SerialScanner, WedgeDecoder
from devices.serial_device import wait_for


def codes(scans: list) -> list[str]:
    return [s.code for s in scans]


def test_framer_merged_split_and_suffixes() -> None:
    f = ScanFramer(ScannerConfig(suffix="CRLF"))
    assert codes(f.feed(b"SF1001\r\nSF1002\r\n")) == ["SF1001", "SF1002"]
    assert f.feed(b"SF10") == []
    assert codes(f.feed(b"03\r")) == ["SF1003"]  # CR ends it; the LF then frames nothing
    assert codes(f.feed(b"\nSF1004\r\n")) == ["SF1004"]
    f2 = ScanFramer(ScannerConfig(suffix="TAB"))
    assert codes(f2.feed(b"A1234\tB56")) == ["A1234"]
    assert codes(f2.feed(b"78\t")) == ["B5678"]


def test_framer_aim_prefix_and_garbage(caplog: pytest.LogCaptureFixture) -> None:
    f = ScanFramer(ScannerConfig(suffix="CR", prefix="#", aim=True))
    caplog.set_level(logging.WARNING)
    scans = f.feed(b"#]C1YT7001\r#]E06901234567892\r#gar\xff\xfe\x80bage\r#SF\x07200\r")
    assert codes(scans) == ["YT7001", "6901234567892", "SF200"]
    assert scans[0].aim == "]C1" and scans[0].symbology == "code128"
    assert scans[1].symbology == "ean_upc"
    assert any("non-UTF-8" in r.message for r in caplog.records)
    assert any("control bytes" in r.message for r in caplog.records)


def test_noise_before_a_scan_is_stripped_and_the_scan_comes_through() -> None:
    dropped: list[DroppedFrame] = []
    f = ScanFramer(ScannerConfig(suffix="CR", prefix="#", aim=True), on_drop=dropped.append)
    # a cable touched / scanner plugged in just before the scan: NUL, 0xFF, ESC, a stray
    # continuation byte, then the scan itself in the same frame
    scans = f.feed(b"\x00\xff\x1b\x80\xfe#]C0SF0001\r")
    assert codes(scans) == ["SF0001"] and scans[0].symbology == "code128"
    assert dropped == []
    # Chinese text (QR) after noise keeps its first character
    assert codes(f.feed(b"\xff\x00#\xe4\xb8\xadZT9\r")) == ["\u4e2dZT9"]
    # a short burst of noise on its own line is not a scan and not a drop
    assert f.feed(b"\xff\x00\r") == [] and dropped == []


def test_dropped_frames_are_reported_never_silent() -> None:
    dropped: list[DroppedFrame] = []
    f = ScanFramer(ScannerConfig(suffix="CR", suffix_timeout_s=0.5), on_drop=dropped.append)
    # corruption after the first character: the frame is dropped whole (no truncated code)
    assert f.feed(b"SF12\xff34\r") == []
    # bytes that are not text (wrong baud rate looks like this)
    assert f.feed(b"\xff\xfe\xfd\xfc\xfb\xfa\r") == []
    # a runaway without a suffix
    assert f.feed(b"X" * 600) == []
    assert f.feed(b"\r") == []
    assert [d.reason for d in dropped] == ["not_text", "not_text", "no_suffix"]
    assert all(d.message_zh == "没读到，请重扫" and d.message_en for d in dropped)
    # a burst whose suffix never comes: expired once the reader has been idle long enough
    assert f.feed(b"SF0099") == []
    assert f.expire(f._last_byte_at + 0.1) is False
    assert f.expire(f._last_byte_at + 0.6) is True
    assert dropped[-1].reason == "no_suffix" and "SF0099" in dropped[-1].detail
    assert codes(f.feed(b"SF0100\r")) == ["SF0100"]
    # a scan cut off by a disconnect
    f.feed(b"SF01")
    f.reset()
    assert dropped[-1].reason == "cut_off"


def test_framer_runaway_without_suffix_is_dropped() -> None:
    f = ScanFramer(ScannerConfig(suffix="CR"))
    assert f.feed(b"X" * 600) == []
    # the runaway is dropped through its suffix: its tail is never a scan of its own (a read
    # boundary inside a scan would otherwise emit a truncated code); the next scan comes through
    assert codes(f.feed(b"\r")) == []
    assert codes(f.feed(b"SF1\r")) == ["SF1"]


def test_bad_settings_are_refused() -> None:
    with pytest.raises(DeviceError) as e:
        ScannerConfig(port="/dev/null", suffix="ETX", parity="Q").validate()
    assert "suffix" in str(e.value) and "后缀" in e.value.zh


def test_pty_scans_merged_split_and_garbage(pty_port, collector) -> None:
    got, status, warnings = collector(), collector(), collector()
    sc = SerialScanner(
        ScannerConfig(port=pty_port.path, suffix="CR"),
        on_scan=got,
        on_status=status,
        on_warning=warnings,
    ).start()
    try:
        assert wait_for(sc.device.connected.is_set, 15)
        pty_port.write(b"]C0SF0001\r]C0SF0002\r")  # two scans in one read
        got.wait_len(2)
        pty_port.write(b"SF00")  # one scan over several reads
        assert wait_for(lambda: bytes(sc.framer._buf) == b"SF00", 15)
        pty_port.write(b"03")
        assert wait_for(lambda: bytes(sc.framer._buf) == b"SF0003", 15)
        pty_port.write(b"\r\x00\x1b\xff\xfe\r")  # end + garbage: dropped, never a crash
        pty_port.write(b"SF0004\r")
        got.wait_len(4)
        assert codes(got.items) == ["SF0001", "SF0002", "SF0003", "SF0004"]
        assert warnings.items, "garbage must be reported"
    finally:
        sc.stop()
    assert not sc.device._thread.is_alive()


def test_pty_noise_then_scan_and_a_burst_without_suffix_is_reported(pty_port, collector) -> None:
    got, dropped = collector(), collector()
    sc = SerialScanner(
        ScannerConfig(port=pty_port.path, suffix="CR", suffix_timeout_s=0.3),
        on_scan=got,
        on_drop=dropped,
    ).start()
    try:
        assert wait_for(sc.device.connected.is_set, 15)
        pty_port.write(b"\x00\xff\xfe]C0SF0007\r")  # plug-in noise glued to the scan
        got.wait_len(1)
        assert codes(got.items) == ["SF0007"]
        pty_port.write(b"SF0008")  # the suffix never comes: the idle reader reports it
        dropped.wait_len(1)
        assert dropped.items[0].reason == "no_suffix"
        pty_port.write(b"SF0009\r")
        got.wait_len(2)
        assert codes(got.items)[-1] == "SF0009"
    finally:
        sc.stop()


def test_unplug_and_replug_reconnects(pty_port, collector) -> None:
    got, status = collector(), collector()
    sc = SerialScanner(
        ScannerConfig(port=pty_port.path, suffix="CRLF"), on_scan=got, on_status=status
    ).start()
    try:
        assert wait_for(sc.device.connected.is_set, 15)
        pty_port.write(b"BEFORE01\r\n")
        got.wait_len(1)
        pty_port.write(b"HALF")  # a partial scan lost with the cable
        assert wait_for(lambda: bytes(sc.framer._buf) == b"HALF", 15)
        pty_port.unplug()
        assert wait_for(lambda: any(s.state == "disconnected" for s in status.items), 15)
        disc = [s for s in status.items if s.state == "disconnected"][0]
        assert "断开" in disc.message_zh and "disconnected" in disc.message_en
        pty_port.plug()
        assert wait_for(lambda: [s.state for s in status.items][-1] == "connected", 15)
        pty_port.write(b"AFTER002\r\n")
        got.wait_len(2)
        assert codes(got.items) == ["BEFORE01", "AFTER002"]
        assert [s.state for s in status.items] == ["connected", "disconnected", "connected"]
    finally:
        sc.stop()


def test_missing_port_reports_unavailable_then_connects(tmp_path, collector) -> None:
    from tests.devices.conftest import PtyPort

    status, got = collector(), collector()
    link = tmp_path / "late"
    sc = SerialScanner(ScannerConfig(port=str(link)), on_scan=got, on_status=status).start()
    try:
        status.wait_len(1)
        assert status.items[0].state == "unavailable"
        port = PtyPort(link)
        try:
            assert wait_for(sc.device.connected.is_set, 15)
            port.write(b"LATE0001\r")
            got.wait_len(1)
        finally:
            port.unplug()
    finally:
        sc.stop()


def test_host_feedback_commands(pty_port) -> None:
    sc = SerialScanner(
        ScannerConfig(port=pty_port.path), on_scan=lambda s: None, feedback="datalogic"
    ).start()
    try:
        assert wait_for(sc.device.connected.is_set, 15)
        assert sc.good_read()
        assert pty_port.read_host() == b"B"
        assert sc.bad_read()
        assert pty_port.read_host() == b"F"
    finally:
        sc.stop()
    none = SerialScanner(ScannerConfig(port=pty_port.path), on_scan=lambda s: None)
    assert not none.good_read()  # no host commands: the UI plays its own sound


def test_wedge_tells_scanner_from_person() -> None:
    w = WedgeDecoder()
    t = 100.0
    out = []
    for ch in "]C0SF778899":
        r = w.key(ch, t)
        t += 0.008
        assert r.scan is None
    r = w.key("\r", t)
    assert r.scan == "SF778899"
    typed = ""
    t += 1
    for ch in "1234":
        r = w.key(ch, t)
        typed += r.typed
        t += 0.2
    r = w.key("\r", t)
    typed += r.typed
    assert r.scan is None and typed == "1234\r"
    out.append(typed)


def test_wedge_flush_hands_slow_typing_back() -> None:
    w = WedgeDecoder()
    assert w.key("7", 10.0).typed == ""
    assert w.flush(10.01).typed == ""  # could still be a scanner burst
    assert w.flush(10.5).typed == "7"  # a person: give the key to the focused widget


def test_usb_port_spec(tmp_path, collector) -> None:
    import serial

    from devices.serial_device import resolve_port

    assert resolve_port("/dev/ttyUSB0") == "/dev/ttyUSB0"
    with pytest.raises(serial.SerialException, match="usb:VID:PID"):
        resolve_port("usb:nothex")
    with pytest.raises(serial.SerialException, match="no device"):
        resolve_port("usb:ffff:fffe")
    status = collector()
    sc = SerialScanner(
        ScannerConfig(port="usb:ffff:fffe"), on_scan=lambda s: None, on_status=status
    ).start()
    try:
        status.wait_len(1)
        assert status.items[0].state == "unavailable" and "扫描枪" in status.items[0].message_zh
    finally:
        sc.stop()
