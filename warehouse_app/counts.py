"""Counts: one function per question, used by every screen, CLI line and report.

How parcels count (decided once, here):

- A **voided** parcel left the flow (its waybill was voided and replaced) and a **transferred**
  one went to another station: they count nowhere, not even in a batch's total.
- An **intercepted** parcel (its order was cancelled: `intercepted`, then `pulled` once taken off
  the line) stays in its batch's total but never counts as progress; it is shown on its own
  (`intercepted`), whether or not it had been packed or verified before the cancel.
- A **returned** parcel was packed, verified and handed off before it came back: it keeps counting
  in all three (the work was done and the carrier took it) and is also shown as `returned`.
- Progress is by state, so each step includes the later ones: packed = packed + verified +
  handed off + returned; verified = verified + handed off + returned; handed off = handed off +
  returned. `remaining` = total - packed - intercepted.
- Work per hour / per operator counts accepted pack, verify, handoff and pull scans (a parcel
  packed and verified is two scans of work); rejected scans, returns and voids are not counted.
- **Shipped** (`shipped_where`, the one rule): what carriers took: every parcel handed off (its
  handoff time is set), at its handoff time, whatever happened to it afterwards. A returned parcel
  and one whose order was cancelled after its handoff (a carrier intercept; the parcel stays handed
  off) still count: the courier signed for it and the manifest lists it. Voided parcels and parcels
  transferred to another station (`transferred_to` set, whatever their state) count nowhere.
  `handoff_counts` (the lead's Review tab, its CSV/PDF exports, `report handoffs`),
  `shipped_by_carrier` (the promo review's return rate, the scorecard's cases per 1,000),
  `shipped_by_sku_set` / `shipped_by_session` (the returns report) and the stock position's shipped
  units all read this rule; a handoff's own count is `handoff_progress`. In a batch's progress the
  same parcels are its "handed off" (by state: a handed-off parcel only ever becomes returned, and a
  transferred one counts under "transferred", so the two agree). A rate over parcels shipped is
  None ("no data") when nothing was shipped, never 0 %.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from warehouse_app.batches import batch_state_counts
from warehouse_app.clock import iso, utcnow
from warehouse_app.reports import PARCEL_WORK_EVENTS, first_seq_since, parcels_done_since

PACKED_STATES = ("packed", "verified", "handed_off", "returned")
VERIFIED_STATES = ("verified", "handed_off", "returned")
HANDED_OFF_STATES = ("handed_off", "returned")  # progress by state; see shipped_where
INTERCEPT_STATES = ("intercepted", "pulled")
GONE_STATES = ("voided", "transferred")  # "transferred": the batch counters' key, not a state


def progress_of(by_state: dict[str, int]) -> dict[str, int]:
    """Progress from a {state: parcels} count, by the rules of this module's docstring."""

    def n(states: tuple[str, ...]) -> int:
        return sum(by_state.get(s, 0) for s in states)

    total = sum(v for s, v in by_state.items() if s not in GONE_STATES)
    packed, intercepted = n(PACKED_STATES), n(INTERCEPT_STATES)
    return {
        "total": total,
        "planned": by_state.get("planned", 0),
        "packed": packed,
        "verified": n(VERIFIED_STATES),
        "handed_off": n(HANDED_OFF_STATES),
        "returned": by_state.get("returned", 0),
        "intercepted": intercepted,
        "remaining": total - packed - intercepted,
        "voided": by_state.get("voided", 0),
    }


def batch_progress(
    conn: sqlite3.Connection, batch_id: str, *, printed: bool = False
) -> dict[str, Any]:
    """One batch's progress (see the module docstring), from the trigger-kept counters: one
    index seek however large the batch. With `printed`, also the parcels whose first label
    printed (the lead's Batches tab; it reads the batch's rows)."""
    out: dict[str, Any] = {"batch_id": batch_id, **progress_of(batch_state_counts(conn, batch_id))}
    if printed:
        out["printed"] = int(
            conn.execute(
                "SELECT count(*) FROM parcels WHERE batch_id=? AND print_count > 0 "
                "AND state != 'voided' AND transferred_to IS NULL",
                (batch_id,),
            ).fetchone()[0]
        )
    return out


