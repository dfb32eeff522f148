"""Review (复盘) for a shift: handoff counts per carrier, per hour and per operator, table + chart,
exported to CSV and PDF. The query and the files are made off the UI thread."""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.lead_base import LeadTab
from ui.ops import AppContext, run_in_background
from ui.qtcompat import emit
from ui.tables import fill_table, make_table
from warehouse_app import counts
from warehouse_app.localtime import day_hour_label, fmt_local, hour_label, zone, zone_name
from warehouse_app.reports import format_csv

logger = logging.getLogger(__name__)

# distinct, print-safe colours for carriers (the same order as the PDF)
PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037")


def _load(conn: Any, hours: int) -> tuple[dict[str, Any], str, str]:
    since, until = counts.last_hours(hours)
    return counts.handoff_counts(conn, since, until), since, until


def localize(
    data: dict[str, Any], tz: tzinfo, names: dict[str, tuple[str, str]], lang: str
) -> dict[str, Any]:
    """A display copy of counts.handoff_counts: local hour labels, carrier names, UTC kept alongside.

    Pure (no Qt, no DB): the table, the chart and both exports read the same rows."""
    i = 0 if lang == "zh" else 1

    def name(code: str | None) -> str:
        return names.get(code or "", (code or "-", code or "-"))[i]

    out = dict(data)
    out["per_carrier"] = [
        {**r, "carrier_code": r["carrier"], "carrier": name(r["carrier"])}
        for r in data["per_carrier"]
    ]
    out["per_hour"] = [
        {
            **r,
            "hour_utc": r["hour"],
            "hour": day_hour_label(r["hour"], tz),
            "clock": hour_label(r["hour"], tz),
            "carrier_code": r["carrier"],
            "carrier": name(r["carrier"]),
        }
        for r in data["per_hour"]
    ]
    out["per_operator"] = list(data["per_operator"])
    out["zone"] = zone_name(tz)
    return out


