"""One settings registry (warehouse_app.settings): `config list|get|set` for IT, the window's
settings and the headless station read the same keys; old names move once."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli_helpers import run_cli
from warehouse_app import settings
from warehouse_app.errors import StationError
from warehouse_app.station import get_setting, set_setting
from warehouse_app.store.tx import transaction


def test_every_setting_is_declared_once_with_labels_and_a_valid_default() -> None:
    keys = [s.key for s in settings.REGISTRY]
    assert len(keys) == len(set(keys))
    for s in settings.REGISTRY:
        assert s.scope in ("station", "user") and s.zh and s.en
        assert s.coerce(s.default) == s.default
    assert set(settings.OLD_KEYS.values()) <= set(keys)


def test_values_are_validated_and_nothing_is_saved_on_error(conn: sqlite3.Connection) -> None:
    assert settings.get(conn, "scanner.baud") == 9600
    assert settings.set_value(conn, "scanner.baud", "115200") == 115200
    assert settings.set_value(conn, "scale.use_in_verify", "yes") is True
    for key, bad in (
        ("scanner.baud", "fast"),
        ("scanner.baud", 10),
        ("language", "fr"),
        ("printer.url", "lpt://x"),
        ("printer.label_size", "1x1"),
        ("timezone", "Mars/Olympus"),
    ):
        with pytest.raises(StationError) as e:
            settings.set_values(conn, {"sound.enabled": False, key: bad})
        assert e.value.zh and str(e.value)
    assert settings.get(conn, "sound.enabled") is True  # the good half was not saved either
    with pytest.raises(StationError):
        settings.get(conn, "no.such.key")


def test_old_names_move_to_the_registry_keys(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        set_setting(conn, "ui.printer_url", "tcp://10.0.0.5:9100?lang=zpl")
        set_setting(conn, "ui.sounds", False)
        set_setting(conn, "ui.scanner_port", "/dev/ttyOLD")
        set_setting(
            conn, "devices.scanner", {"port": "/dev/ttyUSB0", "baud": 115200, "suffix": "LF"}
        )
        set_setting(conn, "devices.scale", {"port": "/dev/ttyS1", "baud": 4800, "unit": "g"})
        moved = settings.migrate_old_keys(conn)
    assert moved == 5
    assert settings.get(conn, "printer.url") == "tcp://10.0.0.5:9100?lang=zpl"
    assert settings.get(conn, "sound.enabled") is False
    assert settings.get(conn, "scanner.port") == "/dev/ttyUSB0"  # IT's device config wins
    assert settings.get(conn, "scanner.baud") == 115200
    assert settings.get(conn, "scanner.framing") == {"suffix": "LF"}
    assert (settings.get(conn, "scale.port"), settings.get(conn, "scale.unit")) == (
        "/dev/ttyS1",
        "g",
    )
    assert get_setting(conn, "ui.sounds") is None and get_setting(conn, "devices.scanner") is None


def test_config_command_lists_gets_and_sets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    station = tmp_path / "st"
    run_cli(station, "init", "--station-id", "WH1-ST09")
    rows = json.loads(run_cli(station, "config", "list", "--format", "json").stdout)
    assert {r["key"] for r in rows} == {s.key for s in settings.REGISTRY}
    out = run_cli(station, "config", "set", "printer.url", "tcp://127.0.0.1:9100?lang=tspl")
    assert json.loads(out.stdout)["value"] == "tcp://127.0.0.1:9100?lang=tspl"
    got = run_cli(station, "config", "get", "printer.url").stdout
    assert json.loads(got) == "tcp://127.0.0.1:9100?lang=tspl"
    bad = run_cli(station, "config", "set", "scanner.baud", "fast", check=False)
    assert bad.returncode == 1 and "scanner.baud" in bad.stderr and "Traceback" not in bad.stderr
