"""The sync thread as the UI uses it: callbacks, start/stop, nudge, TLS, a restored hub."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

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
from warehouse_app.sync import SyncError, SyncStatus


def test_status_callbacks_nudge_and_joined_stop(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    seen: list[SyncStatus] = []
    threads: set[str] = set()

    def listener(s: SyncStatus) -> None:
        threads.add(threading.current_thread().name)
        seen.append(s)

    def broken(s: SyncStatus) -> None:
        raise RuntimeError("a broken listener must not stop sync")

    svc = st.service(interval_s=3600)  # only a nudge can wake it after the first run
    svc.on_status(broken)
    svc.on_status(listener)
    st.add_events(10)
    svc.start()
    wait_for(
        lambda: seen and seen[-1].online and seen[-1].pending_events == 0 and not seen[-1].syncing,
        what="first sync done",
    )
    assert seen[-1].configured and seen[-1].hub_url == hub.url and seen[-1].last_push_at
    assert seen[-1].last_error_en is None
    st.add_events(5)
    svc.nudge()
    wait_for(lambda: drained(st), what="nudged sync")
    # sync_once from another thread while the thread runs: serialised, nothing duplicated
    st.add_events(5)
    svc.sync_once()
    assert_exactly_once(hub, st)
    thread = svc._thread
    svc.stop()
    assert thread is not None and not thread.is_alive()
    assert "sync" in threads
    # after stop() a direct sync_once (CLI, 'sync now') still runs to the end
    st.add_events(3)
    assert svc.sync_once().pending_events == 0
    assert_exactly_once(hub, st)


def test_hub_restored_from_an_older_backup_gets_everything_again(
    tmp_path: Path, linked: tuple[Hub, Station]
) -> None:
    hub, st = linked
    st.add_events(100)
    st.service().sync_once()
    backup = tmp_path / "hub-backup.db"
    hub.backup(backup)
    st.add_events(100)
    st.service().sync_once()
    assert len(hub_events(hub, st.station_id)) == 200
    hub.stop()
    hub.restore(backup)
    hub.start()
    assert len(hub_events(hub, st.station_id)) == 100
    st.add_events(10)
    res = st.service().sync_once()
    assert res.pending_events == 0
    assert_exactly_once(hub, st)


@pytest.fixture
def tls_pair(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_https_checks_the_certificate(
    tmp_path: Path, station: Station, tls_pair: tuple[Path, Path]
) -> None:
    hub = Hub(tmp_path / "tlshub", tls=tls_pair).start()
    try:
        token = hub.add_station(station.station_id)
        station.add_events(3)
        station.configure(hub.url, token)  # system CAs only: the self-signed hub must be refused
        with pytest.raises(SyncError) as err:
            station.service().sync_once()
        assert "certificate" in str(err.value).lower() and "证书" in err.value.zh
        assert hub.storage.events(station.station_id) == []
        station.configure(hub.url, token, ca_file=str(tls_pair[0]))
        assert station.service().sync_once().pending_events == 0
        assert_exactly_once(hub, station)
    finally:
        hub.stop()


def test_not_configured_is_a_clear_error(station: Station) -> None:
    with pytest.raises(SyncError) as err:
        station.service().sync_once()
    assert "configure" in str(err.value) and "配置" in err.value.zh


def test_sync_and_hub_never_import_qt() -> None:
    code = (
        "import sys, warehouse_app.sync, warehouse_app.hub.app, warehouse_app.hub.cli, "
        "warehouse_app.cli.sync_cmds; assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_new_events_are_pushed_without_a_nudge(linked: tuple[Hub, Station]) -> None:
    hub, st = linked
    svc = st.service(interval_s=3600, refresh_s=0.05)
    svc.start()
    wait_for(lambda: svc.status.online and not svc.status.syncing, what="first sync")
    st.add_events(7)
    wait_for(
        lambda: len(hub_events(hub, st.station_id)) == len(st.events()) > 0, what="pushed by itself"
    )
    assert_exactly_once(hub, st)
    svc.stop()


def test_sync_cycles_reuse_one_connection_and_leave_no_thread(linked: tuple[Hub, Station]) -> None:
    """The window syncs all shift long: every cycle goes over the same keep-alive connection
    (no new HTTP client, TLS context or socket per cycle) and leaves no thread behind, so the
    sync service's memory stays flat (issue 17)."""
    hub, st = linked
    proxy = FaultProxy(hub.port)  # a real loopback proxy that counts the station's connections
    try:
        token = hub.add_station("ST2")
        st2 = Station(st.store.path.parent / "st2.db", "ST2")
        st2.configure(proxy.url, token)
        svc = st2.service()
        st2.add_events(5)
        assert svc.sync_once().pushed == 5
        threads = {t.ident for t in threading.enumerate()}
        for _ in range(25):
            st2.add_events(3)
            res = svc.sync_once()
            assert res.pushed == 3 and res.pending_events == 0
        assert proxy.accepted == 1
        assert {t.ident for t in threading.enumerate()} == threads
        assert_exactly_once(hub, st2)
        svc.stop()
        st2.close()
    finally:
        proxy.close()
