"""The carrier scorecard, computed from what the stations recorded, to rank carriers for the next promo.

Each part is scored 0-100 and shows its inputs:
  response  (30%) hours from parcel ready (verified) to handoff; fastest carrier = 100, others best/theirs
  peak      (25%) most parcels taken in one day (China time); biggest = 100, others theirs/biggest
  next_day  (20%) share of regions it serves next day (configured per carrier) x 100
  exceptions(15%) share of its intercepts and failures resolved x 100, times min(1, target h / avg h to resolve)
  cost      (10%) cost per parcel against the average: min(100, 100 x average / its cost)
"""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.errors import NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.promo import config
from warehouse_app.promo.carriers import load_rules

logger = logging.getLogger(__name__)

PARTS = ("response", "peak", "next_day", "exceptions", "cost")


def record_intercept_result(
    conn: sqlite3.Connection,
    order_id: str,
    resolved: bool,
    *,
    operator: str | None = None,
    at: str | None = None,
) -> None:
    """A lead records whether the carrier stopped an intercepted parcel after handoff. Caller owns the tx."""
    o = conn.execute("SELECT carrier FROM orders WHERE order_id=?", (order_id,)).fetchone()
    if o is None or not o["carrier"]:
        raise NotFound(
            f"No order {order_id!r} with a carrier", zh=f"没有订单 {order_id!r}（或无快递）"
        )
    at = at or iso(utcnow())
    req = conn.execute(
        "SELECT min(created_at) FROM events WHERE type='carrier_intercept.requested' AND "
        "json_extract(payload, '$.order_id')=?",
        (order_id,),
    ).fetchone()[0]
    row = conn.execute(
        "SELECT id FROM carrier_exceptions WHERE kind='intercept' AND order_id=?", (order_id,)
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO carrier_exceptions (carrier, kind, order_id, opened_at, resolved, resolved_at) "
            "VALUES (?, 'intercept', ?, ?, ?, ?)",
            (o["carrier"], order_id, req or at, 1 if resolved else 0, at if resolved else None),
        )
    else:
        conn.execute(
            "UPDATE carrier_exceptions SET resolved=?, resolved_at=? WHERE id=?",
            (1 if resolved else 0, at if resolved else None, row[0]),
        )
    append_event(
        conn,
        "carrier_intercept.result",
        {"order_id": order_id, "carrier": o["carrier"], "resolved": bool(resolved)},
        operator=operator,
        at=at,
    )


def _hours(a: str, b: str) -> float:
    return (parse_iso(b) - parse_iso(a)).total_seconds() / 3600


