"""The station's device settings (scanner framing, printer URL, scale), typed and validated on
save so a bad value never lands; stored under the settings registry's keys (warehouse_app.settings),
the same ones the settings page, the headless station and `config set` use. The caller owns the
transaction. devices/ only describes the devices (ScannerConfig, printer URLs); it keeps nothing."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

from devices.errors import DeviceError
from devices.printers.url import parse_printer_url
from devices.scanners.framing import ScannerConfig
from warehouse_app.station import get_setting, set_setting

SCANNER_KEY = "scanner.framing"  # ScannerConfig fields but port and baud (scanner.port, .baud)
PRINTER_KEY = "printer.url"
FEEDBACK_KEY = "scanner.feedback"  # none | datalogic | honeywell-acknak | zebra-ssi
SCALE_UNITS = ("kg", "g", "lb")


def scanner_config(conn: sqlite3.Connection) -> ScannerConfig | None:
    """The full scanner configuration, or None when nothing was stored."""
    framing = get_setting(conn, SCANNER_KEY) or {}
    port = get_setting(conn, "scanner.port") or ""
    if not framing and not port:
        return None
    names = {f.name for f in dataclasses.fields(ScannerConfig)} - {"port", "baud"}
    kw: dict[str, Any] = {k: v for k, v in dict(framing).items() if k in names}
    return ScannerConfig(port=port, baud=int(get_setting(conn, "scanner.baud") or 9600), **kw)


def save_scanner_config(conn: sqlite3.Connection, cfg: ScannerConfig) -> None:
    cfg.validate()  # raises DeviceError (zh + en) and changes nothing
    d = dataclasses.asdict(cfg)
    set_setting(conn, "scanner.port", d.pop("port"))
    set_setting(conn, "scanner.baud", d.pop("baud"))
    set_setting(conn, SCANNER_KEY, d)


def printer_url(conn: sqlite3.Connection) -> str | None:
    v = get_setting(conn, PRINTER_KEY)
    return str(v) if v else None


def save_printer_url(conn: sqlite3.Connection, url: str) -> None:
    parse_printer_url(url)  # raises PrinterURLError with a correct example
    set_setting(conn, PRINTER_KEY, url.strip())


def scale_settings(conn: sqlite3.Connection) -> dict[str, Any] | None:
    port = get_setting(conn, "scale.port")
    if not port:
        return None
    return {
        "port": port,
        "baud": int(get_setting(conn, "scale.baud") or 9600),
        "unit": get_setting(conn, "scale.unit") or "kg",
    }


def save_scale_settings(
    conn: sqlite3.Connection, port: str, baud: int = 9600, unit: str = "kg"
) -> None:
    from devices.scales.parse import UNIT_G

    if not port or unit not in UNIT_G or baud <= 0:
        raise DeviceError(
            f"Bad scale settings (port {port!r}, unit {unit!r}, baud {baud}); "
            "example: /dev/ttyUSB1, 9600, kg",
            zh=f"电子秤设置有误（端口 {port!r}，单位 {unit!r}，波特率 {baud}）；示例：/dev/ttyUSB1、9600、kg",
        )
    set_setting(conn, "scale.port", port)
    set_setting(conn, "scale.baud", baud)
    set_setting(conn, "scale.unit", unit)
