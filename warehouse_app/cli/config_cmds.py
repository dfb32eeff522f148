"""`warehouse-station config list|get|set`: the settings registry for IT (warehouse_app.settings).

Every value is validated before it is saved (a wrong one says what is allowed, zh + en, and
changes nothing); the window and the headless station read the same keys. `--operator CODE`
reads or sets that operator's own value of a user setting (as the settings page does for the
operator logged in); without it, the station's value."""

from __future__ import annotations

import argparse
import json

from warehouse_app import settings
from warehouse_app.cli.common import add_format, conn_of, emit


def cmd_config(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    if args.config_cmd == "list":
        rows = settings.describe(conn, args.operator)
        if args.format == "json":
            emit(rows, "json")
        else:
            label = "zh" if args.lang == "zh" else "en"
            emit(
                [
                    {
                        "key": r["key"],
                        "value": json.dumps(r["value"], ensure_ascii=False),
                        "default": json.dumps(r["default"], ensure_ascii=False),
                        "scope": r["scope"],
                        "label": r[label],
                    }
                    for r in rows
                ],
                args.format,
            )
        return 0
    if args.config_cmd == "get":
        print(json.dumps(settings.get(conn, args.key, args.operator), ensure_ascii=False))
        return 0
    value = settings.set_value(conn, args.key, args.value, args.operator)
    print(json.dumps({"key": args.key, "value": value}, ensure_ascii=False))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands."""
    p = sub.add_parser("config", help="station settings (IT) / 工位设置")
    csub = p.add_subparsers(dest="config_cmd", required=True)
    q = csub.add_parser("list", help="every setting: value, default, scope, label")
    add_format(q)
    q.add_argument("--operator", help="as this operator sees them (user settings)")
    q.set_defaults(func=cmd_config)
    q = csub.add_parser("get", help="one setting's value (JSON)")
    q.add_argument("key")
    q.add_argument("--operator", help="this operator's own value (user settings)")
    q.set_defaults(func=cmd_config)
    q = csub.add_parser("set", help="validate and save one setting")
    q.add_argument("key")
    q.add_argument("value")
    q.add_argument("--operator", help="set it for this operator only (user settings)")
    q.set_defaults(func=cmd_config)
