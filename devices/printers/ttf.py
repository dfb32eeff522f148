"""Just enough TrueType to download label fonts: read glyphs from the station's CJK font, write a
small font of them.

The station keeps this instead of fontTools (its table classes cost ~5 MB resident just to
import, and a full parse of a 50,000-glyph font ~40 MB) and FreeType bindings (another ~2 MB):
a label needs a character map look-up, an advance and an outline per new character, read from
the file on demand with a few small reads; nothing of the source font is held but its cmap.
Outlines come out as the font stores them (composites resolved to simple glyphs, TrueType's
quadratic points with their on/off-curve flags), so the printer draws the same shapes as the
previews and PDFs.
"""

from __future__ import annotations

import math
import struct
import threading
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from devices.errors import DeviceError


@dataclass(frozen=True)
class Outline:
    """A simple glyph: contour end indexes and points (x, y, on-curve) in font units."""

    ends: tuple[int, ...] = ()
    points: tuple[tuple[int, int, bool], ...] = ()


_EMPTY = Outline()

# composite glyph component flags (OpenType glyf table)
_WORDS, _XY, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x2, 0x8, 0x20, 0x40, 0x80
_USE_MY_METRICS, _SCALED_OFFSET, _UNSCALED_OFFSET = 0x200, 0x800, 0x1000
_MAX_DEPTH = 8  # nested composites deeper than this are treated as broken (cycles)

# cmap subtables in the order fontTools' getBestCmap and FreeType prefer them
_CMAP_ORDER = [(3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)]


def _bad(path: Path, what: str) -> DeviceError:
    return DeviceError(
        f"The CJK font {path} cannot be read for printer fonts ({what}).",
        zh=f"中文字体 {path} 无法用于打印机字体下载（{what}）。",
    )


def _round(v: float) -> int:
    return math.floor(v + 0.5)  # fontTools' otRound: .5 goes up, never to even


