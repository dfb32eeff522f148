BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'station-core','0001_initial','2026-11-30 07:51:30.527856+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'station-devices','0001_print_jobs','2026-11-30 07:51:30.529802+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'station-sync','0001_sync_state','2026-11-30 07:51:30.531087+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'station-promo','0001_promo_playbook','2026-11-30 07:51:30.532689+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'station-promo','0002_allocations_no_carrier_index','2026-11-30 07:51:30.533729+00:00');
INSERT INTO "_sqlite_migrations" VALUES(6,'station-promo','0003_parcels_order_handoff_index','2026-11-30 07:51:30.534254+00:00');
INSERT INTO "_sqlite_migrations" VALUES(7,'station-promo','0004_sku_demand_counter','2026-11-30 07:51:30.535046+00:00');
CREATE TABLE allocations (
    order_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, region TEXT, rule TEXT NOT NULL, day TEXT NOT NULL,
    allocated_at TEXT NOT NULL, previous_carrier TEXT) WITHOUT ROWID;
CREATE TABLE batches (
    batch_id TEXT PRIMARY KEY, session_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('presale', 'anonymous')),
    sku_set TEXT NOT NULL, planned_qty INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'done')),
    expected_weight_g INTEGER, weight_tolerance_g INTEGER,
    pack_from TEXT, pack_until TEXT, created_at TEXT NOT NULL, created_by TEXT);
CREATE TABLE carrier_exceptions (
    id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, kind TEXT NOT NULL, order_id TEXT,
    opened_at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0, resolved_at TEXT);
CREATE TABLE carrier_rules (
    carrier TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('main', 'backup', 'dynamic')),
    share REAL NOT NULL DEFAULT 0, regions TEXT NOT NULL DEFAULT '[]',
    daily_capacity INTEGER NOT NULL DEFAULT 0, cost_cents INTEGER NOT NULL DEFAULT 0,
    next_day_regions TEXT NOT NULL DEFAULT '[]', rank INTEGER NOT NULL DEFAULT 100,
    failing INTEGER NOT NULL DEFAULT 0, failing_since TEXT, failing_reason TEXT);
CREATE TABLE carrier_usage (carrier TEXT NOT NULL, day TEXT NOT NULL, allocated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (carrier, day)) WITHOUT ROWID;
CREATE TABLE carriers (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, name_zh TEXT, waybill_prefix TEXT,
    active INTEGER NOT NULL DEFAULT 1);
INSERT INTO "carriers" VALUES('ZTO','ZTO','中通',NULL,1);
INSERT INTO "carriers" VALUES('YTO','YTO','圆通',NULL,1);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL, station_id TEXT NOT NULL, type TEXT NOT NULL,
    payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL);
CREATE TABLE failovers (
    failover_id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, trigger TEXT NOT NULL, reason TEXT,
    operator TEXT, started_at TEXT NOT NULL, orders_moved INTEGER NOT NULL DEFAULT 0,
    moved_to TEXT NOT NULL DEFAULT '{}', restored_at TEXT);
CREATE TABLE handoffs (
    handoff_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, courier_name TEXT, vehicle TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL, opened_by TEXT, closed_at TEXT, closed_by TEXT,
    parcel_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE live_sessions (session_id TEXT PRIMARY KEY, name TEXT, host TEXT, starts_at TEXT, ends_at TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('station_id','V010');
INSERT INTO "meta" VALUES('station_name','V010');
CREATE TABLE operators (
    code TEXT PRIMARY KEY, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('packer', 'lead')),
    pin_hash TEXT, active INTEGER NOT NULL DEFAULT 1);
INSERT INTO "operators" VALUES('P1','Packer One','packer',NULL,1);
INSERT INTO "operators" VALUES('L1','Lead One','lead','pbkdf2$b047d0822cf0a4fd357d01f142d73d87$d53db9079185ce2a0f28761af33287ab0a78d1c3ed19f7d6464389ba7696ae54',1);
CREATE TABLE order_items (
    order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
    sku_code TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty > 0),
    PRIMARY KEY (order_id, sku_code)) WITHOUT ROWID;
