"""One device-independent waybill layout, in millimetres, encoded later to ZPL, TSPL or PDF.

Zones follow GB/T 41833-2022: carrier + number/barcode, destination (big sort code), recipient,
sender, contents, then batch/order/print time. Every encoder draws the same element list, so a
label looks the same on a Zebra, a Gprinter and an office printer.
"""

from __future__ import annotations

import functools
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
    """What goes on one label. Phone numbers (and names, when asked) are masked in the layout,
    never in the encoders."""

    waybill: str
    carrier: str
    sort_code: str = ""  # 三段码
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
    hub_code: str = ""  # 集包码
    weight_g: int | None = None
    pieces: int = 1
    remark: str = ""
    mask_name: bool = False  # 张三 -> 张*
    label_code: str = ""  # pre-pack label (anonymous batches): printed in place of the order


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


@dataclass(frozen=True)
class QR:
    """A QR code (waybill and order); `module` is one module's side in mm (whole dots)."""

    x: float
    y: float
    data: str
    module: float


Element = Union[Text, Barcode128, Box, QR]  # noqa: UP007 (a runtime alias; py3.10 needs Union here)


@dataclass
class Layout:
    size: LabelSize
    elements: list[Element] = field(default_factory=list)
    waybill: str = ""


def code128_modules(data: str) -> str:
    """The bar/space pattern ('1' = bar) of a Code 128 symbol, quiet zones excluded."""
    from devices.printers.code128 import modules

    return modules(data)


