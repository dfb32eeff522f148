"""Keyboard-wedge scanners type the code and press Enter. Tell them from a person by timing.

A scanner sends a whole code in well under 100 ms with gaps of a few ms between keys; people type
at 80-250 ms per key. The decoder is fed key events (character + monotonic time) by the UI and
returns a scan when a fast burst ends in Enter; slow typing is handed back as ordinary text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from devices.scanners.framing import strip_aim


@dataclass
class WedgeResult:
    """What one key produced: a complete scan, or typed text to pass to the focused widget."""

    scan: str | None = None
    typed: str = ""


@dataclass
class WedgeDecoder:
    max_gap_s: float = 0.035  # longest gap between two scanner keystrokes
    min_length: int = 4  # shorter bursts are a person's quick double-tap
    aim: bool = True
    _keys: list[tuple[str, float]] = field(default_factory=list)

    def key(self, char: str, t: float) -> WedgeResult:
        """Feed one key ('\\r' or '\\n' for Enter, '\\t' for Tab) pressed at monotonic time t."""
        if self._keys and t - self._keys[-1][1] > self.max_gap_s:
            typed = self._flush_typed()
            res = self.key(char, t)
            res.typed = typed + res.typed
            return res
        if char in ("\r", "\n", "\t"):
            if len(self._keys) >= self.min_length:
                code = "".join(c for c, _ in self._keys)
                self._keys.clear()
                if self.aim:
                    code, _ = strip_aim(code)
                return WedgeResult(scan=code.strip() or None)
            return WedgeResult(typed=self._flush_typed() + char)
        self._keys.append((char, t))
        return WedgeResult()

    def flush(self, now: float) -> WedgeResult:
        """Call from a timer: a pending burst older than max_gap is a person typing."""
        if self._keys and now - self._keys[-1][1] > self.max_gap_s:
            return WedgeResult(typed=self._flush_typed())
        return WedgeResult()

    def _flush_typed(self) -> str:
        s = "".join(c for c, _ in self._keys)
        self._keys.clear()
        return s
