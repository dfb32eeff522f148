"""The promo lead tabs look and behave like the rest of the lead area: titles and texts follow the
language, Chinese mode shows no English leftovers, raw codes or UTC stamps, tables are sized like
ui/lead.py's, nothing is clipped at 1366x768, the oversell banner is readable, work runs off the UI
thread, and a failed action says why in zh and en and changes nothing."""

from __future__ import annotations

import os
import re
import threading
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
)

from tests.test_ui_promo_screens import ctx, load, q
from tests.ui_fixtures import Station, station

ZH_TITLES = ["备货分层", "预包装计划", "分批发货", "快递分配", "退货", "大促复盘"]
EN_TITLES = ["Stock tiers", "Pre-pack plans", "Ship-by", "Carriers", "Returns", "Promo review"]
ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_LATIN = {"CSV", "PDF", "PIN"}  # file formats read the same in Chinese


def mount(qtbot: Any, ctx: Any, size: tuple[int, int] | None = None) -> QTabWidget:
    """The promo tabs in a tab widget, as ui/lead.py mounts them."""
    from ui.promo import lead_tabs

    tw = QTabWidget()
    qtbot.addWidget(tw)
    for title, w in lead_tabs(ctx):
        tw.addTab(w, title)
    if size is not None:
        tw.resize(*size)
        tw.show()
        qtbot.waitExposed(tw)
    return tw


def use_lang(ctx: Any, lang: str) -> None:
    """The station's language as the app sets it: the setting and Qt's translator for it."""
    from ui.app import install_translator

    ctx.settings.language = lang
    install_translator(lang)


def switch(ctx: Any, lang: str) -> None:
    """What MainWindow.set_language does for these tabs: setting and translator, then the app-wide signal."""
    use_lang(ctx, lang)
    ctx.events.language_changed.emit(lang)


def titles(tw: QTabWidget) -> list[str]:
    return [tw.tabText(i) for i in range(tw.count())]


def headers(t: QTableWidget) -> list[str]:
    return [t.horizontalHeaderItem(j).text() for j in range(t.columnCount())]


def cells(t: QTableWidget) -> list[list[str]]:
    return [
        [t.item(i, j).text() if t.item(i, j) else "" for j in range(t.columnCount())]
        for i in range(t.rowCount())
    ]


def load_all(qtbot: Any, tw: QTabWidget) -> None:
    for i in range(tw.count()):
        load(qtbot, tw.widget(i))


def english_leftovers(text: str) -> list[str]:
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


def raw_codes() -> set[str]:
    from ui.promo import common

    codes: set[str] = set()
    for table in (
        common.STOCK_TIERS,
        common.SHIP_TIERS,
        common.PARCEL_STATES,
        common.ROLES,
        common.REGIONS,
        common.PLAN_STATUS,
        common.TRIGGERS,
        common.PRINT_REASONS,
    ):
        codes |= set(table)
    return codes | {"east,north", "central,southwest", "True", "False"}


def test_tab_titles_follow_the_language(qtbot: Any, ctx: Any) -> None:
    tw = mount(qtbot, ctx)
    assert titles(tw) == EN_TITLES
    switch(ctx, "zh")
    assert titles(tw) == ZH_TITLES
    tab = tw.widget(3)
    assert tab.fail_btn.text() == "标记故障并切换" and tab.reason.placeholderText().startswith(
        "故障原因"
    )
    # a translator (re)installed sends LanguageChange down the widget tree: that alone retitles too
    use_lang(ctx, "en")
    QCoreApplication.sendEvent(tw, QEvent(QEvent.Type.LanguageChange))
    assert titles(tw) == EN_TITLES and tab.fail_btn.text() == "Mark failing and fail over"


def test_window_promo_tabs_switch_language(station: Station) -> None:
    """In the real window: F12-style switch retitles the promo tabs the lead area mounted."""
    st, w = station, station.window
    st.unlock_lead("batches")
    tabs = w.lead.tabs
    promo = [tabs.tabText(tabs.indexOf(widget)) for _, widget in w.lead.promo_tabs]
    assert promo == ZH_TITLES
    w.set_language("en")
    assert [tabs.tabText(tabs.indexOf(widget)) for _, widget in w.lead.promo_tabs] == EN_TITLES
    w.set_language("zh")
    assert [tabs.tabText(tabs.indexOf(widget)) for _, widget in w.lead.promo_tabs] == ZH_TITLES