class SourceFont:
    """One face of a .ttf/.ttc, read on demand (thread-safe: one lock around the file)."""

    def __init__(self, path: Path, index: int = 0) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._f: BinaryIO = open(path, "rb")
        try:
            self._read_directory(index)
        except (struct.error, IndexError, ValueError) as exc:
            self._f.close()
            raise _bad(path, f"damaged tables: {exc}") from exc
        except BaseException:
            self._f.close()
            raise

    def close(self) -> None:
        self._f.close()

    def _read(self, offset: int, n: int) -> bytes:
        with self._lock:
            self._f.seek(offset)
            data = self._f.read(n)
        if len(data) != n:
            raise _bad(self.path, "file ends early")
        return data

    def _read_directory(self, index: int) -> None:
        head = self._read(0, 12)
        base = 0
        if head[:4] == b"ttcf":
            count = struct.unpack_from(">I", head, 8)[0]
            if not 0 <= index < count:
                raise _bad(self.path, f"no face {index}")
            base = struct.unpack(">I", self._read(12 + 4 * index, 4))[0]
            head = self._read(base, 12)
        n = struct.unpack_from(">H", head, 4)[0]
        raw = self._read(base + 12, 16 * n)
        self._tables: dict[bytes, tuple[int, int]] = {}
        for i in range(n):
            tag, _sum, off, length = struct.unpack_from(">4sIII", raw, 16 * i)
            self._tables[tag] = (off, length)
        if b"glyf" not in self._tables or b"loca" not in self._tables:
            raise DeviceError(
                f"The CJK font {self.path} has no TrueType outlines; printers need a .ttf/.ttc.",
                zh=f"中文字体 {self.path} 不是 TrueType 轮廓，打印机字体下载需要 .ttf/.ttc。",
            )
        h = self._table(b"head", 54)
        self.upem: int = struct.unpack_from(">H", h, 18)[0]
        self._long_loca = struct.unpack_from(">h", h, 50)[0] == 1
        hh = self._table(b"hhea", 36)
        self.ascent: int
        self.descent: int
        self.ascent, self.descent = struct.unpack_from(">hh", hh, 4)
        self._n_hmetrics: int = struct.unpack_from(">H", hh, 34)[0]
        self.num_glyphs: int = struct.unpack_from(">H", self._table(b"maxp", 6), 4)[0]
        os2 = self._tables.get(b"OS/2")
        self.typo_ascent: int = (
            struct.unpack_from(">h", self._read(os2[0] + 68, 2))[0]
            if os2 and os2[1] >= 70
            else self.ascent
        )
        self._read_cmap()

    def _table(self, tag: bytes, at_least: int) -> bytes:
        if tag not in self._tables:
            raise _bad(self.path, f"no {tag.decode()} table")
        off, length = self._tables[tag]
        if length < at_least:
            raise _bad(self.path, f"short {tag.decode()} table")
        return self._read(off, length)

    def _read_cmap(self) -> None:
        cmap = self._table(b"cmap", 4)
        n = struct.unpack_from(">H", cmap, 2)[0]
        subs: dict[tuple[int, int], int] = {}
        for i in range(n):
            pid, eid, off = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
            if struct.unpack_from(">H", cmap, off)[0] in (4, 12):
                subs.setdefault((pid, eid), off)
        for key in _CMAP_ORDER:
            if key in subs:
                self._cmap = cmap[subs[key] :]  # the subtable (and what follows: a few KB)
                self._cmap_format: int = struct.unpack_from(">H", self._cmap, 0)[0]
                return
        raise _bad(self.path, "no Unicode character map")

    def glyph_id(self, cp: int) -> int:
        """The glyph for a code point (0: the font has none)."""
        t = self._cmap
        if self._cmap_format == 12:
            lo, hi = 0, struct.unpack_from(">I", t, 12)[0]
            while lo < hi:  # groups: (start, end, start glyph), sorted
                mid = (lo + hi) // 2
                start, end, gid = struct.unpack_from(">III", t, 16 + 12 * mid)
                if cp > end:
                    lo = mid + 1
                elif cp < start:
                    hi = mid
                else:
                    return int(gid + cp - start)
            return 0
        if cp > 0xFFFF:
            return 0
        seg = struct.unpack_from(">H", t, 6)[0] // 2
        ends = _U16View(t, 14, seg)
        i = bisect_left(ends, cp)
        if i >= seg:
            return 0
        start_at = 16 + 2 * seg
        start = struct.unpack_from(">H", t, start_at + 2 * i)[0]
        if cp < start:
            return 0
        delta = struct.unpack_from(">h", t, start_at + 2 * seg + 2 * i)[0]
        ro_at = start_at + 4 * seg + 2 * i
        ro = struct.unpack_from(">H", t, ro_at)[0]
        if ro == 0:
            return int(cp + delta) & 0xFFFF
        g: int = struct.unpack_from(">H", t, ro_at + ro + 2 * (cp - start))[0]
        return (g + delta) & 0xFFFF if g else 0

    def _hmetric(self, gid: int) -> int:
        off = self._tables[b"hmtx"][0]
        i = min(gid, self._n_hmetrics - 1)
        return int(struct.unpack(">H", self._read(off + 4 * i, 2))[0])

    def _glyph_data(self, gid: int) -> bytes:
        if not 0 <= gid < self.num_glyphs:
            return b""
        off = self._tables[b"loca"][0]
        if self._long_loca:
            a, b = struct.unpack(">II", self._read(off + 4 * gid, 8))
        else:
            a, b = (2 * v for v in struct.unpack(">HH", self._read(off + 2 * gid, 4)))
        return self._read(self._tables[b"glyf"][0] + a, b - a) if b > a else b""

    def advance(self, gid: int) -> int:
        """Advance width in font units (a composite's USE_MY_METRICS component's, as FreeType)."""
        return self._hmetric(self._glyph(gid, 0)[1])

    def outline(self, gid: int) -> Outline:
        return self._glyph(gid, 0)[0]

    def _glyph(self, gid: int, depth: int) -> tuple[Outline, int]:
        """(outline, glyph whose horizontal metrics apply)."""
        data = self._glyph_data(gid)
        if len(data) < 10:
            return _EMPTY, gid
        n = struct.unpack_from(">h", data, 0)[0]
        try:
            if n >= 0:
                return _simple(data, n), gid
            if depth >= _MAX_DEPTH:
                raise ValueError("composite glyphs nested too deep")
            outline, metrics_of = self._composite(data, depth)
            return outline, metrics_of if metrics_of >= 0 else gid
        except (struct.error, IndexError, ValueError) as exc:
            raise _bad(self.path, f"glyph {gid}: {exc}") from exc

    def _composite(self, data: bytes, depth: int) -> tuple[Outline, int]:
        ends: list[int] = []
        pts: list[tuple[int, int, bool]] = []
        metrics_of = -1
        p = 10
        while True:
            flags, cg = struct.unpack_from(">HH", data, p)
            p += 4
            if flags & _WORDS:
                a1, a2 = struct.unpack_from(">hh" if flags & _XY else ">HH", data, p)
                p += 4
            else:
                a1, a2 = struct.unpack_from(">bb" if flags & _XY else ">BB", data, p)
                p += 2
            xx, xy, yx, yy = 1.0, 0.0, 0.0, 1.0  # x' = xx*x + yx*y, y' = xy*x + yy*y
            if flags & _SCALE:
                xx = yy = struct.unpack_from(">h", data, p)[0] / 16384
                p += 2
            elif flags & _XY_SCALE:
                xx, yy = (v / 16384 for v in struct.unpack_from(">hh", data, p))
                p += 4
            elif flags & _TWO_BY_TWO:
                xx, xy, yx, yy = (v / 16384 for v in struct.unpack_from(">hhhh", data, p))
                p += 8
            comp, comp_metrics = self._glyph(cg, depth + 1)
            if flags & _USE_MY_METRICS:
                metrics_of = comp_metrics
            plain = (xx, xy, yx, yy) == (1.0, 0.0, 0.0, 1.0)
            moved = [
                (x, y, on) if plain else (xx * x + yx * y, xy * x + yy * y, on)
                for x, y, on in comp.points
            ]
            if flags & _XY:
                dx, dy = float(a1), float(a2)
                if flags & _SCALED_OFFSET and not flags & _UNSCALED_OFFSET:
                    dx, dy = xx * a1 + yx * a2, xy * a1 + yy * a2
            else:  # point matching: the component's point a2 lands on our point a1
                px, py, _ = pts[a1]
                qx, qy, _ = moved[a2]
                dx, dy = px - qx, py - qy
            base = len(pts)
            pts += [(_round(x + dx), _round(y + dy), on) for x, y, on in moved]
            ends += [base + e for e in comp.ends]
            if not flags & _MORE:
                break
        return Outline(tuple(ends), tuple(pts)), metrics_of


