"""Promo settings: one typed set of defaults, overridden per promo in the `promo_config` table.

Kept in SQLite (like the station settings) so a lead's change survives restarts and syncs as an event.
"""

from __future__ import annotations

import copy
import json
import logging
import sqlite3
from typing import Any

from warehouse_app.errors import StationError
from warehouse_app.outbox import append_event
from warehouse_app.promo.tiers import validate_tiers
from warehouse_app.promo.weights import normalise_weights

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # stock tiers
    "hot_threshold_cny": 1_000_000,  # a past session sold more than this -> core hot
    "hot_factor": 1.5,  # core hot stock = factor x historical peak session units
    "new_max_sessions": 2,  # fewer past sessions than this -> potential new
    "new_first_lot_share": 0.5,  # first lot = share x expected units from the schedule
    "new_default_first_lot": 200,  # when the schedule gives no expectation
    "new_reorder_share": 0.3,  # re-order when stock falls to this share of the first lot
    "long_tail_base_units": 50,
    # pre-pack
    "prepack_share": 0.8,  # share of a core hot SKU's recommended stock packed ahead
    "prepack_days_before": [14, 7],  # window: from N days before the session until M days before
    # staggered shipping
    "promise_tiers": [
        {"tier": "first_hour", "paid_within_min": 60, "ship_within_h": 24},
        {"tier": "standard", "ship_within_h": 48},
        {"tier": "delayed", "delayed_ok": True, "ship_within_h": 168, "compensation": True},
    ],
    "at_risk_hours": 4,
    "presale_days": 7,  # an oversold SKU switched to presale: stock expected this many days later
    # carriers
    "stall_minutes": 120,
    "all_regions": ["east", "north", "south", "central", "southwest", "northeast", "northwest"],
    # scorecard
    "scorecard_weights": {"response": 30, "peak": 25, "coverage": 20, "exceptions": 15, "cost": 10},
    "exception_target_hours": 24,
    "exception_limit_per_1000": 20,  # this many exception cases per 1,000 parcels scores 0
}


def get(conn: sqlite3.Connection, key: str) -> Any:
    """The configured value, or the default."""
    if key not in DEFAULTS:
        raise KeyError(key)
    row = conn.execute("SELECT value FROM promo_config WHERE key=?", (key,)).fetchone()
    return json.loads(row[0]) if row else copy.deepcopy(DEFAULTS[key])


def all_config(conn: sqlite3.Connection) -> dict[str, Any]:
    return {k: get(conn, k) for k in DEFAULTS}


def set_value(conn: sqlite3.Connection, key: str, value: Any, operator: str | None = None) -> None:
    """Validate and store one setting; caller owns the transaction."""
    if key not in DEFAULTS:
        raise StationError(
            f"Unknown promo setting {key!r} (known: {', '.join(DEFAULTS)})",
            zh=f"未知的大促设置 {key!r}",
        )
    default = DEFAULTS[key]
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise StationError(
                f"{key} must be a non-negative number, got {value!r}",
                zh=f"{key} 必须是非负数：{value!r}",
            )
    elif type(default) is not type(value):
        raise StationError(
            f"{key} must be a {type(default).__name__}, got {value!r}",
            zh=f"{key} 的类型应为 {type(default).__name__}：{value!r}",
        )
    if key == "scorecard_weights":
        value = normalise_weights(value)
        if not sum(value.values()):
            raise StationError(
                "At least one scorecard weight must be above 0", zh="至少一个评分权重须大于 0"
            )
    if key == "promise_tiers":
        validate_tiers(value)
    conn.execute(
        "INSERT OR REPLACE INTO promo_config (key, value) VALUES (?, ?)",
        (key, json.dumps(value, ensure_ascii=False)),
    )
    append_event(conn, "promo.config_set", {"key": key, "value": value}, operator=operator)
    logger.info("promo setting %s=%r", key, value)
