"""The shift lead's area (PIN-protected): batches, handoffs, discrepancies, review, settings.

No modal dialogs: a packer's scans keep flowing while a lead works here, and every action runs
on the writer thread or the read pool with its answer shown inline.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.lead_base import LeadTab as LeadTab
from ui.ops import AppContext, run_on_writer
from ui.qtcompat import emit
from ui.tables import fill_table, make_table, selected_value
from warehouse_app import counts, operations
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


# --- batches ------------------------------------------------------------------------------------
def _create_batch(
    conn: Any, sku_set: str, kind: str, qty: int | None, session: str | None, op: str | None
) -> Any:
    return operations.create_batch(
        conn, sku_set=sku_set, kind=kind, qty=qty, session_id=session or None, operator=op
    )


def _set_status(conn: Any, batch_id: str, status: str, op: str | None) -> Any:
    return operations.set_batch_status(conn, batch_id, status, op)


def _batch_rows(conn: Any) -> list[dict[str, Any]]:
    """The Batches tab: the same counts as the packer's counter and `batch list` (core counts)."""
    from warehouse_app.batches import list_batches

    rows = []
    for b in list_batches(conn):
        c = counts.batch_progress(conn, b["batch_id"], printed=True)
        rows.append(
            {
                "batch_id": b["batch_id"],
                "kind": b["kind"],
                "sku_set": b["sku_set"],
                "session": b["session_id"] or "",
                "status": b["status"],
                "planned": b["planned_qty"],
                "packed": c["packed"],
                "verified": c["verified"],
                "intercepted": c["intercepted"],
                "printed": c["printed"],
            }
        )
    return rows


