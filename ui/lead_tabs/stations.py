"""The lead's "Stations" tab: the warehouse's stations as the hub sees them (online, offline with
the orders that go back to the pool and when, offline past the lease, likely dead), the hub's
conflict list with what to do, this station's leases (age, time left, last pull) and the
staleness warnings, and a transfer sheet for a cage coming in.

Everything shown is local data (pulled records), so it works offline too and says how old it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.lead_base import LeadTab
from ui.ops import AppContext, run_in_background
from ui.tables import fill_table, make_table
from warehouse_app import multistation


class StationsTab(LeadTab):
    KEY = "stations"

    def title(self) -> str:
        return self.ctx.text("多站协同", "Stations")

    def focus_order(self) -> list[QWidget]:
        return [
            self.stations_table,
            self.table,
            self.receive_code,
            self.receive_btn,
            self.sheet,
            self.take_btn,
        ]

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.warning = QLabel()
        self.warning.setObjectName("stations_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-size:18px;font-weight:bold;color:#b71c1c")
        self.lease_line = QLabel()
        self.lease_line.setObjectName("lease_line")
        self.lease_line.setWordWrap(True)
        self.l_stations = QLabel()
        self.l_stations.setStyleSheet("font-size:16px;font-weight:bold")
        self.stations_table = make_table("hub_stations")
        self.l_conflicts = QLabel()
        self.l_conflicts.setStyleSheet("font-size:16px;font-weight:bold")
        self.table = make_table("hub_conflicts")
        recv = QHBoxLayout()
        self.receive_code = QLineEdit()
        self.receive_code.setObjectName("receive_code")
        self.receive_code.returnPressed.connect(self.receive)
        self.receive_btn = QPushButton()
        self.receive_btn.setObjectName("receive_transfer")
        self.receive_btn.clicked.connect(self.receive)
        recv.addWidget(self.receive_code, 1)
        recv.addWidget(self.receive_btn)
        row = QHBoxLayout()
        self.sheet = QLineEdit()
        self.sheet.setObjectName("transfer_sheet")
        self.take_btn = QPushButton()
        self.take_btn.setObjectName("take_transfer_sheet")
        self.take_btn.clicked.connect(self.take_sheet)
        row.addWidget(self.sheet, 1)
        row.addWidget(self.take_btn)
        for w in (self.warning, self.lease_line, self.l_stations):
            lay.addWidget(w)
        lay.addWidget(self.stations_table, 1)
        lay.addWidget(self.l_conflicts)
        lay.addWidget(self.table, 1)
        lay.addLayout(recv)
        lay.addLayout(row)
        lay.addWidget(self.result)
        self.sheet.returnPressed.connect(self.take_sheet)
        self.data: dict[str, Any] = {}

    def retranslate(self) -> None:
        t = self.ctx.text
        self.take_btn.setText(t("接收转移单", "Take in a transfer sheet"))
        self.receive_btn.setText(t("接收其他站点的包裹（联网）", "Receive from another station"))
        self.receive_code.setPlaceholderText(
            t("扫描转来的包裹（面单或预包码）", "Scan a parcel that came from another station")
        )
        self.sheet.setPlaceholderText(t("转移单文件路径", "Transfer sheet file"))
        self.refresh()

    def refresh(self) -> None:
        self.read(multistation.stations_view, ok=self.render_view)

    def render_view(self, d: dict[str, Any]) -> None:
        t = self.ctx.text
        self.data = d
        warns = [t(zh, en) for zh, en in d["warnings"]]
        self.warning.setText("\n".join(warns))
        pull = self.ctx.local_time(d["last_pull_at"]) if d["last_pull_at"] else t("从未", "never")
        parts = [t(f"上次下载：{pull}", f"Last pull: {pull}")]
        if not d["divided"]:
            parts.append(t("本站独立工作（上游未分工）", "Working alone (the hub divides no work)"))
        for ls in d["leases"]:
            age = int(ls["age_s"] // 60)
            exp = self.ctx.local_time(ls["expires_at"]) if ls["expires_at"] else "-"
            parts.append(
                t(
                    f"租约 {ls['sku_set']}：{ls['open_orders']}/{ls['orders']} 单，"
                    f"{age} 分钟前发放，{exp} 到期",
                    f"Lease {ls['sku_set']}: {ls['open_orders']}/{ls['orders']} orders, "
                    f"granted {age} min ago, expires {exp}",
                )
            )
        tr = d["transfers"]
        parts.append(
            t(
                f"转出 {tr['transferred_out']} 件，转入 {tr['transferred_in']} 件",
                f"Transferred out {tr['transferred_out']}, in {tr['transferred_in']}",
            )
        )
        self.lease_line.setText(" · ".join(parts))
        self.render_stations(d.get("stations") or [])
        rows = [
            {
                **r,
                "action": r.get("action_zh") if self.ctx.lang == "zh" else r.get("action_en"),
            }
            for r in d["conflicts"]
        ]
        self.l_conflicts.setText(
            t(f"多站冲突：{len(rows)} 条", f"Conflicts across stations: {len(rows)}")
        )
        fill_table(
            self.table,
            rows,
            ["kind", "order_id", "waybill", "station_id", "action"],
            [
                t("类型", "Kind"),
                t("订单", "Order"),
                t("面单", "Waybill"),
                t("站点", "Station"),
                t("处理", "What to do"),
            ],
            stretch="action",
        )

    def render_stations(self, states: list[dict[str, Any]]) -> None:
        """One row per station of this warehouse: state, last heard of, its lease."""
        t = self.ctx.text
        names = {
            "online": t("在线", "online"),
            "offline": t("离线", "offline"),
            "lease_expired": t("离线·超过租约", "offline past its lease"),
            "silent": t("长时间无联系·可能停机", "silent: likely dead"),
            "unknown": t("从未连接", "never connected"),
        }
        rows = []
        for d in states:
            state = names.get(str(d.get("state")), str(d.get("state")))
            if d.get("warning") and d.get("state") in ("lease_expired", "silent"):
                state = "⚠ " + state
            silent = d.get("silent_s")
            rows.append(
                {
                    "station": str(d["station_id"]) + (t("（本站）", " (this)") if d["me"] else ""),
                    "state": state,
                    "last_seen": self.ctx.local_time(d["last_seen_at"])
                    if d.get("last_seen_at")
                    else "-",
                    "silent": "-"
                    if silent is None
                    else t(f"{int(silent // 60)} 分钟", f"{int(silent // 60)} min"),
                    "lease": (
                        t(
                            f"{d.get('open_orders') or 0} 单，{self.ctx.local_time(d['lease_expires_at'])} 退回",
                            f"{d.get('open_orders') or 0} orders, back to the pool "
                            f"{self.ctx.local_time(d['lease_expires_at'])}",
                        )
                        if d.get("lease_expires_at") and d.get("state") != "online"
                        else (
                            t(
                                f"已退回 {d['returned_orders']} 单",
                                f"{d['returned_orders']} returned",
                            )
                            if d.get("returned_orders") and d.get("state") != "online"
                            else "-"
                        )
                    ),
                    "action": d.get("action_zh") if self.ctx.lang == "zh" else d.get("action_en"),
                }
            )
        n_bad = sum(1 for d in states if d.get("warning"))
        self.l_stations.setText(
            t(
                f"本仓站点：{len(states)} 个，需处理 {n_bad} 个",
                f"Stations here: {len(states)}, {n_bad} need a look",
            )
        )
        fill_table(
            self.stations_table,
            rows,
            ["station", "state", "last_seen", "silent", "lease", "action"],
            [
                t("站点", "Station"),
                t("状态", "State"),
                t("最后联系", "Last heard"),
                t("静默", "Silent"),
                t("租约订单", "Leased orders"),
                t("处理", "What to do"),
            ],
            stretch="action",
        )

    def take_sheet(self) -> None:
        path = self.sheet.text().strip()
        if not path:
            self.say(self.ctx.text("请输入转移单文件", "Enter the transfer sheet file"), ok=False)
            return

        def ok(taken: list[str]) -> None:
            self.say(self.ctx.text(f"已接收 {len(taken)} 个包裹", f"Took in {len(taken)} parcels"))
            self.refresh()

        def load(conn: Any) -> list[str]:
            return multistation.take_transfer_sheet(conn, path, operator=self.lead_code)

        self.write(load, ok=ok)

    def receive(self) -> None:
        """Online: this parcel came in another station's cage; the hub moves it here."""
        codes = self.receive_code.text().split()
        if not codes:
            return
        ctx = self.ctx

        def go() -> list[dict[str, Any]]:
            from warehouse_app.sync.transfer import receive_online

            return receive_online(ctx.store, ctx.writer, codes, ctx.sync)

        def ok(rows: list[dict[str, Any]]) -> None:
            self.receive_code.clear()
            src = ", ".join(sorted({str(r.get("from_station")) for r in rows})) or "-"
            self.say(
                ctx.text(
                    f"已接收 {len(rows)} 个包裹（来自 {src}）",
                    f"Received {len(rows)} parcels from {src}",
                )
            )
            self.refresh()

        run_in_background(go, ok, self.fail, ctx=ctx, parent=self)
