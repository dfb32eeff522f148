"""The `warehouse-station` CLI as IT and scripts use it: a real process on a real data dir."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess

import pytest

from tests.cli_helpers import json_lines, run_cli, station_cmd

SKUS_CSV = """code,name,weight_g,tier,price,barcodes
A,口红 Lipstick,100,core_hot,89,6920000000011
B,精华 Serum,200,potential_new,199,6920000000028|6920000000099
"""

ORDERS_JSONL = (
    "\n".join(
        json.dumps(o, ensure_ascii=False)
        for o in [
            {
                "order_id": "O1",
                "paid_at": "2026-11-11T20:00:00+08:00",
                "items": [{"sku": "A", "qty": 1}],
                "recipient": {"name": "王伟", "phone": "13800000000", "province": "浙江"},
                "carrier": "ZTO",
                "waybill": "ZT1",
            },
            {
                "order_id": "O2",
                "paid_at": "2026-11-11T20:01:00+08:00",
                "items": [{"sku": "A", "qty": 1}],
                "carrier": "ZTO",
                "waybill": "ZT2",
            },
            {
                "order_id": "O3",
                "paid_at": "2026-11-11T20:02:00+08:00",
                "items": [{"sku": "B", "qty": 2}],
                "carrier": "YTO",
                "waybill": "YT3",
            },
        ]
    )
    + "\n"
)


@pytest.fixture
def station(tmp_path):
    d = tmp_path / "st"
    run_cli(d, "init", "--station-id", "WH1-ST01")
    (tmp_path / "skus.csv").write_text(SKUS_CSV, encoding="utf-8")
    (tmp_path / "orders.jsonl").write_text(ORDERS_JSONL, encoding="utf-8")
    run_cli(d, "import", "skus", str(tmp_path / "skus.csv"))
    run_cli(d, "import", "orders", str(tmp_path / "orders.jsonl"))
    db = sqlite3.connect(d / "station.db")
    db.execute(
        "INSERT INTO carriers (code, name, name_zh) VALUES ('ZTO','ZTO','中通'), ('YTO','YTO','圆通')"
    )
    db.commit()
    db.close()
    return d


def counts(d, sql):
    c = sqlite3.connect(d / "station.db")
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


def test_import_then_batch_scan_handoff_report(station, tmp_path):
    out = run_cli(station, "batch", "create", "--sku-set", "A*1", "--kind", "presale", "--start")
    bid = json.loads(out.stdout)["batch_id"]
    assert bid == "WH1-ST01-B0001"
    out = run_cli(
        station, "scan", "ZT1", "ZT2", "--mode", "pack", "--batch", bid, "--operator", "P7"
    )
    verdicts = json_lines(out.stdout)
    assert [v["status"] for v in verdicts] == ["ok", "ok"] and verdicts[0]["state"] == "packed"
    out = run_cli(station, "scan", "ZT1", "ZT9", "--mode", "verify", check=False)
    assert out.returncode == 3  # some scans rejected
    assert [(v["status"], v["reason"]) for v in json_lines(out.stdout)] == [
        ("ok", None),
        ("rejected", "unknown_code"),
    ]
    h = json.loads(
        run_cli(
            station,
            "handoff",
            "open",
            "--carrier",
            "ZTO",
            "--courier",
            "赵师傅",
            "--vehicle",
            "沪A12345",
        ).stdout
    )
    out = run_cli(
        station,
        "scan",
        "ZT1",
        "--mode",
        "handoff",
        "--handoff",
        h["handoff_id"],
        "--operator",
        "P7",
    )
    assert json_lines(out.stdout)[0]["status"] == "ok"
    closed = json.loads(run_cli(station, "handoff", "close", h["handoff_id"]).stdout)
    assert closed["count"] == 1 and closed["status"] == "closed"
    again = run_cli(station, "handoff", "close", h["handoff_id"], check=False)
    assert again.returncode == 1 and "already closed" in again.stderr

    rep = json.loads(run_cli(station, "report", "handoffs", "--format", "json").stdout)
    assert rep["total"] == 1 and rep["per_carrier"][0]["carrier"] == "ZTO"
    assert rep["per_operator"] == [{"operator": "P7", "parcels": 1}]
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli(station, "report", "handoffs", "--format", "csv").stdout.lstrip("\ufeff")
            )
        )
    )
    assert {"group": "carrier", "key": "ZTO", "hour": "", "hour_local": "", "parcels": "1"} in rows
    hour_row = next(r for r in rows if r["group"] == "hour")
    assert hour_row["hour"].endswith(":00Z") and hour_row["hour_local"].endswith(":00")
    table = run_cli(station, "report", "handoffs").stdout
    assert "ZTO" in table and "per carrier" in table
    disc = json.loads(run_cli(station, "report", "discrepancies", "--format", "json").stdout)
    assert [p["waybill"] for p in disc["verified_not_handed_off"]] == []


def test_scan_reads_stdin_and_command_barcodes(station):
    bid = json.loads(run_cli(station, "batch", "create", "--sku-set", "A*1", "--start").stdout)[
        "batch_id"
    ]
    out = run_cli(
        station,
        "scan",
        "-",
        "--mode",
        "verify",
        input=f"#MODE:PACK\n#BATCH:{bid}\nZT1\n\n#MODE:VERIFY\nZT1\n",
    )
    lines = json_lines(out.stdout)
    assert [ln["status"] for ln in lines] == ["command", "command", "ok", "command", "ok"]
    assert lines[2]["state"] == "packed" and lines[4]["state"] == "verified"


def test_bad_order_rows_import_nothing_unless_asked(station, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "order_id,paid_at,items,recipient_phone,status\n"
        "N1,2026-11-11T20:00:00Z,A*1,13800000000,paid\n"
        "N2,yesterday,A*1,13800000000,paid\n"
        "N3,2026-11-11T20:00:00Z,,13800000000,paid\n"
        "N4,2026-11-11T20:00:00Z,ZZZ*1,13800000000,paid\n"
        "N5,2026-11-11T20:00:00Z,A*1,call me,paid\n"
        "N1,2026-11-11T20:00:00Z,A*1,13800000000,paid\n"
        "N6,2026-11-11T20:00:00Z,A*1,13800000000,shipped\n",
        encoding="utf-8",
    )
    before = counts(station, "SELECT count(*) FROM orders")
    out = run_cli(station, "import", "orders", str(bad), check=False)
    assert out.returncode == 1
    err = out.stderr
    assert "line 3: paid_at is not a date-time" in err
    assert "line 4: missing field 'items'" in err
    assert "line 5: unknown SKU ZZZ" in err
    assert "line 6: recipient phone is not a phone number" in err
    assert "line 7: duplicate order_id 'N1' (first on line 2)" in err
    assert "line 8: status must be paid or cancelled" in err
    assert "nothing imported" in err
    assert counts(station, "SELECT count(*) FROM orders") == before
    out = run_cli(station, "import", "orders", str(bad), "--skip-bad")
    assert json.loads(out.stdout)["inserted"] == 1 and json.loads(out.stdout)["bad_rows"] == 6
    assert counts(station, "SELECT order_id FROM orders WHERE order_id LIKE 'N%'") == [("N1",)]


def test_bad_files_get_clear_messages(station, tmp_path):
    gb = tmp_path / "gbk.csv"
    gb.write_bytes("order_id,paid_at\nX,2026\n".encode("utf-16"))
    out = run_cli(station, "import", "orders", str(gb), check=False, lang="zh")
    assert out.returncode == 1 and "UTF-8" in out.stderr and "Traceback" not in out.stderr
    out = run_cli(station, "import", "orders", str(tmp_path / "missing.jsonl"), check=False)
    assert out.returncode == 1 and "File not found" in out.stderr
    js = tmp_path / "broken.jsonl"
    js.write_text('{"order_id": "J1"\n[1,2]\n', encoding="utf-8")
    out = run_cli(station, "import", "orders", str(js), check=False)
    assert "line 1: not valid JSON" in out.stderr and "line 2: not a JSON object" in out.stderr


def test_commands_on_an_uninitialised_or_corrupt_station(tmp_path):
    out = run_cli(tmp_path / "empty", "status", check=False)
    assert (
        out.returncode == 1
        and "warehouse-station init" in out.stderr
        and "Traceback" not in out.stderr
    )
    d = tmp_path / "corrupt"
    d.mkdir()
    (d / "station.db").write_bytes(b"garbage" * 1000)
    out = run_cli(d, "status", check=False, lang="zh")
    assert out.returncode == 1 and "损坏" in out.stderr and "Traceback" not in out.stderr
    out = run_cli(tmp_path / "x", "init", "--station-id", "bad id!", check=False)
    assert out.returncode == 1 and "not valid" in out.stderr


def test_locked_station_db_gives_a_clear_message(station):
    holder = sqlite3.connect(station / "station.db", isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run_cli(station, "status", check=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert out.returncode == 1 and "locked" in out.stderr and "Traceback" not in out.stderr


def test_demo_is_a_realistic_promo(tmp_path):
    d = tmp_path / "demo"
    info = json.loads(run_cli(d, "demo", "--orders", "800").stdout)
    assert info["orders"] == 800 and len(info["batches"]) == 3
    (sessions,) = counts(d, "SELECT count(DISTINCT session_id) FROM orders")[0]
    assert sessions >= 3
    tiers = dict(counts(d, "SELECT tier, count(*) FROM skus GROUP BY tier"))
    assert set(tiers) == {"core_hot", "potential_new", "long_tail"}
    states = dict(counts(d, "SELECT state, count(*) FROM parcels GROUP BY state"))
    assert (
        states.get("handed_off", 0) > 0
        and states.get("verified", 0) > 0
        and states.get("planned", 0) > 0
    )
    status = json.loads(run_cli(d, "status", "--format", "json").stdout)
    assert status["station"] == "DEMO-ST01" and status["events"] > 0
    again = run_cli(d, "demo", check=False)
    assert again.returncode == 1 and "empty --data-dir" in again.stderr


def test_help_lists_the_commands():
    out = subprocess.run([*station_cmd(), "--help"], capture_output=True, text=True, timeout=60)
    for cmd in ("init", "import", "batch", "scan", "handoff", "report", "demo"):
        assert cmd in out.stdout
