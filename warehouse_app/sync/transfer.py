"""Receiving a cage from another station while online: the parcels are scanned here, the hub
records the move, and this station's next pull takes them in (the sender marks them
transferred on its own next pull). Offline, a lead uses a transfer sheet instead
(`warehouse_app.multistation.transfer_out` / `transfer_in`)."""

from __future__ import annotations

from typing import Any

from warehouse_app.errors import StationError
from warehouse_app.store.db import Store
from warehouse_app.store.writer import StoreWriter
from warehouse_app.sync import state
from warehouse_app.sync.client import HubClient


def receive_online(
    store: Store, writer: StoreWriter, codes: list[str], sync: Any = None
) -> list[dict[str, Any]]:
    """Ask the hub to move these parcels here, then pull them in (`sync`: the running
    SyncService, else a one-off sync). Returns the hub's transfer rows."""
    from warehouse_app.sync.service import SyncService

    conn = store.connect(readonly=True)
    try:
        cfg = state.load_config(conn)
    finally:
        conn.close()
    if cfg is None:
        raise StationError(
            "Not linked to a hub: use a transfer sheet from the sending station's lead.",
            zh="未连接上游：请用发出站点组长打印的转移单。",
        )
    with HubClient(cfg.hub_url, cfg.token, ca_file=cfg.ca_file) as client:
        res = client.transfer([c for c in codes if c])
    rows = [r for r in res.get("transferred") or [] if isinstance(r, dict)]
    (sync or SyncService(store, writer)).sync_once()
    return rows
