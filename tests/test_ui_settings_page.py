"""The settings page is generated from the registry (warehouse_app.settings), "user" settings are
kept per operator, and `warehouse-station config get|set` (a real process on the same station DB)
agrees with the page (issue 9)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from tests.cli_helpers import run_cli
from tests.ui_fixtures import Station, station
from warehouse_app import settings as registry

__all__ = ["station"]


def test_a_new_registry_entry_appears_on_the_page(
    station: Station, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declared in the registry only: it gets an editor of its type, its label in the station's
    language, a place in Tab order, and is saved (validated) by the page's Save."""
    from ui.lead_tabs.settings import SettingsTab

    new = (
        registry.Setting(
            "printer.copies", int, 1, "station", "每单份数", "Copies per label", low=1, high=5
        ),
        registry.Setting("packing.note", str, "", "station", "打包备注", "Packing note"),
        registry.Setting(
            "packing.tape", str, "clear", "user", "胶带", "Tape", choices=("clear", "brand")
        ),
    )
    reg = (*registry.REGISTRY, *new)
    monkeypatch.setattr(registry, "REGISTRY", reg)
    monkeypatch.setattr(registry, "BY_KEY", {s.key: s for s in reg})
    st, w = station, station.window
    st.login("P001")
    page = SettingsTab(st.ctx, w.lead)  # built as the lead area builds it
    st.qtbot.addWidget(page)
    page.retranslate()
    copies, note, tape = (page.editor(s.key) for s in new)
    assert isinstance(copies, QSpinBox) and (copies.minimum(), copies.maximum()) == (1, 5)
    assert isinstance(note, QLineEdit) and isinstance(tape, QComboBox)
    labels = [lab.text() for lab in page.findChildren(QLabel)]
    assert "每单份数" in labels and "打包备注" in labels and "胶带（个人）" in labels
    assert page.boxes["packing"].title() == "packing"  # a new group gets a box of its own
    assert page.boxes["printer"].isAncestorOf(copies)
    assert {copies, note, tape} <= set(page.focus_order())
    with st.qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    copies.setValue(3)
    note.setText("易碎品加气泡膜")
    tape.setCurrentIndex(tape.findData("brand"))
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        page.save()

    def read(key: str, op: str | None = None) -> Any:
        conn = st.ctx.store.connect(readonly=True)
        try:
            return registry.get(conn, key, op)
        finally:
            conn.close()

    assert read("printer.copies") == 3 and read("packing.note") == "易碎品加气泡膜"
    assert read("packing.tape", "P001") == "brand" and read("packing.tape", "P002") == "clear"
    note.setText("x" * 3)
    copies.setValue(5)
    page.editor("scanner.baud").setEditText("fast")  # wrong: nothing of this Save is kept
    page.save()
    assert "scanner.baud" in page.result.text()
    assert read("printer.copies") == 3


def _devices_back(st: Station) -> None:
    """Save re-opens the devices: the scanner is back before the next badge is scanned."""
    dev = st.ctx.devices
    st.qtbot.waitUntil(
        lambda: dev.last_configure is not None and dev.last_configure.done(), timeout=10000
    )
    st.wait_scanner_ready()


def _user_values(conn: sqlite3.Connection, op: str | None) -> tuple[Any, ...]:
    return tuple(registry.get(conn, k, op) for k in ("sound.enabled", "verdict.fade_s"))


def test_a_user_setting_of_one_operator_is_not_anothers(conn: sqlite3.Connection) -> None:
    registry.set_values(conn, {"sound.enabled": False, "verdict.fade_s": 2}, "P001")
    assert _user_values(conn, "P001") == (False, 2.0)
    assert _user_values(conn, "P002") == (True, 6.0)  # the defaults
    assert _user_values(conn, None) == (True, 6.0)
    # the station's value is everyone's unless they have their own
    registry.set_values(conn, {"verdict.fade_s": 10}, None)
    assert _user_values(conn, "P002") == (True, 10.0)
    assert _user_values(conn, "P001") == (False, 2.0)
    # a station setting is the station's whoever sets it
    registry.set_value(conn, "scale.unit", "g", "P001")
    assert registry.get(conn, "scale.unit", "P002") == "g"


def test_the_window_applies_each_operators_own_settings(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    s = w.lead.settings
    with st.qtbot.waitSignal(s.loaded, timeout=10000):
        st.unlock_lead("settings")
    sound = s.editor("sound.enabled")
    assert isinstance(sound, QCheckBox)
    sound.setChecked(False)
    s.editor("verdict.fade_s").setValue(2)  # type: ignore[attr-defined]
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        s.save()
    assert st.ctx.settings.sounds is False and w.sound.enabled is False
    _devices_back(st)
    w.back_to_packer()
    st.login("P002")  # badge switch at shift change: P002's own (here the defaults)
    st.qtbot.waitUntil(lambda: st.ctx.settings.sounds is True, timeout=10000)
    assert st.ctx.settings.verdict_fade_s == 6.0 and w.sound.enabled is True
    st.login("P001")
    st.qtbot.waitUntil(lambda: st.ctx.settings.sounds is False, timeout=10000)
    assert st.ctx.settings.verdict_fade_s == 2.0
    # the same answer from IT's command (a real process on this station's DB)
    got = [
        json.loads(run_cli(st.data_dir, "config", "get", "sound.enabled", *op).stdout)
        for op in (("--operator", "P001"), ("--operator", "P002"), ())
    ]
    assert got == [False, True, True]


def test_config_command_and_page_agree(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    run_cli(st.data_dir, "config", "set", "scale.unit", "g")
    run_cli(st.data_dir, "config", "set", "scanner.feedback", "honeywell-acknak")
    run_cli(st.data_dir, "config", "set", "voice.enabled", "yes", "--operator", "P001")
    s = w.lead.settings
    with st.qtbot.waitSignal(s.loaded, timeout=10000):
        st.unlock_lead("settings")
    unit, feedback = s.editor("scale.unit"), s.editor("scanner.feedback")
    assert isinstance(unit, QComboBox) and isinstance(feedback, QComboBox)
    assert unit.currentData() == "g" and feedback.currentData() == "honeywell-acknak"
    voice = s.editor("voice.enabled")
    assert isinstance(voice, QCheckBox) and voice.isChecked()
    # the page saves; the command reads what it saved
    unit.setCurrentIndex(unit.findData("lb"))
    s.editor("printer.label_size").setText("100x150")  # type: ignore[attr-defined]
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        s.save()

    def cli(*args: str) -> Any:
        return json.loads(run_cli(st.data_dir, "config", "get", *args).stdout)

    assert cli("scale.unit") == "lb" and cli("printer.label_size") == "100x150"
    assert cli("voice.enabled", "--operator", "P001") is True
    rows = json.loads(
        run_cli(st.data_dir, "config", "list", "--operator", "P001", "--format", "json").stdout
    )
    page_keys = {x.key for x in registry.page_settings()}
    assert page_keys == set(s.editors) and page_keys <= {r["key"] for r in rows}
