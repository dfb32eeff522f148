"""Device errors that carry a message for a person (zh + en), on top of StationError."""

from __future__ import annotations

from warehouse_app.errors import StationError


class DeviceError(StationError):
    """A device could not be opened, configured or talked to."""


class FontNotFound(DeviceError):
    """No CJK font: Chinese text on labels would print as boxes."""


class PrinterURLError(DeviceError):
    """A printer URL that cannot be understood; the message shows a correct one."""


class PrinterFault(DeviceError):
    """The printer reported a condition that must hold the queue (paper out, head open...)."""
