"""Text to 1-bit bitmaps for printers without a resident Chinese font (and for ZPL previews).

`h` is the line's cell height in dots, as for printer fonts: ascenders, descenders and CJK strokes
all fit inside it (the font's em is chosen so that ascent + descent <= h), so no glyph loses rows.
Only glyphs are cached (bounded, counted): recipient lines are unique per label and caching whole
lines only grew memory.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from devices.fonts import pil_font
from devices.printers.cache import CountingCache, CountingDict, track_lru

if TYPE_CHECKING:
    from PIL import Image


@dataclass(frozen=True)
class Bitmap:
    width: int  # dots
    height: int
    data: bytes  # rows of ceil(width/8) bytes, MSB first, 1 = black dot

    @property
    def bytes_per_row(self) -> int:
        return (self.width + 7) // 8


def is_ascii(text: str) -> bool:
    return all(32 <= ord(c) < 127 for c in text)


def _stroke(h: int, bold: bool) -> int:
    return 1 if bold and h >= 20 else 0


@functools.lru_cache(maxsize=256)
def em_for_cell(h: int, bold: bool = False) -> int:
    """The largest font em (pixels) whose ascent + descent (+ bold stroke) fits in `h` dots."""
    s = _stroke(h, bold)
    em = max(6, h)
    while em > 6:
        asc, desc = pil_font(em).getmetrics()
        if asc + desc + 2 * s <= h:
            break
        em -= 1
    return em


# A few thousand ints per batch; emptied (not grown) past the limit.
_ADVANCES: CountingDict[int] = CountingDict("advance", 65536)


def _measure(ch: str, h: int, bold: bool) -> int:
    return max(1, round(pil_font(em_for_cell(h, bold)).getlength(ch)))


def advance(ch: str, h: int, bold: bool = False) -> int:
    """Advance width in dots of one character in a cell `h` dots tall (measured without
    rendering: layouts measure every character of every candidate line)."""
    a = _ADVANCES.data.get((ch, h, bold))  # the hit path inline: it runs ~10^5 times a label
    if a is None:
        return _ADVANCES.get((ch, h, bold), _measure, ch, h, bold)
    _ADVANCES.hits += 1
    return a


track_lru("em-for-cell", em_for_cell)
track_lru("font-face", pil_font)


def text_width(text: str, h: int, bold: bool = False) -> int:
    return sum(advance(ch, h, bold) for ch in text) + 2 * _stroke(h, bold)


_GLYPHS: CountingCache[tuple[Image.Image, int]] = CountingCache("glyph", 8192)


def _render_glyph(ch: str, h: int, bold: bool) -> tuple[Image.Image, int]:
    from PIL import Image, ImageDraw

    font = pil_font(em_for_cell(h, bold))
    s = _stroke(h, bold)
    adv = advance(ch, h, bold)
    img = Image.new("1", (adv + 2 * s, h), 0)
    asc, desc = font.getmetrics()
    top = max(0, (h - asc - desc - 2 * s) // 2)  # centre the line box inside the cell
    ImageDraw.Draw(img).text((s, top + s), ch, font=font, fill=1, stroke_width=s, stroke_fill=1)
    return img, adv


def _glyph(ch: str, h: int, bold: bool) -> tuple[Image.Image, int]:
    """One character rendered once and reused: recipients differ per label, their characters
    mostly do not, so FreeType runs a few thousand times per batch instead of per label."""
    return _GLYPHS.get((ch, h, bold), _render_glyph, ch, h, bold)


def text_bitmap(text: str, height_dots: int, bold: bool = False) -> Bitmap:
    """Render one line of text into a 1-bit bitmap exactly `height_dots` tall (not cached)."""
    from PIL import Image

    glyphs = [_glyph(ch, height_dots, bold) for ch in text]
    s = _stroke(height_dots, bold)
    w = max(1, sum(a for _, a in glyphs) + 2 * s)
    h = max(1, height_dots)
    img = Image.new("1", (w, h), 0)
    x = 0
    for g, adv in glyphs:
        img.paste(1, (x, 0), g)  # OR the glyph in: overlapping strokes stay black
        x += adv
    return Bitmap(w, h, img.tobytes())
