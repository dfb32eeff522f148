"""A fresh install opened from its shortcut: the first-run page sets the station up."""

from __future__ import annotations

import pytest

from warehouse_app.errors import StationError
from warehouse_app.paths import db_path
from warehouse_app.store import open_store


def _station(data_dir):
    store = open_store(db_path(data_dir))
    conn = store.connect()
    try:
        sid = store.station_id(conn)
        hub = conn.execute("SELECT 1 FROM sqlite_master WHERE name='sync_config'").fetchone()
        return sid, hub
    finally:
        conn.close()


def test_the_page_initialises_the_station_and_the_hub(qtbot, tmp_path):
    from ui.first_run import FirstRunDialog

    dlg = FirstRunDialog(tmp_path / "st")
    qtbot.addWidget(dlg)
    dlg.station.setText("bad id!")
    dlg.save()
    assert "无效" in dlg.error.text() and "not valid" in dlg.error.text()
    assert dlg.result() != FirstRunDialog.DialogCode.Accepted
    dlg.station.setText("WH1-ST09")
    dlg.hub.setText("https://hub.example:8443")
    dlg.save()
    assert "令牌" in dlg.error.text()  # a hub without its token is refused, nothing saved
    assert _station(tmp_path / "st")[0] is None
    dlg.token.setText("tok-1")
    dlg.save()
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted
    assert _station(tmp_path / "st")[0] == "WH1-ST09"
    from warehouse_app.sync import load_config

    conn = open_store(db_path(tmp_path / "st")).connect()
    cfg = load_config(conn)
    conn.close()
    assert cfg is not None and cfg.hub_url == "https://hub.example:8443" and cfg.token == "tok-1"


def test_setup_without_a_hub_is_fine(tmp_path):
    from ui.first_run import setup_station

    setup_station(tmp_path / "st", "WH1-ST10")
    assert _station(tmp_path / "st")[0] == "WH1-ST10"
    with pytest.raises(StationError):
        setup_station(tmp_path / "st", "WH1-OTHER")  # the folder belongs to WH1-ST10
