"""Fault injection against a real hub process: after the link returns, the hub holds every
event exactly once and in order, and the station's outbox drains."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.sync_helpers import (
    FaultProxy,
    Hub,
    Station,
    assert_exactly_once,
    drained,
    hub,
    hub_events,
    linked,
    station,
    wait_for,
)
from warehouse_app.clock import iso, utcnow
from warehouse_app.sync import SyncError


def test_sync_once_pushes_everything_in_order(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(2500)
    res = st.service(batch_size=700).sync_once()
    assert res.pushed == 2500 and res.pending_events == 0
    assert_exactly_once(hub, st)
    # a second run sends nothing and duplicates nothing
    again = st.service().sync_once()
    assert again.pushed == 0 and again.duplicates == 0
    assert_exactly_once(hub, st)


def test_hub_down_for_the_whole_run_then_catches_up(tmp_path, station: Station) -> None:
    hub = Hub(tmp_path / "hub")
    token = hub.add_station(station.station_id)
    station.configure(hub.url, token)
    station.add_events(300)
    statuses = []
    svc = station.service()
    svc.on_status(statuses.append)
    svc.start()
    try:
        wait_for(
            lambda: any(not s.online and s.last_error_en for s in statuses), what="offline status"
        )
        off = [s for s in statuses if s.last_error_en][-1]
        assert (
            off.pending_events == 300 and "hub" in off.last_error_en.lower() and off.last_error_zh
        )
        # the station keeps working while offline
        station.add_events(200)
        wait_for(
            lambda: svc.status.pending_events == 500 or statuses[-1].pending_events == 500,
            what="offline events counted",
        )
        hub.start()
        wait_for(lambda: drained(station), what="outbox drained after the hub came up")
        wait_for(lambda: svc.status.online and svc.status.pending_events == 0, what="online status")
        assert_exactly_once(hub, station)
    finally:
        svc.stop()
        hub.stop()


def test_hub_killed_mid_push(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(20000)
    svc = st.service(batch_size=100)
    svc.start()
    try:
        wait_for(
            lambda: hub.storage.acked_seq(st.station_id) > 0, interval=0.005, what="first batches"
        )
        hub.kill()
        n_after_kill = len(hub_events(hub, st.station_id))
        assert n_after_kill < 20000, "push finished before the kill; make the run longer"
        wait_for(lambda: not svc.status.online, what="station notices the hub is gone")
        hub.start()
        wait_for(lambda: drained(st), what="outbox drained after restart")
        assert_exactly_once(hub, st)
    finally:
        svc.stop()


def test_connection_dropped_after_the_hub_committed(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    proxy = FaultProxy(hub.port)
    try:
        token = hub.add_station("ST2")
        st2 = Station(st.store.path.parent / "st2.db", "ST2")
        st2.configure(proxy.url, token)
        st2.add_events(250)
        proxy.drop_responses = 1
        svc = st2.service(batch_size=100)
        with pytest.raises(SyncError):
            svc.sync_once()
        # the hub stored the first batch, the station never heard the answer
        assert len(hub_events(hub, "ST2")) == 100
        assert st2.query("SELECT acked_seq FROM sync_state")[0][0] == 0
        proxy.drop_responses = 2
        svc.start()
        wait_for(lambda: drained(st2), what="drained through the flaky proxy")
        assert proxy.dropped == 3
        assert_exactly_once(hub, st2)
        st2.close()
    finally:
        proxy.close()


def test_slow_responses_time_out_and_retry(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(400)
    hub.set_faults(delay_s=2.0, delay_next=2)
    svc = st.service(batch_size=100, timeout_s=0.5)
    with pytest.raises(SyncError) as err:
        svc.sync_once()
    assert "time" in str(err.value).lower() and err.value.zh
    svc.start()
    wait_for(lambda: drained(st), what="drained after slow answers")
    assert_exactly_once(hub, st)


def test_http_500s(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(400)
    hub.set_faults(fail_next=4)
    svc = st.service(batch_size=100)
    with pytest.raises(SyncError) as err:
        svc.sync_once()
    assert "500" in str(err.value)
    assert hub_events(hub, st.station_id) == []
    svc.start()
    wait_for(lambda: drained(st), what="drained after 500s")
    assert_exactly_once(hub, st)


def test_garbage_json_after_commit(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    st.add_events(400)
    hub.set_faults(garbage_next=3)
    svc = st.service(batch_size=100)
    with pytest.raises(SyncError) as err:
        svc.sync_once()
    assert "unreadable" in str(err.value)
    # the hub had stored the batch; the station did not trust the garbage
    assert len(hub_events(hub, st.station_id)) == 100
    assert st.query("SELECT acked_seq FROM sync_state")[0][0] == 0
    svc.start()
    wait_for(lambda: drained(st), what="drained after garbage answers")
    assert_exactly_once(hub, st)


@pytest.mark.parametrize("skew", [timedelta(days=3 * 365), -timedelta(days=20 * 365)])
def test_station_clock_far_off(linked: tuple[Hub, Station], skew: timedelta) -> None:
    hub, st = linked
    st.add_events(50, at=iso(utcnow() + skew))
    st.add_events(50, at=iso(utcnow()))
    st.add_events(50, at=iso(utcnow() - skew))
    svc = st.service(batch_size=40, clock=lambda: utcnow() + skew)
    res = svc.sync_once()
    assert res.pending_events == 0
    assert_exactly_once(hub, st)
    off = svc.status.clock_offset_s
    assert off is not None and abs(off + skew.total_seconds()) < 3600
    # times the station records are on its own clock, so the age of the last pull stays sane
    age = svc.status.last_pull_age_s(utcnow() + skew)
    assert age is not None and 0 <= age < 3600


def test_station_process_killed_mid_push(tmp_path, hub: Hub) -> None:
    """A power cut on the station while pushing: what the hub acknowledged stays acknowledged,
    the rest goes on the next run, nothing twice."""
    import os
    import signal
    import subprocess
    import sys

    st = Station(tmp_path / "st" / "station.db", "ST7")
    try:
        st.configure(hub.url, hub.add_station("ST7"))
        st.add_events(30000)
        code = "import sys; from warehouse_app.cli import main; sys.exit(main(sys.argv[1:]))"
        args = [
            sys.executable,
            "-c",
            code,
            "--data-dir",
            str(tmp_path / "st"),
            "--lang",
            "en",
            "sync",
            "--once",
            "--batch-size",
            "100",
        ]
        env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_STATE_HOME=str(tmp_path / "state"))
        proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            wait_for(
                lambda: hub.storage.acked_seq("ST7") > 0 or proc.poll() is not None,
                interval=0.005,
                what="first batches from the station process",
            )
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.communicate(timeout=60)
        assert hub.storage.acked_seq("ST7") < 30000, "push finished before the kill"
        again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stderr
        assert drained(st)
        assert_exactly_once(hub, st)
    finally:
        st.close()