def test_carriers_tab_in_chinese_names_times_and_regions(qtbot: Any, ctx: Any) -> None:
    from ui.promo import CarriersTab

    use_lang(ctx, "zh")
    tab = CarriersTab(ctx)
    qtbot.addWidget(tab)
    data = load(qtbot, tab)
    assert headers(tab.split) == [
        "快递",
        "角色",
        "区域",
        "目标",
        "实际",
        "订单",
        "日运力",
        "今日已用",
        "剩余",
        "状态",
        "当前目标",
        "偏差（百分点）",
        "原因",
    ]
    split = {r[0]: r for r in cells(tab.split)}
    # the core's deviation report, in words: how far from the target that counts now, and why
    dev = {ctx.carrier_label(r["carrier"]): r for r in data["split"]}
    for name, row in split.items():
        assert row[10] == f"{dev[name]['effective_target']:.1%}"
        assert row[11] == f"{dev[name]['deviation_pp']:+.1f}" and row[12] == dev[name]["why_zh"]
        assert row[12] and not english_leftovers(row[12])
    assert split["中通快递"][1:3] == ["主力", "华东、华北"]
    assert split["圆通速递"][1:3] == ["备用", "华南"]
    assert split["韵达快递"][1:3] == ["备用", "华中、西南"] and split["韵达快递"][9] == "故障"
    assert split["顺丰速运"][1].startswith("机动") and split["顺丰速运"][2].startswith("不限")
    assert split["中通快递"][3] == "60.0%"
    fo = cells(tab.failovers)[0]
    assert fo[0] == "韵达快递" and fo[1] == "组长手动"
    assert fo[3] == ctx.local_time(data["failovers"][0]["started_at"]) and "Z" not in fo[3]
    # YUNDA's open orders spread over the others by share (ZTO 60 : YTO 20)
    assert fo[5] == "中通快递 122、圆通速递 40" and fo[6] == "未恢复"
    rp = cells(tab.reprints)
    assert rp and all(r[1] in ("中通快递", "圆通速递") and r[4] == "快递切换" for r in rp)
    assert tab.carrier.itemText(tab.carrier.findData("ZTO")) == "中通快递（ZTO）"
    for t in (tab.split, tab.failovers, tab.reprints):
        assert not any(english_leftovers(h) for h in headers(t)), headers(t)
        assert not any(ISO_UTC.search(c) for row in cells(t) for c in row)
    # and back in English without a reload
    switch(ctx, "en")
    assert headers(tab.split)[:3] == ["Carrier", "Role", "Regions"]
    assert {r[0]: r[2] for r in cells(tab.split)}["ZTO Express"] == "East China, North China"


def static_texts(tab: Any) -> list[str]:
    """Everything a lead reads that is not data: buttons, headings, placeholders, choices, headers."""
    out = [b.text() for b in tab.findChildren(QPushButton)]
    skip = {"result", "zone_note", "oversell_banner", "review_summary", "review_next_split"}
    out += [
        lab.text()
        for lab in tab.findChildren(QLabel)
        if lab.objectName() not in skip and lab.text()
    ]
    out += [e.placeholderText() for e in tab.findChildren(QLineEdit)]
    for c in tab.findChildren(QComboBox):
        if c.objectName() != "carrier_pick":  # '中通快递（ZTO）': the code in brackets is wanted
            out += [c.itemText(i) for i in range(c.count())]
    for t in tab.findChildren(QTableWidget):
        out += headers(t)
    return [s for s in out if s]


