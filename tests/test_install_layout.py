"""What the installers rely on in the app: install.json names the per-machine data folder, the
shared-station marker keeps files usable by the group, logs follow the station's folder."""

from __future__ import annotations

import json
import stat
import sys

import pytest

from warehouse_app import paths


@pytest.fixture
def frozen_install(tmp_path, monkeypatch):
    app = tmp_path / "opt" / "warehouse-station"
    app.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "warehouse-station"))
    monkeypatch.delenv("WAREHOUSE_DATA_DIR", raising=False)
    return app


def test_install_json_names_the_machine_data_dir(frozen_install, tmp_path):
    data = tmp_path / "var" / "lib" / "warehouse-station"
    (frozen_install / "install.json").write_text(json.dumps({"data_dir": str(data)}))
    assert paths.default_data_dir() == data


def test_no_or_broken_install_json_falls_back_to_the_user_dir(frozen_install):
    user_dir = paths.default_data_dir()
    assert "warehouse-station" in str(user_dir)
    (frozen_install / "install.json").write_text("{not json")
    assert paths.default_data_dir() == user_dir


def test_from_source_install_json_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert paths.install_config() == {}


def test_logs_follow_a_station_folder_only(tmp_path):
    st = tmp_path / "st"
    assert paths.log_dir_for(st) == paths.default_log_dir()  # no station there: not created
    assert not st.exists()
    st.mkdir()
    paths.db_path(st).write_bytes(b"")
    assert paths.log_dir_for(st) == st / "logs"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_shared_station_keeps_its_files_group_writable(tmp_path):
    from warehouse_app.store import open_store

    private = tmp_path / "private"
    open_store(paths.db_path(private))
    assert stat.S_IMODE(paths.db_path(private).stat().st_mode) == 0o600

    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / paths.SHARED_MARKER).write_text("shared")
    open_store(paths.db_path(shared))
    assert stat.S_IMODE(paths.db_path(shared).stat().st_mode) == 0o660


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_shared_station_keeps_its_hub_token_in_its_folder(tmp_path):
    """Per-user keyrings cannot be shared by the packer accounts of an installed station."""
    from warehouse_app.sync import token_store

    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / paths.SHARED_MARKER).write_text("shared")
    db = shared / "station.db"
    ref = token_store.store("tok-shared", db)
    token_file = shared / "station.hub-token"
    assert ref == f"file:{token_file}"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o660
    token_store.forget(ref)
    token_store.store("tok-shared", db, name="again")
    assert token_store.load(f"file:{token_file}") == "tok-shared"
