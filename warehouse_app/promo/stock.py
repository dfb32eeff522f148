"""Stock tiers: live-session schedule and sales history in, SKU tiers and stock recommendations out,
and the oversell watch (orders beyond stock plus pre-packed parcels).

Files follow the order importer's rules: every bad row reported with its line, and a file with bad
rows imports nothing unless the caller asks for the good rows only.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse_app.catalog import upsert_sessions
from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import StationError
from warehouse_app.importer import Row, RowError, _int, _req, _time, read_rows
from warehouse_app.outbox import append_event
from warehouse_app.promo import config

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------- file import


def _skus_field(v: Any) -> list[str]:
    if isinstance(v, list):
        out = [str(x).strip() for x in v if str(x).strip()]
    elif isinstance(v, str):
        out = [s.strip() for s in v.replace(";", "|").replace(",", "|").split("|") if s.strip()]
    else:
        out = []
    if not out:
        raise KeyError("skus")
    return out


def _conversion(v: Any) -> float:
    if v in (None, ""):
        return 0.0
    text = str(v).strip()
    try:
        c = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError as exc:
        raise ValueError(
            f"expected_conversion must be a share like 0.025 or 2.5%, got {v!r}"
        ) from exc
    if not 0 <= c <= 1:
        raise ValueError(f"expected_conversion must be between 0 and 1 (or 0%-100%), got {v!r}")
    return c


def parse_schedule_row(rec: Row) -> Row:
    starts = _time(rec, "starts_at", True)
    ends = _time(rec, "ends_at", True)
    assert starts and ends
    if ends <= starts:
        raise ValueError("ends_at must be after starts_at")
    viewers = _int(rec.get("expected_viewers"), "expected_viewers", 0)
    if viewers < 0:
        raise ValueError("expected_viewers must not be negative")
    return {
        "session_id": _req(rec, "session_id"),
        "name": rec.get("name") or None,
        "host": _req(rec, "host"),
        "starts_at": starts,
        "ends_at": ends,
        "skus": _skus_field(rec.get("skus")),
        "expected_viewers": viewers,
        "expected_conversion": _conversion(rec.get("expected_conversion")),
    }


def parse_history_row(rec: Row) -> Row:
    units = _int(rec.get("units"), "units")
    if units < 0:
        raise ValueError("units must not be negative")
    if rec.get("revenue_cents") not in (None, ""):
        cents = _int(rec.get("revenue_cents"), "revenue_cents")
    else:
        raw = rec.get("revenue_cny", rec.get("revenue"))
        if raw in (None, ""):
            raise KeyError("revenue_cny")
        try:
            cents = round(float(str(raw).replace(",", "")) * 100)
        except ValueError as exc:
            raise ValueError(f"revenue_cny must be a number, got {raw!r}") from exc
    if cents < 0:
        raise ValueError("revenue must not be negative")
    date = rec.get("session_date") or rec.get("date")
    sid, sku = _req(rec, "session_id"), _req(rec, "sku")
    return {
        "key": f"{sid}|{sku}",
        "session_id": sid,
        "sku": sku,
        "session_date": str(date).strip() if date else None,
        "units": units,
        "revenue_cents": cents,
    }


def _sku_check(
    known_skus: set[str] | None, sku_fields: Callable[[Row], list[str]]
) -> Callable[[Row], str | None]:
    def check(row: Row) -> str | None:
        if known_skus is None:
            return None
        unknown = [s for s in sku_fields(row) if s not in known_skus]
        return f"unknown SKU {', '.join(unknown)}" if unknown else None

    return check


def read_schedule(
    path: Path | str, known_skus: set[str] | None = None
) -> tuple[list[Row], list[RowError]]:
    """Live-session schedule rows (session, host, start/end, SKUs pushed, viewers, conversion)."""
    return read_rows(
        path, parse_schedule_row, "session_id", _sku_check(known_skus, lambda r: list(r["skus"]))
    )


def read_history(
    path: Path | str, known_skus: set[str] | None = None
) -> tuple[list[Row], list[RowError]]:
    """Per-SKU, per-session sales history rows."""
    return read_rows(path, parse_history_row, "key", _sku_check(known_skus, lambda r: [r["sku"]]))


def refuse_bad_rows(
    path: Path | str, rows: list[Row], errors: list[RowError], skip_bad: bool
) -> None:
    """The order importer's file rule: any bad row and nothing is imported, unless skip_bad."""
    for e in errors:
        logger.warning("%s: %s", path, e)
    if not rows and not errors:
        raise StationError(
            f"{path} has no data rows: nothing imported", zh=f"{path} 没有数据行：未导入任何数据"
        )
    if errors and not skip_bad:
        detail = "; ".join(str(e) for e in errors[:5]) + (" ..." if len(errors) > 5 else "")
        raise StationError(
            f"{len(errors)} bad row(s) in {path}; nothing imported ({detail}). Fix them, or pass "
            f"--skip-bad to import the {len(rows)} good row(s).",
            zh=f"{path} 有 {len(errors)} 行错误，未导入任何数据（{detail}）。请修正，或加 --skip-bad 只导入 "
            f"{len(rows)} 行正确数据。",
        )