CREATE TABLE order_promises (
    order_id TEXT PRIMARY KEY, tier TEXT NOT NULL, ship_by TEXT NOT NULL,
    compensation INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE orders (
    order_id TEXT PRIMARY KEY, platform TEXT, session_id TEXT, paid_at TEXT NOT NULL, ship_by TEXT,
    sku_set TEXT NOT NULL,
    recipient_name TEXT, recipient_phone TEXT, province TEXT, city TEXT, district TEXT, address TEXT,
    carrier TEXT, waybill TEXT, sort_code TEXT,
    status TEXT NOT NULL CHECK (status IN ('paid', 'cancelled')), cancelled_at TEXT,
    delayed_ok INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE oversell_alerts (
    sku TEXT PRIMARY KEY, demand INTEGER NOT NULL, stock INTEGER NOT NULL, prepacked INTEGER NOT NULL,
    short_units INTEGER NOT NULL, short_orders TEXT NOT NULL, raised_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, resolved_at TEXT);
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
CREATE TABLE prepack_plans (
    plan_id TEXT PRIMARY KEY, session_id TEXT, sku_set TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty >= 0),
    suggested_qty INTEGER NOT NULL, pack_from TEXT, pack_until TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'created', 'dropped')),
    batch_id TEXT, reason TEXT, updated_at TEXT NOT NULL);
CREATE TABLE print_jobs (
            job_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL,
            printer TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('print', 'reprint', 'test')),
            parcel_id TEXT, batch_id TEXT, waybill TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'uncertain',
                                                 'cancelled', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0, error TEXT,
            requested_by TEXT, reason TEXT,
            created_at TEXT NOT NULL, printed_at TEXT, updated_at TEXT NOT NULL);
CREATE TABLE print_requests (
    id INTEGER PRIMARY KEY, order_id TEXT NOT NULL, parcel_id TEXT, waybill TEXT NOT NULL,
    carrier TEXT NOT NULL, reason TEXT NOT NULL, requested_at TEXT NOT NULL, printed_at TEXT);
CREATE TABLE promo_config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE promo_schedule (
    session_id TEXT PRIMARY KEY, name TEXT, host TEXT, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,
    skus TEXT NOT NULL, expected_viewers INTEGER NOT NULL DEFAULT 0,
    expected_conversion REAL NOT NULL DEFAULT 0, imported_at TEXT NOT NULL);
