"""station.db private to the station's user (issue 10), on both paths of `make_private`.

Windows: icacls cannot run here, so the exact command line our code would run is checked, as
Windows would receive it (subprocess.list2cmdline is how Python joins it there); the only stand-in
is the runner of that Windows command. POSIX: a real file, a real chmod, a real mode."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from warehouse_app.paths import (
    SHARED_MARKER,
    icacls_private_command,
    make_private,
    private_db_files,
)

WIN_ENV = {"USERNAME": "packer1", "USERDOMAIN": "WH1-PC07"}


class Icacls:
    """Stands in for icacls.exe only: records each command line, answers like it would."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail

    def __call__(self, cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        assert kw == {"capture_output": True, "check": True, "timeout": 30}
        self.calls.append(cmd)
        if self.fail:  # what check=True raises when icacls exits 5 (access denied)
            raise subprocess.CalledProcessError(5, cmd, b"", b"Access is denied.")
        return subprocess.CompletedProcess(cmd, 0, b"processed file", b"")


def test_the_exact_icacls_command_line(tmp_path: Path) -> None:
    db = tmp_path / "Warehouse Station" / "station.db"  # a folder with a space, as on Windows
    db.parent.mkdir()
    db.write_bytes(b"")
    icacls = Icacls()
    make_private(db, platform="win32", run=icacls, env=WIN_ENV)
    assert icacls.calls == [
        ["icacls", str(db), "/inheritance:r", "/grant:r", "WH1-PC07\\packer1:(F)"]
    ]
    # what CreateProcess gets: the path quoted, nothing else
    assert (
        subprocess.list2cmdline(icacls.calls[0])
        == f'icacls "{db}" /inheritance:r /grant:r WH1-PC07\\packer1:(F)'
    )
    assert icacls_private_command(db, {"USERNAME": "packer1"}) == [
        "icacls",
        str(db),
        "/inheritance:r",
        "/grant:r",
        "packer1:(F)",
    ]


def test_every_db_file_gets_it_and_no_user_means_no_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "station.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").write_bytes(b"")
    icacls = Icacls()
    for f in sorted(tmp_path.iterdir()):
        make_private(f, platform="win32", run=icacls, env=WIN_ENV)
    assert [c[1] for c in icacls.calls] == [str(db), f"{db}-shm", f"{db}-wal"]
    # a service account without USERNAME: no command at all (never "icacls ... :(F)")
    none = Icacls()
    with caplog.at_level(logging.WARNING, logger="warehouse_app.paths"):
        make_private(db, platform="win32", run=none, env={"USERDOMAIN": "WH1-PC07"})
    assert none.calls == [] and "no USERNAME" in caplog.text


def test_a_refused_icacls_is_logged_never_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "station.db"
    db.write_bytes(b"x")
    with caplog.at_level(logging.WARNING, logger="warehouse_app.paths"):
        make_private(db, platform="win32", run=Icacls(fail=True), env=WIN_ENV)
    assert "cannot make" in caplog.text and db.read_bytes() == b"x"


def test_a_shared_station_folder_keeps_its_acl_on_windows(tmp_path: Path) -> None:
    """The setup's per-machine folder: the file inherits the folder's ACL (all packers)."""
    (tmp_path / SHARED_MARKER).write_text("")
    db = tmp_path / "station.db"
    db.write_bytes(b"")
    icacls = Icacls()
    make_private(db, platform="win32", run=icacls, env=WIN_ENV)
    assert icacls.calls == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_posix_path_for_real(tmp_path: Path) -> None:
    """The same function on this OS: a real chmod to 0600, never the Windows command."""
    db = tmp_path / "station.db"
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{db}{suffix}")
        p.write_bytes(b"")
        os.chmod(p, 0o644)
    icacls = Icacls()
    make_private(db, run=icacls, env=WIN_ENV)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600 and icacls.calls == []
    private_db_files(db)
    modes = [stat.S_IMODE(Path(f"{db}{s}").stat().st_mode) for s in ("", "-wal", "-shm")]
    assert modes == [0o600] * 3
    # and another account really cannot read it: only the owner's bits are left
    assert not db.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH | stat.S_IWGRP | stat.S_IWOTH)
