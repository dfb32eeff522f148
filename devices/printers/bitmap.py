"""Text to 1-bit bitmaps for printers without a resident Chinese font (and for ZPL previews).

Rendering is cached per (text, size): a batch repeats the sender, contents and batch lines on every
label, so only the recipient lines cost a render.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from devices.fonts import pil_font

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


@functools.lru_cache(maxsize=8192)
def _glyph(ch: str, height_dots: int, bold: bool) -> tuple[Image.Image, int]:
    """One character rendered once and reused: recipients differ per label, their characters
    mostly do not, so FreeType runs a few thousand times per batch instead of per label."""
    from PIL import Image, ImageDraw

    font = pil_font(max(6, height_dots))
    stroke = 1 if bold and height_dots >= 20 else 0
    adv = max(1, round(font.getlength(ch)))
    img = Image.new("1", (adv + 2 * stroke, height_dots + 2 * stroke), 0)
    ImageDraw.Draw(img).text((0, 0), ch, font=font, fill=1, stroke_width=stroke, stroke_fill=1)
    return img, adv


@functools.lru_cache(maxsize=4096)
def text_bitmap(text: str, height_dots: int, bold: bool = False) -> Bitmap:
    """Render one line of text `height_dots` tall (font em) into a 1-bit bitmap."""
    from PIL import Image

    glyphs = [_glyph(ch, height_dots, bold) for ch in text]
    stroke = 1 if bold and height_dots >= 20 else 0
    w = max(1, sum(a for _, a in glyphs) + 2 * stroke)
    h = max(1, height_dots + 2 * stroke)
    img = Image.new("1", (w, h), 0)
    x = 0
    for g, adv in glyphs:
        img.paste(1, (x, 0), g)  # OR the glyph in: overlapping strokes stay black
        x += adv
    return Bitmap(w, h, img.tobytes())
