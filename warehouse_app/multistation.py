"""Working next to other stations of one warehouse: the station side of the hub's work division.

When the hub divides the work (setting `work_division` = "hub", sent by a hub with two or more
stations), this station binds anonymous parcels only to orders of its own lease and creates
presale batches only from orders the hub gave it. Leases, holds, transfers and the hub's
conflict list arrive as ordinary pulled records (kinds lease, hold, transfer, conflict); each
applier keeps only what concerns this station. A station without that setting (alone, or not
linked to a hub) works as before.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.domain import ParcelState, parse_sku_set
from warehouse_app.errors import StationError
from warehouse_app.outbox import append_event
from warehouse_app.station import require_station

logger = logging.getLogger(__name__)

WORK_DIVISION_KEY = "work_division"
IN_STATION = (ParcelState.PLANNED.value, ParcelState.PACKED.value, ParcelState.VERIFIED.value)


def hub_divides_work(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM settings WHERE key=?", (WORK_DIVISION_KEY,)).fetchone()
    if row is None:
        return False
    try:
        return bool(json.loads(row[0]) == "hub")
    except ValueError:
        return False


def _me(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()
    return str(row[0]) if row else None


# -- leases ---------------------------------------------------------------------------------
def lease_order(conn: sqlite3.Connection, sku_set: str) -> sqlite3.Row | None:
    """The earliest-paid open order of this station's lease for `sku_set` (None: none left)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT o.order_id, o.waybill, o.carrier, o.sort_code FROM lease_orders l "
        "JOIN orders o ON o.order_id = l.order_id "
        "WHERE l.sku_set=? AND o.status='paid' AND o.bound=0 "
        "ORDER BY o.paid_at, o.order_id LIMIT 1",
        (sku_set,),
    ).fetchone()
    return row


def leased_order_ids_sql() -> str:
    """A sub-select of the orders this station may take (for presale batches created here)."""
    return "SELECT order_id FROM lease_orders"


