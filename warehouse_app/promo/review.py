"""The post-promo review (复盘): stock accuracy, on-time shipping per promise tier, exception handling and
returns, as one dict the screen, the CSV and the PDF all render. Aggregates run in SQL so a promo of a
million orders builds in seconds."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import statistics
from datetime import datetime
from pathlib import Path
from typing import Any

from warehouse_app.clock import iso, utcnow
from warehouse_app.counts import shipped_by_carrier
from warehouse_app.errors import StationError
from warehouse_app.promo.labels import VALUES_ZH
from warehouse_app.returns import REASONS

logger = logging.getLogger(__name__)


def _stock(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Stock accuracy per SKU: planned (recommended), sold (paid units), shipped, on hand now, and
    what the count says about oversold / overstocked. A SKU whose stock was never counted is
    'unknown': no oversold or overstocked figure is made up for it."""
    from warehouse_app.promo.stock import stock_position

    plan = {
        r[0]: (r[1], r[2])
        for r in conn.execute("SELECT sku, tier, recommended_qty FROM stock_plan")
    }
    tiers = {r[0]: r[1] for r in conn.execute("SELECT code, tier FROM skus")}
    pos = {p["sku"]: p for p in stock_position(conn)}
    rows = []
    for sku in sorted(set(pos) | set(plan)):
        p = pos.get(sku)
        d = p["demand"] if p else 0
        tier, rec = plan.get(sku, (tiers.get(sku), None))
        supply = p["supply"] if p else None
        known = bool(p and p["known"])
        rows.append(
            {
                "sku": sku,
                "tier": tier,
                "recommended": rec,
                "planned": rec,
                "sold": d,
                "demand": d,
                "shipped": p["shipped"] if p else 0,
                "on_hand": p["on_hand"] if p else None,
                "supply": supply,
                "stock_status": "known" if known else "unknown",
                "oversold": max(0, d - supply) if supply is not None else None,
                "overstocked": max(0, supply - d) if supply is not None else None,
                "sell_through": (
                    round(min(d, supply) / supply, 4) if supply else (None if not d else 0.0)
                )
                if supply is not None
                else None,
                "plan_vs_demand": round(rec / d, 4) if rec is not None and d else None,
            }
        )
    return rows


def _stock_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    known = [r for r in rows if r["stock_status"] == "known"]
    return {
        "skus": len(rows),
        "known_skus": len(known),
        "unknown_skus": len(rows) - len(known),
        "oversold_skus": sum(1 for r in known if r["oversold"]),
        "oversold_units": sum(r["oversold"] or 0 for r in known),
        "overstocked_skus": sum(1 for r in known if r["overstocked"]),
        "overstocked_units": sum(r["overstocked"] or 0 for r in known),
    }


def paid_demand(conn: sqlite3.Connection) -> dict[str, int]:
    """Units ordered per SKU over paid orders, in one ordered pass (no join per item)."""
    return {
        r[0]: int(r[1])
        for r in conn.execute(
            "SELECT sku_code, sum(qty) FROM (SELECT order_id, sku_code, "
            "qty FROM order_items ORDER BY order_id, sku_code) "
            "WHERE order_id NOT IN (SELECT order_id FROM orders WHERE status='cancelled') GROUP BY sku_code"
        )
    }


def _on_time(conn: sqlite3.Connection, now: str) -> list[dict[str, Any]]:
    # Scan the promises in key order and look parcels up through a covering index in the same order:
    # a million orders then cost one sequential pass instead of a million random page reads.
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT x.tier AS tier, count(*) AS orders, "
            "sum(CASE WHEN p.handed_off_at IS NOT NULL AND p.handed_off_at <= x.ship_by THEN 1 ELSE 0 END) AS on_time, "
            "sum(CASE WHEN (p.handed_off_at IS NOT NULL AND p.handed_off_at > x.ship_by) "
            "      OR (p.handed_off_at IS NULL AND x.ship_by < ?) THEN 1 ELSE 0 END) AS late, "
            "sum(CASE WHEN p.handed_off_at IS NULL AND x.ship_by >= ? THEN 1 ELSE 0 END) AS open, "
            "sum(x.compensation) AS with_compensation "
            "FROM (SELECT order_id, tier, ship_by, compensation FROM order_promises ORDER BY order_id) x "
            "LEFT JOIN parcels p INDEXED BY promo_parcels_order_handoff ON p.order_id=x.order_id "
            "WHERE x.order_id NOT IN (SELECT order_id FROM orders WHERE status='cancelled') "
            "GROUP BY x.tier ORDER BY x.tier",
            (now, now),
        )
    ]
    for r in rows:
        due = r["on_time"] + r["late"]
        r["on_time_rate"] = round(r["on_time"] / due, 4) if due else None
    return rows


