"""Helpers shared by the CLI areas: opening the station DB and printing rows."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import Any, Sequence

from warehouse_app.paths import db_path
from warehouse_app.reports import format_csv, format_json, format_table
from warehouse_app.store import Store, open_store


def store_of(args: argparse.Namespace, create: bool = False) -> Store:
    from warehouse_app.cli import data_dir_of

    return open_store(db_path(data_dir_of(args)), create=create)


def conn_of(args: argparse.Namespace, create: bool = False) -> sqlite3.Connection:
    return store_of(args, create=create).connect()


def add_format(p: argparse.ArgumentParser, default: str = "table") -> None:
    p.add_argument("--format", choices=["table", "json", "csv"], default=default)


def emit(rows: Sequence[dict[str, Any]] | dict[str, Any], fmt: str, columns: Sequence[str] | None = None) -> None:
    if fmt == "json":
        print(format_json(rows))
    elif fmt == "csv":
        assert not isinstance(rows, dict)
        sys.stdout.write(format_csv(rows, columns))
    else:
        assert not isinstance(rows, dict)
        print(format_table(rows, columns))
