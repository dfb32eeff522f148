"""Layout -> TSPL (TSC, Gprinter, Xprinter).

Text modes (`cjk=`):
- `download` (default): small TrueType fonts downloaded once (`DOWNLOAD "W....TTF"`) and used by
  `TEXT` at a point size (1 pt = dpi/72 dots), UTF-8 text with `CODEPAGE UTF-8`.
- `resident`: the printer's TSS24.BF2 font with GBK bytes and `CODEPAGE 936` (24-dot cells,
  whole multiples only: sizes between are printed smaller).
- `bitmap`: CJK text as BITMAP commands.
CODEPAGE always names the encoding of the bytes that follow.
"""

from __future__ import annotations

from devices.printers.bitmap import em_for_cell, is_ascii, text_bitmap
from devices.printers.cache import CountingCache
from devices.printers.fontdl import FontMemory, baseline_offset, font_metrics, placed_runs
from devices.printers.layout import QR, Barcode128, Box, Layout, Text
from devices.printers.settings import PrinterSettings

TSPL_STATUS_QUERY = b"\x1b!?"


def _q(text: str) -> str:
    # TSPL strings are double-quoted; a quote inside is written as \["].
    return text.replace('"', '\\["]')


def _bitmap(text: str, h: int, bold: bool) -> tuple[int, int, bytes]:
    bm = text_bitmap(text, h, bold)
    return bm.bytes_per_row, bm.height, bytes(b ^ 0xFF for b in bm.data)  # TSPL: 0 bit = black


# Fixed elements only (captions, sender, batch lines); recipient lines are unique per label.
_FIXED: CountingCache[tuple[int, int, bytes]] = CountingCache("tspl-fixed", 512)


def _bitmap_cmd(x: int, y: int, text: str, h: int, bold: bool, fixed: bool = False) -> bytes:
    bpr, rows, data = (
        _FIXED.get((text, h, bold), _bitmap, text, h, bold) if fixed else _bitmap(text, h, bold)
    )
    return f"BITMAP {x},{y},{bpr},{rows},0,".encode() + data + b"\r\n"


def tspl_points(em_dots: int, dpi: int) -> int:
    """TSPL TrueType sizes are whole points (1/72 in)."""
    return max(1, round(em_dots * 72 / dpi))


def encode_tspl(layout: Layout, st: PrinterSettings, memory: FontMemory | None = None) -> bytes:
    d = st.dots_per_mm
    X, Y = st.x_dots, st.y_dots
    mode = st.cjk
    mem = memory if memory is not None else FontMemory()
    pre: list[bytes] = []
    if mode == "download":
        texts = "".join(el.text for el in layout.elements if isinstance(el, Text))
        new = mem.need(texts)
        if new is not None:
            name, data = new
            pre.append(f'DOWNLOAD "{name}.TTF",{len(data)},'.encode() + data + b"\r\n")
    codepage = "936" if mode == "resident" else "UTF-8"
    out: list[bytes] = [
        f"SIZE {layout.size.width_mm:g} mm,{layout.size.height_mm:g} mm\r\n".encode(),
        f"GAP {st.gap_mm:g} mm,0 mm\r\n".encode(),
        f"DENSITY {min(15, st.darkness // 2)}\r\nSPEED {min(st.speed, 8)}\r\n".encode(),
        f"DIRECTION 1,0\r\nREFERENCE 0,0\r\nCODEPAGE {codepage}\r\nCLS\r\n".encode(),
    ]
    for el in layout.elements:
        if isinstance(el, Text):
            hd = max(12, round(el.h * d))
            if mode == "download":
                em0 = em_for_cell(hd, el.bold)
                pt = tspl_points(em0, st.dpi)
                em = pt * st.dpi / 72  # what the printer will draw
                upem, asc, _ = font_metrics()
                top = Y(el.y) + baseline_offset(hd, em0) - round(asc * em / upem)
                for dx in (0, 1) if el.bold and hd >= 20 else (0,):
                    for g, run, x in placed_runs(mem, el.text, em, X(el.x) + dx):
                        out.append(
                            f'TEXT {x},{top},"{mem.fonts[g]}.TTF",0,{pt},{pt},"{_q(run)}"\r\n'.encode()
                        )
            elif is_ascii(el.text) or mode == "resident":
                mul = max(1, round(hd / 24))
                try:
                    data = _q(el.text).encode("gbk")
                except UnicodeEncodeError:
                    out.append(_bitmap_cmd(X(el.x), Y(el.y), el.text, hd, el.bold, el.fixed))
                    continue
                font = st.tspl_font if mode == "resident" else "3"
                if font == "3":
                    mul = 1
                out.append(
                    f'TEXT {X(el.x)},{Y(el.y)},"{font}",0,{mul},{mul},"'.encode() + data + b'"\r\n'
                )
            else:
                out.append(_bitmap_cmd(X(el.x), Y(el.y), el.text, hd, el.bold, el.fixed))
        elif isinstance(el, Barcode128):
            mod = max(1, round(el.module * d))
            out.append(
                f'BARCODE {X(el.x)},{Y(el.y)},"128",{round(el.h * d)},0,0,{mod},{mod * 2},'
                f'"{_q(el.data)}"\r\n'.encode()
            )
        elif isinstance(el, QR):
            mod = max(1, round(el.module * d))
            out.append(f'QRCODE {X(el.x)},{Y(el.y)},M,{mod},A,0,"{_q(el.data)}"\r\n'.encode())
        elif isinstance(el, Box):
            bw, bh = max(1, round(el.w * d)), max(1, round(el.h * d))
            t = max(1, round(el.t * d))
            if t >= min(bw, bh):
                out.append(f"BAR {X(el.x)},{Y(el.y)},{bw},{bh}\r\n".encode())
            else:
                out.append(
                    f"BOX {X(el.x)},{Y(el.y)},{X(el.x) + bw},{Y(el.y) + bh},{t}\r\n".encode()
                )
    out.append(b"PRINT 1,1\r\n")
    return b"".join(pre) + b"".join(out)
