"""CJK font lookup shared by the bitmap renderer (Pillow) and the PDF encoder (reportlab).

Labels carry Chinese names and addresses; without a CJK font they would print as empty boxes, so a
missing font is a clear error rather than a silent fallback.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from devices.errors import FontNotFound
from devices.resources import resource_path

if TYPE_CHECKING:
    from PIL import ImageFont

logger = logging.getLogger(__name__)

# (path, face index inside a .ttc). TrueType outlines first: reportlab cannot embed CFF (.otf).
_SYSTEM_FONTS: list[tuple[str, int]] = [
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
]


class CJKFont:
    """A located font file and the face index to use inside it."""

    def __init__(self, path: Path, index: int = 0) -> None:
        self.path = path
        self.index = index

    @property
    def truetype(self) -> bool:
        """True when reportlab can embed it (TrueType outlines, not CFF .otf)."""
        return self.path.suffix.lower() in (".ttf", ".ttc")

    def __repr__(self) -> str:
        return f"CJKFont({str(self.path)!r}, {self.index})"


def _candidates() -> list[tuple[Path, int]]:
    out: list[tuple[Path, int]] = []
    env = os.environ.get("WAREHOUSE_CJK_FONT")
    if env:
        out.append((Path(env), 0))
    bundled = resource_path("fonts")
    if bundled.is_dir():
        for p in sorted(bundled.iterdir()):
            if p.suffix.lower() in (".ttf", ".ttc", ".otf"):
                out.append((p, 0))
    out.extend((Path(p), i) for p, i in _SYSTEM_FONTS)
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", "C:/Windows")
        out.extend(
            (Path(windir) / "Fonts" / n, 0) for n in ("msyh.ttc", "simhei.ttf", "simsun.ttc")
        )
    return out


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> CJKFont:
    """The first CJK font found: $WAREHOUSE_CJK_FONT, resources/fonts, then common system fonts."""
    for path, index in _candidates():
        if path.is_file():
            logger.debug("CJK font: %s (face %d)", path, index)
            return CJKFont(path, index)
    logger.error("no CJK font found; looked in %s", [str(p) for p, _ in _candidates()])
    raise FontNotFound(
        "No Chinese font found for labels. Install fonts-wqy-microhei (Debian/Ubuntu: "
        "apt-get install fonts-wqy-microhei), put a .ttf into resources/fonts, or set "
        "WAREHOUSE_CJK_FONT to a font file.",
        zh="找不到中文字体，面单中文无法打印。请安装 fonts-wqy-microhei（apt-get install "
        "fonts-wqy-microhei），或把 .ttf 字体放到 resources/fonts，或设置环境变量 WAREHOUSE_CJK_FONT。",
    )


@functools.lru_cache(maxsize=4)
def pil_font(size_px: int) -> ImageFont.FreeTypeFont:
    """A Pillow font of the CJK face at a pixel size.

    Few kept: every size is its own FreeType face with its own map of the font file (~1-3 MB RSS
    each for a CJK font), and a label uses a dozen or more sizes. Rendered glyphs are cached per
    size by the label encoders, so after warm-up a face is needed only for a character not seen
    yet; making one again costs about a millisecond."""
    from PIL import ImageFont

    f = find_cjk_font()
    return ImageFont.truetype(str(f.path), size_px, index=f.index)


_PDF_FONT_NAME: str | None = None


def pdf_font_name() -> str:
    """Register and return a reportlab font for CJK: the embedded TTF, else STSong-Light (CID)."""
    global _PDF_FONT_NAME
    if _PDF_FONT_NAME:
        return _PDF_FONT_NAME
    from reportlab.pdfbase import pdfmetrics

    try:
        f = find_cjk_font()
        if not f.truetype:
            raise FontNotFound("CFF font cannot be embedded", zh="CFF 字体无法嵌入")
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("StationCJK", str(f.path), subfontIndex=f.index))
        _PDF_FONT_NAME = "StationCJK"
    except Exception as exc:  # a broken font file must not stop printing: use the CID font
        logger.warning("CJK TTF not usable for PDF (%s); falling back to STSong-Light", exc)
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _PDF_FONT_NAME = "STSong-Light"
    return _PDF_FONT_NAME
