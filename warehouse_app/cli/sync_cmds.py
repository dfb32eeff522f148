"""`warehouse-station sync ...`: configure, run one sync, show status, hub-wide handoff report."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from warehouse_app.cli.common import iso_time, store_of
from warehouse_app.errors import StationError
from warehouse_app.store.writer import StoreWriter

logger = logging.getLogger(__name__)


def _zh(args: argparse.Namespace) -> bool:
    return getattr(args, "lang", "zh") == "zh"


def cmd_sync(args: argparse.Namespace) -> int:
    if args.sync_cmd is None and not args.once:
        raise StationError(
            "Use `sync --once`, `sync status`, `sync configure` or `sync report`.",
            zh="请使用 `sync --once`、`sync status`、`sync configure` 或 `sync report`。",
        )
    from warehouse_app.sync import SyncService

    store = store_of(args)
    with StoreWriter(store) as writer:
        svc = SyncService(store, writer, timeout_s=args.timeout, batch_size=args.batch_size)
        res = svc.sync_once()
    print(
        f"pushed {res.pushed} (duplicates {res.duplicates}), pulled {res.pulled}, "
        f"acked seq {res.acked_seq}, waiting {res.pending_events}"
        if not _zh(args)
        else f"已上传 {res.pushed} 条（重复 {res.duplicates}），已下载 {res.pulled} 条，"
        f"上游确认至 {res.acked_seq}，待上传 {res.pending_events}"
    )
    if res.resynced:
        print(
            "上游已从备份恢复：本站已重新全量下载订单与资料。"
            if _zh(args)
            else "the hub was restored from a backup: this station pulled everything again."
        )
    return 0


def _age(seconds: float | None, zh: bool) -> str:
    if seconds is None:
        return "从未" if zh else "never"
    s = int(max(seconds, 0))
    text = f"{s // 3600}h{(s % 3600) // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"
    return f"{text}前" if zh else f"{text} ago"


def cmd_status(args: argparse.Namespace) -> int:
    from warehouse_app.sync import HubClient, SyncError, load_config, read_status

    store = store_of(args)
    status = read_status(store)
    online = status.online
    probe_error: str | None = None
    if status.configured and not args.no_probe:
        conn = store.connect(readonly=True)
        try:
            cfg = load_config(conn)
        finally:
            conn.close()
        assert cfg is not None
        try:
            with HubClient(
                cfg.hub_url, cfg.token, ca_file=cfg.ca_file, timeout_s=3.0, connect_timeout_s=2.0
            ) as client:
                client.ack()  # proves the hub is up and the token is accepted
            online = True
        except SyncError as exc:
            online = False
            probe_error = exc.zh if _zh(args) else str(exc)
    # reachable is not enough: the hub may answer and still refuse this station's events
    recorded = status.last_error_en or ""
    refused = (
        online
        and not status.online
        and any(k in recorded for k in ("HTTP 4", "refused", "rejected", "not trusting"))
    )
    d = status.to_dict()
    d["online"] = online
    d["uploads"] = "refused" if refused else ("accepted" if online else "unknown")
    if refused:
        d["last_error_en"], d["last_error_zh"] = recorded, status.last_error_zh
    if probe_error:
        d["probe_error"] = probe_error
    if args.json:
        print(json.dumps(d, ensure_ascii=False))
        return 0
    zh = _zh(args)
    if not status.configured:
        print("同步：未配置" if zh else "sync: not configured")
    else:
        if refused:
            word = "在线，但上传被拒绝" if zh else "online but REFUSED"
        else:
            word = (
                ("在线，上传正常" if online else "离线")
                if zh
                else ("online and accepted" if online else "offline")
            )
        print(f"{'上游' if zh else 'hub'}: {status.hub_url}  [{word}]")
        warning = plain_http_warning(status.hub_url or "")
        if warning:
            print(warning)
        if refused:
            print(
                f"{'拒绝原因' if zh else 'refused because'}: {status.last_error_zh if zh else recorded}"
            )
    print(
        f"{'待上传事件' if zh else 'events waiting'}: {status.pending_events}"
        f"  ({'上游已确认至' if zh else 'acked up to'} {status.acked_seq} / {status.last_seq})"
    )
    print(
        f"{'上次下载' if zh else 'last pull'}: {_age(status.last_pull_age_s(), zh)}"
        f"{'' if not status.last_pull_at else f'  ({status.last_pull_at})'}"
    )
    print(
        f"{'上次上传' if zh else 'last push'}: {status.last_push_at or ('从未' if zh else 'never')}"
    )
    err = probe_error or status.last_error("zh" if zh else "en")
    if err and not online:
        print(f"{'最近错误' if zh else 'last error'}: {err}")
    if "refused" in (status.last_error_en or ""):
        # the hub answers (so a probe says online) but will not take this PC's events
        print(
            f"{'上传被上游拒绝' if zh else 'uploads REFUSED by the hub'}: "
            f"{status.last_error('zh' if zh else 'en')}"
        )
        print(
            "新电脑接替旧站点时，请在上游运行 `warehouse-hub station replace 站点编号`，再配置新令牌"
            if zh
            else "a new PC for an old station id: run `warehouse-hub station replace ID` on the "
            "hub, then configure the new token"
        )
    _print_leases(store, zh)
    if status.clock_offset_s is not None and abs(status.clock_offset_s) > 120:
        print(
            f"{'警告：本机时钟与上游相差' if zh else 'warning: station clock is off from the hub by'} "
            f"{status.clock_offset_s:+.0f}s"
        )
    return 0


def _print_leases(store: Any, zh: bool) -> None:
    """With the hub dividing the work: each lease's age, time left and open orders."""
    from warehouse_app import multistation

    conn = store.connect(readonly=True)
    try:
        if not multistation.hub_divides_work(conn):
            return
        leases = multistation.lease_status(conn)
        warnings = multistation.staleness_warnings(conn)
    finally:
        conn.close()
    if not leases:
        print("租约：无（先联网同步）" if zh else "lease: none yet (sync while online)")
    for d in leases:
        state = ("已过期" if zh else "EXPIRED") if d["expired"] else ""
        print(
            f"{'租约' if zh else 'lease'} {d['sku_set']}: {d['open_orders']}/{d['orders']} "
            f"{'单可绑定' if zh else 'orders open'}, {'发放于' if zh else 'granted'} "
            f"{_age(d['age_s'], zh)}, {'到期' if zh else 'expires'} {d['expires_at'] or '-'} {state}"
        )
    for wzh, wen in warnings:
        print(f"{'警告' if zh else 'warning'}: {wzh if zh else wen}")


