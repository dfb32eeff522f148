"""Waybills from the carrier's e-waybill platform at the station: reissue, waiting, void.

A station with an e-waybill provider configured (settings `ewaybill_url`, `ewaybill_app_key`,
`ewaybill_secret`: the hub's or the carrier's endpoint) never makes a number up:
- a reissue (failover, capacity move, allocation) asks the provider; offline, the parcel is parked
  as "waiting for waybill" (order and parcel without a waybill, so no label prints and no handoff
  scan passes) and `fetch_waiting` asks again when the link is back;
- a cancellation voids (recycles) the order's waybill with the provider, through a queue that
  survives being offline, and gives the carrier's capacity back.
Without a provider configured the station keeps its legacy local numbering (carriers.WaybillMinter)
so a bare test station still works; a real deployment configures one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.ewaybill import (
    IssuedWaybill,
    ProviderRefused,
    ProviderUnavailable,
    WaybillProvider,
    WaybillRequest,
    provider_from_settings,
)
from warehouse_app.outbox import append_event

logger = logging.getLogger(__name__)

SETTINGS = ("ewaybill_url", "ewaybill_app_key", "ewaybill_secret")


def station_provider(conn: sqlite3.Connection) -> WaybillProvider | None:
    """The provider this station asks: 'hub' = through the hub it syncs with (the usual case: the
    hub holds the platform's credentials), a URL = that platform directly, none = not configured."""
    from warehouse_app.station import get_setting

    settings = {k: get_setting(conn, k) for k in SETTINGS}
    if settings.get("ewaybill_url") == "hub":
        from warehouse_app.ewaybill import HubWaybillProvider
        from warehouse_app.sync.state import load_config

        cfg = load_config(conn)
        if cfg is None:
            return _Offline("this station has no hub configured (sync configure)")
        return HubWaybillProvider(cfg.hub_url, cfg.token, cfg.ca_file)
    return provider_from_settings(settings)


class _Offline:
    """A provider that cannot be reached: everything waits (never a made-up number)."""

    def __init__(self, why: str) -> None:
        self.why = why

    def issue(self, requests: Sequence[WaybillRequest]) -> list[IssuedWaybill]:
        raise ProviderUnavailable(self.why)

    def void(self, carrier: str, waybill: str, reason: str = "") -> bool:
        raise ProviderUnavailable(self.why)


def configure(
    conn: sqlite3.Connection,
    url: str,
    app_key: str = "station",
    secret: str = "",
    operator: str | None = None,
) -> None:
    """Point the station at an e-waybill provider ('' removes it). Caller owns the transaction."""
    from warehouse_app.station import set_setting

    set_setting(conn, "ewaybill_url", url.strip())
    set_setting(conn, "ewaybill_app_key", app_key)
    set_setting(conn, "ewaybill_secret", secret)
    append_event(conn, "ewaybill.configured", {"url": url.strip()}, operator=operator)


def request_for(conn: sqlite3.Connection, order_id: str, carrier: str) -> WaybillRequest:
    o = conn.execute(
        "SELECT province, city, district, address, recipient_name, recipient_phone FROM orders "
        "WHERE order_id=?",
        (order_id,),
    ).fetchone()
    return WaybillRequest(
        order_id,
        carrier,
        o["province"] if o else None,
        o["city"] if o else None,
        o["district"] if o else None,
        o["address"] if o else None,
        o["recipient_name"] if o else None,
        o["recipient_phone"] if o else None,
    )


def issue(
    provider: WaybillProvider, requests: Sequence[WaybillRequest]
) -> dict[str, IssuedWaybill]:
    """order_id -> waybill from the provider; {} when it cannot be reached (the caller parks them)."""
    if not requests:
        return {}
    try:
        return {w.order_id: w for w in provider.issue(requests)}
    except ProviderUnavailable as exc:
        logger.warning(
            "e-waybill provider unreachable (%s): %d parcel(s) wait for a waybill",
            exc,
            len(requests),
        )
        return {}
    except ProviderRefused as exc:
        logger.error("e-waybill provider refused %d request(s): %s", len(requests), exc)
        return {}


def park(
    conn: sqlite3.Connection,
    order_id: str,
    carrier: str,
    parcel_id: str | None,
    reason: str,
    at: str,
    operator: str | None,
) -> None:
    """The order has a carrier but no number yet: nothing prints, no handoff scan passes."""
    conn.execute(
        "INSERT INTO waybill_waiting (order_id, carrier, parcel_id, reason, since) VALUES (?,?,?,?,?) "
        "ON CONFLICT(order_id) DO UPDATE SET carrier=excluded.carrier, parcel_id=excluded.parcel_id, "
        "reason=excluded.reason",
        (order_id, carrier, parcel_id, reason, at),
    )
    append_event(
        conn,
        "waybill.waiting",
        {"order_id": order_id, "carrier": carrier, "parcel_id": parcel_id, "reason": reason},
        operator=operator,
        at=at,
    )


def apply_issued(
    conn: sqlite3.Connection,
    w: IssuedWaybill,
    parcel_id: str | None,
    reason: str,
    at: str,
    operator: str | None,
    replaces: str | None = None,
) -> None:
    """Put a number the provider issued on the order (and its parcel, with a print request)."""
    conn.execute(
        "UPDATE orders SET carrier=?, waybill=?, sort_code=?, updated_at=? WHERE order_id=?",
        (w.carrier, w.waybill, w.sort_code, at, w.order_id),
    )
    conn.execute(
        "INSERT INTO waybill_routing (waybill, carrier, order_id, sort_code, package_center, "
        "package_code, issued_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(waybill) DO NOTHING",
        (w.waybill, w.carrier, w.order_id, w.sort_code, w.package_center, w.package_code, at),
    )
    if parcel_id:
        conn.execute(
            "UPDATE parcels SET carrier=?, waybill=?, sort_code=?, updated_at=? WHERE parcel_id=?",
            (w.carrier, w.waybill, w.sort_code, at, parcel_id),
        )
        conn.execute(
            "INSERT INTO print_requests (order_id, parcel_id, waybill, carrier, reason, requested_at) "
            "VALUES (?,?,?,?,?,?)",
            (w.order_id, parcel_id, w.waybill, w.carrier, reason, at),
        )
        append_event(
            conn,
            "waybill.print_requested",
            {
                "order_id": w.order_id,
                "parcel_id": parcel_id,
                "waybill": w.waybill,
                "carrier": w.carrier,
                "replaces": replaces,
                "reason": reason,
            },
            operator=operator,
            at=at,
        )
    conn.execute("DELETE FROM waybill_waiting WHERE order_id=?", (w.order_id,))
    append_event(
        conn,
        "waybill.issued",
        {
            "order_id": w.order_id,
            "carrier": w.carrier,
            "waybill": w.waybill,
            "sort_code": w.sort_code,
            "package_center": w.package_center,
        },
        operator=operator,
        at=at,
    )


def waiting(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT w.order_id, w.carrier, w.parcel_id, w.reason, w.since FROM waybill_waiting w "
            "JOIN orders o ON o.order_id=w.order_id WHERE o.status='paid' ORDER BY w.since, w.order_id"
        )
    ]


