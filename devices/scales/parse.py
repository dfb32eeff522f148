"""Weight lines from bench scales: `ST,GS,+  1.234kg` (stable/unstable, gross/net) and plain numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass

UNIT_G = {"kg": 1000.0, "g": 1.0, "lb": 453.59237, "oz": 28.349523125, "jin": 500.0, "斤": 500.0}

_RE = re.compile(
    r"^(?:(?P<flag>ST|US|OL)\s*,\s*(?:(?P<kind>GS|NT|TR|G|N)\s*,)?\s*)?"
    r"(?P<sign>[+-])?\s*(?P<num>\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>kg|g|lb|oz|jin|斤)?$",
    re.IGNORECASE)


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
    stable = True if flag == "ST" else False if flag == "US" else None
    return Reading(round(grams, 1), stable, unit, net=(m["kind"] or "").upper() in ("NT", "N"))