class LabelRefused(DeviceError):
    """This waybill cannot be printed as it is (missing 三段码/sender, text that cannot fit)."""


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***: the surname stays readable for the courier."""
    name = (name or "").strip()
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else name


MARGIN_MM = 2.0  # every element stays this far inside the label edge (printable area)
LINE = 1.15  # line pitch as a multiple of the cell height
_WIDTH_SLACK = 0.96  # TSPL prints whole point sizes: keep 4% room so no line can grow past


class _Fit(Exception):
    pass


def _tokens(text: str, cell: int, bold: bool, budget: float) -> list[str]:
    """Wrap units: parts separated by two spaces ("重量 1.25kg  备注 易碎轻放") stay whole when a
    line can hold them; otherwise ASCII words and single CJK characters."""
    from devices.printers.bitmap import advance

    out: list[str] = []
    for part in re.split(r"(\s{2,})", text):
        if part and not part.isspace() and "  " not in text.strip():
            out += re.findall(r"[A-Za-z0-9*#\-./@]+|\s+|.", part)
        elif part and not part.isspace() and sum(advance(c, cell, bold) for c in part) <= budget:
            out.append(part)
        else:
            out += re.findall(r"[A-Za-z0-9*#\-./@]+|\s+|.", part)
    return out


class _Flow:
    """Places wrapped text and bars top-down at one text scale; raises _Fit when out of room."""

    def __init__(self, dots_per_mm: float, scale: float, bottom: float) -> None:
        self.d = dots_per_mm
        self.scale = scale
        self.bottom = bottom
        self.els: list[Element] = []

    def size(self, base: float, floor: float) -> float:
        return max(floor, base * self.scale)

    def width(self, text: str, h: float, bold: bool = False) -> float:
        from devices.printers.bitmap import text_width

        return text_width(text, max(10, round(h * self.d)), bold) / self.d

    def wrap(self, text: str, h: float, w: float, bold: bool = False) -> list[str]:
        """Greedy wrap by measured glyph advances (summed once per token, not per candidate);
        ASCII words stay whole when they can."""
        from devices.printers.bitmap import advance, text_width

        cell = max(10, round(h * self.d))
        budget = w * _WIDTH_SLACK * self.d - (text_width("", cell, bold))  # dots, less stroke
        lines: list[str] = []
        cur, cur_w = "", 0
        for token in _tokens(text, cell, bold, budget):
            tw = sum(advance(ch, cell, bold) for ch in token)
            if not cur or cur_w + tw <= budget:
                cur, cur_w = cur + token, cur_w + tw
                continue
            if token.isspace():
                lines.append(cur)
                cur, cur_w = "", 0
                continue
            lines.append(cur.rstrip())
            cur, cur_w = token, tw
            while cur_w > budget and len(cur) > 1:  # a token longer than a line: split it
                i, part = 0, 0
                while i < len(cur) - 1 and part + advance(cur[i], cell, bold) <= budget:
                    part += advance(cur[i], cell, bold)
                    i += 1
                i = max(1, i)
                lines.append(cur[:i])
                cur = cur[i:]
                cur_w = sum(advance(ch, cell, bold) for ch in cur)
        if cur.strip() or not lines:
            lines.append(cur.rstrip())
        return lines

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        bold: bool = False,
        fixed: bool = False,
        max_lines: int = 0,
        field: str = "",
    ) -> float:
        """Wrapped text at (x, y) in width w; returns the y below it."""
        lines = self.wrap(text, h, w, bold)
        if max_lines and len(lines) > max_lines:
            raise _Fit(field)
        for line in lines:
            self.els.append(Text(x, y, h, line, bold=bold, fixed=fixed, max_w=w))
            y += h * LINE
        if y > self.bottom + 0.01:
            raise _Fit(field)
        return y

    def rule(self, x: float, y: float, w: float, t: float = 0.3) -> None:
        self.els.append(Box(x, y, w, max(t, 1.0 / self.d), t=max(t, 1.0 / self.d)))


def _barcode(
    f: _Flow, x: float, y: float, w: float, h: float, data: str, max_dots: int = 4
) -> float:
    """Code 128 with whole-dot modules, centred in w, with a 10-module quiet zone each side; its
    human-readable number underneath. Returns the y below."""
    modules = len(code128_modules(data))
    dot = 1.0 / f.d
    n = min(max_dots, int(w / ((modules + 20) * dot)))
    if n < 1 or (n < 2 and f.d < 10):
        raise _Fit("barcode")
    mod = n * dot
    bw = modules * mod
    f.els.append(Barcode128(x + (w - bw) / 2, y, h, data, mod))
    y += h + 0.8
    hr = f.size(3.2, 2.4)
    f.els.append(Text(x + (w - f.width(data, hr)) / 2, y, hr, data))
    return y + hr * LINE


def _qr(f: _Flow, x: float, y: float, side: float, data: str) -> float:
    """A QR code no wider than `side` mm (whole-dot modules, 2-module quiet zone drawn white)."""
    n = qr_modules(data)
    dots = int(side * f.d / (n + 4))
    if dots < 2:
        raise _Fit("qr")
    mod = dots / f.d
    f.els.append(QR(x + 2 * mod, y + 2 * mod, data, mod))
    return y + (n + 4) * mod


# Data codewords of a QR symbol at error level M, versions 1-40 (ISO/IEC 18004 table 7).
_QR_M_CODEWORDS = (
    16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627,
    669, 714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812,
    1914, 1992, 2102, 2216, 2334,
)  # fmt: skip
# character-count field width per mode for versions 1-9, 10-26, 27-40
_QR_COUNT_BITS = {"n": (10, 12, 14), "a": (9, 11, 13), "b": (8, 16, 16)}


@functools.lru_cache(maxsize=256)
def _qr_modules(length: int, kind: str) -> int:
    """The smallest QR version (level M) whose data bits hold `length` characters of one mode.
    Computed from the standard's table: a QR library costs ~6 MB of resident memory to import
    and ~30 ms per symbol, for a number the layout needs on every label."""
    if kind == "n":
        data = 10 * (length // 3) + (0, 4, 7)[length % 3]
    elif kind == "a":
        data = 11 * (length // 2) + 6 * (length % 2)
    else:
        data = 8 * length
    for version, codewords in enumerate(_QR_M_CODEWORDS, 1):
        count = _QR_COUNT_BITS[kind][0 if version < 10 else 1 if version < 27 else 2]
        if 4 + count + data <= 8 * codewords:
            return 17 + 4 * version
    raise ValueError(f"{length} characters do not fit in a QR code")


def qr_modules(data: str) -> int:
    """Side of the QR symbol in modules. The size depends only on the data's length and
    character class (numeric, alphanumeric, bytes)."""
    if data.isdigit():
        kind = "n"
    elif all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" for c in data):
        kind = "a"
    else:
        kind = "b"
    return _qr_modules(len(data.encode()), kind)


def _details(wb: Waybill) -> str:
    parts = [f"内容 {wb.contents}" if wb.contents else ""]
    if wb.weight_g:
        parts.append(f"重量 {wb.weight_g / 1000:.2f}kg")
    parts.append(f"件数 {max(1, wb.pieces)}")
    if wb.remark:
        parts.append(f"备注 {wb.remark}")
    return "  ".join(p for p in parts if p)


def _ref(wb: Waybill) -> str:
    ref = f"订单 {wb.order_id}" if wb.order_id else f"预包 {wb.label_code}" if wb.label_code else ""
    return "  ".join(x for x in (ref, f"批次 {wb.batch_id}" if wb.batch_id else "") if x)


def _check(wb: Waybill) -> None:
    who = wb.order_id or wb.label_code or wb.waybill
    missing = [
        (en, zh)
        for en, zh, ok in (
            ("sort code (三段码)", "三段码", wb.sort_code.strip()),
            ("sender name", "寄件人", wb.sender_name.strip()),
            ("sender address", "寄件地址", wb.sender_address.strip()),
        )
        if not ok
    ]
    if missing:
        raise LabelRefused(
            f"Waybill {wb.waybill} for order {who} is held: no {', '.join(m[0] for m in missing)}. "
            "Import or pull the route/sender data, then print it.",
            zh=f"订单 {who} 的面单 {wb.waybill} 暂停打印：缺少{'、'.join(m[1] for m in missing)}。"
            "请导入或同步路由/寄件人资料后再打印。",
        )


def _carrier_part(f: _Flow, wb: Waybill, W: float, y: float, with_qr: bool) -> float:
    m = MARGIN_MM
    iw = W - 2 * m
    when = (wb.printed_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
    # Header: carrier logo area (carrier name inside a frame), print time right.
    logo_w = min(34.0, iw * 0.4)
    hh = f.size(4.2, 2.8)
    f.els.append(Box(m, y, logo_w, hh + 2.4, t=0.3))
    f.text(
        m + 1.2,
        y + 1.2,
        logo_w - 2.4,
        hh,
        wb.carrier,
        bold=True,
        fixed=True,
        max_lines=1,
        field="carrier",
    )
    th = f.size(2.6, 2.2)
    f.els.append(Text(W - m - f.width(when, th), y + 0.5, th, when))
    if wb.reprint:
        rt = "补打 REPRINT"
        f.els.append(
            Text(W - m - f.width(rt, th, True), y + 0.5 + th * LINE, th, rt, bold=True, fixed=True)
        )
    y += hh + 3.4
    f.rule(m, y, iw, 0.4)
    y += 1.2
    # Destination zone: 三段码 as large as the width allows, then 集包地 / 集包码.
    sh = f.size(12.0 * W / 100, 6.0)
    while f.width(wb.sort_code, sh, True) > iw * _WIDTH_SLACK and sh > 6.0:
        sh -= 0.5
    y = f.text(m, y, iw, sh, wb.sort_code, bold=True, max_lines=1, field="sort code")
    if wb.hub or wb.hub_code:
        hb = f.size(4.0, 2.6)
        hub = "  ".join(
            x
            for x in (
                f"集包地 {wb.hub}" if wb.hub else "",
                f"集包码 {wb.hub_code}" if wb.hub_code else "",
            )
            if x
        )
        y = f.text(m, y, iw, hb, hub, field="hub")
    f.rule(m, y, iw, 0.4)
    y += 1.5
    # Code zone: the waybill barcode.
    y = _barcode(f, m, y, iw, f.size(14.0, 9.0), wb.waybill)
    f.rule(m, y, iw, 0.4)
    y += 1.2
    # Recipient zone.
    name = mask_name(wb.recipient_name) if wb.mask_name else wb.recipient_name
    rh = f.size(4.4, 3.0)
    y = f.text(
        m, y, iw, rh, f"收 {name}  {mask_phone(wb.recipient_phone)}", bold=True, field="recipient"
    )
    y = f.text(m, y, iw, f.size(3.8, 2.6), wb.recipient_address, field="recipient address")
    y += 0.4
    f.rule(m, y, iw)
    y += 1.0
    # Sender zone.
    sh2 = f.size(3.0, 2.2)
    y = f.text(
        m,
        y,
        iw,
        sh2,
        f"寄 {wb.sender_name}  {mask_phone(wb.sender_phone)}",
        fixed=True,
        field="sender",
    )
    y = f.text(m, y, iw, sh2, wb.sender_address, fixed=True, field="sender address")
    y += 0.4
    f.rule(m, y, iw)
    y += 1.0
    # Contents zone: contents, weight, pieces, remark; order/pre-pack and batch.
    ch = f.size(3.0, 2.2)
    qr_side = 0.0
    if with_qr:
        qr_side = min(22.0, iw * 0.26)
    tw = iw - qr_side - (1.5 if qr_side else 0)
    top = y
    y = f.text(m, y, tw, ch, _details(wb), field="contents")
    if _ref(wb):
        y = f.text(m, y, tw, ch, _ref(wb), field="order")
    if with_qr:
        y = max(
            y, _qr(f, W - m - qr_side, top, qr_side, f"{wb.waybill}|{wb.order_id or wb.label_code}")
        )
    return y


def _signature(f: _Flow, W: float, y: float) -> float:
    m = MARGIN_MM
    iw = W - 2 * m
    sh = f.size(2.8, 2.2)
    f.rule(m, y, iw)
    y += 1.0
    f.els.append(Text(m, y, sh, "签收人 Signature:", fixed=True))
    f.els.append(Text(m + iw * 0.55, y, sh, "时间 Time:", fixed=True))
    return y + sh * LINE + 5.0  # room to sign


def _stub(f: _Flow, wb: Waybill, W: float, y: float) -> float:
    """The recipient's stub of a two-part label: second barcode, QR and the essentials."""
    m = MARGIN_MM
    iw = W - 2 * m
    qr_side = min(22.0, iw * 0.26)
    bw = iw - qr_side - 2
    top = y
    y = _barcode(f, m, y, bw, f.size(9.0, 7.0), wb.waybill, max_dots=3)
    _qr(f, W - m - qr_side, top, qr_side, f"{wb.waybill}|{wb.order_id or wb.label_code}")
    y = max(y, top + qr_side) + 0.5
    name = mask_name(wb.recipient_name) if wb.mask_name else wb.recipient_name
    th = f.size(3.0, 2.2)
    y = f.text(
        m,
        y,
        iw,
        th,
        f"收 {name}  {mask_phone(wb.recipient_phone)}  {wb.recipient_address}",
        field="stub recipient",
    )
    y = f.text(
        m,
        y,
        iw,
        th,
        f"寄 {wb.sender_name}  {mask_phone(wb.sender_phone)}",
        fixed=True,
        field="stub sender",
    )
    y = f.text(m, y, iw, th, _details(wb), field="stub contents")
    if _ref(wb):
        y = f.text(m, y, iw, th, _ref(wb), field="stub order")
    return y


