"""Packing-station core: domain, store, scan engine, sync and CLI. Never imports Qt."""

from importlib import metadata as _metadata


def _package_version() -> str:
    """The installed distribution's version (pyproject.toml is the one place it is written);
    a frozen bundle carries the same metadata (the PyInstaller spec copies it)."""
    try:
        return _metadata.version("warehouse-station")
    except _metadata.PackageNotFoundError:  # a bare source tree that was never pip-installed
        return "0+unknown"


__version__ = _package_version()