def _exceptions(conn: sqlite3.Connection) -> dict[str, Any]:
    caught = conn.execute(
        "SELECT count(*), sum(state='pulled') FROM parcels WHERE intercepted_at IS NOT NULL"
    ).fetchone()
    after = conn.execute(
        "SELECT count(*) FROM events WHERE type='carrier_intercept.requested'"
    ).fetchone()[0]
    mins = [
        r[0]
        for r in conn.execute(
            "SELECT (julianday(p.pulled_at) - julianday(o.cancelled_at)) * 1440 FROM parcels p JOIN orders o "
            "ON o.order_id=p.order_id WHERE p.pulled_at IS NOT NULL AND o.cancelled_at IS NOT NULL"
        )
    ]
    fo = [
        dict(r)
        for r in conn.execute(
            "SELECT carrier, trigger, reason, started_at, orders_moved, "
            "moved_to, restored_at FROM failovers ORDER BY started_at"
        )
    ]
    unprinted = conn.execute(
        "SELECT count(*) FROM print_requests WHERE printed_at IS NULL"
    ).fetchone()[0]
    return {
        "intercepts_before_handoff": int(caught[0]),
        "intercepts_pulled": int(caught[1] or 0),
        "intercepts_not_pulled": int(caught[0]) - int(caught[1] or 0),
        "intercepts_after_handoff": int(after),
        "cancel_to_pull_avg_min": round(statistics.fmean(mins), 1) if mins else None,
        "cancel_to_pull_median_min": round(statistics.median(mins), 1) if mins else None,
        "cancel_to_pull_max_min": round(max(mins), 1) if mins else None,
        "failovers": len(fo),
        "failover_orders_moved": sum(f["orders_moved"] for f in fo),
        "reprints_open": int(unprinted),
        "failover_list": fo,
    }


def _returns(conn: sqlite3.Connection) -> dict[str, Any]:
    shipped = sum(shipped_by_carrier(conn).values())  # the one rule (warehouse_app.counts)
    returned = conn.execute("SELECT count(*) FROM returns").fetchone()[0]
    reasons = {
        r[0]: r[1] for r in conn.execute("SELECT reason, count(*) FROM returns GROUP BY reason")
    }
    disp = {
        r[0]: r[1]
        for r in conn.execute("SELECT disposition, count(*) FROM returns GROUP BY disposition")
    }
    return {
        "shipped_parcels": int(shipped),
        "returned_parcels": int(returned),
        # nothing shipped: no rate (None, shown as "no data"), never 0 %
        "return_rate": round(returned / shipped, 4) if shipped else None,
        "reasons": {k: reasons.get(k, 0) for k in REASONS},
        "dispositions": disp,
    }


def _rate(v: float | None) -> str:
    return "无数据 / no data" if v is None else f"{v:.2%}"


def build_review(conn: sqlite3.Connection, now: datetime | None = None) -> dict[str, Any]:
    """Everything the review shows. Read-only."""
    at = iso(now or utcnow())
    orders = conn.execute("SELECT count(*), sum(status='cancelled') FROM orders").fetchone()
    stock = _stock(conn)
    return {
        "generated_at": at,
        "station": (
            conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone() or ["-"]
        )[0],
        "orders": int(orders[0]),
        "cancelled": int(orders[1] or 0),
        "stock": stock,
        "stock_summary": _stock_summary(stock),
        "on_time": _on_time(conn, at),
        "exceptions": _exceptions(conn),
        "returns": _returns(conn),
    }


def review_rows(review: dict[str, Any]) -> list[dict[str, Any]]:
    """The review flattened for CSV / table: section, key, metric, value."""
    rows: list[dict[str, Any]] = [
        {"section": "summary", "key": "-", "metric": "orders", "value": review["orders"]},
        {"section": "summary", "key": "-", "metric": "cancelled", "value": review["cancelled"]},
    ]
    for s in review["stock"]:
        for m in (
            "tier",
            "planned",
            "sold",
            "shipped",
            "on_hand",
            "oversold",
            "overstocked",
            "sell_through",
        ):
            v = s[m] if s[m] is not None or s["stock_status"] == "known" else "unknown"
            rows.append({"section": "stock", "key": s["sku"], "metric": m, "value": v})
    for k, v in review.get("stock_summary", {}).items():
        rows.append({"section": "stock", "key": "-", "metric": k, "value": v})
    for t in review["on_time"]:
        for m in ("orders", "on_time", "late", "open", "on_time_rate", "with_compensation"):
            rows.append({"section": "on_time", "key": t["tier"], "metric": m, "value": t[m]})
    for k, v in review["exceptions"].items():
        if k != "failover_list":
            rows.append({"section": "exceptions", "key": "-", "metric": k, "value": v})
    for f in review["exceptions"]["failover_list"]:
        rows.append(
            {
                "section": "failover",
                "key": f["carrier"],
                "metric": f"moved ({f['trigger']}) at {f['started_at']}",
                "value": f["orders_moved"],
            }
        )
    r = review["returns"]
    for m in ("shipped_parcels", "returned_parcels", "return_rate"):
        rows.append({"section": "returns", "key": "-", "metric": m, "value": r[m]})
    for k, v in r["reasons"].items():
        rows.append({"section": "returns", "key": k, "metric": "reason", "value": v})
    for row in rows:  # a measure without data (a rate over nothing) reads "no data", never blank
        if row["value"] is None:
            row["value"] = "no data"
    return rows


