"""Waybills from the carrier's e-waybill platform at the station: allocation, reissue, waiting, void.

The station never makes a number up. Its provider (settings `ewaybill_url`, `ewaybill_app_key`,
`ewaybill_secret`) is the hub (`hub`: the usual case, the hub holds the platform's credentials), the
carrier's platform (a URL), or the demo platform (`demo`: ewaybill.demo, numbers starting DEMO, for
the embedded demo and tests). With none configured, or none reachable, the number waits:
- an allocated order (carrier chosen, no number yet) or a reissued parcel (failover, capacity move)
  is "waiting for waybill": no label prints and no handoff scan passes; `fetch_waiting` asks again
  when the link is back (`carrier waiting --fetch`);
- a cancellation voids (recycles) the order's waybill with the provider, through a queue that
  survives being offline, and gives the carrier's capacity back.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import StationError
from warehouse_app.ewaybill import (
    IssuedWaybill,
    ProviderRefused,
    ProviderUnavailable,
    WaybillProvider,
    WaybillRequest,
    provider_from_settings,
)
from warehouse_app.ewaybill.demo import DEMO_URL, DemoWaybillProvider, demo_db_path
from warehouse_app.outbox import append_event

logger = logging.getLogger(__name__)

SETTINGS = ("ewaybill_url", "ewaybill_app_key", "ewaybill_secret")


def station_provider(conn: sqlite3.Connection) -> WaybillProvider:
    """The provider this station asks: 'hub' = through the hub it syncs with (the usual case: the
    hub holds the platform's credentials), a URL = that platform directly, 'demo' = the demo
    platform (numbers starting DEMO); none configured = a provider that is never reachable, so
    numbers wait (never made up here)."""
    from warehouse_app.station import get_setting

    settings = {k: get_setting(conn, k) for k in SETTINGS}
    url = settings.get("ewaybill_url")
    if url == "hub":
        from warehouse_app.ewaybill import HubWaybillProvider
        from warehouse_app.sync.state import load_config

        cfg = load_config(conn)
        if cfg is None:
            return Offline("this station has no hub configured (sync configure)")
        return HubWaybillProvider(cfg.hub_url, cfg.token, cfg.ca_file)
    if url == DEMO_URL:
        return DemoWaybillProvider(demo_db_path(conn))
    return provider_from_settings(settings) or Offline(
        "no e-waybill provider configured (carrier waybill-provider hub|URL|demo)"
    )


class Offline:
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


_PARKED_SQL = (
    "SELECT w.order_id, w.carrier, w.parcel_id, w.reason, w.since FROM waybill_waiting w "
    "JOIN orders o ON o.order_id=w.order_id WHERE o.status='paid'"
)
# allocated, no number yet (not parked with a reason, not transferred, parcel still here)
_ALLOCATED_WHERE = (
    "o.status='paid' AND o.carrier IS NOT NULL AND o.waybill IS NULL "
    "AND (p.parcel_id IS NULL OR p.state IN ('planned', 'packed', 'verified')) "
    "AND NOT EXISTS (SELECT 1 FROM waybill_waiting w WHERE w.order_id=o.order_id) "
    "AND NOT EXISTS (SELECT 1 FROM warehouse_transfers t WHERE t.order_id=o.order_id "
    "AND t.returned_at IS NULL)"
)


def waiting(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Open orders with a carrier and no waybill number yet: reissues parked while the provider was
    unreachable (their reason: the failover or capacity move) and allocated orders whose number has
    not come yet (reason 'allocated'); oldest first."""
    return [
        dict(r)
        for r in conn.execute(
            f"{_PARKED_SQL} UNION ALL "
            "SELECT o.order_id, o.carrier, p.parcel_id, 'allocated', o.updated_at FROM orders o "
            f"LEFT JOIN parcels p ON p.order_id=o.order_id WHERE {_ALLOCATED_WHERE} ORDER BY 5, 1"
        )
    ]


def _allocated_page(
    conn: sqlite3.Connection, after: int, n: int
) -> list[tuple[int, str, str, str | None]]:
    """(rowid, order_id, carrier, parcel_id) of allocated orders without a number, by rowid."""
    return [
        (int(r[0]), str(r[1]), str(r[2]), r[3])
        for r in conn.execute(
            "SELECT o.rowid, o.order_id, o.carrier, p.parcel_id FROM orders o "
            f"LEFT JOIN parcels p ON p.order_id=o.order_id WHERE o.rowid > ? AND {_ALLOCATED_WHERE} "
            "ORDER BY o.rowid LIMIT ?",
            (after, n),
        )
    ]


ISSUE_CHUNK = 1000  # orders asked for (and written) at a time: memory flat for a big allocation


def requests_for(
    conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]]
) -> list[WaybillRequest]:
    """WaybillRequest for each (order_id, carrier), with the order's address, read set-wise."""
    addr: dict[str, sqlite3.Row] = {}
    ids = [oid for oid, _c in pairs]
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for r in conn.execute(
            "SELECT order_id, province, city, district, address, recipient_name, recipient_phone "
            f"FROM orders WHERE order_id IN ({','.join('?' * len(part))})",
            part,
        ):
            addr[r["order_id"]] = r
    out = []
    for oid, carrier in pairs:
        o = addr.get(oid)
        out.append(
            WaybillRequest(
                oid,
                carrier,
                *(
                    (
                        o["province"],
                        o["city"],
                        o["district"],
                        o["address"],
                        o["recipient_name"],
                        o["recipient_phone"],
                    )
                    if o is not None
                    else ()
                ),
            )
        )
    return out


