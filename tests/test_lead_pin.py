"""The lead PIN lockout: five wrong tries lock lead actions for an escalating time, in the core
(used by the window) and the CLI alike; every failure is an outbox event the hub receives."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.core_helpers import seed_station
from tests.sync_helpers import Hub, Station, hub, linked, station, wait_for
from warehouse_app.lead_pin import (
    LOCK_STEPS_S,
    MAX_TRIES,
    LeadLocked,
    WrongPin,
    authorize_lead,
    locked_for,
)
from warehouse_app.station import add_operator, verify_lead
from warehouse_app.store.tx import transaction


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 11, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, s: float) -> None:
        self.now += timedelta(seconds=s)


def events(conn: sqlite3.Connection, prefix: str = "lead.") -> list[tuple[str, dict]]:
    return [
        (r[0], json.loads(r[1]))
        for r in conn.execute(
            "SELECT type, payload FROM events WHERE type LIKE ? ORDER BY seq", (prefix + "%",)
        )
    ]


def test_five_wrong_tries_lock_even_the_right_pin_then_escalate(conn: sqlite3.Connection) -> None:
    clock = FakeClock()
    for i in range(MAX_TRIES - 1):
        with pytest.raises(WrongPin) as e:
            authorize_lead(conn, "L1", "0000", clock=clock)
        assert e.value.left == MAX_TRIES - 1 - i
        assert "PIN" in e.value.zh and "PIN" in str(e.value)
    with pytest.raises(LeadLocked) as locked:
        authorize_lead(conn, "L1", "9999", clock=clock)
    assert locked.value.seconds == LOCK_STEPS_S[0]
    assert "锁定" in locked.value.zh and "locked" in str(locked.value)
    # the right PIN during the lock is refused without being checked
    clock.advance(LOCK_STEPS_S[0] - 5)
    with pytest.raises(LeadLocked):
        authorize_lead(conn, "L1", "4321", clock=clock)
    assert locked_for(conn, clock) == 5
    clock.advance(6)
    assert locked_for(conn, clock) == 0
    # five more wrong tries (another code counts too: the lock is the station's) lock longer
    for _ in range(MAX_TRIES - 1):
        with pytest.raises(WrongPin):
            authorize_lead(conn, "P1", "1", clock=clock)
    with pytest.raises(LeadLocked) as again:
        authorize_lead(conn, "L1", "1", clock=clock)
    assert again.value.seconds == LOCK_STEPS_S[1] > LOCK_STEPS_S[0]
    clock.advance(LOCK_STEPS_S[1] + 1)
    assert authorize_lead(conn, "L1", "4321", clock=clock)["code"] == "L1"
    # a right PIN resets the escalation
    for _ in range(MAX_TRIES):
        with pytest.raises((WrongPin, LeadLocked)):
            authorize_lead(conn, "L1", "0", clock=clock)
    assert locked_for(conn, clock) == LOCK_STEPS_S[0]
    evs = events(conn)
    kinds = [k for k, _ in evs]
    assert kinds.count("lead.pin_failed") == 3 * MAX_TRIES
    assert kinds.count("lead.pin_locked") == 3
    assert kinds.count("lead.pin_refused") == 1
    first = evs[0][1]
    assert first["lead"] == "L1" and first["via"] == "window" and first["failures"] == 1
    assert not any(p.get("pin") for _, p in evs), "a PIN is never recorded"


def test_the_lock_survives_a_new_connection(store, conn: sqlite3.Connection) -> None:
    clock = FakeClock()
    for _ in range(MAX_TRIES):
        with pytest.raises((WrongPin, LeadLocked)):
            authorize_lead(conn, "L1", "0", clock=clock)
    other = store.connect()
    try:
        with pytest.raises(LeadLocked):
            authorize_lead(other, "L1", "4321", clock=clock)
    finally:
        other.close()


def test_verify_lead_goes_through_the_lock(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        add_operator(conn, "L2", "Lead Two", "lead", pin="2468")
    assert verify_lead(conn, "L2", "2468")["name"] == "Lead Two"
    for _ in range(MAX_TRIES):
        with pytest.raises((WrongPin, LeadLocked)):
            verify_lead(conn, "L2", "0000")
    with pytest.raises(LeadLocked):
        verify_lead(conn, "L2", "2468")


def test_cli_reprint_is_locked_like_the_window(data_dir: Path, store) -> None:
    c = store.connect()
    seed_station(c)
    c.close()
    args = ["reprint", "--waybill", "X1", "--printer", "file:///dev/null", "--lead", "L1"]
    for _ in range(MAX_TRIES):
        bad = run_cli(data_dir, *args, "--pin", "0000", check=False)
        assert bad.returncode != 0 and "PIN" in bad.stderr
    locked = run_cli(data_dir, *args, "--pin", "4321", check=False, lang="zh")
    assert locked.returncode != 0
    assert "锁定" in locked.stderr and "locked" in locked.stderr
    c = store.connect()
    try:
        kinds = [k for k, p in events(c)]
        assert kinds.count("lead.pin_failed") == MAX_TRIES
        assert all(p["via"] == "cli" for k, p in events(c) if k == "lead.pin_failed")
    finally:
        c.close()


def test_pin_failures_reach_the_hub(linked: tuple[Hub, Station]) -> None:
    hub_, st = linked

    def fail(conn: sqlite3.Connection) -> None:
        with pytest.raises(WrongPin):
            authorize_lead(conn, "NOBODY", "1")

    st.writer.call(fail)
    svc = st.service()
    svc.start()
    wait_for(
        lambda: any(
            e["type"] == "lead.pin_failed" for e in hub_.storage.events(st.station_id, 0, 10**9)
        ),
        what="the failed PIN event on the hub",
    )
    svc.stop()
