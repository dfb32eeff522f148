"""Labels the floor is waiting for: a verdict that needs a label is done only once it printed.

A parcel bound at verify gets its first waybill then and there. If the printer does not take the
label (offline, paper out, queue held), the parcel must not look done: it is set aside as
"waiting for its label", and when the printer is back the station asks before printing that
backlog (a label printing minutes later with no cue is out of step with the parcel in hand).

Qt-free and clock-injected, so the window, the headless station and tests share it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

PRINT_DEADLINE_S = 8.0  # a healthy printer takes a label well within this (first label: fonts)


@dataclass
class LabelWait:
    parcel_id: str
    waybill: str
    code: str  # what the packer scanned (shown in the list)
    scan_no: int = 0
    run_id: str | None = None
    since: float = 0.0
    why_zh: str = ""
    why_en: str = ""


class LabelBacklog:
    """`printing`: queued, expected any moment. `waiting`: set aside, printed only when asked."""

    def __init__(
        self, deadline_s: float = PRINT_DEADLINE_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.deadline_s = deadline_s
        self.clock = clock
        self.printing: dict[str, LabelWait] = {}
        self.waiting: dict[str, LabelWait] = {}

    def expect(self, w: LabelWait) -> None:
        """The label was queued on a printer that looks fine: it should print within the deadline."""
        w.since = self.clock()
        self.printing[w.waybill] = w

    def set_aside(self, w: LabelWait, why_zh: str, why_en: str) -> LabelWait:
        """The label cannot print now: the parcel waits for it (its job must not print by itself)."""
        self.printing.pop(w.waybill, None)
        w.why_zh, w.why_en = why_zh, why_en
        w.since = w.since or self.clock()
        self.waiting[w.waybill] = w
        return w

    def printed(self, waybill: str) -> LabelWait | None:
        """The printer took this label: done (whether it was expected or set aside)."""
        return self.printing.pop(waybill, None) or self.waiting.pop(waybill, None)

    def overdue(self) -> list[LabelWait]:
        """Labels expected but not printed within the deadline (a printer that hangs silently)."""
        now = self.clock()
        return [w for w in self.printing.values() if now - w.since > self.deadline_s]

    def fault(self, why_zh: str, why_en: str) -> list[LabelWait]:
        """The printer faulted: everything still expected is set aside now."""
        moved = list(self.printing.values())
        for w in moved:
            self.set_aside(w, why_zh, why_en)
        return moved

    def take_backlog(self) -> list[LabelWait]:
        """The packer/lead said "print them": hand the waiting labels over (oldest first)."""
        out = sorted(self.waiting.values(), key=lambda w: w.since)
        self.waiting.clear()
        for w in out:
            self.expect(w)
        return out
