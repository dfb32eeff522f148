"""Schema owned by the promo area. Append new migrations at the end; never edit a shipped one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from warehouse_app.store.sqlscript import exec_script as _exec

migrations = Migrations("station-promo")


@migrations(name="0001_promo_playbook")
def m0001_promo_playbook(db: sqlite_utils.Database) -> None:
    """Stock tiers, plans, carrier rules and allocations, failovers, returns, review inputs."""
    _exec(
        db,
        """
CREATE TABLE promo_config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE promo_schedule (
    session_id TEXT PRIMARY KEY, name TEXT, host TEXT, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,
    skus TEXT NOT NULL, expected_viewers INTEGER NOT NULL DEFAULT 0,
    expected_conversion REAL NOT NULL DEFAULT 0, imported_at TEXT NOT NULL);
CREATE TABLE sales_history (
    session_id TEXT NOT NULL, sku TEXT NOT NULL, session_date TEXT, units INTEGER NOT NULL,
    revenue_cents INTEGER NOT NULL, PRIMARY KEY (session_id, sku)) WITHOUT ROWID;
CREATE INDEX sales_history_sku ON sales_history(sku);
CREATE TABLE stock_levels (sku TEXT PRIMARY KEY, on_hand INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE stock_plan (
    sku TEXT PRIMARY KEY, tier TEXT NOT NULL, recommended_qty INTEGER NOT NULL,
    reorder_point INTEGER, reason_en TEXT NOT NULL, reason_zh TEXT NOT NULL, inputs TEXT NOT NULL,
    planned_at TEXT NOT NULL);
CREATE TABLE prepack_plans (
    plan_id TEXT PRIMARY KEY, session_id TEXT, sku_set TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty >= 0),
    suggested_qty INTEGER NOT NULL, pack_from TEXT, pack_until TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'created', 'dropped')),
    batch_id TEXT, reason TEXT, updated_at TEXT NOT NULL);
CREATE TABLE oversell_alerts (
    sku TEXT PRIMARY KEY, demand INTEGER NOT NULL, stock INTEGER NOT NULL, prepacked INTEGER NOT NULL,
    short_units INTEGER NOT NULL, short_orders TEXT NOT NULL, raised_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, resolved_at TEXT);
CREATE TABLE order_promises (
    order_id TEXT PRIMARY KEY, tier TEXT NOT NULL, ship_by TEXT NOT NULL,
    compensation INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE INDEX order_promises_tier ON order_promises(tier, ship_by);
CREATE TABLE carrier_rules (
    carrier TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('main', 'backup', 'dynamic')),
    share REAL NOT NULL DEFAULT 0, regions TEXT NOT NULL DEFAULT '[]',
    daily_capacity INTEGER NOT NULL DEFAULT 0, cost_cents INTEGER NOT NULL DEFAULT 0,
    next_day_regions TEXT NOT NULL DEFAULT '[]', rank INTEGER NOT NULL DEFAULT 100,
    failing INTEGER NOT NULL DEFAULT 0, failing_since TEXT, failing_reason TEXT);
CREATE TABLE carrier_usage (carrier TEXT NOT NULL, day TEXT NOT NULL, allocated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (carrier, day)) WITHOUT ROWID;
CREATE TABLE allocations (
    order_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, region TEXT, rule TEXT NOT NULL, day TEXT NOT NULL,
    allocated_at TEXT NOT NULL, previous_carrier TEXT) WITHOUT ROWID;
CREATE INDEX allocations_carrier ON allocations(carrier);
CREATE TABLE print_requests (
    id INTEGER PRIMARY KEY, order_id TEXT NOT NULL, parcel_id TEXT, waybill TEXT NOT NULL,
    carrier TEXT NOT NULL, reason TEXT NOT NULL, requested_at TEXT NOT NULL, printed_at TEXT);
CREATE INDEX print_requests_open ON print_requests(printed_at);
CREATE TABLE failovers (
    failover_id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, trigger TEXT NOT NULL, reason TEXT,
    operator TEXT, started_at TEXT NOT NULL, orders_moved INTEGER NOT NULL DEFAULT 0,
    moved_to TEXT NOT NULL DEFAULT '{}', restored_at TEXT);
CREATE TABLE carrier_exceptions (
    id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, kind TEXT NOT NULL, order_id TEXT,
    opened_at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0, resolved_at TEXT);
CREATE INDEX carrier_exceptions_carrier ON carrier_exceptions(carrier);
CREATE TABLE returns (
    return_id INTEGER PRIMARY KEY, parcel_id TEXT NOT NULL UNIQUE, order_id TEXT, waybill TEXT,
    sku_set TEXT NOT NULL, session_id TEXT, carrier TEXT,
    reason TEXT NOT NULL, disposition TEXT NOT NULL, note TEXT, returned_at TEXT NOT NULL, operator TEXT);
CREATE TABLE warehouse_exports (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, orders INTEGER NOT NULL, sha256 TEXT NOT NULL,
    exported_at TEXT NOT NULL, operator TEXT)
""",
    )


@migrations(name="0002_allocations_no_carrier_index")
def m0002_allocations_no_carrier_index(db: sqlite_utils.Database) -> None:
    """The split report scans allocations anyway; the index only slowed a million-row allocation."""
    db.execute("DROP INDEX IF EXISTS allocations_carrier")


@migrations(name="0003_parcels_order_handoff_index")
def m0003_parcels_order_handoff_index(db: sqlite_utils.Database) -> None:
    """Covering index for the review's on-time pass (order -> handed_off_at) over a million orders.
    An index only (no column or table change) on core's parcels table; one more b-tree per parcel write."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS promo_parcels_order_handoff ON parcels(order_id, handed_off_at)"
    )


