"""Turning a scanner's byte stream into whole scans.

A serial read returns whatever bytes have arrived: half a scan, two scans, or line noise. The
framer buffers bytes until the configured suffix, then strips the prefix and the AIM symbology id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

SUFFIXES: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t"}
PARITIES = {"N", "E", "O", "M", "S"}

# AIM symbology identifier: ']' + code character + modifier (ISO/IEC 15424).
_AIM_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
AIM_NAMES = {
    "C": "code128",
    "E": "ean_upc",
    "Q": "qr",
    "d": "datamatrix",
    "A": "code39",
    "I": "itf",
    "F": "codabar",
    "G": "code93",
    "L": "pdf417",
    "e": "gs1_databar",
}
MAX_SCAN_BYTES = 512  # no waybill is this long: a missing suffix, not a scan


@dataclass
class ScannerConfig:
    """Serial settings and framing of one scanner (per-station settings)."""

    port: str = ""
    baud: int = 9600
    data_bits: int = 8
    parity: str = "N"
    stop_bits: float = 1
    suffix: str = "CR"  # one of SUFFIXES; CR also accepts CRLF and LF, the usual factory mixes
    prefix: str = ""
    aim: bool = True  # recognise and strip AIM ids
    exclusive: bool = True

    def validate(self) -> None:
        from devices.errors import DeviceError

        problems = []
        if self.suffix.upper() not in SUFFIXES:
            problems.append(f"suffix {self.suffix!r} (use CR, LF, CRLF or TAB)")
        if self.parity.upper() not in PARITIES:
            problems.append(f"parity {self.parity!r} (use N, E, O, M or S)")
        if self.data_bits not in (5, 6, 7, 8):
            problems.append(f"data bits {self.data_bits} (use 7 or 8)")
        if self.baud <= 0:
            problems.append(f"baud {self.baud}")
        if problems:
            logger.error("bad scanner settings: %s", problems)
            raise DeviceError(
                "Bad scanner settings: " + "; ".join(problems) + ". Example: 9600 8N1, suffix CR.",
                zh="扫描枪设置有误：" + "；".join(problems) + "。示例：9600 8N1，后缀 CR。",
            )


@dataclass
class Scan:
    """One whole scan: the code and the symbology the scanner said it was (if it sent an AIM id)."""

    code: str
    symbology: str | None = None
    aim: str | None = None
    raw: bytes = b""


def strip_aim(text: str) -> tuple[str, str | None]:
    """Split a leading AIM id (']C1...') from the data; returns (data, aim_id or None)."""
    m = _AIM_RE.match(text)
    if not m:
        return text, None
    return text[m.end() :], m.group(0)


@dataclass
class ScanFramer:
    """Stateful byte-stream -> scans. Feed it every read; it never raises on bad input."""

    config: ScannerConfig = field(default_factory=ScannerConfig)
    on_warning: Callable[[str], None] | None = None
    _buf: bytearray = field(default_factory=bytearray)
    # After an over-long run without a suffix, skip up to the next suffix: the tail of that run is
    # not a scan (emitting it would give a truncated code that depends on how reads were split).
    _discarding: bool = False

    def _terminators(self) -> tuple[bytes, ...]:
        s = self.config.suffix.upper()
        if s in ("CR", "LF", "CRLF"):
            return (b"\r", b"\n")  # CRLF frames as CR + an empty frame; empties are skipped
        return (SUFFIXES[s],)

    def feed(self, data: bytes) -> list[Scan]:
        """Add bytes from one read; return the scans they completed (maybe none, maybe several).

        The result never depends on how the bytes were split into reads: a frame longer than
        MAX_SCAN_BYTES is dropped whole, however it arrived."""
        self._buf.extend(data)
        out: list[Scan] = []
        terms = self._terminators()
        while True:
            cut = min((i for i in (self._buf.find(t) for t in terms) if i >= 0), default=-1)
            if cut < 0:
                break
            frame = bytes(self._buf[:cut])
            del self._buf[: cut + 1]
            if self._discarding:
                self._discarding = False  # the rest of an over-long run: resynchronised now
                continue
            if len(frame) > MAX_SCAN_BYTES:
                self._warn(f"dropped a {len(frame)}-byte frame (longer than any scan)")
                continue
            scan = self._decode(frame)
            if scan is not None:
                out.append(scan)
        if len(self._buf) > MAX_SCAN_BYTES:
            self._warn(f"dropped {len(self._buf)} bytes without a suffix (wrong suffix setting?)")
            self._buf.clear()
            self._discarding = True
        return out

    def reset(self) -> None:
        """Forget a partial scan (after a disconnect its rest will never come)."""
        if self._buf:
            self._warn(f"dropped partial scan {bytes(self._buf)!r} at disconnect")
        self._buf.clear()
        self._discarding = False

    def _warn(self, msg: str) -> None:
        logger.warning("scanner %s: %s", self.config.port or "?", msg)
        if self.on_warning:
            self.on_warning(msg)

    def _decode(self, frame: bytes) -> Scan | None:
        if not frame.strip(b"\x00 "):
            return None
        try:
            text = frame.decode("utf-8")
        except UnicodeDecodeError:
            self._warn(f"dropped non-UTF-8 bytes {frame[:40]!r}")
            return None
        cleaned = "".join(ch for ch in text if ch.isprintable())
        if cleaned != text:
            self._warn(f"stripped control bytes from {frame[:40]!r}")
        # A scanner whose AIM prefix has a GS (GS1) inside would lose it here; GS1 data is not a waybill.
        cleaned = cleaned.strip()
        if self.config.prefix:
            if cleaned.startswith(self.config.prefix):
                cleaned = cleaned[len(self.config.prefix) :]
            else:
                self._warn(
                    f"scan without the configured prefix {self.config.prefix!r}: {cleaned!r}"
                )
        aim = None
        if self.config.aim:
            cleaned, aim = strip_aim(cleaned)
        cleaned = cleaned.strip()
        if not cleaned:
            return None
        sym = AIM_NAMES.get(aim[1]) if aim else None
        return Scan(code=cleaned, symbology=sym, aim=aim, raw=frame)
