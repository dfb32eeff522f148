"""Hub storage behind one interface (`HubStorage`), chosen by a database URL.

- `sqlite:///path/to/hub.db` (or a hub data folder): the embedded default for one warehouse;
- `postgresql://user@host/db`: a warehouse group, several hub processes on one database.

The URL comes from `--database-url`, else the WAREHOUSE_HUB_DATABASE_URL environment variable,
else `DATA_DIR/hub.db`. All queries live in `base.SqlHubStorage` (written once for both
backends); the schema in `migrations.py`. See `base.SqlHubStorage` for how to add a table or a
method.
"""

from __future__ import annotations

import os
from pathlib import Path

from warehouse_app.hub.storage.base import (
    HANDOFF_EVENT_TYPES,
    INTERCEPT_EVENT_TYPE,
    RECORD_KINDS,
    TOKEN_CACHE_S,
    Change,
    ChangePage,
    HubConflict,
    HubStorage,
    PushResult,
    SchemaTooNew,
    SqlHubStorage,
    StationInfo,
    hash_token,
)
from warehouse_app.hub.storage.sqlite import SqliteHubStorage

DATABASE_URL_ENV = "WAREHOUSE_HUB_DATABASE_URL"

__all__ = [
    "DATABASE_URL_ENV",
    "HANDOFF_EVENT_TYPES",
    "INTERCEPT_EVENT_TYPE",
    "RECORD_KINDS",
    "TOKEN_CACHE_S",
    "Change",
    "ChangePage",
    "HubConflict",
    "HubStorage",
    "PushResult",
    "SchemaTooNew",
    "SqlHubStorage",
    "SqliteHubStorage",
    "StationInfo",
    "database_url",
    "hash_token",
    "is_postgres",
    "open_storage",
    "sqlite_path",
]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> Path | None:
    """The file of a sqlite:/// URL (None for another scheme)."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    return None


def database_url(data_dir: Path | str | None = None, url: str | None = None) -> str:
    """--database-url, else the environment variable, else the data folder's hub.db."""
    chosen = url or os.environ.get(DATABASE_URL_ENV) or ""
    if chosen:
        return chosen
    if data_dir is None:
        raise ValueError(f"no hub database: give --database-url, {DATABASE_URL_ENV} or --data-dir")
    return f"sqlite:///{Path(data_dir) / 'hub.db'}"


def open_storage(target: Path | str, **pool: int) -> SqlHubStorage:
    """Open (and migrate) the hub database a URL names; a plain path is a hub data folder."""
    text = str(target)
    if is_postgres(text):
        from warehouse_app.hub.storage.postgres import PostgresHubStorage

        return PostgresHubStorage(text, **pool)
    path = sqlite_path(text)
    if path is not None:
        return SqliteHubStorage(path)
    if "://" in text:
        raise ValueError(
            f"unsupported hub database URL {text!r}: use sqlite:///path or postgresql://..."
        )
    return SqliteHubStorage(Path(text) / "hub.db")
