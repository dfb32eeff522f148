"""The station's local SQLite store: the station's source of truth."""

from warehouse_app.store.db import Store, connect, open_store

__all__ = ["Store", "connect", "open_store"]
