"""Scanner input while the shift lead's area is open.

A serial scan used to throw the lead back to the packer page: the PIN typed next went into the
scan field and showed full-screen as "Unknown barcode 1234". In the lead area a scan goes only
into a field that expects one (the lead's badge, the waybill to reprint or void, a return code);
anywhere else it is ignored with a line in the status bar, and whatever the lead typed stays.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from ui.qtcompat import emit

# fields (by object name) a scan may fill: a badge or a parcel code, never a PIN or a reason
SCAN_FIELDS = frozenset({"lead_code", "fix_code", "return_code"})


def lead_area_takes(win: Any, code: str) -> bool:
    """True when the lead area is showing and has dealt with this scan (the caller stops)."""
    lead = getattr(win, "lead", None)
    if lead is None or win.stack.currentWidget() is not lead:
        return False
    focus = QApplication.focusWidget()
    if (
        isinstance(focus, QLineEdit)
        and focus.objectName() in SCAN_FIELDS
        and lead.isAncestorOf(focus)
        and focus.isEnabled()
    ):
        focus.setText(code)
        if focus.objectName() == "lead_code":
            emit(focus.returnPressed)  # badge scanned: on to the PIN
        return True
    msg = QCoreApplication.translate(
        "MainWindow",
        "Shift lead area: scan ignored (%1). Scan into a code field, or press Esc for the packer screen",
    ).replace("%1", code[:32])
    win.status.show_message(msg, error=True)
    win.sound.play("reject")
    return True


class WedgeGuard(QObject):
    """Tells a keyboard-wedge scan from a person typing in one text field (the lead's PIN).

    A wedge scanner types into whatever has the focus: in the PIN field its code became a PIN try
    and counted as a wrong one. A burst of at least MIN_LENGTH characters that arrives faster
    than a person types (mean gap <= MEAN_GAP_S, no gap over MAX_GAP_S) and ends with the
    scanner's suffix (Enter or Tab) is taken out of the field again, its suffix swallowed (no
    PIN try), and handed to `on_scan`. Whatever the lead had typed before the burst stays. The
    mean, not each gap, decides, so a scan stays a scan on a busy PC that stalls one key."""

    MIN_LENGTH = 4
    MEAN_GAP_S = 0.030  # scanners: 1-10 ms per key; people: 80-250 ms
    MAX_GAP_S = 0.120

    def __init__(
        self,
        field: QLineEdit,
        on_scan: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(field)
        self.field = field
        self.on_scan = on_scan
        self.clock = clock
        self._times: list[float] = []
        self._chars: list[str] = []
        self._before = ""  # the field's text before the burst's first character
        field.installEventFilter(self)

    def _reset(self) -> None:
        self._times.clear()
        self._chars.clear()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.field or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent):
            return False
        now = self.clock()
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            code = self._burst(now)
            self._reset()
            if code is None:
                return False  # a person's Enter: the PIN try goes ahead
            self.field.setText(self._before)  # the scan is not part of the PIN
            self.on_scan(code)
            return True
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if not text or not text.isprintable() or mods != Qt.KeyboardModifier.NoModifier:
            self._reset()  # Backspace, arrows, shortcuts: a person at work
            return False
        if self._times and now - self._times[-1] > self.MAX_GAP_S:
            self._reset()
        if not self._times:
            self._before = self.field.text()
        self._times.append(now)
        self._chars.append(text)
        return False

    def _burst(self, now: float) -> str | None:
        n = len(self._chars)
        if n < self.MIN_LENGTH:
            return None
        times = [*self._times, now]
        gaps = [b - a for a, b in pairwise(times)]
        if max(gaps) > self.MAX_GAP_S or sum(gaps) / len(gaps) > self.MEAN_GAP_S:
            return None
        from devices.scanners.framing import strip_aim

        code, _aim = strip_aim("".join(self._chars))
        return code.strip() or None
