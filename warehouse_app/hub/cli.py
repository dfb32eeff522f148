"""`warehouse-hub`: run the hub, manage station tokens, import reference data, report.

Management commands open the hub DB directly (SQLite and PostgreSQL both allow the server to
keep running), so an admin can add a station or import orders on the hub machine without any
token. The database is `--database-url` (sqlite:///path or postgresql://...), else the
WAREHOUSE_HUB_DATABASE_URL environment variable, else DATA_DIR/hub.db.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import secrets
import signal
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warehouse_app.errors import StationError
from warehouse_app.hub.settings import SERVE_SETTINGS, data_dir_default, env_default
from warehouse_app.hub.storage import (
    DATABASE_URL_ENV,
    SchemaTooNew,
    SqlHubStorage,
    hash_token,
    is_postgres,
    sqlite_path,
)
from warehouse_app.hub.storage import open_storage as _open_storage

logger = logging.getLogger(__name__)


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir)


def _url_of(args: argparse.Namespace) -> str:
    """--database-url, else the environment, else DATA_DIR/hub.db; neither given: say so."""
    url = getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV)
    if url:
        return str(url)
    if not getattr(args, "data_dir", None):
        raise StationError(
            f"No hub database: give --data-dir, --database-url or {DATABASE_URL_ENV}.",
            zh=f"未指定上游数据库：请给出 --data-dir、--database-url 或 {DATABASE_URL_ENV}。",
        )
    return f"sqlite:///{Path(args.data_dir) / 'hub.db'}"


def _where(args: argparse.Namespace) -> str:
    """The database for messages: a file path, or a URL without its password."""
    try:
        url = _url_of(args)
    except StationError:
        return "hub.db"
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    import re

    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def open_storage(args: argparse.Namespace | Path, create: bool = False) -> SqlHubStorage:
    """The hub DB. Only `serve`, `station add` and `import` may start a new SQLite hub: the
    other commands on a mistyped --data-dir say so instead of leaving an empty hub.db there."""
    if isinstance(args, Path):
        args = argparse.Namespace(data_dir=str(args), database_url=None)
    url = _url_of(args)
    path = sqlite_path(url)
    if path is not None:
        d = path.parent
        if d.exists() and not d.is_dir():
            raise StationError(
                f"--data-dir {d} is a file, not a folder.", zh=f"--data-dir {d} 是文件，不是目录。"
            )
        if not create and not path.is_file():
            raise StationError(
                f"No hub database at {path}: check --data-dir (a new hub starts with "
                "`warehouse-hub station add` or `serve`).",
                zh=f"没有上游数据库 {path}：请检查 --data-dir（新上游请先 `station add` 或 `serve`）。",
            )
    elif not is_postgres(url):
        raise StationError(
            f"Unsupported database URL {_where(args)}: use sqlite:///path or postgresql://...",
            zh=f"不支持的数据库地址 {_where(args)}：请用 sqlite:///路径 或 postgresql://...",
        )
    try:
        return _open_storage(url)
    except SchemaTooNew as exc:
        raise StationError(
            f"{exc}.", zh="上游数据库由更新版本的上游软件升级过，请先升级本软件。"
        ) from exc


@contextlib.contextmanager
def hub_storage(args: argparse.Namespace, create: bool = False) -> Iterator[SqlHubStorage]:
    """The hub DB for one management command, closed however the command ends."""
    storage = open_storage(args, create=create)
    try:
        yield storage
    finally:
        storage.close()


def _show_token(what: str, token: str) -> None:
    """A new token is printed once, never stored in clear: the hub keeps its hash."""
    print(f"{what} Token (shown only once) / 令牌（仅显示一次）:")
    print(token)


def _no_warehouse(exc: KeyError) -> StationError:
    return StationError(f"No warehouse {exc.args[0]}.", zh=f"没有仓库 {exc.args[0]}。")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


def cmd_db_migrate(args: argparse.Namespace) -> int:
    """Upgrade an existing hub database (a new one starts with `serve` or `station add`)."""
    with hub_storage(args) as storage:
        print(f"hub schema version {storage.schema_version()} / 数据库结构已是最新")
    return 0


def cmd_db_status(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        epoch, head = storage._head()
        print(f"database\t{_where(args)}")
        print(f"schema_version\t{storage.schema_version()}")
        print(f"epoch\t{epoch}")
        print(f"rev_head\t{head}")
        print(f"stations\t{len(storage.stations())}")
        from warehouse_app.hub.ledger import Ledger

        print(f"ledger_backlog\t{Ledger(storage).backlog()}")  # events not yet applied
    return 0


def cmd_db_restored(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        epoch = storage.new_epoch("an admin marked the database as restored")
    print(f"new epoch {epoch}: stations re-sync fully / 新纪元，各站点将全量重新同步")
    return 0


def cmd_db_archive(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from warehouse_app.clock import iso, utcnow

    before = iso(utcnow() - timedelta(days=args.older_than_days))
    with hub_storage(args) as storage:
        n = storage.archive_events(before)
    print(f"archived {n} events received before {before} / 已归档 {n} 条事件")
    return 0


def _iso_time(text: str) -> str:
    from warehouse_app.clock import iso, parse_iso

    try:
        return iso(parse_iso(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None


def _port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {n}")
    return n


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from warehouse_app.hub.app import create_app
        from warehouse_app.hub.ops import AuthLimiter, configure_logging
        from warehouse_app.hub.server import Limits, serve, serve_workers
    except ImportError as exc:  # a station install: the hub is the [hub] extra
        raise StationError(
            f"The hub server is not installed ({exc.name}): pip install 'warehouse-station[hub]'",
            zh=f"未安装中心服务（缺少 {exc.name}）：pip install 'warehouse-station[hub]'",
        ) from exc

    if args.log_format not in ("json", "text"):
        raise StationError(
            f"--log-format must be json or text, got {args.log_format!r}",
            zh=f"--log-format 只能是 json 或 text：{args.log_format!r}",
        )
    configure_logging(args.log_format, args.log_level)
    if bool(args.tls_cert) != bool(args.tls_key):
        raise StationError(
            "--tls-cert and --tls-key go together.", zh="--tls-cert 与 --tls-key 必须同时提供。"
        )
    for f in (args.tls_cert, args.tls_key):
        if f and not Path(f).is_file():
            raise StationError(f"TLS file not found: {f}", zh=f"找不到 TLS 文件：{f}")
    if args.workers < 1 or args.max_queue < 1 or args.max_latency_ms < 1:
        raise StationError(
            "--workers, --max-queue and --max-latency-ms must be 1 or more.",
            zh="--workers、--max-queue 与 --max-latency-ms 必须至少为 1。",
        )
    storage = open_storage(args, create=True)  # migrates once, before any worker starts
    url = storage.url

    def build(storage: SqlHubStorage) -> Any:
        storage.warm_up()  # connections open before the first station's request
        return create_app(
            storage,
            max_body=args.max_body_bytes,
            limiter=AuthLimiter(args.auth_fail_limit, args.auth_fail_window_s, args.auth_block_s),
            webhooks=True,
            ledger_process=True,
            max_queue=args.max_queue,
            max_latency_ms=args.max_latency_ms,
        )

    limits = Limits(
        header_timeout_s=args.header_timeout_s,
        body_timeout_s=args.body_timeout_s,
        keep_alive_s=args.keepalive_s,
        max_connections=args.max_connections,
    )
    opts: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "limits": limits,
        "ssl_certfile": args.tls_cert,
        "ssl_keyfile": args.tls_key,
        "forwarded_allow_ips": args.trusted_proxies,
        "log_level": args.log_level,
    }
    logger.info(
        "hub serving %s on %s:%s (%d worker(s))", _where(args), args.host, args.port, args.workers
    )
    from warehouse_app.hub.backup import serve_lock

    path = sqlite_path(url)
    lock_dir = path.parent if path is not None else None
    with serve_lock(lock_dir) if lock_dir else _no_lock():  # `restore` refuses while held
        follower = spawn_ledger_follower(url)
        try:
            if args.workers > 1:
                storage.close()  # each worker opens its own connections after the fork
                serve_workers(lambda: build(_open_storage(url)), workers=args.workers, **opts)
                return 0
            try:
                serve(build(storage), **opts)
            finally:
                storage.close()
        finally:
            stop_process(follower)
    return 0


# the ledger process yields the CPU to requests: it may fall behind in a burst and catch up
LEDGER_NICE = 5


def spawn_ledger_follower(url: str) -> int:
    """Fork the process that applies pushed events to the ledger (hub/ledger.py), apart from
    the request workers: its CPU work never holds a worker's GIL, and it runs at a lower
    priority, so pushes answer first and the ledger catches up in between. Returns its pid."""
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    code = 0  # the child: its own connections; the parent's inherited ones are never touched
    try:
        os.nice(LEDGER_NICE)
        try:  # its own name in top/ps (and for hub_load's CPU split, which nice cannot tell
            # apart when the whole hub already runs at nice 19)
            Path("/proc/self/comm").write_text("hub-ledger")
        except OSError:
            pass
        from warehouse_app.hub.ledger import Ledger, LedgerFollower

        storage = _open_storage(url)
        ledger = Ledger(storage)
        follower = LedgerFollower(ledger, interval_s=0.25)
        signal.signal(signal.SIGTERM, lambda *_: follower.stop_soon())
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (Ctrl+C hits all)
        follower.run(parent_pid=parent)
    except BaseException:
        logger.exception("ledger follower failed")
        code = 1
    os._exit(code)


def stop_process(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


@contextlib.contextmanager
def _no_lock() -> Iterator[bool]:
    yield True


def cmd_station_add(args: argparse.Namespace) -> int:
    token = secrets.token_urlsafe(32)
    with hub_storage(args, create=True) as storage:
        try:
            storage.add_station(args.station_id, hash_token(token))
        except ValueError as exc:
            raise StationError(
                f"Station {args.station_id} already exists; revoke it first to issue a new token.",
                zh=f"站点 {args.station_id} 已存在；如需新令牌请先吊销。",
            ) from exc
    _show_token(f"station {args.station_id} added.", token)
    return 0


def cmd_station_revoke(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        if not storage.revoke_station(args.station_id):
            raise StationError(
                f"No active station {args.station_id}.", zh=f"没有有效的站点 {args.station_id}。"
            )
    logger.warning("station %s revoked", args.station_id)
    print(f"station {args.station_id} revoked / 已吊销")
    return 0


def cmd_station_list(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        for s in storage.stations():
            state = f"revoked {s.revoked_at}" if s.revoked_at else "active"
            print(
                f"{s.station_id}\t{state}\tacked_seq={s.acked_seq}"
                f"\tlast_push={s.last_push_at or '-'}"
            )
    return 0


def cmd_station_reset_seq(args: argparse.Namespace) -> int:
    """Repair a station whose acknowledged position is wrong (e.g. a bogus huge seq pushed
    before gaps were refused): the station then re-sends from the new position."""
    if args.to is not None and args.to < 0:
        raise StationError("--to must be 0 or more.", zh="--to 不能为负数。")
    with hub_storage(args) as storage:
        try:
            old, new = storage.reset_acked_seq(args.station_id, args.to)
        except KeyError:
            raise StationError(
                f"No station {args.station_id}.", zh=f"没有站点 {args.station_id}。"
            ) from None
    logger.warning("station %s acked seq reset from %d to %d", args.station_id, old, new)
    print(
        f"station {args.station_id}: acked seq {old} -> {new} / 站点确认序号已从 {old} 改为 {new}"
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from warehouse_app.hub import backup

    dest = Path(args.to).absolute()
    url = _url_of(args)
    path = sqlite_path(url)
    if path is None:
        size = backup.backup_postgres(url, dest)
    else:
        size = backup.backup_sqlite(path, dest)
    print(f"backup written: {dest} ({size} bytes) / 备份已写入")
    return 0


def _new_epoch_after_restore(url: str) -> None:
    """Stations pulled changes the backup may not hold: a new epoch makes each re-sync fully."""
    with contextlib.closing(_open_storage(url)) as storage:
        storage.new_epoch("restored from a backup with `warehouse-hub restore`")


def cmd_restore(args: argparse.Namespace) -> int:
    from warehouse_app.hub import backup

    source = Path(args.source).absolute()
    url = _url_of(args)
    path = sqlite_path(url)
    if not source.is_file():
        raise StationError(
            f"No backup file {source}: nothing restored into {_where(args)}.",
            zh=f"没有备份文件 {source}：未恢复 {_where(args)}。",
        )
    if path is None:
        backup.restore_postgres(url, source)
        _new_epoch_after_restore(url)
        print(f"restored from {source} / 已从备份恢复")
        return 0
    kept = backup.restore_sqlite(path, source)
    _new_epoch_after_restore(url)
    print(
        f"restored from {source}; previous database kept as {kept} / 已恢复，原数据库保留为 {kept}"
    )
    return 0


@contextlib.contextmanager
def _directory(args: argparse.Namespace, create: bool = False) -> Iterator[Any]:
    """Warehouses and integrator tokens (hub.integrator.Directory) over the hub DB."""
    from warehouse_app.hub.integrator import Directory

    with hub_storage(args, create) as storage:
        yield Directory(storage)


def cmd_warehouse_add(args: argparse.Namespace) -> int:
    with _directory(args) as d:
        try:
            d.add_warehouse(args.warehouse_id, args.name or args.warehouse_id, args.tz)
        except ValueError as exc:
            raise StationError(str(exc), zh=f"时区无效：{args.tz}") from exc
    print(f"warehouse {args.warehouse_id} ({args.tz}) saved / 仓库已保存")
    return 0


def cmd_warehouse_list(args: argparse.Namespace) -> int:
    with _directory(args) as d:
        for w in d.warehouses():
            print(f"{w['warehouse_id']}\t{w['name']}\t{w['tz']}")
    return 0


def cmd_warehouse_move(args: argparse.Namespace) -> int:
    """Failover: orders move to another warehouse; the old warehouse's stations pull them as
    cancelled (no personal data), the new warehouse's stations pull them whole."""
    with _directory(args) as d:
        try:
            n = d.move_orders(args.order_ids, args.to)
        except KeyError as exc:
            raise _no_warehouse(exc) from exc
        except LookupError as exc:
            raise StationError(f"No order {exc.args[0]}.", zh=f"没有订单 {exc.args[0]}。") from exc
    print(f"moved {n} orders to {args.to} / 已将 {n} 个订单转到 {args.to}")
    return 0


