"""Device settings kept in the station DB's `settings` table (one typed place for the UI's
settings page, the headless station and IT): validated on save, so a bad value never lands."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

from devices.printers.url import parse_printer_url
from devices.scanners.framing import ScannerConfig

SCANNER_KEY = "devices.scanner"  # dict of ScannerConfig fields
PRINTER_KEY = "devices.printer_url"  # printer URL string
SCALE_KEY = "devices.scale"  # {"port": ..., "baud": ..., "unit": "kg"}
FEEDBACK_KEY = "devices.scanner_feedback"  # none | datalogic | honeywell-acknak | zebra-ssi


def _get(conn: sqlite3.Connection, key: str) -> Any:
    from warehouse_app.station import get_setting

    return get_setting(conn, key)


def _set(conn: sqlite3.Connection, key: str, value: Any) -> None:
    from warehouse_app.station import set_setting

    set_setting(conn, key, value)


def scanner_config(conn: sqlite3.Connection) -> ScannerConfig | None:
    raw = _get(conn, SCANNER_KEY)
    if not raw:
        return None
    fields = {f.name for f in dataclasses.fields(ScannerConfig)}
    return ScannerConfig(**{k: v for k, v in raw.items() if k in fields})


def save_scanner_config(conn: sqlite3.Connection, cfg: ScannerConfig) -> None:
    cfg.validate()  # raises DeviceError (zh + en) and changes nothing
    _set(conn, SCANNER_KEY, dataclasses.asdict(cfg))


def printer_url(conn: sqlite3.Connection) -> str | None:
    v = _get(conn, PRINTER_KEY)
    return str(v) if v else None


def save_printer_url(conn: sqlite3.Connection, url: str) -> None:
    parse_printer_url(url)  # raises PrinterURLError with a correct example
    _set(conn, PRINTER_KEY, url.strip())


def scale_settings(conn: sqlite3.Connection) -> dict[str, Any] | None:
    v = _get(conn, SCALE_KEY)
    return dict(v) if v else None


def save_scale_settings(
    conn: sqlite3.Connection, port: str, baud: int = 9600, unit: str = "kg"
) -> None:
    from devices.errors import DeviceError
    from devices.scales.parse import UNIT_G

    if not port or unit not in UNIT_G or baud <= 0:
        raise DeviceError(
            f"Bad scale settings (port {port!r}, unit {unit!r}, baud {baud}); "
            "example: /dev/ttyUSB1, 9600, kg",
            zh=f"电子秤设置有误（端口 {port!r}，单位 {unit!r}，波特率 {baud}）；示例：/dev/ttyUSB1、9600、kg",
        )
    _set(conn, SCALE_KEY, {"port": port, "baud": baud, "unit": unit})
