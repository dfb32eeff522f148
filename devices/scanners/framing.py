"""Turning a scanner's byte stream into whole scans.

A serial read returns whatever bytes have arrived: half a scan, two scans, or line noise. The
framer buffers bytes until the configured suffix, then strips the prefix and the AIM symbology id.
Line noise before a scan's first printable character (a scanner plugged in, a cable touched) is
stripped so the scan still comes through; a frame that cannot be a scan is reported through
`on_drop` so the station can say "not read, scan again" instead of staying silent.
"""

from __future__ import annotations

import logging
import re
import time
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
# Fewer non-blank noise bytes than this in a frame with no text is a touched cable, not a scan.
MIN_DROP_NOISE = 4

# Why a frame was dropped (DroppedFrame.reason); each one means "the packer must scan again".
DROP_REASONS = ("too_long", "no_suffix", "not_text", "cut_off")


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
    # A burst that stops this long before its suffix is a scan without a suffix (wrong setting)
    suffix_timeout_s: float = 1.0

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


@dataclass
class DroppedFrame:
    """A frame the reader could not turn into a scan: the packer must scan again."""

    reason: str  # one of DROP_REASONS
    size: int
    detail: str = ""
    message_zh: str = "没读到，请重扫"
    message_en: str = "Not read, scan again"

    def to_dict(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "size": self.size,
            "detail": self.detail,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


def _utf8_len(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0  # a continuation byte or a byte UTF-8 never uses


def leading_noise(frame: bytes) -> int:
    """How many bytes before the frame's first printable character are noise.

    Noise is control bytes and bytes that do not start a printable UTF-8 character. Corruption
    after the first printable character is not noise: that frame is dropped whole (keeping a tail
    would give a wrong code)."""
    i, n = 0, len(frame)
    while i < n:
        b = frame[i]
        if 0x20 <= b < 0x7F:
            return i
        size = _utf8_len(b)
        if size:
            try:
                ch = frame[i : i + size].decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            if ch.isprintable() and not ch.isspace():
                return i
        i += 1
    return n


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
    on_drop: Callable[[DroppedFrame], None] | None = None
    _buf: bytearray = field(default_factory=bytearray)
    _last_byte_at: float = 0.0
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
        if data:
            self._last_byte_at = time.monotonic()
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
                self._dropped("too_long", len(frame), "longer than any scan")
                continue
            scan = self._decode(frame)
            if scan is not None:
                out.append(scan)
        if len(self._buf) > MAX_SCAN_BYTES:
            self._dropped(
                "no_suffix", len(self._buf), "no suffix within any scan's length (suffix setting?)"
            )
            self._buf.clear()
            self._discarding = True
        return out

    def expire(self, now: float | None = None) -> bool:
        """Call when a read times out: bytes waiting longer than `suffix_timeout_s` for their
        suffix are a scan that lost it (a scanner set to no suffix, a cut cable). Drops them and
        reports it; True if something was dropped."""
        if not self._buf or self._discarding:
            return False
        now = time.monotonic() if now is None else now
        if now - self._last_byte_at < self.config.suffix_timeout_s:
            return False
        size = len(self._buf)
        text = bytes(self._buf)
        self._buf.clear()
        if self._is_noise(text):
            logger.debug("scanner %s: stray bytes %r cleared", self.config.port or "?", text[:40])
            return False
        self._dropped("no_suffix", size, f"no suffix after {text[:40]!r} (suffix setting?)")
        return True

    def reset(self) -> None:
        """Forget a partial scan (after a disconnect its rest will never come)."""
        if self._buf and not self._is_noise(bytes(self._buf)):
            self._dropped(
                "cut_off", len(self._buf), f"partial scan {bytes(self._buf)!r} at disconnect"
            )
        self._buf.clear()
        self._discarding = False

    @staticmethod
    def _is_noise(frame: bytes) -> bool:
        """Too few bytes that are not NUL or blank to have been a scan (a touched cable)."""
        return len(frame.translate(None, b"\x00 \t\r\n")) < MIN_DROP_NOISE

    def _warn(self, msg: str) -> None:
        logger.warning("scanner %s: %s", self.config.port or "?", msg)
        if self.on_warning:
            self.on_warning(msg)

    def _dropped(self, reason: str, size: int, detail: str) -> None:
        self._warn(f"dropped a {size}-byte frame ({reason}): {detail}")
        if self.on_drop:
            try:
                self.on_drop(DroppedFrame(reason, size, detail))
            except Exception:  # a UI bug must not stop the reader
                logger.exception("scanner drop callback failed")

    def _decode(self, frame: bytes) -> Scan | None:
        if not frame.strip(b"\x00 "):
            return None
        skip = leading_noise(frame)
        body = frame[skip:]
        if skip:
            if not body.strip(b"\x00 "):  # nothing but noise
                if self._is_noise(frame):
                    self._warn(f"line noise {frame[:40]!r} ignored (not a scan)")
                else:
                    self._dropped("not_text", len(frame), f"bytes that are not text {frame[:40]!r}")
                return None
            self._warn(f"stripped {skip} noise bytes {frame[:skip][:40]!r} before a scan")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._dropped("not_text", len(frame), f"non-UTF-8 bytes {frame[:40]!r}")
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