def cmd_station_assign(args: argparse.Namespace) -> int:
    with _directory(args) as d:
        try:
            d.assign_station(args.station_id, args.warehouse_id)
        except KeyError as exc:
            raise StationError(
                f"No warehouse {args.warehouse_id}: `warehouse-hub warehouse add` first.",
                zh=f"没有仓库 {args.warehouse_id}：请先 `warehouse-hub warehouse add`。",
            ) from exc
    print(f"station {args.station_id} -> warehouse {args.warehouse_id} / 站点已归属仓库")
    return 0


def cmd_token_add(args: argparse.Namespace) -> int:
    scopes = [s.strip() for s in args.scopes.split(",") if s.strip()]
    with _directory(args) as d:
        try:
            token = d.add_token(args.name, args.kind, args.warehouse, scopes)
        except KeyError as exc:
            raise _no_warehouse(exc) from exc
        except ValueError as exc:
            raise StationError(str(exc), zh=f"无法创建令牌：{exc}") from exc
    _show_token(f"{args.kind} token {args.name} added.", token)
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    with _directory(args) as d:
        if not d.revoke_token(args.name):
            raise StationError(f"No active token {args.name}.", zh=f"没有有效的令牌 {args.name}。")
    print(f"token {args.name} revoked / 已吊销")
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    with _directory(args) as d:
        for t in d.tokens():
            state = f"revoked {t['revoked_at']}" if t["revoked_at"] else "active"
            print(
                f"{t['token_id']}\t{t['kind']}\t{t['warehouse_id'] or '*'}\t{t['scopes']}\t{state}"
            )
    return 0


