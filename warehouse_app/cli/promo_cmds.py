"""Promo playbook subcommands: plan (stock, batches, promises, allocate), carrier (rules, fail, check),
warehouse export, returns, and `report review` / `report scorecard` added to core's `report` group."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warehouse_app.cli.common import LazyModule, add_format, conn_of, emit, iso_time
from warehouse_app.errors import StationError
from warehouse_app.promo.labels import VALUES_ZH, localize

if TYPE_CHECKING:
    from warehouse_app.promo import operations as ops
else:  # imported when a promo command runs, not when the CLI starts
    ops = LazyModule("warehouse_app.promo.operations")


def _fmt(p: argparse.ArgumentParser) -> None:
    add_format(p)


def _subparsers_of(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            return a
    raise RuntimeError(f"{parser.prog} has no subcommands")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands."""
    p = sub.add_parser(
        "plan", help="promo planning: stock tiers, pre-pack, promises, carriers / 大促计划"
    )
    ps = p.add_subparsers(dest="plan_cmd", required=True)
    for kind in ("schedule", "history"):
        q = ps.add_parser(
            f"import-{kind}", help=f"import the live-session {kind} (CSV or JSON Lines)"
        )
        q.add_argument("file")
        q.add_argument(
            "--skip-bad", action="store_true", help="import the good rows even if some rows are bad"
        )
        q.add_argument("--operator", default="CLI")
        q.set_defaults(func=cmd_import, kind=kind)
    q = ps.add_parser("stock", help="SKU tiers and recommended stock, with reasons / 分层备货")
    q.add_argument(
        "--hot-threshold",
        type=float,
        help="CNY one session must exceed for core hot (default 1,000,000)",
    )
    q.add_argument(
        "--factor", type=float, help="core hot stock = factor x historical peak (default 1.5)"
    )
    q.add_argument("--save", action="store_true", help="store the plan and set SKU tiers")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_stock)
    q = ps.add_parser(
        "set-stock", help="loose units on hand for a SKU (not counting pre-packed parcels)"
    )
    q.add_argument("sku")
    q.add_argument("qty", type=int)
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_set_stock)
    q = ps.add_parser("oversell", help="check orders against stock + pre-packed parcels / 超卖检查")
    _fmt(q)
    q.set_defaults(func=cmd_oversell)
    q = ps.add_parser(
        "presale",
        help="switch an oversold SKU to presale: new promise for its short orders / 超卖转预售",
    )
    q.add_argument("sku")
    g = q.add_mutually_exclusive_group()
    g.add_argument("--days", type=float, help="stock expected in N days (default: presale_days)")
    g.add_argument("--available-at", type=iso_time, help="when stock is expected (ISO 8601)")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_presale)
    q = ps.add_parser(
        "contacts",
        help="buyers of presale short orders for customer service (masked phone) / 预售客户通知名单",
    )
    q.add_argument("--sku")
    q.add_argument(
        "--output", type=Path, help="CSV file (UTF-8 with BOM); default: table on stdout"
    )
    _fmt(q)
    q.set_defaults(func=cmd_contacts)
    q = ps.add_parser("batches", help="pre-pack plans per session and SKU set / 预包装计划")
    q.add_argument(
        "--adjust",
        action="append",
        default=[],
        metavar="PLAN_ID=QTY",
        help="change a draft plan's qty",
    )
    q.add_argument(
        "--create", action="store_true", help="create the core batches for the draft plans"
    )
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_batches)
    q = ps.add_parser("promises", help="assign ship-by promises; backlog per tier / 分批发货承诺")
    q.add_argument("--recompute", action="store_true")
    _fmt(q)
    q.set_defaults(func=cmd_promises)
    q = ps.add_parser("at-risk", help="open orders about to miss their promise / 即将超时订单")
    q.add_argument("--limit", type=int, default=100)
    _fmt(q)
    q.set_defaults(func=cmd_at_risk)
    q = ps.add_parser(
        "queue", help="the station's work queue: open orders, earliest paid first / 作业队列"
    )
    q.add_argument("--limit", type=int, default=100)
    q.add_argument("--sku-set")
    _fmt(q)
    q.set_defaults(func=cmd_queue)
    q = ps.add_parser(
        "position", help="per SKU: demand, stock, pre-packed, gap, re-order now / 库存位置"
    )
    _fmt(q)
    q.set_defaults(func=cmd_position)
    q = ps.add_parser("allocate", help="assign carriers to open orders; split vs target / 快递分配")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_allocate)
    q = ps.add_parser("config", help="show or set a promo setting (value as JSON)")
    q.add_argument("key", nargs="?")
    q.add_argument("value", nargs="?")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_config)

    p = sub.add_parser("carrier", help="carrier rules, failover and checks / 快递分配与切换")
    cs = p.add_subparsers(dest="carrier_cmd", required=True)
    q = cs.add_parser("rules", help="set rules from a JSON file, or show them")
    q.add_argument("file", nargs="?")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_rules)
    q = cs.add_parser("add", help="add (or update) a carrier / 添加快递公司")
    q.add_argument("code")
    q.add_argument("--name")
    q.add_argument("--name-zh")
    q.add_argument(
        "--prefix", help="waybill number prefix (display only; numbers come from the carrier)"
    )
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_carrier_add)
    q = cs.add_parser("list", help="carriers known here / 快递公司列表")
    _fmt(q)
    q.set_defaults(func=cmd_carrier_list)
    q = cs.add_parser(
        "import", help="carriers from CSV or JSON Lines (code,name,name_zh,waybill_prefix)"
    )
    q.add_argument("file")
    q.add_argument("--skip-bad", action="store_true")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_carrier_import)
    q = cs.add_parser(
        "waybill-provider",
        help="the e-waybill platform (or hub endpoint) new waybill numbers come from / 电子面单平台",
    )
    q.add_argument(
        "url",
        help="'hub' (through the hub this station syncs with), http(s)://... , 'demo' (the demo "
        "platform: numbers start with DEMO), or '' to remove (allocated orders then wait)",
    )
    q.add_argument("--app-key", default="station")
    q.add_argument("--secret", default="")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_waybill_provider)
    q = cs.add_parser(
        "waiting", help="parcels waiting for a waybill (reissued offline) / 等待面单的包裹"
    )
    q.add_argument(
        "--fetch", action="store_true", help="ask the provider now (and send queued voids)"
    )
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_waiting)
    q = cs.add_parser("fail", help="mark a carrier failing and move its open orders / 快递故障切换")
    q.add_argument("carrier")
    q.add_argument("--reason", default="")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_fail)
    q = cs.add_parser("restore", help="a failing carrier works again")
    q.add_argument("carrier")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_restore)
    q = cs.add_parser("check", help="stalled handoffs and capacity run out")
    q.add_argument("--auto-failover", action="store_true")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_check)
    q = cs.add_parser("split", help="realised split beside the target")
    _fmt(q)
    q.set_defaults(func=cmd_split)
    q = cs.add_parser("reprints", help="new waybills waiting to be printed (failover)")
    _fmt(q)
    q.set_defaults(func=cmd_reprints)
    q = cs.add_parser(
        "intercept-result", help="record whether a carrier stopped an intercepted parcel"
    )
    q.add_argument("order_id")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--resolved", action="store_true")
    g.add_argument("--unresolved", action="store_true")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_intercept_result)

    p = sub.add_parser(
        "timezone", help="show or set the station's time zone (IANA name, '' = the PC's) / 时区"
    )
    p.add_argument("zone", nargs="?")
    p.add_argument("--operator", default="CLI")
    p.set_defaults(func=cmd_timezone)

    p = sub.add_parser("warehouse", help="warehouse failover / 仓库切换")
    ws = p.add_subparsers(dest="warehouse_cmd", required=True)
    q = ws.add_parser(
        "export", help="open orders as JSONL for the backup warehouse (import orders FILE)"
    )
    q.add_argument("--output", required=True, type=Path)
    q.add_argument("--to", default="backup", help="the warehouse taking them over (shown at scans)")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_export)
    q = ws.add_parser(
        "import",
        help="orders coming back from the backup warehouse (its warehouse export) / 订单回迁",
    )
    q.add_argument("file")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_warehouse_import)

    p = sub.add_parser("returns", help="returns after the promo / 退货")
    rs = p.add_subparsers(dest="returns_cmd", required=True)
    from warehouse_app.returns import DISPOSITIONS, REASONS

    q = rs.add_parser(
        "scan", help="record returned parcels (waybill, label or order number) / 退货登记"
    )
    q.add_argument("codes", nargs="+")
    q.add_argument(
        "--reason",
        help=f"return reason / 退货原因: {', '.join(REASONS)} (key or label; default: the "
        "station's current choice)",
    )
    q.add_argument(
        "--disposition",
        help=f"what happens to it / 处理方式: {', '.join(DISPOSITIONS)} (key or label; "
        "default: the station's current choice)",
    )
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_return_scan)

    report = sub.choices.get("report")
    if report is None:
        report = sub.add_parser("report", help="reports for shift leads / 报表")
        report.add_subparsers(dest="report_cmd", required=True)
    rsub = _subparsers_of(report)
    q = rsub.add_parser(
        "review", help="post-promo review (复盘): stock, on-time, exceptions, returns"
    )
    q.add_argument("--format", choices=["table", "json", "csv", "pdf"], default="table")
    q.add_argument("--output", type=Path, help="file to write (required for pdf)")
    q.set_defaults(func=cmd_review)
    q = rsub.add_parser("scorecard", help="carrier scorecard and ranking / 快递评分")
    q.add_argument(
        "--weights",
        help='JSON, e.g. {"response": 30, "coverage": 20} (parts: response, peak, coverage, exceptions, cost)',
    )
    q.add_argument("--set-weights", action="store_true", help="keep these weights for this promo")
    q.add_argument("--operator", default="CLI")
    _fmt(q)
    q.set_defaults(func=cmd_scorecard)
    q = rsub.add_parser("returns", help="return rate and reasons per SKU or session")
    q.add_argument("--by", choices=["sku", "session"], default="sku")
    _fmt(q)
    q.set_defaults(func=cmd_returns_report)


