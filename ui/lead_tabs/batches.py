"""The lead's Batches tab: batch progress (core counts), start/pause/finish, batch printing
with its progress and stop reason, a new pre-pack batch, and reprint or void of one waybill."""

from __future__ import annotations

import logging
from typing import Any

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
    QVBoxLayout,
    QWidget,
)

from ui.lead_base import LeadTab
from ui.ops import AppContext
from ui.qtcompat import emit
from ui.tables import fill_table, make_table, selected_value
from warehouse_app import counts, operations
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


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
    KEY = "batches"

    def title(self) -> str:
        return self.tr("Batches")

    def focus_order(self) -> list[QWidget]:
        # the table, what to do with the chosen batch, then the two forms top to bottom
        return [
            self.table,
            self.start_btn,
            self.pause_btn,
            self.done_btn,
            self.print_btn,
            self.cancel_btn,
            self.sku,
            self.kind,
            self.qty,
            self.session,
            self.create_btn,
            self.fix_code,
            self.fix_reason,
            self.reprint_btn,
            self.void_btn,
        ]

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

    def __init__(self, ctx: AppContext, area: Any) -> None:
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
        self.sku.returnPressed.connect(self.create_batch)
        self.session.returnPressed.connect(self.create_batch)
        self.fix_code.returnPressed.connect(self.fix_reason.setFocus)
        self.fix_reason.returnPressed.connect(self.reprint)  # Enter never voids
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
