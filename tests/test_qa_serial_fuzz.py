"""QA fuzz: the scanner framer and the scale line parser take any bytes, split at any points.

Properties (hypothesis, bounded, derandomized):
- arbitrary bytes fed in arbitrary chunks never raise, and the result does not depend on how the
  stream was split into reads;
- valid frames embedded between garbage lines come out exactly, in order.
"""

from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Bounded by default; QA_FUZZ_SCALE=10 explores ten times as many examples (still derandomized).
SCALE = max(1, int(os.environ.get("QA_FUZZ_SCALE", "1")))

from devices.scales.parse import MAX_LINE_BYTES, LineSplitter, parse_weight_text
from devices.scanners.framing import AIM_NAMES, MAX_SCAN_BYTES, SUFFIXES, ScanFramer, ScannerConfig

FUZZ = settings(
    max_examples=150 * SCALE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    out, prev = [], 0
    for p in points + [len(data)]:
        out.append(data[prev:p])
        prev = p
    return out


def feed_all(framer: ScanFramer, chunks: list[bytes]) -> list[tuple[str, str | None]]:
    got = []
    for c in chunks:
        got += [(s.code, s.aim) for s in framer.feed(c)]
    return got


suffixes = st.sampled_from(sorted(SUFFIXES))
cuts = st.lists(st.integers(min_value=0, max_value=10_000), max_size=30)


# -- scanner framing ---------------------------------------------------------------------------


@FUZZ
@given(
    data=st.binary(max_size=2000),
    cuts=cuts,
    suffix=suffixes,
    prefix=st.sampled_from(["", "#", "]]"]),
    aim=st.booleans(),
)
def test_framer_never_raises_and_ignores_read_boundaries(
    data: bytes, cuts: list[int], suffix: str, prefix: str, aim: bool
) -> None:
    cfg = ScannerConfig(suffix=suffix, prefix=prefix, aim=aim)
    whole = feed_all(ScanFramer(cfg), [data])
    pieces = feed_all(ScanFramer(cfg), split(data, cuts))
    assert pieces == whole
    for code, _ in whole:
        assert code and code == code.strip() and code.isprintable()
        assert len(code.encode()) <= MAX_SCAN_BYTES


CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
codes = st.text(alphabet=CODE_CHARS, min_size=1, max_size=40)
aims = st.one_of(st.none(), st.sampled_from(["]" + k + m for k in sorted(AIM_NAMES) for m in "01"]))


def garbage_line(terms: bytes) -> st.SearchStrategy[bytes]:
    """A line that is not a scan: bad UTF-8, blanks, control bytes only, or an over-long run."""
    no_term = st.binary(max_size=60).map(lambda b: bytes(x for x in b if x not in terms))
    return st.one_of(
        # never valid UTF-8 after its first character (noise *before* a scan is stripped instead)
        no_term.map(lambda b: b"Q" + b + b"\xff"),
        st.sampled_from([b"", b" ", b"\x00\x00", b"  \x00 "]),
        st.lists(
            st.sampled_from([x for x in range(1, 32) if x not in terms] + [0x7F]), max_size=20
        ).map(bytes),
        st.binary(min_size=MAX_SCAN_BYTES + 1, max_size=MAX_SCAN_BYTES + 300).map(
            lambda b: bytes(x for x in b if x not in terms).ljust(MAX_SCAN_BYTES + 1, b"Z")
        ),
    )


@FUZZ
@given(data=st.data(), suffix=suffixes, prefix=st.sampled_from(["", "#"]), cuts=cuts)
def test_valid_frames_between_garbage_come_out_exactly_in_order(
    data: st.DataObject, suffix: str, prefix: str, cuts: list[int]
) -> None:
    cfg = ScannerConfig(suffix=suffix, prefix=prefix, aim=True)
    term = SUFFIXES[suffix]
    terms = b"\r\n" if suffix in ("CR", "LF", "CRLF") else term
    items = data.draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("scan"), codes, aims),
                st.tuples(st.just("junk"), garbage_line(terms), st.none()),
            ),
            max_size=12,
        )
    )
    stream = b""
    want: list[tuple[str, str | None]] = []
    for kind, body, aim in items:
        if kind == "scan":
            assert isinstance(body, str)
            stream += (prefix + (aim or "") + body).encode() + term
            want.append((body, aim))
        else:
            assert isinstance(body, bytes)
            stream += body + term
    framer = ScanFramer(cfg)
    got = feed_all(framer, split(stream, cuts))
    assert got == want
    for code, aim in got:
        assert aim is None or AIM_NAMES.get(aim[1]) is not None


