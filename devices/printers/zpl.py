"""Layout -> ZPL II (Zebra). Chinese as ^GF bitmaps (default; prints on any Zebra and renders in
zplkit) or with ^CI28 UTF-8 and a printer-resident font (`cjk=resident`)."""

from __future__ import annotations

import base64
import binascii
import zlib

from devices.printers.bitmap import is_ascii, text_bitmap
from devices.printers.cache import CountingCache
from devices.printers.layout import Barcode128, Box, Layout, Text
from devices.printers.settings import PrinterSettings


def _fd(text: str) -> str:
    """Field data with ^FH escapes, so '^', '~' and '\\' in data cannot break the format."""
    return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E")


def z64(data: bytes) -> str:
    """ZPL's compressed graphic payload: :Z64:<base64 of zlib>:<CRC-16/XMODEM of the base64>."""
    b64 = base64.b64encode(zlib.compress(data, 9))
    return f":Z64:{b64.decode()}:{binascii.crc_hqx(b64, 0):04X}"


def _gf(text: str, h: int, bold: bool) -> str:
    """Text as a Z64-compressed ^GF graphic field (a quarter of the hex bytes, or less)."""
    bm = text_bitmap(text, h, bold)
    total = len(bm.data)
    return f"^GFA,{total},{total},{bm.bytes_per_row},{z64(bm.data)}"


# Fixed elements only (captions, sender, batch lines: the same on every label of a batch); the
# recipient's lines are unique and never cached.
_FIXED: CountingCache[str] = CountingCache("zpl-fixed", 512)


def encode_zpl(layout: Layout, st: PrinterSettings) -> bytes:
    d = st.dots_per_mm
    X, Y = st.x_dots, st.y_dots

    w, h = round(layout.size.width_mm * d), round(layout.size.height_mm * d)
    out = [
        f"~SD{st.darkness:02d}",
        "^XA",
        "^CI28",
        f"^PW{w}",
        f"^LL{h}",
        "^LH0,0",
        f"^PR{st.speed}",
        "^MMT",
    ]
    for el in layout.elements:
        if isinstance(el, Text):
            hd = max(10, round(el.h * d))
            if is_ascii(el.text):
                wd = round(hd * (0.62 if el.bold else 0.55))
                out.append(f"^FO{X(el.x)},{Y(el.y)}^A0N,{hd},{wd}^FH\\^FD{_fd(el.text)}^FS")
            elif st.cjk == "resident":
                out.append(
                    f"^FO{X(el.x)},{Y(el.y)}^A@N,{hd},{hd},{st.zpl_font}^FH\\^FD{_fd(el.text)}^FS"
                )
            else:
                gf = (
                    _FIXED.get((el.text, hd, el.bold), _gf, el.text, hd, el.bold)
                    if el.fixed
                    else _gf(el.text, hd, el.bold)
                )
                out.append(f"^FO{X(el.x)},{Y(el.y)}{gf}^FS")
        elif isinstance(el, Barcode128):
            mod = max(1, round(el.module * d))
            hd = round(el.h * d)
            out.append(
                f"^FO{X(el.x)},{Y(el.y)}^BY{mod},3,{hd}^BCN,{hd},N,N,N,A^FD{_fd(el.data)}^FS"
            )
        elif isinstance(el, Box):
            bw, bh = max(1, round(el.w * d)), max(1, round(el.h * d))
            t = max(1, min(round(el.t * d), bw, bh))
            out.append(f"^FO{X(el.x)},{Y(el.y)}^GB{bw},{bh},{t}^FS")
    out += ["^PQ1,0,1,Y", "^XZ"]
    return ("\n".join(out) + "\n").encode("utf-8")


ZPL_STATUS_QUERY = b"~HS"