CREATE TABLE promo_sku_demand (sku TEXT PRIMARY KEY, units INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE returns (
    return_id INTEGER PRIMARY KEY, parcel_id TEXT NOT NULL UNIQUE, order_id TEXT, waybill TEXT,
    sku_set TEXT NOT NULL, session_id TEXT, carrier TEXT,
    reason TEXT NOT NULL, disposition TEXT NOT NULL, note TEXT, returned_at TEXT NOT NULL, operator TEXT);
CREATE TABLE sales_history (
    session_id TEXT NOT NULL, sku TEXT NOT NULL, session_date TEXT, units INTEGER NOT NULL,
    revenue_cents INTEGER NOT NULL, PRIMARY KEY (session_id, sku)) WITHOUT ROWID;
CREATE TABLE scan_log (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, mode TEXT NOT NULL, code TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, operator TEXT, parcel_id TEXT, elapsed_ms REAL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sku_barcodes (barcode TEXT PRIMARY KEY, sku_code TEXT NOT NULL REFERENCES skus(code));
INSERT INTO "sku_barcodes" VALUES('6920000000011','A');
INSERT INTO "sku_barcodes" VALUES('6920000000028','B');
INSERT INTO "sku_barcodes" VALUES('6920000000035','C');
CREATE TABLE skus (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, weight_g INTEGER NOT NULL DEFAULT 0,
    tier TEXT NOT NULL DEFAULT 'long_tail' CHECK (tier IN ('core_hot', 'potential_new', 'long_tail')),
    price_cents INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
INSERT INTO "skus" VALUES('A','口红 Lipstick',100,'core_hot',0,'2026-11-30T07:51:30.538Z');
INSERT INTO "skus" VALUES('B','精华 Serum',200,'potential_new',0,'2026-11-30T07:51:30.538Z');
INSERT INTO "skus" VALUES('C','袜子 Socks',50,'long_tail',0,'2026-11-30T07:51:30.538Z');
CREATE TABLE stock_levels (sku TEXT PRIMARY KEY, on_hand INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE stock_plan (
    sku TEXT PRIMARY KEY, tier TEXT NOT NULL, recommended_qty INTEGER NOT NULL,
    reorder_point INTEGER, reason_en TEXT NOT NULL, reason_zh TEXT NOT NULL, inputs TEXT NOT NULL,
    planned_at TEXT NOT NULL);
CREATE TABLE sync_config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL DEFAULT 0,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    last_push_at TEXT, last_pull_at TEXT, last_ok_at TEXT,
    last_attempt_at TEXT, last_error_at TEXT, last_error_en TEXT, last_error_zh TEXT,
    hub_time_offset_s REAL);
INSERT INTO "sync_state" VALUES(1,0,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE voided_waybills (
    waybill TEXT PRIMARY KEY, parcel_id TEXT, order_id TEXT, carrier TEXT,
    reason TEXT NOT NULL, voided_at TEXT NOT NULL, voided_by TEXT);
CREATE TABLE warehouse_exports (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, orders INTEGER NOT NULL, sha256 TEXT NOT NULL,
    exported_at TEXT NOT NULL, operator TEXT);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX sku_barcodes_sku ON sku_barcodes(sku_code);
CREATE UNIQUE INDEX orders_waybill ON orders(waybill) WHERE waybill IS NOT NULL;
CREATE INDEX orders_bind ON orders(sku_set, status, paid_at);
CREATE INDEX orders_session ON orders(session_id);
CREATE INDEX orders_paid ON orders(paid_at);
CREATE INDEX order_items_sku ON order_items(sku_code);
CREATE INDEX handoffs_status ON handoffs(status, carrier);
CREATE INDEX parcels_batch_state ON parcels(batch_id, state);
CREATE INDEX parcels_handoff ON parcels(handoff_id);
CREATE INDEX parcels_open_state ON parcels(state, verified_at) WHERE state IN ('verified', 'intercepted');
CREATE INDEX parcels_handed_off_at ON parcels(handed_off_at) WHERE handed_off_at IS NOT NULL;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE INDEX scan_log_at ON scan_log(at);
CREATE UNIQUE INDEX print_jobs_once ON print_jobs(waybill) WHERE kind = 'print' AND state != 'cancelled';
CREATE INDEX print_jobs_queue ON print_jobs(printer, state, job_id);
CREATE INDEX print_jobs_run ON print_jobs(run_id, state);
CREATE INDEX sales_history_sku ON sales_history(sku);
CREATE INDEX order_promises_tier ON order_promises(tier, ship_by);
CREATE INDEX print_requests_open ON print_requests(printed_at);
CREATE INDEX carrier_exceptions_carrier ON carrier_exceptions(carrier);
CREATE INDEX promo_parcels_order_handoff ON parcels(order_id, handed_off_at);
CREATE TRIGGER promo_demand_item_ins AFTER INSERT ON order_items
WHEN (SELECT status FROM orders WHERE order_id = NEW.order_id) = 'paid'
BEGIN
    INSERT INTO promo_sku_demand (sku, units) VALUES (NEW.sku_code, NEW.qty)
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END;
CREATE TRIGGER promo_demand_item_del AFTER DELETE ON order_items
WHEN (SELECT status FROM orders WHERE order_id = OLD.order_id) = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - OLD.qty WHERE sku = OLD.sku_code;
END;
CREATE TRIGGER promo_demand_item_upd AFTER UPDATE OF sku_code, qty ON order_items
WHEN (SELECT status FROM orders WHERE order_id = NEW.order_id) = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - OLD.qty WHERE sku = OLD.sku_code;
    INSERT INTO promo_sku_demand (sku, units) VALUES (NEW.sku_code, NEW.qty)
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END;
CREATE TRIGGER promo_demand_status AFTER UPDATE OF status ON orders
WHEN OLD.status IS NOT NEW.status AND 'paid' IN (OLD.status, NEW.status)
BEGIN
    INSERT INTO promo_sku_demand (sku, units)
    SELECT sku_code, CASE WHEN NEW.status = 'paid' THEN qty ELSE -qty END FROM order_items
    WHERE order_id = NEW.order_id
    ON CONFLICT(sku) DO UPDATE SET units = units + excluded.units;
END;
CREATE TRIGGER promo_demand_order_del BEFORE DELETE ON orders
WHEN OLD.status = 'paid'
BEGIN
    UPDATE promo_sku_demand SET units = units - (SELECT qty FROM order_items i WHERE i.order_id = OLD.order_id
                                                 AND i.sku_code = promo_sku_demand.sku)
    WHERE sku IN (SELECT sku_code FROM order_items WHERE order_id = OLD.order_id);
END;
DELETE FROM "sqlite_sequence";
COMMIT;