class BatchesTab(LeadTab):
    COLS = [
        "batch_id",
        "kind",
        "sku_set",
        "session",
        "status",
        "planned",
        "packed",
        "verified",
        "printed",
    ]

    def __init__(self, ctx: AppContext, area: LeadArea) -> None:
        super().__init__(ctx, area)
        lay = QVBoxLayout(self)
        self.table = make_table("batches_table")
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.start_btn, self.pause_btn, self.done_btn = QPushButton(), QPushButton(), QPushButton()
        self.print_btn, self.cancel_btn = QPushButton(), QPushButton()
        for b, name in (
            (self.start_btn, "start_batch"),
            (self.pause_btn, "pause_batch"),
            (self.done_btn, "finish_batch"),
            (self.print_btn, "print_batch"),
            (self.cancel_btn, "cancel_print"),
        ):
            b.setObjectName(name)
            row.addWidget(b)
        self.cancel_btn.setEnabled(False)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("print_progress")
        self.progress.setFormat("%v / %m")
        lay.addWidget(self.progress)
        forms = QHBoxLayout()
        self.new_box = QGroupBox()
        f = QFormLayout(self.new_box)
        self.sku = QLineEdit()
        self.sku.setObjectName("new_sku_set")
        self.sku.setPlaceholderText("SKU-LIP-01*1")
        self.kind = QComboBox()
        self.kind.setObjectName("new_kind")
        self.kind.addItem("", "presale")
        self.kind.addItem("", "anonymous")
        self.qty = QSpinBox()
        self.qty.setObjectName("new_qty")
        self.qty.setRange(0, 100000)
        self.session = QLineEdit()
        self.session.setObjectName("new_session")
        self.create_btn = QPushButton()
        self.create_btn.setObjectName("create_batch")
        self.l_sku, self.l_kind, self.l_qty, self.l_session = QLabel(), QLabel(), QLabel(), QLabel()
        f.addRow(self.l_sku, self.sku)
        f.addRow(self.l_kind, self.kind)
        f.addRow(self.l_qty, self.qty)
        f.addRow(self.l_session, self.session)
        f.addRow(self.create_btn)
        forms.addWidget(self.new_box)
        self.fix_box = QGroupBox()
        g = QFormLayout(self.fix_box)
        self.fix_code = QLineEdit()
        self.fix_code.setObjectName("fix_code")
        self.fix_reason = QLineEdit()
        self.fix_reason.setObjectName("fix_reason")
        self.reprint_btn, self.void_btn = QPushButton(), QPushButton()
        self.reprint_btn.setObjectName("reprint")
        self.void_btn.setObjectName("void")
        self.l_code, self.l_reason = QLabel(), QLabel()
        g.addRow(self.l_code, self.fix_code)
        g.addRow(self.l_reason, self.fix_reason)
        btns = QHBoxLayout()
        btns.addWidget(self.reprint_btn)
        btns.addWidget(self.void_btn)
        g.addRow(btns)
        forms.addWidget(self.fix_box)
        lay.addLayout(forms)
        lay.addWidget(self.result)
        self.run_id: str | None = None
        self.start_btn.clicked.connect(lambda: self._status("active"))
        self.pause_btn.clicked.connect(lambda: self._status("paused"))
        self.done_btn.clicked.connect(lambda: self._status("done"))
        self.create_btn.clicked.connect(self.create_batch)
        self.print_btn.clicked.connect(self.print_batch)
        self.cancel_btn.clicked.connect(self.cancel_print)
        self.reprint_btn.clicked.connect(self.reprint)
        self.void_btn.clicked.connect(self.void)
        if ctx.devices is not None:
            ctx.devices.print_progress.connect(self._progress)
            ctx.devices.print_finished.connect(self._finished)
            ctx.devices.print_stopped.connect(self._stopped)

    def retranslate(self) -> None:
        self.start_btn.setText(self.tr("Start"))
        self.pause_btn.setText(self.tr("Pause"))
        self.done_btn.setText(self.tr("Finish"))
        self.print_btn.setText(self.tr("Print all waybills"))
        self.cancel_btn.setText(self.tr("Cancel printing"))
        self.new_box.setTitle(self.tr("New pre-pack batch"))
        self.l_sku.setText(self.tr("SKU set"))
        self.l_kind.setText(self.tr("Kind"))
        self.kind.setItemText(0, self.tr("pre-sale"))
        self.kind.setItemText(1, self.tr("anonymous"))
        self.l_qty.setText(self.tr("Quantity (0 = all paid orders)"))
        self.l_session.setText(self.tr("Live session"))
        self.create_btn.setText(self.tr("Create batch"))
        self.fix_box.setTitle(self.tr("Reprint or void a waybill"))
        self.l_code.setText(self.tr("Waybill / label"))
        self.l_reason.setText(self.tr("Reason"))
        self.reprint_btn.setText(self.tr("Reprint"))
        self.void_btn.setText(self.tr("Void"))
        self.refresh()

    def refresh(self) -> None:
        heads = [
            self.tr("Batch"),
            self.tr("Kind"),
            self.tr("SKU set"),
            self.tr("Session"),
            self.tr("Status"),
            self.tr("Planned"),
            self.tr("Packed"),
            self.tr("Verified"),
            self.tr("Printed"),
        ]
        names = {
            "draft": self.tr("draft"),
            "active": self.tr("active"),
            "paused": self.tr("paused"),
            "done": self.tr("done"),
            "presale": self.tr("pre-sale"),
            "anonymous": self.tr("anonymous"),
        }

        def got(rows: list[dict[str, Any]]) -> None:
            for r in rows:
                r["status"] = names.get(r["status"], r["status"])
                r["kind"] = names.get(r["kind"], r["kind"])
            fill_table(self.table, rows, self.COLS, heads, stretch="sku_set")

        self.read(_batch_rows, ok=got)

    def selected(self) -> str | None:
        return selected_value(self.table, 0)

    def _status(self, status: str) -> None:
        bid = self.selected()
        if not bid:
            self.say(self.tr("Select a batch first"), ok=False)
            return

        def ok(b: dict[str, Any]) -> None:
            names = {
                "draft": self.tr("draft"),
                "active": self.tr("active"),
                "paused": self.tr("paused"),
                "done": self.tr("done"),
            }
            self.say(
                self.tr("Batch %1 is now %2")
                .replace("%1", b["batch_id"])
                .replace("%2", names.get(b["status"], b["status"]))
            )
            emit(self.ctx.events.data_changed, "batch")
            self.refresh()

        self.write(_set_status, bid, status, self.lead_code, ok=ok)

    def create_batch(self) -> None:
        sku = self.sku.text().strip()
        if not sku:
            self.say(self.tr("Enter the SKU set, e.g. SKU-LIP-01*1"), ok=False)
            return
        qty = self.qty.value() or None

        def ok(b: dict[str, Any]) -> None:
            self.say(
                self.tr("Created batch %1 with %2 parcels")
                .replace("%1", b["batch_id"])
                .replace("%2", str(b["planned_qty"]))
            )
            emit(self.ctx.events.data_changed, "batch")
            self.refresh()

        self.write(
            _create_batch,
            sku,
            self.kind.currentData(),
            qty,
            self.session.text().strip(),
            self.lead_code,
            ok=ok,
        )

    def print_batch(self) -> None:
        bid = self.selected()
        dev = self.ctx.devices
        if not bid:
            self.say(self.tr("Select a batch first"), ok=False)
            return
        if dev is None:
            self.say(self.tr("No printer: set one in Settings"), ok=False)
            return
        try:
            fut = dev.enqueue_batch(bid, self.lead_code)
        except StationError as exc:
            self.fail(exc)
            return

        def ok(res: tuple[str, int]) -> None:
            run_id, n = res
            if n == 0:
                self.say(
                    self.tr("Nothing to print: every waybill of %1 is printed").replace("%1", bid)
                )
                return
            self.run_id = run_id
            self.progress.setRange(0, n)
            self.progress.setValue(0)
            self.cancel_btn.setEnabled(True)
            self.say(self.tr("Printing %1 waybills of %2").replace("%1", str(n)).replace("%2", bid))

        from ui.ops import _deliver

        _deliver(fut, ok, self.fail, self.ctx, self, "enqueue_batch")

    def _progress(self, run_id: str, done: int, total: int) -> None:
        if run_id != self.run_id:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.say(self.tr("Printing: %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _stopped(self, run_id: str, done: int, total: int, zh: str, en: str) -> None:
        """The run is held (paper out...) or was cancelled: say why and how far it got."""
        if run_id != self.run_id:
            return
        self.say(
            self.tr("Stopped: %1 — %2 of %3 printed; it resumes by itself once fixed, or cancel")
            .replace("%1", self.ctx.text(zh, en))
            .replace("%2", str(done))
            .replace("%3", str(total)),
            ok=False,
        )

    def _finished(self, run_id: str, ok: bool, zh: str, en: str) -> None:
        if run_id != self.run_id:
            return
        self.cancel_btn.setEnabled(False)
        self.run_id = None
        self.say(self.ctx.text(zh, en), ok=ok)
        self.refresh()

    def cancel_print(self) -> None:
        dev = self.ctx.devices
        if dev is None or self.run_id is None:
            return
        run_id = self.run_id

        def ok(n: int) -> None:
            self.cancel_btn.setEnabled(False)
            self.run_id = None
            self.say(self.tr("Printing cancelled; %1 labels not printed").replace("%1", str(n)))
            self.refresh()

        from ui.ops import _deliver

        _deliver(dev.cancel_print(run_id), ok, self.fail, self.ctx, self, "cancel_print")

    def reprint(self) -> None:
        code, reason = self.fix_code.text().strip(), self.fix_reason.text().strip()
        dev = self.ctx.devices
        if not code or len(reason) < 2:
            self.say(self.tr("Enter the waybill and a reason"), ok=False)
            return
        if dev is None or dev.queue is None:
            self.say(self.tr("No printer: set one in Settings"), ok=False)
            return
        from ui.ops import _deliver

        def ok(run_id: str) -> None:
            self.say(self.tr("Reprint of %1 sent to the printer").replace("%1", code))
            self.fix_code.clear()
            self.fix_reason.clear()

        def resolve(conn: Any) -> str:
            return operations.waybill_of(conn, code)

        def go(waybill: str) -> None:
            _deliver(
                dev.request_reprint(waybill, self.lead_code or "", reason),
                ok,
                self.fail,
                self.ctx,
                self,
                "reprint",
            )

        self.read(resolve, ok=go)

    def void(self) -> None:
        code, reason = self.fix_code.text().strip(), self.fix_reason.text().strip()
        if not code:
            self.say(self.tr("Enter the waybill and a reason"), ok=False)
            return
        from ui.confirm import confirm

        confirm(
            self,
            self.tr("Void waybill"),
            self.tr("Void waybill %1? The carrier will recycle it; this cannot be undone.").replace(
                "%1", code
            ),
            lambda: self._void(code, reason),
        )

    def _void(self, code: str, reason: str) -> None:

        def ok(r: dict[str, Any]) -> None:
            self.say(self.tr("Waybill %1 voided").replace("%1", r["waybill"]))
            self.fix_code.clear()
            self.fix_reason.clear()
            emit(self.ctx.events.data_changed, "batch")
            self.refresh()

        self.write(operations.void_waybill, code, reason, self.lead_code, ok=ok)


# --- handoffs -----------------------------------------------------------------------------------
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


def manifest_time(stamp: str | None, tz: Any) -> str:
    """A manifest time in the station zone with its offset, e.g. '2026-11-25 20:15 (UTC+08:00)'.

    Not ISO on purpose: the devices renderer shows non-ISO text as is instead of re-zoning it."""
    from warehouse_app.localtime import to_local

    dt = to_local(stamp, tz)
    if dt is None:
        return "—"
    off = dt.strftime("%z")
    return dt.strftime("%Y-%m-%d %H:%M") + f" (UTC{off[:3]}:{off[3:]})"


def render_manifest(conn: Any, hid: str, out: Path, tz: Any = None) -> Path:
    """Manifest PDF (read pool thread) with station-local times and the carrier's display name,
    through devices' renderer; our own layout if it is missing. Written atomically."""
    from warehouse_app.catalog import carrier_name
    from warehouse_app.handoffs import manifest
    from warehouse_app.localtime import station_zone

    out.parent.mkdir(parents=True, exist_ok=True)
    tz = tz or station_zone(conn)
    m = manifest(conn, hid)
    m["opened_at_utc"], m["closed_at_utc"] = m.get("opened_at"), m.get("closed_at")
    m["opened_at"] = manifest_time(m.get("opened_at"), tz)
    m["closed_at"] = manifest_time(m.get("closed_at"), tz)
    zh, en = carrier_name(conn, m["carrier"], "zh"), carrier_name(conn, m["carrier"], "en")
    m["carrier_label"] = zh if zh == en else f"{zh} ({en})"
    try:
        from devices.printers.manifest_pdf import render_manifest as render_bytes
    except ImportError:
        from ui.reports_pdf import manifest_pdf_bytes as render_bytes
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(render_bytes(m))
    tmp.replace(out)
    return out


class HandoffsTab(LeadTab):
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

    def __init__(self, ctx: AppContext, area: LeadArea) -> None:
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


# --- discrepancies ------------------------------------------------------------------------------
def _settle_pulled(conn: Any, waybill: str, op: str | None) -> Any:
    return operations.settle_pulled(conn, waybill, op)


class DiscrepanciesTab(LeadTab):
    def __init__(self, ctx: AppContext, area: LeadArea) -> None:
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


# --- the area -----------------------------------------------------------------------------------
from PySide6.QtCore import Signal  # noqa: E402


class LeadArea(QStackedWidget):
    """PIN page, then tabs. `use_handoff(id)` asks the window to switch the packer to that handoff."""

    use_handoff = Signal(str)
    manifest_ready = Signal(str)
    unlocked = Signal(object)

    def __init__(self, ctx: AppContext, window: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.window_ = window
        self.pin_page = QWidget()
        pl = QVBoxLayout(self.pin_page)
        pl.addStretch(1)
        self.pin_title = QLabel()
        self.pin_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_title.setStyleSheet("font-size:28px;font-weight:bold")
        pl.addWidget(self.pin_title)
        form = QFormLayout()
        self.lead_code = QLineEdit()
        self.lead_code.setObjectName("lead_code")
        self.pin = QLineEdit()
        self.pin.setObjectName("lead_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.l_code, self.l_pin = QLabel(), QLabel()
        for w in (
            self.lead_code,
            self.pin,
        ):  # typed standing at a station: big enough to hit and read
            w.setStyleSheet("font-size:22px;padding:6px")
            w.setMinimumWidth(320)
        for lab in (self.l_code, self.l_pin):
            lab.setStyleSheet("font-size:20px")
        form.addRow(self.l_code, self.lead_code)
        form.addRow(self.l_pin, self.pin)
        box = QWidget()
        box.setLayout(form)
        box.setMaximumWidth(520)
        hl = QHBoxLayout()
        hl.addStretch(1)
        hl.addWidget(box)
        hl.addStretch(1)
        pl.addLayout(hl)
        self.pin_msg = QLabel()
        self.pin_msg.setObjectName("pin_message")
        self.pin_msg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_msg.setStyleSheet("font-size:18px;color:#b71c1c")
        pl.addWidget(self.pin_msg)
        pl.addStretch(2)
        self.lead_code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.try_unlock)
        self.addWidget(self.pin_page)

        self.tabs_page = QWidget()
        tl = QVBoxLayout(self.tabs_page)
        head = QHBoxLayout()
        self.who = QLabel()
        self.who.setStyleSheet("font-size:18px;font-weight:bold")
        self.back_btn = QPushButton()
        self.back_btn.setObjectName("lead_back")
        self.back_btn.clicked.connect(window.back_to_packer)
        head.addWidget(self.who, 1)
        head.addWidget(self.back_btn)
        tl.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lead_tabs")
        tl.addWidget(self.tabs, 1)
        self.addWidget(self.tabs_page)

        from ui.review import ReviewTab
        from ui.settings_page import SettingsTab

        self.batches = BatchesTab(ctx, self)
        self.handoffs = HandoffsTab(ctx, self)
        self.discrepancies = DiscrepanciesTab(ctx, self)
        self.review = ReviewTab(ctx, self)
        self.settings = SettingsTab(ctx, self)
        from ui.logpanel import LogPanel

        self.log = LogPanel()
        from ui.multistation import StationsTab

        self.stations = StationsTab(ctx, self)
        self.pages: dict[str, QWidget] = {
            "batches": self.batches,
            "handoffs": self.handoffs,
            "discrepancies": self.discrepancies,
            "stations": self.stations,
            "review": self.review,
            "settings": self.settings,
            "log": self.log,
        }
        for page in self.pages.values():
            self.tabs.addTab(page, "")
        self.promo_tabs = self._promo_tabs()
        for title, promo_page in self.promo_tabs:
            self.tabs.addTab(promo_page, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.use_handoff.connect(self._use_handoff)
        self._wanted = "batches"

    def _promo_tabs(self) -> list[tuple[str, QWidget]]:
        try:
            from ui.promo import lead_tabs
        except ImportError:
            try:
                from ui.promo.tabs import lead_tabs  # type: ignore[no-redef]
            except ImportError:
                return []
        try:
            return list(lead_tabs(self.ctx))
        except Exception:
            logger.exception("promo lead tabs failed to load")
            return []

    def retranslate(self) -> None:
        self.pin_title.setText(self.tr("Shift lead: scan your badge and enter your PIN"))
        self.l_code.setText(self.tr("Lead code"))
        self.l_pin.setText(self.tr("PIN"))
        self.back_btn.setText(self.tr("Back to packing (Esc)"))
        names = {
            "batches": self.tr("Batches"),
            "handoffs": self.tr("Handoffs"),
            "discrepancies": self.tr("Discrepancies"),
            "stations": self.ctx.text("多站协同", "Stations"),
            "review": self.tr("Review"),
            "settings": self.tr("Settings"),
            "log": self.tr("Log"),
        }
        for key, w in self.pages.items():
            self.tabs.setTabText(self.tabs.indexOf(w), names[key])
            if isinstance(w, LeadTab):
                w.result.setText("")  # a message said in the other language is stale
            w.retranslate()  # type: ignore[attr-defined]
        if self.ctx.lead:
            self.who.setText(self.tr("Shift lead: %1").replace("%1", self.ctx.lead["name"]))

    def open(self, tab: str) -> None:
        self._wanted = tab
        if self.ctx.lead is None:
            self.setCurrentWidget(self.pin_page)
            self.pin_msg.setText("")
            self.lead_code.setFocus()
            return
        self._show_tab(tab)

    def _show_tab(self, tab: str) -> None:
        self.setCurrentWidget(self.tabs_page)
        w = self.pages.get(tab)
        if w is not None:
            self.tabs.setCurrentWidget(w)
            w.refresh()  # type: ignore[attr-defined]

    def try_unlock(self) -> None:
        code, pin = self.lead_code.text().strip(), self.pin.text()
        self.pin.clear()

        def ok(lead: dict[str, Any]) -> None:
            self.ctx.lead = lead
            self.who.setText(self.tr("Shift lead: %1").replace("%1", lead["name"]))
            emit(self.unlocked, lead)
            self._show_tab(self._wanted)

        def fail(exc: BaseException) -> None:
            from warehouse_app.lead_pin import LeadLocked

            msg = self.ctx.text(exc.zh, str(exc)) if isinstance(exc, StationError) else str(exc)
            self.pin_msg.setText(msg)
            self.lead_code.setFocus()
            if isinstance(exc, LeadLocked):
                self._lock_for(exc.seconds)

        run_on_writer(
            self.ctx,
            operations.verify_lead,
            code,
            pin,
            on_success=ok,
            on_failure=fail,
            parent=self,
        )

    def _lock_for(self, seconds: int) -> None:
        """Too many wrong PINs: the PIN field is closed and counts down (the core enforces it)."""
        import time as _time

        from PySide6.QtCore import QTimer

        self._lock_until = _time.monotonic() + seconds
        self.pin.setEnabled(False)
        if getattr(self, "_lock_timer", None) is None:
            self._lock_timer = QTimer(self)
            self._lock_timer.setInterval(1000)
            self._lock_timer.timeout.connect(self._lock_tick)
        self._lock_timer.start()
        self._lock_tick()

    def _lock_tick(self) -> None:
        import time as _time

        left = int(self._lock_until - _time.monotonic())
        if left <= 0:
            self._lock_timer.stop()
            self.pin.setEnabled(True)
            self.pin_msg.setText(self.tr("Lead actions open again: enter your PIN"))
            return
        self.pin_msg.setText(
            self.tr("Too many wrong PINs: locked, %1 left").replace(
                "%1", f"{left // 60}:{left % 60:02d}"
            )
        )

    def lock(self) -> None:
        self.ctx.lead = None
        self.setCurrentWidget(self.pin_page)

    def _tab_changed(self, index: int) -> None:
        w = self.tabs.widget(index)
        if w is not None and hasattr(w, "refresh") and self.ctx.lead is not None:
            w.refresh()

    def _use_handoff(self, hid: str) -> None:
        self.window_.set_mode("handoff", announce=False)
        self.window_.set_handoff(hid)
        self.window_.back_to_packer()
