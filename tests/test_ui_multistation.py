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
    assert "X*1" in tab.lease_line.text() and "上次下载" in tab.lease_line.text()
    assert w.lead.tabs.tabText(w.lead.tabs.indexOf(tab)) == "多站协同"
