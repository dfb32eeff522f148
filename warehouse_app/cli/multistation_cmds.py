"""`warehouse-station transfer ...` and `warehouse-station conflicts`: working next to other
stations of the warehouse (cages moving between stations, the hub's conflict list)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from warehouse_app.cli.common import store_of
from warehouse_app.store.writer import StoreWriter


def _zh(args: argparse.Namespace) -> bool:
    return getattr(args, "lang", "zh") == "zh"


def cmd_transfer_receive(args: argparse.Namespace) -> int:
    """Online: the parcels of a cage that came from another station are scanned here; the hub
    records the move and both stations pick it up on their next sync."""
    from warehouse_app.sync.transfer import receive_online

    store = store_of(args)
    with StoreWriter(store) as writer:
        rows = receive_online(store, writer, list(args.codes))
    n = len(rows)
    print(f"已接收 {n} 个包裹" if _zh(args) else f"received {n} parcels")
    return 0


def cmd_transfer_out(args: argparse.Namespace) -> int:
    """Offline: the lead writes a transfer sheet for the cage going to another station."""
    from warehouse_app import multistation

    store = store_of(args)

    with StoreWriter(store) as writer:
        rows = writer.call(multistation.hand_over, args.codes, args.to, operator=args.operator)
    Path(args.sheet).write_text(
        json.dumps({"transfers": rows}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(
        f"{len(rows)} 个包裹转给站点 {args.to}，转移单：{args.sheet}"
        if _zh(args)
        else f"{len(rows)} parcels to station {args.to}; transfer sheet: {args.sheet}"
    )
    return 0


def cmd_transfer_in(args: argparse.Namespace) -> int:
    from warehouse_app import multistation

    store = store_of(args)  # an uninitialised station says so before anything else
    with StoreWriter(store) as writer:
        taken = writer.call(multistation.take_transfer_sheet, args.sheet, operator=args.operator)
    print(f"已接收 {len(taken)} 个包裹" if _zh(args) else f"received {len(taken)} parcels")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """The hub's conflict list as last pulled, plus this station's staleness warnings."""
    from warehouse_app import multistation

    store = store_of(args)
    conn = store.connect(readonly=True)
    try:
        rows = multistation.conflicts(conn, open_only=not args.all)
        warnings = multistation.staleness_warnings(conn)
    finally:
        conn.close()
    zh = _zh(args)
    if args.json:
        print(json.dumps({"conflicts": rows, "warnings": warnings}, ensure_ascii=False))
        return 0
    for wzh, wen in warnings:
        print(f"{'警告' if zh else 'warning'}: {wzh if zh else wen}")
    if not rows:
        print("没有冲突" if zh else "no conflicts")
    for r in rows:
        print(
            f"#{r['conflict_id']} {r['kind']} {r.get('order_id') or '-'} "
            f"{r.get('waybill') or '-'} {r.get('station_id') or '-'}: "
            f"{r['action_zh'] if zh else r['action_en']}"
        )
    return 0


def register(sub: Any) -> None:
    t = sub.add_parser("transfer", help="cages moving between stations / 笼车转站")
    ts = t.add_subparsers(dest="transfer_cmd", metavar="ACTION")
    r = ts.add_parser("receive", help="online: parcels scanned here came from another station")
    r.add_argument("codes", nargs="+")
    r.set_defaults(func=cmd_transfer_receive)
    o = ts.add_parser("out", help="offline: write a transfer sheet for a cage leaving")
    o.add_argument("codes", nargs="+")
    o.add_argument("--to", required=True, help="receiving station id")
    o.add_argument("--sheet", required=True, help="transfer sheet file to write (JSON)")
    o.add_argument("--operator", required=True, help="lead code")
    o.set_defaults(func=cmd_transfer_out)
    i = ts.add_parser("in", help="offline: take in the parcels of a transfer sheet")
    i.add_argument("--sheet", required=True)
    i.add_argument("--operator", required=True, help="lead code")
    i.set_defaults(func=cmd_transfer_in)
    c = sub.add_parser("conflicts", help="the hub's conflict list / 多站冲突列表")
    c.add_argument("--all", action="store_true", help="resolved ones too")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_conflicts)
