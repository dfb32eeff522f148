"""Every ~HS and <ESC>!? flag of the ZPL II and TSPL manuals holds the queue with its own message
(temperature, corrupt RAM, partial format and TSPL's error bit read as faults, not as ready)."""

from __future__ import annotations

import pytest

from devices.printers.status import parse_tspl_status, parse_zpl_hs, zpl_hs_reply


@pytest.mark.parametrize(
    "kw,fault",
    [
        ({"paper_out": True}, "paper_out"),
        ({"paused": True}, "paused"),
        ({"head_open": True}, "head_open"),
        ({"corrupt_ram": True}, "corrupt_ram"),
        ({"under_temp": True}, "under_temp"),
        ({"over_temp": True}, "over_temp"),
    ],
)
def test_zpl_hs_flags(kw: dict[str, bool], fault: str) -> None:
    st = parse_zpl_hs(zpl_hs_reply(**kw))
    assert st.faults == [fault] and not st.ok
    assert st.message_zh != "打印机就绪" and st.message_en != "Printer ready"
    assert parse_zpl_hs(zpl_hs_reply()).ok


def test_zpl_partial_format_and_buffer_full() -> None:
    s1 = "030,0,0,1440,000,1,0,1,000,0,0,0"
    s2 = "001,0,0,0,0,2,4,0,00000000,1,000"
    reply = b"".join(b"\x02" + s.encode() + b"\x03\r\n" for s in (s1, s2, "1234,0"))
    assert parse_zpl_hs(reply).faults == ["buffer_full", "partial_format"]


@pytest.mark.parametrize(
    "bit,fault",
    [
        (0, "head_open"),
        (1, "paper_jam"),
        (2, "paper_out"),
        (3, "ribbon_out"),
        (4, "paused"),
        (6, "cover_open"),
        (7, "printer_error"),
    ],
)
def test_tspl_status_bits(bit: int, fault: str) -> None:
    st = parse_tspl_status(bytes([1 << bit]))
    assert st.faults == [fault] and not st.ok
    assert parse_tspl_status(b"\x20").ok and parse_tspl_status(b"\x20").printing
