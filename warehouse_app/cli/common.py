"""Helpers shared by the CLI areas: opening the station DB and printing rows."""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any

from warehouse_app.paths import db_path
from warehouse_app.reports import format_csv, format_json, format_table
from warehouse_app.store import Store, open_store


def iso_time(text: str) -> str:
    """argparse type for a point in time: any ISO 8601 form, normalised to the stored UTC text
    (times compare as text in SQLite, so `2026-11-11T20:00+08:00` must become `...12:00:00.000Z`)."""
    from warehouse_app.clock import iso, parse_iso

    try:
        return iso(parse_iso(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {text!r} (e.g. 2026-11-11T20:00:00+08:00) / 不是有效时间"
        ) from None


def tcp_port(text: str) -> int:
    """argparse type for a TCP port (0 = any free port)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r} / 端口号无效") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {n} / 端口号须在 0-65535")
    return n


def store_of(args: argparse.Namespace, create: bool = False) -> Store:
    from warehouse_app.cli import data_dir_of

    return open_store(db_path(data_dir_of(args)), create=create)


def conn_of(args: argparse.Namespace, create: bool = False) -> sqlite3.Connection:
    return store_of(args, create=create).connect()


def add_format(p: argparse.ArgumentParser, default: str = "table") -> None:
    p.add_argument("--format", choices=["table", "json", "csv"], default=default)


def emit(
    rows: Sequence[dict[str, Any]] | dict[str, Any], fmt: str, columns: Sequence[str] | None = None
) -> None:
    if fmt == "json":
        print(format_json(rows))
    elif fmt == "csv":
        assert not isinstance(rows, dict)
        # a BOM: Excel on Windows reads a CSV as UTF-8 only when it starts with one
        sys.stdout.write("\ufeff" + format_csv(rows, columns))
    else:
        assert not isinstance(rows, dict)
        print(format_table(rows, columns))


class LazyModule:
    """A module imported on first use. The CLI registers every area's commands at start; a
    headless station should not pay for areas it never runs (promo operations and what they
    import: ~5 MB resident). Bind it under `if TYPE_CHECKING:` to the real module for mypy."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)