def scorecard(
    conn: sqlite3.Connection, weights: dict[str, float] | None = None
) -> list[dict[str, Any]]:
    """Rows per carrier, best first: each part's inputs and score, the weighted total and the rank."""
    w = dict(config.get(conn, "scorecard_weights"))
    if weights:
        w.update(weights)
    if any(k not in PARTS for k in w) or any(v < 0 for v in w.values()) or sum(w.values()) <= 0:
        raise StationError(
            f"weights must be non-negative numbers for {', '.join(PARTS)}",
            zh=f"权重必须是非负数：{', '.join(PARTS)}",
        )
    rules = {r.carrier: r for r in load_rules(conn)}
    if not rules:
        raise StationError("No carrier rules: nothing to score", zh="没有快递规则，无法评分")
    all_regions = list(config.get(conn, "all_regions"))
    target_h = float(config.get(conn, "exception_target_hours"))
    resp = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT carrier, avg((julianday(handed_off_at) - julianday(verified_at)) * 24), count(*) FROM parcels "
            "WHERE +handed_off_at IS NOT NULL AND verified_at IS NOT NULL GROUP BY carrier"
        )
    }
    peak: dict[str, tuple[int, str]] = {}
    for r in conn.execute(
        "SELECT carrier, date(handed_off_at, '+8 hours') AS d, count(*) AS n FROM parcels "
        "WHERE +handed_off_at IS NOT NULL GROUP BY carrier, d"
    ):
        if r["carrier"] not in peak or r["n"] > peak[r["carrier"]][0]:
            peak[r["carrier"]] = (r["n"], r["d"])
    # exception cases: failures, intercepts the lead recorded, and intercept requests not yet resolved
    cases: dict[str, list[tuple[bool, float | None]]] = {}
    recorded: set[str] = set()
    for r in conn.execute(
        "SELECT carrier, kind, order_id, opened_at, resolved, resolved_at FROM carrier_exceptions"
    ):
        if r["order_id"]:
            recorded.add(r["order_id"])
        h = _hours(r["opened_at"], r["resolved_at"]) if r["resolved"] and r["resolved_at"] else None
        cases.setdefault(r["carrier"], []).append((bool(r["resolved"]), h))
    for r in conn.execute(
        "SELECT json_extract(payload, '$.carrier'), json_extract(payload, '$.order_id') FROM events "
        "WHERE type='carrier_intercept.requested'"
    ):
        if r[1] not in recorded and r[0]:
            cases.setdefault(r[0], []).append((False, None))
            recorded.add(r[1])
    costs = [r.cost_cents for r in rules.values() if r.cost_cents > 0]
    avg_cost = sum(costs) / len(costs) if costs else 0.0
    best_resp = min(
        (v[0] for c, v in resp.items() if c in rules and v[0] is not None), default=None
    )
    best_peak = max((v[0] for c, v in peak.items() if c in rules), default=0)
    rows = []
    for c, rule in rules.items():
        rh, rn = resp.get(c, (None, 0))
        s_resp = (
            round(100 * best_resp / rh, 1)
            if rh and best_resp is not None
            else (100.0 if rh == 0 else 0.0)
        )
        pk, pday = peak.get(c, (0, None))
        s_peak = round(100 * pk / best_peak, 1) if best_peak else 0.0
        nd = len([x for x in rule.next_day_regions if x in all_regions])
        share_nd = nd / len(all_regions) if all_regions else 0.0
        s_nd = round(100 * share_nd, 1)
        cs = cases.get(c, [])
        resolved = [h for ok, h in cs if ok]
        res_h = [h for h in resolved if h is not None]
        avg_res = sum(res_h) / len(res_h) if res_h else None
        speed = min(1.0, target_h / avg_res) if avg_res else 1.0
        s_exc = round(100 * len(resolved) / len(cs) * speed, 1) if cs else 100.0
        s_cost = (
            round(min(100.0, 100 * avg_cost / rule.cost_cents), 1)
            if rule.cost_cents and avg_cost
            else 0.0
        )
        scores = {
            "response": s_resp,
            "peak": s_peak,
            "next_day": s_nd,
            "exceptions": s_exc,
            "cost": s_cost,
        }
        total = round(sum(w.get(k, 0) * scores[k] for k in PARTS) / sum(w.values()), 1)
        rows.append(
            {
                "carrier": c,
                "total": total,
                "response_hours": round(rh, 2) if rh is not None else None,
                "response_parcels": rn,
                "response_score": s_resp,
                "peak_parcels_day": pk,
                "peak_day": pday,
                "peak_score": s_peak,
                "next_day_regions": nd,
                "regions_total": len(all_regions),
                "next_day_score": s_nd,
                "exception_cases": len(cs),
                "exceptions_resolved": len(resolved),
                "avg_resolve_hours": round(avg_res, 2) if avg_res is not None else None,
                "exceptions_score": s_exc,
                "cost_cents": rule.cost_cents,
                "avg_cost_cents": round(avg_cost, 1),
                "cost_score": s_cost,
                "weights": json.dumps(w, sort_keys=True),
            }
        )
    rows.sort(key=lambda r: (-r["total"], r["carrier"]))
    for i, r in enumerate(rows, start=1):
        r["rank"] = i
    return rows


def suggested_split(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Next promo's roles from the ranking: the best as main (~60%), the next two as backups (~20% each)."""
    ranked = [r["carrier"] for r in rows]
    return {"main": ranked[:1], "backups": ranked[1:3], "dynamic": ranked[3:]}


def save_scorecard_event(
    conn: sqlite3.Connection, rows: list[dict[str, Any]], operator: str | None = None
) -> None:
    append_event(
        conn,
        "carrier.scorecard",
        {"ranking": [[r["carrier"], r["total"]] for r in rows]},
        operator=operator,
    )
