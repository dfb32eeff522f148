"""`warehouse-station`: one argparse tree; each area registers its subcommands from its own module.

Every command prints a person-readable error (zh and en) and exits non-zero on bad input; it never
shows a traceback for an expected failure.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from pathlib import Path

from warehouse_app import __version__
from warehouse_app.errors import StationError
from warehouse_app.log import setup_logging
from warehouse_app.paths import db_path, default_data_dir, log_dir_for
from warehouse_app.startup import wire

logger = logging.getLogger(__name__)

# Area modules; each has `register(subparsers) -> None` and sets `func` on its parsers.
COMMAND_MODULES = [
    "warehouse_app.cli.core_cmds",
    "warehouse_app.cli.device_cmds",
    "warehouse_app.cli.sync_cmds",
    "warehouse_app.cli.promo_cmds",
    "warehouse_app.cli.gui_cmds",
    "warehouse_app.cli.config_cmds",
    "warehouse_app.cli.multistation_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warehouse-station",
        description="Packing-station app / 打包站：预包装批次、面单打印、扫描核对、快递交接、离线同步",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="station data folder (default: the OS per-user data dir)",
    )
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="message language")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def data_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(
        log_dir_for(args.data_dir) if not getattr(args, "no_log_file", False) else None,
        level=logging.DEBUG if args.verbose else logging.INFO,
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    wire()  # the one start-up place: the promo playbook's policies join the core here
    try:
        rc = args.func(args)
        return int(rc or 0)
    except StationError as exc:
        msg = exc.zh if args.lang == "zh" else str(exc)
        print(f"错误 / error: {msg}", file=sys.stderr)
        if args.lang == "zh" and exc.zh != str(exc):
            print(f"  {exc}", file=sys.stderr)
        logger.error("command %s failed: %s", args.command, exc)
        return 1
    except sqlite3.Error as exc:
        from warehouse_app.store.db import explain

        err = explain(exc, db_path(data_dir_of(args)))
        print(f"错误 / error: {err.zh if args.lang == 'zh' else err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
