"""The lead's Handoffs tab: open and close a carrier handoff (with a confirmation), send the
packer into one, and the manifest PDF (station-local times) with its path and an "open folder"."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
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


def _open_handoff(conn: Any, carrier: str, courier: str, vehicle: str, op: str | None) -> Any:
    return operations.open_handoff(
        conn, carrier, courier_name=courier or None, vehicle=vehicle or None, operator=op
    )


def _close_handoff(conn: Any, hid: str, op: str | None, courier: str, vehicle: str) -> Any:
    return operations.close_handoff(
        conn, hid, operator=op, courier_name=courier or None, vehicle=vehicle or None
    )


def _handoff_rows(conn: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from warehouse_app.handoffs import list_handoffs

    return list_handoffs(conn), operations.carriers(conn)


def render_manifest(conn: Any, hid: str, out: Path, tz: Any = None) -> Path:
    """Manifest PDF (read pool thread): the core words it (station-local times, the carrier's
    display name) and devices draws it; written atomically."""
    from warehouse_app.manifests import write_manifest_pdf

    return write_manifest_pdf(conn, hid, out, tz)


class HandoffsTab(LeadTab):
    KEY = "handoffs"

    def title(self) -> str:
        return self.tr("Handoffs")

    def focus_order(self) -> list[QWidget]:
        return [
            self.table,
            self.carrier,
            self.courier,
            self.vehicle,
            self.open_btn,
            self.close_btn,
            self.use_btn,
            self.manifest_btn,
            self.folder_btn,
        ]

    COLS = [
        "handoff_id",
        "carrier",
        "courier_name",
        "vehicle",
        "status",
        "parcel_count",
        "opened_at",
        "closed_at",
    ]

    def __init__(self, ctx: AppContext, area: Any) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.table = make_table("handoffs_table")
        self.zone_note = QLabel()
        self.zone_note.setObjectName("zone_note")
        self.zone_note.setStyleSheet("color:#455a64")
        lay.addWidget(self.table, 1)
        lay.addWidget(self.zone_note)
        self.box = QGroupBox()
        f = QFormLayout(self.box)
        self.carrier = QComboBox()
        self.carrier.setObjectName("handoff_carrier")
        self.courier = QLineEdit()
        self.courier.setObjectName("handoff_courier")
        self.vehicle = QLineEdit()
        self.vehicle.setObjectName("handoff_vehicle")
        self.l_carrier, self.l_courier, self.l_vehicle = QLabel(), QLabel(), QLabel()
        f.addRow(self.l_carrier, self.carrier)
        f.addRow(self.l_courier, self.courier)
        f.addRow(self.l_vehicle, self.vehicle)
        row = QHBoxLayout()
        self.open_btn, self.close_btn, self.use_btn = QPushButton(), QPushButton(), QPushButton()
        self.open_btn.setObjectName("open_handoff")
        self.close_btn.setObjectName("close_handoff")
        self.use_btn.setObjectName("use_handoff")
        self.manifest_btn, self.folder_btn = QPushButton(), QPushButton()
        self.manifest_btn.setObjectName("reprint_manifest")
        self.folder_btn.setObjectName("open_manifest_folder")
        self.folder_btn.setVisible(False)
        for b in (self.open_btn, self.close_btn, self.use_btn, self.manifest_btn, self.folder_btn):
            row.addWidget(b)
        f.addRow(row)
        lay.addWidget(self.box)
        lay.addWidget(self.result)
        self.courier.returnPressed.connect(self.vehicle.setFocus)
        self.vehicle.returnPressed.connect(self.open_handoff)
        self.last_manifest: Path | None = None
        self.open_btn.clicked.connect(self.open_handoff)
        self.close_btn.clicked.connect(self.close_selected)
        self.use_btn.clicked.connect(self.use_selected)
        self.manifest_btn.clicked.connect(self.reprint_manifest)
        self.folder_btn.clicked.connect(self.open_folder)

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Carrier handoff"))
        self.l_carrier.setText(self.tr("Carrier"))
        self.l_courier.setText(self.tr("Courier name"))
        self.l_vehicle.setText(self.tr("Vehicle"))
        self.open_btn.setText(self.tr("Open handoff"))
        self.close_btn.setText(self.tr("Close && print manifest").replace("&&", "&&"))
        self.use_btn.setText(self.tr("Scan into this handoff"))
        self.manifest_btn.setText(self.tr("Reprint manifest"))
        self.folder_btn.setText(self.tr("Open folder"))
        self.refresh()

    def refresh(self) -> None:
        heads = [
            self.tr("Handoff"),
            self.tr("Carrier"),
            self.tr("Courier"),
            self.tr("Vehicle"),
            self.tr("Status"),
            self.tr("Parcels"),
            self.tr("Opened"),
            self.tr("Closed"),
        ]
        self.zone_note.setText(self.tr("Times in %1").replace("%1", self.ctx.zone_label()))

        def got(res: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            rows, carriers = res
            names = {"open": self.tr("open"), "closed": self.tr("closed")}
            for r in rows:
                r["status"] = names.get(r["status"], r["status"])
                r["carrier"] = self.ctx.carrier_label(r["carrier"])
                r["opened_at"] = self.ctx.local_time(r.get("opened_at"))
                r["closed_at"] = self.ctx.local_time(r.get("closed_at"))
            fill_table(self.table, rows, self.COLS, heads, stretch="closed_at")
            cur = self.carrier.currentData()
            self.carrier.clear()
            for c in carriers:
                self.carrier.addItem(
                    f"{self.ctx.carrier_label(c['code'])}  ({c['code']})", c["code"]
                )
            if cur:
                self.carrier.setCurrentIndex(max(0, self.carrier.findData(cur)))

        self.read(_handoff_rows, ok=got)

    def open_handoff(self) -> None:
        carrier = self.carrier.currentData()
        if not carrier:
            self.say(self.tr("Choose a carrier"), ok=False)
            return

        def ok(h: dict[str, Any]) -> None:
            self.say(
                self.tr("Opened handoff %1 for %2")
                .replace("%1", h["handoff_id"])
                .replace("%2", self.ctx.carrier_label(carrier))
            )
            emit(self.ctx.events.data_changed, "handoff")
            self.refresh()

        self.write(
            _open_handoff,
            carrier,
            self.courier.text().strip(),
            self.vehicle.text().strip(),
            self.lead_code,
            ok=ok,
        )

    def close_selected(self) -> None:
        hid = selected_value(self.table, 0)
        if not hid:
            self.say(self.tr("Select a handoff first"), ok=False)
            return
        row = self.table.currentRow()
        item = self.table.item(row, 5) if row >= 0 else None
        count = item.text() if item is not None else "?"
        from ui.confirm import confirm

        confirm(
            self,
            self.tr("Close handoff"),
            self.tr("Close handoff %1 with %2 parcels and print its manifest?")
            .replace("%1", hid)
            .replace("%2", count),
            lambda: self.close_handoff(hid),
        )

    def reprint_manifest(self) -> None:
        """A closed handoff's manifest again (the courier lost it, the printer jammed)."""
        hid = selected_value(self.table, 0)
        if not hid:
            self.say(self.tr("Select a handoff first"), ok=False)
            return
        out = self.ctx.data_dir / "manifests" / f"{hid}.pdf"
        self.read(self._render_and_send, hid, out, ok=lambda p: self._saved(hid, p, False))

    def _saved(self, hid: str, path: Path, closed: bool) -> None:
        self.last_manifest = path
        text = (
            self.tr("Handoff %1 closed; manifest saved to %2")
            if closed
            else self.tr("Manifest of %1 saved to %2")
        )
        self.say(text.replace("%1", hid).replace("%2", str(path)))
        self.folder_btn.setVisible(True)
        emit(self.area.manifest_ready, str(path))

    def open_folder(self) -> None:
        if self.last_manifest is None:
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_manifest.parent)))

    def close_handoff(self, hid: str) -> None:
        out = self.ctx.data_dir / "manifests" / f"{hid}.pdf"

        def printed(path: Path) -> None:
            self._saved(hid, path, True)

        def closed(m: dict[str, Any]) -> None:
            emit(self.ctx.events.data_changed, "handoff")
            self.refresh()
            self.read(self._render_and_send, hid, out, ok=printed)

        self.write(
            _close_handoff,
            hid,
            self.lead_code,
            self.courier.text().strip(),
            self.vehicle.text().strip(),
            ok=closed,
        )

    def _render_and_send(self, conn: Any, hid: str, out: Path) -> Path:
        """Render (read pool), and send it to the printer when that printer takes PDF."""
        path = render_manifest(conn, hid, out, self.ctx.tz)
        dev = self.ctx.devices
        if dev is not None and dev.printer is not None and dev.printer.lang == "pdf":
            dev.printer.send(path.read_bytes(), f"manifest-{hid}")
        return path

    def use_selected(self) -> None:
        hid = selected_value(self.table, 0)
        if not hid:
            self.say(self.tr("Select a handoff first"), ok=False)
            return
        emit(self.area.use_handoff, hid)
