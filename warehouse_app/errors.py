"""Errors that carry a message meant for a person (zh first, en second)."""

from __future__ import annotations

# The base lives in the lowest layer so devices/ raises the same errors without importing the
# core (layers stay one-way: ui -> core -> devices).
from devices.errors import StationError

__all__ = ["ImportRowError", "InvalidOperation", "NotFound", "StationError", "StoreError"]


class StoreError(StationError):
    """The local database is missing, locked, corrupt or from a newer version."""


class ImportRowError(StationError):
    pass


class NotFound(StationError):
    pass


class InvalidOperation(StationError):
    pass
