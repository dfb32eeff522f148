"""The small TrueType fonts downloaded to printers (devices/printers/ttf.py, written without
fontTools): fontTools, used here only, parses them back whole, with valid checksums, and every
glyph's outline, advance and character map entry equal the station's CJK font's."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap

import pytest

from devices.errors import DeviceError
from devices.fonts import find_cjk_font
from devices.printers import fontdl
from devices.printers.ttf import SourceFont

TTLib = pytest.importorskip("fontTools.ttLib")


@pytest.fixture(scope="module")
def source():  # type: ignore[no-untyped-def]
    f = find_cjk_font()
    if f.path.suffix.lower() not in (".ttf", ".ttc"):
        pytest.skip("the CJK font here has no TrueType outlines")
    return TTLib.TTFont(str(f.path), fontNumber=f.index, lazy=True)


def _expected(src, name: str) -> tuple[list[tuple[int, int, bool]], list[int], int]:  # type: ignore[no-untyped-def]
    """fontTools' view of a source glyph: points (composites resolved, rounded as otRound),
    contour ends and the advance (a USE_MY_METRICS component's, as FreeType takes it)."""
    from fontTools.misc.roundTools import otRound

    glyf, hmtx = src["glyf"], src["hmtx"]
    g = glyf[name]
    coords, ends, flags = g.getCoordinates(glyf)
    adv = hmtx[name][0]
    for c in getattr(g, "components", []) if g.isComposite() else []:
        if c.flags & 0x200:
            adv = hmtx[c.glyphName][0]
    pts = [(otRound(x), otRound(y), bool(f & 1)) for (x, y), f in zip(coords, flags, strict=True)]
    return pts, list(ends), adv


def _sample(src, n: int) -> str:  # type: ignore[no-untyped-def]
    """COMMON, n random mapped characters, and every kind of glyph: composites with a scale or
    2x2 transform, with USE_MY_METRICS, empty glyphs (space)."""
    cmap = src.getBestCmap()
    glyf = src["glyf"]
    rng = random.Random(17)
    chars = set(fontdl.COMMON) | {chr(c) for c in rng.sample(sorted(cmap), n)}
    kinds = {"transform": 0, "metrics": 0, "simple": 0}
    for cp in rng.sample(sorted(cmap), 20000):
        g = glyf[cmap[cp]]
        if g.isComposite():
            if any(hasattr(c, "transform") for c in g.components) and kinds["transform"] < 40:
                kinds["transform"] += 1
                chars.add(chr(cp))
            if any(c.flags & 0x200 for c in g.components) and kinds["metrics"] < 40:
                kinds["metrics"] += 1
                chars.add(chr(cp))
    assert kinds["transform"] and kinds["metrics"], kinds
    return "".join(sorted(c for c in chars if ord(c) in cmap))


def test_built_font_parses_back_with_the_source_outlines(source) -> None:  # type: ignore[no-untyped-def]
    chars = _sample(source, 800)
    data = fontdl.build_font(chars, "W0A0")
    font = TTLib.TTFont(io.BytesIO(data), checkChecksums=2)  # a bad table checksum raises
    font.ensureDecompiled()  # every table decompiles
    from fontTools.ttLib.sfnt import calcChecksum

    assert calcChecksum(data) == 0xB1B0AFBA  # head.checkSumAdjustment is right
    assert font["head"].unitsPerEm == source["head"].unitsPerEm
    assert (font["hhea"].ascent, font["hhea"].descent) == (
        source["hhea"].ascent,
        source["hhea"].descent,
    )
    assert font["OS/2"].sTypoAscender == source["OS/2"].sTypoAscender
    assert font["maxp"].numGlyphs == len(chars) + 1 and font.getGlyphOrder()[0] == ".notdef"
    assert font["name"].getDebugName(1) == "W0A0"
    cmap, src_cmap = font.getBestCmap(), source.getBestCmap()
    assert sorted(cmap) == sorted(ord(c) for c in chars)
    glyf, hmtx = font["glyf"], font["hmtx"]
    for ch in chars:
        name = cmap[ord(ch)]
        g = glyf[name]
        assert not g.isComposite()
        coords, ends, flags = g.getCoordinates(glyf)
        got = [(x, y, bool(f & 1)) for (x, y), f in zip(coords, flags, strict=True)]
        pts, src_ends, adv = _expected(source, src_cmap[ord(ch)])
        assert (got, list(ends)) == (pts, src_ends), ch
        assert hmtx[name][0] == adv, ch
        if g.numberOfContours:
            # the printer keeps the outline's origin: left side bearing == xMin, bbox right
            assert hmtx[name][1] == g.xMin, ch
            assert (g.xMin, g.yMin, g.xMax, g.yMax) == (
                min(p[0] for p in pts),
                min(p[1] for p in pts),
                max(p[0] for p in pts),
                max(p[1] for p in pts),
            )
    assert font["maxp"].maxPoints == max(
        len(glyf[n].getCoordinates(glyf)[0]) for n in cmap.values()
    )


def test_source_reader_agrees_with_fonttools(source) -> None:  # type: ignore[no-untyped-def]
    f = find_cjk_font()
    src = SourceFont(f.path, f.index)
    try:
        cmap = source.getBestCmap()
        for cp in random.Random(5).sample(sorted(cmap), 3000) + [0x20, 0x41, 0x5F20]:
            gid = source.getGlyphID(cmap[cp])
            assert src.glyph_id(cp) == gid
            pts, ends, adv = _expected(source, cmap[cp])
            o = src.outline(gid)
            assert (list(o.points), list(o.ends), src.advance(gid)) == (pts, ends, adv)
        for cp in (0xE000, 0x10FFFF, 0x1F600, 0xFFFF):
            assert src.glyph_id(cp) == (source.getGlyphID(cmap[cp]) if cp in cmap else 0)
        assert src.upem == source["head"].unitsPerEm
    finally:
        src.close()


def test_same_characters_same_bytes_and_few_bytes() -> None:
    a = fontdl.build_font("张三丰路", "W0A1")
    assert a == fontdl.build_font("路丰三张", "W0A1")  # no timestamps: reproducible
    assert len(a) < 1500  # four CJK glyphs; no glyph names (post format 3)


def test_font_without_truetype_outlines_is_refused(tmp_path) -> None:
    bad = tmp_path / "x.otf"
    bad.write_bytes(b"OTTO" + b"\0\x01" + b"\0" * 6 + b"CFF " + b"\0" * 12)
    with pytest.raises(DeviceError, match="TrueType"):
        SourceFont(bad)
    broken = tmp_path / "y.ttf"
    broken.write_bytes(b"\0\x01\0\0\0\x09" + b"\0" * 10)
    with pytest.raises(DeviceError):
        SourceFont(broken)


def test_label_path_imports_no_font_or_barcode_packages() -> None:
    """The headless station's label encoding stays light: no fontTools, FreeType bindings or
    python-barcode in the process (their imports alone were ~8 MB of its resident memory)."""
    code = textwrap.dedent(
        """
        import sys
        from devices.printers.layout import sample_waybill
        from devices.printers.printer import Printer
        for lang in ("zpl", "tspl"):
            assert Printer(f"tcp://p:9100?lang={lang}").encode(sample_waybill("SF1"))
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("fontTools", "freetype", "barcode")))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