@migrations(name="0004_sku_demand_counter")
def m0004_sku_demand_counter(db: sqlite_utils.Database) -> None:
    """Paid units per SKU kept by triggers on core's orders / order_items, so the oversell refresh that
    runs whenever orders arrive reads a SKU's demand in one lookup instead of joining every order of it
    (seconds per pulled page on a million-order promo). Triggers only (no change to core's columns);
    backfilled from the orders already here."""
    # one statement at a time: trigger bodies hold ';' + newline, which _exec would split
    for stmt in _DEMAND_SQL.split("\n\n"):
        db.execute(stmt)


_DEMAND_SQL = """CREATE TABLE promo_sku_demand (sku TEXT PRIMARY KEY, units INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID

CREATE TRIGGER promo_demand_item_ins AFTER INSERT ON order_items
WHEN (SELECT status FROM orders WHERE order_id = NEW.order_id) = 'paid'
BEGIN
    INSERT INTO promo_sku_demand (sku, units) VALUES (NEW.sku_code, NEW.qty)
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END

CREATE TRIGGER promo_demand_item_del AFTER DELETE ON order_items
WHEN (SELECT status FROM orders WHERE order_id = OLD.order_id) = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - OLD.qty WHERE sku = OLD.sku_code;
END

CREATE TRIGGER promo_demand_item_upd AFTER UPDATE OF sku_code, qty ON order_items
WHEN (SELECT status FROM orders WHERE order_id = NEW.order_id) = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - OLD.qty WHERE sku = OLD.sku_code;
    INSERT INTO promo_sku_demand (sku, units) VALUES (NEW.sku_code, NEW.qty)
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END

CREATE TRIGGER promo_demand_status AFTER UPDATE OF status ON orders
WHEN OLD.status IS NOT NEW.status AND 'paid' IN (OLD.status, NEW.status)
BEGIN
    INSERT INTO promo_sku_demand (sku, units)
    SELECT sku_code, CASE WHEN NEW.status = 'paid' THEN qty ELSE -qty END FROM order_items
    WHERE order_id = NEW.order_id
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END

CREATE TRIGGER promo_demand_order_del BEFORE DELETE ON orders
WHEN OLD.status = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - (SELECT qty FROM order_items i WHERE i.order_id = OLD.order_id
                                                 AND i.sku_code = promo_sku_demand.sku)
    WHERE sku IN (SELECT sku_code FROM order_items WHERE order_id = OLD.order_id);
END

INSERT INTO promo_sku_demand (sku, units)
SELECT i.sku_code, sum(i.qty) FROM order_items i JOIN orders o ON o.order_id = i.order_id
WHERE o.status = 'paid' GROUP BY i.sku_code"""


@migrations(name="0005_carrier_coverage")
def m0005_carrier_coverage(db: sqlite_utils.Database) -> None:
    """Regions a carrier delivers to at all (empty = everywhere): the share-aware allocator never sends
    an order outside it."""
    db.execute("ALTER TABLE carrier_rules ADD COLUMN coverage TEXT NOT NULL DEFAULT '[]'")


@migrations(name="0006_real_stock_and_presale")
def m0006_real_stock_and_presale(db: sqlite_utils.Database) -> None:
    """Stock moves with what is recorded: a count remembers the units already committed to parcels and
    restocked from returns at that moment, so packing after the count takes units off the loose stock
    (and a pack before it is not taken twice). SKUs switched to presale after an oversell, with the
    new promise their short orders got."""
    _exec(
        db,
        """
ALTER TABLE stock_levels ADD COLUMN counted_at TEXT;
ALTER TABLE stock_levels ADD COLUMN committed_at_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stock_levels ADD COLUMN restocked_at_count INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sku_presale (
    sku TEXT PRIMARY KEY, switched_at TEXT NOT NULL, available_at TEXT NOT NULL, new_ship_by TEXT NOT NULL,
    short_orders INTEGER NOT NULL DEFAULT 0, operator TEXT, ended_at TEXT);
ALTER TABLE order_promises ADD COLUMN presale_sku TEXT
""",
    )


@migrations(name="0007_warehouse_transfers")
def m0007_warehouse_transfers(db: sqlite_utils.Database) -> None:
    """Orders exported to a backup warehouse: marked here so this warehouse never packs, binds or hands
    them off (their parcels' scans get the 'transferred' verdict) until they come back."""
    _exec(
        db,
        """
CREATE TABLE warehouse_transfers (
    order_id TEXT PRIMARY KEY, to_warehouse TEXT NOT NULL, export_id INTEGER, transferred_at TEXT NOT NULL,
    returned_at TEXT) WITHOUT ROWID
""",
    )


@migrations(name="0008_ewaybills")
def m0008_ewaybills(db: sqlite_utils.Database) -> None:
    """E-waybills from the carrier's platform: parcels waiting for a number (offline reissue), the
    routing data each issued number came with (三段码, 集包地), and voids queued for the issuer."""
    _exec(
        db,
        """
CREATE TABLE waybill_waiting (
    order_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, parcel_id TEXT, reason TEXT NOT NULL,
    since TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE waybill_routing (
    waybill TEXT PRIMARY KEY, carrier TEXT NOT NULL, order_id TEXT, sort_code TEXT, package_center TEXT,
    package_code TEXT, issued_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE waybill_voids (
    waybill TEXT PRIMARY KEY, carrier TEXT, order_id TEXT, reason TEXT NOT NULL, queued_at TEXT NOT NULL,
    sent_at TEXT, accepted INTEGER) WITHOUT ROWID
""",
    )