def known_skus(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT code FROM skus")}


def apply_schedule(
    conn: sqlite3.Connection, rows: Iterable[Row], operator: str | None = None
) -> int:
    """Store schedule rows (also as core live sessions); caller owns the transaction."""
    now = iso(utcnow())
    rows = list(rows)
    upsert_sessions(conn, rows)
    for r in rows:
        conn.execute(
            "INSERT OR REPLACE INTO promo_schedule (session_id, name, host, starts_at, ends_at, skus, "
            "expected_viewers, expected_conversion, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                r["session_id"],
                r.get("name"),
                r["host"],
                r["starts_at"],
                r["ends_at"],
                json.dumps(r["skus"]),
                r["expected_viewers"],
                r["expected_conversion"],
                now,
            ),
        )
    append_event(
        conn,
        "promo.schedule_imported",
        {"sessions": [r["session_id"] for r in rows]},
        operator=operator,
    )
    return len(rows)


def apply_history(
    conn: sqlite3.Connection, rows: Iterable[Row], operator: str | None = None
) -> int:
    rows = list(rows)
    conn.executemany(
        "INSERT OR REPLACE INTO sales_history (session_id, sku, session_date, units, revenue_cents) VALUES (?,?,?,?,?)",
        [
            (r["session_id"], r["sku"], r.get("session_date"), r["units"], r["revenue_cents"])
            for r in rows
        ],
    )
    append_event(conn, "promo.history_imported", {"rows": len(rows)}, operator=operator)
    return len(rows)


# ---------------------------------------------------------------- tiers and recommendation


@dataclass
class StockAdvice:
    sku: str
    name: str
    tier: str
    recommended_qty: int
    reorder_point: int | None
    reason_en: str
    reason_zh: str
    inputs: dict[str, Any]

    def row(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "name": self.name,
            "tier": self.tier,
            "recommended_qty": self.recommended_qty,
            "reorder_point": self.reorder_point,
            "reason": self.reason_en,
            "reason_zh": self.reason_zh,
            **{f"in_{k}": v for k, v in self.inputs.items()},
        }


def _expected_units(conn: sqlite3.Connection) -> dict[str, float]:
    """Expected units per SKU from the schedule: viewers x conversion, shared by the SKUs a session pushes."""
    out: dict[str, float] = {}
    for r in conn.execute("SELECT skus, expected_viewers, expected_conversion FROM promo_schedule"):
        skus = json.loads(r["skus"])
        orders = r["expected_viewers"] * r["expected_conversion"]
        for s in skus:
            out[s] = out.get(s, 0.0) + orders / len(skus)
    return out