def test_overlong_run_never_leaks_a_truncated_code() -> None:
    """Regression: 510 bytes of noise + the first bytes of a scan in one read used to be dropped
    at the 512-byte limit, and the scan's tail came out as a (wrong) code of its own."""
    framer = ScanFramer(ScannerConfig(suffix="CR"))
    out = framer.feed(b"N" * 510 + b"ZT1") + framer.feed(b"23\r") + framer.feed(b"ZT999\r")
    assert [s.code for s in out] == ["ZT999"]


# -- scale lines -------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=1500), cuts=cuts)
def test_scale_lines_never_raise_and_ignore_read_boundaries(data: bytes, cuts: list[int]) -> None:
    whole = LineSplitter().feed(data)
    sp = LineSplitter()
    pieces = [line for c in split(data, cuts) for line in sp.feed(c)]
    assert pieces == whole
    for line in whole:
        r = parse_weight_text(line)
        assert r is None or math.isfinite(r.grams)


@FUZZ
@given(text=st.text(max_size=300), unit=st.sampled_from(["kg", "g", "lb", "oz", "jin"]))
def test_parse_weight_text_never_raises_on_any_text(text: str, unit: str) -> None:
    r = parse_weight_text(text, default_unit=unit)
    assert r is None or (math.isfinite(r.grams) and r.unit)


weights = st.tuples(
    st.sampled_from(["ST", "US", ""]),
    st.sampled_from(["GS", "NT", ""]),
    st.sampled_from(["+", "-", ""]),
    st.integers(min_value=0, max_value=150_000),
    st.sampled_from(["kg", "g", ""]),
)


def weight_line(
    flag: str, kind: str, sign: str, milli: int, unit: str
) -> tuple[bytes, float, bool | None]:
    head = f"{flag},{kind + ',' if kind else ''}" if flag else ""
    num = f"{milli / 1000:.3f}" if unit in ("kg", "") else str(milli)
    grams = float(milli)  # milli-kg written as kg, or the same number written as g
    line = f"{head}{sign}{'  ' if flag else ''}{num}{unit}"
    stable = True if flag == "ST" else False if flag == "US" else None
    return line.encode(), round(-grams if sign == "-" else grams, 1), stable


def scale_garbage() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.text(alphabet="abcxyzQW=?!", min_size=1, max_size=30).map(
            str.encode
        ),  # no digits: never a weight
        st.sampled_from([b"OL,GS,+  0.000kg", b"ST,GS,", b"---", b"\x00\x01\x02", b"\xff\xfe"]),
        st.binary(min_size=MAX_LINE_BYTES + 1, max_size=MAX_LINE_BYTES + 200).map(
            lambda b: bytes(x for x in b if x not in b"\r\n").ljust(MAX_LINE_BYTES + 1, b"9")
        ),
    )


@FUZZ
@given(data=st.data(), cuts=cuts, ending=st.sampled_from([b"\r\n", b"\r", b"\n"]))
def test_valid_weight_lines_between_garbage_come_out_exactly(
    data: st.DataObject, cuts: list[int], ending: bytes
) -> None:
    items = data.draw(
        st.lists(
            st.one_of(weights.map(lambda w: ("w", w)), scale_garbage().map(lambda g: ("g", g))),
            max_size=12,
        )
    )
    stream = b""
    want = []
    for kind, body in items:
        if kind == "w":
            assert isinstance(body, tuple)
            raw, grams, stable = weight_line(*body)
            stream += raw + ending
            want.append((grams, stable))
        else:
            assert isinstance(body, bytes)
            stream += body + ending
    sp = LineSplitter()
    got = []
    for c in split(stream, cuts):
        for line in sp.feed(c):
            r = parse_weight_text(line)
            if r is not None:
                got.append((r.grams, r.stable))
    assert got == want


def test_overlong_scale_run_never_leaks_a_wrong_weight() -> None:
    """Regression: 250 bytes of noise + `ST,GS,+  1` in one read were dropped at the 256-byte
    limit and the tail `.234kg` then read as 234 g instead of 1234 g."""
    sp = LineSplitter()
    lines = (
        sp.feed(b"~" * 250 + b"ST,GS,+  1")
        + sp.feed(b".234kg\r\n")
        + sp.feed(b"ST,GS,+  0.500kg\r\n")
    )
    readings = [r.grams for r in map(parse_weight_text, lines) if r is not None]
    assert readings == [500.0]