# ---------------------------------------------------------------- helpers


def _warn_oversell(conn: Any) -> None:
    """Every planning command says it out loud when a SKU is oversold."""
    from warehouse_app.promo.stock import open_alerts

    for a in open_alerts(conn):
        print(
            f"⚠ 超卖 / OVERSELL {a['sku']}: demand {a['demand']} > stock {a['stock']} + pre-packed "
            f"{a['prepacked']}; {len(a['short_orders'])} order(s) short ({a['short_units']} units)",
            file=sys.stderr,
        )


_SHARES = {
    "share",
    "target_share",
    "effective_target",
    "realised_share",
    "sell_through",
    "return_rate",
}


def _out(
    args: argparse.Namespace,
    rows: list[dict[str, Any]] | dict[str, Any],
    fmt: str,
    columns: list[str] | None = None,
) -> None:
    """Rows out: JSON with raw keys, stored UTC stamps and shares as fractions; table and CSV in the
    station's local time with shares as percentages (0.7511 -> 75.1%), with Chinese headers and
    labels in Chinese mode."""
    if fmt != "json" and not isinstance(rows, dict):
        from warehouse_app.localtime import localize_times, station_zone

        rows = localize_times(list(rows), station_zone(conn_of(args)))
        rows = [
            {
                k: f"{v:.1%}" if k in _SHARES and isinstance(v, (int, float)) else v
                for k, v in r.items()
            }
            for r in rows
        ]
        rows, columns = localize(rows, columns, getattr(args, "lang", "en"))
    emit(rows, fmt, columns)


