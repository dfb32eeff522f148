"""One scripted shift through the three front ends of the station session - the window (pytest-qt,
simulated serial scanner), the headless station (a real pty scanner) and `warehouse-station scan`
(a real process) - gives the same stream of outcomes and the same resulting tables.

The shift: a badge login, a key and a card to switch mode, batch choice, packing (OK, duplicate,
wrong batch), verify with an intercept, an unknown batch card, an anonymous parcel bound at verify
while the printer is out of paper, a badge switch at shift change, pulling the intercept, a
handoff (OK, wrong carrier, not packed), returns with reason and disposition chosen by key and
card, an invalid card, an unknown code, logout, a refused badge and the lead's login.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.core_helpers import add_orders, order
from tests.ui_fixtures import cancel_order_of

MAIN = "import sys; from warehouse_app.cli import main; sys.exit(main(sys.argv[1:]))"

# keys the window presses for an input; the other front ends scan the card that does the same
KEYS = {"#MODE:PACK": "F1", "#REASON:quality": "Ctrl+1", "#LOGOUT": "F8"}


def _one(conn: sqlite3.Connection, sql: str, *args: Any) -> str:
    row = conn.execute(sql, args).fetchone()
    assert row is not None, sql
    return str(row[0])


def _build_base(path: Path) -> list[tuple[str, str]]:
    """A demo station DB and the shift script for it: (kind, code) with kind scan|key."""
    from warehouse_app.demo import build_demo
    from warehouse_app.store import open_store

    store = open_store(path)
    conn = store.connect()
    try:
        build_demo(conn, orders=300, extensions=())
        b1 = "DEMO-ST01-B0001"
        b2 = "DEMO-ST01-B0002"
        planned = [
            r[0]
            for r in conn.execute(
                "SELECT label_code FROM parcels WHERE batch_id=? AND state='planned' "
                "ORDER BY parcel_id LIMIT 2",
                (b1,),
            )
        ]
        other = _one(
            conn,
            "SELECT label_code FROM parcels WHERE batch_id!=? AND state='planned' "
            "AND batch_id IS NOT NULL ORDER BY parcel_id",
            b1,
        )
        packed = [
            r[0]
            for r in conn.execute(
                "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
                "WHERE p.batch_id=? AND p.state='packed' AND o.status='paid' ORDER BY p.parcel_id "
                "LIMIT 3",
                (b1,),
            )
        ]
        victim = packed[2]
        cancel_order_of(conn, victim)  # cancelled after packing: an intercept
        # a fresh paid order the anonymous pre-pack batch can bind at verify
        sku_set = _one(conn, "SELECT sku_set FROM batches WHERE batch_id=?", b2)
        items = {k: v for k, v in (x.split("*") for x in sku_set.split("+"))}
        add_orders(
            conn,
            order(
                "PARITY-1",
                {k: int(v) for k, v in items.items()},
                paid_at="2020-01-01T00:00:00Z",
                carrier=None,
                session_id=None,
            ),
        )
        anon = _one(
            conn,
            "SELECT label_code FROM parcels WHERE batch_id=? AND state='packed' "
            "AND order_id IS NULL ORDER BY parcel_id",
            b2,
        )
        hid, hcarrier = conn.execute(
            "SELECT handoff_id, carrier FROM handoffs WHERE status='open' ORDER BY handoff_id"
        ).fetchone()
        ok_handoff = _one(
            conn,
            "SELECT waybill FROM parcels WHERE state='verified' AND carrier=? AND order_id "
            "IS NOT NULL ORDER BY parcel_id",
            hcarrier,
        )
        wrong_carrier = _one(
            conn,
            "SELECT waybill FROM parcels WHERE state='verified' AND carrier!=? AND order_id "
            "IS NOT NULL ORDER BY parcel_id",
            hcarrier,
        )
        shipped = _one(
            conn, "SELECT waybill FROM parcels WHERE state='handed_off' ORDER BY parcel_id"
        )
    finally:
        conn.close()
    scans = [
        ("scan", "P001"),
        ("key", "#MODE:PACK"),
        ("scan", f"#BATCH:{b1}"),
        ("scan", planned[0]),
        ("scan", planned[1]),
        ("scan", planned[1]),
        ("scan", other),
        ("scan", "#MODE:VERIFY"),
        ("scan", packed[0]),
        ("scan", packed[1]),
        ("scan", victim),
        ("scan", "#BATCH:NO-SUCH-BATCH"),
        ("scan", f"#BATCH:{b2}"),
        ("scan", anon),
        ("scan", "P002"),
        ("scan", "#MODE:PULL"),
        ("scan", victim),
        ("scan", "#MODE:HANDOFF"),
        ("scan", f"#HANDOFF:{hid}"),
        ("scan", ok_handoff),
        ("scan", wrong_carrier),
        ("scan", planned[0]),
        ("scan", "#MODE:RETURN"),
        ("scan", shipped),
        ("key", "#REASON:quality"),
        ("scan", "#DISPOSE:restock"),
        ("scan", shipped),
        ("scan", "#REASON:broken"),
        ("scan", "NO-SUCH-CODE-42"),
        ("key", "#LOGOUT"),
        ("scan", packed[0]),
        ("scan", "L001"),
    ]
    return scans


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()
    return dst


def stream_key(d: dict[str, Any]) -> tuple[Any, ...]:
    """What must match across front ends for one input (from its JSON line)."""
    if "kind" in d:
        return (d["kind"], d["status"], d["code"], d["mode"], d["batch_id"], d["handoff_id"])
    pr = (d.get("print") or {}).get("parcel_id")
    return ("verdict", d["code"], d["mode"], d["status"], d["reason"], d["parcel_id"], pr)


def state_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        events = []
        for typ, payload, op in conn.execute(
            "SELECT type, payload, operator FROM events ORDER BY seq"
        ):
            p = json.loads(payload)
            events.append((typ, op, sorted((k, str(v)) for k, v in p.items() if "_at" not in k)))
        q = {
            "parcels": "SELECT parcel_id, state, order_id, waybill, handoff_id, packed_by, "
            "verified_by, handed_off_by, weight_g FROM parcels ORDER BY parcel_id",
            "handoffs": "SELECT handoff_id, status, parcel_count FROM handoffs ORDER BY 1",
            "returns": "SELECT parcel_id, reason, disposition, operator FROM returns ORDER BY 1",
            "settings": "SELECT key, value FROM settings WHERE key LIKE 'returns.%' ORDER BY 1",
            "scan_log": "SELECT mode, code, status, reason, operator, parcel_id FROM scan_log "
            "ORDER BY id",
        }
        out = {k: [tuple(r) for r in conn.execute(sql)] for k, sql in q.items()}
        out["events"] = events  # type: ignore[assignment]
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("parity")
    db = root / "base.db"
    script = _build_base(db)
    return db, script


def run_cli_front_end(base_db: Path, script: list[tuple[str, str]], work: Path) -> list[Any]:
    data = work / "cli"
    _copy(base_db, data / "station.db")
    codes = "".join(code + "\n" for _kind, code in script)
    out = subprocess.run(
        [sys.executable, "-c", MAIN, "--data-dir", str(data), "scan", "-", "--mode", "verify"],
        input=codes,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 3, out.stderr  # some inputs are refused: exit 3 says so
    return [json.loads(x) for x in out.stdout.splitlines() if x.startswith("{")]


class _Lines:
    """A text stream for the headless station's stdout that keeps each JSON line."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.cond = threading.Condition()
        self._buf = ""

    def write(self, text: str) -> int:
        self._buf += text
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            if line.startswith("{"):
                with self.cond:
                    self.items.append(json.loads(line))
                    self.cond.notify_all()
        return len(text)

    def flush(self) -> None:
        pass

    def wait_len(self, n: int, timeout: float = 15.0) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: len(self.items) >= n, timeout)

    def wait_event(self, event: str, timeout: float = 30.0) -> bool:
        with self.cond:
            return self.cond.wait_for(
                lambda: any(x.get("event") == event for x in self.items), timeout
            )


