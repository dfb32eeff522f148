"""Hub schema migrations, one list for SQLite and PostgreSQL. Append; never edit a shipped one.

A migration's `sql` is DDL for both backends with {tokens} from the dialect ({id}: an
auto-numbered primary key, {bigint}: a 64-bit integer, {without_rowid}: SQLite's clustered
table hint); `sqlite=` / `postgres=` hold statements only one backend runs (after `sql`);
`run` is an optional Python step for data (it gets the `Tx` and the `Dialect`). Statements are
separated by a line ending in ";". Each migration runs in one transaction with its record in
`schema_migrations`, under a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
hub workers starting together migrate once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from warehouse_app.clock import iso, utcnow
from warehouse_app.hub.storage.base import Dialect, SchemaTooNew, Tx, new_epoch

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str = ""
    sqlite: str = ""
    postgres: str = ""
    run: Callable[[Tx, Dialect], None] | None = None

    def statements(self, dialect: Dialect) -> list[str]:
        text = self.sql.format(**dialect.ddl)
        text += "\n" + (self.sqlite if dialect.name == "sqlite" else self.postgres)
        return [s.strip() for s in text.split(";\n") if s.strip().rstrip(";").strip()]


def _m2_data(tx: Tx, dialect: Dialect) -> None:
    """The rev counter starts at the highest rev already handed out; the handoff aggregate is
    built once from the events a version-1 hub holds; the first epoch is born."""
    top = int(tx.scalar("SELECT COALESCE(max(rev), 0) FROM records") or 0)
    tx.execute("INSERT INTO counters (name, value) VALUES ('rev', ?)", (top,))
    tx.execute(
        "INSERT INTO hub_meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO NOTHING",
        (new_epoch(),),
    )
    from warehouse_app.hub.storage.base import HANDOFF_EVENT_TYPES, _carrier_of

    marks = ",".join("?" for _ in HANDOFF_EVENT_TYPES)
    counts: dict[tuple[str, str, str], int] = {}
    import json

    for r in tx.all(
        f"SELECT station_id, payload, created_at FROM events WHERE type IN ({marks})",
        HANDOFF_EVENT_TYPES,
    ):
        payload = json.loads(r["payload"])
        k = (
            str(r["station_id"]),
            _carrier_of(payload if isinstance(payload, dict) else {}),
            str(r["created_at"])[:13],
        )
        counts[k] = counts.get(k, 0) + 1
    tx.many(
        "INSERT INTO handoff_hourly (station_id, carrier, hour, parcels) VALUES (?,?,?,?)",
        [(*k, n) for k, n in counts.items()],
    )


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "events, stations, records",
        # IF NOT EXISTS: a hub.db made before migrations were recorded already has these
        """
CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS stations (
    station_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
    revoked_at TEXT, acked_seq {bigint} NOT NULL DEFAULT 0, last_push_at TEXT);
CREATE TABLE IF NOT EXISTS events (
    id {id},
    station_id TEXT NOT NULL, seq {bigint} NOT NULL, uuid TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (station_id, seq));
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS records (
    kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, rev {bigint} NOT NULL UNIQUE,
    updated_at TEXT NOT NULL, PRIMARY KEY (kind, key)){without_rowid};
""",
    ),
    Migration(
        2,
        "rev counter, epoch, handoff aggregate, event archive",
        """
CREATE TABLE counters (name TEXT PRIMARY KEY, value {bigint} NOT NULL);
CREATE TABLE handoff_hourly (
    station_id TEXT NOT NULL, carrier TEXT NOT NULL, hour TEXT NOT NULL,
    parcels {bigint} NOT NULL, PRIMARY KEY (station_id, carrier, hour)){without_rowid};
CREATE INDEX events_type_created ON events(type, created_at);
CREATE INDEX events_received ON events(received_at);
DROP INDEX events_type;
""",
        sqlite="""
CREATE TABLE events_archive (
    id INTEGER NOT NULL, station_id TEXT NOT NULL, seq INTEGER NOT NULL, uuid TEXT NOT NULL,
    type TEXT NOT NULL, payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE INDEX events_archive_station ON events_archive(station_id, seq);
CREATE INDEX events_archive_type ON events_archive(type, created_at);
""",
        # by month of received_at; partitions are made when events are archived into them
        postgres="""
CREATE TABLE events_archive (
    id BIGINT NOT NULL, station_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL,
    type TEXT NOT NULL, payload TEXT NOT NULL, operator TEXT, created_at TEXT NOT NULL,
    received_at TEXT NOT NULL) PARTITION BY RANGE (received_at);
CREATE INDEX events_archive_station ON events_archive(station_id, seq);
CREATE INDEX events_archive_type ON events_archive(type, created_at);
""",
        run=_m2_data,
    ),
    Migration(
        3,
        "event feed in commit order (PostgreSQL)",
        # PostgreSQL hands out ids before commit, so a follower of `id > cursor` could pass an
        # id a slower push commits later. Each event keeps the id of the transaction that wrote
        # it: a follower reads only transactions older than every one still running (see
        # PostgresHubStorage.follow_events). Events stored before this have txid 1.
        postgres="""
ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT '1';
ALTER TABLE events ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
CREATE INDEX events_feed ON events(txid, id);
""",
    ),
    Migration(
        4,
        "ledger order indexes hold open orders only",
        # The ledger's lease and pool lookups only ever ask for orders nobody has bound (their
        # queries say bound_parcel IS NULL, and the pool's status='paid' AND assigned_to IS
        # NULL): hub/ledger.py SCHEMA now makes those indexes partial, so a claimed or shipped
        # order leaves them (a bind wrote 6 index entries, now 3). Here the full ones go (if
        # there: a new hub has no ledger tables yet); the ledger's ensure_tables makes the new.
        """
DROP INDEX IF EXISTS ledger_orders_pool;
DROP INDEX IF EXISTS ledger_orders_assigned;
DROP INDEX IF EXISTS ledger_orders_expiry;
""",
    ),
]

LATEST = MIGRATIONS[-1].version

MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
    "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


def applied(tx: Tx) -> set[int]:
    return {int(r["version"]) for r in tx.all("SELECT version FROM schema_migrations")}


def migrate_in(tx: Tx, dialect: Dialect, migrations: list[Migration] | None = None) -> list[int]:
    """Apply what is missing, inside the caller's locked transaction; returns versions run."""
    todo = migrations if migrations is not None else MIGRATIONS
    done = applied(tx)
    newer = {v for v in done if v > max(m.version for m in todo)}
    if newer:
        raise SchemaTooNew(
            f"hub database schema version {max(newer)} is newer than this hub knows "
            f"({max(m.version for m in todo)}): upgrade the hub software"
        )
    ran: list[int] = []
    for m in todo:
        if m.version in done:
            continue
        for stmt in m.statements(dialect):
            tx.execute(stmt)
        if m.run is not None:
            m.run(tx, dialect)
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?,?,?)",
            (m.version, m.name, iso(utcnow())),
        )
        logger.info("hub schema migrated to %d (%s) on %s", m.version, m.name, dialect.name)
        ran.append(m.version)
    return ran
