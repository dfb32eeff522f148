"""The handoff manifest (交接单) as the courier signs it: the core reads and words it, devices draws it.

`manifest_document` turns `handoffs.manifest` into what the page shows (station-zone times with
their offset, the carrier's zh + en name); `write_manifest_pdf` hands that to the PDF renderer
(devices/printers/manifest_pdf.py, which never reads the database). The CLI and the lead's
Handoffs tab both write manifests through here, so they say the same thing.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import tzinfo
from pathlib import Path
from typing import Any

from warehouse_app.catalog import carrier_name
from warehouse_app.handoffs import manifest
from warehouse_app.localtime import station_zone, to_local

logger = logging.getLogger(__name__)


def manifest_time(stamp: str | None, tz: tzinfo) -> str:
    """A manifest time in the station zone with its offset, e.g. '2026-11-25 20:15 (UTC+08:00)'."""
    dt = to_local(stamp, tz)
    if dt is None:
        return "—"
    off = dt.strftime("%z")
    return dt.strftime("%Y-%m-%d %H:%M") + f" (UTC{off[:3]}:{off[3:]})"


def manifest_document(
    conn: sqlite3.Connection, handoff_id: str, tz: tzinfo | None = None
) -> dict[str, Any]:
    """`handoffs.manifest` worded for the page: local times (UTC kept beside them) and the
    carrier as '中通快递 (ZTO Express)'. `tz` defaults to the station's zone."""
    tz = tz or station_zone(conn)
    m = manifest(conn, handoff_id)
    m["opened_at_utc"], m["closed_at_utc"] = m.get("opened_at"), m.get("closed_at")
    m["opened_at"] = manifest_time(m.get("opened_at"), tz)
    m["closed_at"] = manifest_time(m.get("closed_at"), tz)
    zh, en = carrier_name(conn, m["carrier"], "zh"), carrier_name(conn, m["carrier"], "en")
    m["carrier_label"] = zh if zh == en else f"{zh} ({en})"
    return m


def write_manifest_pdf(
    conn: sqlite3.Connection, handoff_id: str, path: str | Path, tz: tzinfo | None = None
) -> Path:
    """Write one handoff's manifest PDF to `path` (a temp file, then renamed: never half a PDF)."""
    from devices.printers.manifest_pdf import render_manifest

    m = manifest_document(conn, handoff_id, tz)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(render_manifest(m))
    tmp.replace(out)
    logger.info("manifest %s: %d parcels -> %s", handoff_id, len(m["parcels"]), out)
    return out
