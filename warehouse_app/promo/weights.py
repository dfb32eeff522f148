"""The scorecard's parts and weight checking, below both the promo settings (which validate a
stored weight set with it) and the scorecard (which scores with it)."""

from __future__ import annotations

from typing import Any

from warehouse_app.errors import StationError

PARTS = ("response", "peak", "coverage", "exceptions", "cost")
ALIASES = {"next_day": "coverage"}  # the old name of the coverage part


def normalise_weights(raw: dict[str, Any]) -> dict[str, float]:
    """Weights keyed by part (old 'next_day' read as 'coverage'); a clear error names the parts."""
    out: dict[str, float] = {}
    for k, v in raw.items():
        part = ALIASES.get(k, k)
        if part not in PARTS:
            raise StationError(
                f"Unknown scorecard part {k!r}: the parts are {', '.join(PARTS)} "
                "(e.g. --weights '{\"coverage\": 20}')",
                zh=f"未知的评分项 {k!r}：评分项为 {', '.join(PARTS)}（例如 --weights '{{\"coverage\": 20}}'）",
            )
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise StationError(
                f"The weight of {part} must be a number >= 0, got {v!r}",
                zh=f"{part} 的权重必须是 >= 0 的数字：{v!r}",
            )
        out[part] = float(v)
    return out
