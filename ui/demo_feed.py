"""Demo feeder: plays a short shift through the simulated serial scanner so a person sees it work.

Logs in P001, verifies a few parcels (one of them intercepted), switches to handoff and hands
some off, every step a real scan through the pty scanner, spaced so each verdict can be read.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.ops import run_read
from warehouse_app.demo import feed_script as demo_script

logger = logging.getLogger(__name__)


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