def _jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise StationError(
            f"{path} is not UTF-8 text (save it as UTF-8 JSON Lines)",
            zh=f"{path} 不是 UTF-8 文本（请另存为 UTF-8 编码的 JSONL）",
        ) from exc
    except OSError as exc:
        raise StationError(f"Cannot read {path}: {exc}", zh=f"无法读取 {path}：{exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise StationError(
                f"{path} line {n}: not valid JSON ({exc.msg})",
                zh=f"{path} 第 {n} 行：不是有效的 JSON",
            ) from exc
        if not isinstance(rec, dict):
            raise StationError(
                f"{path} line {n}: not a JSON object", zh=f"{path} 第 {n} 行：不是 JSON 对象"
            )
        try:
            json.dumps(rec, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (UnicodeEncodeError, ValueError) as exc:
            raise StationError(
                f"{path} line {n}: text that is not valid Unicode, or NaN/Infinity",
                zh=f"{path} 第 {n} 行：含无效字符或 NaN/Infinity",
            ) from exc
        rows.append(rec)
    if not rows:
        raise StationError(
            f"{path} has no rows: nothing imported.", zh=f"{path} 没有数据行，未导入任何数据。"
        )
    return rows


KEYS = {"carrier": "code", "batch_plan": "batch_id", "session": "session_id", "setting": "key"}


def cmd_import(args: argparse.Namespace) -> int:
    """Orders and SKUs parse exactly as on the station; a file with errors imports nothing."""
    from warehouse_app import importer

    path = Path(args.file)
    kind = args.kind
    if kind == "order":
        rows, errors = importer.read_orders(path)
        if not errors:  # numbers for orders that name a carrier, from the platform (hub/waybills)
            from warehouse_app.hub.waybills import number_imported_orders

            numbered = number_imported_orders(rows)
            if numbered["issued"] or numbered["without"]:
                print(
                    f"waybills from the e-waybill platform: {numbered['issued']}, without: "
                    f"{numbered['without']} / 电子面单：已取号 {numbered['issued']}，未取号 "
                    f"{numbered['without']}",
                    file=sys.stderr,
                )
        if getattr(args, "warehouse", None):
            rows = [{**r, "warehouse_id": args.warehouse} for r in rows]
        keyed = [(r["order_id"], r) for r in rows]
    elif kind == "sku":
        rows, errors = importer.read_skus(path)
        keyed = [(r["code"], r) for r in rows]
    else:
        recs = _jsonl(path)
        errors = []
        keyed = []
        for n, rec in enumerate(recs, 1):
            key = rec.get(KEYS[kind])
            if key in (None, ""):
                errors.append(importer.RowError(n, f"missing field {KEYS[kind]!r}"))
            else:
                keyed.append((str(key), rec))
    if errors:
        for e in errors[:20]:
            print(f"  {path}: {e}", file=sys.stderr)
        logger.error("hub import of %s refused: %d bad rows", path, len(errors))
        raise StationError(
            f"{len(errors)} bad rows in {path}; nothing was imported.",
            zh=f"{path} 有 {len(errors)} 行错误，未导入任何数据。",
        )
    with hub_storage(args, create=True) as storage:
        if kind == "batch_plan" and len(_ledger(storage).active_stations()) >= 2:
            # several stations: the hub splits each plan so no order or label is shared
            n = _ledger(storage).plan_batches(keyed)
        else:
            n = storage.put_records(kind, keyed)
    print(f"imported {n} {kind} rows / 已导入 {n} 条")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        order = storage.record("order", args.order_id)
        if order is None:
            raise StationError(
                f"No order {args.order_id} on the hub.", zh=f"上游没有订单 {args.order_id}。"
            )
        storage.put_records(
            "order", [(args.order_id, {**order, "status": "cancelled", "cancelled_at": None})]
        )
    print(f"order {args.order_id} cancelled / 订单已取消")
    return 0


def _ledger(storage: SqlHubStorage) -> Any:
    from warehouse_app.hub.ledger import Ledger

    return Ledger(storage)


@contextlib.contextmanager
def _hub_ledger(args: argparse.Namespace, catch_up: bool = False) -> Iterator[Any]:
    """The hub's ledger (leases, conflicts, stations) for one command; `catch_up` first applies
    events the background follower has not yet (a fresh view for listings)."""
    with hub_storage(args) as storage:
        led = _ledger(storage)
        if catch_up:
            led.catch_up()
        yield led


def cmd_report(args: argparse.Namespace) -> int:
    with hub_storage(args) as storage:
        rows = storage.handoff_counts(args.since)
        led = _ledger(storage)
        summary = led.handoff_summary(args.warehouse)
        if args.warehouse:  # one warehouse's stations (and stations of none)
            wh = led.station_warehouses()
            rows = [r for r in rows if wh.get(r["station_id"]) in (None, args.warehouse)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    totals: dict[tuple[str, str], int] = {}
    for r in rows:
        k = (r["station_id"], r["carrier"])
        totals[k] = totals.get(k, 0) + int(r["parcels"])
    print("station\tcarrier\tparcels / 站点\t快递\t件数")
    for (st, carrier), n in sorted(totals.items()):
        print(f"{st}\t{carrier}\t{n}")
    print(f"distinct waybills / 不同面单数\t\t{summary['distinct_waybills']}")
    for d in summary["duplicates"]:  # a waybill handed off twice is an order shipped twice
        print(f"DUPLICATE / 重复发货\t{d['waybill']}\t{d['handoffs']}x\t{','.join(d['stations'])}")
    print(f"total / 合计\t\t{sum(totals.values())}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """Every conflict with what to do; exit 3 when any is open (for scripts and monitoring)."""
    with _hub_ledger(args) as led:
        rows = led.conflicts(include_resolved=args.all, warehouse=args.warehouse)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 3 if any(not r["resolved_at"] for r in rows) else 0
    if not rows:
        print("no conflicts / 没有冲突")
        return 0
    print(
        "id\tkind\torder\twaybill\tstation\twinner\tparcel / 编号\t类型\t订单\t面单\t站点\t优先站点\t包裹"
    )
    for r in rows:
        print(
            f"{r['conflict_id']}\t{r['kind']}\t{r['order_id'] or '-'}\t{r['waybill'] or '-'}\t"
            f"{r['station_id'] or '-'}\t{r['winner_station'] or '-'}\t{r['parcel_id'] or '-'}"
            + (f"\tresolved {r['resolved_at']}" if r["resolved_at"] else "")
        )
        print(f"\t→ {r['action_zh']}\n\t→ {r['action_en']}")
    return 3 if any(not r["resolved_at"] for r in rows) else 0


def cmd_conflict_resolve(args: argparse.Namespace) -> int:
    with _hub_ledger(args) as led:
        ok = led.resolve(args.conflict_id, args.by)
    if not ok:
        raise StationError(
            f"No open conflict {args.conflict_id}.", zh=f"没有未处理的冲突 {args.conflict_id}。"
        )
    print(f"conflict {args.conflict_id} resolved / 已处理")
    return 0


def cmd_station_replace(args: argparse.Namespace) -> int:
    """A new PC for a station: a new token, a fresh upload sequence, the old events kept."""
    token = secrets.token_urlsafe(32)
    with hub_storage(args) as storage:
        try:
            n = storage.replace_station(args.station_id, hash_token(token))
        except KeyError as exc:
            raise StationError(
                f"No station {args.station_id} on this hub.", zh=f"上游没有站点 {args.station_id}。"
            ) from exc
    logger.warning("station %s replaced by a new PC; %d old events kept", args.station_id, n)
    print(
        f"station {args.station_id} replaced: the old PC's {n} events are kept as "
        f"{args.station_id}~N; the new PC uploads from seq 1 with this token "
        "(shown only once) / 站点已更换电脑，旧事件已保留。新令牌（仅显示一次）:"
    )
    print(token)
    return 0


def cmd_stations(args: argparse.Namespace) -> int:
    """Which stations are online, offline, offline past their lease or silent (likely dead);
    exit 3 when any needs a lead (for scripts and monitoring)."""
    with _hub_ledger(args, catch_up=True) as led:
        rows = led.stations(args.warehouse)
    warn = any(r["warning"] for r in rows)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 3 if warn else 0
    print(
        "station\twarehouse\tstate\tlast seen\tsilent s\tleased\tlease expires / "
        "站点\t仓库\t状态\t最后联系\t静默秒\t租约单数\t租约到期"
    )
    for r in rows:
        silent = "-" if r["silent_s"] is None else f"{r['silent_s']:.0f}"
        print(
            f"{r['station_id']}\t{r['warehouse_id'] or '-'}\t{r['state']}"
            + ("  WARNING / 警告" if r["warning"] else "")
            + f"\t{r['last_seen_at'] or '-'}\t{silent}\t{r['open_orders']}\t"
            f"{r['lease_expires_at'] or '-'}"
        )
        if r["action_en"]:
            print(f"\t→ {r['action_zh']}\n\t→ {r['action_en']}")
    return 3 if warn else 0


def cmd_lease_list(args: argparse.Namespace) -> int:
    with _hub_ledger(args, catch_up=True) as led:
        rows = led.leases(args.warehouse)
    print("station\tsku_set\torders\texpires / 站点\t商品组合\t订单数\t到期")
    for r in rows:
        print(f"{r['station_id']}\t{r['sku_set']}\t{r['orders']}\t{r['expires_at'] or '-'}")
    return 0


def cmd_lease_move(args: argparse.Namespace) -> int:
    with _hub_ledger(args) as led:
        try:
            n = led.move(args.from_station, args.to_station, args.sku_set, args.count)
        except ValueError as exc:
            raise StationError(f"Bad SKU set: {exc}", zh=f"商品组合无效：{exc}") from exc
    print(f"moved {n} leased orders {args.from_station} -> {args.to_station} / 已移交 {n} 个订单")
    return 0


def cmd_plan_presale(args: argparse.Namespace) -> int:
    with _hub_ledger(args) as led:
        try:
            stations = args.stations.split(",") if args.stations else led.active_stations()
            plans = led.plan_presale(
                args.plan_id, args.sku_set, stations, qty=args.qty, session_id=args.session
            )
        except ValueError as exc:
            raise StationError(f"Bad plan: {exc}", zh=f"计划无效：{exc}") from exc
    if not plans:
        raise StationError(
            f"No free paid orders for {args.sku_set}.", zh=f"没有可分配的已付款订单：{args.sku_set}"
        )
    for p in plans:
        print(f"{p['batch_id']}\t{p['station_id']}\t{p['qty']} orders / 单")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="warehouse-hub", description="Upstream hub for packing stations / 上游中心"
    )
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def with_dir(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        default = data_dir_default()
        sp.add_argument(
            "--data-dir",
            default=default,
            help="hub data folder (SQLite: holds hub.db; env WAREHOUSE_HUB_DATA_DIR)",
        )
        sp.add_argument(
            "--database-url",
            help=f"sqlite:///path/hub.db or postgresql://user@host/db (env {DATABASE_URL_ENV}; "
            "default DATA_DIR/hub.db)",
        )
        return sp

    s = with_dir(
        sub.add_parser(
            "serve",
            help="run the HTTP API",
            description="Every option can also be set by the environment variable shown "
            "(WAREHOUSE_HUB_DATA_DIR for --data-dir); the flag wins.",
        )
    )
    for setting in SERVE_SETTINGS:
        s.add_argument(
            setting.flag,
            type=_port if setting.name == "port" else setting.type_,
            default=env_default(setting),
            help=f"{setting.help} (env {setting.env}, default {setting.default})",
        )
    s.add_argument("--access-log", action="store_true", help="(kept for compatibility)")
    s.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database: migrate, status, restored, archive").add_subparsers(
        dest="db_cmd", metavar="ACTION"
    )
    m = with_dir(db.add_parser("migrate", help="upgrade an existing hub database, then exit"))
    m.set_defaults(func=cmd_db_migrate)
    ds = with_dir(db.add_parser("status", help="schema version, epoch, rev head, stations"))
    ds.set_defaults(func=cmd_db_status)
    dr = with_dir(
        db.add_parser(
            "restored",
            help="after restoring a backup by other means (PITR, pg_restore, file copy): new "
            "epoch, so every station re-syncs fully",
        )
    )
    dr.set_defaults(func=cmd_db_restored)
    da = with_dir(
        db.add_parser("archive", help="move events older than N days out of the live table")
    )
    da.add_argument("--older-than-days", type=_positive, default=90)
    da.set_defaults(func=cmd_db_archive)

    st = sub.add_parser("station", help="register or revoke stations").add_subparsers(
        dest="station_cmd", metavar="ACTION"
    )
    a = with_dir(st.add_parser("add", help="register a station and print its token once"))
    a.add_argument("station_id")
    a.set_defaults(func=cmd_station_add)
    r = with_dir(st.add_parser("revoke", help="revoke a station's token"))
    r.add_argument("station_id")
    r.set_defaults(func=cmd_station_revoke)
    rs = with_dir(
        st.add_parser(
            "reset-seq",
            help="set a station's acknowledged seq (default: end of its gap-free events)",
        )
    )
    rs.add_argument("station_id")
    rs.add_argument("--to", type=int, help="the seq to set (default: last gap-free stored seq)")
    rs.set_defaults(func=cmd_station_reset_seq)
    sa = with_dir(st.add_parser("assign", help="put a station in a warehouse"))
    sa.add_argument("station_id")
    sa.add_argument("warehouse_id")
    sa.set_defaults(func=cmd_station_assign)
    ls = with_dir(st.add_parser("list", help="list stations and their acked seq"))
    ls.set_defaults(func=cmd_station_list)

    rp = with_dir(
        st.add_parser("replace", help="a new PC takes over a station (fresh upload sequence)")
    )
    rp.add_argument("station_id")
    rp.set_defaults(func=cmd_station_replace)

    cf = with_dir(
        sub.add_parser("conflicts", help="double-bound orders, duplicate waybills, intercepts")
    )
    cf.add_argument("--all", action="store_true", help="resolved ones too")
    cf.add_argument("--json", action="store_true")
    cf.add_argument("--warehouse", help="only this warehouse's conflicts")
    cf.set_defaults(func=cmd_conflicts)
    cr = with_dir(sub.add_parser("resolve", help="mark a conflict as handled"))
    cr.add_argument("conflict_id", type=int)
    cr.add_argument("--by", required=True, help="who handled it")
    cr.set_defaults(func=cmd_conflict_resolve)

    sv = with_dir(
        sub.add_parser(
            "stations", help="online, offline, offline past their lease, or silent (likely dead)"
        )
    )
    sv.add_argument("--warehouse", help="only this warehouse's stations")
    sv.add_argument("--json", action="store_true")
    sv.set_defaults(func=cmd_stations)

    ls_ = sub.add_parser("lease", help="orders leased to stations for binding").add_subparsers(
        dest="lease_cmd", metavar="ACTION"
    )
    ll = with_dir(ls_.add_parser("list", help="leases per station and SKU set"))
    ll.add_argument("--warehouse", help="only this warehouse's stations")
    ll.set_defaults(func=cmd_lease_list)
    lm = with_dir(ls_.add_parser("move", help="move leased orders to another station"))
    lm.add_argument("--from", dest="from_station", required=True)
    lm.add_argument("--to", dest="to_station", required=True)
    lm.add_argument("--sku-set")
    lm.add_argument("--count", type=int)
    lm.set_defaults(func=cmd_lease_move)

    pl = sub.add_parser("plan", help="split presale work among stations").add_subparsers(
        dest="plan_cmd", metavar="KIND"
    )
    pp = with_dir(pl.add_parser("presale", help="assign earliest-paid orders to stations"))
    pp.add_argument("plan_id")
    pp.add_argument("--sku-set", required=True)
    pp.add_argument("--stations", help="comma-separated; default all active stations")
    pp.add_argument("--qty", type=int)
    pp.add_argument("--session")
    pp.set_defaults(func=cmd_plan_presale)

    i = with_dir(
        sub.add_parser(
            "import",
            help="import orders/SKUs (CSV or JSONL) or carriers/batch plans/settings (JSONL)",
        )
    )
    i.add_argument("file")
    i.add_argument(
        "--kind",
        choices=["order", "sku", "carrier", "batch_plan", "session", "setting"],
        default="order",
    )
    i.add_argument("--warehouse", help="orders belong to this warehouse (scoped pulls)")
    i.set_defaults(func=cmd_import)

    c = with_dir(sub.add_parser("cancel", help="cancel an order (stations intercept it)"))
    c.add_argument("order_id")
    c.set_defaults(func=cmd_cancel)

    wh = sub.add_parser(
        "warehouse", help="warehouses and moving orders between them"
    ).add_subparsers(dest="warehouse_cmd", metavar="ACTION")
    wa = with_dir(wh.add_parser("add", help="add or rename a warehouse"))
    wa.add_argument("warehouse_id")
    wa.add_argument("--name")
    wa.add_argument("--tz", default="Asia/Shanghai", help="IANA zone for its reports")
    wa.set_defaults(func=cmd_warehouse_add)
    wl = with_dir(wh.add_parser("list", help="list warehouses"))
    wl.set_defaults(func=cmd_warehouse_list)
    wm = with_dir(wh.add_parser("move-orders", help="move orders to another warehouse"))
    wm.add_argument("order_ids", nargs="+")
    wm.add_argument("--to", required=True, help="the warehouse taking them over")
    wm.set_defaults(func=cmd_warehouse_move)

    tk = sub.add_parser("token", help="integrator and group tokens").add_subparsers(
        dest="token_cmd", metavar="ACTION"
    )
    ta = with_dir(tk.add_parser("add", help="add a token and print it once"))
    ta.add_argument("name")
    ta.add_argument("--kind", choices=["integrator", "group"], default="integrator")
    ta.add_argument("--warehouse", help="the warehouse an integrator token writes to")
    ta.add_argument(
        "--scopes",
        default="orders:write,orders:read,reports:read,webhooks:write",
        help="comma-separated: orders:write, orders:read, reports:read, webhooks:write",
    )
    ta.set_defaults(func=cmd_token_add)
    tr = with_dir(tk.add_parser("revoke", help="revoke a token"))
    tr.add_argument("name")
    tr.set_defaults(func=cmd_token_revoke)
    tl = with_dir(tk.add_parser("list", help="list tokens"))
    tl.set_defaults(func=cmd_token_list)

    b = with_dir(
        sub.add_parser(
            "backup",
            help="consistent copy of the live hub database (SQLite backup API; pg_dump)",
        )
    )
    b.add_argument("--to", required=True, help="new backup file")
    b.set_defaults(func=cmd_backup)
    rst = with_dir(
        sub.add_parser("restore", help="replace the hub database with a backup (hub stopped)")
    )
    rst.add_argument("source", help="backup file made by `warehouse-hub backup`")
    rst.set_defaults(func=cmd_restore)

    rep = with_dir(sub.add_parser("report", help="handoff counts across all stations"))
    rep.add_argument("--since", type=_iso_time, help="ISO time, station clock")
    rep.add_argument("--json", action="store_true")
    rep.add_argument("--warehouse", help="only this warehouse's stations")
    rep.set_defaults(func=cmd_report)
    return p


def _say_error(zh: str, en: str) -> None:
    """A failed command's message on stderr: Chinese first, English on the next line."""
    print(f"错误 / error: {zh}\n  {en}", file=sys.stderr)


def _say_db_error(where: str, exc: BaseException) -> None:
    _say_error(f"上游数据库错误（{where}）：{exc}", f"Hub database error on {where}: {exc}")


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
    except StationError as exc:  # a bad WAREHOUSE_HUB_* variable
        _say_error(exc.zh, str(exc))
        return 2
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except StationError as exc:
        _say_error(exc.zh, str(exc))
        logger.error("hub command %s failed: %s", args.command, exc)
        return 1
    except sqlite3.Error as exc:
        path = _where(args)
        logger.error("hub command %s: database error on %s: %s", args.command, path, exc)
        if "not a database" in str(exc) or "malformed" in str(exc) or "corrupt" in str(exc):
            _say_error(
                f"上游数据库 {path} 已损坏，请保留该文件交给 IT，从备份恢复。",
                f"The hub database {path} is damaged. Keep the file for IT and restore a backup.",
            )
        else:
            _say_db_error(path, exc)
        return 1
    except OSError as exc:
        logger.error("hub command %s failed: %s", args.command, exc)
        _say_error(f"无法访问 {exc.filename or ''}：{exc.strerror or exc}", str(exc))
        return 1
    except Exception as exc:
        if type(exc).__module__.split(".")[0] not in ("psycopg", "psycopg_pool"):
            raise
        where = _where(args)
        logger.error("hub command %s: database error on %s: %s", args.command, where, exc)
        _say_db_error(where, exc)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
