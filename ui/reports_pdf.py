"""PDFs the lead area writes (no Qt: runs on a background thread): the review.

The manifest is warehouse_app.manifests.write_manifest_pdf (one layout for the CLI and the lead).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def review_pdf_bytes(
    data: dict[str, Any], title: str, since: str, until: str, zone: str = "UTC"
) -> bytes:
    """Review: totals per carrier / hour / operator as tables plus a per-hour bar chart."""
    f = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _w, h = A4
    c.setFont(f, 16)
    c.drawString(15 * mm, h - 18 * mm, title)
    c.setFont(f, 10)
    c.drawString(
        15 * mm,
        h - 25 * mm,
        f"{since} — {until}   时区 Time zone: {zone}   合计 Total: {data['total']}",
    )
    hkey = "hour_utc" if data["per_hour"] and "hour_utc" in data["per_hour"][0] else "hour"
    hours = sorted({r[hkey] for r in data["per_hour"]})
    clock = {r[hkey]: r.get("clock") or r[hkey][11:16] for r in data["per_hour"]}
    carriers = sorted({r["carrier"] or "-" for r in data["per_hour"]})
    y = h - 30 * mm
    if hours:
        d = Drawing(180 * mm, 70 * mm)
        ch = VerticalBarChart()
        ch.x, ch.y, ch.width, ch.height = 10 * mm, 10 * mm, 160 * mm, 55 * mm
        series = []
        for car in carriers:
            by = {r[hkey]: r["parcels"] for r in data["per_hour"] if (r["carrier"] or "-") == car}
            series.append([by.get(hr, 0) for hr in hours])
        ch.data = series
        ch.categoryAxis.categoryNames = [clock[hr] for hr in hours]
        ch.categoryAxis.labels.fontName = f
        ch.categoryAxis.labels.fontSize = 6
        ch.valueAxis.valueMin = 0
        palette = [
            colors.HexColor(x) for x in ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828")
        ]
        for i in range(len(series)):
            ch.bars[i].fillColor = palette[i % len(palette)]
        d.add(ch)
        renderPDF.draw(d, c, 15 * mm, y - 72 * mm)
        c.setFont(f, 8)
        for i, car in enumerate(carriers):
            c.setFillColor(palette[i % len(palette)])
            c.rect(20 * mm + i * 30 * mm, y - 76 * mm, 3 * mm, 3 * mm, fill=1, stroke=0)
            c.setFillColor(colors.black)
            c.drawString(24 * mm + i * 30 * mm, y - 76 * mm, car)
        y -= 84 * mm

    def table(title_text: str, rows: list[dict[str, Any]], cols: list[str]) -> None:
        nonlocal y
        if y < 40 * mm:
            c.showPage()
            y = h - 20 * mm
        c.setFont(f, 12)
        c.drawString(15 * mm, y, title_text)
        y -= 6 * mm
        c.setFont(f, 9)
        c.drawString(15 * mm, y, "   ".join(cols))
        y -= 5 * mm
        for r in rows:
            if y < 15 * mm:
                c.showPage()
                y = h - 20 * mm
                c.setFont(f, 9)
            c.drawString(15 * mm, y, "   ".join(str(r.get(k, "")) for k in cols))
            y -= 5 * mm
        y -= 4 * mm

    table("按快递 Per carrier", data["per_carrier"], ["carrier", "parcels", "handoffs"])
    table(f"按小时 Per hour ({zone})", data["per_hour"], ["hour", "carrier", "parcels"])
    table("按操作员 Per operator", data["per_operator"], ["operator", "parcels"])
    c.showPage()
    c.save()
    return buf.getvalue()
