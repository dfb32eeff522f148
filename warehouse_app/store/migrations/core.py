"""Core station schema. Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.sqlscript import exec_script as _exec

migrations = Migrations("station-core")


@migrations(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    _exec(
        db,
        """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE operators (
    code TEXT PRIMARY KEY, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('packer', 'lead')),
    pin_hash TEXT, active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE skus (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, weight_g INTEGER NOT NULL DEFAULT 0,
    tier TEXT NOT NULL DEFAULT 'long_tail' CHECK (tier IN ('core_hot', 'potential_new', 'long_tail')),
    price_cents INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE sku_barcodes (barcode TEXT PRIMARY KEY, sku_code TEXT NOT NULL REFERENCES skus(code));
CREATE INDEX sku_barcodes_sku ON sku_barcodes(sku_code);
CREATE TABLE carriers (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, name_zh TEXT, waybill_prefix TEXT,
    active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE live_sessions (session_id TEXT PRIMARY KEY, name TEXT, host TEXT, starts_at TEXT, ends_at TEXT);
CREATE TABLE orders (
    order_id TEXT PRIMARY KEY, platform TEXT, session_id TEXT, paid_at TEXT NOT NULL, ship_by TEXT,
    sku_set TEXT NOT NULL,
    recipient_name TEXT, recipient_phone TEXT, province TEXT, city TEXT, district TEXT, address TEXT,
    carrier TEXT, waybill TEXT, sort_code TEXT,
    status TEXT NOT NULL CHECK (status IN ('paid', 'cancelled')), cancelled_at TEXT,
    delayed_ok INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE UNIQUE INDEX orders_waybill ON orders(waybill) WHERE waybill IS NOT NULL;
CREATE INDEX orders_bind ON orders(sku_set, status, paid_at);
CREATE INDEX orders_session ON orders(session_id);
CREATE INDEX orders_paid ON orders(paid_at);
CREATE TABLE order_items (
    order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
    sku_code TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty > 0),
    PRIMARY KEY (order_id, sku_code)) WITHOUT ROWID;
CREATE INDEX order_items_sku ON order_items(sku_code);
CREATE TABLE batches (
    batch_id TEXT PRIMARY KEY, session_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('presale', 'anonymous')),
    sku_set TEXT NOT NULL, planned_qty INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'done')),
    expected_weight_g INTEGER, weight_tolerance_g INTEGER,
    pack_from TEXT, pack_until TEXT, created_at TEXT NOT NULL, created_by TEXT);
CREATE TABLE handoffs (
    handoff_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, courier_name TEXT, vehicle TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL, opened_by TEXT, closed_at TEXT, closed_by TEXT,
    parcel_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX handoffs_status ON handoffs(status, carrier);
CREATE TABLE parcels (
    parcel_id TEXT PRIMARY KEY,
    batch_id TEXT REFERENCES batches(batch_id),
    order_id TEXT UNIQUE REFERENCES orders(order_id),
    label_code TEXT NOT NULL UNIQUE,
    waybill TEXT UNIQUE, carrier TEXT, sort_code TEXT,
    sku_set TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'packed', 'verified', 'handed_off',
                                        'intercepted', 'pulled', 'voided', 'returned')),
    handoff_id TEXT REFERENCES handoffs(handoff_id),
    print_count INTEGER NOT NULL DEFAULT 0,
    packed_at TEXT, packed_by TEXT, verified_at TEXT, verified_by TEXT, weight_g INTEGER,
    handed_off_at TEXT, handed_off_by TEXT, intercepted_at TEXT, pulled_at TEXT,
    updated_at TEXT NOT NULL);
CREATE INDEX parcels_batch_state ON parcels(batch_id, state);
CREATE INDEX parcels_handoff ON parcels(handoff_id);
-- partial: a pack scan (planned -> packed) touches no extra index page
CREATE INDEX parcels_open_state ON parcels(state, verified_at) WHERE state IN ('verified', 'intercepted');
CREATE INDEX parcels_handed_off_at ON parcels(handed_off_at) WHERE handed_off_at IS NOT NULL;
CREATE TABLE voided_waybills (
    waybill TEXT PRIMARY KEY, parcel_id TEXT, order_id TEXT, carrier TEXT,
    reason TEXT NOT NULL, voided_at TEXT NOT NULL, voided_by TEXT);
-- seq never reuses a value: rows are never deleted (trigger below), so no AUTOINCREMENT page
-- write per event; the uuid is unique by construction (UUIDv7) and the hub dedups on it.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL, station_id TEXT NOT NULL, type TEXT NOT NULL,
    payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TABLE scan_log (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, mode TEXT NOT NULL, code TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, operator TEXT, parcel_id TEXT, elapsed_ms REAL);
CREATE INDEX scan_log_at ON scan_log(at);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)
""",
    )


@migrations(name="0002_orders_bound_flag")
def m0002_orders_bound_flag(db: sqlite_utils.Database) -> None:
    """`orders.bound` says whether a parcel carries the order, kept by triggers on `parcels` so every
    code path (presale batch, bind, failover, sync apply, returns) maintains it. The partial index
    holds only paid, unbound orders: finding the earliest-paid one for a SKU set is one index seek
    however many orders are already bound (a NOT EXISTS walk grew with the square of the shift)."""
    # (trigger bodies keep their inner ';' off the line end: exec_script splits on ';' + newline)
    _exec(
        db,
        """
ALTER TABLE orders ADD COLUMN bound INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET bound = 1 WHERE order_id IN (SELECT order_id FROM parcels WHERE order_id IS NOT NULL);
CREATE INDEX orders_unbound ON orders(sku_set, paid_at, order_id) WHERE status = 'paid' AND bound = 0;
CREATE TRIGGER parcels_bound_ins AFTER INSERT ON parcels WHEN NEW.order_id IS NOT NULL
    BEGIN UPDATE orders SET bound = 1 WHERE order_id = NEW.order_id; END;
CREATE TRIGGER parcels_bound_upd AFTER UPDATE OF order_id ON parcels
    WHEN NEW.order_id IS NOT OLD.order_id
    BEGIN UPDATE orders SET bound = 0 WHERE order_id = OLD.order_id; UPDATE orders SET bound = 1
        WHERE order_id = NEW.order_id; END;
CREATE TRIGGER parcels_bound_del AFTER DELETE ON parcels WHEN OLD.order_id IS NOT NULL
    BEGIN UPDATE orders SET bound = 0 WHERE order_id = OLD.order_id; END
""",
    )
