"""Station-local time: storage stays UTC, people read the station's zone."""

from __future__ import annotations

from datetime import timezone

import pytest

from warehouse_app.errors import StationError
from warehouse_app.localtime import (
    check_zone,
    day_hour_label,
    fmt_local,
    hour_label,
    station_zone,
    to_local,
    zone,
    zone_name,
)


def test_utc_bucket_reads_as_shanghai_clock() -> None:
    tz = zone("Asia/Shanghai")
    assert hour_label("2026-11-25T12:00Z", tz) == "20:00"
    assert day_hour_label("2026-11-25T17:00Z", tz) == "11-26 01:00"  # crosses midnight locally
    assert fmt_local("2026-11-25T12:34:56.789Z", tz) == "2026-11-25 20:34:56"
    assert zone_name(tz) == "Asia/Shanghai (UTC+08:00)"


def test_empty_and_bad_stamps_do_not_raise() -> None:
    tz = zone("UTC")
    assert fmt_local(None, tz) == "" and fmt_local("", tz) == ""
    assert fmt_local("not a time", tz) == "not a time"
    assert to_local("garbage", tz) is None


def test_empty_setting_is_the_os_zone_and_unknown_falls_back() -> None:
    assert zone("") is not None
    assert zone("Mars/Olympus") is not None  # stored garbage never breaks a screen


def test_check_zone_rejects_with_zh_and_en() -> None:
    assert check_zone(" Asia/Shanghai ") == "Asia/Shanghai"
    assert check_zone("") == ""
    with pytest.raises(StationError) as ei:
        check_zone("Asia/Shanghia")
    assert "Asia/Shanghia" in str(ei.value) and "未知时区" in ei.value.zh


def test_station_zone_from_settings(conn) -> None:
    from warehouse_app.station import set_setting

    set_setting(conn, "timezone", "Asia/Shanghai")
    tz = station_zone(conn)
    dt = to_local("2026-01-01T00:00:00Z", tz)
    assert dt is not None and dt.hour == 8 and dt.astimezone(timezone.utc).hour == 0
