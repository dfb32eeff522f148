"""The layout's QR size from the standard's table equals what a QR encoder (segno) makes."""

from __future__ import annotations

import pytest
import segno

from devices.printers.layout import qr_modules


@pytest.mark.parametrize(
    ("alphabet", "top"),
    [("0123456789", 400), ("ABCDEFGHIJ0123456789 $%*+-./:", 300), ("ab-c_d!x", 260)],
)
def test_qr_modules_match_an_encoder(alphabet: str, top: int) -> None:
    for n in list(range(1, 120)) + list(range(120, top, 7)):
        data = (alphabet * (n // len(alphabet) + 1))[:n]
        want = len(segno.make(data, error="m", micro=False, mask=0).matrix)
        assert qr_modules(data) == want, (data, n)


def test_qr_modules_for_chinese_counts_utf8_bytes() -> None:
    data = "订单DY1111000123"
    assert qr_modules(data) == len(
        segno.make("a" * len(data.encode()), error="m", micro=False, mask=0).matrix
    )
