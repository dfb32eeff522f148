BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'station-core','0001_initial','2026-11-25 13:16:43.066894+00:00');
CREATE TABLE batches (
    batch_id TEXT PRIMARY KEY, session_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('presale', 'anonymous')),
    sku_set TEXT NOT NULL, planned_qty INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'done')),
    expected_weight_g INTEGER, weight_tolerance_g INTEGER,
    pack_from TEXT, pack_until TEXT, created_at TEXT NOT NULL, created_by TEXT);
INSERT INTO "batches" VALUES('OLD1-B0001',NULL,'presale','A*1',2,'active',100,NULL,NULL,NULL,'2026-11-25T13:16:43.107Z','L1');
CREATE TABLE carriers (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, name_zh TEXT, waybill_prefix TEXT,
    active INTEGER NOT NULL DEFAULT 1);
INSERT INTO "carriers" VALUES('ZTO','ZTO','中通',NULL,1);
INSERT INTO "carriers" VALUES('YTO','YTO','圆通',NULL,1);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL, station_id TEXT NOT NULL, type TEXT NOT NULL,
    payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL);
INSERT INTO "events" VALUES(1,'01a212d9-f2e3-74e8-b0c2-7433e679e59e','OLD1','batch.created','{"batch_id":"OLD1-B0001","kind":"presale","qty":2,"session_id":null,"sku_set":"A*1"}','L1','2026-11-25T13:16:43.107Z');
INSERT INTO "events" VALUES(2,'01a212d9-f2e4-7266-be0d-a85e15a7c135','OLD1','batch.started','{"batch_id":"OLD1-B0001"}','L1','2026-11-25T13:16:43.107Z');
INSERT INTO "events" VALUES(3,'01a212d9-f2e5-70b2-b302-e45fad6529f6','OLD1','parcel.packed','{"batch_id":"OLD1-B0001","carrier":"ZTO","from":"planned","order_id":"V1","parcel_id":"PP-OLD1-B0001-00001","to":"packed","waybill":"WBV1"}','P1','2026-11-25T13:16:43.107Z');
CREATE TABLE handoffs (
    handoff_id TEXT PRIMARY KEY, carrier TEXT NOT NULL, courier_name TEXT, vehicle TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL, opened_by TEXT, closed_at TEXT, closed_by TEXT,
    parcel_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE live_sessions (session_id TEXT PRIMARY KEY, name TEXT, host TEXT, starts_at TEXT, ends_at TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "meta" VALUES('station_id','OLD1');
INSERT INTO "meta" VALUES('station_name','OLD1');
INSERT INTO "meta" VALUES('batch_seq','1');
CREATE TABLE operators (
    code TEXT PRIMARY KEY, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('packer', 'lead')),
    pin_hash TEXT, active INTEGER NOT NULL DEFAULT 1);
INSERT INTO "operators" VALUES('P1','Packer One','packer',NULL,1);
INSERT INTO "operators" VALUES('L1','Lead One','lead','pbkdf2$0d398629093864c5b26c7f2a9a978336$62553fc52aa68968f5464c41d73f457874a1ba17d8a4baef6a83966948544127',1);
CREATE TABLE order_items (
    order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
    sku_code TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty > 0),
    PRIMARY KEY (order_id, sku_code)) WITHOUT ROWID;
INSERT INTO "order_items" VALUES('V1','A',1);
INSERT INTO "order_items" VALUES('V2','A',1);
CREATE TABLE orders (
    order_id TEXT PRIMARY KEY, platform TEXT, session_id TEXT, paid_at TEXT NOT NULL, ship_by TEXT,
    sku_set TEXT NOT NULL,
    recipient_name TEXT, recipient_phone TEXT, province TEXT, city TEXT, district TEXT, address TEXT,
    carrier TEXT, waybill TEXT, sort_code TEXT,
    status TEXT NOT NULL CHECK (status IN ('paid', 'cancelled')), cancelled_at TEXT,
    delayed_ok INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
INSERT INTO "orders" VALUES('V1','douyin','S1','2026-11-11T12:00:00Z',NULL,'A*1','王伟','13800000000','浙江','杭州','西湖区','文三路1号','ZTO','WBV1','351-A01-01','paid',NULL,0,'2026-11-25T13:16:43.106Z');
INSERT INTO "orders" VALUES('V2','douyin','S1','2026-11-11T12:00:00Z',NULL,'A*1','王伟','13800000000','浙江','杭州','西湖区','文三路1号','ZTO','WBV2','351-A01-01','paid',NULL,0,'2026-11-25T13:16:43.106Z');
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
INSERT INTO "parcels" VALUES('PP-OLD1-B0001-00001','OLD1-B0001','V1','PP-OLD1-B0001-00001','WBV1','ZTO','351-A01-01','A*1','packed',NULL,0,'2026-11-25T13:16:43.107Z','P1',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-25T13:16:43.107Z');
INSERT INTO "parcels" VALUES('PP-OLD1-B0001-00002','OLD1-B0001','V2','PP-OLD1-B0001-00002','WBV2','ZTO','351-A01-01','A*1','planned',NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-25T13:16:43.107Z');
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
INSERT INTO "skus" VALUES('A','口红 Lipstick',100,'core_hot',0,'2026-11-25T13:16:43.082Z');
INSERT INTO "skus" VALUES('B','精华 Serum',200,'potential_new',0,'2026-11-25T13:16:43.082Z');
INSERT INTO "skus" VALUES('C','袜子 Socks',50,'long_tail',0,'2026-11-25T13:16:43.082Z');
CREATE TABLE voided_waybills (
    waybill TEXT PRIMARY KEY, parcel_id TEXT, order_id TEXT, carrier TEXT,
    reason TEXT NOT NULL, voided_at TEXT NOT NULL, voided_by TEXT);
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
COMMIT;
