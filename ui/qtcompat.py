"""Work-arounds for Qt binding bugs, in one place (imported by `ui/__init__.py`).

PySide6 6.12.0 on Python < 3.12 returns *borrowed* references where it must return new ones:
every void method (`setText`, `update`, `processEvents`, ...) drops one reference to None and
every `emit()`/`connect()` one to True. After some thousands of calls the interpreter aborts
with "none_dealloc: deallocating None" / "bool_dealloc" - a station would crash mid-shift.
PySide6 6.11.x is fine, and on Python 3.12+ these singletons are immortal so the bug is
harmless. Where the probe below sees the leak, we make None/True/False effectively immortal
the way 3.12 does (a huge reference count: they are static objects, never freed anyway).
The real fix is a dependency pin (`pyside6 != 6.12.0`), requested from the project lead.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def _probe() -> bool:
    class _Probe(QObject):
        fired = Signal()

    p = _Probe()
    before = sys.getrefcount(True)
    n = 16
    for _ in range(n):
        p.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):  # repair what the probe itself broke
        _incref(True)
    return lost >= n


EMIT_LEAKS_BOOL = _probe()


def _void_leaks_none() -> bool:
    from PySide6.QtCore import QTimer

    t = QTimer()
    before = sys.getrefcount(None)
    n = 16
    for _ in range(n):
        t.setInterval(5)  # a void method
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        _incref(None)
    return lost >= n


VOID_LEAKS_NONE = _void_leaks_none()
IMMORTALISED = False


def immortalise_singletons() -> bool:
    """Give None/True/False a reference count no leak can exhaust (only on an affected build)."""
    global IMMORTALISED
    if IMMORTALISED or not (EMIT_LEAKS_BOOL or VOID_LEAKS_NONE) or sys.version_info >= (3, 12):
        return IMMORTALISED
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    IMMORTALISED = True
    return True


def describe() -> str | None:
    """One log line about the work-around in force, if any (logged by ui.app once logging is set up)."""
    if not IMMORTALISED:
        return None
    import PySide6

    return (
        f"PySide6 {PySide6.__version__} leaks references to None/True on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}; singleton work-around applied "
        "(pin pyside6 != 6.12.0)"
    )


immortalise_singletons()


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, safe on PySide6 builds whose emit() leaks a bool reference."""
    r = signal.emit(*args)
    if EMIT_LEAKS_BOOL and (r is True or r is False):
        _incref(r)
