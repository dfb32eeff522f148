"""Layout -> PDF (office printers, preview, archive). CJK text in an embedded TTF subset (or the
STSong-Light CID font); Code 128 drawn as vector bars from python-barcode's module pattern, so the
barcode stays sharp at any printer resolution."""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from devices.fonts import pdf_font_name
from devices.printers.fontdl import font_metrics
from devices.printers.layout import QR, Barcode128, Box, Layout, Text, code128_modules
from devices.printers.settings import PrinterSettings


def draw_code128(
    c: canvas.Canvas,
    x_mm: float,
    top_mm: float,
    page_h_mm: float,
    h_mm: float,
    data: str,
    module_mm: float,
) -> None:
    """Vector Code 128 bars at (x, top) in label mm coordinates (origin top-left)."""
    pattern = code128_modules(data)
    y = (page_h_mm - top_mm - h_mm) * mm
    i = 0
    n = len(pattern)
    while i < n:
        if pattern[i] == "1":
            j = i
            while j < n and pattern[j] == "1":
                j += 1
            c.rect(
                (x_mm + i * module_mm) * mm,
                y,
                (j - i) * module_mm * mm,
                h_mm * mm,
                stroke=0,
                fill=1,
            )
            i = j
        else:
            i += 1


def draw_layout(c: canvas.Canvas, layout: Layout, st: PrinterSettings | None = None) -> None:
    """Draw one label on the current page (page size = label size)."""
    font = pdf_font_name()
    H = layout.size.height_mm
    ox = st.offset_x_mm if st else 0.0
    oy = st.offset_y_mm if st else 0.0
    for el in layout.elements:
        if isinstance(el, Text):
            # el.h is the cell (ascent + descent), as on the thermal printers.
            upem, asc, desc = font_metrics()
            size_pt = el.h * upem / (asc + desc) * mm
            c.setFont(font, size_pt)
            base = (H - (el.y + oy) - el.h * asc / (asc + desc)) * mm
            if el.bold:  # fake bold: fill + stroke the glyph outlines
                c.saveState()
                c.setLineWidth(size_pt * 0.04)
                t = c.beginText((el.x + ox) * mm, base)
                t.setFont(font, size_pt)
                t.setTextRenderMode(2)
                t.textOut(el.text)
                t.setTextRenderMode(0)
                c.drawText(t)
                c.restoreState()
            else:
                c.drawString((el.x + ox) * mm, base, el.text)
        elif isinstance(el, Barcode128):
            draw_code128(c, el.x + ox, el.y + oy, H, el.h, el.data, el.module)
        elif isinstance(el, QR):
            import segno

            # mask 0: any mask decodes, and evaluating all eight costs ~30 ms a label.
            matrix = segno.make(el.data, error="m", micro=False, mask=0).matrix
            p = c.beginPath()
            for r, row in enumerate(matrix):
                col = 0
                while col < len(row):  # one rectangle per run of dark modules
                    if not row[col]:
                        col += 1
                        continue
                    end = col
                    while end < len(row) and row[end]:
                        end += 1
                    p.rect(
                        (el.x + ox + col * el.module) * mm,
                        (H - (el.y + oy) - (r + 1) * el.module) * mm,
                        (end - col) * el.module * mm,
                        el.module * mm,
                    )
                    col = end
            c.drawPath(p, stroke=0, fill=1)
        elif isinstance(el, Box):
            c.setLineWidth(el.t * mm)
            if el.t >= min(el.w, el.h):
                c.rect(
                    (el.x + ox) * mm,
                    (H - el.y - oy - el.h) * mm,
                    el.w * mm,
                    el.h * mm,
                    stroke=0,
                    fill=1,
                )
            else:
                half = el.t / 2
                c.rect(
                    (el.x + ox + half) * mm,
                    (H - el.y - oy - el.h + half) * mm,
                    (el.w - el.t) * mm,
                    (el.h - el.t) * mm,
                    stroke=1,
                    fill=0,
                )


def encode_pdf(layouts: Layout | Iterable[Layout], st: PrinterSettings | None = None) -> bytes:
    """One page per label; `invariant` keeps bytes stable for the same input (tests, dedup)."""
    items = [layouts] if isinstance(layouts, Layout) else list(layouts)
    buf = io.BytesIO()
    first = items[0]
    c = canvas.Canvas(
        buf,
        pagesize=(first.size.width_mm * mm, first.size.height_mm * mm),
        invariant=1,
        pageCompression=1,
    )
    c.setTitle("waybill " + ",".join(x.waybill for x in items))
    c.setSubject(",".join(x.waybill for x in items))
    c.setCreator("warehouse-station")
    for lay in items:
        c.setPageSize((lay.size.width_mm * mm, lay.size.height_mm * mm))
        draw_layout(c, lay, st)
        c.showPage()
    c.save()
    return buf.getvalue()
