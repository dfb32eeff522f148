"""Promise tiers (first hour, standard, delayed ...): their validation, below both the promo
settings (which check a stored tier list with it) and staggered shipping (which uses them)."""

from __future__ import annotations

from typing import Any

from warehouse_app.errors import StationError


def validate_tiers(tiers: Any) -> list[dict[str, Any]]:
    if not isinstance(tiers, list) or not tiers:
        raise StationError(
            "promise_tiers must be a non-empty list", zh="发货承诺档位必须是非空列表"
        )
    names = set()
    for t in tiers:
        if (
            not isinstance(t, dict)
            or not t.get("tier")
            or not isinstance(t.get("ship_within_h"), (int, float))
            or t["ship_within_h"] <= 0
        ):
            raise StationError(
                f"each promise tier needs a name and ship_within_h > 0: {t!r}",
                zh=f"每个承诺档位需要名称和 ship_within_h > 0：{t!r}",
            )
        if t["tier"] in names:
            raise StationError(
                f"duplicate promise tier {t['tier']!r}", zh=f"承诺档位重复：{t['tier']!r}"
            )
        names.add(t["tier"])
    if not any(not t.get("delayed_ok") and "paid_within_min" not in t for t in tiers):
        raise StationError(
            "promise_tiers needs a catch-all tier (no paid_within_min, not delayed)",
            zh="承诺档位需要一个兜底档（无 paid_within_min，非延迟）",
        )
    return tiers