def cmd_configure(args: argparse.Namespace) -> int:
    from warehouse_app.sync import HubClient, SyncError, save_config

    url = args.hub_url.strip()
    if not url.startswith(("http://", "https://")):
        raise StationError(
            f"Hub URL must start with http:// or https://, got {url!r}",
            zh=f"上游地址必须以 http:// 或 https:// 开头：{url!r}",
        )
    try:
        import httpx

        if not httpx.URL(url).host:
            raise ValueError("no host")
    except (httpx.InvalidURL, ValueError) as exc:
        raise StationError(
            f"Hub URL {url!r} is not valid: {exc}", zh=f"上游地址 {url!r} 无效：{exc}"
        ) from exc
    token = _read_token(args)
    if not token:
        raise StationError("The token is empty.", zh="令牌为空。")
    warning = plain_http_warning(url)
    if warning:
        print(warning, file=sys.stderr)
        logger.warning("hub configured over plain http beyond this PC: %s", url)
    if not args.no_check:
        try:
            with HubClient(url, token, ca_file=args.ca_file, timeout_s=5.0) as client:
                client.ack()
        except SyncError as exc:
            raise StationError(
                f"Not saved: {exc} (use --no-check to save while offline)",
                zh=f"未保存：{exc.zh}（离线时可加 --no-check 先保存）",
            ) from exc
    store = store_of(args)
    with StoreWriter(store) as writer:
        writer.call(save_config, url, token, args.ca_file)
    logger.info("sync configured for hub %s", url)
    print(f"已保存上游配置：{url}" if _zh(args) else f"hub configured: {url}")
    return 0


