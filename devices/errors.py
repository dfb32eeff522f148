"""The station's bilingual error base and the device errors on it.

`StationError` lives here, in the lowest layer, so devices can raise errors a person can read
(zh first, en second) without importing the core; the core's errors (warehouse_app.errors)
extend the same class, so one `except StationError` anywhere catches a device fault too.
"""

from __future__ import annotations


class StationError(Exception):
    """Base error: `str()` is the English message; `.zh` the Chinese one."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh or message

    @property
    def message(self) -> str:
        return str(self)


class DeviceError(StationError):
    """A device could not be opened, configured or talked to."""


class FontNotFound(DeviceError):
    """No CJK font: Chinese text on labels would print as boxes."""


class PrinterURLError(DeviceError):
    """A printer URL that cannot be understood; the message shows a correct one."""


class PrinterFault(DeviceError):
    """The printer reported a condition that must hold the queue (paper out, head open...)."""
