"""Core subcommands: init, operators, import, batches, scan, handoffs, reports, demo, status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warehouse_app import counts, operations
from warehouse_app.batches import (
    get_batch,
    list_batches,
)
from warehouse_app.cli.common import add_format, conn_of, emit, iso_time
from warehouse_app.errors import StationError
from warehouse_app.handoffs import (
    discrepancies,
    list_handoffs,
    manifest,
)
from warehouse_app.importer import read_skus
from warehouse_app.session import StationSession
from warehouse_app.station import check_station_id, require_station


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="set up this station / 初始化站点")
    p.add_argument("--station-id", required=True)
    p.add_argument("--name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("operator", help="packers and shift leads / 操作员")
    osub = p.add_subparsers(dest="op_cmd", required=True)
    q = osub.add_parser("add")
    q.add_argument("code")
    q.add_argument("name")
    q.add_argument("--role", choices=["packer", "lead"], default="packer")
    q.add_argument("--pin")
    q.set_defaults(func=cmd_operator_add)

    p = sub.add_parser(
        "import", help="import SKUs or orders from CSV / JSON Lines / 导入商品或订单"
    )
    p.add_argument("kind", choices=["skus", "orders"])
    p.add_argument("file")
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows even if some rows are bad (default: import nothing)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batch", help="pre-pack batches / 预包装批次")
    bsub = p.add_subparsers(dest="batch_cmd", required=True)
    q = bsub.add_parser("create")
    q.add_argument("--sku-set", required=True, help="contents, e.g. SKU-LIP-01*1+SKU-SERUM-30*1")
    q.add_argument("--kind", choices=["presale", "anonymous"], default="presale")
    q.add_argument("--qty", type=int)
    q.add_argument("--session")
    q.add_argument("--weight-tolerance", type=int, help="grams")
    q.add_argument("--operator", default="CLI")
    q.add_argument("--start", action="store_true", help="start the batch right away")
    q.set_defaults(func=cmd_batch_create)
    q = bsub.add_parser("list")
    add_format(q)
    q.add_argument("--status")
    q.set_defaults(func=cmd_batch_list)
    for verb in ("start", "pause", "done", "bind", "show"):
        q = bsub.add_parser(verb)
        q.add_argument("batch_id")
        q.add_argument("--operator", default="CLI")
        q.set_defaults(func=cmd_batch_verb, verb=verb)

    p = sub.add_parser("scan", help="scan codes, one JSON verdict per line / 扫描")
    p.add_argument("codes", nargs="+", help="codes, or - to read one code per line from stdin")
    p.add_argument("--mode", choices=["pack", "verify", "handoff", "pull", "return"], required=True)
    p.add_argument("--operator", default="CLI")
    p.add_argument("--batch")
    p.add_argument("--handoff")
    p.add_argument("--weight", type=int, help="parcel weight in grams (verify mode)")
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("handoff", help="carrier handoffs / 快递交接")
    hsub = p.add_subparsers(dest="handoff_cmd", required=True)
    q = hsub.add_parser("open")
    q.add_argument("--carrier", required=True)
    q.add_argument("--courier")
    q.add_argument("--vehicle")
    q.add_argument("--operator", default="CLI")
    q.set_defaults(func=cmd_handoff_open)
    q = hsub.add_parser("close")
    q.add_argument("handoff_id")
    q.add_argument("--operator", default="CLI")
    q.add_argument("--courier")
    q.add_argument("--vehicle")
    q.add_argument(
        "--print",
        dest="print_manifest",
        action="store_true",
        help="write the manifest (交接单) PDF for the courier to sign",
    )
    q.add_argument(
        "--output", type=Path, help="manifest PDF path (default: DATA_DIR/manifests/ID.pdf)"
    )
    q.set_defaults(func=cmd_handoff_close)
    q = hsub.add_parser("manifest", help="the manifest (交接单) of a handoff, as a PDF or a table")
    q.add_argument("handoff_id")
    q.add_argument(
        "--output", type=Path, help="manifest PDF path (default: DATA_DIR/manifests/ID.pdf)"
    )
    q.add_argument("--format", choices=["pdf", "table", "json", "csv"], default="pdf")
    q.set_defaults(func=cmd_handoff_manifest)
    q = hsub.add_parser("list")
    q.add_argument("--status", choices=["open", "closed"])
    add_format(q)
    q.set_defaults(func=cmd_handoff_list)
    q = hsub.add_parser("show")
    q.add_argument("handoff_id")
    add_format(q)
    q.set_defaults(func=cmd_handoff_show)

    p = sub.add_parser("report", help="reports for shift leads / 报表")
    rsub = p.add_subparsers(dest="report_cmd", required=True)
    q = rsub.add_parser("handoffs", help="handoff counts per carrier, hour and operator")
    q.add_argument("--since", type=iso_time, help="ISO time, inclusive")
    q.add_argument("--until", type=iso_time, help="ISO time, exclusive")
    add_format(q)
    q.set_defaults(func=cmd_report_handoffs)
    q = rsub.add_parser(
        "discrepancies", help="verified but not handed off; intercepted but not pulled"
    )
    add_format(q)
    q.set_defaults(func=cmd_discrepancies)

    p = sub.add_parser("demo", help="fill this station with an embedded promo demo / 演示数据")
    p.add_argument("--orders", type=int, default=3000)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--station-id", default="DEMO-ST01")
    p.add_argument("--no-progress", action="store_true", help="only data, no parcels scanned yet")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("status", help="station overview / 站点概况")
    add_format(p, "table")
    p.set_defaults(func=cmd_status)


def cmd_init(args: argparse.Namespace) -> int:
    check_station_id(args.station_id)  # before a database file is created
    conn = conn_of(args, create=True)
    operations.init_station(conn, args.station_id, args.name)
    print(f"station {args.station_id} ready / 站点已就绪")
    return 0


def cmd_operator_add(args: argparse.Namespace) -> int:
    operations.add_operator(conn_of(args), args.code, args.name, args.role, args.pin)
    print(f"operator {args.code} saved")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    require_station(conn)
    if args.kind == "orders":
        # streamed in constant memory, UTF-8 or GB18030, one transaction (importer.import_orders_file)
        from warehouse_app.importer import ImportRefused, import_orders_file

        try:
            summary = import_orders_file(conn, args.file, skip_bad=args.skip_bad)
        except ImportRefused as exc:
            for e in exc.errors:
                print(f"{args.file}: {e}", file=sys.stderr)
            raise
        for e in summary.pop("errors"):
            print(f"{args.file}: {e}", file=sys.stderr)
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    rows, errors = read_skus(args.file)
    for e in errors:
        print(f"{args.file}: {e}", file=sys.stderr)
    if errors and not args.skip_bad:
        raise StationError(
            f"{len(errors)} bad row(s) in {args.file}; nothing imported. Fix them, or pass --skip-bad "
            f"to import the {len(rows)} good row(s).",
            zh=(
                f"{args.file} 有 {len(errors)} 行错误，未导入任何数据。"
                f"请修正，或加 --skip-bad 只导入 {len(rows)} 行正确数据。"
            ),
        )
    n = operations.import_skus(conn, rows)["skus"]
    print(json.dumps({"skus": n, "bad_rows": len(errors)}, ensure_ascii=False))
    return 0


def cmd_batch_create(args: argparse.Namespace) -> int:
    b = operations.create_batch(
        conn_of(args),
        sku_set=args.sku_set,
        kind=args.kind,
        qty=args.qty,
        session_id=args.session,
        operator=args.operator,
        weight_tolerance_g=args.weight_tolerance,
        start=args.start,
    )
    print(json.dumps(b, ensure_ascii=False))
    return 0


def _batch_row(conn: Any, b: dict[str, Any]) -> dict[str, Any]:
    """The same counts as the lead's Batches tab and the packer's counter (core counts)."""
    c = counts.batch_progress(conn, b["batch_id"])
    return {
        "batch_id": b["batch_id"],
        "session": b["session_id"],
        "kind": b["kind"],
        "sku_set": b["sku_set"],
        "status": b["status"],
        "planned": b["planned_qty"],
        "packed": c["packed"],
        "verified": c["verified"],
        "handed_off": c["handed_off"],
        "intercepted": c["intercepted"],
    }


def cmd_batch_list(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    rows = [_batch_row(conn, b) for b in list_batches(conn, args.status)]
    emit(rows, args.format)
    return 0


def cmd_batch_verb(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    if args.verb == "show":
        b = get_batch(conn, args.batch_id)
        if b["kind"] == "anonymous":  # each parcel's pre-pack label, and whether it printed
            b["labels"] = operations.prepack_labels(conn, args.batch_id)
        print(json.dumps(b, ensure_ascii=False, indent=2))
        return 0
    if args.verb == "bind":
        n = operations.bind_batch(conn, args.batch_id, operator=args.operator)
        print(json.dumps({"batch_id": args.batch_id, "bound": n}))
        return 0
    status = {"start": "active", "pause": "paused", "done": "done"}[args.verb]
    b = operations.set_batch_status(conn, args.batch_id, status, operator=args.operator)
    print(json.dumps(_batch_row(conn, b), ensure_ascii=False))
    return 0


def _codes(args: argparse.Namespace) -> Iterator[str]:
    for c in args.codes:
        if c == "-":
            for line in sys.stdin:
                if line.strip():
                    yield line.strip()
        else:
            yield c


def cmd_scan(args: argparse.Namespace) -> int:
    """The station session on the command line: codes, badges and command cards, one JSON line
    each, printed (and flushed) only after its transaction committed."""
    conn = conn_of(args)
    require_station(conn)
    session = StationSession(
        mode=args.mode,
        operator=args.operator,
        batch_id=args.batch,
        handoff_id=args.handoff,
        lang=args.lang,
    )
    rejected = 0
    for code in _codes(args):
        out = session.scan(conn, code, weight_g=args.weight)
        if out.kind == "ignored":
            continue
        rejected += 0 if out.ok else 1
        print(json.dumps(out.to_dict(), ensure_ascii=False, separators=(",", ":")), flush=True)
    return 0 if rejected == 0 else 3


def cmd_handoff_open(args: argparse.Namespace) -> int:
    h = operations.open_handoff(
        conn_of(args),
        args.carrier,
        courier_name=args.courier,
        vehicle=args.vehicle,
        operator=args.operator,
    )
    print(json.dumps(h, ensure_ascii=False))
    return 0


def cmd_handoff_close(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    m = operations.close_handoff(
        conn,
        args.handoff_id,
        operator=args.operator,
        courier_name=args.courier,
        vehicle=args.vehicle,
    )
    out = {k: v for k, v in m.items() if k != "parcels"}
    if args.print_manifest:
        out["manifest_pdf"] = str(_write_manifest(args, conn, args.handoff_id))
    print(json.dumps(out, ensure_ascii=False))
    return 0


def _write_manifest(args: argparse.Namespace, conn: Any, handoff_id: str) -> Path:
    from warehouse_app.cli import data_dir_of
    from warehouse_app.manifests import write_manifest_pdf

    path = args.output or data_dir_of(args) / "manifests" / f"{handoff_id}.pdf"
    try:
        return write_manifest_pdf(conn, handoff_id, path)
    except OSError as exc:
        raise StationError(f"Cannot write {path}: {exc}", zh=f"无法写入 {path}：{exc}") from exc


def cmd_handoff_manifest(args: argparse.Namespace) -> int:
    conn = conn_of(args)
    if args.format != "pdf":
        return cmd_handoff_show(args)
    manifest(conn, args.handoff_id)  # a clear error for an unknown handoff before any file is made
    print(json.dumps({"manifest_pdf": str(_write_manifest(args, conn, args.handoff_id))}))
    return 0


def cmd_handoff_list(args: argparse.Namespace) -> int:
    emit(
        list_handoffs(conn_of(args), args.status),
        args.format,
        [
            "handoff_id",
            "carrier",
            "status",
            "parcel_count",
            "courier_name",
            "vehicle",
            "opened_at",
            "closed_at",
        ],
    )
    return 0


def cmd_handoff_show(args: argparse.Namespace) -> int:
    m = manifest(conn_of(args), args.handoff_id)
    if args.format == "json":
        emit(m, "json")
    else:
        if args.format == "table":
            print(
                f"{m['handoff_id']}  {m['carrier']}  {m['status']}  count={m['count']}  "
                f"courier={m['courier_name'] or '-'}  vehicle={m['vehicle'] or '-'}"
            )
        emit(
            m["parcels"],
            args.format,
            ["waybill", "order_id", "sort_code", "province", "handed_off_at"],
        )
    return 0


def cmd_report_handoffs(args: argparse.Namespace) -> int:
    from warehouse_app.localtime import day_hour_label, station_zone, zone_name

    conn = conn_of(args)
    r = counts.handoff_counts(conn, args.since, args.until)
    tz = station_zone(conn)
    for x in r["per_hour"]:
        x["hour_local"] = day_hour_label(x["hour"], tz)
    r["time_zone"] = zone_name(tz)
    if args.format == "json":
        emit(r, "json")
    elif args.format == "csv":
        rows = (
            [
                {
                    "group": "carrier",
                    "key": x["carrier"],
                    "hour": "",
                    "hour_local": "",
                    "parcels": x["parcels"],
                }
                for x in r["per_carrier"]
            ]
            + [
                {
                    "group": "hour",
                    "key": x["carrier"],
                    "hour": x["hour"],
                    "hour_local": x["hour_local"],
                    "parcels": x["parcels"],
                }
                for x in r["per_hour"]
            ]
            + [
                {
                    "group": "operator",
                    "key": x["operator"],
                    "hour": "",
                    "hour_local": "",
                    "parcels": x["parcels"],
                }
                for x in r["per_operator"]
            ]
        )
        emit(rows, "csv", ["group", "key", "hour", "hour_local", "parcels"])
    else:
        print(f"交接总数 / handed off: {r['total']}    时区 / time zone: {r['time_zone']}\n")
        print("按快递 / per carrier")
        emit(r["per_carrier"], "table")
        print("\n按小时 / per hour")
        emit(r["per_hour"], "table", ["hour_local", "carrier", "parcels"])
        print("\n按操作员 / per operator")
        emit(r["per_operator"], "table")
    return 0


def cmd_discrepancies(args: argparse.Namespace) -> int:
    d = discrepancies(conn_of(args))
    if args.format == "json":
        emit(d, "json")
        return 0
    rows = [{"kind": k, **x} for k, xs in d.items() for x in xs]
    emit(rows, args.format, ["kind", "parcel_id", "waybill", "order_id", "carrier"])
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from warehouse_app.demo import build_demo

    if args.orders < 1:  # before a database file is created
        raise StationError(
            f"--orders must be at least 1, got {args.orders}",
            zh=f"--orders 至少为 1：{args.orders}",
        )
    check_station_id(args.station_id)
    conn = conn_of(args, create=True)
    if operations.has_orders(conn):
        raise StationError(
            "This station already has data; give the demo an empty --data-dir",
            zh="该站点已有数据，请为演示指定一个空的 --data-dir",
        )
    info = build_demo(
        conn,
        orders=args.orders,
        seed=args.seed,
        station_id=args.station_id,
        progress=not args.no_progress,
    )
    print(json.dumps({k: v for k, v in info.items() if k != "sku_sets"}, ensure_ascii=False))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    row = counts.station_overview(conn_of(args))
    if args.format == "json":
        emit(row, "json")
    else:
        emit([row], args.format)
    return 0
