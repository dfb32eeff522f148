"""Weight lines from bench scales: `ST,GS,+  1.234kg` (stable/unstable, gross/net) and plain numbers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

MAX_GRAMS = 10_000_000.0  # 10 t: beyond any bench or floor scale; a longer number is line noise
UNIT_G = {"kg": 1000.0, "g": 1.0, "lb": 453.59237, "oz": 28.349523125, "jin": 500.0, "斤": 500.0}

_RE = re.compile(
    r"^(?:(?P<flag>ST|US|OL)\s*,\s*(?:(?P<kind>GS|NT|TR|G|N)\s*,)?\s*)?"
    r"(?P<sign>[+-])?\s*(?P<num>\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>kg|g|lb|oz|jin|斤)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    grams: float
    stable: bool | None  # None: the scale does not say; the reader decides from the stream
    unit: str
    net: bool = False


def parse_weight_text(line: str, default_unit: str = "kg") -> Reading | None:
    """One line -> Reading, or None for anything that is not a usable weight (overload, noise)."""
    m = _RE.match(line.strip())
    if not m:
        return None
    flag = (m["flag"] or "").upper()
    if flag == "OL":
        return None
    unit = (m["unit"] or default_unit).lower()
    if unit not in UNIT_G:
        return None
    grams = float(m["num"]) * UNIT_G[unit] * (-1 if m["sign"] == "-" else 1)
    if not math.isfinite(grams) or abs(grams) > MAX_GRAMS:
        return None
    stable = True if flag == "ST" else False if flag == "US" else None
    return Reading(round(grams, 1), stable, unit, net=(m["kind"] or "").upper() in ("NT", "N"))


MAX_LINE_BYTES = 256  # no weight line is this long: a missing line end, not a reading


@dataclass
class LineSplitter:
    """Scale byte stream -> text lines (CR, LF or CRLF ends a line). Never raises.

    The lines never depend on how the bytes were split into reads: a run longer than
    MAX_LINE_BYTES is dropped whole, up to the next line end (its tail is not a reading:
    `ST,GS,+  1.234kg` cut after `1` would read as `.234kg`)."""

    max_bytes: int = MAX_LINE_BYTES
    dropped: int = 0  # over-long runs dropped so far (the reader logs them)
    _buf: bytearray = field(default_factory=bytearray)
    _discarding: bool = False

    def feed(self, data: bytes) -> list[str]:
        self._buf.extend(data)
        out: list[str] = []
        while True:
            idx = [i for i in (self._buf.find(b"\r"), self._buf.find(b"\n")) if i >= 0]
            if not idx:
                break
            cut = min(idx)
            raw = bytes(self._buf[:cut])
            del self._buf[: cut + 1]
            if self._discarding:
                self._discarding = False
                continue
            if len(raw) > self.max_bytes:
                self.dropped += 1
                continue
            line = raw.decode("ascii", errors="replace")
            if line.strip():
                out.append(line)
        if len(self._buf) > self.max_bytes:
            self.dropped += 1
            self._buf.clear()
            self._discarding = True
        return out

    def reset(self) -> None:
        self._buf.clear()
        self._discarding = False
