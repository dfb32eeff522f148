"""Independent read-back of waybills: every field of a long-address, long-name label is present
and readable at each size and dpi, read by engines that are not ours: zplkit renders the ZPL,
pdfium the PDF, our small TSPL interpreter (per the TSC manual) the TSPL; zxing-cpp decodes the
barcodes and tesseract (chi_sim, Debian's tesseract-ocr) reads the text back."""

from __future__ import annotations

import difflib
import io
import shutil
import subprocess

import pytest
from PIL import Image, ImageOps

from devices.printers.layout import SIZES, Text, waybill_layout
from devices.printers.preview import decode_barcodes, job_png
from devices.printers.printer import Printer
from tests.devices.test_dev_waybill_layout import long_waybill

HAVE_OCR = bool(shutil.which("tesseract"))


def _ocr(img: Image.Image, lang: str = "chi_sim", psm: int = 6, *extra: str) -> str:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    r = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm), *extra],
        input=buf.getvalue(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return "".join(r.stdout.decode().split())


def _present(field: str, text: str, at_least: float = 0.75) -> bool:
    """Fuzzy: OCR confuses a few similar glyphs; a missing or cut field scores far lower."""
    field = "".join(field.split())
    n = len(field)
    best = max(
        (difflib.SequenceMatcher(None, field, text[i : i + n]).ratio() for i in range(len(text))),
        default=0.0,
    )
    return best >= at_least


@pytest.mark.skipif(not HAVE_OCR, reason="tesseract-ocr-chi-sim is installed by setup.sh test")
@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zpl", "tspl", "pdf"])
def test_every_field_reads_back(lang: str, size: str, dpi: int, tmp_path) -> None:
    wb = long_waybill()
    data = Printer(f"file://{tmp_path}?lang={lang}&size={size}&dpi={dpi}").encode(wb)
    pngs = job_png(data, lang, dpi)
    assert len(pngs) == 1
    codes = decode_barcodes(pngs[0])
    assert wb.waybill in codes and f"{wb.waybill}|{wb.order_id}" in codes
    img = Image.open(io.BytesIO(pngs[0])).convert("L")
    d = {203: 8, 300: 12}[dpi]
    lay = waybill_layout(wb, size, d)
    # Barcodes are read above; white them out so OCR does not read their bars as glyphs.
    from PIL import ImageDraw

    from devices.printers.layout import QR, Barcode128

    draw = ImageDraw.Draw(img)
    for e in lay.elements:
        if isinstance(e, (QR, Barcode128)):
            h = 40 * e.module if isinstance(e, QR) else e.h
            draw.rectangle([e.x * d - 4, e.y * d - 12, img.width, (e.y + h) * d + 1], fill=255)
    scale = 2 if dpi < 300 else 1  # tesseract wants ~30 px characters
    big = img.resize((img.width * scale, img.height * scale), Image.LANCZOS)
    text = _ocr(big)
    fields = {
        "name": "收" + wb.recipient_name,
        "address start": wb.recipient_address[:24],
        "address end": wb.recipient_address[24:],
        "sender": wb.sender_name,
        "sender address": wb.sender_address,
        "contents": "保湿面霜50ml",
        "weight": "1.25kg",
        "remark": "备注" + wb.remark,
        "order": wb.order_id,
        "batch": wb.batch_id,
        "hub": wb.hub,
        "waybill": wb.waybill,
    }
    missing = [k for k, v in fields.items() if not _present(v, text)]
    assert not missing, (missing, [text[i : i + 40] for i in range(0, len(text), 40)])
    assert "5678" in text and "138" in text
    # The 三段码 is big: read on its own, scaled to ~48 px per line.
    sort = next(e for e in lay.elements if isinstance(e, Text) and e.text == wb.sort_code)
    box = (
        int(sort.x * d) - 4,
        int(sort.y * d) - 2,
        img.width - 2 * d,
        int((sort.y + sort.h) * d) + 2,
    )
    crop = img.crop(box)
    k = 48 / crop.height
    crop = crop.resize((int(crop.width * k), 48), Image.LANCZOS)
    alnum = "-c", "tessedit_char_whitelist=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"
    assert _ocr(crop, "eng", 7, *alnum) == wb.sort_code


def _ink_height(png: bytes) -> int:
    im = ImageOps.invert(Image.open(io.BytesIO(png)).convert("L"))
    bbox = im.point(lambda v: 255 if v > 128 else 0).getbbox()
    assert bbox
    return bbox[3] - bbox[1]


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("cell_mm", [2.4, 3.0, 4.4, 8.0])
def test_zpl_and_tspl_text_size_matches_the_layout(cell_mm: float, dpi: int) -> None:
    """The same line, laid out at one cell height, prints within 10% of the laid-out glyph size
    in ZPL (zplkit) and TSPL (interpreter), measured against our own bitmap of that cell."""
    from devices.printers.bitmap import text_bitmap
    from devices.printers.layout import LabelSize, Layout
    from devices.printers.settings import PrinterSettings
    from devices.printers.tspl import encode_tspl
    from devices.printers.zpl import encode_zpl

    line = "收件地址中国国国"
    lay = Layout(LabelSize(100, 30), [Text(5, 5, cell_mm, line)])
    d = {203: 8, 300: 12}[dpi]
    bm = text_bitmap(line, round(cell_mm * d))
    ref = Image.frombytes("1", (bm.bytes_per_row * 8, bm.height), bm.data).convert("L")
    buf = io.BytesIO()
    ImageOps.invert(ref).save(buf, "PNG")
    want = _ink_height(buf.getvalue())
    for enc in (encode_zpl, encode_tspl):
        lang = "zpl" if enc is encode_zpl else "tspl"
        png = job_png(enc(lay, PrinterSettings(lang=lang, dpi=dpi)), lang, dpi)[0]
        got = _ink_height(png)
        assert abs(got - want) <= max(1, 0.1 * want), (lang, got, want)


def test_bitmap_glyphs_are_whole() -> None:
    """Descenders and CJK strokes stay inside the cell: nothing is cut at the bottom row."""
    from devices.fonts import pil_font
    from devices.printers.bitmap import em_for_cell, text_bitmap

    for h in (20, 24, 37, 48):
        for text in ("gjpqy", "中国龍"):
            bm = text_bitmap(text, h)
            img = Image.frombytes("1", (bm.bytes_per_row * 8, bm.height), bm.data)
            # The same text drawn freely, with room to spare: same ink height.
            font = pil_font(em_for_cell(h))
            free = Image.new("1", (bm.width + 20, h * 3), 0)
            from PIL import ImageDraw

            ImageDraw.Draw(free).text((0, h), text, font=font, fill=1)
            fb, ib = free.getbbox(), img.getbbox()
            assert fb and ib and abs((fb[3] - fb[1]) - (ib[3] - ib[1])) <= 1, (
                h,
                text,
            )  # no rows lost
