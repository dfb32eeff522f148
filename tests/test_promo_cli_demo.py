"""The promo CLI end to end on the demo (real process for the main paths), and the demo's promo data."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse_app.cli import main
from warehouse_app.demo import build_demo
from warehouse_app.promo.carriers import live_waybill_problems
from warehouse_app.store import open_store

CLI = [sys.executable, "-c", "import sys; from warehouse_app.cli import main; sys.exit(main())"]


def run(data_dir: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "--data-dir", str(data_dir), "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo")
    conn = open_store(d / "station.db").connect()
    build_demo(conn, orders=600, seed=5)
    conn.close()
    return d


def test_demo_covers_the_playbook(demo_dir):
    conn = open_store(demo_dir / "station.db").connect()
    tiers = dict(conn.execute("SELECT sku, tier FROM stock_plan").fetchall())
    assert tiers["SKU-LIP-01"] == "core_hot" and tiers["SKU-EARBUD-X"] == "potential_new"
    assert tiers["SKU-SOCK-5"] == "long_tail"
    assert conn.execute("SELECT count(*) FROM promo_schedule").fetchone()[0] == 3
    assert (
        conn.execute("SELECT sku FROM oversell_alerts WHERE resolved_at IS NULL").fetchall()[0][0]
        == "SKU-CREAM-50"
    )
    fo = conn.execute("SELECT carrier, orders_moved FROM failovers").fetchone()
    assert fo[0] == "YUNDA" and fo[1] > 0
    assert conn.execute("SELECT count(*) FROM returns").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM prepack_plans").fetchone()[0] >= 3
    assert live_waybill_problems(conn) == []


def test_cli_reports_in_every_format(demo_dir, tmp_path):
    r = run(demo_dir, "report", "scorecard", "--format", "json")
    assert r.returncode == 0, r.stderr
    sc = json.loads(r.stdout)
    assert [c["rank"] for c in sc["carriers"]] == [1, 2, 3, 4] and sc["suggested_split"]["main"]
    r = run(demo_dir, "report", "review", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("\ufeff")  # Excel on Windows reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert {"stock", "on_time", "exceptions", "returns"} <= {x["section"] for x in rows}
    pdf = tmp_path / "review.pdf"
    r = run(demo_dir, "report", "review", "--format", "pdf", "--output", str(pdf))
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    r = run(demo_dir, "plan", "stock", "--format", "table")
    assert r.returncode == 0 and "core_hot" in r.stdout and "1.5 x peak session" in r.stdout
    assert "OVERSELL SKU-CREAM-50" in r.stderr  # the alert is said out loud in the CLI
    r = run(demo_dir, "plan", "allocate", "--format", "csv")
    assert r.returncode == 0 and r.stdout.startswith(
        "\ufeffcarrier,role,regions,target_share,orders,realised_share,deviation_pp"
    )
    # Chinese mode: Chinese headers and labels (raw keys only in JSON)
    r = run(demo_dir, "plan", "allocate", "--format", "csv", lang="zh")
    assert r.returncode == 0 and r.stdout.startswith("\ufeff快递公司,角色,优先区域,目标份额")
    assert "主力" in r.stdout and "main" not in r.stdout


def test_cli_plan_commands_in_process(demo_dir, capsys):
    assert main(["--data-dir", str(demo_dir), "plan", "batches", "--format", "json"]) == 0
    plans = json.loads(capsys.readouterr().out)["plans"]
    assert plans and all(p["status"] == "draft" for p in plans)
    assert main(["--data-dir", str(demo_dir), "plan", "oversell", "--format", "json"]) == 4
    alerts = json.loads(capsys.readouterr().out)
    assert alerts[0]["sku"] == "SKU-CREAM-50" and alerts[0]["short_orders"]
    assert main(["--data-dir", str(demo_dir), "plan", "promises", "--format", "json"]) == 0
    tiers = {r["tier"] for r in json.loads(capsys.readouterr().out)}
    assert tiers <= {"first_hour", "standard", "delayed"}


def test_cli_bad_input_clear_message_and_nothing_changed(tmp_path):
    d = tmp_path / "st"
    assert run(d, "init", "--station-id", "T1").returncode == 0
    bad = tmp_path / "hist.csv"
    bad.write_text("session_id,sku,units,revenue_cny\nH1,NOPE,1,1\n", encoding="utf-8")
    r = run(d, "plan", "import-history", str(bad))
    assert (
        r.returncode == 1
        and "line 2: unknown SKU NOPE" in r.stderr
        and "nothing imported" in r.stderr
    )
    assert "Traceback" not in r.stderr
    r = run(d, "carrier", "fail", "ZTO")
    assert r.returncode == 1 and "has no rule in this promo" in r.stderr
    r = run(d, "report", "review", "--format", "pdf")
    assert r.returncode == 1 and "--output" in r.stderr
    r = run(d, "plan", "config", "hot_factor", "lots")
    assert r.returncode == 1 and "must be JSON" in r.stderr
    conn = open_store(d / "station.db").connect()
    assert conn.execute("SELECT count(*) FROM sales_history").fetchone()[0] == 0


def test_failover_via_cli_and_export_import_between_stations(demo_dir, tmp_path):
    import shutil

    a = tmp_path / "a"
    shutil.copytree(demo_dir, a)
    r = run(a, "carrier", "fail", "YTO", "--reason", "truck broke down", "--format", "json")
    assert r.returncode == 0, r.stderr
    moved = json.loads(r.stdout)["orders_moved"]
    assert moved > 0
    conn = open_store(a / "station.db").connect()
    assert live_waybill_problems(conn) == []
    out = tmp_path / "open.jsonl"
    r = run(a, "warehouse", "export", "--output", str(out))
    assert r.returncode == 0, r.stderr
    n = json.loads(r.stdout)["orders"]
    assert n == sum(1 for _ in out.open(encoding="utf-8"))
    b = tmp_path / "b"
    assert run(b, "init", "--station-id", "BACKUP").returncode == 0
    skus = tmp_path / "skus.jsonl"
    skus.write_text(
        "\n".join(
            json.dumps({"code": r[0], "name": r[1]}, ensure_ascii=False)
            for r in conn.execute("SELECT code, name FROM skus")
        ),
        encoding="utf-8",
    )
    assert run(b, "import", "skus", str(skus)).returncode == 0
    for expect_inserted in (n, 0):
        r = run(b, "import", "orders", str(out))
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["inserted"] == expect_inserted
    cb = open_store(b / "station.db").connect()
    assert cb.execute("SELECT count(*) FROM orders").fetchone()[0] == n


def test_cli_rules_returns_and_weights(demo_dir, tmp_path, capsys):
    import shutil

    d = tmp_path / "c"
    shutil.copytree(demo_dir, d)
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            [
                {"carrier": "ZTO", "role": "main", "share": 0.7, "regions": ["east"]},
                {"carrier": "SF", "role": "dynamic", "daily_capacity": 10},
            ]
        ),
        encoding="utf-8",
    )
    assert main(["--data-dir", str(d), "carrier", "rules", str(rules), "--format", "json"]) == 0
    assert [r["carrier"] for r in json.loads(capsys.readouterr().out)] == ["ZTO", "SF"]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"carrier": "ZTO", "role": "main", "share": 2}]', encoding="utf-8")
    assert main(["--data-dir", str(d), "carrier", "rules", str(bad)]) == 1
    assert "share must be 0..1" in capsys.readouterr().err
    assert main(["--data-dir", str(d), "report", "scorecard", "--weights", "[1]"]) == 1
    assert "--weights" in capsys.readouterr().err
    conn = open_store(d / "station.db").connect()
    wb = conn.execute("SELECT waybill FROM parcels WHERE state='handed_off' LIMIT 1").fetchone()[0]
    assert (
        main(
            [
                "--data-dir",
                str(d),
                "returns",
                "scan",
                wb,
                "--reason",
                "quality",
                "--disposition",
                "restock",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    assert (
        main(
            [
                "--data-dir",
                str(d),
                "returns",
                "scan",
                wb,
                "--reason",
                "quality",
                "--disposition",
                "restock",
            ]
        )
        == 3
    )
    assert json.loads(capsys.readouterr().out)["reason"] == "duplicate"
    assert main(["--data-dir", str(d), "report", "returns", "--by", "sku", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff商品,已发出,退回,退货率,原因:质量问题")


def test_cli_tables_in_chinese_name_regions_and_keep_codes_in_json(demo_dir):
    """Chinese mode: regions by name (华东、华北), an empty coverage is 全部, the scorecard's weights in
    its part order and its data with region names; JSON keeps the codes."""
    r = run(demo_dir, "carrier", "rules", lang="zh")
    assert r.returncode == 0, r.stderr
    head, _rule, zto = r.stdout.splitlines()[:3]
    assert "优先区域" in head and "次日达区域" in head and "share" not in head
    assert "华东、华北" in zto and "全部" in zto and "east" not in r.stdout and "()" not in zto
    r = run(demo_dir, "carrier", "split", lang="zh")
    assert r.returncode == 0, r.stderr
    assert "华东、华北" in r.stdout and "east" not in r.stdout and "central" not in r.stdout
    assert re.search(r"华东、华北\s+60\.0%\s+\d+\s+\d+\.\d%", r.stdout)  # shares as percentages
    r = run(demo_dir, "report", "scorecard", lang="zh")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith(
        "权重 / weights: 响应速度 30, 高峰运力 25, 准时覆盖 20, 异常处理 15, 成本 10"
    )
    assert not any(code in r.stdout for code in ("east", "central", "failure", "{"))
    r = run(demo_dir, "carrier", "rules", "--format", "json")
    rules = {x["carrier"]: x for x in json.loads(r.stdout)}
    assert rules["ZTO"]["regions"] == "east,north" and rules["ZTO"]["coverage"] == "all"
    assert rules["ZTO"]["share"] == 0.6  # a fraction in JSON
