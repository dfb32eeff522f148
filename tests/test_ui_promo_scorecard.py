"""The carrier scorecard as a lead reads it (issue 12, "for people"): each score beside the data it
was measured from, the weights in force, headers in the station's language, a part with no data
reading 无数据 / "no data" (never 0 or blank), regions and exception kinds by name; and the other
promo tabs' unknown stock, unpromised orders and plan warnings said in words and local time.

Real demo station DB, real writer thread, Qt's translator as the app installs it."""

from __future__ import annotations

import os
import re
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.test_ui_promo_polish import ISO_UTC, cells, english_leftovers, headers, use_lang
from tests.test_ui_promo_screens import ctx, load, q

__all__ = ["ctx"]  # the fixture, imported for pytest

RAW = re.compile(
    r"\b(east|north|south|central|southwest|northeast|northwest|failure|intercept|damage_return|"
    r"next_day|coverage|core_hot|logistics_damage|unassigned|None)\b|[{}]"
)

# in English the words are plain English ("carrier failure"); raw keys are snake_case, dicts, or a
# bare region code before its rate
RAW_EN = re.compile(
    r"\b[a-z]+_[a-z_]+\b|[{}]|\b(east|north|south|central|southwest|northeast|northwest) \d"
)


def review_tab(qtbot: Any, ctx: Any) -> Any:
    from ui.promo import PromoReviewTab

    tab = PromoReviewTab(ctx)
    qtbot.addWidget(tab)
    load(qtbot, tab)
    return tab


def rows_by_carrier(tab: Any) -> dict[str, list[str]]:
    return {r[1]: r for r in cells(tab.score)}


def test_scorecard_in_chinese_scores_data_weights_and_no_data(qtbot: Any, ctx: Any) -> None:
    use_lang(ctx, "zh")
    tab = review_tab(qtbot, ctx)
    assert headers(tab.score) == [
        "排名",
        "快递",
        "总分",
        "响应速度 30%",
        "付款到交接（小时）",
        "高峰运力 25%",
        "最佳日：实接/可接",
        "准时覆盖 20%",
        "准时/到期",
        "异常处理 15%",
        "每千件异常",
        "成本 10%",
        "每件成本（元）",
    ]
    assert tab.weights.text().startswith(
        "权重：响应速度 30、高峰运力 25、准时覆盖 20、异常处理 15、成本 10。"
    )
    data = {r["carrier"]: r for r in tab._data["scorecard"]}
    rows = rows_by_carrier(tab)
    # SF handed off nothing in the demo: no total, ranks last, every measured part says so
    sf = rows["顺丰速运"]
    assert data["SF"]["total"] is None and sf[0] == str(len(rows))
    assert sf[2:11] == ["无数据"] * 9
    assert sf[11:] == [f"{data['SF']['cost_score']:.1f}", "6.50"]  # its cost is set: scored
    # a scored carrier: the numbers behind each score are in the row
    zto, z = rows["中通快递"], data["ZTO"]
    assert zto[3] == f"{z['response_score']:.1f}" and zto[4] == f"{z['response_hours']:.1f}"
    assert zto[6] == f"{z['peak_handled']}/{z['peak_could_take']}（{z['peak_day']}）"
    assert zto[8] == f"{z['coverage_on_time']}/{z['coverage_due']}"
    assert (
        zto[10] == f"{z['exceptions_per_1000']:.1f}" and zto[12] == f"{z['cost_cents'] / 100:.2f}"
    )
    for row in rows.values():
        assert "" not in row and "0.00" not in row
    # the data behind every score of the selected carrier, in words: regions and kinds by name
    top = tab._data["scorecard"][0]
    lines = tab.detail.text().splitlines()
    assert lines[0] == f"{ctx.carrier_label(top['carrier'])} 的评分依据："
    assert [ln.split("（")[0] for ln in lines[1:]] == [
        "响应速度",
        "高峰运力",
        "准时覆盖",
        "异常处理",
        "成本",
    ]
    assert "（权重 30）" in lines[1] and "付款到交接平均" in lines[1]
    assert any(name in lines[3] for name in ("华东", "华北", "华南", "华中", "西南"))
    assert "快递故障" in tab.detail.text() or "拦截" in tab.detail.text()
    for text in (tab.detail.text(), tab.weights.text(), *headers(tab.score)):
        assert not RAW.search(text), text
        assert not english_leftovers(text.replace("SKU", "")), text
    # picking SF shows SF's data: nothing handed off, no data, never a 0 score
    sf_row = next(
        i for i in range(tab.score.rowCount()) if tab.score.item(i, 1).text() == "顺丰速运"
    )
    tab.score.selectRow(sf_row)
    detail = tab.detail.text()
    assert detail.startswith("顺丰速运 的评分依据：")
    assert "响应速度（权重 30）：无数据 — 没有交接过包裹" in detail
    assert "异常处理（权重 15）：无数据 — 没有发出包裹" in detail


