"""Layout -> TSPL (TSC, Gprinter, Xprinter). Chinese through the resident TSS24.BF2 font with GBK
bytes (default: what these printers ship with), or as BITMAP (`cjk=bitmap`)."""

from __future__ import annotations

from devices.printers.bitmap import is_ascii, text_bitmap
from devices.printers.cache import CountingCache
from devices.printers.layout import Barcode128, Box, Layout, Text
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


def encode_tspl(layout: Layout, st: PrinterSettings) -> bytes:
    d = st.dots_per_mm
    X, Y = st.x_dots, st.y_dots

    out: list[bytes] = [
        f"SIZE {layout.size.width_mm:g} mm,{layout.size.height_mm:g} mm\r\n".encode(),
        f"GAP {st.gap_mm:g} mm,0 mm\r\n".encode(),
        f"DENSITY {min(15, st.darkness // 2)}\r\nSPEED {min(st.speed, 8)}\r\n".encode(),
        b"DIRECTION 1,0\r\nREFERENCE 0,0\r\nCODEPAGE UTF-8\r\nCLS\r\n",
    ]
    for el in layout.elements:
        if isinstance(el, Text):
            hd = max(12, round(el.h * d))
            if is_ascii(el.text) or st.cjk == "resident":
                mul = max(1, hd // 24)  # never larger than laid out
                try:
                    data = _q(el.text).encode("gbk")
                except UnicodeEncodeError:
                    out.append(_bitmap_cmd(X(el.x), Y(el.y), el.text, hd, el.bold, el.fixed))
                    continue
                font = st.tspl_font if not is_ascii(el.text) or mul > 1 else "3"
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
    return b"".join(out)
