"""The station's outbox sheds what the hub acknowledged once it is older than the retention
window; seq never goes backwards, unacknowledged events never go, and the hub still takes the
next push (real station files, a real hub on SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.sync_helpers import Hub, Station, hub, hub_events, linked, station
from warehouse_app import outbox, settings
from warehouse_app.store.tx import transaction

OLD = "2026-01-05T08:00:00.000Z"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def _compact(st: Station, days: int = 30) -> int:
    return int(st.writer.call(outbox.compact, days, NOW))


def _seqs(st: Station) -> list[int]:
    return [s for s, _ in st.events()]


def _delete(st: Station, seq: int) -> None:
    def run(conn: sqlite3.Connection) -> None:
        with transaction(conn):
            conn.execute("DELETE FROM events WHERE seq=?", (seq,))

    st.writer.call(run)


def test_compaction_keeps_unacked_and_newest_and_seq_is_never_reused(
    tmp_path: Path, linked: tuple[Hub, Station]
) -> None:
    hub, st = linked
    st.writer.call(_set, "sync.outbox_retention_days", 0)  # compacted by hand here
    st.add_events(50, at=OLD)
    st.service().sync_once()  # the hub acknowledges 1..50
    st.add_events(10, at=OLD)  # 51..60: old, but not acknowledged yet
    assert _compact(st) == 50
    assert _seqs(st) == list(range(51, 61))
    # the database itself refuses to drop what the hub has not acknowledged
    with pytest.raises(sqlite3.IntegrityError, match="acknowledged"):
        _delete(st, 55)
    assert _seqs(st) == list(range(51, 61))
    st.service().sync_once()  # now 51..60 are acknowledged too
    assert _compact(st) == 9  # all but the newest: max(seq) must not go backwards
    assert _seqs(st) == [60]
    with pytest.raises(sqlite3.IntegrityError, match="newest"):
        _delete(st, 60)
    assert _compact(st) == 0
    # restart the station: the next event is 61, not a reused number
    st.close()
    st2 = Station(tmp_path / "station.db")
    try:
        st2.add_events(3)
        assert _seqs(st2) == [60, 61, 62, 63]
        res = st2.service().sync_once()
        assert res.pushed == 3 and res.acked_seq == 63 and res.pending_events == 0
        got = hub_events(hub, st2.station_id)
        assert [s for s, _ in got] == list(range(1, 64))
        assert len({u for _, u in got}) == 63  # every event once
        assert got[-4:] == st2.events()
    finally:
        st2.close()


def test_only_events_older_than_the_window_go(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.writer.call(_set, "sync.outbox_retention_days", 0)  # compacted by hand here
    st.add_events(20, at=OLD)
    st.add_events(20, at="2026-11-29T08:00:00.000Z")  # yesterday
    st.add_events(5, at=OLD)  # a station clock set back: stays, it follows newer events
    st.service().sync_once()
    assert _compact(st, days=0) == 0  # 0 keeps everything
    assert _compact(st, days=30) == 20
    assert _seqs(st) == list(range(21, 46))


def test_the_sync_loop_compacts_after_a_good_sync(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(30, at=OLD)
    svc = st.service()
    st.writer.call(_set, "sync.outbox_retention_days", 0)
    svc.sync_once()
    assert len(_seqs(st)) == 30  # retention 0: nothing removed
    st.writer.call(_set, "sync.outbox_retention_days", 7)
    svc2 = st.service()  # a new service (the loop compacts at most hourly per service)
    st.add_events(1)
    res = svc2.sync_once()
    assert res.acked_seq == 31 and res.pending_events == 0
    assert _seqs(st) == [31]
    assert [s for s, _ in hub_events(hub, st.station_id)] == list(range(1, 32))


def _set(conn: sqlite3.Connection, key: str, value: int) -> None:
    settings.set_value(conn, key, value)
