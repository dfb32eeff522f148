"""Waybill layouts keep every field: long addresses wrap and shrink, a label that cannot fit is
refused (never cut), missing 三段码/sender holds the label, and everything stays inside the
printable area at each size and dpi. Downloaded fonts keep ZPL/TSPL batches small."""

from __future__ import annotations

import pytest

from devices.printers.layout import (
    MARGIN_MM,
    QR,
    SIZES,
    Barcode128,
    Box,
    LabelRefused,
    Text,
    Waybill,
    code128_modules,
    mask_name,
    sample_waybill,
    waybill_layout,
)
from devices.printers.printer import Printer

LONG_ADDR = (
    "浙江省杭州市西湖区文三路锦绣华府小区12号楼2单元1503室（靠近西溪湿地东门，"
    "快递请放丰巢柜，电话联系不上请放门卫）"
)


def long_waybill() -> Waybill:
    wb = sample_waybill("SF1234567890123")
    wb.recipient_name = "欧阳思雨梓涵晨曦"
    wb.recipient_address = LONG_ADDR
    wb.weight_g, wb.pieces, wb.remark = 1250, 2, "易碎轻放"
    return wb


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("dpm", [8.0, 12.0])
def test_every_field_is_present_and_inside(size: str, dpm: float) -> None:
    lay = waybill_layout(long_waybill(), size, dpm)
    W, H = SIZES[size].width_mm, SIZES[size].height_mm
    texts = "".join(e.text for e in lay.elements if isinstance(e, Text))
    for part in (
        LONG_ADDR,
        "欧阳思雨梓涵晨曦",
        "138****5678",
        "755W-A12-03",
        "直播旗舰店",
        "保湿面霜",
    ):
        assert part.replace(" ", "") in texts.replace(" ", ""), part
    assert "1.25kg" in texts and "件数 2" in texts and "易碎轻放" in texts
    from devices.printers.bitmap import text_width

    for e in lay.elements:
        if isinstance(e, Text):
            w = text_width(e.text, max(10, round(e.h * dpm)), e.bold) / dpm
            right, bottom = e.x + w, e.y + e.h
        elif isinstance(e, Barcode128):
            right, bottom = e.x + len(code128_modules(e.data)) * e.module, e.y + e.h
        elif isinstance(e, QR):
            import segno

            n = len(segno.make(e.data, error="m", micro=False).matrix)
            right, bottom = e.x + n * e.module, e.y + n * e.module
        else:
            assert isinstance(e, Box)
            right, bottom = e.x + e.w, e.y + e.h
        assert e.x >= MARGIN_MM - 0.01 and e.y >= MARGIN_MM - 0.01, e
        assert right <= W - MARGIN_MM + 0.05 and bottom <= H - MARGIN_MM + 0.05, e
    bars = [e for e in lay.elements if isinstance(e, Barcode128)]
    assert len(bars) == (2 if size == "100x180" else 1)  # the stub has its own barcode


def test_text_that_cannot_fit_is_refused_not_cut() -> None:
    wb = long_waybill()
    wb.recipient_address = LONG_ADDR * 20
    with pytest.raises(LabelRefused) as e:
        waybill_layout(wb, "76x130")
    assert "DY20261111000001" in str(e.value) and "放不下" in e.value.zh


@pytest.mark.parametrize("field", ["sort_code", "sender_name", "sender_address"])
def test_missing_sort_code_or_sender_holds_the_label(field: str) -> None:
    wb = sample_waybill("SF9")
    setattr(wb, field, "")
    with pytest.raises(LabelRefused) as e:
        Printer("tcp://p?lang=zpl").encode(wb)
    assert "DY20261111000001" in str(e.value) and "暂停打印" in e.value.zh


def test_name_masking() -> None:
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧***"
    wb = sample_waybill("SF8")
    wb.mask_name = True
    texts = " ".join(e.text for e in waybill_layout(wb, "76x130").elements if isinstance(e, Text))
    assert "张*" in texts and "张三" not in texts


@pytest.mark.parametrize("lang", ["zpl", "tspl"])
def test_glyphs_are_downloaded_once(lang: str) -> None:
    pr = Printer(f"tcp://p?lang={lang}&size=100x180")
    first = pr.encode(long_waybill())
    again = pr.encode(long_waybill())
    assert len(first) > 10_000 and len(again) < 2_500  # only text once the glyphs are there
    pr.fonts.reset()  # e.g. after a send failure: the next job carries its fonts again
    assert len(pr.encode(long_waybill())) > 10_000
