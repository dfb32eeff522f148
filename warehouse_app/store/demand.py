"""The paid-units-per-SKU counter (`promo_sku_demand`, promo migration 0004) and its set-wise twin.

Triggers on `orders` / `order_items` keep the counter right for every writer, one row at a time.
A bulk import (importer.import_orders_file) suspends those triggers inside its own transaction and
keeps the counter set-wise instead: per chunk, the paid units the chunk's orders had before minus
what they have after (`apply_orders(..., demand_setwise=True)`), then puts the triggers back from
their own stored SQL before it commits. A failure rolls the suspension back with the rest, so no
other connection ever sees the triggers missing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

TRIGGERS = (
    "promo_demand_item_ins",
    "promo_demand_item_del",
    "promo_demand_item_upd",
    "promo_demand_status",
    "promo_demand_order_del",
)


def suspend_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the counter's triggers (caller's transaction); returns their SQL for `restore_triggers`."""
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name IN "
        f"({','.join('?' * len(TRIGGERS))}) ORDER BY name",
        TRIGGERS,
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [str(sql) for _name, sql in rows]


def triggers_suspended(conn: sqlite3.Connection) -> bool:
    """True when the counter exists but its item trigger does not (a bulk import is keeping it)."""
    names = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('promo_sku_demand', 'promo_demand_item_ins')"
        )
    }
    return names == {"promo_sku_demand"}


def restore_triggers(conn: sqlite3.Connection, sqls: Iterable[str]) -> None:
    for sql in sqls:
        conn.execute(sql)


def paid_units(conn: sqlite3.Connection, order_ids: list[str]) -> dict[str, int]:
    """Units per SKU of those of `order_ids` that are paid now (what the counter holds for them)."""
    out: dict[str, int] = {}
    for i in range(0, len(order_ids), 500):
        part = order_ids[i : i + 500]
        for sku, units in conn.execute(
            "SELECT i.sku_code, sum(i.qty) FROM order_items i JOIN orders o ON o.order_id = i.order_id "
            f"WHERE i.order_id IN ({','.join('?' * len(part))}) AND o.status = 'paid' "
            "GROUP BY i.sku_code",
            part,
        ):
            out[sku] = out.get(sku, 0) + int(units)
    return out


def add_units(conn: sqlite3.Connection, delta: dict[str, int]) -> None:
    """Add `delta` (SKU -> units, may be negative) to the counter, as the triggers would."""
    conn.executemany(
        "INSERT INTO promo_sku_demand (sku, units) VALUES (?, ?) "
        "ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units",
        [(sku, n) for sku, n in sorted(delta.items()) if n],
    )