def run_headless_front_end(
    base_db: Path, script: list[tuple[str, str]], work: Path
) -> tuple[list[Any], list[Any]]:
    from devices.scanners.framing import ScannerConfig
    from devices.sim.printer import PrinterSimulator
    from devices.sim.pty_device import PtyDevice
    from devices.sim.scanner import frame
    from warehouse_app.headless import HeadlessStation
    from warehouse_app.scan_engine import ScanContext
    from warehouse_app.store import open_store

    data = work / "headless"
    db = _copy(base_db, data / "station.db")
    pty = PtyDevice(work / "headless-scanner")
    printer = PrinterSimulator(work / "headless-jobs", lang="zpl", preview=False).start()
    printer.control("paper out")  # the printer fault of this shift
    out, err = _Lines(), _Lines()
    station = HeadlessStation(
        open_store(db),
        ScannerConfig(port=pty.path, suffix="CR"),
        ScanContext(mode="verify", operator=None),
        printer_url=f"{printer.url}&size=76x130",
        out=out,  # type: ignore[arg-type]
        err=err,  # type: ignore[arg-type]
    )
    try:
        station.start()
        assert station.scanner.device.connected.wait(10)
        for i, (_kind, code) in enumerate(script, start=1):
            pty.write(frame(code, "CR"))
            assert out.wait_len(i), f"no outcome for {code!r}"
        assert err.wait_event("held")  # the bound parcel's label, stored as held
    finally:
        station.stop()
        printer.stop()
        pty.close()
    return out.items, err.items


