"""The hub is an extra: a packing PC installs the station without FastAPI or uvicorn."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent
HUB_ONLY = ("fastapi", "uvicorn", "fastapi-offline", "prometheus-client", "h11")


def _name(req: str) -> str:
    return req.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("=")[0].strip()


def test_station_install_has_no_hub_server_and_the_extra_adds_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = {_name(r).lower() for r in project["dependencies"]}
    extras = project["optional-dependencies"]
    assert not base & set(HUB_ONLY)
    assert {_name(r).lower() for r in extras["hub"]} >= set(HUB_ONLY)
    assert any("warehouse-station[hub]" in r for r in extras["test"])  # the suite runs the hub
    assert project["entry-points"]["warehouse_station.front_ends"]["gui"] == "ui.app:run_gui"


def test_readme_says_how_to_install_the_hub() -> None:
    assert "warehouse-station[hub]" in (ROOT / "README.md").read_text(encoding="utf-8")