def recommend_stock(
    conn: sqlite3.Connection,
    *,
    hot_threshold_cny: float | None = None,
    hot_factor: float | None = None,
) -> list[StockAdvice]:
    """Classify every SKU and recommend its promo stock, with the numbers behind each."""
    threshold = float(
        hot_threshold_cny
        if hot_threshold_cny is not None
        else config.get(conn, "hot_threshold_cny")
    )
    factor = float(hot_factor if hot_factor is not None else config.get(conn, "hot_factor"))
    if threshold < 0 or factor <= 0:
        raise StationError(
            "hot threshold must be >= 0 and factor > 0", zh="爆款门槛须 >= 0，系数须 > 0"
        )
    new_max = int(config.get(conn, "new_max_sessions"))
    first_share = float(config.get(conn, "new_first_lot_share"))
    default_lot = int(config.get(conn, "new_default_first_lot"))
    reorder_share = float(config.get(conn, "new_reorder_share"))
    base_units = int(config.get(conn, "long_tail_base_units"))
    names = {r[0]: r[1] for r in conn.execute("SELECT code, name FROM skus")}
    hist: dict[str, dict[str, Any]] = {}
    for r in conn.execute(
        "SELECT sku, count(*) AS sessions, max(revenue_cents) AS peak_rev, max(units) AS peak_units, "
        "sum(units) AS total_units FROM sales_history GROUP BY sku"
    ):
        hist[r["sku"]] = dict(r)
    expected = _expected_units(conn)
    skus = sorted(set(names) | set(hist) | set(expected))
    out: list[StockAdvice] = []
    for sku in skus:
        h = hist.get(sku)
        peak_cny = (h["peak_rev"] / 100) if h else 0.0
        if h and peak_cny > threshold:
            peak = int(h["peak_units"])
            qty = math.ceil(peak * factor - 1e-9)
            out.append(
                StockAdvice(
                    sku,
                    names.get(sku, sku),
                    "core_hot",
                    qty,
                    None,
                    f"core hot: best session sold {peak_cny:,.0f} CNY (> {threshold:,.0f}); "
                    f"stock {factor:g} x peak session {peak} units = {qty}",
                    f"核心爆款：单场最高销售额 {peak_cny:,.0f} 元（> {threshold:,.0f}"
                    f"）；备货 = {factor:g} × 历史峰值 {peak} 件 = {qty}",
                    {
                        "sessions": h["sessions"],
                        "peak_session_cny": round(peak_cny, 2),
                        "peak_units": peak,
                        "factor": factor,
                        "threshold_cny": threshold,
                    },
                )
            )
        elif not h or h["sessions"] < new_max:
            exp = expected.get(sku, 0.0)
            lot = math.ceil(exp * first_share - 1e-9) if exp > 0 else default_lot
            reorder = math.ceil(lot * reorder_share - 1e-9)
            src_en = (
                f"{first_share:g} x expected {exp:,.0f} units from the schedule"
                if exp > 0
                else "default first lot (no schedule expectation)"
            )
            src_zh = (
                f"{first_share:g} × 排期预计 {exp:,.0f} 件" if exp > 0 else "默认首批（排期无预计）"
            )
            n = h["sessions"] if h else 0
            out.append(
                StockAdvice(
                    sku,
                    names.get(sku, sku),
                    "potential_new",
                    lot,
                    reorder,
                    f"potential new: {n} past session(s) (< {new_max}); conservative first lot = {src_en} = {lot}, "
                    f"re-order at {reorder}",
                    f"潜力新品：历史 {n} 场（< {new_max}）；保守首批 = {src_zh} = {lot}，库存降到 {reorder} 时补货",
                    {
                        "sessions": n,
                        "peak_session_cny": round(peak_cny, 2),
                        "expected_units": round(exp, 1),
                        "first_lot_share": first_share,
                        "reorder_share": reorder_share,
                    },
                )
            )
        else:
            avg = h["total_units"] / h["sessions"]
            qty = max(base_units, math.ceil(avg - 1e-9))
            out.append(
                StockAdvice(
                    sku,
                    names.get(sku, sku),
                    "long_tail",
                    qty,
                    None,
                    f"long tail: {h['sessions']} sessions, best {peak_cny:,.0f} CNY (<= {threshold:,.0f}); "
                    f"base stock = max({base_units}, average {avg:.1f} units/session) = {qty}",
                    f"长尾：历史 {h['sessions']} 场，最高 {peak_cny:,.0f} 元（<= {threshold:,.0f}）；"
                    f"基础库存 = max({base_units}, 场均 {avg:.1f} 件) = {qty}",
                    {
                        "sessions": h["sessions"],
                        "peak_session_cny": round(peak_cny, 2),
                        "avg_units": round(avg, 1),
                        "base_units": base_units,
                    },
                )
            )
    return out


