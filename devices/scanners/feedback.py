"""Good-read / bad-read host commands, per scanner family (vendor manuals).

Only some scanners accept them; where none is configured the UI plays its own sound.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Feedback:
    good: bytes = b""
    bad: bytes = b""


FEEDBACK: dict[str, Feedback] = {
    "none": Feedback(),
    "datalogic": Feedback(good=b"B", bad=b"F"),  # good-read beep / not-on-file
    "honeywell-acknak": Feedback(good=b"\x06", bad=b"\x15"),  # ACK/NAK mode
    "zebra-ssi": Feedback(
        good=bytes([0x05, 0xE6, 0x04, 0x00, 0x00]), bad=bytes([0x05, 0xE6, 0x04, 0x00, 0x1A])
    ),  # BEEP 1 high / 4 low
}