def issue_allocated(
    conn: sqlite3.Connection,
    provider: WaybillProvider,
    orders: Iterable[tuple[str, str, str | None]],
    *,
    operator: str | None,
) -> dict[str, int]:
    """Numbers for freshly allocated orders (order_id, carrier, parcel_id or None), asked in chunks and
    written set-wise (order, its parcel if one is bound already, the routing data; one event per
    chunk). Stops at the first chunk the provider cannot take: the rest wait for their number
    (`waiting`, `fetch_waiting`). Caller owns the transaction. Returns issued / waiting."""
    if isinstance(provider, Offline):
        n = sum(1 for _ in orders)
        if n:
            logger.warning("%s: %d allocated order(s) wait for a waybill", provider.why, n)
        return {"issued": 0, "waiting": n}
    issued = left = 0
    chunk: list[tuple[str, str, str | None]] = []
    it = iter(orders)
    reachable = True
    while True:
        chunk = list(islice(it, ISSUE_CHUNK))
        if not chunk:
            break
        if not reachable:
            left += len(chunk)
            continue
        got = issue(provider, requests_for(conn, [(oid, c) for oid, c, _p in chunk]))
        if not got:
            reachable = False
            left += len(chunk)
            continue
        _apply_allocated(conn, chunk, got, operator)
        issued += len(got)
        left += len(chunk) - len(got)
    return {"issued": issued, "waiting": left}


def _apply_allocated(
    conn: sqlite3.Connection,
    chunk: list[tuple[str, str, str | None]],
    got: dict[str, IssuedWaybill],
    operator: str | None,
) -> None:
    at = iso(utcnow())
    rows = [(oid, c, pid, got[oid]) for oid, c, pid in chunk if oid in got]
    try:
        conn.executemany(
            "UPDATE orders SET waybill=?, sort_code=?, updated_at=? WHERE order_id=? AND carrier=? "
            "AND waybill IS NULL",
            [(w.waybill, w.sort_code, at, oid, c) for oid, c, _p, w in rows],
        )
    except sqlite3.IntegrityError as exc:
        raise waybill_in_use(exc) from exc
    conn.executemany(
        "UPDATE parcels SET carrier=?, waybill=?, sort_code=?, updated_at=? WHERE parcel_id=? "
        "AND waybill IS NULL",
        [(c, w.waybill, w.sort_code, at, pid) for _o, c, pid, w in rows if pid],
    )
    conn.executemany(
        "INSERT INTO waybill_routing (waybill, carrier, order_id, sort_code, package_center, "
        "package_code, issued_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(waybill) DO NOTHING",
        [
            (w.waybill, c, oid, w.sort_code, w.package_center, w.package_code, at)
            for oid, c, _p, w in rows
        ],
    )
    append_event(
        conn,
        "waybills.issued",
        {
            "reason": "allocated",
            "waybills": [[oid, c, w.waybill, w.sort_code] for oid, c, _p, w in rows],
        },
        operator=operator,
        at=at,
    )


def waybill_in_use(exc: sqlite3.IntegrityError) -> StationError:
    """A number from the provider that is already on another order here (a misconfigured provider,
    or orders imported with numbers from the same range): refused, the caller's transaction rolls
    back."""
    logger.error("a waybill from the e-waybill provider is already in use here: %s", exc)
    return StationError(
        "A waybill number from the e-waybill provider is already in use on another order here; "
        "nothing was changed. Check the provider setting (carrier waybill-provider).",
        zh="电子面单平台给的面单号已用于本站另一订单，未做任何修改。请检查面单平台设置"
        "（carrier waybill-provider）。",
    )


def fetch_waiting(
    conn: sqlite3.Connection,
    provider: WaybillProvider | None = None,
    *,
    operator: str | None = None,
) -> dict[str, int]:
    """Ask the provider for the orders and parcels waiting for a waybill, and send queued voids.
    Allocated orders are read a page at a time (a million waiting orders are never one list); the
    first page the provider cannot take stops the run. Caller owns the transaction. Returns how many
    got a number, how many still wait, and voids sent."""
    provider = provider or station_provider(conn)
    parked = [dict(r) for r in conn.execute(_PARKED_SQL + " ORDER BY w.since, w.order_id")]
    at = iso(utcnow())
    got = issue(provider, requests_for(conn, [(r["order_id"], r["carrier"]) for r in parked]))
    for r in parked:
        w = got.get(r["order_id"])
        if w is not None:
            apply_issued(conn, w, r["parcel_id"], r["reason"], at, operator)
    issued, left, after = len(got), len(parked) - len(got), 0
    while True:
        page = _allocated_page(conn, after, ISSUE_CHUNK)
        if not page:
            break
        after = page[-1][0]
        res = issue_allocated(
            conn, provider, [(o, c, p) for _r, o, c, p in page], operator=operator
        )
        issued += res["issued"]
        left += res["waiting"]
        if not res["issued"]:  # unreachable (or refusing): the rest wait too, counted not asked
            left += int(
                conn.execute(
                    "SELECT count(*) FROM orders o LEFT JOIN parcels p ON p.order_id=o.order_id "
                    f"WHERE o.rowid > ? AND {_ALLOCATED_WHERE}",
                    (after,),
                ).fetchone()[0]
            )
            break
    voided = flush_voids(conn, provider, operator=operator)
    return {"issued": issued, "waiting": left, "voided": voided}


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
