"""Policies: rules from other areas (the promo playbook) that the core consults at fixed points.

Which policies a process runs with is decided in one start-up place (`warehouse_app.startup`)
and installed here explicitly; importing a module never adds one. The core calls them:

- `bind_checks`: fn(conn, parcel_row, order_row) -> False refuses binding that order to the
  parcel (the promo oversell guard), consulted by `batches.bind_parcel`.
- `after_apply`: fn(conn, applied_orders, operator) at the end of `orders.apply_orders`, in its
  transaction (oversell refresh, carrier capacity count); it looks only at the orders given.
- `demo_extensions`: fn(conn, rng, info) after `demo.build_demo` (the promo playbook's data).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

BindCheck = Callable[[sqlite3.Connection, "sqlite3.Row | None", sqlite3.Row], bool]
AfterApply = Callable[[sqlite3.Connection, list[Any], "str | None"], None]
DemoExtension = Callable[[sqlite3.Connection, random.Random, dict[str, Any]], None]


@dataclass(frozen=True)
class Policies:
    bind_checks: tuple[BindCheck, ...] = ()
    after_apply: tuple[AfterApply, ...] = ()
    demo_extensions: tuple[DemoExtension, ...] = ()


_installed = Policies()


def current() -> Policies:
    """The policies this process was started with (none until start-up installs them)."""
    return _installed


def install(policies: Policies) -> Policies:
    """Make `policies` the process's policies; returns the previous ones (tests restore them)."""
    global _installed
    previous, _installed = _installed, policies
    return previous
