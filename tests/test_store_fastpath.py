"""Opening a station DB that this exact code migrated needs no migration machinery (sqlite-utils
and its dependencies stay out of the station's memory); any other DB gets the full check."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import sys; from warehouse_app.store import open_store; open_store(sys.argv[1]); "
    "print('sqlite_utils' in sys.modules)"
)


def _open_in_fresh_process(db: Path) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return out.stdout.strip() == "True"


def test_second_open_skips_the_migration_machinery(tmp_path):
    db = tmp_path / "station.db"
    assert _open_in_fresh_process(db) is True  # created and migrated
    assert _open_in_fresh_process(db) is False  # same code, same migrations: nothing to do
    c = sqlite3.connect(db)
    c.execute("UPDATE _schema_fingerprint SET value = 'from another build:1'")
    c.commit()
    c.close()
    assert _open_in_fresh_process(db) is True  # checked in full, then marked again
    assert _open_in_fresh_process(db) is False
