"""The window's link to the core station session: no widgets, no rules.

Every input (a scan, a typed code, a key, a command card) goes to `warehouse_app.session` on the
writer thread; its `Outcome` comes back on the UI thread as `outcome_ready`, and the window only
renders it. The headless station and `scan` drive the very same session, so the three agree.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.ops import AppContext, run_on_writer
from ui.qtcompat import emit
from warehouse_app.commands import Command
from warehouse_app.session import Outcome, StationSession

logger = logging.getLogger(__name__)


class DevicePrinter:
    """The session's print port over the window's device hub (the printer may change in settings)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def printer_key(self) -> str | None:
        dev = self.ctx.devices
        q = getattr(dev, "queue", None) if dev is not None else None
        return str(q.key) if q is not None else None

    def wake(self) -> None:
        dev = self.ctx.devices
        q = getattr(dev, "queue", None) if dev is not None else None
        if q is not None:
            q.wake()


class StationController(QObject):
    """Feeds the session on the writer thread; `outcome_ready(Outcome)` on the UI thread."""

    outcome_ready = Signal(object)
    input_failed = Signal(object)  # the exception: nothing was decided (e.g. the DB failed)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = StationSession(lang=ctx.lang, printer=DevicePrinter(ctx))
        self.in_flight = 0

    @property
    def state(self) -> Any:
        return self.session.state

    def _submit(self, fn: Any, *args: Any, announce: bool | None = None) -> None:
        self.in_flight += 1

        def ok(out: Outcome) -> None:
            self.in_flight -= 1
            if announce is not None:
                out.announce = announce and out.announce
            emit(self.outcome_ready, out)

        def fail(exc: BaseException) -> None:
            self.in_flight -= 1
            logger.error("station input failed", exc_info=exc)
            emit(self.input_failed, exc)

        run_on_writer(self.ctx, fn, *args, on_success=ok, on_failure=fail, parent=self)

    def scan(self, code: str, weight_g: int | None = None) -> None:
        """A scanned or typed code: command card, badge or parcel (the session decides)."""
        self._submit(self.session.scan, code, weight_g)

    def command(self, cmd: Command, announce: bool = True) -> None:
        """A key that does what a command card does (F1-F5, F8, Ctrl/Alt+n, the pickers)."""
        self._submit(self.session.command, cmd, "", announce=announce)

    def set_batch(self, batch_id: str | None, announce: bool = True) -> None:
        self._submit(self.session.set_batch, batch_id, "", announce=announce)

    def set_handoff(self, handoff_id: str | None, announce: bool = True) -> None:
        self._submit(self.session.set_handoff, handoff_id, "", announce=announce)

    def choose_return(self, reason: str | None, disposition: str | None) -> None:
        self._submit(
            lambda conn: self.session.choose_return(conn, reason=reason, disposition=disposition)
        )

    def wants_weight(self) -> bool:
        return self.session.wants_weight()

    def set_language(self, lang: str) -> None:
        self.session.lang = lang
