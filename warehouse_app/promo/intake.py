"""What the promo playbook does when orders come in (station import, sync pull, demo), wired as
`after_apply` policies at start-up (warehouse_app.startup) and run in apply_orders' own transaction:

- the oversell watch is refreshed for the SKUs the orders touch, so the short-order list the pre-pack
  bind guard reads is never older than the last order that arrived;
- orders that arrive with a carrier already set count against that carrier's daily capacity (the
  allocator and `carrier check` then move any excess, see carriers.rebalance_capacity).

Both only look at the orders given, so a page of pulled orders costs a few indexed reads.
"""

from __future__ import annotations

import logging
import sqlite3

from warehouse_app.clock import iso, utcnow
from warehouse_app.orders import AppliedOrder
from warehouse_app.outbox import append_event
from warehouse_app.promo import carriers, stock

logger = logging.getLogger(__name__)


def refresh_oversell(
    conn: sqlite3.Connection, applied: list[AppliedOrder], operator: str | None
) -> None:
    """Re-check oversell for the SKUs of the applied orders (new, updated or cancelled)."""
    skus = {s for a in applied for s in a.skus}
    if skus:
        # SKUs that also saw an update or cancellation go the full way (check_oversell) inside
        new = [a.order_id for a in applied if a.prev_status is None and a.status == "paid"]
        changed = {
            s for a in applied if not (a.prev_status is None and a.status == "paid") for s in a.skus
        }
        stock.refresh_oversell(conn, skus - changed, new, operator=operator)
        if changed:
            stock.check_oversell(conn, operator=operator, skus=changed)


def count_upstream_carriers(
    conn: sqlite3.Connection, applied: list[AppliedOrder], operator: str | None
) -> None:
    """An open order that arrives with a carrier (or gets one from upstream) uses that carrier's capacity
    today, exactly like one the allocator placed; one summary event per page."""
    counts: dict[str, int] = {}
    for a in applied:
        if (
            a.status == "paid"
            and a.carrier
            and a.carrier != a.prev_carrier
            and a.prev_status != "cancelled"
        ):
            counts[a.carrier] = counts.get(a.carrier, 0) + 1
    if not counts:
        return
    now = utcnow()
    day = carriers.today(now)
    carriers.bump_usage(conn, day, counts)
    append_event(
        conn,
        "carrier.usage_counted",
        {"day": day, "source": "upstream", "counted": counts},
        operator=operator,
        at=iso(now),
    )
    used = carriers.usage(conn, day)
    for r in carriers.load_rules(conn):
        if r.daily_capacity and r.carrier in counts and used.get(r.carrier, 0) > r.daily_capacity:
            logger.warning(
                "carrier %s over its daily capacity %d (%d used today) after upstream orders; "
                "`carrier check --auto-failover` or the next allocation moves the excess",
                r.carrier,
                r.daily_capacity,
                used.get(r.carrier, 0),
            )


def release_cancelled(
    conn: sqlite3.Connection, applied: list[AppliedOrder], operator: str | None
) -> None:
    """A cancelled order gives its carrier capacity back and its waybill is voided with the issuer."""
    from warehouse_app.promo.waybills import release_cancelled as release

    release(conn, applied, operator)
