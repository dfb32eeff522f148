"""SKUs, their barcodes, carriers and live sessions: reference data from upstream or import."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from warehouse_app.clock import iso, utcnow

TIERS = ("core_hot", "potential_new", "long_tail")


def upsert_skus(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or update SKUs and their barcodes; caller owns the transaction."""
    now = iso(utcnow())
    n = 0
    for r in rows:
        conn.execute(
            "INSERT INTO skus (code, name, weight_g, tier, price_cents, updated_at) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(code) DO UPDATE SET name=excluded.name, weight_g=excluded.weight_g, "
            "tier=excluded.tier, price_cents=excluded.price_cents, updated_at=excluded.updated_at",
            (
                r["code"],
                r["name"],
                int(r.get("weight_g") or 0),
                r.get("tier") or "long_tail",
                int(r.get("price_cents") or 0),
                now,
            ),
        )
        for bc in r.get("barcodes") or []:
            conn.execute(
                "INSERT INTO sku_barcodes (barcode, sku_code) VALUES (?, ?) "
                "ON CONFLICT(barcode) DO UPDATE SET sku_code=excluded.sku_code",
                (bc, r["code"]),
            )
        n += 1
    return n


def upsert_carriers(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    for r in rows:
        conn.execute(
            "INSERT INTO carriers (code, name, name_zh, waybill_prefix, active) VALUES (?,?,?,?,?) "
            "ON CONFLICT(code) DO UPDATE SET name=excluded.name, name_zh=excluded.name_zh, "
            "waybill_prefix=excluded.waybill_prefix, active=excluded.active",
            (
                r["code"],
                r.get("name") or r["code"],
                r.get("name_zh"),
                r.get("waybill_prefix"),
                1 if r.get("active", True) else 0,
            ),
        )
        n += 1
    return n


def upsert_sessions(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    for r in rows:
        conn.execute(
            "INSERT INTO live_sessions (session_id, name, host, starts_at, ends_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(session_id) DO UPDATE SET name=excluded.name, host=excluded.host, "
            "starts_at=excluded.starts_at, ends_at=excluded.ends_at",
            (r["session_id"], r.get("name"), r.get("host"), r.get("starts_at"), r.get("ends_at")),
        )
        n += 1
    return n


def carrier_name(conn: sqlite3.Connection, code: str | None, lang: str = "zh") -> str:
    if not code:
        return "-"
    row = conn.execute("SELECT name, name_zh FROM carriers WHERE code=?", (code,)).fetchone()
    if not row:
        return code
    return str((row["name_zh"] or row["name"]) if lang.startswith("zh") else row["name"])


def carrier_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """code -> (zh, en) display names of every known carrier (one small table)."""
    codes = [str(r[0]) for r in conn.execute("SELECT code FROM carriers")]
    return {c: (carrier_name(conn, c, "zh"), carrier_name(conn, c, "en")) for c in codes}
