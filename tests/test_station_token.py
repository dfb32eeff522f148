"""Station side of the hub link: the token lives in the OS keyring or a 0600 file (never in
station.db), is read from a file, stdin or a prompt; paths are saved absolute; plain http://
beyond this PC is warned about; `sync status` tells "online and accepted" from "online but
refused". Real processes against a real hub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.sync_helpers import Hub


def cli(
    args: list[str], tmp_path: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    code = "import sys; from warehouse_app.cli import main; sys.exit(main(sys.argv[1:]))"
    e = dict(os.environ, HOME=str(tmp_path / "home"), XDG_STATE_HOME=str(tmp_path / "state"))
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(tmp_path / "st"), *args],
        capture_output=True,
        text=True,
        env=e,
        input=stdin,
        timeout=120,
        cwd=tmp_path,
    )


def station_files(tmp_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (tmp_path / "st").glob("station.db*"))


def test_token_from_a_file_kept_in_a_0600_file_not_in_station_db(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    try:
        token = hub.add_station("ST1")
        assert cli(["init", "--station-id", "ST1"], tmp_path).returncode == 0
        (tmp_path / "tok.txt").write_text("-" + "x" * 5 + "\n")  # a token starting with "-"
        bad = cli(["sync", "configure", "--hub-url", hub.url, "--token-file", "tok.txt"], tmp_path)
        assert bad.returncode == 1 and "令牌" in bad.stderr  # the hub refused it: not saved
        (tmp_path / "tok.txt").write_text(token + "\n")
        (tmp_path / "ca.pem").write_text("")
        ok = cli(["sync", "configure", "--hub-url", hub.url, "--token-file", "tok.txt"], tmp_path)
        assert ok.returncode == 0, ok.stderr
        assert "http://" not in ok.stderr  # loopback: no warning
        saved = tmp_path / "st" / "station.hub-token"
        assert saved.read_text() == token and saved.stat().st_mode & 0o777 == 0o600
        assert token.encode() not in station_files(tmp_path)
        once = cli(["sync", "--once"], tmp_path)
        assert once.returncode == 0, once.stderr
        status = json.loads(cli(["sync", "status", "--json"], tmp_path).stdout)
        assert status["online"] is True and status["uploads"] == "accepted"
        # stdin, and a relative CA path saved absolute
        r = cli(
            [
                "sync",
                "configure",
                "--hub-url",
                hub.url,
                "--token-stdin",
                "--no-check",
                "--ca-file",
                "ca.pem",
            ],
            tmp_path,
            stdin=token + "\n",
        )
        assert r.returncode == 0, r.stderr
        from warehouse_app.store import open_store
        from warehouse_app.sync.state import load_config

        store = open_store(tmp_path / "st" / "station.db")
        conn = store.connect(readonly=True)
        try:
            cfg = load_config(conn)
        finally:
            conn.close()
        assert cfg is not None and cfg.token == token
        assert cfg.ca_file == str(tmp_path / "ca.pem")
        # no token at all and no terminal: a clear error, nothing saved
        none = cli(["sync", "configure", "--hub-url", hub.url, "--no-check"], tmp_path, stdin="")
        assert none.returncode == 1 and "--token-file" in none.stderr
    finally:
        hub.stop()


def test_token_in_the_os_keyring_when_there_is_one(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    ring = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    try:
        token = hub.add_station("ST1")
        assert cli(["init", "--station-id", "ST1"], tmp_path).returncode == 0
        r = cli(
            ["sync", "configure", "--hub-url", hub.url, "--token-stdin"],
            tmp_path,
            stdin=token,
            env=ring,
        )
        assert r.returncode == 0, r.stderr
        assert not (tmp_path / "st" / "station.hub-token").exists()
        assert token.encode() not in station_files(tmp_path)
        kept = list((tmp_path / "xdg").rglob("*.cfg"))
        assert kept and "warehouse_2Dstation" in kept[0].read_text()
        once = cli(["sync", "--once"], tmp_path, env=ring)
        assert once.returncode == 0, once.stderr
    finally:
        hub.stop()


def test_plain_http_beyond_this_pc_is_warned_about(tmp_path: Path) -> None:
    assert cli(["init", "--station-id", "ST1"], tmp_path).returncode == 0
    r = cli(
        ["sync", "configure", "--hub-url", "http://192.0.2.10:8765", "--token-stdin", "--no-check"],
        tmp_path,
        stdin="tok-abc",
    )
    assert r.returncode == 0, r.stderr
    assert "http://" in r.stderr and "明文" in r.stderr and "unencrypted" in r.stderr
    text = cli(["sync", "status", "--no-probe"], tmp_path).stdout
    assert "明文" in text


def test_sync_status_tells_refused_from_accepted(tmp_path: Path) -> None:
    hub = Hub(tmp_path / "hub", faults=False).start()
    try:
        other = hub.add_station("OTHER")  # a valid token, but another station's
        assert cli(["init", "--station-id", "ST1"], tmp_path).returncode == 0
        from warehouse_app.outbox import append_event
        from warehouse_app.store import open_store
        from warehouse_app.store.tx import transaction

        conn = open_store(tmp_path / "st" / "station.db").connect()
        with transaction(conn):
            append_event(conn, "test.event", {"n": 1})
        conn.close()
        r = cli(["sync", "configure", "--hub-url", hub.url, "--token-stdin"], tmp_path, stdin=other)
        assert r.returncode == 0, r.stderr
        once = cli(["sync", "--once"], tmp_path)
        assert once.returncode == 1  # its init event is refused: 403 wrong_station
        st: dict[str, Any] = json.loads(cli(["sync", "status", "--json"], tmp_path).stdout)
        assert st["online"] is True and st["uploads"] == "refused", st
        text = cli(["--lang", "en", "sync", "status"], tmp_path).stdout
        assert "online but REFUSED" in text and "refused because" in text
    finally:
        hub.stop()
