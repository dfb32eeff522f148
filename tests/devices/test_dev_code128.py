"""Code 128 patterns (devices/printers/code128.py): every pattern decodes back to its text with
an independent decoder, and matches python-barcode's (the package it replaces, used here only)
wherever python-barcode's own pattern decodes back right. The decoder reads bars with
python-barcode's table, so a wrong entry in ours cannot hide."""

from __future__ import annotations

import random
import string

import pytest

from devices.errors import DeviceError
from devices.printers.code128 import modules
from devices.printers.layout import code128_modules

barcode = pytest.importorskip("barcode")
from barcode.charsets.code128 import CODES  # the decoder's table: not ours

_PAT = {bits: v for v, bits in enumerate(CODES)}
_FNC = {96: "ó", 97: "ò", 102: "ñ"}


def decode(bits: str) -> str:
    """Bars back to text: start set, switches, FNC characters as python-barcode spells them, and
    the check digit verified."""
    stop = "1100011101011"
    assert bits.endswith(stop) and (len(bits) - len(stop)) % 11 == 0
    vals = [_PAT[bits[i : i + 11]] for i in range(0, len(bits) - len(stop), 11)]
    *vals, check = vals
    assert check == (vals[0] + sum(i * v for i, v in enumerate(vals[1:], 1))) % 103
    cset = {103: "A", 104: "B", 105: "C"}[vals[0]]
    out = ""
    for v in vals[1:]:
        if cset == "C":
            if v < 100:
                out += f"{v:02d}"
            else:
                cset = {100: "B", 101: "A"}.get(v, cset)
                out += _FNC.get(v, "")
        elif v < 96:
            out += chr(v + 32) if cset == "B" or v < 64 else chr(v - 64)
        elif v == 99:
            cset = "C"
        elif (cset, v) in (("B", 101), ("A", 100)):
            cset = "A" if v == 101 else "B"
        else:
            out += {**_FNC, 100: "ô", 101: "ô"}[v]
    return out


def _cases() -> list[str]:
    rng = random.Random(11)
    pools = [
        string.digits,
        string.digits + "AB",
        string.ascii_uppercase + string.digits,
        string.ascii_letters + string.digits + "-./",
        "".join(chr(c) for c in range(127)) + "ñòóô",
    ]
    fixed = ["1", "12", "123", "9912", "99", "73123", "A1234B", "ZT77777777777100", "HL0000001"]
    fixed += ["JT5012345678901", "DY20261111000001", "ñ1", "a\x01b", "0" * 30]
    return fixed + [
        "".join(rng.choice(p) for _ in range(rng.randint(1, 24)))
        for p in pools
        for _ in range(3000)
    ]


def test_patterns_decode_back_and_match_python_barcode() -> None:
    same = 0
    for text in _cases():
        got = modules(text)
        assert decode(got) == text, text
        theirs = barcode.Code128(text).build()[0]
        try:
            theirs_ok = decode(theirs) == text
        except (AssertionError, KeyError):
            theirs_ok = False
        if theirs_ok:
            assert got == theirs, text  # same code sets, so same widths on every label
            same += 1
        else:  # python-barcode folds a leading "99" (in set C) into the start code
            assert text.startswith("99") or ord(text[0]) in (0xF4,), text
    assert same > 14000
    assert code128_modules("9912") == modules("9912") and decode(modules("9912")) == "9912"


@pytest.mark.parametrize("bad", ["", "张三", "a\x7fb", "é"])
def test_unprintable_text_is_refused_in_both_languages(bad: str) -> None:
    with pytest.raises(DeviceError) as e:
        modules(bad)
    assert "Code 128" in str(e.value) and "条码" in e.value.zh
