"""The handoff manifest (交接单) as an A4 PDF: what the courier signs for.

Header (station, carrier, courier, vehicle, opened/closed), one row per parcel with its waybill as
a scannable Code 128 (so the courier's depot can check parcels against the paper), totals, and
signature lines for the courier and the shift lead. Chinese text via the station CJK font.
What it says (times in the station zone, carrier names) is the core's: warehouse_app.manifests.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from devices.fonts import pdf_font_name
from devices.printers.layout import code128_modules
from devices.printers.pdf import draw_code128

PAGE_W, PAGE_H = A4[0] / mm, A4[1] / mm  # 210 x 297 mm
MARGIN = 15.0
ROW_H = 12.0
COLS = [
    ("#", 10),
    ("面单号 Waybill", 72),
    ("订单号 Order", 45),
    ("三段码 Sort", 30),
    ("目的地 To", 23),
]


def _shown(text: Any) -> str:
    """A header value as the core worded it (local times with their offset); '—' when empty."""
    return str(text) if text else "—"


def render_manifest(m: dict[str, Any]) -> bytes:
    """PDF bytes from a manifest dict, worded by the core (`warehouse_app.manifests.
    manifest_document`: local times, carrier label); nothing here reads the database."""
    import io

    handoff_id = str(m["handoff_id"])
    font = pdf_font_name()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"交接单 Manifest {handoff_id}")
    c.setSubject(",".join(p.get("waybill") or "" for p in m["parcels"]))
    c.setCreator("warehouse-station")
    parcels = m["parcels"]
    first_rows = int((PAGE_H - 2 * MARGIN - 75) // ROW_H)
    other_rows = int((PAGE_H - 2 * MARGIN - 25) // ROW_H)
    pages: list[list[dict[str, Any]]] = [parcels[:first_rows]]
    rest = parcels[first_rows:]
    while rest:
        pages.append(rest[:other_rows])
        rest = rest[other_rows:]
    footer_h = 55.0
    last_used = (75 if len(pages) == 1 else 25) + ROW_H * (len(pages[-1]) + 1)
    if PAGE_H - 2 * MARGIN - last_used < footer_h:
        pages.append([])
    total_pages = len(pages)

    def Y(top_mm: float) -> float:  # top-left mm -> reportlab points
        return float((PAGE_H - top_mm) * mm)

    def text(x: float, top: float, size: float, s: str) -> None:
        c.setFont(font, size)
        c.drawString(x * mm, Y(top + size * 0.3528 * 0.85), s)

    n = 0
    for pi, rows in enumerate(pages):
        y = MARGIN
        if pi == 0:
            text(MARGIN, y, 20, "交接单  Handoff manifest")
            bc_w = len(code128_modules(handoff_id)) * 0.25
            draw_code128(c, PAGE_W - MARGIN - bc_w, y, PAGE_H, 9, handoff_id, 0.25)
            text(PAGE_W - MARGIN - bc_w, y + 10, 8, handoff_id)
            y += 16
            status = "已关闭 closed" if m.get("status") == "closed" else "未关闭 open"
            info = [
                ("站点 Station", m.get("station_id") or "—"),
                ("快递 Carrier", m.get("carrier_label") or m["carrier"]),
                ("快递员 Courier", m.get("courier_name") or "—"),
                ("车辆 Vehicle", m.get("vehicle") or "—"),
                ("开始 Opened", _shown(m.get("opened_at"))),
                ("结束 Closed", _shown(m.get("closed_at"))),
                ("状态 Status", status),
                ("件数 Parcels", str(m.get("count", len(parcels)))),
            ]
            for i, (k, v) in enumerate(info):
                col, row = i % 2, i // 2
                x = MARGIN + col * 90
                text(x, y + row * 8, 10, f"{k}：")
                text(x + 30, y + row * 8, 10, str(v))
            y += 4 * 8 + 6
        else:
            text(MARGIN, y, 11, f"交接单 Handoff manifest {handoff_id}（续 continued）")
            y += 10
        # table header
        x = MARGIN
        c.setLineWidth(0.6)
        for title, w in COLS:
            text(x + 1, y + 2, 9, title)
            x += w
        y += 7
        c.line(MARGIN * mm, Y(y), (PAGE_W - MARGIN) * mm, Y(y))
        for p in rows:
            n += 1
            x = MARGIN
            text(x + 1, y + 3, 9, str(n))
            x += COLS[0][1]
            wb = p["waybill"] or "—"
            if p["waybill"]:
                draw_code128(c, x + 1, y + 1.2, PAGE_H, 6.5, wb, 0.25)
            text(x + 1, y + 8.2, 7.5, wb)
            x += COLS[1][1]
            text(x + 1, y + 3, 9, p.get("order_id") or "—")
            x += COLS[2][1]
            text(x + 1, y + 3, 10, p.get("sort_code") or "—")
            x += COLS[3][1]
            text(
                x + 1, y + 3, 9, "".join(v for v in (p.get("province"), p.get("city")) if v) or "—"
            )
            y += ROW_H
            c.setLineWidth(0.2)
            c.line(MARGIN * mm, Y(y), (PAGE_W - MARGIN) * mm, Y(y))
        if pi == total_pages - 1:
            y += 6
            text(MARGIN, y, 12, f"合计 Total：{m.get('count', len(parcels))} 件 parcels")
            by_sort = Counter(p.get("sort_code") or "—" for p in parcels)
            top = "  ".join(f"{k} ×{v}" for k, v in by_sort.most_common(6))
            text(MARGIN, y + 7, 9, f"按三段码 By sort code：{top}" if parcels else "")
            y += 20
            for i, who in enumerate(("快递员签字 Courier signature", "组长签字 Lead signature")):
                x = MARGIN + i * 92
                text(x, y, 10, who)
                c.setLineWidth(0.5)
                c.line((x + 2) * mm, Y(y + 16), (x + 80) * mm, Y(y + 16))
                text(x, y + 19, 9, "日期 Date：")
        text(PAGE_W - MARGIN - 30, PAGE_H - MARGIN + 5, 8, f"第 {pi + 1}/{total_pages} 页 page")
        c.showPage()
    c.save()
    return buf.getvalue()
