"""The lead's Discrepancies tab: verified parcels not handed off (void with a reason) and
intercepted parcels not yet pulled (confirm the pull)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.lead_base import LeadTab
from ui.ops import AppContext
from ui.qtcompat import emit
from ui.tables import fill_table, make_table, selected_value
from warehouse_app import operations

logger = logging.getLogger(__name__)


def _settle_pulled(conn: Any, waybill: str, op: str | None) -> Any:
    return operations.settle_pulled(conn, waybill, op)


class DiscrepanciesTab(LeadTab):
    KEY = "discrepancies"

    def title(self) -> str:
        return self.tr("Discrepancies")

    def focus_order(self) -> list[QWidget]:
        return [self.verified, self.reason, self.void_btn, self.intercepted, self.pull_btn]

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.l_verified, self.l_intercepted = QLabel(), QLabel()
        for lab in (self.l_verified, self.l_intercepted):
            lab.setStyleSheet("font-size:16px;font-weight:bold")
        self.verified = make_table("verified_not_handed_off")
        self.intercepted = make_table("intercepted_not_pulled")
        lay.addWidget(self.l_verified)
        lay.addWidget(self.verified, 1)
        self.void_row = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("discrepancy_reason")
        self.void_btn = QPushButton()
        self.void_btn.setObjectName("void_verified")
        self.void_row.addWidget(self.reason, 1)
        self.void_row.addWidget(self.void_btn)
        lay.addLayout(self.void_row)
        lay.addWidget(self.l_intercepted)
        lay.addWidget(self.intercepted, 1)
        self.pull_btn = QPushButton()
        self.pull_btn.setObjectName("mark_pulled")
        lay.addWidget(self.pull_btn)
        self.zone_note = QLabel()
        self.zone_note.setObjectName("zone_note")
        self.zone_note.setStyleSheet("color:#455a64")
        lay.addWidget(self.zone_note)
        lay.addWidget(self.result)
        self.reason.returnPressed.connect(self.void_verified)  # asks before it voids
        self.pull_btn.clicked.connect(self.mark_pulled)
        self.void_btn.clicked.connect(self.void_verified)
        self.counts = (0, 0)

    def retranslate(self) -> None:
        self.pull_btn.setText(self.tr("Confirm the selected parcel was pulled"))
        self.void_btn.setText(self.tr("Void the selected waybill (reason)"))
        self.reason.setPlaceholderText(self.tr("Reason, e.g. damaged, customer changed address"))
        self._titles()
        self.refresh()

    def _titles(self) -> None:
        self.zone_note.setText(self.tr("Times in %1").replace("%1", self.ctx.zone_label()))
        self.l_verified.setText(
            self.tr("Verified but not handed off: %1").replace("%1", str(self.counts[0]))
        )
        self.l_intercepted.setText(
            self.tr("Intercepted but not pulled: %1").replace("%1", str(self.counts[1]))
        )

    def refresh(self) -> None:
        from warehouse_app.handoffs import discrepancies

        def got(d: dict[str, list[dict[str, Any]]]) -> None:
            v, i = d["verified_not_handed_off"], d["intercepted_not_pulled"]
            self.counts = (len(v), len(i))
            for rows, at in ((v, "verified_at"), (i, "intercepted_at")):
                for r in rows:
                    r["carrier"] = self.ctx.carrier_label(r.get("carrier"))
                    r[at] = self.ctx.local_time(r.get(at))
            fill_table(
                self.verified,
                v,
                ["waybill", "carrier", "order_id", "verified_at", "parcel_id"],
                [
                    self.tr("Waybill"),
                    self.tr("Carrier"),
                    self.tr("Order"),
                    self.tr("Verified at"),
                    self.tr("Parcel"),
                ],
                stretch="parcel_id",
            )
            fill_table(
                self.intercepted,
                i,
                ["waybill", "carrier", "order_id", "intercepted_at", "parcel_id"],
                [
                    self.tr("Waybill"),
                    self.tr("Carrier"),
                    self.tr("Order"),
                    self.tr("Intercepted at"),
                    self.tr("Parcel"),
                ],
                stretch="parcel_id",
            )
            self._titles()

        self.read(discrepancies, ok=got)

    def mark_pulled(self) -> None:
        wb = selected_value(self.intercepted, 0)
        if not wb:
            self.say(self.tr("Select an intercepted parcel first"), ok=False)
            return

        def ok(v: Any) -> None:
            self.say(v.message(self.ctx.lang) + " · " + wb, ok=v.ok)
            emit(self.ctx.events.data_changed, "scan")
            self.refresh()

        self.write(_settle_pulled, wb, self.lead_code, ok=ok)

    def void_verified(self) -> None:
        wb = selected_value(self.verified, 0)
        if not wb:
            self.say(self.tr("Select a parcel first"), ok=False)
            return

        def ok(r: dict[str, Any]) -> None:
            self.say(self.tr("Waybill %1 voided").replace("%1", r["waybill"]))
            self.reason.clear()
            self.refresh()

        reason = self.reason.text()
        if len(reason.strip()) < 2:  # the core refuses it too; no question for a refusal
            self.write(operations.void_waybill, wb, reason, self.lead_code, ok=ok)
            return
        from ui.confirm import confirm

        confirm(
            self,
            self.tr("Void waybill"),
            self.tr("Void waybill %1? The carrier will recycle it; this cannot be undone.").replace(
                "%1", wb
            ),
            lambda: self.write(operations.void_waybill, wb, reason, self.lead_code, ok=ok),
        )