def save_stock_plan(
    conn: sqlite3.Connection, advice: list[StockAdvice], operator: str | None = None
) -> int:
    """Store the plan and set each known SKU's tier; caller owns the transaction."""
    now = iso(utcnow())
    for a in advice:
        conn.execute(
            "INSERT OR REPLACE INTO stock_plan (sku, tier, recommended_qty, reorder_point, reason_en, reason_zh, "
            "inputs, planned_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                a.sku,
                a.tier,
                a.recommended_qty,
                a.reorder_point,
                a.reason_en,
                a.reason_zh,
                json.dumps(a.inputs, ensure_ascii=False),
                now,
            ),
        )
        conn.execute("UPDATE skus SET tier=?, updated_at=? WHERE code=?", (a.tier, now, a.sku))
    append_event(
        conn,
        "promo.stock_planned",
        {"skus": {a.sku: [a.tier, a.recommended_qty] for a in advice}},
        operator=operator,
        at=now,
    )
    return len(advice)


# ---------------------------------------------------------------- stock levels and oversell


MAX_STOCK = 100_000_000  # far beyond any warehouse; stops a typo overflowing SQLite's integers

# Parcel states and where their units are. Units leave the loose stock when a parcel is packed
# (committed); a pulled or voided parcel's units go back on the shelf.
_IN_PARCELS = ("packed", "verified", "intercepted")  # packed, still in the warehouse
# left with a carrier (a return's units: see its disposition); the "shipped" figure itself is
# counted by warehouse_app.counts' one rule (parcel_units' SHIPPED key)
_LEFT = ("handed_off", "returned")
_COMMITTED = _IN_PARCELS + _LEFT
SHIPPED = "shipped"  # parcel_units' key for the units in shipped parcels (not a parcel state)
_SERVING = ("packed", "verified", "handed_off", "returned")  # units that serve a paid order


def set_stock(
    conn: sqlite3.Connection,
    sku: str,
    on_hand: int,
    operator: str | None = None,
    reason: str = "count",
) -> None:
    """A count of loose units on the shelf now (not counting packed parcels); caller owns the
    transaction. The units already packed and restocked are remembered, so later packs and returns
    move the position from here."""
    if conn.execute("SELECT 1 FROM skus WHERE code=?", (sku,)).fetchone() is None:
        raise StationError(f"Unknown SKU {sku!r}", zh=f"未知商品 {sku!r}")
    if on_hand < 0:
        raise StationError(
            f"Stock of {sku} cannot be negative ({on_hand})", zh=f"{sku} 库存不能为负（{on_hand}）"
        )
    if on_hand > MAX_STOCK:
        raise StationError(
            f"Stock of {sku} ({on_hand}) is more than {MAX_STOCK:,} units: check the qty",
            zh=f"{sku} 库存 {on_hand} 超过 {MAX_STOCK:,} 件，请检查数量",
        )
    now = iso(utcnow())
    moves = parcel_units(conn, {sku}).get(sku, {})
    committed = sum(moves.get(s, 0) for s in _COMMITTED)
    restocked = restocked_units(conn).get(sku, 0)
    conn.execute(
        "INSERT INTO stock_levels (sku, on_hand, updated_at, counted_at, committed_at_count, "
        "restocked_at_count) VALUES (?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE "
        "SET on_hand=excluded.on_hand, updated_at=excluded.updated_at, counted_at=excluded.counted_at, "
        "committed_at_count=excluded.committed_at_count, restocked_at_count=excluded.restocked_at_count",
        (sku, on_hand, now, now, committed, restocked),
    )
    append_event(
        conn,
        "stock.set",
        {
            "sku": sku,
            "on_hand": on_hand,
            "reason": reason,
            "committed_at_count": committed,
            "restocked_at_count": restocked,
        },
        operator=operator,
        at=now,
    )


