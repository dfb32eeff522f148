"""Shared fixtures: a fresh real SQLite station per test, offscreen Qt, one language."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WAREHOUSE_LANG", "zh")
# never write test tokens into the developer's real OS keyring (tests that want a keyring
# point PYTHON_KEYRING_BACKEND at a file-backed one in their temp dir)
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.core_helpers import seed_station
from warehouse_app.startup import wire

wire()  # the suite runs with the policies every entry point installs (warehouse_app.startup)

try:  # hypothesis keeps no example database: the suite writes nothing into the checkout
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("station-suite", database=None)
    _hypothesis_settings.load_profile("station-suite")
except ImportError:
    pass


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "station"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir: Path):
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    return open_store(db_path(data_dir))


@pytest.fixture
def conn(store):
    """A seeded station: id T1, carriers ZTO/YTO, SKUs A/B/C, packer P1, lead L1 (PIN 4321)."""
    c = store.connect()
    seed_station(c)
    yield c
    c.close()


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server for the session (hub tests get a database each). Skipped
    where the server is not installed, unless WAREHOUSE_TEST_REQUIRE_POSTGRES=1 (CI)."""
    from tests.pg_server import REQUIRE_ENV, PgServer, pg_bin_dir

    if pg_bin_dir() is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail("PostgreSQL is required (scripts/system-packages.txt: postgresql)")
        pytest.skip("PostgreSQL server not installed")
    srv = PgServer.start()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_url(request):
    """(URL, server): the same hub tests run on SQLite (None: data_dir/hub.db) and PostgreSQL."""
    from tests.sync_helpers import hub_database

    url, cleanup, server = hub_database(request, request.param)
    yield url, server
    cleanup()
