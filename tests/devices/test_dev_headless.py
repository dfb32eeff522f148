"""`warehouse-station run --headless` as a real process: scans from a pty scanner go through the
scan engine, verdicts come out as JSON lines, waybills go to the printer simulator, and the scale's
stable weight drives the wrong_weight check in verify mode."""

from __future__ import annotations

import json

from devices.serial_device import wait_for
from tests.devices.conftest import Proc, make_presale_batch


def verdicts(proc: Proc) -> list[dict]:
    return [json.loads(x) for x in list(proc.out.items) if x.startswith("{")]


def start_station(store, *args: str) -> Proc:  # type: ignore[no-untyped-def]
    return Proc(["--data-dir", str(store.data_dir), "--lang", "en", "run", "--headless", *args])


def test_headless_pack_mode_verdicts_and_reconnect(seeded_store, pty_factory) -> None:
    batch, wbs = make_presale_batch(seeded_store, 3)
    scanner = pty_factory("scanner0")
    st = start_station(
        seeded_store,
        "--scanner",
        scanner.path,
        "--mode",
        "pack",
        "--batch",
        batch,
        "--operator",
        "P1",
        "--suffix",
        "CRLF",
    )
    try:
        assert wait_for(lambda: any('"connected"' in x for x in st.err.items), 60), st.err.items
        scanner.write(f"]C0{wbs[0]}\r\n{wbs[1]}\r\n".encode())  # two scans in one read
        scanner.write(wbs[0].encode()[:4])  # a duplicate, split over reads
        assert wait_for(lambda: len(verdicts(st)) >= 2, 60), st.err.items
        scanner.write(wbs[0].encode()[4:] + b"\r\n")
        scanner.write(b"\xff\xfe\x00\r\nNOPE-123\r\n")  # garbage then an unknown code
        assert wait_for(lambda: len(verdicts(st)) >= 4, 60), st.err.items
        scanner.write(b"ZT12\xff\xfe34\r\n")  # a frame that is not text: said, not silent
        assert wait_for(lambda: any('"dropped"' in x for x in st.err.items), 60), st.err.items
        v = verdicts(st)
        assert [(x["code"], x["status"], x["reason"]) for x in v[:4]] == [
            (wbs[0], "ok", None),
            (wbs[1], "ok", None),
            (wbs[0], "rejected", "duplicate"),
            ("NOPE-123", "rejected", "unknown_code"),
        ]
        scanner.unplug()
        assert wait_for(lambda: any('"disconnected"' in x for x in st.err.items), 60)
        scanner.plug()
        assert wait_for(lambda: sum('"connected"' in x for x in st.err.items) >= 2, 60)
        scanner.write(f"{wbs[2]}\r\n".encode())
        assert wait_for(lambda: len(verdicts(st)) >= 5, 60), st.err.items
        assert verdicts(st)[4]["status"] == "ok" and verdicts(st)[4]["waybill"] == wbs[2]
    finally:
        st.stop()
    assert st.p.returncode == 0  # SIGTERM: readers, queue and writer stopped and joined
    c = seeded_store.connect()
    assert {r[0] for r in c.execute("SELECT state FROM parcels WHERE batch_id=?", (batch,))} == {
        "packed"
    }
    c.close()


def test_headless_verify_with_scale_and_printer(seeded_store, pty_factory, printer_sim) -> None:
    from tests.core_helpers import add_orders, make_batch, order

    c = seeded_store.connect()
    add_orders(c, order("OB1", {"B": 1}), order("OB2", {"B": 1}, paid_at="2026-11-11T12:05:00Z"))
    b = make_batch(c, "B*1", kind="anonymous", qty=2, weight_tolerance_g=30)
    labels = [
        r[0]
        for r in c.execute(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY label_code", (b["batch_id"],)
        )
    ]
    expected = c.execute(
        "SELECT expected_weight_g FROM batches WHERE batch_id=?", (b["batch_id"],)
    ).fetchone()[0]
    c.close()
    scanner, scale = pty_factory("scanner1"), pty_factory("scale1")
    sim = printer_sim("--lang", "tspl")
    pack = start_station(
        seeded_store,
        "--scanner",
        scanner.path,
        "--mode",
        "pack",
        "--batch",
        b["batch_id"],
        "--operator",
        "P1",
    )
    try:
        assert wait_for(lambda: any('"connected"' in x for x in pack.err.items), 60)
        scanner.write(("\r".join(labels) + "\r").encode())
        assert wait_for(lambda: len(verdicts(pack)) >= 2, 60), pack.err.items
        assert [v["status"] for v in verdicts(pack)] == ["ok", "ok"]
    finally:
        pack.stop()
    st = start_station(
        seeded_store,
        "--scanner",
        scanner.path,
        "--scale",
        scale.path,
        "--printer",
        sim.url.replace("zpl", "tspl"),
        "--mode",
        "verify",
        "--operator",
        "P1",
    )
    try:
        assert wait_for(lambda: sum('"connected"' in x for x in st.err.items) >= 2, 60), (
            st.err.items
        )
        heavy = (expected + 300) / 1000
        scale.write(f"ST,GS,+{heavy:8.3f}kg\r\n".encode())
        assert wait_for(lambda: any(f'"grams":{expected + 300}' in x for x in st.err.items), 60)
        scanner.write(f"{labels[0]}\r".encode())
        assert wait_for(lambda: len(verdicts(st)) >= 1, 60), st.err.items
        v = verdicts(st)[0]
        assert v["status"] == "rejected" and v["reason"] == "wrong_weight"
        scale.write(f"ST,GS,+{expected / 1000:8.3f}kg\r\n".encode())
        assert wait_for(lambda: any(f'"grams":{expected}}}' in x for x in st.err.items), 60)
        scanner.write(f"{labels[0]}\r".encode())
        assert wait_for(lambda: len(verdicts(st)) >= 2, 60), st.err.items
        v = verdicts(st)[1]
        assert v["status"] == "ok" and v["print_waybill"] and v["waybill"] == "WBOB1"
        assert wait_for(lambda: sim.printed_waybills() == ["WBOB1"], 60), st.err.items
    finally:
        st.stop()
    assert sim.jobs()[0]["lang"] == "tspl"


def test_headless_bad_arguments_are_clear(seeded_store, tmp_path) -> None:
    from tests.cli_helpers import run_cli

    out = run_cli(
        seeded_store.data_dir,
        "run",
        "--headless",
        "--scanner",
        "/dev/null",
        "--mode",
        "pack",
        "--printer",
        "ftp://x",
        check=False,
    )
    assert out.returncode == 1 and "tcp://192.168.1.50:9100?lang=zpl" in out.stderr
    out = run_cli(
        tmp_path / "nowhere",
        "run",
        "--headless",
        "--scanner",
        "/dev/null",
        "--mode",
        "pack",
        check=False,
    )
    assert out.returncode == 1 and "init" in out.stderr and "Traceback" not in out.stderr
    out = run_cli(
        seeded_store.data_dir,
        "run",
        "--headless",
        "--scanner",
        "/dev/null",
        "--mode",
        "pack",
        "--suffix",
        "ETX",
        check=False,
    )
    assert out.returncode == 1 and "suffix" in out.stderr