def waybill_layout(
    wb: Waybill, size: LabelSize | str = "100x180", dots_per_mm: float = 8.0
) -> Layout:
    """Lay a waybill out by GB/T 41833-2022 zones; coordinates in mm from the top-left.

    100x180 is two parts (carrier part + recipient stub below a cut line); 100x150 and 76x130 are
    one part with the QR code beside the contents. Text wraps; when the label is full every text
    shrinks together, down to floor sizes; a label that still does not fit is refused
    (LabelRefused), never cut. Nothing is drawn outside a 2 mm margin.
    """
    if isinstance(size, str):
        size = parse_size(size)
    _check(wb)
    W, H = size.width_mm, size.height_mm
    m = MARGIN_MM
    two_part = H >= 170
    split = H * 0.63 if two_part else H
    failed = ""
    for step in range(13):
        scale = 1.0 - step * 0.05
        f = _Flow(dots_per_mm, scale, split - m if two_part else H - m)
        try:
            y = _carrier_part(f, wb, W, m, with_qr=not two_part)
            sig_h = f.size(2.8, 2.2) * LINE + 6.0
            if y + 0.5 > f.bottom - sig_h:  # the signature zone needs its room too
                raise _Fit("recipient address")
            y = f.bottom - sig_h
            _signature(f, W, y)
            if two_part:
                # Cut line between the carrier part and the recipient stub.
                f.els.append(Box(0.0 + m, split, W - 2 * m, 0.25, t=0.25))
                f.bottom = H - m
                _stub(f, wb, W, split + 1.5)
        except _Fit as exc:
            failed = str(exc)
            continue
        return Layout(size=size, elements=f.els, waybill=wb.waybill)
    who = wb.order_id or wb.label_code or wb.waybill
    raise LabelRefused(
        f"Waybill {wb.waybill} (order {who}) does not fit on a {size.name} label even at the "
        f"smallest readable text ({failed or 'text'} too long); not printed, nothing was cut.",
        zh=f"订单 {who} 的面单 {wb.waybill} 在 {size.name} 面单上用最小可读字号也放不下"
        f"（{failed or '文字'}过长），未打印，不会截断。",
    )