# ---------------------------------------------------------------- PDF


def _font() -> str:
    """An embedded (subset) CJK TrueType font, so '·' and every Chinese label render on any PC; the
    non-embedded CID STSong only when no TTF is found (devices.fonts says where it looks)."""
    from devices.fonts import pdf_font_name

    return pdf_font_name()


TOP_N = 12  # a chart of 40 SKUs cannot be read: the top N and "the rest"


def top_n(
    items: list[tuple[str, float]], n: int = TOP_N, rest_label: str = "其余 / rest"
) -> list[tuple[str, float]]:
    """The n largest (label, value) and one bar for the rest (summed), for a readable chart."""
    ranked = sorted(items, key=lambda x: (-x[1], x[0]))
    if len(ranked) <= n:
        return ranked
    head, tail = ranked[:n], ranked[n:]
    return [*head, (f"{rest_label} ({len(tail)})", sum(v for _k, v in tail))]


def _bar_chart(
    title: str,
    labels: list[str],
    series: list[list[float]],
    names: list[str],
    font: str,
    value_max: float | None = None,
) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    d = Drawing(480, 210)
    d.add(String(0, 195, title, fontName=font, fontSize=11))
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 40, 45, 300, 140
    c.data = series or [[0]]
    c.categoryAxis.categoryNames = labels or ["-"]
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 6
    c.categoryAxis.labels.angle = 30
    c.categoryAxis.labels.boxAnchor = "ne"
    c.valueAxis.valueMin = 0
    if value_max is not None:
        c.valueAxis.valueMax = value_max
    palette = [
        colors.HexColor("#2b6cb0"),
        colors.HexColor("#c53030"),
        colors.HexColor("#2f855a"),
        colors.HexColor("#b7791f"),
    ]
    for i in range(len(c.data)):
        c.bars[i].fillColor = palette[i % len(palette)]
    d.add(c)
    lg = Legend()
    lg.x, lg.y = 360, 170
    lg.fontName = font
    lg.fontSize = 8
    lg.colorNamePairs = [(palette[i % len(palette)], n) for i, n in enumerate(names)]
    d.add(lg)
    return d


