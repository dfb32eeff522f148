"""`warehouse-hub` and `warehouse-station sync ...` as an admin runs them: real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.core_helpers import order
from tests.sync_helpers import Hub, write_jsonl


def run(
    args: list[str], tmp_path: Path, module: str = "warehouse_app.hub.cli"
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_STATE_HOME=str(tmp_path / "state"))
    code = f"import sys; from {module} import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


def station_cli(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run(["--data-dir", str(tmp_path / "st"), *args], tmp_path, module="warehouse_app.cli")


def test_station_tokens_printed_once_and_stored_hashed(tmp_path: Path) -> None:
    d = str(tmp_path / "hub")
    r = run(["station", "add", "WH1-ST01", "--data-dir", d], tmp_path)
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip().splitlines()[-1]
    assert len(token) >= 40
    assert token.encode() not in (tmp_path / "hub" / "hub.db").read_bytes()
    again = run(["station", "add", "WH1-ST01", "--data-dir", d], tmp_path)
    assert again.returncode == 1 and "已存在" in again.stderr and "already exists" in again.stderr
    assert run(["station", "revoke", "WH1-ST01", "--data-dir", d], tmp_path).returncode == 0
    gone = run(["station", "revoke", "WH1-ST01", "--data-dir", d], tmp_path)
    assert gone.returncode == 1 and "没有有效的站点" in gone.stderr
    listing = run(["station", "list", "--data-dir", d], tmp_path)
    assert "WH1-ST01\trevoked" in listing.stdout


def test_import_refuses_a_file_with_bad_rows(tmp_path: Path) -> None:
    d = str(tmp_path / "hub")
    good = [order(f"O{i}", {"A": 1}) for i in range(3)]
    bad = write_jsonl(tmp_path / "bad.jsonl", [*good, {"order_id": "O9", "items": "A*1"}])
    r = run(["import", str(bad), "--data-dir", d], tmp_path)
    assert (
        r.returncode == 1
        and "line 4" in r.stderr
        and "paid_at" in r.stderr
        and "未导入" in r.stderr
    )
    hub = Hub(tmp_path / "hub")
    assert hub.storage.changes_since(0) == []
    ok = run(["import", str(write_jsonl(tmp_path / "ok.jsonl", good)), "--data-dir", d], tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert [c.key for c in hub.storage.changes_since(0)] == ["O0", "O1", "O2"]
    assert run(["cancel", "O1", "--data-dir", d], tmp_path).returncode == 0
    assert hub.storage.record("order", "O1")["status"] == "cancelled"  # type: ignore[index]
    hub.storage.add_station("S1", "x" * 64)
    hub.storage.store_events(
        "S1",
        0,
        [
            {
                "seq": i,
                "uuid": f"u-{i}",
                "type": "parcel.handed_off",
                "payload": {"carrier": c},
                "operator": "P1",
                "created_at": "2026-11-11T20:00:00.000Z",
            }
            for i, c in enumerate(["ZTO", "ZTO", "YTO"], 1)
        ],
    )
    rep = run(["report", "--data-dir", d], tmp_path)
    assert rep.returncode == 0 and "S1\tZTO\t2" in rep.stdout and "3" in rep.stdout.splitlines()[-1]
    carriers = write_jsonl(
        tmp_path / "carriers.jsonl", [{"code": "ZTO", "name": "ZTO", "name_zh": "中通"}]
    )
    assert (
        run(["import", str(carriers), "--kind", "carrier", "--data-dir", d], tmp_path).returncode
        == 0
    )
    hub.stop()


def test_station_sync_commands_end_to_end(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub").start()
    try:
        hub.storage.put_records("order", [("O1", order("O1", {"A": 1}))])
        token = hub.add_station("ST9")
        assert station_cli(["init", "--station-id", "ST9"], tmp_path).returncode == 0
        st = station_cli(["--lang", "en", "sync", "status"], tmp_path)
        assert st.returncode == 0 and "not configured" in st.stdout
        wrong = station_cli(
            ["sync", "configure", "--hub-url", hub.url, "--token", "wrong"], tmp_path
        )
        assert wrong.returncode == 1 and "令牌" in wrong.stderr
        assert (
            station_cli(
                ["sync", "configure", "--hub-url", hub.url, "--token", token], tmp_path
            ).returncode
            == 0
        )
        once = station_cli(["sync", "--once"], tmp_path)
        assert once.returncode == 0, once.stderr
        # a good sync leaves no per-request lines in the station log (httpx logs each request
        # at INFO: a line every sync cycle, all day)
        log = tmp_path / "st" / "logs" / "station.log"
        assert "HTTP Request" not in log.read_text(encoding="utf-8")
        status: dict[str, Any] = json.loads(
            station_cli(["sync", "status", "--json"], tmp_path).stdout
        )
        assert status["online"] is True and status["pending_events"] == 0 and status["last_pull_at"]
        assert len(hub.storage.events("ST9")) == status["acked_seq"] == status["last_seq"]
        rep = json.loads(station_cli(["sync", "report", "--json"], tmp_path).stdout)
        assert rep["total"] == 0 and rep["rows"] == []
        hub.stop()
        down = station_cli(["--lang", "en", "sync", "--once"], tmp_path)
        assert down.returncode == 1 and "Cannot reach the hub" in down.stderr
        assert "sync failed: Cannot reach the hub" in log.read_text(encoding="utf-8")
        status = json.loads(station_cli(["sync", "status", "--json"], tmp_path).stdout)
        assert status["online"] is False and status["probe_error"]
        text = station_cli(["sync", "status"], tmp_path).stdout
        assert "离线" in text and "待上传事件" in text and "上次下载" in text
    finally:
        hub.stop()
