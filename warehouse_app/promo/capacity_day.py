"""The carrier capacity day and its usage counter: shared by allocation (carriers) and by the
e-waybill area (a cancellation gives capacity back), which must not import each other."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from warehouse_app.clock import utcnow

CHINA_TZ = timezone(timedelta(hours=8))


def today(now: datetime | None = None) -> str:
    """The warehouse's calendar day (China time): daily capacities reset at local midnight."""
    return (now or utcnow()).astimezone(CHINA_TZ).strftime("%Y-%m-%d")


def bump_usage(conn: sqlite3.Connection, day: str, counts: dict[str, int]) -> None:
    """Add (or, negative, give back) capacity use for the day; never below zero."""
    conn.executemany(
        "INSERT INTO carrier_usage (carrier, day, allocated) VALUES (?,?,max(0, ?)) "
        "ON CONFLICT(carrier, day) DO UPDATE SET allocated = max(0, allocated + ?)",
        [(c, day, n, n) for c, n in counts.items() if n],
    )