def run_window_front_end(
    base_db: Path, script: list[tuple[str, str]], work: Path, qtbot: Any
) -> list[Any]:
    from PySide6.QtCore import Qt

    from ui.app import build_context, install_translator, shutdown_context
    from ui.sim_rig import SimRig
    from ui.window import MainWindow

    data = work / "window"
    _copy(base_db, data / "station.db")
    rig = SimRig(work / "window-sim").start()
    ctx = build_context(data, lang="zh", rig=rig, start_sync=False)
    install_translator("zh")
    win = MainWindow(ctx, sounds=False)
    qtbot.addWidget(win)
    win.show()
    outs: list[Any] = []
    win.controller.outcome_ready.connect(lambda o: outs.append(o.to_dict()))
    keys = {
        "F1": (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        "F8": (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
        "Ctrl+1": (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
    }
    try:
        dev = ctx.devices
        qtbot.waitUntil(
            lambda: dev.scanner is not None and dev.scanner.device.connected.is_set(),
            timeout=10000,
        )
        rig.printer_control("paper out")
        for i, (kind, code) in enumerate(script, start=1):
            if kind == "key":
                key, mods = keys[KEYS[code]]
                qtbot.keyClick(win.packer.entry, key, mods)
            else:
                rig.scan(code)
            qtbot.waitUntil(lambda i=i: len(outs) >= i, timeout=10000)
        qtbot.waitUntil(lambda: dev.queue is not None and dev.queue.fault is not None)
    finally:
        win.close()
        shutdown_context(ctx)
        rig.stop()
    return outs


def test_one_shift_three_front_ends_same_outcomes_and_tables(
    base: tuple[Path, list[tuple[str, str]]], tmp_path: Path, qtbot: Any
) -> None:
    base_db, script = base
    cli = run_cli_front_end(base_db, script, tmp_path)
    headless, device_lines = run_headless_front_end(base_db, script, tmp_path)
    window = run_window_front_end(base_db, script, tmp_path, qtbot)

    want = [stream_key(d) for d in cli]
    assert len(want) == len(script)
    assert [stream_key(d) for d in headless] == want
    assert [stream_key(d) for d in window] == want

    # the shift did what it says, the same way everywhere
    kinds = [(k[0], k[1]) if k[0] != "verdict" else (k[3], k[4]) for k in want]
    assert kinds[0] == ("login", "command") and kinds[-1] == ("login", "command")
    reasons = [d.get("reason") for d in cli if "kind" not in d]
    for r in ("duplicate", "wrong_batch", "intercepted", "wrong_carrier", "not_verified"):
        assert r in reasons
    assert "no_reason" in reasons and "unknown_code" in reasons
    refused = [d["kind"] for d in cli if d.get("status") == "rejected" and "kind" in d]
    assert refused == ["batch", "invalid", "login"]
    bound = [d for d in cli if d.get("print")]
    assert len(bound) == 1 and bound[0]["status"] == "ok"
    assert any(d.get("operator") == "P002" and d["kind"] == "login" for d in cli if "kind" in d)

    tables = {
        name: state_tables(tmp_path / name / "station.db") for name in ("cli", "headless", "window")
    }
    for name in ("headless", "window"):
        for table, rows in tables["cli"].items():
            assert tables[name][table] == rows, f"{name}: {table} differs from the CLI's"
    assert tables["cli"]["returns"][0][1:] == ("quality", "restock", "P002")

    # the printer fault: the bound parcel's label is held for the packer (listed, printed only
    # when asked, also after a restart), nothing is lost
    parcel = bound[0]["parcel_id"]
    for name in ("headless", "window"):
        conn = sqlite3.connect(tmp_path / name / "station.db")
        jobs = conn.execute("SELECT state FROM print_jobs WHERE parcel_id=?", (parcel,)).fetchall()
        conn.close()
        assert jobs == [("held",)], name
    assert any(x.get("event") == "fault" for x in device_lines)