class _U16View:
    """Big-endian uint16 array inside bytes, indexable for bisect (no copy)."""

    def __init__(self, data: bytes, at: int, n: int) -> None:
        self.data, self.at, self.n = data, at, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> int:
        return int(struct.unpack_from(">H", self.data, self.at + 2 * i)[0])


def _simple(data: bytes, n: int) -> Outline:
    ends = struct.unpack_from(f">{n}H", data, 10)
    if not n:
        return _EMPTY
    p = 10 + 2 * n
    p += 2 + struct.unpack_from(">H", data, p)[0]  # skip the instructions (hinting)
    count = ends[-1] + 1
    flags: list[int] = []
    while len(flags) < count:
        f = data[p]
        p += 1
        if f & 0x08:
            flags += [f] * (data[p] + 1)
            p += 1
        else:
            flags.append(f)
    del flags[count:]
    coords: list[list[int]] = []
    for short, same in ((0x02, 0x10), (0x04, 0x20)):
        v, out = 0, []
        for f in flags:
            if f & short:
                v += data[p] if f & same else -data[p]
                p += 1
            elif not f & same:
                v += struct.unpack_from(">h", data, p)[0]
                p += 2
            out.append(v)
        coords.append(out)
    return Outline(
        tuple(ends), tuple(zip(coords[0], coords[1], (bool(f & 1) for f in flags), strict=True))
    )


# ---- writing ---------------------------------------------------------------------------------

# The same fixed date in every font (2026-01-01): the same characters make the same bytes.
_TIMESTAMP = 3_849_984_000

# OS/2 Unicode range bits for the blocks labels use (the rest leave their bit clear)
_RANGES = [
    (0x0000, 0x007F, 0),
    (0x0080, 0x00FF, 1),
    (0x2000, 0x206F, 31),
    (0x3000, 0x303F, 48),
    (0x2E80, 0x2FFF, 59),
    (0x3190, 0x319F, 59),
    (0x3400, 0x4DBF, 59),
    (0x4E00, 0x9FFF, 59),
    (0xFF00, 0xFFEF, 68),
]