def _read_token(args: argparse.Namespace) -> str:
    """From --token-file, --token-stdin, --token (visible in the process list), or a prompt."""
    if args.token_file:
        try:
            return Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise StationError(
                f"Cannot read the token file {args.token_file}: {exc}",
                zh=f"无法读取令牌文件 {args.token_file}：{exc}",
            ) from exc
    if args.token_stdin:
        return sys.stdin.readline().strip()
    if args.token is not None:
        return str(args.token).strip()
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("上游令牌 / hub token: ").strip()
    raise StationError(
        "No token given: use --token-file FILE, --token-stdin, or run in a terminal to be asked.",
        zh="未提供令牌：请用 --token-file 文件、--token-stdin，或在终端中运行以输入。",
    )


def plain_http_warning(url: str) -> str | None:
    """A token sent over http:// to another machine can be read on the network."""
    import ipaddress

    import httpx

    u = httpx.URL(url)
    if u.scheme != "http":
        return None
    host = (u.host or "").strip("[]")
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        if host == "localhost":
            return None
    return (
        f"警告 / warning: 上游地址使用 http://，令牌将以明文经过网络（{host}）；请改用 https://。\n"
        f"  The hub URL is plain http://: the token crosses the network to {host} unencrypted; "
        "use https://."
    )


def cmd_report(args: argparse.Namespace) -> int:
    from warehouse_app.sync import HubClient, SyncError, load_config

    store = store_of(args)
    conn = store.connect(readonly=True)
    try:
        cfg = load_config(conn)
    finally:
        conn.close()
    if cfg is None:
        raise StationError("Sync is not configured.", zh="尚未配置同步。")
    try:
        with HubClient(cfg.hub_url, cfg.token, ca_file=cfg.ca_file, timeout_s=10.0) as client:
            rep = client.handoff_report(args.since)
    except SyncError as exc:
        raise StationError(str(exc), zh=exc.zh) from exc
    if args.json:
        print(json.dumps(rep, ensure_ascii=False))
        return 0
    zh = _zh(args)
    print("站点\t快递\t小时\t件数" if zh else "station\tcarrier\thour\tparcels")
    for r in rep.get("rows", []):
        print(f"{r['station_id']}\t{r['carrier']}\t{r['hour']}\t{r['parcels']}")
    print(f"{'合计' if zh else 'total'}: {rep.get('total', 0)}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands."""
    p = sub.add_parser(
        "sync",
        help="upstream sync / 上游同步",
        description="Push events to the hub and pull orders, cancellations, SKUs, carriers, "
        "batch plans and settings.",
    )
    p.add_argument(
        "--once", action="store_true", help="run one full sync now and exit (non-zero if offline)"
    )
    p.add_argument(
        "--timeout", type=float, default=15.0, help="seconds to wait for the hub per request"
    )
    p.add_argument("--batch-size", type=int, default=1000, help="events per push request")
    p.set_defaults(func=cmd_sync, sync_cmd=None)
    ss = p.add_subparsers(dest="sync_cmd", metavar="ACTION")
    s = ss.add_parser("status", help="online/offline, events waiting, age of last pull")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--no-probe", action="store_true", help="don't contact the hub, show recorded state only"
    )
    s.set_defaults(func=cmd_status)
    c = ss.add_parser("configure", help="set the hub URL and this station's token")
    c.add_argument("--hub-url", required=True)
    src = c.add_mutually_exclusive_group()
    src.add_argument("--token", help="the token (visible to other users: prefer the others)")
    src.add_argument("--token-file", help="read the token from this file")
    src.add_argument("--token-stdin", action="store_true", help="read the token from stdin")
    c.add_argument("--ca-file", help="PEM CA bundle for a hub with a private certificate")
    c.add_argument("--no-check", action="store_true", help="save without contacting the hub")
    c.set_defaults(func=cmd_configure)
    r = ss.add_parser("report", help="handoff counts across all stations (from the hub)")
    r.add_argument("--since", type=iso_time, help="ISO time")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_report)
