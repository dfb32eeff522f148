"""`warehouse-station gui`: open the packing-station window (Qt is imported only inside the command,
so the core and the other commands never load PySide6)."""

from __future__ import annotations

import argparse


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui  # Qt lives in ui/, loaded only for this command

    return run_gui(
        args.data_dir, demo=args.demo, lang=args.gui_lang, feed=args.feed, sounds=not args.no_sound
    )


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