def add_stock(
    conn: sqlite3.Connection,
    sku: str,
    delta: int,
    operator: str | None = None,
    reason: str = "restock",
) -> int:
    """Units received (or, negative, written off) on top of the last count. Returns the loose units now
    (a SKU never counted starts from 0 here: receiving goods is a count of what arrived)."""
    now = iso(utcnow())
    if conn.execute("SELECT 1 FROM stock_levels WHERE sku=?", (sku,)).fetchone() is None:
        set_stock(conn, sku, max(0, delta), operator=operator, reason=reason)
    else:
        conn.execute(
            "UPDATE stock_levels SET on_hand=max(0, on_hand + ?), updated_at=? WHERE sku=?",
            (delta, now, sku),
        )
        append_event(
            conn,
            "stock.adjusted",
            {"sku": sku, "delta": delta, "reason": reason},
            operator=operator,
            at=now,
        )
    pos = stock_position(conn, {sku})
    return int(pos[0]["loose"] or 0) if pos else 0


def parcel_units(
    conn: sqlite3.Connection, skus: set[str] | None = None
) -> dict[str, dict[str, int]]:
    """Units per SKU per parcel state (from each parcel's SKU set), and under SHIPPED the units in
    parcels shipped by warehouse_app.counts' rule. With `skus`, only the parcels of batches that
    may hold them are read (through the batch index), so a refresh after a page of new orders stays
    cheap however many parcels the station has."""
    from warehouse_app.counts import shipped_where
    from warehouse_app.domain import parse_sku_set

    out: dict[str, dict[str, int]] = {}
    states = ",".join(f"'{s}'" for s in _COMMITTED)
    shipped, _ = shipped_where()  # no window: no arguments
    # the shipped parcels summed within each (SKU set, state) group, not a third group key:
    # the sort behind the GROUP BY stays as cheap as before (a million parcels)
    cols = f"sku_set, state, count(*), sum({shipped})"
    sql = f"SELECT {cols} FROM parcels WHERE +state IN ({states})"
    args: list[Any] = []
    if skus is not None:
        ids = []
        for bid, key in conn.execute("SELECT batch_id, sku_set FROM batches"):
            try:
                if not skus.isdisjoint(parse_sku_set(key)):
                    ids.append(bid)
            except ValueError:  # a batch without a plain SKU set: its parcels say what they hold
                ids.append(bid)
        if not ids:
            return out
        sql = (
            f"SELECT {cols} FROM parcels WHERE batch_id IN ({','.join('?' * len(ids))}) "
            f"AND state IN ({states})"
        )
        args = ids
    for key, state, n, n_shipped in conn.execute(sql + " GROUP BY sku_set, state", args):
        try:
            items = parse_sku_set(key)
        except ValueError:
            continue
        for sku, q in items.items():
            if skus is None or sku in skus:
                d = out.setdefault(sku, {})
                d[state] = d.get(state, 0) + q * int(n)
                if n_shipped:
                    d[SHIPPED] = d.get(SHIPPED, 0) + q * int(n_shipped)
    return out


def restocked_units(conn: sqlite3.Connection) -> dict[str, int]:
    """Units back on the shelf from returns disposed as 'restock' (damaged ones never come back)."""
    from warehouse_app.domain import parse_sku_set

    out: dict[str, int] = {}
    for key, n in conn.execute(
        "SELECT sku_set, count(*) FROM returns WHERE disposition='restock' GROUP BY sku_set"
    ):
        try:
            items = parse_sku_set(key)
        except ValueError:
            continue
        for sku, q in items.items():
            out[sku] = out.get(sku, 0) + q * int(n)
    return out


def _prepacked_units(conn: sqlite3.Connection, skus: set[str] | None = None) -> dict[str, int]:
    """Units in parcels that serve paid orders: packed, verified, handed off or returned."""
    return {sku: sum(m.get(s, 0) for s in _SERVING) for sku, m in parcel_units(conn, skus).items()}


