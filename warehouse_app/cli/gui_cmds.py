"""`warehouse-station gui`: open the packing-station window.

The core never imports `ui/`: the window registers itself as the `gui` front end under the
`warehouse_station.front_ends` entry point group (pyproject.toml), and this command looks it up,
so Qt is loaded only here and only when the window is installed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from warehouse_app.errors import StationError

FRONT_ENDS = "warehouse_station.front_ends"


def front_end(name: str) -> Callable[..., Any]:
    """The installed front end `name` (e.g. the window's `run_gui`)."""
    for ep in entry_points(group=FRONT_ENDS):
        if ep.name == name:
            fn: Callable[..., Any] = ep.load()
            return fn
    raise StationError(
        f"The '{name}' front end is not installed: reinstall the station "
        "(./scripts/setup.sh or pip install -e .)",
        zh=f"未安装界面 {name}：请重新安装工位（./scripts/setup.sh 或 pip install -e .）",
    )


def cmd_gui(args: argparse.Namespace) -> int:
    run_gui = front_end("gui")
    rc = run_gui(
        args.data_dir, demo=args.demo, lang=args.gui_lang, feed=args.feed, sounds=not args.no_sound
    )
    return int(rc)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands."""
    p = sub.add_parser(
        "gui",
        help="open the packing-station window / 打开打包站窗口",
        description="Open the packing-station window. --demo opens it on embedded demo data "
        "with simulated scanner, printer and scale (no external service needed).",
    )
    p.add_argument(
        "--demo", action="store_true", help="embedded demo data + simulated devices / 演示模式"
    )
    p.add_argument(
        "--feed", action="store_true", help="with --demo: play a few simulated scans / 自动演示扫描"
    )
    p.add_argument(
        "--ui-lang",
        dest="gui_lang",
        choices=["zh", "en"],
        default=None,
        help="window language (default: the station setting) / 界面语言",
    )
    p.add_argument("--no-sound", action="store_true", help="no verdict sounds / 关闭提示音")
    p.set_defaults(func=cmd_gui)
