"""The lead's CLI on a fresh station: carriers added by hand and imported (GBK CSV), the station's
time zone, times shown local, the manifest from `handoff close --print` and `handoff manifest ID`."""

from __future__ import annotations

import json

from tests.cli_helpers import run_cli


def test_fresh_station_carriers_zone_and_manifests(tmp_path):
    d = tmp_path / "st"
    run_cli(d, "init", "--station-id", "T1")
    r = run_cli(d, "carrier", "add", "zto", "--name", "ZTO Express", "--name-zh", "中通快递")
    assert "ZTO" in r.stdout
    f = tmp_path / "carriers.csv"
    f.write_bytes("代码,名称,中文名,面单前缀\nYTO,YTO Express,圆通速递,YT\n".encode("gbk"))
    r = run_cli(d, "carrier", "import", str(f))
    assert json.loads(r.stdout)["carriers"] == 1
    rows = json.loads(run_cli(d, "carrier", "list", "--format", "json").stdout)
    assert [(c["code"], c["name_zh"]) for c in rows] == [("YTO", "圆通速递"), ("ZTO", "中通快递")]
    r = run_cli(d, "carrier", "list", "--format", "csv", lang="zh")
    assert r.stdout.startswith("\ufeff代码,名称,中文名,面单前缀")
    bad = run_cli(d, "carrier", "add", "no good!", check=False)
    assert bad.returncode == 1 and "Carrier code must be" in bad.stderr
    # the zone is the station's, set from the CLI, and checked
    assert "Asia/Shanghai" in run_cli(d, "timezone", "Asia/Shanghai").stdout
    bad = run_cli(d, "timezone", "Mars/Base", check=False)
    assert bad.returncode == 1 and "Unknown time zone" in bad.stderr
    # a handoff closed with --print leaves the manifest PDF; `handoff manifest` writes it again
    h = json.loads(run_cli(d, "handoff", "open", "--carrier", "ZTO").stdout)["handoff_id"]
    out = json.loads(run_cli(d, "handoff", "close", h, "--print").stdout)
    pdf = d / "manifests" / f"{h}.pdf"
    assert out["manifest_pdf"] == str(pdf) and pdf.read_bytes()[:5] == b"%PDF-"
    other = tmp_path / "m.pdf"
    r = run_cli(d, "handoff", "manifest", h, "--output", str(other))
    assert json.loads(r.stdout)["manifest_pdf"] == str(other) and other.read_bytes()[:5] == b"%PDF-"
    bad = run_cli(d, "handoff", "manifest", "NOPE", check=False)
    assert (
        bad.returncode == 1 and "NOPE" in bad.stderr and not (d / "manifests" / "NOPE.pdf").exists()
    )
