"""Code 128 bar patterns, for laying out barcodes (width) and drawing them (PDF, previews).

The same code-set choices as python-barcode (start in C, runs of 4+ digits go to C, an odd digit
left over goes out in B), so widths and bars are as before; written here because importing that
package (writers, SVG, xml.dom) cost the headless station memory for one function. One difference,
a fix: python-barcode drops a leading "99" in code set C (it takes that value for a code-set
switch and folds it into the start code), so such numbers scanned back wrong.
"""

from __future__ import annotations

from devices.errors import DeviceError

# Module widths (bar, space, bar, ...) of symbol values 0..105; stop is separate.
_WIDTHS_FLAT = (
    "212222222122222221121223121322131222122213122312132212221213221312231212112232122132"
    "122231113222123122123221223211221132221231213212223112312131311222321122321221312212"
    "322112322211212123212321232121111323131123131321112313132113132311211313231113231311"
    "112133112331132131113123113321133121313121211331231131213113213311213131311123311321"
    "331121312113312311332111314111221411431111111224111422121124121421141122141221112214"
    "112412122114122411142112142211241211221114413111241112134111111242121142121241114212"
    "124112124211411212421112421211212141214121412121111143111341131141114113114311411113"
    "411311113141114131311141411131211412211214211232"
)
_WIDTHS = [_WIDTHS_FLAT[i : i + 6] for i in range(0, len(_WIDTHS_FLAT), 6)]
_STOP = "2331112"


def _bits(widths: str) -> str:
    return "".join(("1" if i % 2 == 0 else "0") * int(w) for i, w in enumerate(widths))


_CODES = [_bits(w) for w in _WIDTHS]
_STOP_BITS = _bits(_STOP)

# Code sets by character (python-barcode's: FNC1..4 as ñ ò ó ô, no DEL)
_SPECIAL_A = {"ó": 96, "ò": 97, "ô": 101, "ñ": 102}
_SPECIAL_B = {"ó": 96, "ò": 97, "ô": 100, "ñ": 102}
_A = {
    **{chr(c): c - 32 for c in range(32, 96)},
    **{chr(c): c + 64 for c in range(32)},
    **_SPECIAL_A,
}
_B = {**{chr(c): c - 32 for c in range(32, 127)}, **_SPECIAL_B}
_START = {"A": 103, "B": 104, "C": 105}
_TO = {"A": 101, "B": 100, "C": 99}  # switch code, whatever set we are in


def _refuse(data: str, bad: str) -> DeviceError:
    return DeviceError(
        f"Cannot print {data!r} as a Code 128 barcode (character {bad!r}).",
        zh=f"无法把 {data!r} 印成 Code 128 条码（字符 {bad!r}）。",
    )


def _values(data: str) -> list[int]:
    """Symbol values from the start code to the last data value (no check digit)."""
    if not data:
        raise _refuse(data, "")
    for ch in data:
        if ch not in _A and ch not in _B:
            raise _refuse(data, ch)
    cset = "C"
    out: list[int] = [_START["C"]]
    switches: set[int] = set()  # positions in `out` holding a code-set switch
    buf = ""

    def switch(to: str) -> None:
        nonlocal cset
        switches.add(len(out))
        out.append(_TO[to])
        cset = to

    def digits_ahead(i: int) -> int:
        n = 0
        for c in data[i : i + 10]:
            if not c.isdigit():
                break
            n += 1
        return n

    for i, ch in enumerate(data):
        if cset == "C" and not ch.isdigit():
            switch("B" if ch in _B else "A")
            if buf:
                out.append((_B if cset == "B" else _A)[buf])
                buf = ""
        elif cset != "C" and digits_ahead(i) > 3:
            switch("C")
        elif cset == "B" and ch not in _B:
            switch("A")
        elif cset == "A" and ch not in _A:
            switch("B")
        if cset == "C":
            buf += ch
            if len(buf) == 2:
                out.append(int(buf))
                buf = ""
        else:
            out.append((_B if cset == "B" else _A)[ch])
    if buf:
        switch("B")
        out.append(_B[buf])
    if 1 in switches:  # a switch right after the start: start in that set instead
        out[:2] = [_START[next(k for k, v in _TO.items() if v == out[1])]]
    return out


def modules(data: str) -> str:
    """The bar/space pattern ('1' = bar) of `data`, check digit and stop included, quiet zones
    excluded."""
    vals = _values(data)
    check = (vals[0] + sum(i * v for i, v in enumerate(vals[1:], start=1))) % 103
    return "".join(_CODES[v] for v in (*vals, check)) + _STOP_BITS