def _paid_demand(conn: sqlite3.Connection, skus: set[str] | None = None) -> dict[str, int]:
    """Units ordered per SKU over paid orders, from the trigger-kept counter (promo migration 0004):
    one lookup per SKU, however many orders there are."""
    if skus is None:
        return {
            r[0]: int(r[1])
            for r in conn.execute("SELECT sku, units FROM promo_sku_demand WHERE units != 0")
        }
    out: dict[str, int] = {}
    for sku in sorted(skus):
        row = conn.execute("SELECT units FROM promo_sku_demand WHERE sku=?", (sku,)).fetchone()
        if row is not None and row[0]:
            out[sku] = int(row[0])
    return out


def stock_position(
    conn: sqlite3.Connection, skus: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Per SKU, from the last count and what was recorded since: paid demand; loose units (count -
    packed since + restocked returns since); units in parcels (packed, in the warehouse); shipped;
    on hand (loose + in parcels); supply for paid orders (loose + parcels serving them) and the gap
    (negative = oversold). A SKU never counted has stock 'unknown' (None), never 0.
    With `skus`, only those SKUs (the oversell refresh after new orders)."""
    only = set(skus) if skus is not None else None
    if only is not None and not only:
        return []
    demand = _paid_demand(conn, only)
    counts = {
        r[0]: (int(r[1]), int(r[2] or 0), int(r[3] or 0), r[4])
        for r in conn.execute(
            "SELECT sku, on_hand, committed_at_count, restocked_at_count, counted_at FROM stock_levels"
        )
    }
    units = parcel_units(conn, only)
    restocked = restocked_units(conn)
    reorder = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT sku, reorder_point FROM stock_plan WHERE reorder_point IS NOT NULL"
        )
    }
    rows = []
    for sku in sorted(set(demand) | set(counts) | set(units)):
        if only is not None and sku not in only:
            continue
        d = demand.get(sku, 0)
        m = units.get(sku, {})
        committed = sum(m.get(s, 0) for s in _COMMITTED)
        in_parcels = sum(m.get(s, 0) for s in _IN_PARCELS)
        serving = sum(m.get(s, 0) for s in _SERVING)
        shipped = m.get(SHIPPED, 0)
        rp = reorder.get(sku)
        if sku in counts:
            on_count, c_at, r_at, counted_at = counts[sku]
            lo = max(0, on_count - (committed - c_at) + (restocked.get(sku, 0) - r_at))
            loose: int | None = lo
            supply: int | None = lo + serving
            gap: int | None = lo + serving - d
            on_hand: int | None = lo + in_parcels
        else:
            loose = supply = gap = on_hand = None
            counted_at = None
        rows.append(
            {
                "sku": sku,
                "demand": d,
                "stock": loose,  # loose units (the name the oversell alerts and screens use)
                "loose": loose,
                "in_parcels": in_parcels,
                "shipped": shipped,
                "on_hand": on_hand,
                "prepacked": serving,
                "supply": supply,
                "gap": gap,
                "known": sku in counts,
                "counted_at": counted_at,
                "reorder_point": rp,
                # live feedback for potential new SKUs: re-order once what is left falls to the point
                "reorder_now": rp is not None and gap is not None and gap <= rp,
            }
        )
    return rows


def short_orders(
    conn: sqlite3.Connection, sku: str, supply: int, demand: int | None = None
) -> list[dict[str, Any]]:
    """Orders for `sku` beyond supply, served earliest paid first: the ones that are short.

    Walked from the latest paid backwards until the shortfall (demand - supply) is covered, so the
    Python work is the short orders only, not every order of a hot SKU."""
    if demand is None:
        demand = _paid_demand(conn, {sku}).get(sku, 0)
    left = demand - supply
    out: list[dict[str, Any]] = []
    if left <= 0:
        return out
    cur = conn.execute(
        "SELECT o.order_id, o.paid_at, i.qty FROM order_items i JOIN orders o ON o.order_id=i.order_id "
        "WHERE i.sku_code=? AND o.status='paid' ORDER BY o.paid_at DESC, o.order_id DESC",
        (sku,),
    )
    for order_id, paid_at, qty in cur:
        q = int(qty)
        out.append(
            {"order_id": order_id, "paid_at": paid_at, "qty": q, "short_units": min(q, left)}
        )
        left -= q
        if left <= 0:
            break
    cur.close()
    out.reverse()
    return out


def check_oversell(
    conn: sqlite3.Connection, operator: str | None = None, skus: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Raise (or update, or resolve) oversell alerts; only SKUs with a stock level are watched.

    With `skus` only those SKUs are checked (new orders came in for them: the short-order list must be
    fresh before the next pre-pack bind, not only when a lead opens a screen); other alerts stay as they
    are. Caller owns the transaction. Returns the open alerts (of the checked SKUs) with their short orders.
    """
    now = iso(utcnow())
    watched = {r[0] for r in conn.execute("SELECT sku FROM stock_levels")}
    if skus is not None:
        watched &= set(skus)
        if not watched:
            return []
    open_before = {
        r["sku"]: dict(r)
        for r in conn.execute("SELECT * FROM oversell_alerts WHERE resolved_at IS NULL")
    }
    alerts = []
    for pos in stock_position(conn, None if skus is None else watched):
        sku = pos["sku"]
        if sku not in watched or pos["gap"] is None:
            continue
        if pos["gap"] < 0:
            short = short_orders(conn, sku, pos["supply"], pos["demand"])
            ids = [s["order_id"] for s in short]
            prev = open_before.get(sku)
            conn.execute(
                "INSERT INTO oversell_alerts (sku, demand, stock, prepacked, short_units, short_orders, raised_at, "
                "updated_at, resolved_at) VALUES (?,?,?,?,?,?,?,?,NULL) ON CONFLICT(sku) DO UPDATE SET "
                "demand=excluded.demand, stock=excluded.stock, prepacked=excluded.prepacked, "
                "short_units=excluded.short_units, short_orders=excluded.short_orders, updated_at=excluded.updated_at, "
                "raised_at=CASE WHEN oversell_alerts.resolved_at IS NULL THEN oversell_alerts.raised_at "
                "ELSE excluded.raised_at END, resolved_at=NULL",
                (
                    sku,
                    pos["demand"],
                    pos["stock"],
                    pos["prepacked"],
                    -pos["gap"],
                    json.dumps(ids),
                    now,
                    now,
                ),
            )
            if prev is None or prev["short_units"] != -pos["gap"]:
                append_event(
                    conn,
                    "stock.oversell",
                    {
                        "sku": sku,
                        "demand": pos["demand"],
                        "stock": pos["stock"],
                        "prepacked": pos["prepacked"],
                        "short_units": -pos["gap"],
                        "short_orders": len(ids),
                    },
                    operator=operator,
                    at=now,
                )
                logger.warning(
                    "超卖 / OVERSELL %s: demand %d > stock %d + pre-packed %d (%d orders short)",
                    sku,
                    pos["demand"],
                    pos["stock"],
                    pos["prepacked"],
                    len(ids),
                )
            alerts.append({**pos, "short_units": -pos["gap"], "short_orders": short})
        elif sku in open_before:
            conn.execute(
                "UPDATE oversell_alerts SET resolved_at=?, updated_at=? WHERE sku=?",
                (now, now, sku),
            )
            append_event(conn, "stock.oversell_resolved", {"sku": sku}, operator=operator, at=now)
    return alerts


def refresh_oversell(
    conn: sqlite3.Connection,
    skus: Iterable[str],
    new_orders: Iterable[str] = (),
    operator: str | None = None,
) -> None:
    """check_oversell for the SKUs new orders touched, with a fast path for the usual live case: a SKU
    already oversold gets orders paid after every order it had. Those orders are simply short too and
    join the tail of the short list, so nothing is re-walked. The fast path is taken only when the
    numbers prove it exact (stock and pre-packed unchanged, demand grew by exactly these orders, all paid
    strictly later than the current last short order); anything else goes through check_oversell.
    `new_orders`: ids of orders that were inserted as paid in this batch. Caller owns the transaction."""
    watched = {r[0] for r in conn.execute("SELECT sku FROM stock_levels")} & set(skus)
    if not watched:
        return
    new_ids = sorted(set(new_orders))
    added: dict[
        str, list[tuple[str, str, int]]
    ] = {}  # sku -> [(paid_at, order_id, qty)] of the new orders
    marks_skus = sorted(watched)
    for i in range(0, len(new_ids), 400):
        chunk = new_ids[i : i + 400]
        for sku, oid, paid_at, qty in conn.execute(
            f"SELECT i.sku_code, o.order_id, o.paid_at, i.qty FROM order_items i JOIN orders o "
            f"ON o.order_id=i.order_id WHERE i.order_id IN ({','.join('?' * len(chunk))}) "
            f"AND o.status='paid' AND i.sku_code IN ({','.join('?' * len(marks_skus))})",
            [*chunk, *marks_skus],
        ):
            added.setdefault(sku, []).append((paid_at, oid, int(qty)))
    slow: set[str] = set()
    now = iso(utcnow())
    for sku in marks_skus:
        prev = conn.execute(
            "SELECT demand, stock, prepacked, short_units, short_orders FROM oversell_alerts "
            "WHERE sku=? AND resolved_at IS NULL",
            (sku,),
        ).fetchone()
        rows = sorted(added.get(sku, ()))
        if prev is None or not rows:
            slow.add(sku)
            continue
        ids = json.loads(prev["short_orders"])
        last = (
            conn.execute("SELECT paid_at FROM orders WHERE order_id=?", (ids[-1],)).fetchone()
            if ids
            else None
        )
        pos = stock_position(conn, {sku})
        units = sum(q for _p, _o, q in rows)
        if (
            last is None
            or not pos
            or rows[0][0] <= last[0]
            or pos[0]["stock"] != prev["stock"]
            or pos[0]["prepacked"] != prev["prepacked"]
            or pos[0]["demand"] != prev["demand"] + units
        ):
            slow.add(sku)
            continue
        p = pos[0]
        ids.extend(o for _p, o, _q in rows)
        conn.execute(
            "UPDATE oversell_alerts SET demand=?, short_units=?, short_orders=?, updated_at=? WHERE sku=?",
            (p["demand"], -p["gap"], json.dumps(ids), now, sku),
        )
        append_event(
            conn,
            "stock.oversell",
            {
                "sku": sku,
                "demand": p["demand"],
                "stock": p["stock"],
                "prepacked": p["prepacked"],
                "short_units": -p["gap"],
                "short_orders": len(ids),
            },
            operator=operator,
            at=now,
        )
        logger.warning(
            "超卖 / OVERSELL %s: demand %d > stock %d + pre-packed %d (%d orders short, %d new)",
            sku,
            p["demand"],
            p["stock"],
            p["prepacked"],
            len(ids),
            len(rows),
        )
    if slow:
        check_oversell(conn, operator=operator, skus=slow)


def open_alerts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = []
    for r in conn.execute(
        "SELECT * FROM oversell_alerts WHERE resolved_at IS NULL ORDER BY short_units DESC, sku"
    ):
        d = dict(r)
        d["short_orders"] = json.loads(d["short_orders"])
        rows.append(d)
    return rows


def bind_allowed(conn: sqlite3.Connection, parcel: sqlite3.Row | None, order: sqlite3.Row) -> bool:
    """Hook for batches.bind_parcel and presale batch creation (parcel None): refuse an order that an
    open oversell alert lists as short, whatever the batch kind, or one transferred to a backup
    warehouse (it ships from there)."""
    if conn.execute(
        "SELECT 1 FROM warehouse_transfers WHERE order_id=? AND returned_at IS NULL",
        (order["order_id"],),
    ).fetchone():
        logger.info("not packing order %s: transferred to a backup warehouse", order["order_id"])
        return False
    row = conn.execute(
        "SELECT short_orders FROM oversell_alerts WHERE resolved_at IS NULL AND "
        "instr(short_orders, ?) > 0 LIMIT 1",
        (json.dumps(order["order_id"]),),
    ).fetchone()
    if row is None:
        return True
    if order["order_id"] in json.loads(row[0]):
        logger.info(
            "not packing short order %s%s (oversell)",
            order["order_id"],
            f" into parcel {parcel['parcel_id']}" if parcel is not None else "",
        )
        return False
    return True