def test_every_tab_in_chinese_has_no_english_codes_or_utc(qtbot: Any, ctx: Any) -> None:
    use_lang(ctx, "zh")
    tw = mount(qtbot, ctx)
    load_all(qtbot, tw)
    codes = raw_codes()
    for i in range(tw.count()):
        tab = tw.widget(i)
        texts = static_texts(tab)
        assert len(texts) > 5
        left = {s: english_leftovers(s) for s in texts if english_leftovers(s)}
        assert left == {}, f"{tw.tabText(i)}: English in zh mode {left}"
        for t in tab.findChildren(QTableWidget):
            for row in cells(t):
                assert not any(ISO_UTC.search(c) for c in row), f"{t.objectName()}: UTC stamp {row}"
                assert not (set(row) & codes), f"{t.objectName()}: raw code in {row}"
    ship = tw.widget(2)
    total = sum(r["at_risk"] + r["overdue"] for r in ship._data["backlog"])
    assert f"即将超时或已超时：{total} 单" in ship.risk_title.text()  # not the capped list's length
    review = tw.widget(5)
    assert "订单" in review.summary.text() and "下次大促建议" in review.next_split.text()
    assert "韵达快递" in review.next_split.text() or "中通快递" in review.next_split.text()


NUMBER = re.compile(r"^-?\d{1,9}(\.\d+)?%?$")


def test_tables_are_sized_like_the_lead_tables(qtbot: Any, ctx: Any) -> None:
    from ui.promo.common import MAX_COL_PX

    tw = mount(qtbot, ctx, (1346, 660))
    load_all(qtbot, tw)
    checked = 0
    for i in range(tw.count()):
        tw.setCurrentIndex(i)
        for t in tw.widget(i).findChildren(QTableWidget):
            if t.columnCount() == 0:
                continue
            modes = [t.horizontalHeader().sectionResizeMode(j) for j in range(t.columnCount())]
            assert modes.count(QHeaderView.ResizeMode.Stretch) == 1, t.objectName()
            assert not t.horizontalHeader().stretchLastSection()
            for j, m in enumerate(modes):
                if m != QHeaderView.ResizeMode.Stretch:
                    assert t.columnWidth(j) <= MAX_COL_PX, (t.objectName(), j)
            for r in range(t.rowCount()):
                for j in range(t.columnCount()):
                    it = t.item(r, j)
                    if it is not None and NUMBER.match(it.text()):
                        assert it.textAlignment() & Qt.AlignmentFlag.AlignRight, (
                            t.objectName(),
                            it.text(),
                        )
                        checked += 1
    assert checked > 100
    # numbers sort as numbers even when shown as percentages
    split = tw.widget(3).split
    split.sortItems(4, Qt.SortOrder.AscendingOrder)
    shares = [float(split.item(r, 4).text().rstrip("%")) for r in range(split.rowCount())]
    assert shares == sorted(shares)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_clipped_at_1366x768(qtbot: Any, ctx: Any, lang: str) -> None:
    """The lead area gives a tab about 1346x640 at 1366x768: every button shows its whole text, the
    plan quantities and countdowns fit their columns, and no tab needs more width than that."""
    use_lang(ctx, lang)
    tw = mount(qtbot, ctx, (1346, 640))
    for i in range(tw.count()):
        tw.setCurrentIndex(i)
        tab = tw.widget(i)
        load(qtbot, tab)
        qtbot.waitUntil(lambda: tab.isVisible())
        assert tab.minimumSizeHint().width() <= 1346, tw.tabText(i)
        for b in tab.findChildren(QPushButton):
            if b.isVisible():
                assert b.width() >= b.sizeHint().width(), (tw.tabText(i), b.text())
    plans = tw.widget(1)
    col = plans.COLS.index("qty")
    assert plans.spins and all(
        plans.table.columnWidth(col) >= sp.sizeHint().width() for sp in plans.spins.values()
    )
    ship = tw.widget(2)
    fm = ship.risk.fontMetrics()
    assert ship.risk.rowCount() > 0
    widest = max(
        fm.horizontalAdvance(ship.risk.item(r, 0).text()) for r in range(ship.risk.rowCount())
    )
    assert ship.risk.columnWidth(0) >= widest + 8


