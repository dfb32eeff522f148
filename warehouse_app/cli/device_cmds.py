"""Device subcommands: `print-test`, `simulate scanner|printer|scale`, `run --headless`,
`print-batch`, `print held|release` and `reprint` (see warehouse_app/cli/__init__.py)."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from warehouse_app.cli.common import add_format, conn_of, emit, store_of, tcp_port
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


def _sigterm_as_interrupt() -> None:
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (tests calling main() in a thread)
        pass


def _wait_forever() -> None:
    _sigterm_as_interrupt()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


def _printer_url(url: str, size: str | None) -> str:
    if not size:
        return url
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}size={size}"


def cmd_print_test(args: argparse.Namespace) -> int:
    from devices.printers.layout import parse_size, sample_waybill
    from devices.printers.printer import Printer

    if args.size:
        parse_size(args.size)
    printer = Printer(_printer_url(args.printer, args.size))
    number = args.waybill or "TEST" + datetime.now().strftime("%y%m%d%H%M%S")
    st = printer.status()
    if not st.ok:
        raise StationError(
            f"Printer not ready: {st.message_en}. Nothing was printed.",
            zh=f"打印机未就绪：{st.message_zh}。未打印。",
        )
    wb = sample_waybill(number)
    printer.print_waybill(wb)
    print(
        f"测试面单已发送 / test waybill sent: {number} -> {printer.url.raw} "
        f"({printer.url.settings.size}, {printer.lang})"
    )
    print(
        json.dumps(
            {
                "waybill": number,
                "printer": printer.url.raw,
                "size": printer.url.settings.size,
                "lang": printer.lang,
            },
            ensure_ascii=False,
        )
    )
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    try:
        return _simulate(args)
    except (OSError, OverflowError) as exc:  # a port in use, a --link folder that does not exist
        logger.error("%s simulator failed to start: %s", args.device, exc)
        raise StationError(
            f"Cannot start the {args.device} simulator: {exc}",
            zh=f"无法启动{ {'printer': '打印机', 'scanner': '扫描枪', 'scale': '电子秤'}[args.device] }"
            f"模拟器：{exc}",
        ) from exc


def _simulate(args: argparse.Namespace) -> int:
    if args.device == "printer":
        from devices.sim.printer import PrinterSimulator

        jobs = (
            Path(args.jobs_dir) if args.jobs_dir else Path(tempfile.mkdtemp(prefix="printer-sim-"))
        )
        sim = PrinterSimulator(
            jobs,
            host=args.host,
            port=args.port,
            lang=args.printer_lang,
            preview=not args.no_preview,
            paper_out_after=args.paper_out_after,
            control_port=args.control_port,
        ).start()
        print(sim.url, flush=True)
        print(f"control {sim.host}:{sim.control_port}", flush=True)
        print(f"jobs {jobs}", flush=True)
        try:
            _wait_forever()
        finally:
            sim.stop()
        return 0
    if args.device == "scanner":
        from devices.sim.scanner import run_scanner_sim

        codes = Path(args.codes).read_text(encoding="utf-8").split() if args.codes else None
        _sigterm_as_interrupt()
        try:
            return run_scanner_sim(
                args.link,
                args.suffix,
                args.prefix,
                args.aim,
                sys.stdin,
                sys.stdout,
                codes,
                args.interval,
            )
        except KeyboardInterrupt:
            return 0
    from devices.sim.scale import run_scale_sim

    _sigterm_as_interrupt()
    try:
        return run_scale_sim(args.link, args.format, args.interval, sys.stdin, sys.stdout)
    except KeyboardInterrupt:
        return 0


def _stored_devices(args: argparse.Namespace) -> dict[str, Any]:
    """The station's device settings (scanner.port, printer.url, scale.port) from the settings
    registry, if the station exists; {} otherwise."""
    from warehouse_app import settings
    from warehouse_app.cli import data_dir_of
    from warehouse_app.paths import db_path

    if not db_path(data_dir_of(args)).exists():
        return {}
    conn = store_of(args).connect(readonly=True)
    try:
        return {k: settings.get(conn, k) for k in ("scanner.port", "printer.url", "scale.port")}
    finally:
        conn.close()


def cmd_run(args: argparse.Namespace) -> int:
    from devices.printers.url import parse_printer_url
    from devices.scanners.framing import ScannerConfig
    from warehouse_app.headless import HeadlessStation
    from warehouse_app.scan_engine import ScanContext

    if not args.headless:
        raise StationError(
            "Use `warehouse-station-gui` for the screen station, or pass --headless.",
            zh="有界面的工位请用 warehouse-station-gui；无界面请加 --headless。",
        )
    if args.demo:
        from warehouse_app.cli import data_dir_of
        from warehouse_app.console_demo import run as run_console_demo

        return run_console_demo(data_dir_of(args) / "demo", lang=args.lang)
    if not args.mode:
        raise StationError(
            "--mode pack|verify|handoff|pull is required",
            zh="需要 --mode（pack/verify/handoff/pull）",
        )
    stored = _stored_devices(args)  # the settings registry fills what is not on the line
    args.scanner = args.scanner or stored.get("scanner.port") or None
    args.printer = args.printer or stored.get("printer.url") or None
    args.scale = args.scale or stored.get("scale.port") or None
    if not args.scanner:
        raise StationError(
            "--scanner PORT is required (e.g. /dev/ttyUSB0), or use --demo",
            zh="需要 --scanner 端口（例如 /dev/ttyUSB0），或使用 --demo",
        )
    if args.printer:
        parse_printer_url(args.printer)  # a bad URL fails before anything opens
    cfg = ScannerConfig(
        port=args.scanner,
        baud=args.baud,
        suffix=args.suffix,
        prefix=args.prefix,
        aim=not args.no_aim,
        parity=args.parity,
        data_bits=args.data_bits,
    )
    cfg.validate()
    store = store_of(args)
    ctx = ScanContext(
        mode=args.mode,
        operator=args.operator,
        batch_id=args.batch,
        handoff_id=args.handoff,
        lang=args.lang,
    )
    station = HeadlessStation(
        store, cfg, ctx, printer_url=args.printer, scale_port=args.scale, feedback=args.feedback
    )
    print(
        json.dumps(
            {
                "event": "station_started",
                "mode": args.mode,
                "scanner": args.scanner,
                "printer": args.printer,
                "scale": args.scale,
            },
            ensure_ascii=False,
        ),
        file=sys.stderr,
        flush=True,
    )
    _sigterm_as_interrupt()  # before start: a device event may reach a supervisor that stops us at once
    try:
        station.start()
        _wait_forever()
    except KeyboardInterrupt:
        pass
    finally:
        station.stop()
    return 0


def cmd_print_batch(args: argparse.Namespace) -> int:
    """Print every unprinted waybill of a pre-pack batch, with progress; resumes after faults."""
    from devices.printers.printer import Printer
    from warehouse_app.print_worker import PrintQueue, QueueEvent
    from warehouse_app.store.writer import StoreWriter

    store = store_of(args)
    printer = Printer(_printer_url(args.printer, args.size))
    done = threading.Event()
    state: dict[str, object] = {}

    def on_event(ev: QueueEvent) -> None:
        print(json.dumps({"event": ev.kind, **ev.to_dict()}, ensure_ascii=False), flush=True)
        if ev.kind == "progress" and ev.run_id == state.get("run") and ev.done >= ev.total:
            done.set()

    writer = StoreWriter(store)
    q = PrintQueue(writer, printer, on_event=on_event, operator=args.operator)
    try:
        if args.batch:
            run_id, n = q.enqueue_batch(args.batch, args.operator)
        else:
            run_id, n = q.enqueue_print_requests(args.operator)
        state["run"] = run_id
        print(json.dumps({"event": "queued", "run_id": run_id, "count": n}), flush=True)
        if n == 0:
            return 0
        _sigterm_as_interrupt()  # before start: the first fault event may bring a SIGTERM at once
        try:
            q.start()
            while not done.wait(0.5):
                p = q.progress(run_id)
                if p.get("queued", 0) == 0 and p.get("sending", 0) == 0:
                    break
        except KeyboardInterrupt:
            c = q.cancel(run_id)
            print(json.dumps({"event": "cancelled", "run_id": run_id, "cancelled": c}), flush=True)
        p = q.progress(run_id)
        print(json.dumps({"event": "finished", "run_id": run_id, **p}), flush=True)
    finally:
        q.stop()
        writer.close()
    return 0


def cmd_reprint(args: argparse.Namespace) -> int:
    """A shift lead's reprint (PIN checked), printed now and recorded as events."""
    from devices.printers.printer import Printer
    from warehouse_app.print_worker import PrintQueue, QueueEvent
    from warehouse_app.station import verify_lead
    from warehouse_app.store.writer import StoreWriter

    store = store_of(args)
    conn = store.connect()
    try:
        verify_lead(conn, args.lead, args.pin, via="cli")
    finally:
        conn.close()
    printer = Printer(_printer_url(args.printer, args.size))
    events: list[QueueEvent] = []
    writer = StoreWriter(store)

    def on_event(ev: QueueEvent) -> None:
        events.append(ev)
        print(json.dumps({"event": ev.kind, **ev.to_dict()}, ensure_ascii=False), flush=True)

    q = PrintQueue(writer, printer, on_event=on_event)
    try:
        run_id = q.request_reprint(args.waybill, args.lead, args.reason or "")
        q.start()
        _sigterm_as_interrupt()
        deadline = time.monotonic() + args.wait
        while time.monotonic() < deadline and q.progress(run_id).get("done", 0) < 1:
            time.sleep(0.1)
        p = q.progress(run_id)
        if p.get("done", 0) < 1:
            q.cancel(run_id)
            msg = events[-1] if events else None
            raise StationError(
                f"Reprint of {args.waybill} not printed: {msg.message_en if msg else 'printer did not take it'}",
                zh=f"补打 {args.waybill} 未完成：{msg.message_zh if msg else '打印机未接收'}",
            )
        print(f"已补打 / reprinted: {args.waybill}")
    finally:
        q.stop()
        writer.close()
    return 0


