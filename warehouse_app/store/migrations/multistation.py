"""Schema owned by the multi-station area (work division with the other stations of a warehouse).
Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.sqlscript import exec_script as _exec

migrations = Migrations("station-multistation")


@migrations(name="0001_leases_holds_transfers")
def m0001_leases_holds_transfers(db: sqlite_utils.Database) -> None:
    """Leases (orders the hub gave this station to bind), holds (parcels the hub says to pull),
    the hub's conflict list for the lead screen, and where a transferred parcel went/came from."""
    _exec(
        db,
        """
CREATE TABLE leases (
    lease_id TEXT PRIMARY KEY, sku_set TEXT NOT NULL, kind TEXT NOT NULL,
    granted_at TEXT, expires_at TEXT, orders INTEGER NOT NULL DEFAULT 0, pulled_at TEXT NOT NULL);
CREATE TABLE lease_orders (
    order_id TEXT PRIMARY KEY, lease_id TEXT NOT NULL, sku_set TEXT NOT NULL);
CREATE INDEX lease_orders_set ON lease_orders(sku_set);
CREATE TABLE holds (
    parcel_id TEXT PRIMARY KEY, order_id TEXT, waybill TEXT, winner_station TEXT,
    reason TEXT NOT NULL, parcel_left INTEGER NOT NULL DEFAULT 0, received_at TEXT NOT NULL);
CREATE TABLE hub_conflicts (
    conflict_id TEXT PRIMARY KEY, kind TEXT NOT NULL, station_id TEXT, order_id TEXT,
    waybill TEXT, data TEXT NOT NULL, updated_at TEXT NOT NULL);
ALTER TABLE parcels ADD COLUMN transferred_to TEXT;
ALTER TABLE parcels ADD COLUMN transferred_from TEXT
""",
    )


@migrations(name="0002_station_states_transfer_weights")
def m0002_station_states_transfer_weights(db: sqlite_utils.Database) -> None:
    """The hub's view of this warehouse's stations (online, offline, past their lease, likely
    dead) for the lead, and the weight rule a transferred-in parcel brings from its batch (it
    has no batch here, so the verify weight check needs it on the parcel)."""
    _exec(
        db,
        """
CREATE TABLE hub_stations (
    station_id TEXT PRIMARY KEY, state TEXT NOT NULL, data TEXT NOT NULL, updated_at TEXT NOT NULL);
ALTER TABLE parcels ADD COLUMN expected_weight_g INTEGER;
ALTER TABLE parcels ADD COLUMN weight_tolerance_g INTEGER
""",
    )
