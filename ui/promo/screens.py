"""The promo playbook screens for shift leads: stock tiers and oversell, pre-pack plans, staggered
shipping with live countdowns, carrier split and failover, returns, and the review with the scorecard.
All logic is warehouse_app.promo; these widgets only show it and run it off the UI thread."""
from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from warehouse_app.clock import parse_iso, utcnow
from warehouse_app.promo import carriers as carriers_mod
from warehouse_app.promo import plan as plan_mod
from warehouse_app.promo import review as review_mod
from warehouse_app.promo import scorecard as score_mod
from warehouse_app.promo import shipping as ship_mod
from warehouse_app.promo import stock as stock_mod
from warehouse_app.returns import DISPOSITIONS, REASONS, return_defaults, return_report, scan_return, set_return_defaults
from warehouse_app.scan_engine import ScanContext
from warehouse_app.store.tx import transaction

from ui.ops import AppContext, run_in_background, run_on_writer
from ui.promo.common import OversellBanner, PromoTab, cell, fill_table, make_table

logger = logging.getLogger(__name__)


def _button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumHeight(36)
    return b


# ---------------------------------------------------------------- stock tiers and oversell


def _stock_data(conn: Any) -> dict[str, Any]:
    return {"advice": [a.row() for a in stock_mod.recommend_stock(conn)], "alerts": stock_mod.open_alerts(conn),
            "position": stock_mod.stock_position(conn)}


def _save_plan(conn: Any, op: str | None) -> int:
    with transaction(conn):
        return stock_mod.save_stock_plan(conn, stock_mod.recommend_stock(conn), operator=op)


def _check_oversell(conn: Any, op: str | None) -> list[dict[str, Any]]:
    with transaction(conn):
        return stock_mod.check_oversell(conn, operator=op)