def cmd_print_held(args: argparse.Namespace) -> int:
    """The labels held for the packer (the printer did not take them): what is set aside."""
    from warehouse_app.localtime import localize_times, station_zone
    from warehouse_app.printing import held_labels

    conn = conn_of(args)
    try:
        cols = ["code", "waybill", "parcel_id", "held_at", "held_zh", "held_en", "printer"]
        rows: list[dict[str, object]] = [{c: r[c] for c in cols} for r in held_labels(conn)]
        if args.format != "json":  # tables and CSV in the station's zone; JSON keeps UTC
            rows = localize_times(rows, station_zone(conn))
    finally:
        conn.close()
    emit(rows, args.format, cols)
    return 0


def cmd_print_release(args: argparse.Namespace) -> int:
    """The packer or a lead confirms: held labels print (each once) on the station's printer,
    by the running window or headless station, or the next one to start."""
    from devices.printers.url import parse_printer_url
    from warehouse_app.device_settings import printer_url
    from warehouse_app.printing import release_held

    conn = conn_of(args)
    try:
        url = args.printer or printer_url(conn)
        key = parse_printer_url(url).key if url else None
        n = release_held(conn, key, None if args.all else args.waybills)
    finally:
        conn.close()
    print(json.dumps({"event": "released", "count": n, "printer": key}, ensure_ascii=False))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands."""
    p = sub.add_parser("print-test", help="print a sample waybill / 打印测试面单")
    p.add_argument(
        "--printer", required=True, help="printer URL, e.g. tcp://192.168.1.50:9100?lang=zpl"
    )
    p.add_argument("--size", default=None, help="100x180 | 76x130 | 100x150")
    p.add_argument("--waybill", default=None, help="waybill number to print (default TEST<time>)")
    p.set_defaults(func=cmd_print_test)

    p = sub.add_parser("simulate", help="run a device simulator / 设备模拟器")
    sp = p.add_subparsers(dest="device", metavar="DEVICE", required=True)
    pr = sp.add_parser("printer", help="a TCP label printer (prints its URL)")
    pr.add_argument("--host", default="127.0.0.1")
    pr.add_argument("--port", type=tcp_port, default=0, help="0 = any free port")
    pr.add_argument("--control-port", type=tcp_port, default=0)
    pr.add_argument("--lang", dest="printer_lang", choices=["zpl", "tspl", "pdf"], default="zpl")
    pr.add_argument("--jobs-dir", default=None)
    pr.add_argument(
        "--paper-out-after", type=int, default=None, help="run out of paper after N labels"
    )
    pr.add_argument("--no-preview", action="store_true", help="do not render PNG previews")
    pr.set_defaults(func=cmd_simulate)
    sc = sp.add_parser("scanner", help="a serial scanner on a pty (prints the port)")
    sc.add_argument(
        "--link", default=None, help="stable symlink to the pty (like /dev/serial/by-id)"
    )
    sc.add_argument("--suffix", default="CR", choices=["CR", "LF", "CRLF", "TAB"])
    sc.add_argument("--prefix", default="")
    sc.add_argument("--aim", default="", help="AIM id to send before each code, e.g. ]C0")
    sc.add_argument("--codes", default=None, help="file of codes to scan, then read stdin")
    sc.add_argument("--interval", type=float, default=1.0)
    sc.set_defaults(func=cmd_simulate)
    sl = sp.add_parser("scale", help="a streaming serial scale on a pty (prints the port)")
    sl.add_argument("--link", default=None)
    sl.add_argument("--format", choices=["st", "plain"], default="st")
    sl.add_argument("--interval", type=float, default=0.1)
    sl.set_defaults(func=cmd_simulate)

    p = sub.add_parser("run", help="run a station (--headless: no screen, JSON verdicts on stdout)")
    p.add_argument("--headless", action="store_true")
    p.add_argument("--scanner", default=None, help="serial port of the scanner")
    p.add_argument(
        "--demo",
        action="store_true",
        help="with --headless: the embedded demo on simulated devices, shown in this terminal",
    )
    p.add_argument("--printer", default=None, help="printer URL")
    p.add_argument("--scale", default=None, help="serial port of the scale")
    p.add_argument("--mode", choices=["pack", "verify", "handoff", "pull"], default=None)
    p.add_argument("--operator", default="KIOSK")
    p.add_argument("--batch", default=None)
    p.add_argument("--handoff", default=None)
    p.add_argument("--baud", type=int, default=9600)
    p.add_argument("--data-bits", type=int, default=8)
    p.add_argument("--parity", default="N")
    p.add_argument("--suffix", default="CR", help="CR | LF | CRLF | TAB")
    p.add_argument("--prefix", default="")
    p.add_argument("--no-aim", action="store_true", help="do not strip AIM ids")
    p.add_argument(
        "--feedback", default="none", help="none | datalogic | honeywell-acknak | zebra-ssi"
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("print-batch", help="print a pre-pack batch's waybills / 批量打印面单")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--batch", help="the batch whose unprinted waybills to print")
    g.add_argument(
        "--requests",
        action="store_true",
        help="print the open print requests (new waybills after a carrier failover)",
    )
    p.add_argument("--printer", required=True)
    p.add_argument("--size", default=None)
    p.add_argument("--operator", default=None)
    p.set_defaults(func=cmd_print_batch)

    p = sub.add_parser("print", help="labels held for the packer / 待打印面单")
    sp = p.add_subparsers(dest="print_cmd", metavar="held|release", required=True)
    h = sp.add_parser("held", help="list the labels waiting for the packer's confirmation")
    add_format(h)
    h.set_defaults(func=cmd_print_held)
    r = sp.add_parser("release", help="print held labels now (--all, or the waybills named)")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("waybills", nargs="*", metavar="WAYBILL", default=[])
    which.add_argument("--all", action="store_true", help="every held label")
    r.add_argument(
        "--printer", default=None, help="printer URL (default: the station's printer setting)"
    )
    r.set_defaults(func=cmd_print_release)

    p = sub.add_parser("reprint", help="reprint one waybill (shift lead) / 组长补打面单")
    p.add_argument("--waybill", required=True)
    p.add_argument("--printer", required=True)
    p.add_argument("--lead", required=True, help="shift lead code")
    p.add_argument("--pin", required=True)
    p.add_argument("--reason", default="")
    p.add_argument("--size", default=None)
    p.add_argument("--wait", type=float, default=30.0, help="seconds to wait for the printer")
    p.set_defaults(func=cmd_reprint)
