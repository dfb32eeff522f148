"""Carrier split and failover.

Rules: each carrier has a role (main / backup / dynamic), a target share, the regions it takes and a
daily capacity. The allocator sends an order to the first healthy carrier with capacity left that
serves its region; everything else (unserved regions, full or failing carriers) goes dynamically to
the carrier with the most capacity left today. Failover moves a failing carrier's not-yet-handed-off
orders to the next carrier by the same rules: old waybill voided, new one queued for printing, each
step an event in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.errors import NotFound, StationError
from warehouse_app.orders import order_record
from warehouse_app.outbox import append_event
from warehouse_app.promo import config
from warehouse_app.promo.allocator import Allocator, no_capacity_error
from warehouse_app.promo.capacity_day import (  # re-exported: other modules import them from here
    CHINA_TZ as CHINA_TZ,
)
from warehouse_app.promo.capacity_day import (
    bump_usage as bump_usage,
)
from warehouse_app.promo.capacity_day import (
    today as today,
)
from warehouse_app.promo.carrier_rule import ROLES, CarrierRule
from warehouse_app.promo.labels import REGION_NAMES, name_of
from warehouse_app.regions import REGIONS, region_of

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------- rules


def validate_rules(conn: sqlite3.Connection, rules: Iterable[dict[str, Any]]) -> list[CarrierRule]:
    known = {r[0] for r in conn.execute("SELECT code FROM carriers")}
    out: list[CarrierRule] = []
    seen: set[str] = set()
    for i, r in enumerate(rules, start=1):
        c = str(r.get("carrier") or "").strip()
        where = f"rule {i} ({c or '?'})"
        if not c:
            raise StationError(f"{where}: carrier is missing", zh=f"第 {i} 条规则缺少快递公司")
        if c not in known:
            raise StationError(
                f"{where}: unknown carrier {c!r} (known: {', '.join(sorted(known)) or 'none'})",
                zh=f"第 {i} 条规则：未知快递公司 {c!r}",
            )
        if c in seen:
            raise StationError(
                f"{where}: carrier {c} appears twice", zh=f"第 {i} 条规则：快递公司 {c} 重复"
            )
        seen.add(c)
        role = r.get("role", "dynamic")
        if role not in ROLES:
            raise StationError(
                f"{where}: role must be one of {', '.join(ROLES)}, got {role!r}",
                zh=f"第 {i} 条规则：角色必须是 main/backup/dynamic：{role!r}",
            )
        regions = tuple(r.get("regions") or ())
        nd = tuple(r.get("next_day_regions") or ())
        coverage = tuple(r.get("coverage") or ())
        bad = [x for x in (*regions, *nd, *coverage) if x not in REGIONS]
        if bad:
            raise StationError(
                f"{where}: unknown region {', '.join(bad)} (regions: {', '.join(REGIONS)})",
                zh=f"第 {i} 条规则：未知区域 {', '.join(bad)}",
            )
        try:
            share = float(r.get("share", 0))
            cap = int(r.get("daily_capacity", 0))
            cost = int(r.get("cost_cents", 0))
            rank = int(r.get("rank", i))
        except (TypeError, ValueError) as exc:
            raise StationError(
                f"{where}: share, daily_capacity, cost_cents and rank must be numbers ({exc})",
                zh=f"第 {i} 条规则：份额、日容量、成本、排序必须是数字",
            ) from exc
        if not 0 <= share <= 1 or cap < 0 or cost < 0:
            raise StationError(
                f"{where}: share must be 0..1, capacity and cost >= 0",
                zh=f"第 {i} 条规则：份额须在 0..1，容量与成本须 >= 0",
            )
        if coverage and not set(regions) <= set(coverage):
            raise StationError(
                f"{where}: preferred regions {', '.join(sorted(set(regions) - set(coverage)))} are not "
                "in its coverage",
                zh=f"第 {i} 条规则：优先区域 {', '.join(sorted(set(regions) - set(coverage)))} 不在其覆盖范围内",
            )
        out.append(
            CarrierRule(
                c,
                role,
                share,
                regions,
                cap,
                cost,
                nd,
                rank,
                bool(r.get("failing", False)),
                coverage,
            )
        )
    if not out:
        raise StationError("No carrier rules given", zh="没有快递分配规则")
    total = sum(r.share for r in out)
    if total > 1.0001:
        raise StationError(
            f"Target shares add up to {total:.0%}, more than 100%",
            zh=f"目标份额合计 {total:.0%}，超过 100%",
        )
    return out


def set_rules(
    conn: sqlite3.Connection, rules: Iterable[dict[str, Any]], operator: str | None = None
) -> list[CarrierRule]:
    """Replace the promo's carrier rules (keeping which carriers are failing). Caller owns the transaction."""
    parsed = validate_rules(conn, rules)
    failing = {r[0] for r in conn.execute("SELECT carrier FROM carrier_rules WHERE failing=1")}
    conn.execute("DELETE FROM carrier_rules")
    for r in parsed:
        conn.execute(
            "INSERT INTO carrier_rules (carrier, role, share, regions, daily_capacity, cost_cents, next_day_regions, "
            "rank, failing, coverage) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                r.carrier,
                r.role,
                r.share,
                json.dumps(list(r.regions)),
                r.daily_capacity,
                r.cost_cents,
                json.dumps(list(r.next_day_regions)),
                r.rank,
                1 if (r.failing or r.carrier in failing) else 0,
                json.dumps(list(r.coverage)),
            ),
        )
    append_event(
        conn, "carrier.rules_set", {"rules": [r.__dict__ for r in parsed]}, operator=operator
    )
    return load_rules(conn)


def load_rules(conn: sqlite3.Connection) -> list[CarrierRule]:
    return [
        CarrierRule(
            r["carrier"],
            r["role"],
            r["share"],
            tuple(json.loads(r["regions"])),
            r["daily_capacity"],
            r["cost_cents"],
            tuple(json.loads(r["next_day_regions"])),
            r["rank"],
            bool(r["failing"]),
            tuple(json.loads(r["coverage"] or "[]")),
        )
        for r in conn.execute("SELECT * FROM carrier_rules ORDER BY rank, carrier")
    ]


