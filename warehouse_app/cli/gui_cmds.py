"""Subcommands of this area (see warehouse_app/cli/__init__.py)."""
from __future__ import annotations

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add this area's subcommands."""
