"""Logging configured once: a rotating file in the user log dir plus stderr for IT."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured = False


def setup_logging(
    log_dir: Path | None = None, level: int = logging.INFO, stderr: bool = True
) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    root.setLevel(level)
    # httpx logs every request at INFO: a line per sync cycle (8,640+ a day at the 10 s
    # interval) that pushes what IT needs out of station.log and the lead's Log tab; sync
    # failures are logged by the sync service itself. Requests still show with --verbose.
    if level > logging.DEBUG:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(
                log_dir / "station.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
            fh.setFormatter(fmt)
            root.addHandler(fh)
        except OSError:
            pass  # a read-only log dir must never stop the station
    if stderr:
        sh = logging.StreamHandler()
        sh.setFormatter(fmt)
        sh.setLevel(logging.WARNING)
        root.addHandler(sh)
