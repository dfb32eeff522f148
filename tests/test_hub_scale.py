"""The hub at warehouse-group scale (issue 13), on SQLite and on a real PostgreSQL server:
cursors in commit order, restore epochs, token cache, back-pressure, workers, retention."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.core_helpers import order
from tests.sync_helpers import (
    Hub,
    Station,
    assert_exactly_once,
    hub,
    linked,
    outbox_event,
    station,
)
from warehouse_app.hub.storage import TOKEN_CACHE_S, SqlHubStorage, hash_token, open_storage


@pytest.fixture
def db_url(tmp_path: Path, hub_url: tuple[str | None, Any]) -> str:
    """A hub database URL on each backend (no hub process)."""
    return hub_url[0] or f"sqlite:///{tmp_path / 'hubdb' / 'hub.db'}"


@pytest.fixture
def two_handles(db_url: str) -> Iterator[tuple[SqlHubStorage, SqlHubStorage]]:
    """Two storages on one database: two hub processes, as far as the database can tell."""
    a, b = open_storage(db_url), open_storage(db_url)
    yield a, b
    a.close()
    b.close()


ev = outbox_event


def test_cursor_never_skips_a_change_committed_late(
    two_handles: tuple[SqlHubStorage, SqlHubStorage],
) -> None:
    """A slow writer takes its rev first and commits last; a station pulling all along (cursor
    = the last rev it saw) still gets both changes: revs follow commit order."""
    slow, fast = two_handles
    slow_has_rev, release = threading.Event(), threading.Event()

    def slow_writer() -> None:
        def run(tx: Any) -> None:
            rev = slow.next_rev(tx)
            tx.execute(
                "INSERT INTO records (kind, key, data, rev, updated_at) VALUES (?,?,?,?,?)",
                ("sku", "SLOW", '{"code":"SLOW"}', rev, "2026-11-11T12:00:00Z"),
            )
            slow_has_rev.set()
            release.wait(30)  # hold the transaction open: a deliberately slow commit

        slow.run_write(run)

    t1 = threading.Thread(target=slow_writer)
    t1.start()
    assert slow_has_rev.wait(30)
    t2 = threading.Thread(target=lambda: fast.put_records("sku", [("FAST", {"code": "FAST"})]))
    t2.start()
    seen: list[str] = []
    cursor = 0

    def pull() -> None:
        nonlocal cursor
        for c in fast.changes_since(cursor, 100):
            seen.append(c.key)
            cursor = c.rev

    deadline = time.monotonic() + 0.5  # the fast writer has every chance to commit first
    while time.monotonic() < deadline:
        pull()
        time.sleep(0.02)
    release.set()
    t1.join(30)
    t2.join(30)
    pull()
    assert sorted(seen) == ["FAST", "SLOW"], seen
    assert seen == ["SLOW", "FAST"]  # the one that took its rev first committed first


def test_the_event_feed_follows_commit_order_past_a_new_digit(db_url: str) -> None:
    """The ledger follows stored events in small steps and sees each exactly once, also where
    PostgreSQL's transaction ids gain a digit (9 -> 10: text order would put 10 first and
    the position would pass the events of 9 for good)."""
    s = open_storage(db_url)
    try:
        s.add_station("S1", hash_token("t"))
        pg = s.dialect.name == "postgresql"

        def store(tx: Any) -> None:
            for seq, txid in enumerate((10, 10, 10, 9, 9, 9), start=1):
                tx.execute(
                    "INSERT INTO events (station_id, seq, uuid, type, payload, operator, "
                    "created_at, received_at" + (", txid" if pg else "") + ") "
                    "VALUES (?,?,?,?,?,?,?,?" + (",?::xid8" if pg else "") + ")",
                    ("S1", seq, str(uuid.uuid4()), "test.event", "{}", "P1", "2026-11-11T12:00Z")
                    + ("2026-11-11T12:00Z",)
                    + ((str(txid),) if pg else ()),
                )

        s.run_write(store)
        seen: list[int] = []
        pos = (0, 0)
        for _ in range(10):
            rows, pos, _held = s.run_write(lambda tx: s.follow_events(tx, pos, 2))
            seen += [int(r["id"]) for r in rows]
        assert sorted(seen) == sorted(set(seen)) and len(seen) == 6, seen
        if pg:  # transaction 9's events first, then 10's, each in id order
            ids = sorted(seen)
            assert seen == ids[3:] + ids[:3], seen
    finally:
        s.close()


def test_restore_from_an_older_backup_makes_stations_resync_and_say_so(
    tmp_path: Path, linked: tuple[Hub, Station]
) -> None:
    """The issue's case: the hub goes back to an older backup, then gets a cancellation and a
    new order before the station pulls. The station must not skip them ("0 downloaded")."""
    hub, st = linked
    hub.storage.put_records("order", [(f"O{i}", order(f"O{i}", {"A": 1})) for i in range(1, 3)])
    svc = st.service()
    svc.sync_once()
    backup = tmp_path / "hub-backup.dump"
    hub.backup(backup)
    hub.storage.put_records("order", [(f"O{i}", order(f"O{i}", {"A": 1})) for i in range(3, 6)])
    svc.sync_once()
    cursor_before = st.query("SELECT pull_cursor FROM sync_state")[0][0]
    assert cursor_before >= 5
    hub.stop()
    hub.restore(backup)
    hub.start()
    # after the restore, before the station pulls: a cancellation and a new order
    o1 = hub.storage.record("order", "O1")
    assert o1 is not None
    hub.storage.put_records("order", [("O1", {**o1, "status": "cancelled", "cancelled_at": None})])
    hub.storage.put_records("order", [(f"N{i}", order(f"N{i}", {"A": 1})) for i in range(4)])
    res = svc.sync_once()
    assert res.resynced, "the station must notice the restore"
    status = dict(st.query("SELECT order_id, status FROM orders WHERE order_id IN ('O1','N3')"))
    assert status == {"O1": "cancelled", "N3": "paid"}
    row = st.query("SELECT hub_epoch, last_resync_at FROM sync_state")[0]
    assert row[0] == hub.storage.epoch() and row[1]
    # and it settles: the next sync is a normal one
    assert not svc.sync_once().resynced


def test_a_revoked_token_stops_working_within_a_second(hub: Hub) -> None:
    token = hub.add_station("S1")
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(hub.url + "/api/v1/events/ack", headers=auth).status_code == 200
    other = open_storage(hub.database_url or hub.data_dir)  # an admin elsewhere
    try:
        assert other.revoke_station("S1")
    finally:
        other.close()
    time.sleep(TOKEN_CACHE_S + 0.2)
    assert httpx.get(hub.url + "/api/v1/events/ack", headers=auth).status_code == 401


def test_a_new_token_works_at_once_and_a_replaced_one_stops_within_a_second(hub: Hub) -> None:
    """Tokens are checked against every active station's, read at most twice a second: a
    station added or replaced meanwhile is let in at once, the replaced token not for long."""
    old = hub.add_station("S1")
    assert httpx.get(hub.url + "/api/v1/events/ack", headers=_bearer(old)).status_code == 200
    other = open_storage(hub.database_url or hub.data_dir)  # an admin elsewhere
    try:
        new = f"new-{uuid.uuid4().hex}"
        other.replace_station("S1", hash_token(new))
        added = f"added-{uuid.uuid4().hex}"
        other.add_station("S2", hash_token(added))
    finally:
        other.close()
    for token in (new, added):  # not in the tokens this hub process read a moment ago
        assert httpx.get(hub.url + "/api/v1/events/ack", headers=_bearer(token)).status_code == 200
    time.sleep(TOKEN_CACHE_S + 0.2)
    assert httpx.get(hub.url + "/api/v1/events/ack", headers=_bearer(old)).status_code == 401
    assert httpx.get(hub.url + "/api/v1/events/ack", headers=_bearer(new)).status_code == 200


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def busy_hub(tmp_path: Path, hub_url: tuple[str | None, Any]) -> Iterator[Hub]:
    """A hub that admits one sync call at a time: every other concurrent one gets 429."""
    h = Hub(
        tmp_path / "busyhub",
        database_url=hub_url[0],
        pg=hub_url[1],
        extra_args=["--max-queue", "1"],
    ).start()
    yield h
    h.stop()


def test_a_catch_up_storm_drains_with_no_failed_push(tmp_path: Path, busy_hub: Hub) -> None:
    stations = []
    for i in range(6):
        st = Station(tmp_path / f"st{i}" / "station.db", f"ST{i}")
        st.configure(busy_hub.url, busy_hub.add_station(f"ST{i}"))
        st.add_events(600)
        stations.append(st)
    results: dict[str, Any] = {}

    def catch_up(st: Station) -> None:
        try:
            results[st.station_id] = st.service(batch_size=50, timeout_s=30).sync_once()
        except Exception as exc:
            results[st.station_id] = exc

    threads = [threading.Thread(target=catch_up, args=(st,)) for st in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join(240)
    try:
        failed = {k: v for k, v in results.items() if isinstance(v, Exception)}
        assert not failed and len(results) == 6
        assert sum(r.busy_waits for r in results.values()) > 0, "back-pressure never kicked in"
        for st in stations:
            assert_exactly_once(busy_hub, st)
    finally:
        for st in stations:
            st.close()


def test_several_hub_processes_on_one_postgresql_database(
    tmp_path: Path, hub_url: tuple[str | None, Any]
) -> None:
    if hub_url[0] is None:
        pytest.skip("several processes are for PostgreSQL")
    h = Hub(
        tmp_path / "workers", database_url=hub_url[0], pg=hub_url[1], extra_args=["--workers", "3"]
    ).start()
    stations = []
    try:
        for i in range(4):
            st = Station(tmp_path / f"w{i}" / "station.db", f"W{i}")
            st.configure(h.url, h.add_station(f"W{i}"))
            st.add_events(400)
            stations.append(st)
        errors: list[BaseException] = []

        def go(st: Station) -> None:
            try:
                st.service(batch_size=40).sync_once()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=go, args=(st,)) for st in stations]
        for t in threads:
            t.start()
        for t in threads:
            t.join(240)
        assert not errors
        for st in stations:
            assert_exactly_once(h, st)
    finally:
        for st in stations:
            st.close()
        h.stop()


def test_archived_events_still_dedup_and_count(db_url: str) -> None:
    s = open_storage(db_url)
    try:
        s.add_station("S1", hash_token("t"))
        batch = [ev(1, "parcel.handed_off", carrier="ZTO"), ev(2), ev(3)]
        assert s.store_events("S1", 0, batch).stored == 3
        before = s.handoff_counts()
        assert s.archive_events("2999-01-01T00:00:00.000Z") == 3
        assert s.events("S1", 0, 100) and [e["seq"] for e in s.events("S1", 0, 100)] == [1, 2, 3]
        again = s.store_events("S1", 0, batch)  # a retry after the archive: still duplicates
        assert (again.stored, again.duplicates, again.acked_seq) == (0, 3, 3)
        assert s.handoff_counts() == before
        assert s.handoff_counts("2026-11-11T12:15:00.000Z")[0]["parcels"] == 1
    finally:
        s.close()


def test_a_version_1_sqlite_hub_is_migrated_with_its_handoffs(tmp_path: Path) -> None:
    """A hub.db from before migrations (schema_version 1, no aggregates) opens migrated."""
    d = tmp_path / "oldhub"
    d.mkdir()
    c = sqlite3.connect(d / "hub.db")
    c.executescript(
        """
CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO hub_meta VALUES ('schema_version', '1');
CREATE TABLE stations (station_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked_at TEXT, acked_seq INTEGER NOT NULL DEFAULT 0,
  last_push_at TEXT);
CREATE TABLE events (id INTEGER PRIMARY KEY, station_id TEXT NOT NULL, seq INTEGER NOT NULL,
  uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL, payload TEXT NOT NULL, operator TEXT,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL, UNIQUE (station_id, seq));
CREATE INDEX events_type ON events(type);
CREATE TABLE records (kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
  rev INTEGER NOT NULL UNIQUE, updated_at TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
INSERT INTO stations VALUES ('S1', 'h', '2026-11-01T00:00:00Z', NULL, 2, NULL);
INSERT INTO events VALUES (1, 'S1', 1, 'u1', 'parcel.handed_off', '{"carrier":"ZTO"}', 'P1',
  '2026-11-11T20:10:00Z', '2026-11-11T20:10:01Z');
INSERT INTO events VALUES (2, 'S1', 2, 'u2', 'parcel.handed_off', '{"carrier":"ZTO"}', 'P1',
  '2026-11-11T20:20:00Z', '2026-11-11T20:20:01Z');
INSERT INTO records VALUES ('sku', 'A', '{"code":"A"}', 7, '2026-11-01T00:00:00Z');
"""
    )
    c.close()
    s = open_storage(d)
    try:
        assert s.schema_version() >= 2
        assert s.handoff_counts() == [
            {"station_id": "S1", "carrier": "ZTO", "hour": "2026-11-11T20", "parcels": 2}
        ]
        s.put_records("sku", [("B", {"code": "B"})])
        assert [(c.key, c.rev) for c in s.changes_since(7)] == [("B", 8)]
        assert s.epoch()
    finally:
        s.close()