def read_rules_file(path: Path | str) -> list[dict[str, Any]]:
    """Rules as a JSON list (or JSON Lines) of objects."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StationError(
            f"{p} is not UTF-8 text (save the rules as UTF-8 JSON)",
            zh=f"{p} 不是 UTF-8 文本（请把规则另存为 UTF-8 编码的 JSON）",
        ) from exc
    except OSError as exc:
        raise StationError(f"Cannot read {p}: {exc}", zh=f"无法读取 {p}：{exc}") from exc
    if not text.strip():
        raise StationError(
            f"{p} is empty: no carrier rules in it", zh=f"{p} 是空文件：没有快递分配规则"
        )
    try:
        data = (
            json.loads(text)
            if text.lstrip().startswith("[")
            else [json.loads(x) for x in text.splitlines() if x.strip()]
        )
    except json.JSONDecodeError as exc:
        raise StationError(
            f"{p} is not valid JSON: {exc}", zh=f"{p} 不是有效的 JSON：{exc}"
        ) from exc
    if not all(isinstance(x, dict) for x in data):
        raise StationError(
            f"{p}: each rule must be a JSON object", zh=f"{p}：每条规则必须是 JSON 对象"
        )
    return data


# ---------------------------------------------------------------- carriers


_CODE_OK = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def add_carrier(
    conn: sqlite3.Connection,
    code: str,
    *,
    name: str | None = None,
    name_zh: str | None = None,
    waybill_prefix: str | None = None,
    operator: str | None = None,
) -> dict[str, Any]:
    """Add or update one carrier (a fresh station has none). Caller owns the transaction."""
    c = (code or "").strip().upper()
    if not c or len(c) > 16 or not set(c) <= _CODE_OK:
        raise StationError(
            f"Carrier code must be 1-16 letters, digits, '-' or '_', got {code!r}",
            zh=f"快递代码须为 1-16 位字母、数字、- 或 _：{code!r}",
        )
    prev = conn.execute("SELECT * FROM carriers WHERE code=?", (c,)).fetchone()
    row = {
        "code": c,
        "name": (name or (prev["name"] if prev else None) or c).strip(),
        "name_zh": (name_zh or (prev["name_zh"] if prev else None) or None),
        "waybill_prefix": waybill_prefix or (prev["waybill_prefix"] if prev else None),
        "active": 1,
    }
    conn.execute(
        "INSERT INTO carriers (code, name, name_zh, waybill_prefix, active) VALUES (?,?,?,?,1) "
        "ON CONFLICT(code) DO UPDATE SET name=excluded.name, name_zh=excluded.name_zh, "
        "waybill_prefix=excluded.waybill_prefix, active=1",
        (row["code"], row["name"], row["name_zh"], row["waybill_prefix"]),
    )
    append_event(
        conn, "carrier.added" if prev is None else "carrier.updated", row, operator=operator
    )
    return row


def list_carriers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT code, name, name_zh, waybill_prefix, active FROM carriers ORDER BY code"
        )
    ]


def _parse_carrier_row(rec: dict[str, Any]) -> dict[str, Any]:
    code = str(rec.get("code") or rec.get("carrier") or rec.get("代码") or "").strip()
    if not code:
        raise KeyError("code")
    return {
        "code": code,
        "name": str(rec.get("name") or rec.get("名称") or "").strip() or None,
        "name_zh": str(rec.get("name_zh") or rec.get("中文名") or "").strip() or None,
        "waybill_prefix": str(rec.get("waybill_prefix") or rec.get("面单前缀") or "").strip()
        or None,
    }


def import_carriers(
    conn: sqlite3.Connection,
    path: Path | str,
    *,
    skip_bad: bool = False,
    operator: str | None = None,
) -> dict[str, Any]:
    """Carriers from a CSV (UTF-8 or GB18030) or JSON Lines file; bad rows are reported with their line
    and nothing is imported unless skip_bad. Owns its transaction."""
    from warehouse_app.importer import read_rows
    from warehouse_app.promo.stock import refuse_bad_rows
    from warehouse_app.store.tx import transaction

    rows, errors = read_rows(path, _parse_carrier_row, "code")
    refuse_bad_rows(path, rows, errors, skip_bad)
    good: list[dict[str, Any]] = []
    bad = list(errors)
    with transaction(conn):
        for r in rows:
            try:
                good.append(
                    add_carrier(
                        conn,
                        r["code"],
                        **{k: r[k] for k in ("name", "name_zh", "waybill_prefix")},
                        operator=operator,
                    )
                )
            except StationError as exc:
                if not skip_bad:
                    raise
                bad.append(exc)  # type: ignore[arg-type]
    return {"carriers": len(good), "errors": [str(e) for e in bad]}


# ---------------------------------------------------------------- allocator


def usage(conn: sqlite3.Connection, day: str) -> dict[str, int]:
    return {
        r[0]: int(r[1])
        for r in conn.execute("SELECT carrier, allocated FROM carrier_usage WHERE day=?", (day,))
    }


_bump_usage = bump_usage  # the old private name


def order_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Paid orders per carrier over the promo: what the shares are measured on."""
    return {
        r[0]: int(r[1])
        for r in conn.execute(
            "SELECT carrier, count(*) FROM orders WHERE status='paid' AND carrier IS NOT NULL "
            "GROUP BY carrier"
        )
    }


