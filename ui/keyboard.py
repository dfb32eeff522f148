"""The lead's screens without a mouse: a visible focus ring and a shortcut on every button.

A shift lead at a packing PC often has only the keyboard (and a scanner). Qt's default focus
hint is a thin dotted line that disappears under a style sheet; here focused widgets get a thick
orange frame. Every push button in the area gets Alt+Q, Alt+W, ... (in tab order, per page) shown
in its tooltip and on the button itself, so the lead can see and press it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

FOCUS_CSS = """
QPushButton:focus, QToolButton:focus { border: 3px solid #ff6f00; border-radius: 4px; }
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 3px solid #ff6f00; border-radius: 3px; }
QAbstractItemView:focus { border: 3px solid #ff6f00; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid #ff6f00; }
QTabBar::tab:focus { border: 3px solid #ff6f00; }
"""

_MARK = "  ["  # the suffix that shows a button's key: "打印 [Alt+1]"
# Alt+digits are the returns desk's disposition keys (window-wide): the lead's buttons take the
# top letter row instead, in order
KEYS = [f"Alt+{c}" for c in "QWERTYUIOP"]


def focus_ring(area: QWidget) -> None:
    """Append the focus ring to the area's style sheet (keeps what it had)."""
    css = area.styleSheet()
    if FOCUS_CSS not in css:
        area.setStyleSheet(css + FOCUS_CSS)


def _base_text(b: QAbstractButton) -> str:
    t = b.text()
    i = t.find(_MARK)
    return t[:i] if i >= 0 else t


def number_buttons(page: QWidget) -> dict[str, QAbstractButton]:
    """Give the page's push buttons Alt+Q..Alt+P in its declared Tab order (`focus_order()` of a
    lead tab; else the focus chain); returns key -> button. A declared button keeps its key while
    hidden (the manifest's "open folder" appears later), so a lead's keys never shift.

    Enter on a focused button presses it (autoDefault), as Space does.
    Call again after a retranslate (texts are reset) or when the page is shown."""
    declared = getattr(page, "focus_order", None)
    listed = [w for w in declared() if isinstance(w, QPushButton)] if callable(declared) else []
    rest = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page) and b not in listed]
    order = {id(w): i for i, w in enumerate(_focus_chain(page))}
    rest.sort(key=lambda b: order.get(id(b), 10_000))
    out: dict[str, QAbstractButton] = {}
    for key, b in zip(KEYS, listed + rest, strict=False):
        base = _base_text(b)
        b.setText(f"{base}{_MARK}{key}]")  # first: setText() clears a shortcut
        b.setShortcut(QKeySequence(key))
        b.setToolTip(f"{base} ({key})")
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.setAutoDefault(True)
        out[key] = b
    return out


def _focus_chain(page: QWidget) -> list[QWidget]:
    """The page's widgets in Tab order."""
    seen: list[QWidget] = []
    w = page.nextInFocusChain()
    while w is not None and w is not page and len(seen) < 2000:
        if page.isAncestorOf(w):
            seen.append(w)
        w = w.nextInFocusChain()
        if w in seen:
            break
    return seen
