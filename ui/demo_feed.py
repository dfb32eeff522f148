"""Demo feeder: plays a short shift through the simulated serial scanner so a person sees it work.

Logs in P001, verifies a few parcels (one of them intercepted), switches to handoff and hands
some off, every step a real scan through the pty scanner, spaced so each verdict can be read.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.ops import run_read

logger = logging.getLogger(__name__)


def demo_script(conn: Any) -> list[str]:
    packed = [
        r[0]
        for r in conn.execute(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
            "WHERE p.state='packed' AND o.status='paid' AND p.waybill IS NOT NULL ORDER BY p.parcel_id LIMIT 4"
        )
    ]
    intercept = [
        r[0]
        for r in conn.execute(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
            "WHERE o.status='cancelled' AND p.state='intercepted' LIMIT 1"
        )
    ]
    handoff = conn.execute(
        "SELECT handoff_id, carrier FROM handoffs WHERE status='open' LIMIT 1"
    ).fetchone()
    ready = [
        r[0]
        for r in conn.execute(
            "SELECT waybill FROM parcels WHERE state='verified' AND carrier=? LIMIT 3",
            (handoff["carrier"] if handoff else "",),
        )
    ]
    steps = [
        "P001",
        "#MODE:VERIFY",
        *packed[:2],
        *intercept,
        *packed[2:3],
        packed[0] if packed else "X",
    ]
    if handoff:
        steps += ["#MODE:HANDOFF", f"#HANDOFF:{handoff['handoff_id']}", *ready]
    steps += ["NOT-A-CODE-123"]
    return steps


class DemoFeeder(QObject):
    def __init__(self, window: Any, rig: Any, interval_ms: int = 1800) -> None:
        super().__init__(window)
        self.window = window
        self.rig = rig
        self.steps: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._next)

    def start(self) -> None:
        def got(steps: list[str]) -> None:
            self.steps = steps
            self.timer.start()

        run_read(self.window.ctx, demo_script, on_success=got, parent=self)

    def _next(self) -> None:
        if not self.steps:
            self.timer.stop()
            return
        code = self.steps.pop(0)
        logger.info("demo scan %s", code)
        self.rig.scan(code)
