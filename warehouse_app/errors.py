"""Errors that carry a message meant for a person (zh first, en second)."""

from __future__ import annotations


class StationError(Exception):
    """Base error: `str()` is the English message; `.zh` the Chinese one."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh or message

    @property
    def message(self) -> str:
        return str(self)


class StoreError(StationError):
    """The local database is missing, locked, corrupt or from a newer version."""


class ImportRowError(StationError):
    pass


class NotFound(StationError):
    pass


class InvalidOperation(StationError):
    pass
