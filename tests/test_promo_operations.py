"""Promo lead actions own their transactions: `use_case` commits what a step wrote when it
returns and keeps nothing of it when it raises (a real SQLite station)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_promo_common import new_station
from warehouse_app.errors import StationError
from warehouse_app.promo import carriers
from warehouse_app.promo import operations as ops


def _carrier(conn: sqlite3.Connection, code: str) -> tuple[int, int]:
    rows = conn.execute("SELECT count(*) FROM carriers WHERE code=?", (code,)).fetchone()[0]
    events = conn.execute(
        "SELECT count(*) FROM events WHERE payload LIKE ?", (f'%"{code}"%',)
    ).fetchone()[0]
    return int(rows), int(events)


def test_an_action_commits_its_step_and_keeps_nothing_when_it_fails(tmp_path: Path) -> None:
    conn = new_station(tmp_path)
    assert _carrier(conn, "JT") == (0, 0)
    row = ops.add_carrier(conn, "JT", name="J&T", name_zh="极兔", operator="L1")
    assert row["code"] == "JT" and not conn.in_transaction
    assert _carrier(conn, "JT")[0] == 1 and _carrier(conn, "JT")[1] >= 1
    fresh = sqlite3.connect(tmp_path / "station.db")  # another connection sees it committed
    assert fresh.execute("SELECT count(*) FROM carriers WHERE code='JT'").fetchone()[0] == 1
    fresh.close()

    def add_then_fail(conn: sqlite3.Connection, code: str) -> None:
        carriers.add_carrier(conn, code, name=code, operator="L1")
        raise StationError("refused after the write", zh="写入之后被拒绝")

    action = ops.use_case(add_then_fail, "Add a carrier, then fail.")
    with pytest.raises(StationError, match="after the write"):
        action(conn, "STO")
    assert _carrier(conn, "STO") == (0, 0) and not conn.in_transaction
    assert action.__doc__ == "Add a carrier, then fail." and action.__module__ == ops.__name__
