"""One device-independent waybill layout, in millimetres, encoded later to ZPL, TSPL or PDF.

Zones follow GB/T 41833-2022: carrier + number/barcode, destination (big sort code), recipient,
sender, contents, then batch/order/print time. Every encoder draws the same element list, so a
label looks the same on a Zebra, a Gprinter and an office printer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Union

from devices.errors import DeviceError


@dataclass(frozen=True)
class LabelSize:
    width_mm: float
    height_mm: float

    @property
    def name(self) -> str:
        return f"{self.width_mm:g}x{self.height_mm:g}"


SIZES: dict[str, LabelSize] = {
    "100x180": LabelSize(100, 180),
    "76x130": LabelSize(76, 130),
    "100x150": LabelSize(100, 150),
}


def parse_size(text: str) -> LabelSize:
    """'100x180' -> LabelSize; only the standard waybill sizes are laid out."""
    key = text.lower().replace("mm", "").replace("*", "x").replace(" ", "")
    if key not in SIZES:
        raise DeviceError(
            f"Unknown label size {text!r}: use one of {', '.join(SIZES)}.",
            zh=f"不支持的面单尺寸 {text!r}：请使用 {'、'.join(SIZES)}。",
        )
    return SIZES[key]


@dataclass
class Waybill:
    """What goes on one label. Phone numbers are masked here, never in the encoders."""

    waybill: str
    carrier: str
    sort_code: str = ""
    recipient_name: str = ""
    recipient_phone: str = ""
    recipient_address: str = ""
    sender_name: str = ""
    sender_phone: str = ""
    sender_address: str = ""
    order_id: str = ""
    contents: str = ""
    batch_id: str = ""
    printed_at: datetime | None = None
    reprint: bool = False
    hub: str = ""  # 集包地


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678; other lengths keep first 3 and last 4 at most."""
    digits = re.sub(r"\s", "", phone or "")
    if len(digits) >= 7:
        return digits[:3] + "****" + digits[-4:]
    return "*" * len(digits)


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    h: float  # cap height-ish: the font size in mm
    text: str
    bold: bool = False
    max_w: float = 0.0  # wrap width in mm (0: one line)
    fixed: bool = False  # the same on every label of a batch: encoders may cache it


@dataclass(frozen=True)
class Barcode128:
    x: float
    y: float
    h: float
    data: str
    module: float  # narrow bar width in mm (a whole number of printer dots)
    human_readable: bool = True


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    t: float = 0.3  # line thickness; t >= min(w,h) draws a filled bar


Element = Union[Text, Barcode128, Box]  # noqa: UP007 (a runtime alias; py3.10 needs Union here)


@dataclass
class Layout:
    size: LabelSize
    elements: list[Element] = field(default_factory=list)
    waybill: str = ""


def wrap(text: str, font_mm: float, max_w: float) -> list[str]:
    """Greedy wrap by estimated advance: CJK one em, ASCII half an em (good enough for labels)."""
    if max_w <= 0:
        return [text]
    lines, cur, w = [], "", 0.0
    for ch in text:
        adv = font_mm * (1.08 if ord(ch) > 0x2E7F else 0.6)  # a margin for resident fonts
        if cur and w + adv > max_w:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += adv
    if cur:
        lines.append(cur)
    return lines or [""]


def code128_modules(data: str) -> str:
    """The bar/space pattern ('1' = bar) of a Code 128 symbol, quiet zones excluded."""
    from barcode import Code128

    return str(Code128(data).build()[0])


