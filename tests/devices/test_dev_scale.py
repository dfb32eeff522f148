"""Scales: weight line formats, units, stable detection, through a real pty and the simulator."""

from __future__ import annotations

import pytest

from devices.scales import SerialScale, parse_weight_text
from devices.scales.parse import Reading
from devices.serial_device import wait_for
from tests.devices.conftest import Proc


@pytest.mark.parametrize(
    "line,grams,stable",
    [
        ("ST,GS,+  1.234kg", 1234.0, True),
        ("US,GS,+  1.230kg", 1230.0, False),
        ("ST,NT,+001.500kg", 1500.0, True),
        ("1.234", 1234.0, None),
        ("  850 g", 850.0, None),
        ("2lb", 907.2, None),
        ("ST,GS,-  0.010kg", -10.0, True),
    ],
)
def test_parse_formats(line: str, grams: float, stable: bool | None) -> None:
    r = parse_weight_text(line)
    assert r is not None and r.grams == grams and r.stable is stable


@pytest.mark.parametrize("line", ["OL,GS,+99.999kg", "", "hello", "1.2.3kg", "ST,GS,+1.0 tons"])
def test_unusable_lines(line: str) -> None:
    assert parse_weight_text(line) is None


def test_stability_from_a_plain_stream() -> None:
    s = SerialScale("/dev/null", window=4, stable_tolerance_g=2)
    for g in (100, 380, 452, 449):
        s.feed(Reading(g, None, "g"), now=1.0)
    assert s.stable_weight(now=1.0) is None  # still settling
    for g in (450, 451, 450):
        s.feed(Reading(g, None, "g"), now=1.0)
    assert s.stable_weight(now=1.0) == 450
    assert s.stable_weight(now=10.0) is None  # a stale reading is no reading


def test_scale_on_pty_with_flags(pty_port) -> None:
    scale = SerialScale(pty_port.path).start()
    try:
        assert wait_for(scale.device.connected.is_set, 15)
        pty_port.write(b"US,GS,+  0.500kg\r\nUS,GS,+  0.5")
        pty_port.write(b"10kg\r\n")
        assert wait_for(lambda: scale.latest is not None and scale.latest.grams == 510, 15)
        assert scale.stable_weight() is None
        pty_port.write(b"\xff\xfegarbage\r\nST,GS,+  0.505kg\r\n")
        assert wait_for(lambda: scale.stable_weight() == 505, 15)
    finally:
        scale.stop()


def test_scale_simulator_process(tmp_path) -> None:
    link = tmp_path / "scale0"
    sim = Proc(["simulate", "scale", "--link", str(link), "--interval", "0.05"], stdin=True)
    try:
        sim.out.wait_len(1)
        assert sim.out.items[0] == str(link)
        scale = SerialScale(str(link)).start()
        try:
            sim.send("1.25kg")
            assert scale.wait_stable(30) is not None
            assert wait_for(lambda: scale.stable_weight() == 1250, 30)
        finally:
            scale.stop()
    finally:
        sim.stop()
