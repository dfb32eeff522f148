"""The carrier scorecard, measured from what the stations recorded, to rank carriers for the next promo.

Each part is scored 0-100 from recorded data, shows the data behind it, and is "no data" (None) when
nothing was recorded for that carrier, never a made-up 100:
  response   (30) hours from payment to handoff, averaged over its parcels; fastest = 100, others
                  fastest / theirs
  peak       (25) best day's handled parcels against what it could have taken that day: min(booked
                  daily capacity, parcels waiting for it); no capacity booked -> no data
  coverage   (20) on-time rate (handed off by the promise) by region; the score is the overall rate,
                  the per-region rates are shown
  exceptions (15) cases per 1,000 parcels (failures, intercepts after handoff, damage returns):
                  100 x (1 - rate / exception_limit_per_1000), floored at 0
  cost       (10) cost per parcel against the average: min(100, 100 x average / its cost)
The total is the weighted mean of the parts that have data (the weights used are shown); a carrier
that handled no parcel has no total and ranks last.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.counts import counted_where, shipped_by_carrier, shipped_where
from warehouse_app.errors import NotFound, StationError
from warehouse_app.outbox import append_event
from warehouse_app.promo import config
from warehouse_app.promo.carriers import CHINA_TZ, load_rules
from warehouse_app.promo.labels import EXCEPTION_KINDS, REGION_NAMES, name_of
from warehouse_app.promo.weights import PARTS, normalise_weights
from warehouse_app.regions import region_of

logger = logging.getLogger(__name__)


def weights_of(
    conn: sqlite3.Connection, override: dict[str, Any] | None = None
) -> dict[str, float]:
    w = {p: 0.0 for p in PARTS}
    w.update(normalise_weights(dict(config.get(conn, "scorecard_weights"))))
    if override:
        w.update(normalise_weights(override))
    if sum(w.values()) <= 0:
        raise StationError("At least one weight must be above 0", zh="至少一个权重须大于 0")
    return w


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


def _day(stamp: str | None) -> date | None:
    return parse_iso(stamp).astimezone(CHINA_TZ).date() if stamp else None


def _response(conn: sqlite3.Connection) -> dict[str, tuple[float, int]]:
    """carrier -> (average hours paid -> handed off, parcels) over the parcels shipped (the one
    rule, warehouse_app.counts). The parcels are read in order_id order and their orders looked up
    in the same order: one sequential pass over a million orders instead of a million random page
    reads."""
    shipped, args = shipped_where()
    return {
        r[0]: (float(r[1]), int(r[2]))
        for r in conn.execute(
            "SELECT p.carrier, avg((julianday(p.handed_off_at) - julianday(o.paid_at)) * 24), count(*) "
            "FROM (SELECT order_id, carrier, handed_off_at FROM parcels INDEXED BY "
            f"promo_parcels_order_handoff WHERE order_id IS NOT NULL AND {shipped} "
            "ORDER BY order_id) p JOIN orders o ON o.order_id=p.order_id "
            "WHERE p.carrier IS NOT NULL GROUP BY p.carrier",
            args,
        )
        if r[1] is not None
    }


def _peak(conn: sqlite3.Connection, caps: dict[str, int]) -> dict[str, dict[str, Any]]:
    """Per carrier, each China-time day: parcels handed off, and parcels it could have taken (verified
    by the end of the day and not handed off before it). One grouped pass over the parcels that
    count (warehouse_app.counts: a voided or transferred parcel was never the carrier's to take),
    so a day's handled parcels are the ones `shipped_where` counts."""
    handled: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    spans: list[tuple[str, date, date | None, int]] = []
    last = None
    for c, vd, hd, n in conn.execute(
        "SELECT carrier, date(verified_at, '+8 hours'), date(handed_off_at, '+8 hours'), count(*) "
        "FROM parcels WHERE carrier IS NOT NULL AND verified_at IS NOT NULL "
        f"AND {counted_where()} GROUP BY carrier, 2, 3"
    ):
        v = date.fromisoformat(vd)
        h = date.fromisoformat(hd) if hd else None
        spans.append((c, v, h, int(n)))
        if h is not None:
            handled[c][h] += int(n)
        for d in (v, h):
            if d is not None and (last is None or d > last):
                last = d
    offered: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for c, v, h, n in spans:
        end = h or last
        d = v
        while end is not None and d <= end:
            offered[c][d] += n
            d += timedelta(days=1)
    out: dict[str, dict[str, Any]] = {}
    for c, days in offered.items():
        cap = caps.get(c, 0)
        best: dict[str, Any] | None = None
        for d, off in days.items():
            took = handled[c].get(d, 0)
            could = min(cap, off) if cap else 0
            if not could:
                continue
            ratio = min(1.0, took / could)
            if (
                best is None
                or ratio > best["ratio"]
                or (ratio == best["ratio"] and took > best["handled"])
            ):
                best = {
                    "day": d.isoformat(),
                    "handled": took,
                    "offered": off,
                    "capacity": cap,
                    "ratio": ratio,
                }
        if best is not None:
            out[c] = best
    return out


def _coverage(conn: sqlite3.Connection, now: str) -> dict[str, dict[str, list[int]]]:
    """carrier -> region -> [on time, due]: paid orders with a promise whose parcel was handed off,
    or is overdue now. Driven by the promises in key order (like the review's on-time pass)."""
    out: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for c, prov, on_time, due in conn.execute(
        "SELECT o.carrier, o.province, "
        "sum(CASE WHEN p.handed_off_at IS NOT NULL AND p.handed_off_at <= x.ship_by THEN 1 ELSE 0 END), "
        "sum(CASE WHEN p.handed_off_at IS NOT NULL OR x.ship_by < ? THEN 1 ELSE 0 END) "
        "FROM (SELECT order_id, ship_by FROM order_promises ORDER BY order_id) x "
        "JOIN orders o ON o.order_id=x.order_id "
        "LEFT JOIN parcels p INDEXED BY promo_parcels_order_handoff ON p.order_id=x.order_id "
        "WHERE o.status='paid' AND o.carrier IS NOT NULL GROUP BY o.carrier, o.province",
        (now,),
    ):
        reg = region_of(prov) or "unknown"
        cell = out[c].setdefault(reg, [0, 0])
        cell[0] += int(on_time or 0)
        cell[1] += int(due or 0)
    return out


def _exceptions(conn: sqlite3.Connection) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """carrier -> {kind: cases}, and carrier -> parcels shipped (handed off, incl. returned later)."""
    cases: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    intercepts: set[str] = set()
    for c, kind, oid in conn.execute("SELECT carrier, kind, order_id FROM carrier_exceptions"):
        cases[c][kind] += 1
        if oid:
            intercepts.add(oid)
    for c, oid in conn.execute(
        "SELECT json_extract(payload, '$.carrier'), json_extract(payload, '$.order_id') FROM events "
        "WHERE type='carrier_intercept.requested'"
    ):
        if c and oid not in intercepts:
            cases[c]["intercept"] += 1
            intercepts.add(oid)
    for c, n in conn.execute(
        "SELECT carrier, count(*) FROM returns WHERE reason='logistics_damage' AND carrier IS NOT NULL "
        "GROUP BY carrier"
    ):
        cases[c]["damage_return"] += int(n)
    # what the carriers took, by the one rule in warehouse_app.counts
    shipped = {c: n for c, n in shipped_by_carrier(conn).items() if c != "-"}
    return cases, shipped


def scorecard(
    conn: sqlite3.Connection, weights: dict[str, Any] | None = None, now: str | None = None
) -> list[dict[str, Any]]:
    """Rows per carrier, best first: each part's data and score (None = no data), the weighted total
    over the parts with data, the weights used and the rank."""
    w = weights_of(conn, weights)
    rules = {r.carrier: r for r in load_rules(conn)}
    if not rules:
        raise StationError("No carrier rules: nothing to score", zh="没有快递规则，无法评分")
    now = now or iso(utcnow())
    limit = float(config.get(conn, "exception_limit_per_1000"))
    resp = _response(conn)
    peak = _peak(conn, {c: r.daily_capacity for c, r in rules.items()})
    cov = _coverage(conn, now)
    cases, shipped = _exceptions(conn)
    costs = [r.cost_cents for r in rules.values() if r.cost_cents > 0]
    avg_cost = sum(costs) / len(costs) if costs else 0.0
    best_resp = min((v[0] for c, v in resp.items() if c in rules and v[0] > 0), default=None)
    rows: list[dict[str, Any]] = []
    for c, rule in rules.items():
        rh, rn = resp.get(c, (None, 0))
        s_resp = (
            None
            if rh is None
            else (100.0 if rh <= 0 or best_resp is None else round(100 * best_resp / rh, 1))
        )
        pk = peak.get(c)
        s_peak = round(100 * pk["ratio"], 1) if pk else None
        regions = cov.get(c, {})
        on_time = sum(v[0] for v in regions.values())
        due = sum(v[1] for v in regions.values())
        s_cov = round(100 * on_time / due, 1) if due else None
        n_cases = sum(cases.get(c, {}).values())
        n_ship = shipped.get(c, 0)
        rate = 1000 * n_cases / n_ship if n_ship else None
        s_exc = (
            round(max(0.0, 100 * (1 - rate / limit)), 1) if rate is not None and limit > 0 else None
        )
        s_cost = (
            round(min(100.0, 100 * avg_cost / rule.cost_cents), 1)
            if rule.cost_cents and avg_cost
            else None
        )
        scores = {
            "response": s_resp,
            "peak": s_peak,
            "coverage": s_cov,
            "exceptions": s_exc,
            "cost": s_cost,
        }
        have = [p for p in PARTS if scores[p] is not None and w[p] > 0]
        total = (
            round(sum(w[p] * float(scores[p] or 0) for p in have) / sum(w[p] for p in have), 1)
            if s_resp is not None and have
            else None
        )
        rows.append(
            {
                "carrier": c,
                "total": total,
                "response_hours": round(rh, 2) if rh is not None else None,
                "response_parcels": rn,
                "response_score": s_resp,
                "peak_day": pk["day"] if pk else None,
                "peak_handled": pk["handled"] if pk else None,
                "peak_could_take": min(pk["capacity"], pk["offered"]) if pk else None,
                "peak_capacity": rule.daily_capacity or None,
                "peak_parcels_day": pk["handled"] if pk else None,
                "peak_score": s_peak,
                "coverage_on_time": on_time,
                "coverage_due": due,
                "coverage_by_region": {
                    reg: round(v[0] / v[1], 4) if v[1] else None
                    for reg, v in sorted(regions.items())
                },
                "coverage_score": s_cov,
                "next_day_score": s_cov,  # the screens' old column name
                "exception_cases": n_cases,
                "exception_kinds": dict(cases.get(c, {})),
                "parcels_shipped": n_ship,
                "exceptions_per_1000": round(rate, 1) if rate is not None else None,
                "exceptions_score": s_exc,
                "cost_cents": rule.cost_cents,
                "avg_cost_cents": round(avg_cost, 1),
                "cost_score": s_cost,
                "parts_with_data": have,
                "weights": json.dumps(w, sort_keys=True),
            }
        )
    rows.sort(key=lambda r: (r["total"] is None, -float(r["total"] or 0), str(r["carrier"])))
    for i, r in enumerate(rows, start=1):
        r["rank"] = i
    return rows


def score_parts(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per part for a person: its weight, score ('no data' when None) and the data behind it
    in English and Chinese (regions and exception kinds by name, never as codes or a dict)."""
    w = json.loads(row["weights"])
    data = {lang: _part_data(row, lang) for lang in ("en", "zh")}
    return [
        {
            "carrier": row["carrier"],
            "part": p,
            "weight": w.get(p, 0),
            "score": "no data" if row[f"{p}_score"] is None else row[f"{p}_score"],
            "data": data["en"][p],
            "data_zh": data["zh"][p],
        }
        for p in PARTS
    ]


def _part_data(row: dict[str, Any], lang: str) -> dict[str, str]:
    zh = lang == "zh"
    sep = "、" if zh else ", "
    regions = sep.join(
        f"{name_of(REGION_NAMES, k, lang)} {'-' if v is None else f'{v:.0%}'}"
        for k, v in row["coverage_by_region"].items()
    )
    kinds = sep.join(
        f"{name_of(EXCEPTION_KINDS, k, lang)} {n}"
        for k, n in sorted(row["exception_kinds"].items())
    )
    if zh:
        return {
            "response": f"付款到交接平均 {row['response_hours']} 小时（{row['response_parcels']} 件）"
            if row["response_hours"] is not None
            else "没有交接过包裹",
            "peak": f"{row['peak_day']} 可接 {row['peak_could_take']} 件，实接 {row['peak_handled']} 件"
            f"（日运力 {row['peak_capacity']}）"
            if row["peak_day"]
            else "未约定运力或没有待接包裹",
            "coverage": f"{regions}（准时 {row['coverage_on_time']}/{row['coverage_due']}）"
            if row["coverage_due"]
            else "尚无到期订单",
            "exceptions": f"{row['exception_cases']} 起 / {row['parcels_shipped']} 件（每千件 "
            f"{row['exceptions_per_1000']} 起{'：' + kinds if kinds else ''}）"
            if row["parcels_shipped"]
            else "没有发出包裹",
            "cost": f"每件 {row['cost_cents'] / 100:.2f} 元，平均 {row['avg_cost_cents'] / 100:.2f} 元"
            if row["cost_cents"]
            else "未设成本",
        }
    return {
        "response": f"{row['response_hours']} h paid -> handed off over {row['response_parcels']} parcels"
        if row["response_hours"] is not None
        else "no parcels handed off",
        "peak": f"{row['peak_handled']} of {row['peak_could_take']} it could take on {row['peak_day']} "
        f"(capacity {row['peak_capacity']})"
        if row["peak_day"]
        else "no capacity booked or nothing waiting",
        "coverage": f"{regions} ({row['coverage_on_time']}/{row['coverage_due']} on time)"
        if row["coverage_due"]
        else "no order due yet",
        "exceptions": f"{row['exception_cases']} cases / {row['parcels_shipped']} parcels "
        f"({row['exceptions_per_1000']} per 1,000{': ' + kinds if kinds else ''})"
        if row["parcels_shipped"]
        else "no parcels shipped",
        "cost": f"{row['cost_cents'] / 100:.2f} CNY vs average {row['avg_cost_cents'] / 100:.2f}"
        if row["cost_cents"]
        else "no cost set",
    }


def suggested_split(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Next promo's roles from the ranking: the best as main (~60%), the next two as backups (~20% each)."""
    ranked = [r["carrier"] for r in rows if r["total"] is not None]
    unranked = [r["carrier"] for r in rows if r["total"] is None]
    return {"main": ranked[:1], "backups": ranked[1:3], "dynamic": ranked[3:] + unranked}


def save_scorecard_event(
    conn: sqlite3.Connection, rows: list[dict[str, Any]], operator: str | None = None
) -> None:
    append_event(
        conn,
        "carrier.scorecard",
        {"ranking": [[r["carrier"], r["total"]] for r in rows]},
        operator=operator,
    )
