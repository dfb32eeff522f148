"""Layout -> ZPL II (Zebra).

Text modes (`cjk=`):
- `download` (default): every character drawn with small TrueType fonts downloaded once (`~DY`)
  and recalled (`^CW` + `^A`), placed on its baseline with `^FT`; see fontdl.py. A label costs
  about its UTF-8 text once the batch's characters are on the printer.
- `bitmap`: text as Z64-compressed `^GF` graphic fields (works on any Zebra, no memory needed).
- `resident`: `^CI28` UTF-8 with a printer-resident CJK font (`font=`).
"""

from __future__ import annotations

import base64
import binascii
import zlib

from devices.printers.bitmap import em_for_cell, is_ascii, text_bitmap
from devices.printers.cache import CountingCache
from devices.printers.fontdl import FontMemory, baseline_offset, placed_runs
from devices.printers.layout import QR, Barcode128, Box, Layout, Text
from devices.printers.settings import PrinterSettings

# ^CW letters for downloaded fonts (a label rarely uses more than a few).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789"


def _fd(text: str) -> str:
    """Field data with ^FH escapes, so '^', '~' and '\\' in data cannot break the format."""
    return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E")


def _needs_fh(text: str) -> bool:
    return any(c in text for c in "^~\\")


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


def _cell(el: Text, d: float) -> int:
    return max(10, round(el.h * d))


def encode_zpl(layout: Layout, st: PrinterSettings, memory: FontMemory | None = None) -> bytes:
    """One label. With `memory` (the printer's downloaded fonts) only new glyphs are sent."""
    d = st.dots_per_mm
    X, Y = st.x_dots, st.y_dots
    mode = st.cjk
    w, h = round(layout.size.width_mm * d), round(layout.size.height_mm * d)
    pre: list[bytes] = []
    letters: dict[int, str] = {}
    mem = memory if memory is not None else FontMemory()
    if mode == "download":
        texts = "".join(el.text for el in layout.elements if isinstance(el, Text))
        new = mem.need(texts)
        if new is not None:
            name, data = new
            pre.append(f"~DYR:{name},B,T,{len(data)},0,".encode() + data)
        used = sorted({mem.where[ch] for ch in texts})
        if len(used) > len(_LETTERS):  # rare: too many fonts for one label, send them afresh
            for ch in set(texts):
                mem.where.pop(ch, None)
            name, data = mem.need(texts) or ("", b"")
            pre.append(f"~DYR:{name},B,T,{len(data)},0,".encode() + data)
            used = sorted({mem.where[ch] for ch in texts})
        letters = {g: _LETTERS[i] for i, g in enumerate(used)}
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
    out += [f"^CW{letters[g]},R:{mem.fonts[g]}.TTF" for g in sorted(letters)]
    for el in layout.elements:
        if isinstance(el, Text):
            hd = _cell(el, d)
            if mode == "download":
                em = em_for_cell(hd, el.bold)
                base = Y(el.y) + baseline_offset(hd, em)
                # Bold: struck twice, one dot apart. Runs are terse (orientation and width
                # default to N and the height; ^FH only when the data needs escapes): a label
                # has dozens of them and a serial line pays for every byte.
                line = []
                for dx in (0, 1) if el.bold and hd >= 20 else (0,):
                    for g, run, x in placed_runs(mem, el.text, em, X(el.x) + dx):
                        fd = f"^FH\\^FD{_fd(run)}" if _needs_fh(run) else f"^FD{run}"
                        line.append(f"^FT{x},{base}^A{letters[g]},{em}{fd}^FS")
                out.append("".join(line))
            elif is_ascii(el.text):
                wd = round(hd * (0.62 if el.bold else 0.55))
                out.append(f"^FO{X(el.x)},{Y(el.y)}^A0N,{hd},{wd}^FH\\^FD{_fd(el.text)}^FS")
            elif mode == "resident":
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
        elif isinstance(el, QR):
            mod = max(1, round(el.module * d))
            # ^BQ's origin sits above the symbol (by ^BY's height plus about 9 dots): reset ^BY
            # to a 10-dot height and start 9 dots higher, so the symbol lands where laid out.
            out.append(
                f"^BY{mod},2,10^FO{X(el.x)},{max(0, Y(el.y) - 9)}"
                f"^BQN,2,{mod},M^FDMA,{_fd(el.data)}^FS"
            )
        elif isinstance(el, Box):
            bw, bh = max(1, round(el.w * d)), max(1, round(el.h * d))
            t = max(1, min(round(el.t * d), bw, bh))
            out.append(f"^FO{X(el.x)},{Y(el.y)}^GB{bw},{bh},{t}^FS")
    out += ["^PQ1,0,1,Y", "^XZ"]
    return b"".join(pre) + ("\n".join(out) + "\n").encode("utf-8")


ZPL_STATUS_QUERY = b"~HS"