def test_scorecard_in_english_and_a_language_switch(qtbot: Any, ctx: Any) -> None:
    from tests.test_ui_promo_polish import switch

    use_lang(ctx, "en")
    tab = review_tab(qtbot, ctx)
    assert headers(tab.score)[:6] == [
        "Rank",
        "Carrier",
        "Total",
        "Response 30%",
        "Paid to handoff (h)",
        "Peak capacity 25%",
    ]
    assert "On-time coverage 20%" in headers(tab.score)
    assert not any("Next-day" in h for h in headers(tab.score))
    assert rows_by_carrier(tab)["SF Express"][2] == "no data"
    assert tab.weights.text().startswith(
        "Weights: Response 30, Peak capacity 25, On-time coverage 20, Exceptions 15, Cost 10."
    )
    assert "Data behind the scores of" in tab.detail.text()
    assert "China" in tab.detail.text()  # regions by name
    assert not RAW_EN.search(tab.detail.text()), tab.detail.text()
    switch(ctx, "zh")  # from memory, no reload: the same data in Chinese
    assert (
        headers(tab.score)[3] == "响应速度 30%" and rows_by_carrier(tab)["顺丰速运"][2] == "无数据"
    )
    assert "的评分依据" in tab.detail.text()


def test_weights_kept_for_the_promo_show_on_the_screen(qtbot: Any, ctx: Any) -> None:
    from warehouse_app.promo import operations as ops

    ctx.writer.call(lambda conn: ops.set_scorecard_weights(conn, {"coverage": 40}, "L001"))
    use_lang(ctx, "en")
    tab = review_tab(qtbot, ctx)
    # 30 + 25 + 40 + 15 + 10 = 120: each header shows the part's share of the total weight
    assert "On-time coverage 33%" in headers(tab.score) and "Response 25%" in headers(tab.score)
    assert "On-time coverage 40" in tab.weights.text()
    assert "On-time coverage (weight 40)" in tab.detail.text()


def test_unknown_stock_unpromised_orders_and_plan_warnings_in_words(qtbot: Any, ctx: Any) -> None:
    """A SKU never counted reads 未知 (not blank, not 0); an order without a promise is 未分配承诺,
    not 'unassigned'; a passed pre-pack window is said in Chinese, in local time."""
    from ui.promo import PlansTab, PromoReviewTab, ShippingTab, StockTab

    sku = q(ctx, "SELECT sku FROM stock_levels ORDER BY sku LIMIT 1")[0][0]
    order = q(ctx, "SELECT order_id FROM order_promises ORDER BY order_id LIMIT 1")[0][0]

    def arrange(conn: Any) -> None:  # test set-up: forget one count and one promise
        conn.execute("DELETE FROM stock_levels WHERE sku=?", (sku,))
        conn.execute("DELETE FROM order_promises WHERE order_id=?", (order,))

    from warehouse_app.promo import operations as ops

    ctx.writer.call(arrange)
    ctx.writer.call(lambda conn: ops.set_timezone(conn, "Asia/Shanghai", "L001"))
    ctx.settings.timezone = "Asia/Shanghai"  # what the window loads from that setting
    use_lang(ctx, "zh")
    stock = StockTab(ctx)
    qtbot.addWidget(stock)
    load(qtbot, stock)
    row = next(r for r in cells(stock.table) if r[0] == sku)
    assert row[stock.COLS.index("supply")] == "未知" and row[stock.COLS.index("left")] == "未知"
    review = PromoReviewTab(ctx)
    qtbot.addWidget(review)
    load(qtbot, review)
    rrow = next(r for r in cells(review.stock) if r[0] == sku)
    assert rrow[3] == "未知" and rrow[5:] == ["未知", "未知", "未知"]
    ship = ShippingTab(ctx)
    qtbot.addWidget(ship)
    load(qtbot, ship)
    tiers = [r[0] for r in cells(ship.backlog)]
    assert "未分配承诺" in tiers and "unassigned" not in tiers
    plans = PlansTab(ctx)
    qtbot.addWidget(plans)
    rows = load(qtbot, plans)
    warn_col = plans.COLS.index("warning")
    warned = [r[warn_col] for r in cells(plans.table) if r[warn_col]]
    assert len(warned) == sum(1 for r in rows if r["warning"]) >= 1
    passed = [w for w in warned if "预包装窗口已过" in w]
    assert passed
    for w in warned:
        assert not ISO_UTC.search(w) and not english_leftovers(w), w
    # the passed window is the plan's pack_until in the station's zone (Shanghai, UTC+8)
    late = next(r for r in rows if "窗口已过" in r["warning_zh"])
    assert ctx.local_time(late["pack_until"], "%Y-%m-%d %H:%M") in late["warning_zh"]
