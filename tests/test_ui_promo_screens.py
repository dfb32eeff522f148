"""The promo lead screens offscreen, on a real demo station DB, with the real writer thread."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from warehouse_app.demo import build_demo
from warehouse_app.paths import db_path
from warehouse_app.promo.carriers import live_waybill_problems
from warehouse_app.store import open_store
from warehouse_app.store.writer import StoreWriter


@pytest.fixture
def ctx(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from ui.app import install_translator
    from ui.ops import AppContext, StationSettings

    install_translator(
        "en"
    )  # the tabs' texts come from Qt's translator, as in the app (en: the sources)
    data_dir = tmp_path / "st"
    store = open_store(db_path(data_dir))
    conn = store.connect()
    build_demo(conn, orders=500, seed=3)
    conn.close()
    writer = StoreWriter(store)
    c = AppContext(store, writer, data_dir, settings=StationSettings(language="en"))
    c.lead = {"code": "L001", "name": "Lead", "role": "lead"}
    try:
        yield c
    finally:
        c.close()
        writer.close()


def q(ctx: Any, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = ctx.store.connect(readonly=True)
    try:
        return [tuple(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


def load(qtbot: Any, tab: Any) -> Any:
    with qtbot.waitSignal(tab.loaded, timeout=15000) as b:
        tab.refresh()
    return b.args[0]


def test_lead_tabs_titles_and_widgets(qtbot, ctx):
    from ui.promo import lead_tabs

    tabs = lead_tabs(ctx)
    for _, w in tabs:
        qtbot.addWidget(w)
    assert [t for t, _ in tabs] == [
        "Stock tiers",
        "Pre-pack plans",
        "Ship-by",
        "Carriers",
        "Returns",
        "Promo review",
    ]


def test_stock_tab_shows_reasons_and_oversell_banner(qtbot, ctx):
    from ui.promo import StockTab

    tab = StockTab(ctx)
    qtbot.addWidget(tab)
    data = load(qtbot, tab)
    assert tab.table.rowCount() == len(data["advice"]) >= 10
    tiers = {
        tab.table.item(i, 0).text(): tab.table.item(i, 2).text()
        for i in range(tab.table.rowCount())
    }
    assert tiers["SKU-LIP-01"] == "Core hot"  # a person's word, not the core's code
    assert (
        not tab.banner.isHidden()
        and "OVERSELL" in tab.banner.text()
        and "SKU-CREAM-50" in tab.banner.text()
    )
    assert tab.short_table.rowCount() > 0


def test_plans_tab_adjust_and_create_batch(qtbot, ctx):
    from ui.promo import PlansTab

    tab = PlansTab(ctx)
    qtbot.addWidget(tab)
    rows = load(qtbot, tab)
    pid = rows[0]["plan_id"]
    for p, sp in tab.spins.items():
        sp.setValue(12 if p == pid else 0)
    n_batches = q(ctx, "SELECT count(*) FROM batches")[0][0]
    with qtbot.waitSignal(tab.done, timeout=15000):
        tab.create_btn.click()
    assert q(ctx, "SELECT count(*) FROM batches")[0][0] == n_batches + 1
    assert q(ctx, "SELECT qty, status FROM prepack_plans WHERE plan_id=?", pid)[0] == (
        12,
        "created",
    )
    assert (
        q(ctx, "SELECT planned_qty FROM batches ORDER BY created_at DESC, batch_id DESC LIMIT 1")[
            0
        ][0]
        == 12
    )


def test_shipping_tab_counts_down(qtbot, ctx):
    from datetime import timedelta

    from ui.promo import ShippingTab
    from warehouse_app.clock import parse_iso

    tab = ShippingTab(ctx)
    qtbot.addWidget(tab)
    data = load(qtbot, tab)
    assert tab.backlog.rowCount() == len(data["backlog"]) >= 2
    assert tab.risk.rowCount() > 0
    first = tab._risk_rows[0]
    tab.update_countdowns(parse_iso(first["ship_by"]) - timedelta(seconds=3725))
    assert tab.risk.item(0, 0).text() == "1:02:05"
    tab.update_countdowns(parse_iso(first["ship_by"]) + timedelta(seconds=60))
    assert tab.risk.item(0, 0).text() == "-0:01:00"


def test_carriers_tab_failover_and_export(qtbot, ctx, tmp_path):
    from ui.promo import CarriersTab

    tab = CarriersTab(ctx)
    qtbot.addWidget(tab)
    load(qtbot, tab)
    assert tab.split.rowCount() == 4
    tab.carrier.setCurrentIndex(tab.carrier.findData("YTO"))
    assert tab.carrier.currentText() == "YTO Express (YTO)"
    tab.reason.setText("truck broke down")
    with qtbot.waitSignal(tab.done, timeout=15000) as b:
        tab.fail_btn.click()
    assert b.args[0]["carrier"] == "YTO" and b.args[0]["orders_moved"] > 0
    assert "YTO Express failed over" in tab.result.text()
    assert q(ctx, "SELECT failing FROM carrier_rules WHERE carrier='YTO'")[0][0] == 1
    conn = ctx.store.connect(readonly=True)
    assert live_waybill_problems(conn) == []
    conn.close()
    qtbot.waitUntil(
        lambda: tab.failovers.rowCount() == 2, timeout=15000
    )  # the demo's Yunda + this one
    out = tmp_path / "open.jsonl"
    with qtbot.waitSignal(tab.done, timeout=15000):
        tab.export_to(out)
    assert out.exists() and "orders exported" in tab.result.text()
    # a failure is shown in the result line, zh/en, and changes nothing
    tab.carrier.clear()
    tab.carrier.addItem("NOPE", "NOPE")
    with qtbot.waitSignal(tab.failed, timeout=15000) as f:
        tab.fail_btn.click()
    assert "no rule" in f.args[1] and "NOPE" in tab.result.text()


def test_returns_tab_sets_station_defaults_and_records(qtbot, ctx):
    from ui.promo import ReturnsTab

    tab = ReturnsTab(ctx)
    qtbot.addWidget(tab)
    load(qtbot, tab)
    tab.reason.setCurrentIndex(tab.reason.findData("wrong_item"))
    tab.disposition.setCurrentIndex(tab.disposition.findData("restock"))
    with qtbot.waitSignal(tab.done, timeout=15000):
        tab.use_btn.click()
    wb = q(ctx, "SELECT waybill FROM parcels WHERE state='handed_off' ORDER BY parcel_id LIMIT 1")[
        0
    ][0]
    tab.code.setText(wb)
    with qtbot.waitSignal(tab.done, timeout=15000) as b:
        tab.scan_btn.click()
    assert b.args[0].ok and "Return recorded" in tab.result.text()
    assert q(ctx, "SELECT reason, disposition FROM returns WHERE waybill=?", wb)[0] == (
        "wrong_item",
        "restock",
    )
    # the station's return mode (3-argument call) now uses these
    from warehouse_app.returns import return_defaults

    conn = ctx.store.connect(readonly=True)
    assert return_defaults(conn) == ("wrong_item", "restock")
    conn.close()


def test_review_tab_shows_and_exports(qtbot, ctx, tmp_path):
    from ui.promo import PromoReviewTab

    tab = PromoReviewTab(ctx)
    qtbot.addWidget(tab)
    data = load(qtbot, tab)
    assert tab.score.rowCount() == 4 and tab.stock.rowCount() == len(data["review"]["stock"])
    assert "failovers 1" in tab.summary.text()
    for kind in ("csv", "pdf"):
        with qtbot.waitSignal(tab.exported, timeout=30000) as b:
            tab.export(kind, tmp_path / "out")
        assert Path(b.args[0]).suffix == f".{kind}" and Path(b.args[0]).stat().st_size > 0


def test_banner_follows_the_stock_on_refresh(qtbot, ctx):
    """Each refresh re-checks oversell on the writer: restocking the SKU clears the banner."""
    from ui.promo import ShippingTab
    from warehouse_app.promo.stock import set_stock
    from warehouse_app.store.tx import transaction

    tab = ShippingTab(ctx)
    qtbot.addWidget(tab)
    load(qtbot, tab)
    assert not tab.banner.isHidden() and "SKU-CREAM-50" in tab.banner.text()

    def restock(conn: Any) -> None:
        with transaction(conn):
            set_stock(conn, "SKU-CREAM-50", 100_000, operator="L001")

    ctx.writer.call(restock)
    load(qtbot, tab)
    assert tab.banner.isHidden()
    assert (
        q(ctx, "SELECT resolved_at IS NOT NULL FROM oversell_alerts WHERE sku='SKU-CREAM-50'")[0][0]
        == 1
    )
