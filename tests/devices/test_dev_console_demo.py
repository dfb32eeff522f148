"""The README's demo on a machine without a screen: the real headless station on simulated devices."""

from __future__ import annotations

import sqlite3

from tests.cli_helpers import run_cli


def test_console_demo_shows_real_verdicts_and_commits_them(tmp_path):
    out = run_cli(tmp_path, "run", "--headless", "--demo", lang="zh", timeout=180)
    text = out.stdout
    assert text.count("✔ 核对通过") == 3
    assert "✘ 订单已取消：拦截！" in text and "取出包裹，放入拦截区" in text
    assert "✘ 重复扫描" in text and "✘ 尚未打包" in text and "✘ 未知条码" in text
    assert "欢迎" in text and "核对装箱" in text  # badge login and the mode card
    assert "共 9 次扫描" in text
    # the three OK scans are durable verified parcels with their outbox events
    db = sqlite3.connect(tmp_path / "demo" / "station.db")
    verified_by_kiosk = db.execute(
        "SELECT count(*) FROM parcels WHERE state='verified' AND verified_by='P001' "
        "AND verified_at >= (SELECT max(created_at) FROM events WHERE type='batch.started')"
    ).fetchone()[0]
    assert verified_by_kiosk >= 3
    again = run_cli(tmp_path, "run", "--headless", "--demo", lang="en", timeout=180)
    assert (
        again.stdout.count("✔ Verified") == 3
    )  # the demo data is kept; the next shift takes new parcels


def test_run_without_a_scanner_says_what_to_pass(tmp_path):
    out = run_cli(tmp_path, "run", "--headless", "--mode", "verify", check=False)
    assert out.returncode == 1 and "--scanner" in out.stderr and "Traceback" not in out.stderr
