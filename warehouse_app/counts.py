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
- **Handoff counts** (`handoff_counts`, `handoff_progress`) are what carriers took: every parcel
  handed off, at its handoff time, whatever happened to it afterwards. A returned parcel and one
  intercepted after its handoff still count (the courier signed for it; the manifest lists it);
  voided and transferred parcels count nowhere. The lead's Review tab, its CSV/PDF exports and
  `report handoffs` all read `handoff_counts`; a handoff's own count is `handoff_progress`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from warehouse_app.batches import batch_state_counts
from warehouse_app.clock import iso, utcnow
from warehouse_app.reports import PARCEL_WORK_EVENTS, first_seq_since, parcels_done_since

PACKED_STATES = ("packed", "verified", "handed_off", "returned")
VERIFIED_STATES = ("verified", "handed_off", "returned")
SHIPPED_STATES = ("handed_off", "returned")
INTERCEPT_STATES = ("intercepted", "pulled")
GONE_STATES = ("voided", "transferred")


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
        "handed_off": n(SHIPPED_STATES),
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
                "AND state NOT IN ('voided', 'transferred')",
                (batch_id,),
            ).fetchone()[0]
        )
    return out


def station_progress(conn: sqlite3.Connection) -> dict[str, int]:
    """The same counts over every parcel of the station (`status`)."""
    by_state = {
        str(r[0]): int(r[1])
        for r in conn.execute("SELECT state, count(*) FROM parcels GROUP BY state")
    }
    return progress_of(by_state)


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


def handoff_counts(
    conn: sqlite3.Connection, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """Parcels handed off in [since, until) (storage time, UTC), by the rules of this module's
    docstring: total, per carrier (with how many handoffs), per UTC hour and carrier, per
    operator who scanned them into the handoff."""
    gone = ",".join("?" * len(GONE_STATES))
    where, args = [f"p.handed_off_at IS NOT NULL AND p.state NOT IN ({gone})"], [*GONE_STATES]
    if since:
        where.append("p.handed_off_at >= ?")
        args.append(since)
    if until:
        where.append("p.handed_off_at < ?")
        args.append(until)
    base = f"FROM parcels p WHERE {' AND '.join(where)}"
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


def shipped_by_carrier(conn: sqlite3.Connection) -> dict[str, int]:
    """Parcels the carriers took, per carrier, by `handoff_counts`' rule without its time window:
    every parcel handed off, whatever happened to it afterwards (returned, or intercepted after
    its handoff, still count); voided and transferred parcels count nowhere. The promo review's
    return rate and the scorecard's cases per 1,000 parcels read it, so both agree with
    `report handoffs`. A parcel without a carrier is listed under "-"."""
    gone = ",".join("?" * len(GONE_STATES))
    return {
        str(c or "-"): int(n)
        for c, n in conn.execute(
            "SELECT carrier, count(*) FROM parcels WHERE +handed_off_at IS NOT NULL "
            f"AND state NOT IN ({gone}) GROUP BY carrier",
            GONE_STATES,
        )
    }


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
