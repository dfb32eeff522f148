"""CSV in: UTF-8 (with or without BOM) or GB18030/GBK (what Excel saves for Chinese users), detected by
charset-normalizer plus strict checks and never guessed wrong silently; imports streamed in chunks
inside one transaction (bad rows: nothing imported)."""

from __future__ import annotations

import csv
import io

import pytest

from tests.test_promo_common import new_station
from warehouse_app.errors import StationError
from warehouse_app.importer import ImportRefused, detect_encoding, import_orders_file

HEADER = [
    "order_id",
    "paid_at",
    "items",
    "recipient_name",
    "recipient_phone",
    "province",
    "address",
]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _row(
    i: int, name: str = "王伟", addr: str = "广东省深圳市南山区科技园路1号3栋201室"
) -> list[str]:
    return [f"O{i:06d}", "2026-11-11T20:00:00+08:00", "A*1", name, "13800000000", "广东", addr]


def _orders(conn):
    return conn.execute(
        "SELECT order_id, recipient_name, address FROM orders ORDER BY order_id"
    ).fetchall()


@pytest.mark.parametrize(
    ("encoding", "expect"),
    [("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")],
)
def test_gb18030_and_utf8_files_import_with_chinese_intact(tmp_path, encoding, expect):
    conn = new_station(tmp_path)
    f = tmp_path / "orders.csv"
    f.write_bytes(_csv([_row(i) for i in range(30)]).encode(encoding))
    assert detect_encoding(f) == expect
    s = import_orders_file(conn, f)
    assert s["inserted"] == 30 and s["bad_rows"] == 0
    rows = _orders(conn)
    assert rows[0][1] == "王伟" and rows[0][2].endswith("3栋201室")


def test_a_short_gbk_sample_is_not_taken_for_big5(tmp_path):
    # charset-normalizer alone calls this Big5; GB2312-clean GB18030 decoding settles it
    f = tmp_path / "one.csv"
    f.write_bytes(_csv([_row(1, name="王伟", addr="上海")]).encode("gbk"))
    assert detect_encoding(f) == "gb18030"


def test_big5_or_latin_files_are_refused_clearly_and_nothing_imported(tmp_path):
    conn = new_station(tmp_path)
    for enc, text in (("big5", "王偉台北市"), ("cp1252", "Müller Straße café")):
        f = tmp_path / f"{enc}.csv"
        row = [*_row(1, name=text, addr=text)[:5], text, text]
        f.write_bytes(_csv([row]).encode(enc))
        with pytest.raises(StationError, match="cannot tell its text encoding") as e:
            import_orders_file(conn, f)
        assert "UTF-8" in e.value.zh and "无法确定文件编码" in e.value.zh
    assert _orders(conn) == []


def test_a_file_that_changes_encoding_after_the_sample_stops_with_its_line(tmp_path):
    conn = new_station(tmp_path)
    good = _csv([_row(i) for i in range(12_000)]).encode("utf-8")  # well over the 1 MB sample
    assert len(good) > 1 << 20
    bad = "O999999,2026-11-11T20:00:00+08:00,A*1,李娜,13800000000,广东,深圳\r\n".encode("gbk")
    f = tmp_path / "mixed.csv"
    f.write_bytes(good + bad)
    with pytest.raises(StationError, match=r"near line 12002 .*not valid UTF-8.*nothing imported"):
        import_orders_file(conn, f)
    assert _orders(conn) == []


def test_chinese_headers_bad_rows_and_duplicates(tmp_path):
    conn = new_station(tmp_path)
    zh = ["订单号", "付款时间", "商品", "收件人", "电话", "省份", "地址"]
    rows = [_row(1), _row(2), ["O000003", "yesterday", "A*1", "x", "1", "广东", "y"], _row(1)]
    rows.append(["O000004", "2026-11-11T20:00:00+08:00", "NOPE*1", "x", "1", "广东", "y"])
    f = tmp_path / "zh.csv"
    f.write_bytes(_csv(rows, zh).encode("gb18030"))
    with pytest.raises(ImportRefused) as e:
        import_orders_file(conn, f)
    msgs = [str(x) for x in e.value.errors]
    assert msgs[0].startswith("line 4: paid_at is not a date-time")
    assert msgs[1] == "line 5: duplicate order_id 'O000001' (first on line 2)"
    assert msgs[2] == "line 6: unknown SKU NOPE"
    assert _orders(conn) == []  # nothing imported
    s = import_orders_file(conn, f, skip_bad=True)
    assert s["inserted"] == 2 and s["bad_rows"] == 3
    assert [r[0] for r in _orders(conn)] == ["O000001", "O000002"]


def test_cli_import_reads_gbk_and_cli_csv_out_has_a_bom(tmp_path):
    from tests.cli_helpers import run_cli

    d = tmp_path / "st"
    run_cli(d, "init", "--station-id", "T1")
    skus = tmp_path / "skus.csv"
    skus.write_bytes("code,name\nA,口红\n".encode("gbk"))
    run_cli(d, "import", "skus", str(skus))
    f = tmp_path / "orders.csv"
    f.write_bytes(_csv([_row(i) for i in range(5)]).encode("gbk"))
    r = run_cli(d, "import", "orders", str(f))
    assert '"inserted": 5' in r.stdout
    r = run_cli(d, "carrier", "list", "--format", "csv")
    assert r.stdout.startswith("\ufeff")


def test_bulk_import_rebuilds_the_indexes_and_rolls_back_on_bad_rows(tmp_path):
    """The path a big file takes (secondary indexes dropped and rebuilt in the transaction) gives
    the same rows, the same index set, and a refused file leaves everything as it was."""
    conn = new_station(tmp_path)
    idx = (
        "SELECT name, sql FROM sqlite_master WHERE type='index' "
        "AND tbl_name IN ('orders','order_items') ORDER BY name"
    )
    before = conn.execute(idx).fetchall()
    f = tmp_path / "big.csv"
    f.write_bytes(_csv([_row(i) for i in range(300)]).encode("gb18030"))
    s = import_orders_file(conn, f, bulk=True, chunk=50)
    assert s["inserted"] == 300 and conn.execute(idx).fetchall() == before
    assert conn.execute("SELECT count(*) FROM order_items").fetchone()[0] == 300
    assert conn.execute("SELECT units FROM promo_sku_demand WHERE sku='A'").fetchone()[0] == 300
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([_row(1000 + i) for i in range(10)] + [["X", "nope"]]).encode("utf-8"))
    with pytest.raises(ImportRefused):
        import_orders_file(conn, bad, bulk=True)
    assert conn.execute(idx).fetchall() == before
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 300