def waybill_layout(
    wb: Waybill, size: LabelSize | str = "100x180", dots_per_mm: float = 8.0
) -> Layout:
    """Lay a waybill out for one of the standard sizes; coordinates in mm from the top-left."""
    if isinstance(size, str):
        size = parse_size(size)
    W, H = size.width_mm, size.height_mm
    s = W / 100.0  # horizontal scale: 76 mm labels shrink fonts a little
    m = 3.0
    iw = W - 2 * m
    els: list[Element] = []
    y = m
    when = (wb.printed_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    # Header: carrier and print time; a reprint is marked in a black bar.
    els.append(Text(m, y, 5.0 * s, wb.carrier, bold=True, fixed=True))
    els.append(Text(W - m - 30 * s, y + 1, 2.6 * s, when))
    y += 7 * s
    if wb.reprint:
        els.append(Box(m, y, iw, 5.0, t=0.6))
        els.append(Text(m + 1.5, y + 0.8, 3.4, "补打 REPRINT 重复打印", bold=True, fixed=True))
        y += 6
    els.append(Box(m, y, iw, 0.4, t=0.4))
    y += 1.5
    # Sort code (三段码), as large as the width allows.
    sort_h = min(14.0 * s, (H * 0.09))
    els.append(Text(m, y, sort_h, wb.sort_code or "-", bold=True))
    y += sort_h + 2
    if wb.hub:
        els.append(Text(m, y, 4.0 * s, f"集包地 {wb.hub}", bold=True))
        y += 5.5 * s
    els.append(Box(m, y, iw, 0.4, t=0.4))
    y += 2
    # Waybill barcode: Code 128 with modules in whole printer dots, as wide as it fits.
    modules = len(code128_modules(wb.waybill)) + 0
    dot = 1.0 / dots_per_mm
    n_dots = max(2, min(4, int(iw / (modules * dot))))
    mod_mm = n_dots * dot
    bc_w = modules * mod_mm
    bc_h = min(18.0, H * 0.11)
    els.append(Barcode128(m + max(0.0, (iw - bc_w) / 2), y, bc_h, wb.waybill, mod_mm))
    y += bc_h + 1
    hr = 3.6 * s  # human-readable number, centred under the bars (ASCII advance ~0.6 em)
    els.append(
        Text(m + max(0.0, (iw - len(wb.waybill) * hr * 0.6) / 2), y, hr, wb.waybill, bold=True)
    )
    y += 5.5 * s
    els.append(Box(m, y, iw, 0.4, t=0.4))
    y += 2
    # Recipient.
    # Taller labels get bigger recipient/sender text: the packer and courier read these first.
    v = min(1.35, max(1.0, H / 130.0 * 0.95))
    f = 4.6 * s * v
    els.append(
        Text(m, y, f, f"收 {wb.recipient_name}  {mask_phone(wb.recipient_phone)}", bold=True)
    )
    y += f + 1.5
    for line in wrap(wb.recipient_address, f * 0.9, iw - 2)[:3]:
        els.append(Text(m, y, f * 0.9, line))
        y += f * 0.9 + 1.2
    y += 1
    els.append(Box(m, y, iw, 0.3, t=0.3))
    y += 1.8
    # Sender.
    f2 = 3.2 * s * v
    els.append(Text(m, y, f2, f"寄 {wb.sender_name}  {mask_phone(wb.sender_phone)}", fixed=True))
    y += f2 + 1.2
    for line in wrap(wb.sender_address, f2, iw - 2)[:2]:
        els.append(Text(m, y, f2, line, fixed=True))
        y += f2 + 1.0
    y += 1
    els.append(Box(m, y, iw, 0.3, t=0.3))
    y += 1.8
    # Contents, order, batch.
    for line in wrap(f"内容 {wb.contents}", f2, iw - 2)[:2]:
        els.append(Text(m, y, f2, line))
        y += f2 + 1.0
    els.append(Text(m, y, f2, f"订单 {wb.order_id}"))
    y += f2 + 1.0
    els.append(Text(m, y, f2, f"批次 {wb.batch_id}", fixed=True))
    y += f2 + 1.5
    # Signature zone at the bottom.
    sig_y = max(y + 2, H - 16 * s)
    if sig_y + 10 * s <= H:
        els.append(Box(m, sig_y, iw, 0.3, t=0.3))
        els.append(Text(m, sig_y + 2, f2, "签收人 / Signature:", fixed=True))
    return Layout(size=size, elements=els, waybill=wb.waybill)


def sample_waybill(number: str = "SF1234567890123", reprint: bool = False) -> Waybill:
    """The test print: realistic Chinese content so CJK problems show at once."""
    return Waybill(
        waybill=number,
        carrier="顺丰速运 SF",
        sort_code="755W-A12-03",
        hub="深圳集散",
        recipient_name="张三",
        recipient_phone="13812345678",
        recipient_address="广东省深圳市南山区科技园科苑路15号讯美科技广场3号楼12层",
        sender_name="直播旗舰店",
        sender_phone="02188886666",
        sender_address="浙江省杭州市余杭区仓前街道文一西路969号 A 仓",
        order_id="DY20261111000001",
        contents="保湿面霜 50ml ×1 + 洁面乳 ×1",
        batch_id="B-1111-001",
        printed_at=datetime.now(),
        reprint=reprint,
    )
