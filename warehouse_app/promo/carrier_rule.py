"""One carrier's allocation rule (role, share, regions, capacity, coverage): plain data shared by the
pure allocator and the carrier operations, kept below both so neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("main", "backup", "dynamic")


@dataclass
class CarrierRule:
    carrier: str
    role: str
    share: float = 0.0
    regions: tuple[str, ...] = ()
    daily_capacity: int = 0  # 0 = no limit
    cost_cents: int = 0
    next_day_regions: tuple[str, ...] = ()
    rank: int = 100
    failing: bool = False
    coverage: tuple[str, ...] = ()  # regions it delivers to at all (empty = everywhere)
