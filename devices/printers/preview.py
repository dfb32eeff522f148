"""PNG previews of printer jobs (ZPL via zplkit, TSPL by a small interpreter, PDF via pdfium).

Used by the printer simulator and the settings page; also how tests prove that a label scans.
"""

from __future__ import annotations

import io
import logging
import re

logger = logging.getLogger(__name__)

# Commands real printers accept but zplkit does not render (settings, not drawing).
_ZPL_NON_DRAWING = re.compile(rb"[\^~](?:SD|PR|MM|PQ|MD|JU|JZ|HS)[^\^~\n]*\n?")


def detect_lang(data: bytes) -> str:
    head = data[:4096].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"^XA" in head:
        return "zpl"
    if b"SIZE " in head or b"CLS" in head or b"PRINT " in data[-64:]:
        return "tspl"
    return "unknown"


def zpl_png(data: bytes, dpi: int = 203) -> list[bytes]:
    import zplkit

    doc = zplkit.render(_ZPL_NON_DRAWING.sub(b"", data), zplkit.Options(dpi=dpi))
    return [scene.png() for scene in doc.labels]


def pdf_png(data: bytes, dpi: int = 203) -> list[bytes]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(doc)):
            img = doc[i].render(scale=dpi / 72).to_pil()
            buf = io.BytesIO()
            img.convert("L").save(buf, "PNG")
            out.append(buf.getvalue())
    finally:
        doc.close()
    return out


def tspl_png(data: bytes, dpi: int = 203) -> list[bytes]:
    """Interpret the TSPL subset our encoder emits: SIZE, CLS, TEXT, BARCODE 128, BITMAP, BAR,
    BOX, PRINT. Resident fonts are drawn with the CJK font at the same dot size."""
    from PIL import Image, ImageDraw

    from devices.fonts import pil_font
    from devices.printers.layout import code128_modules

    d = dpi / 25.4
    pages: list[bytes] = []
    img = None
    draw = None
    w_dots, h_dots = round(100 * d), round(150 * d)
    pos = 0
    n = len(data)
    while pos < n:
        end = data.find(b"\r\n", pos)
        end = n if end < 0 else end
        line = data[pos:end]
        if line.startswith(b"BITMAP "):
            head = line.split(b",", 5)
            x, y = int(head[0][7:]), int(head[1])
            wb, hh = int(head[2]), int(head[3])
            start = pos + len(b",".join(head[:5])) + 1
            raw = data[start : start + wb * hh]
            pos = start + wb * hh + 2
            if img is not None:
                inv = bytes(b ^ 0xFF for b in raw)
                bm = Image.frombytes("1", (wb * 8, hh), inv)
                img.paste(0, (x, y), bm)
            continue
        pos = end + 2
        text = line.decode("gbk", errors="replace").strip()
        if not text:
            continue
        cmd, _, args = text.partition(" ")
        if cmd == "SIZE":
            m = re.findall(r"([\d.]+)\s*mm", args)
            if len(m) == 2:
                w_dots, h_dots = round(float(m[0]) * d), round(float(m[1]) * d)
        elif cmd == "CLS":
            img = Image.new("L", (w_dots, h_dots), 255)
            draw = ImageDraw.Draw(img)
        elif cmd == "TEXT" and draw is not None:
            t = re.match(r'(\d+),(\d+),"([^"]+)",(\d+),(\d+),(\d+),"(.*)"$', args)
            if t:
                x, y, mul = int(t[1]), int(t[2]), int(t[5])
                draw.text((x, y), t[7].replace('\\["]', '"'), font=pil_font(24 * mul), fill=0)
        elif cmd == "BARCODE" and draw is not None:
            b = re.match(r'(\d+),(\d+),"128M?",(\d+),\d+,\d+,(\d+),\d+,"(.*)"$', args)
            if b:
                x, y, h, mod, payload = int(b[1]), int(b[2]), int(b[3]), int(b[4]), b[5]
                for i, bit in enumerate(code128_modules(payload)):
                    if bit == "1":
                        draw.rectangle([x + i * mod, y, x + (i + 1) * mod - 1, y + h - 1], fill=0)
        elif cmd == "BAR" and draw is not None:
            x, y, bw, bh = (int(v) for v in args.split(","))
            draw.rectangle([x, y, x + bw - 1, y + bh - 1], fill=0)
        elif cmd == "BOX" and draw is not None:
            x, y, x2, y2, thick = (int(v) for v in args.split(",")[:5])
            draw.rectangle([x, y, x2, y2], outline=0, width=thick)
        elif cmd == "PRINT" and img is not None:
            buf = io.BytesIO()
            img.save(buf, "PNG")
            pages.append(buf.getvalue())
    return pages


def job_png(data: bytes, lang: str | None = None, dpi: int = 203) -> list[bytes]:
    """One PNG per label in the job; empty when the job cannot be rendered (logged)."""
    lang = lang or detect_lang(data)
    try:
        if lang == "zpl":
            return zpl_png(data, dpi)
        if lang == "pdf":
            return pdf_png(data, dpi)
        if lang == "tspl":
            return tspl_png(data, dpi)
    except Exception as exc:
        logger.warning("cannot render %s preview: %s", lang, exc)
    return []


def decode_barcodes(png: bytes) -> list[str]:
    """Decode every barcode in a PNG (needs zxing-cpp, a test/IT extra)."""
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