def handoff_progress(conn: sqlite3.Connection, handoff_id: str) -> dict[str, Any] | None:
    """A handoff's parcels: those handed off into it, returned ones included (the carrier took
    them; the manifest lists them). None for an unknown handoff."""
    row = conn.execute(
        "SELECT handoff_id, carrier, status, parcel_count FROM handoffs WHERE handoff_id=?",
        (handoff_id,),
    ).fetchone()
    if row is None:
        return None
    return {
        "id": row["handoff_id"],
        "carrier": row["carrier"],
        "status": row["status"],
        "count": int(row["parcel_count"] or 0),
    }


def counted_where(alias: str = "") -> str:
    """SQL condition on `parcels` (named `alias`): the parcel counts at all, i.e. it is neither
    voided nor transferred to another station (see the module docstring)."""
    a = f"{alias}." if alias else ""
    return f"{a}state != 'voided' AND {a}transferred_to IS NULL"


def shipped_where(
    alias: str = "", since: str | None = None, until: str | None = None
) -> tuple[str, list[Any]]:
    """The one rule for "shipped" (see the module docstring) as an SQL condition on `parcels`
    (named `alias` in the query) and its arguments; with since/until, handed off in
    [since, until) (storage time, UTC). Every count of shipped or handed-off parcels uses it."""
    a = f"{alias}." if alias else ""
    cond: list[str] = []
    args: list[Any] = []
    if since is None and until is None:
        # Whole store: the `+` keeps the planner off the partial handed_off_at index, so a million
        # handed-off parcels are one sequential pass over the table, not a lookup each (the
        # 1M-order scorecard and review rely on it; `report handoffs` without a window took
        # ~5x longer through the index on the 1M-order store)
        cond.append(f"+{a}handed_off_at IS NOT NULL")
    else:
        # a window: the handed_off_at index finds its parcels (a comparison implies NOT NULL)
        if since is not None:
            cond.append(f"{a}handed_off_at >= ?")
            args.append(since)
        if until is not None:
            cond.append(f"{a}handed_off_at < ?")
            args.append(until)
    cond.append(counted_where(alias))
    return " AND ".join(cond), args


