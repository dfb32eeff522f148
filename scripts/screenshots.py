"""Screenshots of every main screen, for a person to look at (never committed).

    .venv/bin/python scripts/screenshots.py [--out DIR] [--size 1366x768]

Runs under Xvfb when it is installed and no display is set (real X11 fonts/rendering), else
Qt's offscreen platform. Drives a demo station through the real simulated scanner, printer
and scale, and saves one PNG per screen into DIR (default: a temp folder, printed at the end).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_xvfb(size: str) -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY") or not shutil.which("Xvfb"):
        return None
    w, h = size.split("x")
    for n in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                os.environ["DISPLAY"] = f":{n}"
                os.environ.pop("QT_QPA_PLATFORM", None)
                return proc
            time.sleep(0.1)
        proc.terminate()
    return None


def cancel_order_of(conn: Any, waybill: str) -> None:
    """The buyer cancels after packing (as a pulled cancellation would): the parcel becomes an intercept."""
    from warehouse_app.clock import iso, utcnow
    from warehouse_app.orders import cancel_parcel
    from warehouse_app.store.tx import transaction

    now = iso(utcnow())
    with transaction(conn):
        oid = conn.execute("SELECT order_id FROM parcels WHERE waybill=?", (waybill,)).fetchone()[0]
        conn.execute(
            "UPDATE orders SET status='cancelled', cancelled_at=? WHERE order_id=?", (now, oid)
        )
        cancel_parcel(conn, oid, operator=None, at=now)


def main() -> int:
    from warehouse_app.startup import wire

    wire()  # the policies every entry point installs (promo oversell guard, intake hooks)
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "warehouse-station-screens"
    )
    ap.add_argument("--size", default="1366x768")
    args = ap.parse_args()
    xvfb = start_xvfb("1920x1080")
    if xvfb is None and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return shoot(args.out, args.size)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)


def shoot(out: Path, size: str) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from ui.app import build_context, install_translator, prepare_demo, shutdown_context
    from ui.sim_rig import SimRig
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (must outlive the run)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="screens-"))
    prepare_demo(work / "station")
    rig = SimRig(work / "sim").start()
    ctx = build_context(work / "station", lang="zh", rig=rig, start_sync=False)
    install_translator("zh")
    win = MainWindow(ctx, sounds=False)
    w, h = (int(x) for x in size.split("x"))
    win.resize(w, h)
    win.show()
    shots: list[Path] = []
    problems: list[str] = []  # a state that did not come out as it should: the run fails

    def pump(cond: Callable[[], bool], timeout: float = 10.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if cond():
                return True
            time.sleep(0.01)
        return cond()

    def settle(t: float = 0.4) -> None:
        pump(lambda: False, t)

    def shot(name: str) -> None:
        settle()
        p = out / f"{len(shots) + 1:02d}-{name}.png"
        win.grab().save(str(p))
        shots.append(p)
        print(p)

    def q(sql: str, *a: Any) -> list[Any]:
        return [tuple(r) for r in ctx.read_conn().execute(sql, a)]

    def scan(code: str) -> None:
        seen: list[Any] = []
        win.verdict_shown.connect(seen.append)
        rig.scan(code)
        pump(lambda: bool(seen))
        win.verdict_shown.disconnect(seen.append)

    try:
        pump(
            lambda: (
                ctx.devices.scanner is not None and ctx.devices.scanner.device.connected.is_set()
            )
        )
        shot("login")
        rig.scan("P001")
        pump(lambda: ctx.operator is not None)
        rig.scan("#MODE:VERIFY")
        pump(lambda: win.mode == "verify")
        rig.scan("#BATCH:DEMO-ST01-B0001")
        pump(lambda: win.batch_id is not None)
        good = q(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id WHERE p.state='packed' "
            "AND o.status='paid' AND p.batch_id='DEMO-ST01-B0001' LIMIT 2"
        )
        scan(good[0][0])
        win.refresh_counters()
        shot("verify-ok")
        ctx.writer.call(cancel_order_of, good[1][0])  # a buyer cancels after packing: an intercept
        icpt = q(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id WHERE o.status='cancelled' "
            "AND p.state IN ('packed','verified','intercepted') LIMIT 1"
        )
        if icpt:
            scan(icpt[0][0])
            shot("verify-intercept")
        scan(good[0][0])
        shot("verify-duplicate")
        hid = q("SELECT handoff_id FROM handoffs WHERE status='open' LIMIT 1")
        if hid:
            rig.scan("#MODE:HANDOFF")
            pump(lambda: win.mode == "handoff")
            rig.scan(f"#HANDOFF:{hid[0][0]}")
            pump(lambda: win.handoff_id is not None)
            wrong = q(
                "SELECT waybill FROM parcels WHERE state='verified' AND carrier<>'ZTO' LIMIT 1"
            )
            if wrong:
                scan(wrong[0][0])
                shot("handoff-wrong-carrier")
            right = q(
                "SELECT waybill FROM parcels WHERE state='verified' AND carrier='ZTO' LIMIT 1"
            )
            if right:
                scan(right[0][0])
                win.refresh_counters()
                shot("handoff-ok")
        win.open_lead("batches")
        shot("lead-pin")
        win.lead.lead_code.setText("L001")
        win.lead.pin.setText("1234")
        win.lead.try_unlock()
        pump(lambda: ctx.lead is not None)
        tab = win.lead.batches
        pump(lambda: tab.table.rowCount() > 0)
        tab.table.selectRow(0)
        tab.print_btn.click()
        pump(lambda: tab.progress.value() > 3, 20)
        shot("lead-batches-printing")
        if tab.run_id is not None:  # the packer screens need the printer for their own labels
            tab.cancel_btn.click()
        pump(lambda: tab.run_id is None, 60)
        win.lead.open("handoffs")
        pump(lambda: win.lead.handoffs.table.rowCount() > 0)
        shot("lead-handoffs")
        win.lead.open("discrepancies")
        pump(lambda: win.lead.discrepancies.verified.rowCount() > 0)
        shot("lead-discrepancies")
        win.lead.open("review")
        pump(lambda: win.lead.review.per_carrier.rowCount() > 0)
        shot("lead-review")
        win.lead.open("settings")
        shot("lead-settings")
        for title, widget in win.lead.promo_tabs:
            win.lead.tabs.setCurrentWidget(widget)
            shot("promo-" + "".join(c for c in title if c.isalnum())[:20])
        lead = ctx.lead

        def packer_screens(tag: str) -> None:
            win.show_packer()
            rig.scan("#MODE:VERIFY")
            pump(lambda: win.mode == "verify")
            more = q(
                "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id WHERE p.state='packed' "
                "AND o.status='paid' AND p.batch_id='DEMO-ST01-B0001' LIMIT 1"
            )
            if more:
                scan(more[0][0])
                win.refresh_counters()
                shot(f"verify-ok-{tag}")
            if icpt:
                scan(icpt[0][0])
                shot(f"verify-intercept-{tag}")
            truth_screens(tag)
            rig.scan("#MODE:RETURN")
            pump(lambda: win.mode == "return")
            rig.scan("#REASON:quality")
            rig.scan("#DISPOSE:restock")
            pump(lambda: win.return_state == ("quality", "restock"))
            shipped = q("SELECT waybill FROM parcels WHERE state='handed_off' LIMIT 1")
            if shipped:
                scan(shipped[0][0])
            shot(f"return-ok-{tag}")

        def truth_screens(tag: str) -> None:
            """Issue 10 states: label printed / waiting / printer back, device faults, a
            dropped frame, a repeat scan (neutral), a wrong batch naming the batch."""
            fb = win.feedback
            anon = q(
                "SELECT p.batch_id, p.label_code FROM parcels p JOIN batches b ON b.batch_id=p.batch_id "
                "WHERE b.kind='anonymous' AND p.state='packed' AND p.order_id IS NULL LIMIT 2"
            )
            if len(anon) == 2:
                rig.scan(f"#BATCH:{anon[0][0]}")
                pump(lambda: win.batch_id == anon[0][0])
                done: list[str] = []
                fb.label_done.connect(done.append)
                scan(anon[0][1])
                pump(lambda: bool(done) and win.packer.panel.color_name == "green", 15)
                fb.label_done.disconnect(done.append)
                # the demo routes its waybills (三段码, 集包地) as a provider would: the label of an
                # anonymous parcel prints, so this state is a real green, never a held label
                if win.packer.panel.color_name != "green":
                    problems.append(
                        f"verify-label-printed-{tag}: {win.packer.panel.color_name} "
                        f"{win.packer.panel.title!r} {win.packer.panel.next_text!r}"
                    )
                shot(f"verify-label-printed-{tag}")
                rig.printer_control("paper out")
                ctx.devices.poll_printer()
                pump(lambda: fb.printer_fault is not None, 15)
                shot(f"printer-fault-{tag}")
                scan(anon[1][1])
                shot(f"verify-label-waiting-{tag}")
                offered: list[int] = []
                fb.backlog_offered.connect(offered.append)
                rig.printer_control("paper in")
                ctx.devices.poll_printer()
                pump(lambda: bool(offered), 15)
                fb.backlog_offered.disconnect(offered.append)
                shot(f"printer-back-asks-{tag}")
                fb.print_backlog()
                pump(lambda: not fb.backlog.waiting and not fb.backlog.printing, 15)
                rig.scan("#BATCH:DEMO-ST01-B0001")
                pump(lambda: win.batch_id == "DEMO-ST01-B0001")
            rig.scanner.write(b"ZT12\xff\xfe34\r")
            pump(lambda: "没读到" in win.packer.panel.title or "Not read" in win.packer.panel.title)
            shot(f"dropped-frame-{tag}")
            scan(good[0][0])
            shot(f"repeat-scan-neutral-{tag}")
            other = q(
                "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
                "WHERE p.state='packed' AND o.status='paid' AND p.batch_id<>'DEMO-ST01-B0001' LIMIT 1"
            )
            if other:
                scan(other[0][0])
                shot(f"wrong-batch-names-it-{tag}")
            settle(float(ctx.settings.verdict_fade_s) + 0.5)
            shot(f"verdict-faded-{tag}")
            if hasattr(rig.scanner, "unplug"):
                rig.scanner.unplug()
                pump(lambda: win.packer.panel.color_name == "fault", 15)
                shot(f"scanner-unplugged-{tag}")
                rig.scanner.plug()
                pump(lambda: win.packer.panel.fault is None, 15)

        def lead_screens(tag: str) -> None:
            ctx.lead = lead
            win.stack.setCurrentWidget(win.lead)
            for name, ready in (
                ("batches", lambda: win.lead.batches.table.rowCount() > 0),
                ("handoffs", lambda: win.lead.handoffs.table.rowCount() > 0),
                ("discrepancies", lambda: win.lead.discrepancies.verified.rowCount() > 0),
                ("review", lambda: win.lead.review.per_carrier.rowCount() > 0),
                ("settings", lambda: True),
            ):
                win.lead.open(name)
                pump(ready)
                shot(f"lead-{name}-{tag}")
            # a serial scan in the lead area is ignored there (typing kept), said in the status bar
            win.lead.open("batches")
            code = q("SELECT waybill FROM parcels WHERE waybill IS NOT NULL LIMIT 1")[0][0]
            rig.scan(code)
            pump(lambda: code[:10] in win.status.message.text())
            shot(f"lead-scan-ignored-{tag}")

        packer_screens("zh-1366")
        for lang, wh in (("en", (1366, 768)), ("zh", (1920, 1080)), ("en", (1920, 1080))):
            win.resize(*wh)
            win.set_language(lang)
            settle(0.6)
            tag = f"{lang}-{wh[0]}"
            packer_screens(tag)
            lead_screens(tag)
        win.set_language("zh")
    finally:
        win.close()
        shutdown_context(ctx)
        rig.stop()
    platform = os.environ.get("QT_QPA_PLATFORM") or "xcb " + os.environ.get("DISPLAY", "")
    print(f"{len(shots)} screenshots in {out} ({platform})")
    for p in problems:
        print("NOT AS EXPECTED:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    rc = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)  # skip interpreter teardown: PySide6 may crash finalising Qt objects at exit