def _glyf_entry(o: Outline) -> tuple[bytes, tuple[int, int, int, int] | None]:
    """One simple glyph's bytes (no instructions) and its bounding box."""
    if not o.points:
        return b"", None
    xs = [x for x, _, _ in o.points]
    ys = [y for _, y, _ in o.points]
    box = (min(xs), min(ys), max(xs), max(ys))
    flags: list[int] = []
    xb, yb = bytearray(), bytearray()
    px = py = 0
    for x, y, on in o.points:
        f = 1 if on else 0
        for d, short, same, buf in ((x - px, 0x02, 0x10, xb), (y - py, 0x04, 0x20, yb)):
            if d == 0:
                f |= same
            elif -255 <= d <= 255:
                f |= short | (same if d > 0 else 0)
                buf.append(abs(d))
            else:
                buf += struct.pack(">h", d)
        flags.append(f)
        px, py = x, y
    fb = bytearray()
    i = 0
    while i < len(flags):  # runs of 3+ equal flags: the flag with REPEAT and a count
        j = i + 1
        while j < len(flags) and flags[j] == flags[i] and j - i < 256:
            j += 1
        if j - i >= 3:
            fb += bytes((flags[i] | 0x08, j - i - 1))
        else:
            fb += bytes(flags[i:j])
        i = j
    head = struct.pack(f">h4h{len(o.ends)}HH", len(o.ends), *box, *o.ends, 0)
    data = head + fb + xb + yb
    return data + b"\0" * (len(data) & 1), box


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(data) // 4}I", data)
    return sum(words) & 0xFFFFFFFF


def _cmap(codes: list[int]) -> bytes:
    """Format 4 (BMP) for (0,3) and (3,1), one shared subtable; glyph i+1 is codes[i]."""
    segs: list[tuple[int, int, int]] = []  # start, end, delta
    for gid, cp in enumerate(codes, start=1):
        if segs and segs[-1][1] == cp - 1 and segs[-1][2] == (gid - cp) & 0xFFFF:
            segs[-1] = (segs[-1][0], cp, segs[-1][2])
        else:
            segs.append((cp, cp, (gid - cp) & 0xFFFF))
    segs.append((0xFFFF, 0xFFFF, 1))
    n = len(segs)
    p2 = 1 << (n.bit_length() - 1)
    sub = struct.pack(">7H", 4, 16 + 8 * n, 0, 2 * n, 2 * p2, p2.bit_length() - 1, 2 * (n - p2))
    sub += struct.pack(f">{n}H", *(e for _, e, _ in segs)) + b"\0\0"
    sub += struct.pack(f">{n}H", *(s for s, _, _ in segs))
    sub += struct.pack(f">{n}H", *(d for _, _, d in segs))
    sub += b"\0\0" * n
    return struct.pack(">HHHHIHHI", 0, 2, 0, 3, 20, 3, 1, 20) + sub


def _name(family: str) -> bytes:
    recs = []
    for nid, text in ((1, family), (2, "Regular")):
        recs.append((1, 0, 0, nid, text.encode("mac_roman", "replace")))
    for nid, text in ((1, family), (2, "Regular")):
        recs.append((3, 1, 0x409, nid, text.encode("utf-16-be")))
    head = struct.pack(">HHH", 0, len(recs), 6 + 12 * len(recs))
    strings = b""
    for pid, eid, lid, nid, raw in recs:
        head += struct.pack(">6H", pid, eid, lid, nid, len(raw), len(strings))
        strings += raw
    return head + strings