@dataclass
class PrepackLabel:
    """An anonymous pre-pack parcel's label: no order yet, so no waybill; the packer sticks it on,
    verify scans its code, binds an order and prints the waybill."""

    label_code: str
    batch_id: str = ""
    contents: str = ""
    printed_at: datetime | None = None


def prepack_layout(
    pl: PrepackLabel, size: LabelSize | str = "100x180", dots_per_mm: float = 8.0
) -> Layout:
    """A big Code 128 of the label code, the code in text, batch and contents."""
    if isinstance(size, str):
        size = parse_size(size)
    W, H = size.width_mm, size.height_mm
    m = MARGIN_MM
    iw = W - 2 * m
    f = _Flow(dots_per_mm, 1.0, H - m)
    try:
        y = f.text(m, m, iw, f.size(5.0, 3.0), "预包标签 PRE-PACK", bold=True, fixed=True)
        f.rule(m, y, iw, 0.4)
        y = _barcode(f, m, y + 2.0, iw, min(22.0, H * 0.15), pl.label_code)
        y = f.text(m, y + 1.0, iw, f.size(3.6, 2.6), f"批次 {pl.batch_id}", field="batch")
        y = f.text(m, y, iw, f.size(3.6, 2.6), f"内容 {pl.contents}", field="contents")
        when = (pl.printed_at or datetime.now()).strftime("%Y-%m-%d %H:%M")
        f.text(m, y + 1.0, iw, f.size(2.8, 2.2), f"核对时打印面单 Waybill at verify  {when}")
    except _Fit as exc:
        raise LabelRefused(
            f"Pre-pack label {pl.label_code} does not fit on {size.name} ({exc}); not printed.",
            zh=f"预包标签 {pl.label_code} 在 {size.name} 上放不下（{exc}），未打印。",
        ) from exc
    return Layout(size=size, elements=f.els, waybill=pl.label_code)


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
