"""The settings registry's names (warehouse_app/settings.py): old `ui.*` and `devices.*` keys are
moved once. Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("station-settings")


@migrations(name="0001_registry_keys")
def m0001_registry_keys(db: sqlite_utils.Database) -> None:
    """One name per setting: the settings page wrote `ui.<field>`, IT wrote `devices.*` and the
    core read `language`/`timezone`; which one won was decided in four places."""
    from warehouse_app.settings import migrate_old_keys

    migrate_old_keys(db.conn)