# ---------------------------------------------------------------- plan


def cmd_import(args: argparse.Namespace) -> int:
    res = ops.import_session_file(
        conn_of(args),
        args.kind,
        args.file,
        skip_bad=args.skip_bad,
        operator=args.operator,
        on_bad_row=lambda e: print(f"{args.file}: {e}", file=sys.stderr),
    )
    print(json.dumps(res))
    return 0


def cmd_stock(args: argparse.Namespace) -> int:
    from warehouse_app.promo.stock import recommend_stock

    conn = conn_of(args)
    if args.save:
        advice = ops.save_stock_plan(
            conn,
            hot_threshold_cny=args.hot_threshold,
            hot_factor=args.factor,
            operator=args.operator,
        )
    else:
        advice = recommend_stock(conn, hot_threshold_cny=args.hot_threshold, hot_factor=args.factor)
    rows = [a.row() for a in advice]
    cols = [
        "sku",
        "name",
        "tier",
        "recommended_qty",
        "reorder_point",
        "reason_zh" if args.lang == "zh" else "reason",
    ]
    _out(args, rows, args.format, None if args.format == "json" else cols)
    _warn_oversell(conn)
    return 0


def cmd_set_stock(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    ops.set_stock(conn, args.sku, args.qty, operator=args.operator)
    print(json.dumps({"sku": args.sku, "on_hand": args.qty}))
    _warn_oversell(conn)
    return 0


def cmd_oversell(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    alerts = ops.check_oversell(conn)
    if args.format == "json":
        _out(args, alerts, "json")
    else:
        rows = [
            {
                "sku": a["sku"],
                "order_id": s["order_id"],
                "paid_at": s["paid_at"],
                "qty": s["qty"],
                "short_units": s["short_units"],
            }
            for a in alerts
            for s in a["short_orders"]
        ]
        _out(args, rows, args.format, ["sku", "order_id", "paid_at", "qty", "short_units"])
    _warn_oversell(conn)
    return 4 if alerts else 0


def cmd_presale(args: argparse.Namespace) -> int:
    from warehouse_app.clock import parse_iso

    res = ops.switch_to_presale(
        conn_of(args),
        args.sku,
        days=args.days,
        available_at=parse_iso(args.available_at) if args.available_at else None,
        operator=args.operator,
    )
    if args.format == "json":
        _out(args, res, "json")
    else:
        _out(args, [res], args.format)
    print(
        f"⚠ 转预售 / PRESALE {res['sku']}: {res['short_orders']} 单新承诺 {res['new_ship_by']}；"
        f"`plan contacts --output FILE.csv` 导出客户通知名单 / {res['short_orders']} order(s) newly promised; "
        "export the buyers to tell with `plan contacts --output FILE.csv`",
        file=sys.stderr,
    )
    return 0


def cmd_contacts(args: argparse.Namespace) -> int:
    from warehouse_app.promo.presale import CONTACT_COLUMNS, contact_list, write_contact_list

    conn = conn_of(args)
    if args.output:
        res = write_contact_list(conn, args.output, sku=args.sku, lang=args.lang)
        print(json.dumps(res, ensure_ascii=False))
        return 0
    rows = contact_list(conn, args.sku)
    _out(args, rows, args.format, None if args.format == "json" else CONTACT_COLUMNS)
    return 0


def cmd_timezone(args: argparse.Namespace) -> int:
    from warehouse_app.localtime import station_zone, zone_name

    conn = conn_of(args)
    if args.zone is not None:
        ops.set_timezone(conn, args.zone, operator=args.operator)
    print(json.dumps({"timezone": zone_name(station_zone(conn))}, ensure_ascii=False))
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from warehouse_app.promo.plan import list_plans

    conn = conn_of(args)
    adjustments = []
    for a in args.adjust:
        pid, _, qty = a.rpartition("=")
        try:
            adjustments.append((pid, int(qty)))
        except ValueError:
            raise StationError(
                f"--adjust wants PLAN_ID=QTY, got {a!r}", zh=f"--adjust 格式应为 计划号=数量：{a!r}"
            ) from None
    made = ops.plan_batches(conn, adjustments, create=args.create, operator=args.operator)
    rows = list_plans(conn)
    _out(
        args,
        rows if args.format != "json" else {"plans": rows, "created": made},
        args.format,
        None
        if args.format == "json"
        else [
            "plan_id",
            "session_id",
            "sku_set",
            "qty",
            "suggested_qty",
            "pack_from",
            "pack_until",
            "status",
            "batch_id",
            "warning",
        ],
    )
    for r in rows:
        if r.get("warning"):
            print(f"⚠ {r['plan_id']}: {r['warning_zh']} / {r['warning']}", file=sys.stderr)
    return 0


def cmd_promises(args: argparse.Namespace) -> int:
    from warehouse_app.promo.shipping import backlog

    conn = conn_of(args)
    ops.assign_promises(conn, recompute=args.recompute)
    _out(
        args,
        backlog(conn),
        args.format,
        None
        if args.format == "json"
        else ["tier", "open_orders", "at_risk", "overdue", "next_due"],
    )
    return 0


def cmd_at_risk(args: argparse.Namespace) -> int:
    from warehouse_app.promo.shipping import at_risk_orders, countdown

    rows = at_risk_orders(conn_of(args), limit=args.limit)
    for r in rows:
        r["countdown"] = countdown(r["seconds_left"])
    _out(
        args,
        rows,
        args.format,
        None
        if args.format == "json"
        else ["order_id", "tier", "ship_by", "countdown", "state", "carrier", "sku_set"],
    )
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from warehouse_app.promo.shipping import work_queue

    _out(args, work_queue(conn_of(args), limit=args.limit, sku_set=args.sku_set), args.format)
    return 0


def cmd_position(args: argparse.Namespace) -> int:
    from warehouse_app.promo.stock import stock_position

    conn = conn_of(args)
    rows = stock_position(conn)
    if args.format != "json":
        # a SKU never counted reads 'unknown' (未知), never 0
        rows = [
            {k: ("unknown" if v is None and k in _STOCK_KEYS else v) for k, v in r.items()}
            for r in rows
        ]
    cols = [
        "sku",
        "demand",
        "loose",
        "in_parcels",
        "shipped",
        "on_hand",
        "supply",
        "gap",
        "reorder_now",
    ]
    _out(args, rows, args.format, None if args.format == "json" else cols)
    _warn_oversell(conn)
    return 0


_STOCK_KEYS = {"stock", "loose", "on_hand", "supply", "gap"}


SPLIT_COLUMNS = [
    "carrier",
    "role",
    "regions",
    "target_share",
    "orders",
    "realised_share",
    "deviation_pp",
    "within_target",
    "capacity_today",
    "used_today",
    "left_today",
    "failing",
    "why",
]


def _by_rule_text(by_rule: dict[str, int], lang: str) -> str:
    zh = {"region": "按区域", "share": "按份额", "dynamic": "机动"}
    return ", ".join(f"{zh.get(k, k) if lang == 'zh' else k} {v}" for k, v in by_rule.items())


def cmd_allocate(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    s = ops.allocate(conn, operator=args.operator)
    rows = s.pop("deviation")
    if args.format == "json":
        _out(args, {"allocation": s, "split": rows}, "json")
    else:
        if args.format == "table":
            print(
                f"已分配 {s['orders']} 单 / allocated {s['orders']} order(s): "
                f"{_by_rule_text(s['by_rule'], args.lang)}"
            )
        _out(args, rows, args.format, SPLIT_COLUMNS)
    if s.get("unallocated"):
        print(
            f"⚠ {s['unallocated']} 单找不到有运力且覆盖其区域的快递，等待下次分配 / "
            f"{s['unallocated']} order(s) found no carrier with room covering their region: they wait",
            file=sys.stderr,
        )
    if s.get("waiting_for_waybill"):
        print(
            f"⚠ {s['waiting_for_waybill']} 单等待面单号（电子面单平台未配置或不可达，本站不自行生成单号），"
            f"恢复后运行 carrier waiting --fetch / {s['waiting_for_waybill']} order(s) wait for their "
            "waybill number (no e-waybill provider configured or reachable; the station makes none "
            "up): `carrier waiting --fetch` when it is back",
            file=sys.stderr,
        )
    for r in rows:
        if not r["within_target"]:
            print(
                f"⚠ 份额偏差 / OFF TARGET {r['carrier']}: {r['realised_share']:.1%} vs "
                f"{r['effective_target']:.1%} ({r['deviation_pp']:+.1f} pp): {r['why_zh']} / {r['why']}",
                file=sys.stderr,
            )
    _warn_oversell(conn)
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from warehouse_app.promo import config

    conn = conn_of(args)
    if args.key is None:
        print(json.dumps(config.all_config(conn), ensure_ascii=False, indent=2))
        return 0
    if args.value is None:
        if args.key not in config.DEFAULTS:
            raise StationError(
                f"Unknown promo setting {args.key!r}", zh=f"未知的大促设置 {args.key!r}"
            )
        print(json.dumps(config.get(conn, args.key), ensure_ascii=False))
        return 0
    try:
        value = json.loads(args.value)
    except json.JSONDecodeError as exc:
        raise StationError(
            f"Value must be JSON (e.g. 1.5 or [14, 7]): {exc}", zh=f"值必须是 JSON：{exc}"
        ) from exc
    ops.set_config(conn, args.key, value, operator=args.operator)
    print(json.dumps({args.key: value}, ensure_ascii=False))
    return 0


# ---------------------------------------------------------------- carrier


def cmd_rules(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import load_rules, read_rules_file

    conn = conn_of(args)
    if args.file:
        ops.set_carrier_rules(conn, read_rules_file(args.file), operator=args.operator)
    rows = [
        {
            **r.__dict__,
            "regions": ",".join(r.regions),
            "next_day_regions": ",".join(r.next_day_regions),
            "coverage": ",".join(r.coverage) or "all",  # like the deviation report
        }
        for r in load_rules(conn)
    ]
    _out(args, rows, args.format)
    return 0


def _failover_row(res: dict[str, Any]) -> dict[str, Any]:
    return {
        "carrier": res["carrier"],
        "orders_open": res.get("orders_open"),
        "orders_moved": res["orders_moved"],
        "stuck": res.get("stuck", 0),
        "moved_to": ", ".join(f"{c} {n}" for c, n in res["moved_to"].items()) or "-",
        "reprints_queued": res["reprints_queued"],
    }


def _say_stuck(res: dict[str, Any]) -> None:
    if res.get("stuck"):
        room = res.get("capacity_left_before") or {}
        left = ", ".join(f"{c} {'∞' if v is None else v}" for c, v in room.items()) or "-"
        print(
            f"⚠ {res['carrier']}: {res['orders_moved']} / {res['orders_open']} 单已转移，{res['stuck']} 单无法转移"
            f"（其他快递剩余运力：{left}）；`carrier check --auto-failover` 会在有运力时继续转移 / "
            f"{res['orders_moved']} of {res['orders_open']} orders moved, {res['stuck']} stuck (capacity left "
            f"elsewhere: {left}); `carrier check --auto-failover` moves them when there is room",
            file=sys.stderr,
        )


def cmd_fail(args: argparse.Namespace) -> int:
    res = ops.fail_carrier(conn_of(args), args.carrier, reason=args.reason, operator=args.operator)
    if args.format == "json":
        _out(args, res, "json")
    else:
        _out(args, [_failover_row(res)], args.format)
    _say_stuck(res)
    return 0


def cmd_waybill_provider(args: argparse.Namespace) -> int:
    from warehouse_app.station import require_station

    conn = conn_of(args)
    require_station(conn)
    url = args.url.strip()
    if url and url not in ("hub", "demo") and not url.startswith(("http://", "https://")):
        raise StationError(
            f"The provider URL must start with http:// or https://, got {url!r}",
            zh=f"电子面单平台地址须以 http:// 或 https:// 开头：{url!r}",
        )
    ops.configure_waybill_provider(conn, url, args.app_key, args.secret, operator=args.operator)
    print(json.dumps({"ewaybill_url": url}))
    return 0


def cmd_waiting(args: argparse.Namespace) -> int:
    from warehouse_app.promo.waybills import waiting

    conn = conn_of(args)
    if args.fetch:
        res = ops.fetch_waiting_waybills(conn, operator=args.operator)
        print(json.dumps(res), file=sys.stderr)
    _out(args, waiting(conn), args.format)
    return 0


def cmd_carrier_add(args: argparse.Namespace) -> int:
    row = ops.add_carrier(
        conn_of(args),
        args.code,
        name=args.name,
        name_zh=args.name_zh,
        waybill_prefix=args.prefix,
        operator=args.operator,
    )
    _out(args, [row], args.format)
    return 0


def cmd_carrier_list(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import list_carriers

    _out(args, list_carriers(conn_of(args)), args.format)
    return 0


def cmd_carrier_import(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import import_carriers

    conn = conn_of(args)
    res = import_carriers(conn, args.file, skip_bad=args.skip_bad, operator=args.operator)
    for e in res["errors"]:
        print(f"{args.file}: {e}", file=sys.stderr)
    print(json.dumps({"carriers": res["carriers"], "bad_rows": len(res["errors"])}))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    ops.restore_carrier(conn_of(args), args.carrier, operator=args.operator)
    print(json.dumps({"carrier": args.carrier, "failing": False}))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    rows = ops.check_carriers(
        conn_of(args), auto_failover=args.auto_failover, operator=args.operator
    )
    _out(args, rows, args.format)
    for r in rows:  # said out loud, like the oversell warning
        if r["capacity_out"] and not r["failing"]:
            over = f", {r['over_capacity']} over" if r["over_capacity"] else ""
            hint = (
                ""
                if not r["over_capacity"] or args.auto_failover
                else " (--auto-failover moves them)"
            )
            print(
                f"⚠ 运力用尽 / CAPACITY OUT {r['carrier']}: {r['used_today']} of {r['capacity']} used today{over}"
                f"{hint}" + (f"; {r['action']}" if r["action"] else ""),
                file=sys.stderr,
            )
        elif r["action"]:
            print(
                f"⚠ 自动切换 / AUTO-FAILOVER {r['carrier']}: 转移 {r['moved']} 单，无法转移 {r['stuck']} 单 / "
                f"{r['action']}",
                file=sys.stderr,
            )
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import split_report

    _out(
        args,
        split_report(conn_of(args)),
        args.format,
        None if args.format == "json" else SPLIT_COLUMNS,
    )
    return 0


def cmd_reprints(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import open_print_requests

    _out(args, open_print_requests(conn_of(args)), args.format)
    return 0


def cmd_intercept_result(args: argparse.Namespace) -> int:
    ops.record_intercept_result(
        conn_of(args), args.order_id, bool(args.resolved), operator=args.operator
    )
    print(json.dumps({"order_id": args.order_id, "resolved": bool(args.resolved)}))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    res = ops.export_open_orders(
        conn_of(args), args.output, to_warehouse=args.to, operator=args.operator
    )
    print(json.dumps(res, ensure_ascii=False))
    print(
        f"⚠ {res['orders']} 单已标记为转至 {args.to}：本仓扫描将被拒绝 / {res['orders']} order(s) marked "
        f"transferred to {args.to}: scans here are refused",
        file=sys.stderr,
    )
    return 0


def cmd_warehouse_import(args: argparse.Namespace) -> int:
    from warehouse_app.promo.carriers import import_returned_orders

    res = import_returned_orders(conn_of(args), args.file, operator=args.operator)
    res.pop("errors", None)
    print(json.dumps(res, ensure_ascii=False))
    return 0


def cmd_return_scan(args: argparse.Namespace) -> int:
    from warehouse_app.returns import check_disposition, check_reason, scan_return
    from warehouse_app.scan_engine import ScanContext

    # checked once, before the first code: a typo refuses the whole command and records nothing
    reason = check_reason(args.reason) if args.reason is not None else None
    disposition = check_disposition(args.disposition) if args.disposition is not None else None
    conn = conn_of(args)
    ctx = ScanContext(mode="return", operator=args.operator, lang=args.lang)
    rejected = 0
    for code in args.codes:
        v = scan_return(conn, code, ctx, reason, disposition)
        rejected += 0 if v.ok else 1
        print(v.to_json(), flush=True)
    return 0 if rejected == 0 else 3


# ---------------------------------------------------------------- reports


def cmd_review(args: argparse.Namespace) -> int:
    from warehouse_app.promo.review import build_review, render_pdf, review_rows
    from warehouse_app.reports import format_csv, format_json, format_table

    conn = conn_of(args)
    review = build_review(conn)
    if args.format == "pdf":
        if not args.output:
            raise StationError(
                "A PDF review needs --output FILE.pdf", zh="PDF 复盘报告需要 --output 文件名.pdf"
            )
        from warehouse_app.promo.scorecard import scorecard

        try:
            sc = scorecard(conn)
        except StationError:
            sc = None
        path = render_pdf(review, args.output, sc)
        print(json.dumps({"pdf": str(path)}))
        return 0
    if args.format == "json":
        text = format_json(review)
    elif args.format == "csv":
        rows, cols = localize(review_rows(review), ["section", "key", "metric", "value"], args.lang)
        text = "\ufeff" + format_csv(rows, cols)
    else:
        rows, cols = localize(review_rows(review), ["section", "key", "metric", "value"], args.lang)
        text = format_table(rows, cols)
    if args.output:
        try:
            Path(args.output).write_text(
                text if text.endswith("\n") else text + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise StationError(
                f"Cannot write {args.output}: {exc}", zh=f"无法写入 {args.output}：{exc}"
            ) from exc
        print(json.dumps({args.format: str(args.output)}))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_scorecard(args: argparse.Namespace) -> int:
    from warehouse_app.promo.scorecard import score_parts, scorecard, suggested_split
    from warehouse_app.promo.weights import PARTS

    weights = None
    if args.weights:
        try:
            weights = json.loads(args.weights)
            assert isinstance(weights, dict)
        except (json.JSONDecodeError, AssertionError):
            raise StationError(
                '--weights must be a JSON object like {"response": 30}',
                zh='--weights 必须是 JSON 对象，例如 {"response": 30}',
            ) from None
    conn = conn_of(args)
    if args.set_weights:
        ops.set_scorecard_weights(conn, weights, operator=args.operator)
    rows = scorecard(conn, weights)
    if args.format == "json":
        _out(args, {"carriers": rows, "suggested_split": suggested_split(rows)}, "json")
        return 0
    w = json.loads(rows[0]["weights"]) if rows else {}
    if args.format == "table":
        zh = args.lang == "zh"
        print(
            ("权重 / weights: " if zh else "weights: ")
            + ", ".join(f"{VALUES_ZH.get(k, k) if zh else k} {w[k]:g}" for k in PARTS if k in w)
        )
    shown = [
        {
            k: ("no data" if v is None and k.endswith(("_score", "total")) else v)
            for k, v in r.items()
        }
        for r in rows
    ]
    cols = [
        "rank",
        "carrier",
        "total",
        "response_score",
        "peak_score",
        "coverage_score",
        "exceptions_score",
        "cost_score",
    ]
    _out(args, shown, args.format, cols)
    if args.format == "table":
        parts = [p for r in rows for p in score_parts(r)]
        print()
        _out(
            args,
            [{**p, "part": p["part"]} for p in parts],
            "table",
            ["carrier", "part", "weight", "score", "data"],
        )
    return 0


def cmd_returns_report(args: argparse.Namespace) -> int:
    from warehouse_app.returns import return_report

    rows = return_report(conn_of(args), args.by)
    if args.format != "json":  # nothing shipped: no rate, never 0 % or a blank cell
        rows = [{**r, "return_rate": _no_data_if_none(r["return_rate"])} for r in rows]
    _out(args, rows, args.format)
    return 0


def _no_data_if_none(v: Any) -> Any:
    return "no data" if v is None else v
