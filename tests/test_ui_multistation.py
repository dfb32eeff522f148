"""The lead's Stations tab: the hub's conflicts with what to do, the lease and its age, and the
warning when this station works on an expired lease."""

from __future__ import annotations

from typing import Any

from tests.ui_fixtures import Station, station
from warehouse_app import multistation
from warehouse_app.station import set_setting
from warehouse_app.store.tx import transaction


def _pulled(conn: Any) -> None:
    """What a sync pull would apply: the work-division setting, an expired lease, a conflict."""
    sid = conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()[0]
    with transaction(conn):
        set_setting(conn, multistation.WORK_DIVISION_KEY, "hub")
        multistation.apply_leases(
            conn,
            [
                {
                    "lease_id": f"{sid}:X*1",
                    "station_id": sid,
                    "sku_set": "X*1",
                    "order_ids": [],
                    "granted_at": "2026-11-11T10:00:00.000Z",
                    "expires_at": "2026-11-11T11:00:00.000Z",
                }
            ],
        )
        multistation.apply_station_states(
            conn,
            [
                {
                    "station_id": "ST2",
                    "state": "lease_expired",
                    "warning": True,
                    "last_seen_at": "2026-11-11T09:00:00.000Z",
                    "open_orders": 0,
                    "returned_orders": 12,
                    "action_zh": "离线已超过租约（12 个订单已退回订单池）",
                    "action_en": "Offline past its lease (12 orders went back to the pool)",
                    "dead_after_s": 10**9,
                },
                {"station_id": sid, "state": "online", "last_seen_at": "2026-11-11T09:00:00Z"},
            ],
        )
        multistation.apply_conflicts(
            conn,
            [
                {
                    "conflict_id": 7,
                    "kind": "double_bound",
                    "order_id": "O-9",
                    "waybill": "WB-9",
                    "station_id": "ST2",
                    "action_zh": "站点 ST2：取出包裹 P-9",
                    "action_en": "Station ST2: pull parcel P-9",
                }
            ],
        )


def test_stations_tab_lists_conflicts_and_warns_on_expired_lease(station: Station) -> None:
    st, w = station, station.window
    st.ctx.writer.call(_pulled)
    st.login("P001")
    st.unlock_lead("stations")
    tab = w.lead.stations
    st.qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    assert "O-9" in [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert "取出包裹 P-9" in tab.table.item(0, 4).text()
    assert "租约已过期" in tab.warning.text()
    # the warehouse's stations as the hub sees them: ST2 offline past its lease
    assert "站点 ST2" in tab.warning.text() and "超过租约" in tab.warning.text()
    cells = {
        tab.stations_table.item(r, 0).text(): [
            tab.stations_table.item(r, c).text() for c in range(tab.stations_table.columnCount())
        ]
        for r in range(tab.stations_table.rowCount())
    }
    assert cells["ST2"][1] == "⚠ 离线·超过租约" and "12" in cells["ST2"][4]
    assert [k for k in cells if k != "ST2"][0].endswith("（本站）")
    assert "X*1" in tab.lease_line.text() and "上次下载" in tab.lease_line.text()
    assert w.lead.tabs.tabText(w.lead.tabs.indexOf(tab)) == "多站协同"


def test_status_bar_shows_the_lease_age_beside_the_last_pull(station: Station) -> None:
    from datetime import timedelta

    from warehouse_app.clock import iso, utcnow
    from warehouse_app.sync.service import SyncStatus

    bar = station.window.status
    now = utcnow()
    base: dict[str, Any] = dict(
        configured=True,
        syncing=False,
        hub_url="http://hub",
        acked_seq=0,
        last_seq=3,
        last_push_at=None,
        last_ok_at=iso(now - timedelta(seconds=130)),
        last_error_en=None,
        last_error_zh=None,
        next_retry_in_s=None,
        clock_offset_s=None,
        checked_at=iso(now),
        online=True,
        pending_events=3,
        last_pull_at=iso(now - timedelta(seconds=130)),
        lease_granted_at=iso(now - timedelta(minutes=7)),
    )
    bar.show_sync(SyncStatus(**base, lease_expires_at=iso(now + timedelta(minutes=20))))
    assert bar.upstream.text().endswith("上次同步 2分钟前 · 租约 7分钟前")
    bar.show_sync(SyncStatus(**base, lease_expires_at=iso(now - timedelta(minutes=1))))
    assert bar.upstream.text().endswith("租约已过期") and bar.state["upstream"][0] == "warn"
    station.window.set_language("en")
    assert "lease EXPIRED" in bar.upstream.text()
    bar.show_sync(
        SyncStatus(**{**base, "online": False}, lease_expires_at=iso(now - timedelta(minutes=1)))
    )
    assert "waiting · lease EXPIRED" in bar.upstream.text()
