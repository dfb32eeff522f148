"""Chinese text as a downloaded font: glyphs go to the printer once, labels then send only text.

A waybill's CJK text as bitmaps costs 10-35 KB per label (35 s at 9600 baud). Instead each label
downloads a small TrueType font holding only the characters the printer has not seen yet (ZPL
`~DY`, TSPL `DOWNLOAD`), and draws its text with the fonts already in printer memory. After the
first few labels of a batch almost every character is known, so a label costs its UTF-8 text.

The fonts are built from the station's CJK font (same outlines as previews and PDFs) by ttf.py:
glyphs read from the file on demand (composites resolved to simple glyphs), a small TrueType font
written with struct. `FontMemory` is what this process believes the printer holds; it is reset
whenever a job may not have arrived (transport error, fault), so the next label downloads what it
needs again.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from dataclasses import dataclass, field

from devices.errors import DeviceError
from devices.fonts import find_cjk_font
from devices.printers.cache import CountingDict
from devices.printers.ttf import SourceFont, build

logger = logging.getLogger(__name__)

_LOCK = threading.Lock()
_SRC: list[SourceFont] = []


def _source() -> SourceFont:
    """The station's CJK font, opened once; only its character map is held in memory."""
    with _LOCK:
        if not _SRC:
            f = find_cjk_font()
            _SRC.append(SourceFont(f.path, f.index))
        return _SRC[0]


def font_metrics() -> tuple[int, int, int]:
    """(units per em, ascent, descent as a positive number) of the downloaded fonts."""
    s = _source()
    return s.upem, s.ascent, -s.descent


def _advance(ch: str) -> int:
    s = _source()
    gi = s.glyph_id(ord(ch))
    return s.advance(gi) if gi else s.upem // 2


# One entry per character ever printed (a CJK font has ~30,000): bounded by the font itself.
_ADV: CountingDict[int] = CountingDict("font-advance", 65536)
_HAS: CountingDict[bool] = CountingDict("font-has-glyph", 65536)


def advance_units(ch: str) -> int:
    """Advance width of a character in font units (missing characters: the .notdef width)."""
    return _ADV.get(ch, _advance, ch)


def _has(ch: str) -> bool:
    return bool(_source().glyph_id(ord(ch)))


def has_glyph(ch: str) -> bool:
    return _HAS.get(ch, _has, ch)


def build_font(chars: str, family: str) -> bytes:
    """A minimal TrueType font with exactly these characters (simple glyphs, no hinting).
    Characters the source font lacks are left out."""
    s = _source()
    glyphs = []
    # Not cached: a printer is sent each character once per session (FontMemory); a cache would
    # only grow with every new name.
    for ch in sorted(set(chars)):
        gi = s.glyph_id(ord(ch))
        if gi:
            glyphs.append((ord(ch), s.advance(gi), s.outline(gi)))
    return build(glyphs, family, s.upem, s.ascent, s.descent, s.typo_ascent)


# Sent with the first font of a session: characters nearly every waybill uses (labels, digits,
# Latin, and the most common words of Chinese addresses and names). Later labels then find most
# of their text in one font, so lines split into few runs (every run costs 20-40 bytes).
COMMON = (
    "".join(chr(c) for c in range(32, 127))
    + "（），。、：；－—·×*＃"
    + "收寄件人电话地址内容重量件数备注订单批次预包签时间集包码地补打快递"
    + "省市区县镇乡村街道路号楼栋单元室层小区花园大厦广场公寓宿舍院门口附近中心"
    + "东南西北中新老大小一二三四五六七八九十百里巷弄胡同社开发高科技产业园商务"
    + "北京天津上海重庆河山西辽宁吉林黑龙江苏浙安徽福建湖广海四川贵州云陕甘肃青"
    + "内蒙古藏夏疆自治杭深圳成都武汉长沙郑济青岛厦门宁波无锡佛莞温"
    + "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
    + "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫辉波建国琳"
)


_EPOCH = itertools.count(int.from_bytes(os.urandom(2), "big"))


def _b36(n: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


@dataclass
class FontMemory:
    """The downloaded fonts this process believes one printer holds."""

    epoch: int = field(default_factory=lambda: next(_EPOCH) % 0x10000)
    fonts: list[str] = field(default_factory=list)  # font names, generation order
    where: dict[str, int] = field(default_factory=dict)  # char -> generation index
    downloaded_bytes: int = 0

    def name(self, gen: int) -> str:
        # Short 8.3 names (printers' file systems are old; TSPL repeats the name in every TEXT):
        # W + two base-36 digits of this session's epoch + the generation in base 36.
        return f"W{_b36(self.epoch % 1296).rjust(2, '0')}{_b36(gen)}"

    def reset(self) -> None:
        """Forget everything (the printer may have lost or never got a font)."""
        if self.fonts:
            logger.info("printer font memory reset (%d fonts forgotten)", len(self.fonts))
        self.epoch = next(_EPOCH) % 0x10000
        self.fonts.clear()
        self.where.clear()

    def need(self, text: str) -> tuple[str, bytes] | None:
        """Register the characters of `text`; returns (font name, TTF bytes) to download first
        when some are new, else None. Characters the source font lacks are refused."""
        new = sorted({ch for ch in text if ch not in self.where})
        if not new:
            return None
        if not self.fonts:  # the session's first font also carries the common characters
            new = sorted(set(new) | {ch for ch in COMMON if has_glyph(ch)})
        missing = [ch for ch in new if not has_glyph(ch)]
        if missing:
            raise DeviceError(
                f"The label font has no glyph for {''.join(missing)!r}; the label is refused.",
                zh=f"面单字体缺少字符 {''.join(missing)!r}，拒绝打印该面单。",
            )
        gen = len(self.fonts)
        name = self.name(gen)
        data = build_font("".join(new), name)
        self.fonts.append(name)
        for ch in new:
            self.where[ch] = gen
        self.downloaded_bytes += len(data)
        logger.debug("font %s: %d new glyphs, %d bytes", name, len(new), len(data))
        return name, data

    def runs(self, text: str) -> list[tuple[int, str]]:
        """Split text (registered with `need` first) into runs drawn with one font each."""
        out: list[tuple[int, str]] = []
        for ch in text:
            g = self.where[ch]
            if out and g == out[-1][0]:
                out[-1] = (g, out[-1][1] + ch)
            else:
                out.append((g, ch))
        return out


def placed_runs(mem: FontMemory, text: str, em: float, x0: int) -> list[tuple[int, str, int]]:
    """(generation, run text, x in dots) for each run of `text` drawn at em size `em` dots."""
    upem = font_metrics()[0]
    out = []
    x = float(x0)
    for gen, run in mem.runs(text):
        out.append((gen, run, round(x)))
        x += sum(advance_units(ch) for ch in run) * em / upem
    return out


def baseline_offset(cell: int, em: float) -> int:
    """Dots from a cell's top to the baseline: the line box (ascent + descent) centred in it."""
    upem, asc, desc = font_metrics()
    top = max(0, (cell - round((asc + desc) * em / upem)) // 2)
    return top + round(asc * em / upem)