def contrast(a: str, b: str) -> float:
    def lum(hex_: str) -> float:
        rgb = [int(hex_[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_oversell_banner_is_readable(qtbot: Any, ctx: Any) -> None:
    from ui.promo.common import RED, OversellBanner

    banner = OversellBanner(ctx)
    qtbot.addWidget(banner)
    alerts = [
        {
            "sku": f"SKU-{n}",
            "demand": 100 + n,
            "stock": 10,
            "prepacked": 5,
            "short_units": n,
            "short_orders": [f"O{n}-{k}" for k in range(n)],
        }
        for n in range(1, 6)
    ]
    banner.show_alerts(alerts)
    assert not banner.isHidden() and banner.wordWrap()
    text = banner.text()
    assert (
        "SKU-5" in text and "SKU-3" in text and "SKU-1" not in text and "2 more SKU(s)" in text
    )  # worst first
    assert "demand 105 > supply 15 (stock 10 + pre-packed 5), 5 orders short" in text
    assert "#ffffff" in banner.styleSheet() and RED in banner.styleSheet()
    assert contrast("#ffffff", RED) >= 4.5  # WCAG AA for normal text
    assert (
        banner.heightForWidth(1300) <= 3 * banner.fontMetrics().height() + 24
    )  # at most ~2 lines at 1366
    switch(ctx, "zh")
    banner.show_alerts(alerts)
    assert (
        banner.text().startswith("⚠ 超卖：SKU-5 需求 105 > 可发 15")
        and "另有 2 个商品" in banner.text()
    )
    banner.show_alerts([])
    assert banner.isHidden()


def test_loads_and_actions_run_off_the_ui_thread(qtbot: Any, ctx: Any, monkeypatch: Any) -> None:
    import ui.promo.screens as screens
    from ui.promo import CarriersTab, StockTab

    ui_thread = threading.current_thread()
    seen: list[tuple[str, threading.Thread]] = []
    stock = StockTab(ctx)
    qtbot.addWidget(stock)
    for name in ("fetch", "precheck"):
        real = getattr(stock, name)

        def spy(conn: Any, _real: Any = real, _name: str = name) -> Any:
            seen.append((_name, threading.current_thread()))
            return _real(conn)

        monkeypatch.setattr(stock, name, spy)
    load(qtbot, stock)
    real_fail = screens._fail

    def fail_spy(*a: Any) -> Any:
        seen.append(("write", threading.current_thread()))
        return real_fail(*a)

    monkeypatch.setattr(screens, "_fail", fail_spy)
    car = CarriersTab(ctx)
    qtbot.addWidget(car)
    load(qtbot, car)
    car.carrier.setCurrentIndex(car.carrier.findData("SF"))
    with qtbot.waitSignal(car.done, timeout=15000):
        car.fail_btn.click()
        assert not car.fail_btn.isEnabled() and not car.restore_btn.isEnabled()  # no double submit
    assert car.fail_btn.isEnabled()
    assert {n for n, _ in seen} == {"fetch", "precheck", "write"}
    assert all(t is not ui_thread for _, t in seen)


def test_failed_action_says_why_in_zh_and_en_and_changes_nothing(qtbot: Any, ctx: Any) -> None:
    """Another lead created plan B's batch meanwhile: saving A and B together fails as a whole."""
    from ui.promo import PlansTab
    from warehouse_app.promo.plan import create_batches
    from warehouse_app.store.tx import transaction

    tab = PlansTab(ctx)
    qtbot.addWidget(tab)
    rows = load(qtbot, tab)
    a, b = rows[0]["plan_id"], rows[1]["plan_id"]
    qty_a = rows[0]["qty"]

    def other_lead(conn: Any) -> None:
        with transaction(conn):
            conn.execute("UPDATE prepack_plans SET status='dropped' WHERE plan_id NOT IN (?)", (b,))
            create_batches(conn, operator="L002")
            conn.execute("UPDATE prepack_plans SET status='draft' WHERE plan_id=?", (a,))

    ctx.writer.call(other_lead)
    before = q(ctx, "SELECT plan_id, qty, status FROM prepack_plans ORDER BY plan_id")
    n_batches = q(ctx, "SELECT count(*) FROM batches")[0][0]
    tab.spins[a].setValue(qty_a + 7)
    tab.spins[b].setValue(5)  # still editable on this (stale) screen
    with qtbot.waitSignal(tab.failed, timeout=15000) as f:
        tab.create_btn.click()
    zh, en = f.args
    assert b in zh and b in en and zh != en and re.search(r"[\u4e00-\u9fff]", zh)
    assert tab.result.text() == en
    assert q(ctx, "SELECT plan_id, qty, status FROM prepack_plans ORDER BY plan_id") == before
    assert q(ctx, "SELECT count(*) FROM batches")[0][0] == n_batches
    assert all(btn.isEnabled() for btn in tab.action_buttons)
    assert tab.spins[a].value() == qty_a + 7  # what the lead typed is still there to fix
    switch(ctx, "zh")  # the message follows the language
    assert tab.result.text() == zh
    assert tab.spins[a].value() == qty_a + 7


def test_showing_a_tab_loads_once(qtbot: Any, ctx: Any) -> None:
    """The tab's showEvent and the lead area's currentChanged both ask for a reload: one load runs."""
    tw = mount(qtbot, ctx, (1346, 640))
    tab = tw.widget(4)
    calls: list[int] = []
    real = tab.fetch
    tab.fetch = lambda conn: (calls.append(1), real(conn))[1]  # type: ignore[method-assign]
    with qtbot.waitSignal(tab.loaded, timeout=15000):
        tw.setCurrentWidget(tab)  # shows it (showEvent -> refresh)
        tab.refresh()  # what LeadArea._tab_changed does in the same turn
    assert calls == [1]
    assert not tab._loading and not tab._scheduled and not tab._again  # and no second load queued


def test_short_tables_show_every_row(qtbot: Any, ctx: Any) -> None:
    """Tables capped to their rows (tiers, carriers, scorecard) still show the last row whole."""
    tw = mount(qtbot, ctx, (1900, 960))
    for i, names in ((2, ["backlog"]), (3, ["split"]), (5, ["on_time", "score"])):
        tw.setCurrentIndex(i)
        tab = tw.widget(i)
        load(qtbot, tab)
        for name in names:
            t = getattr(tab, name)
            last = t.rowCount() - 1
            qtbot.waitUntil(lambda: t.viewport().height() > 0)
            assert last >= 1
            assert t.rowViewportPosition(last) + t.rowHeight(last) <= t.viewport().height(), (
                name,
                t.height(),
            )


def test_carrier_buttons_follow_the_picked_carrier_and_export_needs_no_dialog(
    qtbot: Any, ctx: Any
) -> None:
    from ui.promo import CarriersTab

    tab = CarriersTab(ctx)
    qtbot.addWidget(tab)
    load(qtbot, tab)
    tab.carrier.setCurrentIndex(tab.carrier.findData("YUNDA"))  # the demo's failing carrier
    assert not tab.fail_btn.isEnabled() and tab.restore_btn.isEnabled()
    tab.carrier.setCurrentIndex(tab.carrier.findData("ZTO"))
    assert tab.fail_btn.isEnabled() and not tab.restore_btn.isEnabled()
    with qtbot.waitSignal(tab.done, timeout=15000) as b:
        tab.export_btn.click()  # no modal file dialog: a stamped file in the station's exports folder
    path = b.args[0]["path"]
    assert str(ctx.data_dir / "exports") in str(path) and str(path).endswith(".jsonl")
    assert os.path.getsize(path) > 0 and str(path) in tab.result.text()


def test_times_follow_a_new_station_zone_without_reload(qtbot: Any, ctx: Any) -> None:
    from ui.promo import CarriersTab

    ctx.settings.timezone = "Asia/Shanghai"
    tab = CarriersTab(ctx)
    qtbot.addWidget(tab)
    data = load(qtbot, tab)
    stamp = data["failovers"][0]["started_at"]
    shanghai = tab.failovers.item(0, 3).text()
    assert shanghai == ctx.local_time(stamp)
    ctx.settings.timezone = "Europe/Berlin"
    ctx.events.data_changed.emit("settings")  # what the settings page says after saving
    assert tab.failovers.item(0, 3).text() == ctx.local_time(stamp) != shanghai
    assert "Europe/Berlin" in tab.zone.text()