def build(
    glyphs: list[tuple[int, int, Outline]],
    family: str,
    upem: int,
    ascent: int,
    descent: int,
    typo_ascent: int,
) -> bytes:
    """A TrueType font with `.notdef` (empty, half an em wide) and one simple glyph per
    (code point, advance, outline), sorted by code point, no hinting."""
    glyphs = sorted(glyphs)
    codes = [cp for cp, _, _ in glyphs]
    advances = [upem // 2] + [adv for _, adv, _ in glyphs]
    entries = [(b"", None)] + [_glyf_entry(o) for _, _, o in glyphs]
    boxes = [box for _, box in entries]
    drawn = [b for b in boxes if b]
    lsbs = [b[0] if b else 0 for b in boxes]  # = xMin: the outline's own origin is kept
    glyf = b"".join(d for d, _ in entries)
    offsets = [0]
    for d, _ in entries:
        offsets.append(offsets[-1] + len(d))
    long_loca = offsets[-1] >= 0x20000
    loca = (
        struct.pack(f">{len(offsets)}I", *offsets)
        if long_loca
        else struct.pack(f">{len(offsets)}H", *(o // 2 for o in offsets))
    )
    ng = len(advances)
    bbox = (
        (min(b[0] for b in drawn), min(b[1] for b in drawn))
        + (max(b[2] for b in drawn), max(b[3] for b in drawn))
        if drawn
        else (0, 0, 0, 0)
    )
    head = struct.pack(
        ">HHHHIIHHqq4hHHhhh",
        *(1, 0, 1, 0),  # version 1.0, fontRevision 1.0
        0,  # checkSumAdjustment, set last
        0x5F0F3CF5,
        3,  # baseline at y=0, left sidebearing at x=0 (lsb == xMin for every glyph)
        upem,
        _TIMESTAMP,
        _TIMESTAMP,
        *bbox,
        0,  # macStyle
        3,  # lowestRecPPEM
        2,  # fontDirectionHint
        1 if long_loca else 0,
        0,
    )
    n_hm = ng
    while n_hm > 1 and advances[n_hm - 1] == advances[n_hm - 2]:
        n_hm -= 1
    hmtx = b"".join(struct.pack(">Hh", advances[i], lsbs[i]) for i in range(n_hm))
    hmtx += struct.pack(f">{ng - n_hm}h", *lsbs[n_hm:])
    extents = [(lsbs[i], advances[i], b[2] - b[0]) for i, b in enumerate(boxes) if b]
    hhea = struct.pack(
        ">HHhhhHhhhhhh4hhH",
        1,
        0,
        ascent,
        descent,
        0,  # lineGap
        max(advances),
        min((e[0] for e in extents), default=0),
        min((e[1] - e[0] - e[2] for e in extents), default=0),
        max((e[0] + e[2] for e in extents), default=0),
        *(1, 0, 0),  # caret: vertical
        *(0, 0, 0, 0),
        0,
        n_hm,
    )
    maxp = struct.pack(
        ">I14H",
        0x00010000,
        ng,
        max((len(o.points) for _, _, o in glyphs), default=0),
        max((len(o.ends) for _, _, o in glyphs), default=0),
        *(0, 0),  # no composites
        2,  # maxZones
        *(0,) * 8,
    )
    widths = [a for a in advances if a > 0]
    ranges = [0, 0, 0, 0]
    for cp in codes:
        for lo, hi, bit in _RANGES:
            if lo <= cp <= hi:
                ranges[bit // 32] |= 1 << (bit % 32)
    os2 = struct.pack(
        ">HhHHH11h10s4I4sHHHhhhHHIIhhHHH",
        3,
        _round(sum(widths) / len(widths)) if widths else 0,
        400,  # regular
        5,  # medium width
        4,  # fsType: embedding for preview and print
        *(0,) * 11,  # sub/superscript, strikeout, family class
        bytes(10),  # panose
        *ranges,
        b"????",
        0,  # fsSelection
        min(codes[0], 0xFFFF) if codes else 0,
        min(codes[-1], 0xFFFF) if codes else 0,
        typo_ascent,
        0,
        0,
        max(0, ascent),
        max(0, -descent),
        0,
        0,
        0,  # sxHeight
        0,  # sCapHeight
        0,  # usDefaultChar
        32,  # usBreakChar
        0,  # usMaxContext
    )
    post = struct.pack(">IIhhI4I", 0x00030000, 0, 0, 0, 0, 0, 0, 0, 0)  # format 3: no names
    tables = [
        (b"head", head),
        (b"hhea", hhea),
        (b"maxp", maxp),
        (b"OS/2", os2),
        (b"hmtx", hmtx),
        (b"cmap", _cmap(codes)),
        (b"loca", loca),
        (b"glyf", glyf),
        (b"name", _name(family)),
        (b"post", post),
    ]
    nt = len(tables)
    p2 = 1 << (nt.bit_length() - 1)
    out = bytearray(
        struct.pack(">IHHHH", 0x00010000, nt, 16 * p2, p2.bit_length() - 1, 16 * nt - 16 * p2)
    )
    offset = 12 + 16 * nt
    dir_entries: dict[bytes, bytes] = {}
    body = bytearray()
    head_at = 0
    for tag, data in tables:
        if tag == b"head":
            head_at = offset
        dir_entries[tag] = struct.pack(">4sIII", tag, _checksum(data), offset, len(data))
        padded = data + b"\0" * (-len(data) % 4)
        body += padded
        offset += len(padded)
    for tag in sorted(dir_entries):  # the directory is sorted by tag
        out += dir_entries[tag]
    out += body
    adjust = (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF
    struct.pack_into(">I", out, head_at + 8, adjust)
    return bytes(out)
