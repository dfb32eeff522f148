"""Station-local time for people: storage stays UTC (ISO 'Z' strings), but every time a packer or
lead reads (review buckets, manifest, discrepancies, exports, CLI) is shown in the station's zone.

Why one module: the window, the CSV/PDF exports and the CLI must agree on the same hour labels,
and a zone name typed by IT must be checked once, with a zh+en message, before it is stored.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from warehouse_app.clock import parse_iso
from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)

SETTING_KEY = "timezone"  # "" or missing: the OS zone of the station PC
COMMON_ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "UTC",
    "Europe/Berlin",
    "America/Los_Angeles",
)


def os_zone_name() -> str | None:
    """The IANA name of the OS zone (TZ, /etc/timezone, /etc/localtime), or None if unknown."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and _loads(env):
        return env
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if name and _loads(name):
            return name
    except OSError:
        pass
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            name = target.split("zoneinfo/", 1)[1]
            if _loads(name):
                return name
    except OSError:
        pass
    return None


def _loads(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def check_zone(name: str) -> str:
    """Validate a zone name typed by a person; '' means the OS zone. Raises a zh+en StationError."""
    name = (name or "").strip()
    if name and not _loads(name):
        raise StationError(
            f"Unknown time zone {name!r}: use an IANA name such as Asia/Shanghai or UTC "
            "(leave it empty for the computer's own zone)",
            zh=f"未知时区 {name!r}：请填写 IANA 时区名，例如 Asia/Shanghai 或 UTC（留空＝使用电脑时区）",
        )
    return name


def zone(name: str | None = None) -> tzinfo:
    """The tzinfo for a stored setting; empty/None/unknown falls back to the OS zone (never raises)."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            logger.warning("unknown time zone %r, using the OS zone", name)
    os_name = os_zone_name()
    if os_name:
        return ZoneInfo(os_name)
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else timezone.utc


def station_zone(conn: sqlite3.Connection) -> tzinfo:
    """The station's configured zone (settings table), for the CLI and exports."""
    from warehouse_app.station import get_setting

    v = get_setting(conn, SETTING_KEY)
    return zone(str(v) if v else None)


def zone_name(tz: tzinfo) -> str:
    """A label for headers and exports: 'Asia/Shanghai (UTC+08:00)'."""
    key = getattr(tz, "key", None)
    off = datetime.now(timezone.utc).astimezone(tz).utcoffset() or timedelta(0)
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    offset = f"UTC{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
    return f"{key} ({offset})" if key and key != "UTC" else offset


def to_local(stamp: str | datetime | None, tz: tzinfo) -> datetime | None:
    """A stored UTC stamp as an aware local datetime; None/empty/garbage -> None."""
    if stamp is None or stamp == "":
        return None
    try:
        dt = stamp if isinstance(stamp, datetime) else parse_iso(str(stamp))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(tz)


def fmt_local(stamp: str | datetime | None, tz: tzinfo, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    """Format a stored UTC stamp in the station zone; '' for no stamp, the text itself if unparsable."""
    dt = to_local(stamp, tz)
    if dt is None:
        return "" if not stamp else str(stamp)
    return dt.strftime(fmt)


def hour_label(bucket: str, tz: tzinfo) -> str:
    """A UTC hour bucket ('2026-11-25T12:00Z') as the local clock reading ('20:00')."""
    return fmt_local(bucket, tz, "%H:%M")


def day_hour_label(bucket: str, tz: tzinfo) -> str:
    """Local 'MM-DD HH:00' for tables that span more than one day."""
    return fmt_local(bucket, tz, "%m-%d %H:%M")


def set_station_zone(conn: sqlite3.Connection, name: str, operator: str | None = None) -> str:
    """Set the station's zone (IANA name; '' = the PC's own). Caller owns the transaction."""
    from warehouse_app.outbox import append_event
    from warehouse_app.station import set_setting

    name = check_zone(name)
    set_setting(conn, SETTING_KEY, name)
    append_event(conn, "station.timezone_set", {"timezone": name}, operator=operator)
    return name


TIME_KEYS = frozenset(
    {
        "ship_by",
        "next_due",
        "pack_from",
        "pack_until",
        "new_promise",
        "new_ship_by",
        "oldest_waiting",
        "last_handoff",
        "available_at",
        "generated_at",
    }
)


def localize_times(rows: list[dict[str, object]], tz: tzinfo) -> list[dict[str, object]]:
    """Stored UTC stamps in rows (keys ending in _at, and the promise keys) as local wall-clock text
    for tables and CSV; JSON keeps the stored stamps."""
    out = []
    for r in rows:
        d = dict(r)
        for k, v in r.items():
            if isinstance(v, str) and (k.endswith("_at") or k in TIME_KEYS) and v.endswith("Z"):
                d[k] = fmt_local(v, tz, "%Y-%m-%d %H:%M")
        out.append(d)
    return out
