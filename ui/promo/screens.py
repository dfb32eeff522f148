"""The promo playbook screens for shift leads: stock tiers and oversell, pre-pack plans, staggered
shipping with live countdowns, carrier split and failover, returns, and the review with the scorecard.

All logic is warehouse_app.promo; these widgets only show it. Loads run on the read pool and actions
on the writer thread (ui.ops), each action one transaction, so a failure says why (zh/en) and
changes nothing. Codes are shown as people's words, carriers by name, times in the station zone.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.ops import AppContext, run_in_background
from ui.promo.common import (
    AMBER,
    MAX_COL_PX,
    PARCEL_STATES,
    PLAN_STATUS,
    PRINT_REASONS,
    RED,
    ROLES,
    SCORE_PARTS,
    SHIP_TIERS,
    STOCK_TIERS,
    TRIGGERS,
    OversellBanner,
    PromoTab,
    button,
    cell,
    fill_table,
    fit_rows,
    fmt,
    heading,
    label,
    make_table,
    moved_label,
    no_data,
    paint,
    pct,
    regions_label,
    selected_value,
    unknown,
    zone_note,
)
from warehouse_app.clock import parse_iso, utcnow
from warehouse_app.promo import carriers as carriers_mod
from warehouse_app.promo import operations as promo_ops
from warehouse_app.promo import plan as plan_mod
from warehouse_app.promo import scorecard as score_mod
from warehouse_app.promo import shipping as ship_mod
from warehouse_app.promo import stock as stock_mod
from warehouse_app.returns import (
    DISPOSITIONS,
    REASONS,
    return_defaults,
    return_report,
    scan_return,
)
from warehouse_app.scan_engine import ScanContext

logger = logging.getLogger(__name__)

__all__ = [
    "CarriersTab",
    "PlansTab",
    "PromoReviewTab",
    "ReturnsTab",
    "ShippingTab",
    "StockTab",
    "cell",
    "lead_tabs",
]


def _negative(text: str) -> bool:
    return text.startswith("-")


def _positive(text: str) -> bool:
    return text not in ("", "0", "0.0") and text[:1].isdigit()


def _stock_figure(v: Any) -> str:
    """A stock figure; None is a SKU whose stock was never counted: unknown, never 0 or blank."""
    return unknown() if v is None else str(v)


# ---------------------------------------------------------------- stock tiers and oversell


def _stock_data(conn: Any) -> dict[str, Any]:
    return {
        "advice": [a.row() for a in stock_mod.recommend_stock(conn)],
        "alerts": stock_mod.open_alerts(conn),
        "position": stock_mod.stock_position(conn),
    }


def _save_plan(conn: Any, op: str | None) -> int:
    return len(promo_ops.save_stock_plan(conn, operator=op))


def _check_oversell(conn: Any, op: str | None) -> list[dict[str, Any]]:
    return promo_ops.check_oversell(conn, operator=op)


class StockTab(PromoTab):
    """SKU tiers with the numbers and reason for each recommendation; oversold SKUs and short orders."""

    def title(self) -> str:
        return self.tr("Stock tiers")

    HAS_PRECHECK = True  # new orders may have arrived: re-check oversell on the writer, then show
    COLS = [
        "sku",
        "name",
        "tier",
        "recommended_qty",
        "reorder_point",
        "supply",
        "demand",
        "left",
        "reorder",
        "reason",
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        self.banner = OversellBanner(ctx)
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.refresh_btn = button("stock_refresh")
        self.save_btn = button("stock_save")
        self.check_btn = button("stock_check")
        for b in (self.refresh_btn, self.save_btn, self.check_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.action_buttons = [self.save_btn, self.check_btn]
        self.table = make_table("stock_table")
        lay.addWidget(self.table, 3)
        self.short_title = heading()
        lay.addWidget(self.short_title)
        self.short_table = make_table("short_table")
        lay.addWidget(self.short_table, 1)
        lay.addWidget(self.result)
        self.refresh_btn.clicked.connect(self.refresh)
        self.save_btn.clicked.connect(self.save_plan)
        self.check_btn.clicked.connect(self.check)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_btn.setText(self.tr("Refresh"))
        self.save_btn.setText(self.tr("Save plan and tiers"))
        self.check_btn.setText(self.tr("Check oversell"))
        n = sum(len(a["short_orders"]) for a in self.banner.alerts)
        self.short_title.setText(fmt(self.tr("Short orders: %1 (latest paid go short first)"), n))

    def precheck(self, conn: Any) -> Any:
        return _check_oversell(conn, self.operator)

    def fetch(self, conn: Any) -> Any:
        return _stock_data(conn)

    def show_data(self, data: dict[str, Any]) -> None:
        reason = "reason_zh" if self.ctx.lang == "zh" else "reason"
        pos = {p["sku"]: p for p in data["position"]}
        rows = []
        for a in data["advice"]:
            p = pos.get(a["sku"], {})
            rows.append(
                {
                    **a,
                    "supply": p.get("supply"),
                    "demand": p.get("demand"),
                    "left": p.get("gap"),
                    "reorder": self.tr("Re-order now") if p.get("reorder_now") else "",
                    "tier": label(self.ctx, STOCK_TIERS, a["tier"]),
                    "reason": a.get(reason) or a["reason"],
                }
            )
        fill_table(
            self.table,
            rows,
            self.COLS,
            [
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Tier", "stock"),
                self.tr("Recommended"),
                self.tr("Re-order at"),
                self.tr("Supply"),
                self.tr("Demand"),
                self.tr("Left"),
                self.tr("Re-order"),
                self.tr("Why"),
            ],
            stretch="reason",
            fmt={"supply": _stock_figure, "left": _stock_figure},
        )
        paint(self.table, self.COLS.index("left"), RED, _negative)
        paint(self.table, self.COLS.index("reorder"), RED, bool)
        self.banner.show_alerts(data["alerts"])
        shorts = [
            {"sku": a["sku"], "order_id": o} for a in self.banner.alerts for o in a["short_orders"]
        ]
        fill_table(
            self.short_table,
            shorts,
            ["sku", "order_id"],
            [self.tr("SKU"), self.tr("Order")],
            stretch="order_id",
        )
        self.retranslate()

    def save_plan(self) -> None:
        self.write(
            _save_plan,
            self.operator,
            ok=self.then(lambda n: fmt(self.tr("Stock plan and tiers saved for %1 SKUs"), n)),
        )

    def check(self) -> None:
        def ok(alerts: list[dict[str, Any]]) -> None:
            if alerts:
                self.say(lambda: fmt(self.tr("%1 SKU(s) oversold"), len(alerts)), ok=False)
            else:
                self.say(lambda: self.tr("Nothing oversold"))
            self.refresh()

        self.write(_check_oversell, self.operator, ok=ok)


# ---------------------------------------------------------------- pre-pack plans


def _plans(conn: Any) -> list[dict[str, Any]]:
    return plan_mod.list_plans(conn)


def _suggest(conn: Any, op: str | None) -> int:
    return promo_ops.suggest_prepack_plans(conn, operator=op)


def _apply_plans(
    conn: Any, changes: list[tuple[str, int]], create: bool, op: str | None
) -> list[dict[str, Any]]:
    return promo_ops.adjust_prepack_plans(conn, changes, create=create, operator=op)


class PlansTab(PromoTab):
    """Pre-pack plans per session and SKU set: the lead adjusts quantities, then creates the batches."""

    def title(self) -> str:
        return self.tr("Pre-pack plans")

    # the core's plan "reason" is English-only, so it is not shown (zh mode must not show English);
    # its warnings (window passed, stock short or unknown) come in both languages and are shown
    COLS = [
        "plan_id",
        "session_id",
        "sku_set",
        "qty",
        "suggested_qty",
        "pack_from",
        "pack_until",
        "status",
        "batch_id",
        "warning",
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.suggest_btn = button("plans_suggest")
        self.save_btn = button("plans_save")
        self.create_btn = button("plans_create")
        for b in (self.suggest_btn, self.save_btn, self.create_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.action_buttons = [self.suggest_btn, self.save_btn, self.create_btn]
        self.table = make_table("plans_table")
        lay.addWidget(self.table, 1)
        self.zone = zone_note()
        lay.addWidget(self.zone)
        lay.addWidget(self.result)
        self.spins: dict[str, QSpinBox] = {}
        self._rows: list[dict[str, Any]] = []
        self.suggest_btn.clicked.connect(self.suggest)
        self.save_btn.clicked.connect(lambda: self.apply(False))
        self.create_btn.clicked.connect(lambda: self.apply(True))
        self.retranslate()

    def retranslate(self) -> None:
        self.suggest_btn.setText(self.tr("Suggest from stock plan"))
        self.save_btn.setText(self.tr("Save quantities"))
        self.create_btn.setText(self.tr("Save and create batches"))
        self.zone.setText(fmt(self.tr("Times in %1"), self.ctx.zone_label()))

    def fetch(self, conn: Any) -> Any:
        return _plans(conn)

    def show_data(self, rows: list[dict[str, Any]]) -> None:
        edited = {
            pid: sp.value() for pid, sp in self.spins.items()
        }  # a language switch keeps typed quantities
        self._rows = rows
        shown = [
            {
                **r,
                "pack_from": self.ctx.local_time(r["pack_from"], "%m-%d %H:%M"),
                "pack_until": self.ctx.local_time(r["pack_until"], "%m-%d %H:%M"),
                "status": label(self.ctx, PLAN_STATUS, r["status"]),
                "warning": self.ctx.text(r.get("warning_zh") or "", r.get("warning") or ""),
            }
            for r in rows
        ]
        fill_table(
            self.table,
            shown,
            self.COLS,
            [
                self.tr("Plan"),
                self.tr("Session"),
                self.tr("SKU set"),
                self.tr("Qty"),
                self.tr("Suggested"),
                self.tr("Pack from"),
                self.tr("Pack until"),
                self.tr("Status"),
                self.tr("Batch"),
                self.tr("Warning"),
            ],
            stretch="warning",
        )
        paint(self.table, self.COLS.index("warning"), AMBER, bool)
        self.table.setSortingEnabled(False)  # rows carry spin boxes: keep them in place
        self.spins = {}
        qty_col = self.COLS.index("qty")
        for i, r in enumerate(rows):
            if r["status"] != "draft":
                continue
            sp = QSpinBox()
            sp.setRange(0, 10_000_000)
            sp.setGroupSeparatorShown(False)
            sp.setValue(int(edited.get(r["plan_id"], r["qty"])))
            sp.setObjectName(f"qty_{r['plan_id']}")
            sp.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setCellWidget(i, qty_col, sp)
            self.spins[r["plan_id"]] = sp
        if (
            self.spins
        ):  # wide enough for 10,000,000 and the arrows: the number must never be clipped
            need = max(sp.sizeHint().width() for sp in self.spins.values())
            probe = QSpinBox()
            probe.setRange(0, 10_000_000)
            probe.setValue(10_000_000)
            need = max(need, probe.sizeHint().width()) + 8
            self.table.setColumnWidth(
                qty_col, min(MAX_COL_PX, max(self.table.columnWidth(qty_col), need))
            )

    def changes(self) -> list[tuple[str, int]]:
        by_id = {r["plan_id"]: r for r in self._rows}
        return [
            (pid, sp.value()) for pid, sp in self.spins.items() if sp.value() != by_id[pid]["qty"]
        ]

    def suggest(self) -> None:
        self.write(
            _suggest, self.operator, ok=self.then(lambda n: fmt(self.tr("%1 plan(s) suggested"), n))
        )

    def apply(self, create: bool) -> None:
        def ok(made: list[dict[str, Any]]) -> None:
            if create:
                self.say(lambda: fmt(self.tr("Saved; %1 batch(es) created"), len(made)))
            else:
                self.say(lambda: self.tr("Quantities saved"))
            self.refresh()

        self.write(_apply_plans, self.changes(), create, self.operator, ok=ok)


# ---------------------------------------------------------------- staggered shipping


def _shipping(conn: Any) -> dict[str, Any]:
    return {
        "backlog": ship_mod.backlog(conn),
        "at_risk": ship_mod.at_risk_orders(conn, limit=300),
        "alerts": stock_mod.open_alerts(conn),
    }


def _assign(conn: Any, op: str | None) -> dict[str, int]:
    return promo_ops.assign_promises(conn, operator=op)


class ShippingTab(PromoTab):
    """Backlog per promise tier and the orders about to miss their promise, counted down every second
    (from memory: the 1 s tick does no DB work; the DB reload runs every `reload_ms` while shown)."""

    def title(self) -> str:
        return self.tr("Ship-by")

    HAS_PRECHECK = True
    RISK_COLS = ["countdown", "order_id", "tier", "ship_by", "state", "carrier", "sku_set"]

    def __init__(self, ctx: AppContext, reload_ms: int = 30_000) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        self.banner = OversellBanner(ctx)
        lay.addWidget(self.banner)
        row = QHBoxLayout()
        self.assign_btn = button("ship_assign")
        row.addWidget(self.assign_btn)
        row.addStretch(1)
        lay.addLayout(row)
        self.action_buttons = [self.assign_btn]
        self.backlog_title = heading()
        lay.addWidget(self.backlog_title)
        self.backlog = make_table("backlog_table")
        lay.addWidget(self.backlog)
        self.risk_title = heading()
        lay.addWidget(self.risk_title)
        self.risk = make_table("risk_table")
        lay.addWidget(self.risk, 1)
        self.zone = zone_note()
        lay.addWidget(self.zone)
        lay.addWidget(self.result)
        self._risk_rows: list[dict[str, Any]] = []
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self.update_countdowns)
        self.reload = QTimer(self)
        self.reload.setInterval(reload_ms)
        self.reload.timeout.connect(self.refresh)
        self.assign_btn.clicked.connect(self.assign)
        self.retranslate()

    def retranslate(self) -> None:
        self.assign_btn.setText(self.tr("Assign promises to new orders"))
        self.backlog_title.setText(self.tr("Open orders per promise tier"))
        shown = len(self._risk_rows)
        total = (
            sum(
                int(r.get("at_risk") or 0) + int(r.get("overdue") or 0)
                for r in (self._data or {}).get("backlog", [])
            )
            or shown
        )
        if shown < total:  # the list is capped: say so instead of under-counting
            self.risk_title.setText(
                fmt(
                    self.tr("At risk or overdue: %1 orders, the %2 due first shown (countdown)"),
                    total,
                    shown,
                )
            )
        else:
            self.risk_title.setText(
                fmt(self.tr("At risk or overdue: %1 orders (countdown)"), total)
            )
        self.zone.setText(fmt(self.tr("Times in %1"), self.ctx.zone_label()))

    def showEvent(self, event: Any) -> None:
        self.tick.start()
        self.reload.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.tick.stop()
        self.reload.stop()
        super().hideEvent(event)

    def precheck(self, conn: Any) -> Any:
        return _check_oversell(conn, self.operator)

    def fetch(self, conn: Any) -> Any:
        return _shipping(conn)

    def show_data(self, data: dict[str, Any]) -> None:
        backlog = [
            {
                **r,
                "tier": label(self.ctx, SHIP_TIERS, r["tier"]),
                "next_due": self.ctx.local_time(r.get("next_due")) if r.get("next_due") else "",
            }
            for r in data["backlog"]
        ]
        fill_table(
            self.backlog,
            backlog,
            ["tier", "open_orders", "at_risk", "overdue", "next_due"],
            [
                self.tr("Tier"),
                self.tr("Open"),
                self.tr("At risk"),
                self.tr("Overdue"),
                self.tr("Next due"),
            ],
            stretch="next_due",
        )
        paint(self.backlog, 3, RED, _positive)
        fit_rows(self.backlog, len(backlog), 6)
        self._risk_rows = data["at_risk"]
        shown = [
            {
                **r,
                "countdown": "",
                "tier": label(self.ctx, SHIP_TIERS, r["tier"]),
                "ship_by": self.ctx.local_time(r["ship_by"]),
                "state": label(self.ctx, PARCEL_STATES, r["state"]),
                "carrier": self.ctx.carrier_label(r.get("carrier")),
            }
            for r in self._risk_rows
        ]
        fill_table(
            self.risk,
            shown,
            self.RISK_COLS,
            [
                self.tr("Time left"),
                self.tr("Order"),
                self.tr("Tier"),
                self.tr("Ship by"),
                self.tr("State"),
                self.tr("Carrier", "column"),
                self.tr("SKU set", "column"),
            ],
            stretch="sku_set",
        )
        self.risk.setSortingEnabled(
            False
        )  # rows are in ship-by order; the countdown column is rewritten live
        probe = self.risk.fontMetrics().horizontalAdvance("-000:00:00") + 24
        self.risk.setColumnWidth(0, max(self.risk.columnWidth(0), probe))
        self.banner.show_alerts(data["alerts"])
        self.update_countdowns()
        self.retranslate()

    def update_countdowns(self, now: datetime | None = None) -> None:
        """Recompute the countdown column locally; no DB work on the UI thread."""
        now = now or utcnow()
        for i, r in enumerate(self._risk_rows):
            if i >= self.risk.rowCount():
                break
            secs = int((parse_iso(r["ship_by"]) - now).total_seconds())
            item = self.risk.item(i, 0)
            if item is None:
                item = QTableWidgetItem()
                self.risk.setItem(i, 0, item)
            item.setText(ship_mod.countdown(secs))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setForeground(QColor(RED if secs < 0 else AMBER))

    def assign(self) -> None:
        def text(c: dict[str, int]) -> str:
            tiers = self.tr(", ").join(
                f"{label(self.ctx, SHIP_TIERS, k)} {v}" for k, v in c.items()
            )
            return fmt(self.tr("Promises assigned: %1"), tiers or self.tr("no new orders"))

        self.write(_assign, self.operator, ok=self.then(text))


# ---------------------------------------------------------------- carriers


def _carriers(conn: Any) -> dict[str, Any]:
    return {
        "split": carriers_mod.split_report(conn),
        "reprints": carriers_mod.open_print_requests(conn),
        "failovers": promo_ops.failover_history(conn),
    }


def _allocate(conn: Any, op: str | None) -> dict[str, Any]:
    return promo_ops.allocate(conn, operator=op)


def _fail(conn: Any, carrier: str, reason: str, op: str | None) -> dict[str, Any]:
    return promo_ops.fail_carrier(conn, carrier, reason=reason, operator=op)


def _restore(conn: Any, carrier: str, op: str | None) -> str:
    return promo_ops.restore_carrier(conn, carrier, operator=op)


def _check(conn: Any, op: str | None) -> list[dict[str, Any]]:
    return promo_ops.check_carriers(conn, auto_failover=False, operator=op)


def _export(conn: Any, path: str, op: str | None) -> dict[str, Any]:
    return promo_ops.export_open_orders(conn, path, operator=op)


class CarriersTab(PromoTab):
    """Realised split beside the target, failover (mark failing / restore), checks, reprints, and the
    warehouse-failover export."""

    def title(self) -> str:
        return self.tr("Carriers")

    SPLIT_COLS = [
        "carrier",
        "role",
        "regions",
        "target_share",
        "realised_share",
        "orders",
        "capacity_today",
        "used_today",
        "left_today",
        "failing",
        "effective_target",  # the target once failing carriers' shares are spread: what counts
        "deviation_pp",
        "why",
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.allocate_btn = button("carrier_allocate")
        self.check_btn = button("carrier_check")
        self.export_btn = button("carrier_export")
        for b in (self.allocate_btn, self.check_btn, self.export_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        self.carrier_label = QLabel()
        self.carrier = QComboBox()
        self.carrier.setObjectName("carrier_pick")
        self.carrier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reason = QLineEdit()
        self.reason.setObjectName("carrier_reason")
        self.fail_btn = button("carrier_fail", danger=True)
        self.restore_btn = button("carrier_restore")
        for w in (self.carrier_label, self.carrier, self.reason, self.fail_btn, self.restore_btn):
            row2.addWidget(w)
        row2.setStretch(2, 1)
        lay.addLayout(row2)
        self.action_buttons = [
            self.allocate_btn,
            self.check_btn,
            self.export_btn,
            self.fail_btn,
            self.restore_btn,
        ]
        self.split_title = heading()
        lay.addWidget(self.split_title)
        self.split = make_table("split_table")
        lay.addWidget(self.split)
        self.failover_title = heading()
        lay.addWidget(self.failover_title)
        self.failovers = make_table("failover_table")
        lay.addWidget(self.failovers, 1)
        self.reprint_title = heading()
        lay.addWidget(self.reprint_title)
        self.reprints = make_table("reprint_table")
        lay.addWidget(self.reprints, 2)
        self.zone = zone_note()
        lay.addWidget(self.zone)
        lay.addWidget(self.result)
        self.carrier.currentIndexChanged.connect(lambda _i: self.sync_buttons())
        self.allocate_btn.clicked.connect(self.allocate)
        self.check_btn.clicked.connect(self.check)
        self.fail_btn.clicked.connect(self.fail_over)
        self.restore_btn.clicked.connect(self.restore)
        self.export_btn.clicked.connect(self._export_dialog)
        self.retranslate()

    def retranslate(self) -> None:
        self.allocate_btn.setText(self.tr("Allocate carriers"))
        self.check_btn.setText(self.tr("Check pickups and capacity"))
        self.export_btn.setText(self.tr("Export open orders (warehouse failover)"))
        self.carrier_label.setText(self.tr("Carrier"))
        self.reason.setPlaceholderText(self.tr("Why it is failing, e.g. hub overloaded"))
        self.fail_btn.setText(self.tr("Mark failing and fail over"))
        self.restore_btn.setText(self.tr("Restore"))
        self.split_title.setText(self.tr("Split: target and realised (today's capacity)"))
        n_f = len(self._data["failovers"]) if self._data else 0
        n_r = len(self._data["reprints"]) if self._data else 0
        self.failover_title.setText(fmt(self.tr("Failovers: %1"), n_f))
        self.reprint_title.setText(fmt(self.tr("Waybills waiting to print: %1"), n_r))
        self.zone.setText(fmt(self.tr("Times in %1"), self.ctx.zone_label()))
        for i in range(self.carrier.count()):
            self.carrier.setItemText(i, self._carrier_item(self.carrier.itemData(i)))

    def sync_buttons(self) -> None:
        """Fail over only a working carrier, restore only a failing one."""
        super().sync_buttons()
        failing = {r["carrier"] for r in (self._data or {}).get("split", []) if r["failing"]}
        code = self.carrier.currentData()
        if not self.busy and code:
            self.fail_btn.setEnabled(code not in failing)
            self.restore_btn.setEnabled(code in failing)

    def _carrier_item(self, code: str) -> str:
        name = self.ctx.carrier_label(code)
        return name if name == code else fmt(self.tr("%1 (%2)"), name, code)

    def fetch(self, conn: Any) -> Any:
        return _carriers(conn)

    def show_data(self, data: dict[str, Any]) -> None:
        split = [
            {
                **r,
                "carrier": self.ctx.carrier_label(r["carrier"]),
                "role": label(self.ctx, ROLES, r["role"]),
                "regions": regions_label(self.ctx, r.get("regions")),
                "failing": self.tr("FAILING") if r["failing"] else "",
                # the core's deviation report: how far off target and why, in both languages
                "why": self.ctx.text(r.get("why_zh") or "", r.get("why") or ""),
            }
            for r in data["split"]
        ]

        def no_limit(v: Any) -> str:
            return self.tr("no limit") if v is None else str(v)

        fill_table(
            self.split,
            split,
            self.SPLIT_COLS,
            [
                self.tr("Carrier", "column"),
                self.tr("Role"),
                self.tr("Regions"),
                self.tr("Target"),
                self.tr("Realised"),
                self.tr("Orders"),
                self.tr("Capacity"),
                self.tr("Used today"),
                self.tr("Left", "capacity"),
                self.tr("Status"),
                self.tr("Target now"),
                self.tr("Off target (pp)"),
                self.tr("Why", "split"),
            ],
            stretch="why",
            fmt={
                "target_share": pct,
                "realised_share": pct,
                "effective_target": pct,
                "capacity_today": no_limit,
                "left_today": no_limit,
                "deviation_pp": lambda v: f"{v:+.1f}" if isinstance(v, (int, float)) else no_data(),
            },
        )
        paint(self.split, self.SPLIT_COLS.index("failing"), RED, bool)
        off = {
            self.ctx.carrier_label(r["carrier"]) for r in data["split"] if not r["within_target"]
        }
        for i in range(self.split.rowCount()):  # off-target rows: their deviation and why in amber
            name = self.split.item(i, 0)
            if name is not None and name.text() in off:
                for col in ("deviation_pp", "why"):
                    it = self.split.item(i, self.SPLIT_COLS.index(col))
                    if it is not None:
                        it.setForeground(QColor(AMBER))
        fit_rows(self.split, len(split), 8)
        current = self.carrier.currentData()
        self.carrier.clear()
        for r in data["split"]:
            if r["role"] != "-":
                self.carrier.addItem(self._carrier_item(r["carrier"]), r["carrier"])
        if current:
            self.carrier.setCurrentIndex(max(0, self.carrier.findData(current)))
        self.sync_buttons()
        fo = [
            {
                **r,
                "carrier": self.ctx.carrier_label(r["carrier"]),
                "trigger": label(self.ctx, TRIGGERS, r["trigger"]),
                "started_at": self.ctx.local_time(r["started_at"]),
                "moved_to": moved_label(self.ctx, r.get("moved_to")),
                "restored_at": self.ctx.local_time(r["restored_at"])
                if r.get("restored_at")
                else self.tr("not restored"),
            }
            for r in data["failovers"]
        ]
        fill_table(
            self.failovers,
            fo,
            [
                "carrier",
                "trigger",
                "reason",
                "started_at",
                "orders_moved",
                "moved_to",
                "restored_at",
            ],
            [
                self.tr("Carrier", "column"),
                self.tr("Trigger"),
                self.tr("Reason"),
                self.tr("Failed over at"),
                self.tr("Orders moved"),
                self.tr("Moved to"),
                self.tr("Restored at"),
            ],
            stretch="reason",
        )
        rp = [
            {
                **r,
                "carrier": self.ctx.carrier_label(r["carrier"]),
                "reason": label(self.ctx, PRINT_REASONS, r["reason"]),
                "requested_at": self.ctx.local_time(r["requested_at"]),
            }
            for r in data["reprints"]
        ]
        fill_table(
            self.reprints,
            rp,
            ["waybill", "carrier", "order_id", "parcel_id", "reason", "requested_at"],
            [
                self.tr("New waybill"),
                self.tr("Carrier", "column"),
                self.tr("Order"),
                self.tr("Parcel"),
                self.tr("Reason"),
                self.tr("Requested at"),
            ],
            stretch="requested_at",
        )
        self.retranslate()

    def _picked(self) -> str | None:
        code = self.carrier.currentData()
        if not code:
            self.say(lambda: self.tr("Pick a carrier first"), ok=False)
            return None
        return str(code)

    def allocate(self) -> None:
        self.write(
            _allocate,
            self.operator,
            ok=self.then(lambda s: fmt(self.tr("%1 order(s) allocated"), s["orders"])),
        )

    def check(self) -> None:
        def ok(rows: list[dict[str, Any]]) -> None:
            bad = [r["carrier"] for r in rows if r["stalled"] or r["capacity_out"]]
            if bad:  # carrier names in the language shown at the time of a switch, too
                self.say(
                    lambda: fmt(
                        self.tr("Carriers with problems: %1"),
                        self.tr(", ").join(self.ctx.carrier_label(c) for c in bad),
                    ),
                    ok=False,
                )
            else:
                self.say(lambda: self.tr("Every carrier is picking up and has capacity"))

        self.write(_check, self.operator, ok=ok)

    def fail_over(self) -> None:
        c = self._picked()
        if c is None:
            return

        def ok(res: dict[str, Any]) -> None:
            moved = res.get("moved_to") or {}

            def text() -> str:
                to = self.tr(", ").join(
                    fmt(self.tr("%1 to %2"), n, self.ctx.carrier_label(k)) for k, n in moved.items()
                ) or self.tr("none")
                return fmt(
                    self.tr("%1 failed over: %2 orders moved (%3), %4 waybills to reprint"),
                    self.ctx.carrier_label(c),
                    res["orders_moved"],
                    to,
                    res["reprints_queued"],
                )

            self.say(text)
            self.refresh()

        self.write(_fail, c, self.reason.text().strip(), self.operator, ok=ok)

    def restore(self) -> None:
        c = self._picked()
        if c is None:
            return
        self.write(
            _restore,
            c,
            self.operator,
            ok=self.then(lambda _c: fmt(self.tr("%1 restored"), self.ctx.carrier_label(c))),
        )

    def _export_dialog(self) -> None:
        """No modal file dialog (the lead area never blocks): a stamped file in the station's exports
        folder, whose path the result line shows."""
        stamp = utcnow().astimezone(self.ctx.tz).strftime("%Y%m%d-%H%M%S")
        self.export_to(self.ctx.data_dir / "exports" / f"open-orders-{stamp}.jsonl")

    def export_to(self, path: str | Path) -> None:
        self.write(
            _export,
            str(path),
            self.operator,
            ok=lambda r: self.say(
                lambda: fmt(self.tr("%1 orders exported to %2"), r["orders"], r["path"])
            ),
        )


# ---------------------------------------------------------------- returns


def _returns_data(conn: Any) -> dict[str, Any]:
    reason, disp = return_defaults(conn)
    return {
        "by_sku": return_report(conn, "sku"),
        "by_session": return_report(conn, "session"),
        "reason": reason,
        "disposition": disp,
    }


def _set_defaults(conn: Any, reason: str, disp: str) -> tuple[str, str]:
    return promo_ops.set_return_defaults(conn, reason, disp)


class ReturnsTab(PromoTab):
    """Pick the reason and disposition the station's return mode records, scan returns by hand, and see
    return rate and reasons per SKU and per session."""

    def title(self) -> str:
        return self.tr("Returns")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.l_reason, self.l_disp = QLabel(), QLabel()
        self.reason = QComboBox()
        self.reason.setObjectName("return_reason")
        for k in REASONS:
            self.reason.addItem("", k)
        self.disposition = QComboBox()
        self.disposition.setObjectName("return_disposition")
        for k in DISPOSITIONS:
            self.disposition.addItem("", k)
        for combo in (self.reason, self.disposition):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_btn = button("return_use")
        for w in (self.l_reason, self.reason, self.l_disp, self.disposition, self.use_btn):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        self.l_code = QLabel()
        self.code = QLineEdit()
        self.code.setObjectName("return_code")
        self.scan_btn = button("return_scan")
        row2.addWidget(self.l_code)
        row2.addWidget(self.code, 1)
        row2.addWidget(self.scan_btn)
        lay.addLayout(row2)
        self.action_buttons = [self.use_btn, self.scan_btn]
        self.sku_title, self.session_title = heading(), heading()
        self.by_sku = make_table("returns_sku_table")
        self.by_session = make_table("returns_session_table")
        lay.addWidget(self.sku_title)
        lay.addWidget(self.by_sku, 1)
        lay.addWidget(self.session_title)
        lay.addWidget(self.by_session, 1)
        lay.addWidget(self.result)
        self.use_btn.clicked.connect(self.use_defaults)
        self.scan_btn.clicked.connect(self.record)
        self.code.returnPressed.connect(self.record)
        self.retranslate()

    def retranslate(self) -> None:
        self.l_reason.setText(self.tr("Reason", "return"))
        self.l_disp.setText(self.tr("Disposition"))
        for combo, names in ((self.reason, REASONS), (self.disposition, DISPOSITIONS)):
            for i in range(combo.count()):
                combo.setItemText(i, self.ctx.text(*names[combo.itemData(i)]))  # the core's names
        self.use_btn.setText(self.tr("Use for return mode"))
        self.l_code.setText(self.tr("Record by hand"))
        self.code.setPlaceholderText(self.tr("Scan waybill or order number"))
        self.scan_btn.setText(self.tr("Record return"))
        self.sku_title.setText(self.tr("Per SKU"))
        self.session_title.setText(self.tr("Per live session"))

    def fetch(self, conn: Any) -> Any:
        return _returns_data(conn)

    def _cols(self) -> tuple[list[str], list[str]]:
        keys = ["shipped", "returned", "return_rate", *[f"reason_{k}" for k in REASONS]]
        heads = [
            self.tr("Shipped"),
            self.tr("Returned"),
            self.tr("Return rate"),
            *[self.ctx.text(*REASONS[k]) for k in REASONS],
        ]  # the core's names
        return keys, heads

    def show_data(self, data: dict[str, Any]) -> None:
        keys, heads = self._cols()
        fill_table(
            self.by_sku,
            data["by_sku"],
            ["sku", *keys],
            [self.tr("SKU"), *heads],
            stretch="sku",
            fmt={"return_rate": _rate_or_no_data},
        )
        fill_table(
            self.by_session,
            data["by_session"],
            ["session", *keys],
            [self.tr("Session"), *heads],
            stretch="session",
            fmt={"return_rate": _rate_or_no_data},
        )
        for combo, val in ((self.reason, data["reason"]), (self.disposition, data["disposition"])):
            if val is not None:
                combo.setCurrentIndex(max(0, combo.findData(val)))

    def use_defaults(self) -> None:
        r, d = self.reason.currentData(), self.disposition.currentData()
        self.write(
            _set_defaults,
            r,
            d,
            ok=lambda _r: self.say(
                lambda: fmt(
                    self.tr("Return mode will record: %1 · %2"),
                    self.ctx.text(*REASONS[r]),
                    self.ctx.text(*DISPOSITIONS[d]),
                )
            ),
        )

    def record(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.say(lambda: self.tr("Scan a waybill or order number first"), ok=False)
            return
        ctx = ScanContext(mode="return", operator=self.operator, lang=self.ctx.lang)

        def ok(v: Any) -> None:
            self.say_core(
                f"{v.message('zh')} — {v.next_action('zh')}",  # the core's verdict, both languages
                f"{v.message('en')} — {v.next_action('en')}",
                ok=v.ok,
            )
            if v.ok:
                self.code.clear()  # a rejected code stays, so the lead can correct it
            self.refresh()

        self.write(
            scan_return, code, ctx, self.reason.currentData(), self.disposition.currentData(), ok=ok
        )


# ---------------------------------------------------------------- review and scorecard


def _review(conn: Any) -> dict[str, Any]:
    return promo_ops.review_data(conn)


def _yuan(v: Any) -> str:
    """A per-parcel cost in CNY; 0 / None is a cost nobody set: no data, never 0.00."""
    return f"{v / 100:.2f}" if isinstance(v, (int, float)) and v else no_data()


def _one(v: Any) -> str:
    return f"{v:.1f}" if isinstance(v, (int, float)) else no_data()


def _rate_or_no_data(v: Any) -> str:
    """A rate; None (nothing shipped, so no rate) reads 'no data', never 0 % or a blank cell."""
    return pct(v) or no_data()


def _or_no_data(v: Any) -> str:
    return no_data() if v is None or v == "" else str(v)


class PromoReviewTab(PromoTab):
    """The post-promo review (复盘) and the carrier scorecard, exported to CSV and PDF with charts."""

    def title(self) -> str:
        return self.tr("Promo review")

    exported = Signal(str)
    # each part's score, then the data it was measured from
    SCORE_COLS = [
        "rank",
        "carrier",
        "total",
        "response_score",
        "response_hours",
        "peak_score",
        "peak_data",
        "coverage_score",
        "coverage_data",
        "exceptions_score",
        "exceptions_per_1000",
        "cost_score",
        "cost_cents",
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.refresh_btn = button("review_refresh")
        self.csv_btn = button("review_csv")
        self.pdf_btn = button("review_pdf")
        for b in (self.refresh_btn, self.csv_btn, self.pdf_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.action_buttons = [self.csv_btn, self.pdf_btn]
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size:15px")
        lay.addWidget(self.summary)
        self.stock = make_table("review_stock")
        self.on_time = make_table("review_on_time")
        self.score = make_table("review_scorecard")
        self.l_stock, self.l_on_time, self.l_score = heading(), heading(), heading()
        self.next_split = QLabel()
        self.next_split.setObjectName("review_next_split")
        self.next_split.setWordWrap(True)
        self.weights = QLabel()
        self.weights.setObjectName("score_weights")
        self.weights.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("score_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.l_stock)
        lay.addWidget(self.stock, 1)
        lay.addWidget(self.l_on_time)
        lay.addWidget(self.on_time)
        lay.addWidget(self.l_score)
        lay.addWidget(self.weights)
        lay.addWidget(self.score)
        lay.addWidget(self.detail)
        lay.addWidget(self.next_split)
        self.score.itemSelectionChanged.connect(self._show_detail)
        lay.addWidget(self.result)
        self.refresh_btn.clicked.connect(self.refresh)
        self.csv_btn.clicked.connect(lambda: self.export("csv"))
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_btn.setText(self.tr("Refresh"))
        self.csv_btn.setText(self.tr("Export CSV"))
        self.pdf_btn.setText(self.tr("Export PDF (charts)"))
        self.l_stock.setText(self.tr("Stock accuracy"))
        self.l_on_time.setText(self.tr("On time per promise tier"))
        self.l_score.setText(self.tr("Carrier scorecard (next promo's split)"))

    def fetch(self, conn: Any) -> Any:
        return _review(conn)

    def show_data(self, data: dict[str, Any]) -> None:
        r = data["review"]
        ex, rt = r["exceptions"], r["returns"]
        avg = ex["cancel_to_pull_avg_min"]
        avg_s = f"{avg:.0f}" if isinstance(avg, (int, float)) else no_data()
        self.summary.setText(
            fmt(
                self.tr(
                    "Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg "
                    "%5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8"
                ),
                r["orders"],
                r["cancelled"],
                ex["intercepts_before_handoff"],
                ex["intercepts_after_handoff"],
                avg_s,
                ex["failovers"],
                ex["failover_orders_moved"],
                pct(rt["return_rate"]) or self.tr("no data"),
            )
        )
        stock = [{**s, "tier": label(self.ctx, STOCK_TIERS, s.get("tier"))} for s in r["stock"]]
        cols = [
            "sku",
            "tier",
            "recommended",
            "supply",
            "demand",
            "oversold",
            "overstocked",
            "sell_through",
        ]
        fill_table(
            self.stock,
            stock,
            cols,
            [
                self.tr("SKU"),
                self.tr("Tier", "stock"),
                self.tr("Recommended"),
                self.tr("Supply"),
                self.tr("Demand"),
                self.tr("Oversold"),
                self.tr("Overstocked"),
                self.tr("Sell-through"),
            ],
            stretch="sku",
            fmt={
                "recommended": lambda v: self.tr("not planned") if v is None else str(v),
                "supply": _stock_figure,
                "oversold": _stock_figure,
                "overstocked": _stock_figure,
                "sell_through": lambda v: unknown() if v is None else pct(v),
            },
        )
        paint(self.stock, cols.index("oversold"), RED, _positive)
        on_time = [{**o, "tier": label(self.ctx, SHIP_TIERS, o["tier"])} for o in r["on_time"]]
        fill_table(
            self.on_time,
            on_time,
            ["tier", "orders", "on_time", "late", "open", "on_time_rate", "with_compensation"],
            [
                self.tr("Tier"),
                self.tr("Orders"),
                self.tr("On time"),
                self.tr("Late"),
                self.tr("Open", "review"),
                self.tr("On-time rate"),
                self.tr("With compensation"),
            ],
            stretch="tier",
            fmt={"on_time_rate": pct},
        )
        paint(self.on_time, 3, RED, _positive)
        fit_rows(self.on_time, len(on_time), 5)
        self._show_scorecard(data)
        self.next_split.setText(self._split_text(data.get("split") or {}))

    def _show_scorecard(self, data: dict[str, Any]) -> None:
        """Each part's score beside the data it was measured from, the weights in force above, and
        the selected carrier's data behind every score below. A part nothing was recorded for reads
        'no data' (never 0 or blank); codes (regions, exception kinds) are shown by name."""
        w = {p: float(v) for p, v in (data.get("weights") or {}).items()}
        total_w = sum(w.values()) or 1.0

        def share(part: str) -> str:
            return f"{100 * w.get(part, 0.0) / total_w:.0f}"

        self.weights.setText(
            fmt(
                self.tr(
                    "Weights: %1. The total is the weighted mean of the parts with data; a carrier "
                    "that handed off nothing has no total and ranks last."
                ),
                self.tr(", ").join(
                    f"{label(self.ctx, SCORE_PARTS, p)} {w.get(p, 0.0):g}" for p in SCORE_PARTS
                ),
            )
        )
        score = [
            {
                **s,
                "carrier": self.ctx.carrier_label(s["carrier"]),
                "peak_data": fmt(
                    self.tr("%1 of %2 (%3)"), s["peak_handled"], s["peak_could_take"], s["peak_day"]
                )
                if s.get("peak_day")
                else None,
                "coverage_data": fmt(self.tr("%1 of %2"), s["coverage_on_time"], s["coverage_due"])
                if s.get("coverage_due")
                else None,
            }
            for s in data["scorecard"]
        ]
        fill_table(
            self.score,
            score,
            self.SCORE_COLS,
            [
                self.tr("Rank"),
                self.tr("Carrier", "column"),
                self.tr("Total"),
                fmt(self.tr("Response %1%"), share("response")),
                self.tr("Paid to handoff (h)"),
                fmt(self.tr("Peak capacity %1%"), share("peak")),
                self.tr("Best day: handled of could take"),
                fmt(self.tr("On-time coverage %1%"), share("coverage")),
                self.tr("On time of due"),
                fmt(self.tr("Exceptions %1%"), share("exceptions")),
                self.tr("Cases per 1,000 parcels"),
                fmt(self.tr("Cost %1%"), share("cost")),
                self.tr("Cost per parcel (CNY)"),
            ],
            stretch="carrier",
            fmt={
                "total": _one,
                "response_score": _one,
                "response_hours": _one,
                "peak_score": _one,
                "peak_data": _or_no_data,
                "coverage_score": _one,
                "coverage_data": _or_no_data,
                "exceptions_score": _one,
                "exceptions_per_1000": _one,
                "cost_score": _one,
                "cost_cents": _yuan,
            },
        )
        fit_rows(self.score, len(score), 8)
        self._show_detail()

    def _show_detail(self) -> None:
        """The data behind each score of the selected carrier (the first when none is selected), in
        the core's words (score_parts: the same text `report scorecard` prints)."""
        rows = (self._data or {}).get("scorecard") or []
        if not rows:
            self.detail.setText(self.tr("No carrier rules: nothing to score yet"))
            return
        picked = selected_value(self.score, self.SCORE_COLS.index("rank"))
        row = next((r for r in rows if str(r["rank"]) == picked), rows[0])
        lines = [
            fmt(self.tr("Data behind the scores of %1:"), self.ctx.carrier_label(row["carrier"]))
        ]
        for p in score_mod.score_parts(row):
            score = no_data() if p["score"] == "no data" else f"{float(p['score']):.1f}"
            lines.append(
                fmt(
                    self.tr("%1 (weight %2): %3 — %4"),
                    label(self.ctx, SCORE_PARTS, p["part"]),
                    f"{float(p['weight']):g}",
                    score,
                    self.ctx.text(p["data_zh"], p["data"]),
                )
            )
        self.detail.setText("\n".join(lines))

    def _split_text(self, split: dict[str, Any]) -> str:
        if not split:
            return ""

        def names(key: str) -> str:
            return (
                self.tr(", ").join(self.ctx.carrier_label(c) for c in split.get(key) or []) or "-"
            )

        return fmt(
            self.tr("Suggested for the next promo: main %1; backups %2; dynamic %3"),
            names("main"),
            names("backups"),
            names("dynamic"),
        )

    def export(self, kind: str, out_dir: Path | None = None) -> None:
        if self._data is None:
            self.say(lambda: self.tr("Refresh first"), ok=False)
            return
        data, target = self._data, out_dir or (self.ctx.data_dir / "reports")
        self._set_busy(+1)

        def ok(path: Path) -> None:
            self._set_busy(-1)
            self.say(lambda: fmt(self.tr("Exported %1"), path))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self._set_busy(-1)
            self.fail(exc)

        run_in_background(
            lambda: promo_ops.export_review(data, target, kind, self.ctx.lang),
            on_success=ok,
            on_failure=failed,
            ctx=self.ctx,
            parent=self,
        )


TABS: tuple[type[PromoTab], ...] = (
    StockTab,
    PlansTab,
    ShippingTab,
    CarriersTab,
    ReturnsTab,
    PromoReviewTab,
)


def lead_tabs(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The promo tabs for the lead area, titled in the station's language; each tab re-titles itself
    when the language changes (the lead area only retranslates its own tabs)."""
    tabs = [cls(ctx) for cls in TABS]
    return [(tab.title(), tab) for tab in tabs]
