"""Upstream sync: the station's outbox to the hub, reference data back (no Qt)."""

from warehouse_app.sync.client import HubClient, SyncError
from warehouse_app.sync.service import SyncResult, SyncService, SyncStatus, read_status
from warehouse_app.sync.state import SyncConfig, load_config, save_config

__all__ = [
    "HubClient",
    "SyncConfig",
    "SyncError",
    "SyncResult",
    "SyncService",
    "SyncStatus",
    "load_config",
    "read_status",
    "save_config",
]