class StockTab(PromoTab):
    """SKU tiers with the numbers and reason for each recommendation; oversold SKUs and short orders."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        self.banner = OversellBanner(ctx)
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.refresh_btn = _button(self.t("刷新", "Refresh"), "stock_refresh")
        self.save_btn = _button(self.t("保存备货计划并分层", "Save plan and tiers"), "stock_save")
        self.check_btn = _button(self.t("检查超卖", "Check oversell"), "stock_check")
        for b in (self.refresh_btn, self.save_btn, self.check_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.table = make_table("stock_table")
        lay.addWidget(self.table, 3)
        lay.addWidget(QLabel(self.t("缺货订单（最晚付款的先缺）", "Short orders (latest paid go short first)")))
        self.short_table = make_table("short_table")
        lay.addWidget(self.short_table, 1)
        lay.addWidget(self.result)
        self.refresh_btn.clicked.connect(self.refresh)
        self.save_btn.clicked.connect(self.save_plan)
        self.check_btn.clicked.connect(self.check)

    def refresh(self) -> None:
        # re-check oversell on the writer first (new orders may have arrived), then show
        run_on_writer(self.ctx, _check_oversell, self.operator, parent=self,
                      on_success=lambda _a: self.read(_stock_data, ok=self._show), on_failure=self.fail)

    def _show(self, data: dict[str, Any]) -> None:
        reason = "reason_zh" if self.ctx.lang == "zh" else "reason"
        pos = {p["sku"]: p for p in data["position"]}
        rows = []
        for a in data["advice"]:
            p = pos.get(a["sku"], {})
            left = p.get("gap")
            rows.append({**a, "left": left, "reorder": self.t("立即补货", "RE-ORDER") if p.get("reorder_now") else ""})
        fill_table(self.table, rows, ["sku", "name", "tier", "recommended_qty", "reorder_point", "left", "reorder", reason],
                   [self.t("商品", "SKU"), self.t("名称", "Name"), self.t("分层", "Tier"),
                    self.t("建议备货", "Recommended"), self.t("补货点", "Re-order at"), self.t("剩余", "Left"),
                    self.t("补货", "Re-order"), self.t("依据", "Reason")])
        self.banner.show_alerts(data["alerts"])
        shorts = [{"sku": a["sku"], "order_id": o} for a in data["alerts"] for o in a["short_orders"]]
        fill_table(self.short_table, shorts, ["sku", "order_id"], [self.t("商品", "SKU"), self.t("订单", "Order")])

    def save_plan(self) -> None:
        self.write(_save_plan, self.operator, ok=self.then(lambda n: (f"已保存 {n} 个商品的备货计划",
                                                                       f"Stock plan saved for {n} SKUs")))

    def check(self) -> None:
        def ok(alerts: list[dict[str, Any]]) -> None:
            self.say(self.t(f"超卖商品 {len(alerts)} 个", f"{len(alerts)} SKU(s) oversold"), ok=not alerts)
            self.refresh()
        self.write(_check_oversell, self.operator, ok=ok)


# ---------------------------------------------------------------- pre-pack plans


def _plans(conn: Any) -> list[dict[str, Any]]:
    return plan_mod.list_plans(conn)


def _suggest(conn: Any, op: str | None) -> int:
    with transaction(conn):
        return plan_mod.save_plans(conn, plan_mod.suggest_plans(conn), operator=op)


def _apply_plans(conn: Any, changes: list[tuple[str, int]], create: bool, op: str | None) -> list[dict[str, Any]]:
    with transaction(conn):  # all adjustments and batches, or none
        for pid, qty in changes:
            plan_mod.adjust_plan(conn, pid, qty, operator=op)
        return plan_mod.create_batches(conn, operator=op) if create else []


class PlansTab(PromoTab):
    """Pre-pack plans per session and SKU set: the lead adjusts quantities, then creates the batches."""

    COLS = ["plan_id", "session_id", "sku_set", "qty", "suggested_qty", "pack_from", "pack_until", "status", "batch_id"]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.suggest_btn = _button(self.t("按备货计划生成", "Suggest from stock plan"), "plans_suggest")
        self.save_btn = _button(self.t("保存数量", "Save quantities"), "plans_save")
        self.create_btn = _button(self.t("保存并创建批次", "Save and create batches"), "plans_create")
        for b in (self.suggest_btn, self.save_btn, self.create_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.table = make_table("plans_table")
        lay.addWidget(self.table)
        lay.addWidget(self.result)
        self.spins: dict[str, QSpinBox] = {}
        self._rows: list[dict[str, Any]] = []
        self.suggest_btn.clicked.connect(self.suggest)
        self.save_btn.clicked.connect(lambda: self.apply(False))
        self.create_btn.clicked.connect(lambda: self.apply(True))

    def refresh(self) -> None:
        self.read(_plans, ok=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        fill_table(self.table, rows, self.COLS,
                   [self.t("计划", "Plan"), self.t("场次", "Session"), self.t("商品组合", "SKU set"),
                    self.t("数量", "Qty"), self.t("建议", "Suggested"), self.t("开始打包", "Pack from"),
                    self.t("打包截止", "Pack until"), self.t("状态", "Status"), self.t("批次", "Batch")])
        self.spins = {}
        for i, r in enumerate(rows):
            if r["status"] != "draft":
                continue
            sp = QSpinBox()
            sp.setRange(0, 10_000_000)
            sp.setValue(int(r["qty"]))
            sp.setObjectName(f"qty_{r['plan_id']}")
            self.table.setCellWidget(i, 3, sp)
            self.spins[r["plan_id"]] = sp

    def changes(self) -> list[tuple[str, int]]:
        by_id = {r["plan_id"]: r for r in self._rows}
        return [(pid, sp.value()) for pid, sp in self.spins.items() if sp.value() != by_id[pid]["qty"]]

    def suggest(self) -> None:
        self.write(_suggest, self.operator, ok=self.then(lambda n: (f"已生成 {n} 个计划", f"{n} plan(s)")))

    def apply(self, create: bool) -> None:
        def ok(made: list[dict[str, Any]]) -> None:
            self.say(self.t(f"已保存；创建批次 {len(made)} 个", f"Saved; {len(made)} batch(es) created"))
            self.refresh()
        self.write(_apply_plans, self.changes(), create, self.operator, ok=ok)


# ---------------------------------------------------------------- staggered shipping


def _shipping(conn: Any) -> dict[str, Any]:
    return {"backlog": ship_mod.backlog(conn), "at_risk": ship_mod.at_risk_orders(conn, limit=300),
            "alerts": stock_mod.open_alerts(conn)}


def _assign(conn: Any, op: str | None) -> dict[str, int]:
    with transaction(conn):
        return ship_mod.assign_promises(conn, operator=op)


class ShippingTab(PromoTab):
    """Backlog per promise tier and the orders about to miss their promise, counted down every second."""

    def __init__(self, ctx: AppContext, reload_ms: int = 30_000) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        self.banner = OversellBanner(ctx)
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.assign_btn = _button(self.t("给新订单分配发货承诺", "Assign promises to new orders"), "ship_assign")
        row.addWidget(self.assign_btn)
        row.addStretch(1)
        lay.addLayout(row)
        self.backlog = make_table("backlog_table")
        lay.addWidget(self.backlog, 1)
        lay.addWidget(QLabel(self.t("即将超时（倒计时）", "At risk of missing the promise (countdown)")))
        self.risk = make_table("risk_table")
        lay.addWidget(self.risk, 3)
        lay.addWidget(self.result)
        self._risk_rows: list[dict[str, Any]] = []
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self.update_countdowns)
        self.tick.start()
        self.reload = QTimer(self)
        self.reload.setInterval(reload_ms)
        self.reload.timeout.connect(self.refresh)
        self.reload.start()
        self.assign_btn.clicked.connect(self.assign)

    def refresh(self) -> None:
        run_on_writer(self.ctx, _check_oversell, self.operator, parent=self,
                      on_success=lambda _a: self.read(_shipping, ok=self._show), on_failure=self.fail)

    def _show(self, data: dict[str, Any]) -> None:
        fill_table(self.backlog, data["backlog"], ["tier", "open_orders", "at_risk", "overdue", "next_due"],
                   [self.t("档位", "Tier"), self.t("待发", "Open"), self.t("临近超时", "At risk"),
                    self.t("已超时", "Overdue"), self.t("最早截止", "Next due")])
        self._risk_rows = data["at_risk"]
        for r in self._risk_rows:
            r["countdown"] = ""
        fill_table(self.risk, self._risk_rows, ["countdown", "order_id", "tier", "ship_by", "state", "carrier", "sku_set"],
                   [self.t("剩余", "Left"), self.t("订单", "Order"), self.t("档位", "Tier"), self.t("截止", "Ship by"),
                    self.t("状态", "State"), self.t("快递", "Carrier"), self.t("商品", "SKU set")])
        self.banner.show_alerts(data["alerts"])
        self.update_countdowns()

    def update_countdowns(self, now: datetime | None = None) -> None:
        """Recompute the countdown column locally; no DB work on the UI thread."""
        now = now or utcnow()
        for i, r in enumerate(self._risk_rows):
            secs = int((parse_iso(r["ship_by"]) - now).total_seconds())
            item = self.risk.item(i, 0)
            if item is None:
                item = QTableWidgetItem()
                self.risk.setItem(i, 0, item)
            item.setText(ship_mod.countdown(secs))
            item.setForeground(Qt_red() if secs < 0 else Qt_amber())

    def assign(self) -> None:
        self.write(_assign, self.operator, ok=self.then(lambda c: (f"已分配：{c}", f"Assigned: {c}")))


def Qt_red() -> Any:  # noqa: N802 - tiny colour helpers
    from PySide6.QtGui import QColor

    return QColor("#b71c1c")


def Qt_amber() -> Any:  # noqa: N802
    from PySide6.QtGui import QColor

    return QColor("#e65100")


# ---------------------------------------------------------------- carriers


def _carriers(conn: Any) -> dict[str, Any]:
    return {"split": carriers_mod.split_report(conn), "reprints": carriers_mod.open_print_requests(conn),
            "failovers": [dict(r) for r in conn.execute(
                "SELECT carrier, trigger, reason, started_at, orders_moved, moved_to, restored_at FROM failovers "
                "ORDER BY started_at DESC")]}


def _allocate(conn: Any, op: str | None) -> dict[str, Any]:
    with transaction(conn):
        return carriers_mod.allocate_orders(conn, operator=op)


def _fail(conn: Any, carrier: str, reason: str, op: str | None) -> dict[str, Any]:
    with transaction(conn):
        return carriers_mod.fail_carrier(conn, carrier, reason=reason, operator=op)


def _restore(conn: Any, carrier: str, op: str | None) -> str:
    with transaction(conn):
        carriers_mod.restore_carrier(conn, carrier, operator=op)
    return carrier


def _check(conn: Any, op: str | None) -> list[dict[str, Any]]:
    with transaction(conn):
        return carriers_mod.check_carriers(conn, auto_failover=False, operator=op)


def _export(conn: Any, path: str, op: str | None) -> dict[str, Any]:
    with transaction(conn):
        return carriers_mod.export_open_orders(conn, path, operator=op)


class CarriersTab(PromoTab):
    """Realised split beside the target, failover (mark failing / restore), checks, reprints, and the
    warehouse-failover export."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.allocate_btn = _button(self.t("分配快递", "Allocate carriers"), "carrier_allocate")
        self.check_btn = _button(self.t("检查揽收/运力", "Check stalls/capacity"), "carrier_check")
        self.export_btn = _button(self.t("导出未发订单（仓库切换）", "Export open orders (warehouse failover)"),
                                  "carrier_export")
        for b in (self.allocate_btn, self.check_btn, self.export_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        self.carrier = QComboBox()
        self.carrier.setObjectName("carrier_pick")
        self.reason = QLineEdit()
        self.reason.setObjectName("carrier_reason")
        self.reason.setPlaceholderText(self.t("故障原因", "Why it is failing"))
        self.fail_btn = _button(self.t("标记故障并切换", "Mark failing and fail over"), "carrier_fail")
        self.fail_btn.setStyleSheet("background:#b71c1c;color:white;font-weight:bold")
        self.restore_btn = _button(self.t("恢复", "Restore"), "carrier_restore")
        for w in (self.carrier, self.reason, self.fail_btn, self.restore_btn):
            row2.addWidget(w)
        lay.addLayout(row2)
        self.split = make_table("split_table")
        lay.addWidget(self.split, 2)
        lay.addWidget(QLabel(self.t("切换记录 / 待补打面单", "Failovers / waybills waiting to print")))
        self.failovers = make_table("failover_table")
        lay.addWidget(self.failovers, 1)
        self.reprints = make_table("reprint_table")
        lay.addWidget(self.reprints, 1)
        lay.addWidget(self.result)
        self.allocate_btn.clicked.connect(self.allocate)
        self.check_btn.clicked.connect(self.check)
        self.fail_btn.clicked.connect(self.fail_over)
        self.restore_btn.clicked.connect(self.restore)
        self.export_btn.clicked.connect(self._export_dialog)

    def refresh(self) -> None:
        self.read(_carriers, ok=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        split = [{**r, "failing": self.t("故障", "FAILING") if r["failing"] else ""} for r in data["split"]]
        fill_table(self.split, split, ["carrier", "role", "regions", "target_share", "realised_share", "orders",
                                               "capacity_today", "used_today", "left_today", "failing"],
                   [self.t("快递", "Carrier"), self.t("角色", "Role"), self.t("区域", "Regions"),
                    self.t("目标", "Target"), self.t("实际", "Realised"), self.t("订单", "Orders"),
                    self.t("日运力", "Capacity"), self.t("今日已用", "Used today"), self.t("剩余", "Left"),
                    self.t("故障", "Failing")])
        current = self.carrier.currentText()
        self.carrier.clear()
        self.carrier.addItems([r["carrier"] for r in data["split"] if r["role"] != "-"])
        if current:
            self.carrier.setCurrentText(current)
        fill_table(self.failovers, data["failovers"], ["carrier", "trigger", "reason", "started_at", "orders_moved",
                                                       "moved_to", "restored_at"])
        fill_table(self.reprints, data["reprints"], ["id", "order_id", "parcel_id", "waybill", "carrier", "requested_at"])

    def allocate(self) -> None:
        self.write(_allocate, self.operator, ok=self.then(lambda s: (f"已分配 {s['orders']} 单",
                                                                      f"{s['orders']} order(s) allocated")))

    def check(self) -> None:
        def ok(rows: list[dict[str, Any]]) -> None:
            bad = [r["carrier"] for r in rows if r["stalled"] or r["capacity_out"]]
            self.say(self.t(f"异常快递：{', '.join(bad) or '无'}", f"Carriers with problems: {', '.join(bad) or 'none'}"),
                     ok=not bad)
        self.write(_check, self.operator, ok=ok)

    def fail_over(self) -> None:
        c = self.carrier.currentText()
        if not c:
            self.say(self.t("先选择快递公司", "Pick a carrier first"), ok=False)
            return

        def ok(res: dict[str, Any]) -> None:
            self.say(self.t(f"{c} 已切换：{res['orders_moved']} 单改派 {json.dumps(res['moved_to'], ensure_ascii=False)}，"
                            f"待补打 {res['reprints_queued']} 张",
                            f"{c} failed over: {res['orders_moved']} orders moved {json.dumps(res['moved_to'])}, "
                            f"{res['reprints_queued']} reprints queued"))
            self.refresh()
        self.write(_fail, c, self.reason.text().strip(), self.operator, ok=ok)

    def restore(self) -> None:
        c = self.carrier.currentText()
        self.write(_restore, c, self.operator, ok=self.then(lambda _c: (f"{c} 已恢复", f"{c} restored")))

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.t("导出未发订单", "Export open orders"),
                                              str(self.ctx.data_dir / "open-orders.jsonl"), "JSON Lines (*.jsonl)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        self.write(_export, str(path), self.operator,
                   ok=lambda r: self.say(self.t(f"已导出 {r['orders']} 单到 {r['path']}",
                                                f"{r['orders']} orders exported to {r['path']}")))


# ---------------------------------------------------------------- returns


def _returns_data(conn: Any) -> dict[str, Any]:
    reason, disp = return_defaults(conn)
    return {"by_sku": return_report(conn, "sku"), "by_session": return_report(conn, "session"),
            "reason": reason, "disposition": disp}


def _set_defaults(conn: Any, reason: str, disp: str) -> tuple[str, str]:
    with transaction(conn):
        set_return_defaults(conn, reason, disp)
    return reason, disp


class ReturnsTab(PromoTab):
    """Pick the reason and disposition the station's return mode records, scan returns by hand, and see
    return rate and reasons per SKU and per session."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.reason = QComboBox()
        self.reason.setObjectName("return_reason")
        for k, (zh, en) in REASONS.items():
            self.reason.addItem(self.t(zh, en), k)
        self.disposition = QComboBox()
        self.disposition.setObjectName("return_disposition")
        for k, (zh, en) in DISPOSITIONS.items():
            self.disposition.addItem(self.t(zh, en), k)
        self.use_btn = _button(self.t("设为退货模式默认", "Use for return mode"), "return_use")
        self.code = QLineEdit()
        self.code.setObjectName("return_code")
        self.code.setPlaceholderText(self.t("扫描面单号或订单号", "Scan waybill or order number"))
        self.scan_btn = _button(self.t("登记退货", "Record return"), "return_scan")
        for w in (QLabel(self.t("原因", "Reason")), self.reason, QLabel(self.t("处理", "Disposition")), self.disposition,
                  self.use_btn, self.code, self.scan_btn):
            row.addWidget(w)
        lay.addLayout(row)
        self.by_sku = make_table("returns_sku_table")
        self.by_session = make_table("returns_session_table")
        lay.addWidget(QLabel(self.t("按商品", "Per SKU")))
        lay.addWidget(self.by_sku)
        lay.addWidget(QLabel(self.t("按场次", "Per session")))
        lay.addWidget(self.by_session)
        lay.addWidget(self.result)
        self.use_btn.clicked.connect(self.use_defaults)
        self.scan_btn.clicked.connect(self.record)
        self.code.returnPressed.connect(self.record)

    def refresh(self) -> None:
        self.read(_returns_data, ok=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        cols = ["shipped", "returned", "return_rate", *[f"reason_{k}" for k in REASONS]]
        fill_table(self.by_sku, data["by_sku"], ["sku", *cols])
        fill_table(self.by_session, data["by_session"], ["session", *cols])
        for combo, val in ((self.reason, data["reason"]), (self.disposition, data["disposition"])):
            if val is not None:
                combo.setCurrentIndex(max(0, combo.findData(val)))

    def use_defaults(self) -> None:
        self.write(_set_defaults, self.reason.currentData(), self.disposition.currentData(),
                   ok=lambda _r: self.say(self.t("退货模式将使用该原因和处理方式", "Return mode will use these")))

    def record(self) -> None:
        code = self.code.text().strip()
        if not code:
            return
        ctx = ScanContext(mode="return", operator=self.operator, lang=self.ctx.lang)

        def ok(v: Any) -> None:
            self.say(f"{v.message(self.ctx.lang)} — {v.next_action(self.ctx.lang)}", ok=v.ok)
            self.code.clear()
            self.refresh()
        self.write(scan_return, code, ctx, self.reason.currentData(), self.disposition.currentData(), ok=ok)


# ---------------------------------------------------------------- review and scorecard


def _review(conn: Any) -> dict[str, Any]:
    review = review_mod.build_review(conn)
    try:
        sc = score_mod.scorecard(conn)
    except Exception as exc:  # noqa: BLE001 - no carrier rules yet: the review still shows
        logger.info("no scorecard: %s", exc)
        sc = []
    return {"review": review, "scorecard": sc, "split": score_mod.suggested_split(sc) if sc else {}}


def _write_review(data: dict[str, Any], out_dir: Path, kind: str) -> Path:
    from warehouse_app.reports import format_csv

    out_dir.mkdir(parents=True, exist_ok=True)
    stem = "promo-review-" + data["review"]["generated_at"][:19].replace(":", "").replace("-", "")
    if kind == "csv":
        path = out_dir / f"{stem}.csv"
        path.write_text(format_csv(review_mod.review_rows(data["review"]), ["section", "key", "metric", "value"]),
                        encoding="utf-8-sig")  # BOM: Excel opens Chinese correctly
        return path
    return review_mod.render_pdf(data["review"], out_dir / f"{stem}.pdf", data["scorecard"] or None)


class PromoReviewTab(PromoTab):
    """The post-promo review (复盘) and the carrier scorecard, exported to CSV and PDF with charts."""

    exported = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.refresh_btn = _button(self.t("刷新", "Refresh"), "review_refresh")
        self.csv_btn = _button(self.t("导出 CSV", "Export CSV"), "review_csv")
        self.pdf_btn = _button(self.t("导出 PDF（含图表）", "Export PDF (charts)"), "review_pdf")
        for b in (self.refresh_btn, self.csv_btn, self.pdf_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.stock = make_table("review_stock")
        self.on_time = make_table("review_on_time")
        self.score = make_table("review_scorecard")
        for title, w in ((self.t("备货准确率", "Stock accuracy"), self.stock),
                         (self.t("按档位准时率", "On-time per tier"), self.on_time),
                         (self.t("快递评分（用于下次分配）", "Carrier scorecard (next promo's split)"), self.score)):
            lay.addWidget(QLabel(title))
            lay.addWidget(w)
        lay.addWidget(self.result)
        self._data: dict[str, Any] | None = None
        self.refresh_btn.clicked.connect(self.refresh)
        self.csv_btn.clicked.connect(lambda: self.export("csv"))
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))

    def refresh(self) -> None:
        self.read(_review, ok=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self._data = data
        r = data["review"]
        ex, rt = r["exceptions"], r["returns"]
        self.summary.setText(self.t(
            f"订单 {r['orders']}（取消 {r['cancelled']}）· 拦截：发出前 {ex['intercepts_before_handoff']}，"
            f"发出后 {ex['intercepts_after_handoff']} · 取消到取出平均 {ex['cancel_to_pull_avg_min'] or '-'} 分钟 · "
            f"快递切换 {ex['failovers']} 次（{ex['failover_orders_moved']} 单）· 退货率 {rt['return_rate']:.1%}",
            f"Orders {r['orders']} ({r['cancelled']} cancelled) · intercepts before handoff "
            f"{ex['intercepts_before_handoff']}, after {ex['intercepts_after_handoff']} · cancel to pull avg "
            f"{ex['cancel_to_pull_avg_min'] or '-'} min · failovers {ex['failovers']} ({ex['failover_orders_moved']} "
            f"orders) · return rate {rt['return_rate']:.1%}"))
        fill_table(self.stock, r["stock"], ["sku", "tier", "recommended", "supply", "demand", "oversold", "overstocked",
                                            "sell_through"])
        fill_table(self.on_time, r["on_time"], ["tier", "orders", "on_time", "late", "open", "on_time_rate",
                                                "with_compensation"])
        fill_table(self.score, data["scorecard"], ["rank", "carrier", "total", "response_hours", "response_score",
                                                   "peak_parcels_day", "peak_score", "next_day_score",
                                                   "exceptions_score", "cost_cents", "cost_score"])

    def export(self, kind: str, out_dir: Path | None = None) -> None:
        if self._data is None:
            self.say(self.t("请先刷新", "Refresh first"), ok=False)
            return
        data, target = self._data, out_dir or (self.ctx.data_dir / "reports")

        def ok(path: Path) -> None:
            self.say(self.t(f"已导出 {path}", f"Exported {path}"))
            self.exported.emit(str(path))
        run_in_background(lambda: _write_review(data, target, kind), on_success=ok, on_failure=self.fail,
                          ctx=self.ctx, parent=self)


def lead_tabs(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The promo tabs for the lead area, titled in the station's language."""
    t = ctx.text
    return [(t("备货分层", "Stock tiers"), StockTab(ctx)), (t("预包装计划", "Pre-pack plans"), PlansTab(ctx)),
            (t("分批发货", "Ship-by"), ShippingTab(ctx)), (t("快递分配", "Carriers"), CarriersTab(ctx)),
            (t("退货", "Returns"), ReturnsTab(ctx)), (t("大促复盘", "Promo review"), PromoReviewTab(ctx))]
