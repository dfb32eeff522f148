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
    if b"^XA" in head or head.startswith(b"~DY"):
        return "zpl"
    if head.startswith(b"DOWNLOAD "):
        return "tspl"
    if b"SIZE " in head or b"CLS" in head or b"PRINT " in data[-64:]:
        return "tspl"
    return "unknown"


class PrinterMemory:
    """What a printer keeps between jobs: downloaded fonts (ZPL `~DY`, TSPL `DOWNLOAD`)."""

    def __init__(self) -> None:
        self.zpl: dict[bytes, bytes] = {}  # name -> the whole ~DY command
        self.tspl: dict[str, bytes] = {}  # file name -> TTF bytes


_DY = re.compile(rb"~DY([A-Z]:[^,]+),B,T,(\d+),0,")


def _split_downloads(data: bytes) -> tuple[dict[bytes, bytes], bytes]:
    """(~DY commands by name, the rest of the job): binary font data must not be filtered."""
    fonts: dict[bytes, bytes] = {}
    rest: list[bytes] = []
    pos = 0
    while True:
        m = _DY.search(data, pos)
        if not m:
            rest.append(data[pos:])
            return fonts, b"".join(rest)
        end = m.end() + int(m[2])
        rest.append(data[pos : m.start()])
        fonts[m[1]] = data[m.start() : end]
        pos = end


_TSPL_DL = re.compile(rb'DOWNLOAD "([^"]+)",(\d+),')


def strip_downloads(data: bytes, lang: str) -> bytes:
    """The job without its font downloads (binary data that must not be searched as text)."""
    if lang == "zpl":
        return _split_downloads(data)[1]
    if lang != "tspl":
        return data
    out: list[bytes] = []
    pos = 0
    while True:
        m = _TSPL_DL.search(data, pos)
        if not m:
            out.append(data[pos:])
            return b"".join(out)
        out.append(data[pos : m.start()])
        pos = m.end() + int(m[2]) + 2


def zpl_png(data: bytes, dpi: int = 203, memory: PrinterMemory | None = None) -> list[bytes]:
    import zplkit

    memory = memory or PrinterMemory()
    fonts, rest = _split_downloads(data)
    memory.zpl.update(fonts)
    prior = b"".join(memory.zpl.values())
    doc = zplkit.render(prior + _ZPL_NON_DRAWING.sub(b"", rest), zplkit.Options(dpi=dpi))
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


def _qr_matrix(data: str) -> list[list[bool]]:
    import segno

    return [
        [bool(v) for v in row] for row in segno.make(data, error="m", micro=False, mask=0).matrix
    ]


def tspl_png(data: bytes, dpi: int = 203, memory: PrinterMemory | None = None) -> list[bytes]:
    """Interpret the TSPL our encoder emits, per the TSPL/TSPL2 manual: SIZE, CODEPAGE, CLS,
    DOWNLOAD (TrueType), TEXT (downloaded TTF at a point size, or TSS24.BF2's 24-dot cells times
    the multiplier), BARCODE 128, QRCODE, BITMAP, BAR, BOX, PRINT. Text is decoded with the
    CODEPAGE in force, so a wrong CODEPAGE shows as wrong text."""
    from PIL import Image, ImageDraw, ImageFont

    from devices.printers.bitmap import text_bitmap
    from devices.printers.layout import code128_modules

    memory = memory or PrinterMemory()
    d = dpi / 25.4
    pages: list[bytes] = []
    img = None
    draw = None
    w_dots, h_dots = round(100 * d), round(150 * d)
    codepage = "utf-8"
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
        if line.startswith(b"DOWNLOAD "):
            m = re.match(rb'DOWNLOAD "([^"]+)",(\d+),', data[pos : pos + 200])
            if m:
                start = pos + m.end()
                size = int(m[2])
                memory.tspl[m[1].decode()] = data[start : start + size]
                pos = start + size + 2
                continue
        pos = end + 2
        text = line.decode(codepage, errors="replace").strip()
        if not text:
            continue
        cmd, _, args = text.partition(" ")
        if cmd == "SIZE":
            mm = re.findall(r"([\d.]+)\s*mm", args)
            if len(mm) == 2:
                w_dots, h_dots = round(float(mm[0]) * d), round(float(mm[1]) * d)
        elif cmd == "CODEPAGE":
            codepage = {"936": "gbk", "950": "big5", "UTF-8": "utf-8"}.get(args.strip(), "latin-1")
        elif cmd == "CLS":
            img = Image.new("L", (w_dots, h_dots), 255)
            draw = ImageDraw.Draw(img)
        elif cmd == "TEXT" and draw is not None and img is not None:
            t = re.match(r'(\d+),(\d+),"([^"]+)",(\d+),(\d+),(\d+),"(.*)"$', args)
            if t:
                x, y, font, ymul = int(t[1]), int(t[2]), t[3], int(t[6])
                s = t[7].replace('\\["]', '"')
                if font in memory.tspl:  # TrueType: the multipliers are point sizes
                    em = round(ymul * dpi / 72)
                    f = ImageFont.truetype(io.BytesIO(memory.tspl[font]), em)
                    draw.text((x, y), s, font=f, fill=0, anchor="la")
                else:  # bitmap fonts: TSS24.BF2 and friends are 24-dot cells, "3" is 16x24
                    tb = text_bitmap(s, 24 * ymul)
                    glyphs = Image.frombytes("1", (tb.bytes_per_row * 8, tb.height), tb.data)
                    img.paste(0, (x, y), glyphs)
        elif cmd == "BARCODE" and draw is not None:
            b = re.match(r'(\d+),(\d+),"128M?",(\d+),\d+,\d+,(\d+),\d+,"(.*)"$', args)
            if b:
                x, y, h, mod, payload = int(b[1]), int(b[2]), int(b[3]), int(b[4]), b[5]
                for i, bit in enumerate(code128_modules(payload)):
                    if bit == "1":
                        draw.rectangle([x + i * mod, y, x + (i + 1) * mod - 1, y + h - 1], fill=0)
        elif cmd == "QRCODE" and draw is not None:
            q = re.match(r'(\d+),(\d+),[LMQH],(\d+),[AM],0,"(.*)"$', args)
            if q:
                x, y, cell, payload = int(q[1]), int(q[2]), int(q[3]), q[4]
                for r, row in enumerate(_qr_matrix(payload)):
                    for c, dark in enumerate(row):
                        if dark:
                            draw.rectangle(
                                [
                                    x + c * cell,
                                    y + r * cell,
                                    x + (c + 1) * cell - 1,
                                    y + (r + 1) * cell - 1,
                                ],
                                fill=0,
                            )
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


def job_png(
    data: bytes, lang: str | None = None, dpi: int = 203, memory: PrinterMemory | None = None
) -> list[bytes]:
    """One PNG per label in the job; empty when the job cannot be rendered (logged). `memory`:
    the fonts earlier jobs downloaded (a printer simulator keeps one)."""
    lang = lang or detect_lang(data)
    try:
        if lang == "zpl":
            return zpl_png(data, dpi, memory)
        if lang == "pdf":
            return pdf_png(data, dpi)
        if lang == "tspl":
            return tspl_png(data, dpi, memory)
    except Exception as exc:
        logger.warning("cannot render %s preview: %s", lang, exc)
    return []


def decode_barcodes(png: bytes) -> list[str]:
    """Decode every barcode in a PNG (needs zxing-cpp, a test/IT extra)."""
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