def write_exports(
    data: dict[str, Any],
    out_dir: Path,
    stem: str,
    title: str,
    since: str,
    until: str,
    kind: str,
    tz: tzinfo | None = None,
) -> Path:
    """CSV (Excel-friendly, with a BOM) or PDF of a localized review; the zone is stated in both."""
    tz = tz or zone(None)
    zname = zone_name(tz)
    since_l, until_l = (
        fmt_local(since, tz, "%Y-%m-%d %H:%M"),
        fmt_local(until, tz, "%Y-%m-%d %H:%M"),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        path = out_dir / f"{stem}.csv"
        parts = [f"# {title} {since_l} -- {until_l} time_zone={zname} total={data['total']}\n"]
        for section, cols in (
            ("per_carrier", ["carrier", "carrier_code", "parcels", "handoffs"]),
            ("per_hour", ["hour", "hour_utc", "carrier", "carrier_code", "parcels"]),
            ("per_operator", ["operator", "parcels"]),
        ):
            parts.append(f"# {section}\n")
            parts.append(format_csv(data[section], cols))
        path.write_text("".join(parts), encoding="utf-8-sig")  # BOM: Excel opens Chinese correctly
        return path
    from ui.reports_pdf import review_pdf_bytes

    path = out_dir / f"{stem}.pdf"
    path.write_bytes(review_pdf_bytes(data, title, since_l, until_l, zname))
    return path


class ReviewTab(LeadTab):
    KEY = "review"

    def title(self) -> str:
        return self.tr("Review")

    def focus_order(self) -> list[QWidget]:
        return [
            self.span,
            self.reload_btn,
            self.csv_btn,
            self.pdf_btn,
            self.per_carrier,
            self.per_operator,
            self.per_hour,
        ]

    exported = Signal(str)
    loaded = Signal(object)

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.span = QComboBox()
        self.span.setObjectName("review_span")
        for h in (8, 12, 24, 72):
            self.span.addItem("", h)
        self.span.setCurrentIndex(2)
        self.span.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.total = QLabel()
        self.total.setStyleSheet("font-size:18px;font-weight:bold")
        self.zone = QLabel()
        self.zone.setObjectName("review_zone")
        self.zone.setStyleSheet("color:#455a64")
        self.csv_btn, self.pdf_btn, self.reload_btn = QPushButton(), QPushButton(), QPushButton()
        self.csv_btn.setObjectName("export_csv")
        self.pdf_btn.setObjectName("export_pdf")
        self.reload_btn.setObjectName("review_reload")
        self.l_span = QLabel()
        top.addWidget(self.l_span)
        top.addWidget(self.span)
        top.addWidget(self.total)
        top.addWidget(self.zone, 1)
        for b in (self.reload_btn, self.csv_btn, self.pdf_btn):
            top.addWidget(b)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.per_carrier = make_table("review_per_carrier")
        self.per_operator = make_table("review_per_operator")
        self.per_hour = make_table("review_per_hour")
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.per_carrier)
        left.addWidget(self.per_operator)
        left.addWidget(self.per_hour)
        split.addWidget(left)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("review_chart")
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: Tab skips it
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        split.addWidget(self.chart_view)
        split.setSizes([450, 700])
        lay.addWidget(split, 1)
        lay.addWidget(self.result)
        self.data: dict[str, Any] | None = None
        self.raw: dict[str, Any] | None = None
        self.window_span: tuple[str, str] = ("", "")
        self.span.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reload_btn.clicked.connect(self.refresh)
        self.csv_btn.clicked.connect(lambda: self.export("csv"))
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))

    def retranslate(self) -> None:
        self.l_span.setText(self.tr("Shift:"))
        for i in range(self.span.count()):
            self.span.setItemText(
                i, self.tr("last %1 hours").replace("%1", str(self.span.itemData(i)))
            )
        self.csv_btn.setText(self.tr("Export CSV"))
        self.pdf_btn.setText(self.tr("Export PDF"))
        self.reload_btn.setText(self.tr("Reload"))
        if self.raw is not None:
            self._show(self.raw)

    def refresh(self) -> None:
        def got(res: tuple[dict[str, Any], str, str]) -> None:
            data, since, until = res
            self.window_span = (since, until)
            self._show(data)
            emit(self.loaded, data)

        self.read(_load, int(self.span.currentData() or 24), ok=got)

    def _show(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        data = localize(raw, self.ctx.tz, self.ctx.carriers, self.ctx.lang)
        self.data = data
        self.total.setText(self.tr("Handed off: %1 parcels").replace("%1", str(data["total"])))
        self.zone.setText(self.tr("Times in %1").replace("%1", data["zone"]))
        fill_table(
            self.per_carrier,
            data["per_carrier"],
            ["carrier", "parcels", "handoffs"],
            [self.tr("Carrier"), self.tr("Parcels"), self.tr("Handoffs")],
            stretch="carrier",
        )
        fill_table(
            self.per_operator,
            data["per_operator"],
            ["operator", "parcels"],
            [self.tr("Operator"), self.tr("Parcels")],
            stretch="operator",
        )
        fill_table(
            self.per_hour,
            data["per_hour"],
            ["hour", "carrier", "parcels"],
            [self.tr("Hour"), self.tr("Carrier"), self.tr("Parcels")],
            stretch="carrier",
        )
        self._chart(data)

    def _chart(self, data: dict[str, Any]) -> None:
        # a fresh chart each time: removing axes from a live QChart left stale axis titles and
        # labels painted over the new ones after a resize or language switch
        old = self.chart
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view.setChart(self.chart)
        old.deleteLater()
        hours = sorted({r["hour_utc"] for r in data["per_hour"]})
        clock = {r["hour_utc"]: r["clock"] for r in data["per_hour"]}
        carriers = sorted({r["carrier"] or "-" for r in data["per_hour"]})
        series = QBarSeries()
        top = 0
        for n, car in enumerate(carriers):
            s = QBarSet(car)
            s.setColor(QColor(PALETTE[n % len(PALETTE)]))
            by = {
                r["hour_utc"]: r["parcels"]
                for r in data["per_hour"]
                if (r["carrier"] or "-") == car
            }
            vals = [by.get(h, 0) for h in hours]
            top = max([top, *vals])
            s.append(vals)
            series.append(s)
        self.chart.addSeries(series)
        ax = QBarCategoryAxis()
        ax.append([clock[h] for h in hours])
        ay = QValueAxis()
        ay.setRange(0, max(1, top))
        ay.setLabelFormat("%d")
        self.chart.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(ay, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(ax)
        series.attachAxis(ay)
        ay.applyNiceNumbers()
        ax.setTitleText(self.tr("Hour (%1)").replace("%1", data["zone"]))
        self.chart.setTitle(self.tr("Parcels handed off per hour and carrier"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def export(self, kind: str) -> None:
        if self.data is None:
            self.say(self.tr("Nothing loaded yet"), ok=False)
            return
        data, (since, until) = self.data, self.window_span
        tz = self.ctx.tz
        stem = "review-" + fmt_local(until, tz, "%Y%m%dT%H%M")
        title = self.tr("Shift review: handoff counts")
        out = self.ctx.data_dir / "exports"

        def done(path: Path) -> None:
            self.say(self.tr("Saved %1").replace("%1", str(path)))
            emit(self.exported, str(path))

        run_in_background(
            lambda: write_exports(data, out, stem, title, since, until, kind, tz),
            done,
            self.fail,
            ctx=self.ctx,
            parent=self,
        )