def handoff_counts(
    conn: sqlite3.Connection, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """Parcels shipped (`shipped_where`) and handed off in [since, until) (storage time, UTC):
    total, per carrier (with how many handoffs), per UTC hour and carrier, per operator who
    scanned them into the handoff."""
    where, args = shipped_where("p", since or None, until or None)
    base = f"FROM parcels p WHERE {where}"
    per_carrier = [
        dict(r)
        for r in conn.execute(
            "SELECT p.carrier AS carrier, count(*) AS parcels, "
            f"count(DISTINCT p.handoff_id) AS handoffs {base} "
            "GROUP BY p.carrier ORDER BY parcels DESC, carrier",
            args,
        )
    ]
    per_hour = [
        dict(r)
        for r in conn.execute(
            "SELECT substr(p.handed_off_at, 1, 13) || ':00Z' AS hour, p.carrier AS carrier, "
            f"count(*) AS parcels {base} GROUP BY hour, p.carrier ORDER BY hour, carrier",
            args,
        )
    ]
    per_operator = [
        dict(r)
        for r in conn.execute(
            f"SELECT coalesce(p.handed_off_by, '-') AS operator, count(*) AS parcels {base} "
            "GROUP BY operator ORDER BY parcels DESC, operator",
            args,
        )
    ]
    return {
        "total": sum(r["parcels"] for r in per_carrier),
        "per_carrier": per_carrier,
        "per_hour": per_hour,
        "per_operator": per_operator,
    }


def _shipped_by(conn: sqlite3.Connection, key: str, join: str = "") -> dict[str, int]:
    where, args = shipped_where("p")
    return {
        str(k if k is not None else "-"): int(n)
        for k, n in conn.execute(
            f"SELECT {key}, count(*) FROM parcels p {join} WHERE {where} GROUP BY 1", args
        )
    }


def shipped_by_carrier(conn: sqlite3.Connection) -> dict[str, int]:
    """Parcels shipped (`shipped_where`, no time window) per carrier: the promo review's return
    rate and the scorecard's cases per 1,000 parcels read it, so both agree with
    `report handoffs`. A parcel without a carrier is listed under "-"."""
    return _shipped_by(conn, "p.carrier")


def shipped_by_sku_set(conn: sqlite3.Connection) -> dict[str, int]:
    """Parcels shipped per SKU set (`parcels.sku_set`, e.g. "A*1+B*2"): the returns report turns
    them into units per SKU."""
    return _shipped_by(conn, "p.sku_set")


def shipped_by_session(conn: sqlite3.Connection) -> dict[str, int]:
    """Parcels shipped per promo session of their order ("-" without one): the returns report."""
    return _shipped_by(conn, "o.session_id", "LEFT JOIN orders o ON o.order_id=p.order_id")


def hour_start() -> str:
    """The start of the current clock hour in storage time (UTC)."""
    return iso(utcnow().replace(minute=0, second=0, microsecond=0))


def work_done(conn: sqlite3.Connection, since: str) -> int:
    """Accepted pack, verify, handoff and pull scans at this station since `since`."""
    return parcels_done_since(conn, since)


def this_hour(conn: sqlite3.Connection) -> int:
    """The packer screen's "parcels this hour"."""
    return work_done(conn, hour_start())


def work_by_operator(conn: sqlite3.Connection, since: str) -> dict[str, int]:
    """The same work since `since`, per operator code ('-' when none)."""
    first = first_seq_since(conn, since)
    if first is None:
        return {}
    marks = ",".join("?" * len(PARCEL_WORK_EVENTS))
    return {
        str(r[0] or "-"): int(r[1])
        for r in conn.execute(
            f"SELECT operator, count(*) FROM events WHERE seq >= ? AND type IN ({marks}) "
            "GROUP BY operator ORDER BY 2 DESC, 1",
            (first, *PARCEL_WORK_EVENTS),
        )
    }


def live_counters(
    conn: sqlite3.Connection, batch_id: str | None, handoff_id: str | None
) -> dict[str, Any]:
    """The packer screen's counters: this batch, this handoff, parcels this hour."""
    b = batch_progress(conn, batch_id) if batch_id else None
    if b is not None:
        b["id"] = batch_id
    return {
        "batch": b,
        "handoff": handoff_progress(conn, handoff_id) if handoff_id else None,
        "hour": this_hour(conn),
    }


def station_overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """`status`: parcels in each state now (not progress), orders, open handoffs, last event."""
    from warehouse_app.outbox import last_seq
    from warehouse_app.station import require_station

    by_state = {
        str(r[0]): int(r[1])
        for r in conn.execute("SELECT state, count(*) FROM parcels GROUP BY state")
    }
    return {
        "station": require_station(conn),
        "orders": int(conn.execute("SELECT count(*) FROM orders").fetchone()[0]),
        **{
            k: by_state.get(k, 0)
            for k in ("planned", "packed", "verified", "handed_off", "intercepted", "pulled")
        },
        "open_handoffs": int(
            conn.execute("SELECT count(*) FROM handoffs WHERE status='open'").fetchone()[0]
        ),
        "events": last_seq(conn),
    }


def last_hours(hours: int) -> tuple[str, str]:
    """(since, until) in storage time for "the last N hours" reports (until: a minute ahead, so
    what was just scanned is in)."""
    from datetime import timedelta

    now = utcnow()
    return iso(now - timedelta(hours=hours)), iso(now + timedelta(minutes=1))