def apply_leases(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """A lease record is the whole current lease of one station for one SKU set: replace ours."""
    me = _me(conn)
    now = iso(utcnow())
    n = 0
    for r in rows:
        if r.get("station_id") != me:
            continue
        lid, sku_set = str(r["lease_id"]), str(r["sku_set"])
        orders = [str(o) for o in r.get("order_ids") or []]
        conn.execute(
            "INSERT OR REPLACE INTO leases (lease_id, sku_set, kind, granted_at, expires_at, "
            "orders, pulled_at) VALUES (?,?,?,?,?,?,?)",
            (
                lid,
                sku_set,
                str(r.get("kind") or "bind"),
                r.get("granted_at"),
                r.get("expires_at"),
                len(orders),
                now,
            ),
        )
        # only the difference: a renewal mostly repeats the orders we hold, and this runs on
        # the writer thread between two scans (it must stay short whatever the lease's size)
        have = {
            str(x[0])
            for x in conn.execute("SELECT order_id FROM lease_orders WHERE lease_id=?", (lid,))
        }
        keep = set(orders)
        conn.executemany(
            "DELETE FROM lease_orders WHERE order_id=? AND lease_id=?",
            [(o, lid) for o in have - keep],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO lease_orders (order_id, lease_id, sku_set) VALUES (?,?,?)",
            [(o, lid, sku_set) for o in orders if o not in have],
        )
        n += 1
    return n


def lease_status(conn: sqlite3.Connection, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each lease with its age, time left and open orders: for `sync status` and the lead."""
    now = now or utcnow()
    out: list[dict[str, Any]] = []
    for r in conn.execute("SELECT * FROM leases ORDER BY sku_set"):
        d = dict(r)
        d["open_orders"] = conn.execute(
            "SELECT count(*) FROM lease_orders l JOIN orders o ON o.order_id=l.order_id "
            "WHERE l.lease_id=? AND o.status='paid' "
            "AND NOT EXISTS (SELECT 1 FROM parcels x WHERE x.order_id=l.order_id)",
            (r["lease_id"],),
        ).fetchone()[0]
        d["age_s"] = _age(r["granted_at"], now)
        d["expired"] = bool(r["expires_at"]) and _age(r["expires_at"], now) > 0
        out.append(d)
    return out


def _age(at: str | None, now: datetime) -> float:
    if not at:
        return 0.0
    try:
        return round((now - parse_iso(at)).total_seconds(), 1)
    except ValueError:
        return 0.0


def staleness_warnings(
    conn: sqlite3.Connection, now: datetime | None = None
) -> list[tuple[str, str]]:
    """(zh, en) warnings for the lead: another station offline past its lease or silent for
    long (the hub's view), this station working on an expired lease."""
    if not hub_divides_work(conn):
        return []
    now = now or utcnow()
    out: list[tuple[str, str]] = []
    out += _station_warnings(station_states(conn, now))
    expired = [d for d in lease_status(conn, now) if d["expired"]]
    if expired:
        sets = ", ".join(d["sku_set"] for d in expired)
        out.append(
            (
                f"本站租约已过期（{sets}）：离线期间绑定的订单可能与其他站点冲突，请尽快联网同步",
                f"This station's lease has expired ({sets}): orders bound offline may clash with "
                "another station; get back online and sync",
            )
        )
    return out


# -- the other stations of this warehouse (the hub's liveness view) ---------------------------
def apply_station_states(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """The hub says a station's state changed (online, offline, past its lease, silent)."""
    now = iso(utcnow())
    n = 0
    for r in rows:
        if not r.get("station_id"):
            continue
        conn.execute(
            "INSERT OR REPLACE INTO hub_stations (station_id, state, data, updated_at) "
            "VALUES (?,?,?,?)",
            (
                str(r["station_id"]),
                str(r.get("state") or "unknown"),
                json.dumps(r, ensure_ascii=False, sort_keys=True),
                now,
            ),
        )
        n += 1
    return n


def station_states(conn: sqlite3.Connection, now: datetime | None = None) -> list[dict[str, Any]]:
    """This warehouse's stations as the hub last said, judged again on this station's clock: an
    offline station whose lease has run out since is shown past its lease, one silent for
    longer than the hub's limit as likely dead (the hub says so too at its next check)."""
    now = now or utcnow()
    me = _me(conn)
    out = []
    for (data,) in conn.execute("SELECT data FROM hub_stations ORDER BY station_id"):
        d = json.loads(data)
        state = d.get("state")
        silent = _age(d.get("last_seen_at"), now) if d.get("last_seen_at") else None
        exp = d.get("lease_expires_at")
        if state == "offline" and exp and _age(exp, now) > 0:
            state = "lease_expired"
            d["warning"] = True
        if (
            state in ("offline", "lease_expired")
            and silent is not None
            and silent > float(d.get("dead_after_s") or 4 * 3600)
        ):
            state = "silent"
        d["state"] = state
        d["silent_s"] = silent if state != "online" else None
        d["me"] = d.get("station_id") == me
        out.append(d)
    return out


def _station_warnings(states: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for d in states:
        if d["me"] or not d.get("warning") or d["state"] not in ("lease_expired", "silent"):
            continue
        mins = int((d.get("silent_s") or 0) // 60)
        sid = d["station_id"]
        if d["state"] == "lease_expired":
            out.append(
                (
                    f"站点 {sid} 已离线 {mins} 分钟，超过租约：可能仍在离线打包（会与其他站点冲突）或已停机，"
                    "请确认",
                    f"Station {sid} offline {mins} min, past its lease: it may be packing offline "
                    "(clashes with other stations) or dead; find out",
                )
            )
        else:
            out.append(
                (
                    f"站点 {sid} 已 {mins} 分钟无联系：可能已停机",
                    f"Station {sid} silent for {mins} min: likely dead",
                )
            )
    return out


# -- holds ----------------------------------------------------------------------------------
def apply_holds(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """The hub says another station shipped this order first: our parcel must be pulled.

    A parcel still here becomes intercepted (its next scan says "pull it — shipped by station
    X", and pull mode takes it out); one already handed off only gets listed (the hub raised
    the carrier intercept itself)."""
    me = _me(conn)
    now = iso(utcnow())
    n = 0
    for r in rows:
        if r.get("station_id") != me or not r.get("parcel_id"):
            continue
        pid = str(r["parcel_id"])
        if conn.execute("SELECT 1 FROM holds WHERE parcel_id=?", (pid,)).fetchone():
            continue
        p = conn.execute(
            "SELECT parcel_id, state, order_id, waybill FROM parcels WHERE parcel_id=?", (pid,)
        ).fetchone()
        left = p is not None and p["state"] not in IN_STATION
        conn.execute(
            "INSERT INTO holds (parcel_id, order_id, waybill, winner_station, reason, "
            "parcel_left, received_at) VALUES (?,?,?,?,?,?,?)",
            (
                pid,
                r.get("order_id"),
                r.get("waybill"),
                r.get("winner_station"),
                str(r.get("reason") or "conflict"),
                1 if left else 0,
                now,
            ),
        )
        if p is not None and p["state"] in IN_STATION:
            conn.execute(
                "UPDATE parcels SET state='intercepted', intercepted_at=?, updated_at=? "
                "WHERE parcel_id=?",
                (now, now, pid),
            )
            append_event(
                conn,
                "parcel.held",
                {
                    "parcel_id": pid,
                    "order_id": p["order_id"],
                    "waybill": p["waybill"],
                    "state_before": p["state"],
                    "winner_station": r.get("winner_station"),
                    "reason": r.get("reason"),
                },
                at=now,
            )
        n += 1
    return n


def hold_of(conn: sqlite3.Connection, parcel_id: str | None) -> sqlite3.Row | None:
    if not parcel_id:
        return None
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM holds WHERE parcel_id=?", (parcel_id,)
    ).fetchone()
    return row


# -- the hub's conflict list (lead screen) --------------------------------------------------
def apply_conflicts(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    now = iso(utcnow())
    n = 0
    for r in rows:
        conn.execute(
            "INSERT OR REPLACE INTO hub_conflicts (conflict_id, kind, station_id, order_id, "
            "waybill, data, updated_at) VALUES (?,?,?,?,?,?,?)",
            (
                str(r["conflict_id"]),
                str(r["kind"]),
                r.get("station_id"),
                r.get("order_id"),
                r.get("waybill"),
                json.dumps(r, ensure_ascii=False, sort_keys=True),
                now,
            ),
        )
        n += 1
    return n


def conflicts(conn: sqlite3.Connection, *, open_only: bool = True) -> list[dict[str, Any]]:
    """The hub's conflicts as this station last pulled them, newest first."""
    out = []
    for r in conn.execute("SELECT data FROM hub_conflicts ORDER BY conflict_id DESC"):
        d = json.loads(r[0])
        if open_only and d.get("resolved_at"):
            continue
        out.append(d)
    return out


# -- cages moving between stations -----------------------------------------------------------
TRANSFERABLE = (ParcelState.PACKED.value, ParcelState.VERIFIED.value)


def transfer_out(
    conn: sqlite3.Connection, codes: Iterable[str], to_station: str, *, operator: str | None
) -> list[dict[str, Any]]:
    """Hand parcels over to `to_station` (a cage moved there): mark them transferred here and
    return the transfer sheet rows the receiving station loads. Caller owns the transaction."""
    me = require_station(conn)
    if to_station == me:
        raise StationError("A transfer goes to another station.", zh="转移的目标必须是其他站点。")
    now = iso(utcnow())
    sheet: list[dict[str, Any]] = []
    for code in codes:
        p = conn.execute(
            "SELECT * FROM parcels WHERE parcel_id=? OR label_code=? OR waybill=?",
            (code, code, code),
        ).fetchone()
        if p is None:
            raise StationError(f"No parcel {code!r} here.", zh=f"本站没有包裹 {code!r}。")
        if p["transferred_to"]:
            raise StationError(
                f"Parcel {p['parcel_id']} already went to station {p['transferred_to']}.",
                zh=f"包裹 {p['parcel_id']} 已转给站点 {p['transferred_to']}。",
            )
        if p["state"] not in TRANSFERABLE:
            raise StationError(
                f"Parcel {p['parcel_id']} is {p['state']}: only packed or verified parcels move.",
                zh=f"包裹 {p['parcel_id']} 状态为 {p['state']}：只有已打包或已核对的包裹可以转移。",
            )
        row = _sheet_row(conn, p, me, to_station)
        conn.execute(
            "UPDATE parcels SET transferred_to=?, updated_at=? WHERE parcel_id=?",
            (to_station, now, p["parcel_id"]),
        )
        append_event(
            conn,
            "parcel.transferred",
            {**row, "direction": "out"},
            operator=operator,
            at=now,
        )
        sheet.append(row)
    return sheet


def _weight_rule(conn: sqlite3.Connection, p: sqlite3.Row) -> tuple[int | None, int | None]:
    """The expected weight and tolerance the parcel is checked against here: its batch's (or,
    for a parcel that came from another station, the rule it brought along)."""
    if p["batch_id"]:
        b = conn.execute(
            "SELECT expected_weight_g, weight_tolerance_g FROM batches WHERE batch_id=?",
            (p["batch_id"],),
        ).fetchone()
        if b is not None:
            return b["expected_weight_g"], b["weight_tolerance_g"]
    return p["expected_weight_g"], p["weight_tolerance_g"]


def _catalog_weight(conn: sqlite3.Connection, sku_set: str) -> int | None:
    """The SKU set's weight from this station's catalog (what batches.expected_weight says;
    not imported: batches imports this module)."""
    try:
        items = parse_sku_set(sku_set)
    except ValueError:
        return None
    total = 0
    for sku, qty in items.items():
        row = conn.execute("SELECT weight_g FROM skus WHERE code=?", (sku,)).fetchone()
        if row is None or not row[0]:
            return None
        total += int(row[0]) * qty
    return total


def _sheet_row(
    conn: sqlite3.Connection, p: sqlite3.Row, from_station: str, to_station: str
) -> dict[str, Any]:
    expected, tolerance = _weight_rule(conn, p)
    return {
        "parcel_id": p["parcel_id"],
        "label_code": p["label_code"],
        "order_id": p["order_id"],
        "waybill": p["waybill"],
        "carrier": p["carrier"],
        "sort_code": p["sort_code"],
        "sku_set": p["sku_set"],
        "state": p["state"],
        "batch_id": p["batch_id"],
        "weight_g": p["weight_g"],
        # the batch stays at the sending station: its weight rule travels with the parcel so
        # the receiving station checks the weight on verify as the sender would
        "expected_weight_g": expected,
        "weight_tolerance_g": tolerance,
        "from_station": from_station,
        "to_station": to_station,
    }


def transfer_in(
    conn: sqlite3.Connection, rows: Iterable[dict[str, Any]], *, operator: str | None
) -> list[str]:
    """Take in parcels another station handed over (a transfer sheet or the hub's transfer
    records). Idempotent per parcel. Caller owns the transaction."""
    me = require_station(conn)
    now = iso(utcnow())
    taken: list[str] = []
    for r in rows:
        if r.get("to_station") != me:
            raise StationError(
                f"Parcel {r.get('parcel_id')} is addressed to station {r.get('to_station')}, "
                f"not {me}.",
                zh=f"包裹 {r.get('parcel_id')} 转给的是站点 {r.get('to_station')}，不是本站 {me}。",
            )
        pid = str(r["parcel_id"])
        if r.get("state") not in TRANSFERABLE:
            raise StationError(
                f"Parcel {pid} is {r.get('state')}: only packed or verified parcels move.",
                zh=f"包裹 {pid} 状态为 {r.get('state')}：只有已打包或已核对的包裹可以转移。",
            )
        if conn.execute("SELECT 1 FROM parcels WHERE parcel_id=?", (pid,)).fetchone():
            continue
        oid = r.get("order_id")
        if oid and conn.execute("SELECT 1 FROM orders WHERE order_id=?", (oid,)).fetchone() is None:
            raise StationError(
                f"Order {oid} of parcel {pid} is not known here yet: sync first.",
                zh=f"本站还没有包裹 {pid} 的订单 {oid}：请先同步。",
            )
        clash = conn.execute(
            "SELECT parcel_id FROM parcels WHERE (order_id=? AND ? IS NOT NULL) "
            "OR (waybill=? AND ? IS NOT NULL) OR label_code=?",
            (oid, oid, r.get("waybill"), r.get("waybill"), r.get("label_code") or pid),
        ).fetchone()
        if clash is not None:
            raise StationError(
                f"Parcel {pid}: this station already has parcel {clash[0]} for the same order or "
                "waybill. Tell the lead (a conflict, not a transfer).",
                zh=f"包裹 {pid}：本站已有同一订单或面单的包裹 {clash[0]}，请交组长处理（冲突）。",
            )
        verified = r.get("state") == ParcelState.VERIFIED.value
        expected, tolerance = r.get("expected_weight_g"), r.get("weight_tolerance_g")
        if expected is None:  # an online transfer (the hub has no batch rules): our catalog's
            expected = _catalog_weight(conn, str(r["sku_set"]))
        conn.execute(
            "INSERT INTO parcels (parcel_id, batch_id, order_id, label_code, waybill, carrier, "
            "sort_code, sku_set, state, weight_g, verified_at, transferred_from, updated_at, "
            "expected_weight_g, weight_tolerance_g) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                None,  # the batch lives at the sending station
                oid,
                r.get("label_code") or pid,
                r.get("waybill"),
                r.get("carrier"),
                r.get("sort_code"),
                r["sku_set"],
                r["state"],
                r.get("weight_g"),
                now if verified else None,
                r.get("from_station"),
                now,
                None if expected is None else int(expected),
                None if tolerance is None else int(tolerance),
            ),
        )
        append_event(
            conn, "parcel.transferred", {**r, "direction": "in"}, operator=operator, at=now
        )
        taken.append(pid)
    return taken


def apply_transfers(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Transfers the hub recorded (the receiving station scanned them while online): the
    sender marks its parcel transferred, the receiver takes it in; others ignore them."""
    me = _me(conn)
    if me is None:
        return 0
    n = 0
    for r in rows:
        if r.get("to_station") == me:
            n += len(transfer_in(conn, [r], operator=r.get("operator")))
        elif r.get("from_station") == me:
            p = conn.execute(
                "SELECT * FROM parcels WHERE parcel_id=?", (r.get("parcel_id"),)
            ).fetchone()
            if p is None or p["transferred_to"]:
                continue
            now = iso(utcnow())
            conn.execute(
                "UPDATE parcels SET transferred_to=?, updated_at=? WHERE parcel_id=?",
                (r["to_station"], now, p["parcel_id"]),
            )
            append_event(
                conn,
                "parcel.transferred",
                {**_sheet_row(conn, p, me, str(r["to_station"])), "direction": "out"},
                operator=r.get("operator"),
                at=now,
            )
            n += 1
    return n


def transfer_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Parcels moved out to / taken in from other stations (for the lead's counts)."""
    out_n = conn.execute("SELECT count(*) FROM parcels WHERE transferred_to IS NOT NULL").fetchone()
    in_n = conn.execute(
        "SELECT count(*) FROM parcels WHERE transferred_from IS NOT NULL"
    ).fetchone()
    return {"transferred_out": int(out_n[0]), "transferred_in": int(in_n[0])}


# ---------------------------------------------------------------- operations for the front ends
# (each owns its transaction; the lead's Stations tab and the `transfer` commands call these)


def read_transfer_sheet(path: str) -> list[dict[str, Any]]:
    """The rows of a transfer sheet file, or a clear error naming the file (nothing changed)."""
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        rows = data["transfers"]
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ValueError("transfers must be a list of objects")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StationError(
            f"Cannot read the transfer sheet {path}: {exc}",
            zh=f"无法读取转移单 {path}：{exc}",
        ) from exc
    return rows


def take_transfer_sheet(conn: sqlite3.Connection, path: str, *, operator: str | None) -> list[str]:
    """Take in the parcels of a transfer sheet (offline cage move), in one transaction."""
    from warehouse_app.store.tx import transaction

    rows = read_transfer_sheet(path)
    with transaction(conn):
        return transfer_in(conn, rows, operator=operator)


def hand_over(
    conn: sqlite3.Connection, codes: Iterable[str], to_station: str, *, operator: str | None
) -> list[dict[str, Any]]:
    """Mark a cage's parcels transferred to `to_station`, in one transaction; returns the sheet rows."""
    from warehouse_app.store.tx import transaction

    with transaction(conn):
        return transfer_out(conn, codes, to_station, operator=operator)


def stations_view(conn: sqlite3.Connection) -> dict[str, Any]:
    """One read for the lead's Stations tab: conflicts, leases, warnings, transfer counts and
    the last pull (all local, pulled data: it works offline and says how old it is)."""
    from warehouse_app.sync import state

    return {
        "divided": hub_divides_work(conn),
        "conflicts": conflicts(conn),
        "leases": lease_status(conn),
        "warnings": staleness_warnings(conn),
        "stations": station_states(conn),
        "transfers": transfer_counts(conn),
        "last_pull_at": state.read_state(conn).get("last_pull_at"),
    }