def fetch_waiting(
    conn: sqlite3.Connection,
    provider: WaybillProvider | None = None,
    *,
    operator: str | None = None,
) -> dict[str, int]:
    """Ask the provider for the parcels waiting for a waybill, and send queued voids. Caller owns
    the transaction. Returns how many got a number, still wait, and voids sent."""
    provider = provider or station_provider(conn)
    rows = waiting(conn)
    if provider is None:
        return {"issued": 0, "waiting": len(rows), "voided": 0}
    at = iso(utcnow())
    got = issue(provider, [request_for(conn, r["order_id"], r["carrier"]) for r in rows])
    for r in rows:
        w = got.get(r["order_id"])
        if w is not None:
            apply_issued(conn, w, r["parcel_id"], r["reason"], at, operator)
    voided = flush_voids(conn, provider, operator=operator)
    return {"issued": len(got), "waiting": len(rows) - len(got), "voided": voided}


def queue_void(
    conn: sqlite3.Connection, waybill: str, carrier: str | None, order_id: str | None, reason: str
) -> None:
    """Recycle a waybill with its issuer, as soon as the provider can be reached (kept until then)."""
    conn.execute(
        "INSERT INTO waybill_voids (waybill, carrier, order_id, reason, queued_at) VALUES (?,?,?,?,?) "
        "ON CONFLICT(waybill) DO NOTHING",
        (waybill, carrier, order_id, reason, iso(utcnow())),
    )


def flush_voids(
    conn: sqlite3.Connection, provider: WaybillProvider | None = None, operator: str | None = None
) -> int:
    provider = provider or station_provider(conn)
    if provider is None:
        return 0
    n = 0
    for wb, carrier in conn.execute(
        "SELECT waybill, carrier FROM waybill_voids WHERE sent_at IS NULL ORDER BY queued_at"
    ).fetchall():
        try:
            ok = provider.void(carrier or "", wb)
        except ProviderUnavailable as exc:
            logger.warning("e-waybill provider unreachable, voids stay queued: %s", exc)
            break
        except ProviderRefused as exc:
            logger.error("void of %s refused: %s", wb, exc)
            ok = False
        conn.execute(
            "UPDATE waybill_voids SET sent_at=?, accepted=? WHERE waybill=?",
            (iso(utcnow()), 1 if ok else 0, wb),
        )
        append_event(
            conn,
            "waybill.recycled",
            {"waybill": wb, "carrier": carrier, "accepted": ok},
            operator=operator,
        )
        n += 1
    return n


def release_cancelled(conn: sqlite3.Connection, applied: list[Any], operator: str | None) -> None:
    """apply_orders hook: a paid order cancelled before its parcel left gives its carrier's capacity
    back for today and its waybill is voided with the issuer (queued: sent when online). One that was
    already handed off keeps its waybill (the carrier intercepts it instead)."""
    from warehouse_app.promo.capacity_day import bump_usage, today

    gone = [a for a in applied if a.status == "cancelled" and a.prev_status == "paid" and a.carrier]
    if not gone:
        return
    back: dict[str, int] = {}
    for a in gone:
        o = conn.execute(
            "SELECT o.waybill, p.state FROM orders o LEFT JOIN parcels p ON p.order_id=o.order_id "
            "WHERE o.order_id=?",
            (a.order_id,),
        ).fetchone()
        if o is None or o["state"] in ("handed_off", "returned"):
            continue
        back[a.carrier] = back.get(a.carrier, 0) + 1
        conn.execute("DELETE FROM waybill_waiting WHERE order_id=?", (a.order_id,))
        if o["waybill"]:
            queue_void(conn, o["waybill"], a.carrier, a.order_id, "order_cancelled")
    if back:
        day = today()
        bump_usage(conn, day, {c: -n for c, n in back.items()})
        append_event(
            conn,
            "carrier.capacity_released",
            {"day": day, "released": back, "reason": "order_cancelled"},
            operator=operator,
        )
