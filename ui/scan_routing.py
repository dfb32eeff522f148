"""Scanner input while the shift lead's area is open.

A serial scan used to throw the lead back to the packer page: the PIN typed next went into the
scan field and showed full-screen as "Unknown barcode 1234". In the lead area a scan goes only
into a field that expects one (the lead's badge, the waybill to reprint or void, a return code);
anywhere else it is ignored with a line in the status bar, and whatever the lead typed stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
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