def allocate_orders(
    conn: sqlite3.Connection,
    *,
    now: datetime | None = None,
    operator: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Give every open paid order that has no carrier yet a carrier, earliest paid first, and ask the
    station's e-waybill provider for its number (none reachable: the order waits for its waybill,
    `waybills.fetch_waiting`; the station never makes one up). Orders that came with a carrier from
    upstream keep it. Caller owns the transaction.

    The order row itself records the carrier (that is what the realised split counts); one summary
    event per run says how many went where and by which rule. Built for a million orders: plain
    reads, a pure in-memory allocator, and one bulk update in rowid order."""
    from warehouse_app.promo import waybills as ewb

    rules = load_rules(conn)
    if not rules:
        raise StationError(
            "No carrier rules for this promo: run `warehouse-station carrier rules FILE` first",
            zh="本次大促尚未设置快递分配规则：请先运行 `warehouse-station carrier rules FILE`",
        )
    now = now or utcnow()
    day, at = today(now), iso(now)
    # a carrier past its capacity (orders that came with it from upstream, a lowered capacity) is full
    # for the rest of the day: its excess moves first, by the same rules
    capacity_moves = rebalance_capacity(conn, now=now, operator=operator, rules=rules)
    if capacity_moves:
        rules = load_rules(conn)
    alloc = Allocator(rules, usage(conn, day), order_counts(conn))
    cur = conn.cursor()
    cur.row_factory = None
    # parcels already made for carrier-less orders (e.g. anonymous pre-packs bound early) get the carrier
    # and the number too
    parcels = {
        r[0]: r[1]
        for r in cur.execute(
            "SELECT o.rowid, p.parcel_id FROM parcels p JOIN orders o ON o.order_id=p.order_id "
            "WHERE p.waybill IS NULL AND p.state IN ('planned', 'packed', 'verified') AND o.carrier IS NULL"
        )
    }
    sql = (
        "SELECT rowid, province FROM orders o WHERE status='paid' AND carrier IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM warehouse_transfers t WHERE t.order_id=o.order_id "
        "AND t.returned_at IS NULL) ORDER BY +paid_at, order_id"
    )  # '+': one sort beats a million index-order row lookups
    rows = cur.execute(
        sql + (f" LIMIT {int(limit)}" if limit else "")
    )  # streamed: no million-row list
    # Pass 1, earliest paid first (who gets capacity): only (rowid, carrier), as one int each. Pass 2, in
    # rowid order, so the update walks the table in one direction. No number is made up here: the
    # carrier's platform issues them (waybills.issue_allocated), or the orders wait for one.
    keys, codes, _n_region = alloc.pick_rows(rows)
    rows.close()
    how_counts = dict(alloc.how)
    unplaced = alloc.unplaced
    if unplaced and not keys:
        raise no_capacity_error()
    keys.sort()
    n = len(keys)
    k = max(1, len(codes))
    provider = ewb.station_provider(conn)
    offline = isinstance(provider, ewb.Offline)
    carrier_parcels: list[tuple[str, str, str]] = []
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    if n > 50_000:
        conn.execute("PRAGMA cache_size=-65536")  # keep the table pages of a big run in memory
    try:
        conn.executemany(
            "UPDATE orders SET carrier=?, updated_at=? WHERE rowid=? AND carrier IS NULL",
            ((codes[key % k], at, key // k) for key in keys),
        )
        for key in keys if parcels else ():  # parcels already bound to these orders (few)
            pid = parcels.get(key // k)
            if pid is not None:
                carrier_parcels.append((codes[key % k], at, pid))
        conn.executemany(
            "UPDATE parcels SET carrier=?, updated_at=? WHERE parcel_id=? AND waybill IS NULL",
            carrier_parcels,
        )
    finally:
        conn.execute(f"PRAGMA cache_size={int(old_cache)}")
    if offline:  # no provider to ask: all wait (not a million requests built to be refused)
        numbers = {"issued": 0, "waiting": n}
        if n:
            logger.warning("%s: %d allocated order(s) wait for a waybill", provider.why, n)  # type: ignore[attr-defined]
    else:
        numbers = ewb.issue_allocated(
            conn, provider, _allocated_orders(conn, keys, codes, parcels), operator=operator
        )
    keys = parcels = None  # type: ignore[assignment]  # free the big lists
    bump_usage(conn, day, alloc.taken)
    per_carrier = dict(alloc.taken)
    summary: dict[str, Any] = {
        "day": day,
        "orders": n,
        "allocated": per_carrier,
        "by_rule": how_counts,
        "unallocated": unplaced,
        "waybills_issued": numbers["issued"],
        "waiting_for_waybill": numbers["waiting"],
    }
    if n:
        append_event(conn, "carrier.allocated", summary, operator=operator, at=at)
    if unplaced:
        logger.warning(
            "%d order(s) found no carrier with capacity left that covers their region: they wait "
            "for the next allocation",
            unplaced,
        )
    summary["deviation"] = deviation_report(conn, now=now)
    if capacity_moves:
        summary["capacity_moves"] = capacity_moves
    return summary


def _allocated_orders(
    conn: sqlite3.Connection, keys: list[int], codes: list[str], parcels: dict[int, str]
) -> Iterator[tuple[str, str, str | None]]:
    """(order_id, carrier, parcel_id) of the allocation's keys, read a chunk of rowids at a time."""
    k = max(1, len(codes))
    for i in range(0, len(keys), 500):
        part = keys[i : i + 500]
        ids = dict(
            conn.execute(
                f"SELECT rowid, order_id FROM orders WHERE rowid IN ({','.join('?' * len(part))})",
                [key // k for key in part],
            ).fetchall()
        )
        for key in part:
            rowid = key // k
            yield ids[rowid], codes[key % k], parcels.get(rowid)


SHARE_TOLERANCE_PP = (
    3.0  # the playbook's promise: each carrier within +-3 percentage points of target
)


def split_report(
    conn: sqlite3.Connection, day: str | None = None, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Realised split beside the target, per carrier, over the promo's paid orders (by the carrier each
    order now has), with today's (or `day`'s) capacity use and the deviation: how far from target, and
    why when it is more than the tolerance (deviation_report)."""
    return deviation_report(conn, day=day, now=now)


def _region_mix(conn: sqlite3.Connection) -> dict[str | None, int]:
    out: dict[str | None, int] = {}
    for prov, n in conn.execute(
        "SELECT province, count(*) FROM orders WHERE status='paid' GROUP BY province"
    ):
        reg = region_of(prov)
        out[reg] = out.get(reg, 0) + int(n)
    return out


def deviation_report(
    conn: sqlite3.Connection,
    *,
    day: str | None = None,
    now: datetime | None = None,
    tolerance_pp: float = SHARE_TOLERANCE_PP,
) -> list[dict[str, Any]]:
    """Per carrier: target (the effective one: a failing carrier's share is spread over the others),
    realised share, deviation in percentage points, whether it is within tolerance, and why not, from
    the numbers (failing, capacity used up, coverage smaller than its target, others short)."""
    rules_l = load_rules(conn)
    rules = {r.carrier: r for r in rules_l}
    counts = order_counts(conn)
    total = sum(counts.values())
    day = day or today(now)
    used = usage(conn, day)
    targets = Allocator(rules_l, used, {}).targets() if rules_l else {}
    mix: dict[str | None, int] | None = None
    rows: list[dict[str, Any]] = []
    for c in sorted(
        set(rules) | set(counts), key=lambda c: (rules[c].rank if c in rules else 999, c)
    ):
        r = rules.get(c)
        cap = r.daily_capacity if r else 0
        realised = counts.get(c, 0) / total if total else 0.0
        target = targets.get(c, 0.0)
        dev = round((realised - target) * 100, 2)
        rows.append(
            {
                "carrier": c,
                "role": r.role if r else "-",
                "regions": ",".join(r.regions) if r else "",
                "coverage": ",".join(r.coverage) if r and r.coverage else "all",
                "target_share": round(r.share, 4) if r else 0.0,
                "effective_target": round(target, 4),
                "orders": counts.get(c, 0),
                "realised_share": round(realised, 4),
                "deviation_pp": dev,
                "within_target": abs(dev) <= tolerance_pp or not total,
                "capacity_today": cap or None,
                "used_today": used.get(c, 0),
                "left_today": (cap - used.get(c, 0)) if cap else None,
                "failing": bool(r.failing) if r else False,
                "why": "",
                "why_zh": "",
            }
        )
    for row in rows:
        if row["within_target"]:
            row["why"], row["why_zh"] = "on target", "符合目标"
            continue
        c = row["carrier"]
        r = rules.get(c)
        en: list[str] = []
        zh: list[str] = []
        if r is None:
            en.append("no rule in this promo: its orders came with it from upstream")
            zh.append("不在本次规则中：订单由上游指定该快递")
        elif r.failing:
            en.append("failing: takes no new orders; its share goes to the others")
            zh.append("故障中：不接新单，份额由其他快递分担")
        elif row["deviation_pp"] < 0:
            if r.daily_capacity and used.get(c, 0) >= r.daily_capacity:
                en.append(f"capacity used up today ({used.get(c, 0)} of {r.daily_capacity})")
                zh.append(f"今日运力已用完（{used.get(c, 0)} / {r.daily_capacity}）")
            if r.coverage:
                mix = mix if mix is not None else _region_mix(conn)
                inside = sum(n for reg, n in mix.items() if reg in r.coverage)
                share_in = inside / total if total else 0.0
                if share_in < row["effective_target"]:
                    # regions by name in both texts: a person reads them (codes stay in `coverage`)
                    names_en = ", ".join(name_of(REGION_NAMES, g, "en") for g in r.coverage)
                    names_zh = "、".join(name_of(REGION_NAMES, g, "zh") for g in r.coverage)
                    en.append(f"covers only {names_en}: {share_in:.1%} of orders are there")
                    zh.append(f"只覆盖 {names_zh}：该区域订单仅占 {share_in:.1%}")
            if not en:
                en.append(
                    "orders came with other carriers from upstream or before the rules changed"
                )
                zh.append("部分订单由上游指定快递或在规则变更前已分配")
        else:
            short = [
                x["carrier"]
                for x in rows
                if x is not row and x["deviation_pp"] < -tolerance_pp and x["carrier"] in rules
            ]
            if short:
                en.append(f"took orders {', '.join(short)} could not take")
                zh.append(f"承接了 {', '.join(short)} 无法承接的订单")
            else:
                en.append("orders came with it from upstream or before the rules changed")
                zh.append("部分订单由上游指定该快递或在规则变更前已分配")
        row["why"], row["why_zh"] = "; ".join(en), "；".join(zh)
    return rows


# ---------------------------------------------------------------- failover


def _open_orders_of(conn: sqlite3.Connection, carrier: str) -> list[sqlite3.Row]:
    """The carrier's orders not yet handed off, in failover priority: ship-by, then payment time."""
    return conn.execute(
        "SELECT o.order_id, o.province, o.waybill, o.ship_by, o.paid_at, p.parcel_id, p.state FROM orders o "
        "LEFT JOIN parcels p ON p.order_id=o.order_id WHERE o.carrier=? AND o.status='paid' "
        "AND (p.state IS NULL OR p.state IN ('planned', 'packed', 'verified')) "
        "ORDER BY coalesce(o.ship_by, '9999'), o.paid_at, o.order_id",
        (carrier,),
    ).fetchall()


def _move_orders(
    conn: sqlite3.Connection,
    carrier: str,
    orders: list[sqlite3.Row],
    alloc: Allocator,
    *,
    cause: str,
    operator: str | None,
    at: str,
    day: str,
    stuck: list[str] | None = None,
) -> dict[str, int]:
    """The failover path, shared by a failing carrier and a carrier over its capacity: each order, in the
    order given (priority), goes to the carrier the allocator picks (share, region, capacity), its old
    waybill is voided, the new one queued for printing when a parcel carries it; every step an event.
    An order no carrier with room covers stays where it is and its id goes to `stuck`. Returns new
    carrier -> orders moved."""
    from warehouse_app.promo import waybills as ewb

    provider = ewb.station_provider(conn)
    moved: dict[str, int] = {}
    picks: list[tuple[sqlite3.Row, str]] = []
    for o in orders:
        got = alloc.try_pick(region_of(o["province"]))
        if got is None:
            if stuck is not None:
                stuck.append(o["order_id"])
            continue
        picks.append((o, got[0]))
    # numbers come from the carrier's platform when the station has one: asked for all at once,
    # and a parcel the platform cannot be reached for now waits for its waybill (never made up here)
    issued = ewb.issue(provider, ewb.requests_for(conn, [(o["order_id"], c) for o, c in picks]))
    for o, new_c in picks:
        old_wb = o["waybill"]
        w = issued.get(o["order_id"])
        new_wb: str | None = w.waybill if w is not None else None
        if old_wb:
            conn.execute(
                "INSERT OR REPLACE INTO voided_waybills (waybill, parcel_id, order_id, carrier, reason, "
                "voided_at, voided_by) VALUES (?,?,?,?,?,?,?)",
                (
                    old_wb,
                    o["parcel_id"],
                    o["order_id"],
                    carrier,
                    f"{cause}:{carrier}",
                    at,
                    operator,
                ),
            )
            append_event(
                conn,
                "waybill.voided",
                {
                    "waybill": old_wb,
                    "order_id": o["order_id"],
                    "parcel_id": o["parcel_id"],
                    "carrier": carrier,
                    "reason": cause,
                },
                operator=operator,
                at=at,
            )
            ewb.queue_void(conn, old_wb, carrier, o["order_id"], cause)  # recycled with its issuer
        try:
            conn.execute(
                "UPDATE orders SET carrier=?, waybill=?, sort_code=NULL, updated_at=? WHERE order_id=?",
                (new_c, new_wb, at, o["order_id"]),
            )
        except sqlite3.IntegrityError as exc:
            raise ewb.waybill_in_use(exc) from exc
        if o["parcel_id"]:
            conn.execute(
                "UPDATE parcels SET carrier=?, waybill=?, sort_code=NULL, updated_at=? WHERE parcel_id=?",
                (new_c, new_wb, at, o["parcel_id"]),
            )
        rule = "failover" if cause == "carrier_failover" else cause
        conn.execute(
            "INSERT INTO allocations (order_id, carrier, region, rule, day, allocated_at, previous_carrier) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT(order_id) DO UPDATE SET carrier=excluded.carrier, "
            "rule=excluded.rule, day=excluded.day, allocated_at=excluded.allocated_at, "
            "previous_carrier=excluded.previous_carrier",
            (o["order_id"], new_c, region_of(o["province"]), rule, day, at, carrier),
        )
        append_event(
            conn,
            "order.carrier_reassigned",
            {
                "order_id": o["order_id"],
                "parcel_id": o["parcel_id"],
                "from": carrier,
                "to": new_c,
                "old_waybill": old_wb,
                "new_waybill": new_wb,
                "reason": cause,
            },
            operator=operator,
            at=at,
        )
        if w is not None:
            ewb.apply_issued(conn, w, o["parcel_id"], cause, at, operator, replaces=old_wb)
        else:
            ewb.park(conn, o["order_id"], new_c, o["parcel_id"], cause, at, operator)
        moved[new_c] = moved.get(new_c, 0) + 1
    ewb.flush_voids(conn, provider, operator=operator)
    bump_usage(conn, day, alloc.taken)
    return moved


def fail_carrier(
    conn: sqlite3.Connection,
    carrier: str,
    *,
    reason: str = "",
    trigger: str = "lead",
    operator: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Mark a carrier failing and move its not-yet-handed-off orders. Caller owns the transaction, so a
    failure half-way changes nothing."""
    if trigger not in ("lead", "stall", "capacity"):
        raise ValueError(f"bad trigger {trigger!r}")
    row = conn.execute("SELECT failing FROM carrier_rules WHERE carrier=?", (carrier,)).fetchone()
    if row is None:
        known = ", ".join(
            r[0] for r in conn.execute("SELECT carrier FROM carrier_rules ORDER BY rank")
        )
        raise NotFound(
            f"Carrier {carrier!r} has no rule in this promo (carriers: {known or 'none'})",
            zh=f"快递公司 {carrier!r} 不在本次大促规则中（现有：{known or '无'}）",
        )
    now = now or utcnow()
    at, day = iso(now), today(now)
    conn.execute(
        "UPDATE carrier_rules SET failing=1, failing_since=coalesce(failing_since, ?), failing_reason=? "
        "WHERE carrier=?",
        (at, reason or trigger, carrier),
    )
    append_event(
        conn,
        "carrier.failed",
        {"carrier": carrier, "reason": reason, "trigger": trigger},
        operator=operator,
        at=at,
    )
    orders = _open_orders_of(conn, carrier)
    res = _failover_moves(conn, carrier, orders, operator=operator, at=at, day=day)
    cur = conn.execute(
        "INSERT INTO failovers (carrier, trigger, reason, operator, started_at, orders_moved, moved_to) "
        "VALUES (?,?,?,?,?,?,?)",
        (carrier, trigger, reason, operator, at, res["orders_moved"], json.dumps(res["moved_to"])),
    )
    conn.execute(
        "INSERT INTO carrier_exceptions (carrier, kind, opened_at) VALUES (?, 'failure', ?)",
        (carrier, at),
    )
    summary = {"failover_id": cur.lastrowid, "carrier": carrier, "trigger": trigger, **res}
    append_event(conn, "carrier.failover_done", summary, operator=operator, at=at)
    _log_failover(summary)
    return summary


def _failover_moves(
    conn: sqlite3.Connection,
    carrier: str,
    orders: list[sqlite3.Row],
    *,
    operator: str | None,
    at: str,
    day: str,
    cause: str = "carrier_failover",
) -> dict[str, Any]:
    """Move what the other carriers can take, spread over them by share and capacity (the moved orders
    themselves split by share: counts start at zero); report moved and stuck with the numbers."""
    rules = load_rules(conn)
    alloc = Allocator(rules, usage(conn, day), {})
    left_before = {c: (None if v == float("inf") else int(v)) for c, v in alloc.remaining.items()}
    stuck: list[str] = []
    moved = _move_orders(
        conn, carrier, orders, alloc, cause=cause, operator=operator, at=at, day=day, stuck=stuck
    )
    n = sum(moved.values())
    finite = [v for c, v in left_before.items() if c != carrier and v is not None]
    room = None if len(finite) < len([c for c in left_before if c != carrier]) else sum(finite)
    return {
        "orders_open": len(orders),
        "orders_moved": n,
        "moved_to": moved,
        "stuck": len(stuck),
        "stuck_orders": stuck[:50],
        "capacity_left_before": {c: v for c, v in left_before.items() if c != carrier},
        "capacity_left_total": room,
        "reprints_queued": sum(
            1 for o in orders if o["parcel_id"] and o["order_id"] not in set(stuck)
        ),
    }


def _log_failover(s: dict[str, Any]) -> None:
    logger.warning(
        "carrier %s failover (%s): %d open, %d moved %s, %d stuck (no carrier with room covers them)",
        s["carrier"],
        s["trigger"],
        s["orders_open"],
        s["orders_moved"],
        s["moved_to"],
        s["stuck"],
    )


def move_stuck_orders(
    conn: sqlite3.Connection,
    carrier: str,
    *,
    operator: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A failing carrier still holds orders the backups had no room for: move what they can take now
    (capacity freed, a new day, a raised capacity). Caller owns the transaction."""
    now = now or utcnow()
    at, day = iso(now), today(now)
    orders = _open_orders_of(conn, carrier)
    res = _failover_moves(conn, carrier, orders, operator=operator, at=at, day=day)
    res = {"carrier": carrier, "trigger": "retry", **res}
    if res["orders_moved"]:
        cur = conn.execute(
            "INSERT INTO failovers (carrier, trigger, reason, operator, started_at, orders_moved, moved_to) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                carrier,
                "retry",
                "stuck orders",
                operator,
                at,
                res["orders_moved"],
                json.dumps(res["moved_to"]),
            ),
        )
        res["failover_id"] = cur.lastrowid
        append_event(conn, "carrier.failover_done", res, operator=operator, at=at)
    _log_failover(res)
    return res


def over_capacity(
    conn: sqlite3.Connection, day: str, rules: list[CarrierRule] | None = None
) -> dict[str, int]:
    """Healthy carriers that used more than their daily capacity on `day`: carrier -> orders over."""
    used = usage(conn, day)
    return {
        r.carrier: used.get(r.carrier, 0) - r.daily_capacity
        for r in (rules or load_rules(conn))
        if not r.failing and r.daily_capacity > 0 and used.get(r.carrier, 0) > r.daily_capacity
    }


def rebalance_capacity(
    conn: sqlite3.Connection,
    *,
    now: datetime | None = None,
    operator: str | None = None,
    only: str | None = None,
    rules: list[CarrierRule] | None = None,
) -> list[dict[str, Any]]:
    """Capacity run-out: a carrier whose daily capacity is used up counts as failing for the rest of the day.
    Its not-yet-handed-off orders beyond capacity (the latest paid: earliest paid ship first) move by the
    rules through the failover path (old waybill voided, new one queued for printing, events), and give the
    capacity back. The carrier is not marked failing: tomorrow its capacity is fresh. Orders that find no
    carrier with room stay and are reported (`left_over`). Caller owns the transaction."""
    now = now or utcnow()
    at, day = iso(now), today(now)
    rules = rules if rules is not None else load_rules(conn)
    out: list[dict[str, Any]] = []
    for carrier, excess in over_capacity(conn, day, rules).items():
        if only is not None and carrier != only:
            continue
        rule = next(r for r in rules if r.carrier == carrier)
        used = rule.daily_capacity + excess
        open_orders = _open_orders_of(conn, carrier)
        beyond = open_orders[max(0, len(open_orders) - excess) :]
        reason = f"daily capacity {rule.daily_capacity} used up ({used} today, {excess} over)"
        reason_zh = f"当日运力 {rule.daily_capacity} 已用完（今日 {used} 单，超出 {excess} 单）"
        alloc = Allocator(load_rules(conn), usage(conn, day), {})
        if not beyond or not any(left >= 1 for left in alloc.remaining.values()):
            # nothing can move (all handed off, or no carrier has room): report it, change nothing
            logger.warning(
                "carrier %s %s: %d order(s) cannot move now (%s)",
                carrier,
                reason,
                excess,
                "no open orders" if not beyond else "no carrier has capacity left",
            )
            out.append(
                {
                    "failover_id": None,
                    "carrier": carrier,
                    "trigger": "capacity",
                    "reason": reason,
                    "capacity": rule.daily_capacity,
                    "used_before": used,
                    "orders_moved": 0,
                    "moved_to": {},
                    "reprints_queued": 0,
                    "left_over": excess,
                }
            )
            continue
        append_event(
            conn,
            "carrier.capacity_out",
            {
                "carrier": carrier,
                "day": day,
                "capacity": rule.daily_capacity,
                "used": used,
                "excess": excess,
                "movable": len(beyond),
                "reason": reason,
                "reason_zh": reason_zh,
            },
            operator=operator,
            at=at,
        )
        stuck: list[str] = []
        moved = _move_orders(
            conn,
            carrier,
            beyond,
            alloc,
            cause="capacity_out",
            operator=operator,
            at=at,
            day=day,
            stuck=stuck,
        )
        n = sum(moved.values())
        bump_usage(conn, day, {carrier: -n})
        cur = conn.execute(
            "INSERT INTO failovers (carrier, trigger, reason, operator, started_at, orders_moved, moved_to) "
            "VALUES (?,?,?,?,?,?,?)",
            (carrier, "capacity", reason, operator, at, n, json.dumps(moved)),
        )
        res = {
            "failover_id": cur.lastrowid,
            "carrier": carrier,
            "trigger": "capacity",
            "reason": reason,
            "capacity": rule.daily_capacity,
            "used_before": used,
            "orders_moved": n,
            "moved_to": moved,
            "reprints_queued": sum(
                1 for o in beyond if o["parcel_id"] and o["order_id"] not in set(stuck)
            ),
            "left_over": excess - n,
            "orders_open": len(beyond),
            "stuck": len(stuck),
        }
        append_event(conn, "carrier.failover_done", res, operator=operator, at=at)
        if res["left_over"]:
            logger.warning(
                "carrier %s: %d order(s) over capacity could not move (no carrier has room, or they "
                "are already handed off)",
                carrier,
                res["left_over"],
            )
        logger.warning(
            "carrier %s capacity out (%s): %d orders moved %s", carrier, reason, n, moved
        )
        out.append(res)
    return out


def restore_carrier(conn: sqlite3.Connection, carrier: str, operator: str | None = None) -> None:
    """The carrier works again: new orders may go to it (moved orders stay where they are)."""
    cur = conn.execute(
        "UPDATE carrier_rules SET failing=0, failing_since=NULL, failing_reason=NULL "
        "WHERE carrier=? AND failing=1",
        (carrier,),
    )
    if cur.rowcount != 1:
        raise StationError(
            f"Carrier {carrier!r} is not marked failing", zh=f"快递公司 {carrier!r} 未被标记为故障"
        )
    at = iso(utcnow())
    conn.execute(
        "UPDATE failovers SET restored_at=? WHERE carrier=? AND restored_at IS NULL", (at, carrier)
    )
    append_event(conn, "carrier.restored", {"carrier": carrier}, operator=operator, at=at)


def check_carriers(
    conn: sqlite3.Connection,
    *,
    now: datetime | None = None,
    auto_failover: bool = False,
    operator: str | None = None,
) -> list[dict[str, Any]]:
    """What the allocator sees: stalled handoffs (parcels verified long ago, nothing handed off to the
    carrier since) and capacity run out (`capacity_out`; `over_capacity` orders beyond it, e.g. orders that
    came with the carrier from upstream). With auto_failover a stalled carrier is failed over and a carrier
    over capacity has its excess moved (rebalance_capacity)."""
    now = now or utcnow()
    stall = timedelta(minutes=float(config.get(conn, "stall_minutes")))
    cutoff = iso(now - stall)
    day = today(now)
    used = usage(conn, day)
    out = []
    for r in load_rules(conn):
        waiting = conn.execute(
            "SELECT count(*), min(verified_at) FROM parcels WHERE carrier=? AND state='verified' "
            "AND verified_at <= ?",
            (r.carrier, cutoff),
        ).fetchone()
        last = conn.execute(
            "SELECT max(handed_off_at) FROM parcels WHERE carrier=?", (r.carrier,)
        ).fetchone()[0]
        stalled = bool(waiting[0]) and (last is None or last < cutoff)
        cap_out = r.daily_capacity > 0 and used.get(r.carrier, 0) >= r.daily_capacity
        over = max(0, used.get(r.carrier, 0) - r.daily_capacity) if r.daily_capacity > 0 else 0
        row = {
            "carrier": r.carrier,
            "failing": r.failing,
            "stalled": stalled,
            "waiting_parcels": int(waiting[0]),
            "oldest_waiting": waiting[1],
            "last_handoff": last,
            "capacity_out": cap_out,
            "used_today": used.get(r.carrier, 0),
            "capacity": r.daily_capacity or None,
            "over_capacity": over,
            "open_orders": None,
            "moved": 0,
            "stuck": 0,
            "action": None,
        }
        if stalled and not r.failing and auto_failover:
            res = fail_carrier(
                conn,
                r.carrier,
                reason=f"no handoff for {stall}",
                trigger="stall",
                operator=operator,
                now=now,
            )
            row.update(
                open_orders=res["orders_open"], moved=res["orders_moved"], stuck=res["stuck"]
            )
            row["action"] = (
                f"failed over: {res['orders_moved']} of {res['orders_open']} orders moved"
                + (f", {res['stuck']} stuck (no room)" if res["stuck"] else "")
            )
        elif r.failing and auto_failover:
            # orders the backups had no room for last time: move what they can take now
            if _open_orders_of(conn, r.carrier):
                res = move_stuck_orders(conn, r.carrier, operator=operator, now=now)
                row.update(
                    open_orders=res["orders_open"], moved=res["orders_moved"], stuck=res["stuck"]
                )
                row["action"] = (
                    f"failing: {res['orders_moved']} more moved, {res['stuck']} still stuck"
                )
        elif over and not r.failing and auto_failover:
            moves = rebalance_capacity(conn, now=now, operator=operator, only=r.carrier)
            n = sum(m["orders_moved"] for m in moves)
            left = sum(m["left_over"] for m in moves)
            row["action"] = f"capacity out: moved {n} orders" + (
                f", {left} could not move" if left else ""
            )
            row.update(moved=n, stuck=left, open_orders=sum(m.get("orders_open", 0) for m in moves))
            row["over_capacity"] = left
            row["used_today"] = usage(conn, day).get(r.carrier, 0)  # after the move
        out.append(row)
    return out


def open_print_requests(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Reprints waiting for the print queue (until the devices print queue takes them over)."""
    return [
        dict(r)
        for r in conn.execute("SELECT * FROM print_requests WHERE printed_at IS NULL ORDER BY id")
    ]


def mark_printed(conn: sqlite3.Connection, request_id: int, operator: str | None = None) -> None:
    cur = conn.execute(
        "UPDATE print_requests SET printed_at=? WHERE id=? AND printed_at IS NULL",
        (iso(utcnow()), request_id),
    )
    if cur.rowcount != 1:
        raise NotFound(f"No open print request {request_id}", zh=f"没有待打印请求 {request_id}")
    append_event(conn, "waybill.printed", {"print_request": request_id}, operator=operator)


def live_waybill_problems(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Orders that do not have exactly one live waybill: none, a voided one, or a parcel disagreeing."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT o.order_id, o.waybill, p.waybill AS parcel_waybill, o.carrier, p.carrier AS parcel_carrier, "
            "CASE WHEN o.waybill IS NULL THEN 'no_waybill' "
            "WHEN v.waybill IS NOT NULL THEN 'voided_waybill' ELSE 'parcel_mismatch' END AS problem "
            "FROM orders o LEFT JOIN parcels p ON p.order_id=o.order_id "
            "LEFT JOIN voided_waybills v ON v.waybill=o.waybill "
            "WHERE o.status='paid' AND (o.waybill IS NULL OR v.waybill IS NOT NULL OR "
            "(p.parcel_id IS NOT NULL AND (p.waybill IS NOT o.waybill OR p.carrier IS NOT o.carrier)))"
        )
    ]


# ---------------------------------------------------------------- warehouse failover


def export_open_orders(
    conn: sqlite3.Connection,
    path: Path | str,
    operator: str | None = None,
    to_warehouse: str = "backup",
) -> dict[str, Any]:
    """Write this warehouse's open orders (paid, not handed off, not already transferred) as JSONL for
    the backup warehouse's `import orders` (or `warehouse import`), and mark them transferred here in
    the same transaction: their parcels get the 'transferred' verdict at any scan, and no batch or
    bind here takes them, so an order never ships from both. The event goes upstream with the ids.
    Written to a temp file and renamed, so a half file never exists. Caller owns the transaction."""
    p = Path(path)
    if p.suffix.lower() not in (".jsonl", ".ndjson"):
        raise StationError(
            f"Export file must end in .jsonl, got {p.name}",
            zh=f"导出文件必须以 .jsonl 结尾：{p.name}",
        )
    items: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(
        "SELECT i.order_id, i.sku_code, i.qty FROM order_items i JOIN orders o ON o.order_id=i.order_id "
        "WHERE o.status='paid' ORDER BY i.order_id, i.sku_code"
    ):
        items.setdefault(r[0], []).append({"sku": r[1], "qty": r[2]})
    tmp = p.with_name(p.name + ".part")
    h = hashlib.sha256()
    n = 0
    ids: list[str] = []
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for o in conn.execute(
                "SELECT o.* " + _OPEN_SQL + " AND NOT EXISTS (SELECT 1 FROM warehouse_transfers t "
                "WHERE t.order_id=o.order_id AND t.returned_at IS NULL) ORDER BY o.paid_at, o.order_id"
            ):
                line = (
                    json.dumps(
                        order_record(o, items.get(o["order_id"], [])),
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                    + "\n"
                )
                f.write(line)
                h.update(line.encode())
                n += 1
                ids.append(o["order_id"])
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StationError(f"Cannot write {p}: {exc}", zh=f"无法写入 {p}：{exc}") from exc
    digest = h.hexdigest()
    at = iso(utcnow())
    cur = conn.execute(
        "INSERT INTO warehouse_exports (path, orders, sha256, exported_at, operator) VALUES (?,?,?,?,?)",
        (str(p), n, digest, at, operator),
    )
    mark = f"{to_warehouse} (warehouse failover)"
    conn.executemany(
        "INSERT INTO warehouse_transfers (order_id, to_warehouse, export_id, transferred_at) "
        "VALUES (?,?,?,?) ON CONFLICT(order_id) DO UPDATE SET to_warehouse=excluded.to_warehouse, "
        "export_id=excluded.export_id, transferred_at=excluded.transferred_at, returned_at=NULL",
        [(oid, to_warehouse, cur.lastrowid, at) for oid in ids],
    )
    conn.executemany(
        "UPDATE parcels SET transferred_to=?, updated_at=? WHERE order_id=? "
        "AND state IN ('planned', 'packed', 'verified')",
        [(mark, at, oid) for oid in ids],
    )
    append_event(
        conn,
        "warehouse.orders_exported",
        {"path": str(p), "orders": n, "sha256": digest, "to_warehouse": to_warehouse},
        operator=operator,
        at=at,
    )
    append_event(
        conn,
        "warehouse.orders_transferred",
        {"to_warehouse": to_warehouse, "order_ids": ids},
        operator=operator,
        at=at,
    )
    return {"path": str(p), "orders": n, "sha256": digest, "to_warehouse": to_warehouse}


def import_returned_orders(
    conn: sqlite3.Connection, path: Path | str, operator: str | None = None
) -> dict[str, Any]:
    """Orders coming back from the backup warehouse (its own `warehouse export`): imported like any
    orders file, and the ones this warehouse had transferred become its own again (parcels scannable).
    Orders the backup already shipped are not in its export, so they never come back. Owns its
    transaction (the import is streamed in one)."""
    from warehouse_app.importer import import_orders_file
    from warehouse_app.store.tx import transaction

    summary = import_orders_file(conn, path, operator=operator)
    ids = [
        json.loads(line)["order_id"]
        for line in Path(path).read_text(encoding="utf-8-sig").splitlines()
        if line.strip()
    ]
    at = iso(utcnow())
    back = 0
    with transaction(conn):
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = ",".join("?" * len(part))
            back += conn.execute(
                f"UPDATE warehouse_transfers SET returned_at=? WHERE returned_at IS NULL AND order_id IN ({q})",
                [at, *part],
            ).rowcount
            conn.execute(
                f"UPDATE parcels SET transferred_to=NULL, updated_at=? WHERE order_id IN ({q}) "
                "AND transferred_to LIKE '%(warehouse failover)'",
                [at, *part],
            )
        append_event(conn, "warehouse.orders_returned", {"orders": back}, operator=operator, at=at)
    return {**summary, "returned": back}


def transferred(conn: sqlite3.Connection, order_id: str) -> str | None:
    row = conn.execute(
        "SELECT to_warehouse FROM warehouse_transfers WHERE order_id=? AND returned_at IS NULL",
        (order_id,),
    ).fetchone()
    return str(row[0]) if row else None


_OPEN_SQL = (
    "FROM orders o LEFT JOIN parcels p ON p.order_id=o.order_id WHERE o.status='paid' "
    "AND (p.state IS NULL OR p.state IN ('planned', 'packed', 'verified'))"
)