def render_pdf(
    review: dict[str, Any], path: Path | str, scorecard_rows: list[dict[str, Any]] | None = None
) -> Path:
    """The review as a PDF with charts (stock accuracy, on-time per tier, return reasons)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _font()
    styles = getSampleStyleSheet()
    for s in styles.byName.values():
        s.fontName = font
    p = Path(path)
    out: list[Any] = []
    out.append(Paragraph("大促复盘 / Post-promo review", styles["Title"]))
    out.append(
        Paragraph(
            f"站点 station {review['station']} · 生成 generated {review['generated_at']} · "
            f"订单 orders {review['orders']} · 取消 cancelled {review['cancelled']}",
            styles["Normal"],
        )
    )
    out.append(Spacer(1, 8))

    def table(rows: list[list[Any]]) -> Table:
        t = Table([[("" if v is None else str(v)) for v in r] for r in rows], repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e2e8f0")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        return t

    st = review["stock"]
    out.append(Paragraph("备货准确率 / Stock accuracy", styles["Heading2"]))
    out.append(
        table(
            [
                [
                    "商品 SKU",
                    "分层 tier",
                    "计划 planned",
                    "售出 sold",
                    "已发 shipped",
                    "在库 on hand",
                    "超卖 oversold",
                    "积压 overstocked",
                    "动销 sell-through",
                ]
            ]
            + [
                [
                    s["sku"],
                    VALUES_ZH.get(s["tier"] or "", s["tier"]),
                    s["planned"],
                    s["sold"],
                    s["shipped"],
                    "未知 unknown" if s["on_hand"] is None else s["on_hand"],
                    "-" if s["oversold"] is None else s["oversold"],
                    "-" if s["overstocked"] is None else s["overstocked"],
                    f"{s['sell_through']:.0%}" if s["sell_through"] is not None else "-",
                ]
                for s in st
            ]
        )
    )
    summ = review.get("stock_summary") or {}
    if summ:
        out.append(
            Paragraph(
                f"已录库存 {summ['known_skus']} / {summ['skus']} 个商品（未知 {summ['unknown_skus']}）· "
                f"超卖 {summ['oversold_skus']} 个商品 {summ['oversold_units']} "
                f"件 · 积压 {summ['overstocked_skus']} 个商品 "
                f"{summ['overstocked_units']} 件 / stock counted for {summ['known_skus']} of {summ['skus']} SKUs "
                f"(unknown {summ['unknown_skus']}); oversold "
                f"{summ['oversold_skus']} SKUs, {summ['oversold_units']} units",
                styles["Normal"],
            )
        )
    over = top_n([(s["sku"], float(s["oversold"] or 0)) for s in st if s["oversold"]])
    overst = top_n([(s["sku"], float(s["overstocked"] or 0)) for s in st if s["overstocked"]])
    out.append(
        _bar_chart(
            f"超卖最多的商品（件，前 {TOP_N}）/ Most oversold SKUs (units, top {TOP_N})",
            [k for k, _v in over] or ["-"],
            [[v for _k, v in over] or [0]],
            ["超卖 oversold"],
            font,
        )
    )
    out.append(
        _bar_chart(
            f"积压最多的商品（件，前 {TOP_N}）/ Most overstocked SKUs (units, top {TOP_N})",
            [k for k, _v in overst] or ["-"],
            [[v for _k, v in overst] or [0]],
            ["积压 overstocked"],
            font,
        )
    )
    out.append(
        Paragraph("按承诺档位的准时发货率 / On-time shipping per promise tier", styles["Heading2"])
    )
    ot = review["on_time"]
    out.append(
        table(
            [["tier", "orders", "on time", "late", "open", "on-time rate", "compensation"]]
            + [
                [
                    t["tier"],
                    t["orders"],
                    t["on_time"],
                    t["late"],
                    t["open"],
                    f"{t['on_time_rate']:.1%}" if t["on_time_rate"] is not None else "-",
                    t["with_compensation"],
                ]
                for t in ot
            ]
        )
    )
    out.append(
        _bar_chart(
            "准时率 / On-time rate (%)",
            [t["tier"] for t in ot],
            [[round(100 * (t["on_time_rate"] or 0), 1) for t in ot]],
            ["on-time %"],
            font,
            100,
        )
    )
    ex = review["exceptions"]
    out.append(Paragraph("异常处理 / Exception handling", styles["Heading2"]))
    out.append(
        table([["metric", "value"]] + [[k, v] for k, v in ex.items() if k != "failover_list"])
    )
    if ex["failover_list"]:
        out.append(Spacer(1, 4))
        out.append(
            table(
                [["failed carrier", "trigger", "started", "orders moved", "moved to"]]
                + [
                    [f["carrier"], f["trigger"], f["started_at"], f["orders_moved"], f["moved_to"]]
                    for f in ex["failover_list"]
                ]
            )
        )
    rt = review["returns"]
    out.append(Paragraph("退货 / Returns", styles["Heading2"]))
    out.append(
        Paragraph(
            f"退货率 return rate {_rate(rt['return_rate'])} "
            f"({rt['returned_parcels']} / {rt['shipped_parcels']})",
            styles["Normal"],
        )
    )
    out.append(
        _bar_chart(
            "退货原因 / Return reasons",
            list(rt["reasons"]),
            [list(rt["reasons"].values())],
            ["returns"],
            font,
        )
    )
    if scorecard_rows:
        out.append(Paragraph("快递评分 / Carrier scorecard", styles["Heading2"]))
        w = scorecard_rows[0].get("weights")
        if w:
            wd = json.loads(w) if isinstance(w, str) else w
            out.append(
                Paragraph(
                    "权重 weights: "
                    + " · ".join(f"{VALUES_ZH.get(k, k)} {k} {v:g}" for k, v in wd.items()),
                    styles["Normal"],
                )
            )
        out.append(
            table(
                [["rank", "carrier", "total", "response", "peak", "next-day", "exceptions", "cost"]]
                + [
                    [
                        r["rank"],
                        r["carrier"],
                        r["total"],
                        r["response_score"],
                        r["peak_score"],
                        r["next_day_score"],
                        r["exceptions_score"],
                        r["cost_score"],
                    ]
                    for r in scorecard_rows
                ]
            )
        )
    buf = io.BytesIO()
    try:
        SimpleDocTemplate(
            buf, pagesize=A4, title="Post-promo review", leftMargin=36, rightMargin=36
        ).build(out)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(buf.getvalue())
    except OSError as exc:
        raise StationError(f"Cannot write {p}: {exc}", zh=f"无法写入 {p}：{exc}") from exc
    return p
