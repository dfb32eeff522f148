#!/usr/bin/env bash
# Set up (system packages, venv, project with test extras), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
export WAREHOUSE_TEST_REQUIRE_POSTGRES=1  # the hub suite runs on SQLite and PostgreSQL
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
