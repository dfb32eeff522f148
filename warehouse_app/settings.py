"""The settings registry: every station setting declared once - key, type, default, scope
(station or user), Chinese and English label, validation, and how the settings page groups and
offers it - and read and written through here by the settings page (generated from REGISTRY),
the headless station and `warehouse-station config list|get|set`.

Values live in the station DB's `settings` table (JSON), so a crash cannot corrupt them. A
"user" setting (language, sounds, voice, verdict fade) is kept per operator under
`user:<operator>:<key>`; `get()` decides which value wins, in one place: the operator's own,
else the station's, else the default. Old names (`ui.*`, `devices.*`) are moved to these keys
once, by the `station-settings` migration (warehouse_app/store/migrations/settings.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warehouse_app.errors import StationError
from warehouse_app.localtime import COMMON_ZONES
from warehouse_app.station import get_setting, set_setting
from warehouse_app.store.tx import transaction


def _bad(key: str, value: Any, en: str, zh: str) -> StationError:
    return StationError(f"{key}: {value!r} {en}", zh=f"{key}：{value!r} {zh}")


def _check_tz(value: Any) -> None:
    from warehouse_app.localtime import check_zone

    if value:
        check_zone(str(value))


def _check_printer(value: Any) -> None:
    if value:
        from devices.printers.url import parse_printer_url

        parse_printer_url(str(value))  # a PrinterURLError shows a correct example


def _check_size(value: Any) -> None:
    from devices.printers.layout import parse_size

    parse_size(str(value))


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    scope: str  # station | user
    zh: str
    en: str
    choices: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    check: Callable[[Any], None] | None = None
    group: str = ""  # the settings page's box; "" = the key's prefix (scanner.port -> scanner)
    choice_zh: tuple[str, ...] = ()  # how each choice is shown, when not by its value
    choice_en: tuple[str, ...] = ()
    suggestions: tuple[Any, ...] = ()  # offered in an editable list; any valid value goes
    hint: str = ""  # "serial_port": the page offers the ports it finds
    on_page: bool = True  # False: a running choice kept here (returns desk), not a setting to edit

    @property
    def box(self) -> str:
        return self.group or (self.key.split(".", 1)[0] if "." in self.key else "general")

    def choice_label(self, value: Any, lang: str) -> str:
        shown = self.choice_zh if lang == "zh" else self.choice_en
        if value in self.choices and len(shown) == len(self.choices):
            return shown[self.choices.index(value)]
        return str(value)

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def coerce(self, value: Any) -> Any:
        """The typed value, or a StationError (zh + en) that says what is allowed."""
        try:
            if self.type is bool:
                if isinstance(value, str):
                    v = value.strip().lower()
                    if v not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                        raise ValueError(value)
                    out: Any = v in ("1", "true", "yes", "on")
                else:
                    out = bool(value)
            elif self.type is dict:
                out = json.loads(value) if isinstance(value, str) else dict(value)
                if not isinstance(out, dict):
                    raise ValueError(value)
            elif self.type is int and isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            else:
                out = self.type(value)
        except (TypeError, ValueError):
            raise _bad(
                self.key, value, f"is not a {self.type.__name__}", f"不是 {self.type.__name__}"
            ) from None
        if self.choices and out not in self.choices:
            opts = ", ".join(str(c) for c in self.choices)
            raise _bad(self.key, value, f"is not one of {opts}", f"不在可选值中：{opts}")
        if (self.low is not None and out < self.low) or (self.high is not None and out > self.high):
            raise _bad(
                self.key,
                value,
                f"must be between {self.low} and {self.high}",
                f"须在 {self.low} 到 {self.high} 之间",
            )
        if self.check is not None:
            self.check(out)
        return out


BAUDS = (9600, 19200, 38400, 57600, 115200)

# the settings page's boxes, in order, with their titles; a new prefix gets a box of its own
GROUPS: dict[str, tuple[str, str]] = {
    "general": ("语言、时间与窗口", "Language, time and window"),
    "scanner": ("扫描枪", "Scanner"),
    "printer": ("面单打印机", "Label printer"),
    "scale": ("电子秤", "Scale"),
    "feedback": ("提示音与语音", "Sounds and voice"),
}
USER_PREFIX = "user:"  # user:<operator>:<key> holds one operator's own value of a user setting

REGISTRY: tuple[Setting, ...] = (
    Setting(
        "language",
        str,
        "zh",
        "user",
        "界面语言",
        "Language",
        choices=("zh", "en"),
        choice_zh=("中文", "English"),
        choice_en=("中文", "English"),
    ),
    Setting(
        "timezone",
        str,
        "",
        "station",
        "时区（空=本机）",
        "Time zone ('' = this PC's)",
        check=_check_tz,
        group="general",
        suggestions=("", *COMMON_ZONES),
    ),
    Setting(
        "scanner.kind",
        str,
        "wedge",
        "station",
        "扫描枪类型",
        "Scanner kind",
        choices=("wedge", "serial"),
        choice_zh=("键盘模拟（USB HID）扫描枪", "串口扫描枪"),
        choice_en=("Keyboard-wedge (USB HID) scanner", "Serial port scanner"),
    ),
    Setting(
        "scanner.port", str, "", "station", "扫描枪串口", "Scanner serial port", hint="serial_port"
    ),
    Setting(
        "scanner.baud",
        int,
        9600,
        "station",
        "扫描枪波特率",
        "Scanner baud rate",
        low=300,
        high=921600,
        suggestions=BAUDS,
    ),
    Setting(
        "scanner.framing",
        dict,
        {},
        "station",
        "扫描枪帧格式（后缀、前缀、AIM、校验）",
        "Scanner framing (suffix, prefix, AIM, parity)",
    ),
    Setting(
        "scanner.feedback",
        str,
        "none",
        "station",
        "扫描枪回执",
        "Scanner good/bad-read feedback",
        choices=("none", "datalogic", "honeywell-acknak", "zebra-ssi"),
        choice_zh=("无（使用电脑提示音）", "Datalogic", "Honeywell ACK/NAK", "Zebra SSI"),
        choice_en=("none (app sounds)", "Datalogic", "Honeywell ACK/NAK", "Zebra SSI"),
    ),
    Setting(
        "printer.url",
        str,
        "",
        "station",
        "面单打印机地址",
        "Label printer URL",
        check=_check_printer,
    ),
    Setting(
        "printer.label_format",
        str,
        "zpl",
        "station",
        "面单格式",
        "Label language",
        choices=("zpl", "tspl", "pdf"),
        choice_zh=("ZPL（斑马）", "TSPL（TSC/佳博）", "PDF"),
        choice_en=("ZPL (Zebra)", "TSPL (TSC, Gprinter)", "PDF"),
    ),
    Setting(
        "printer.label_size",
        str,
        "76x130",
        "station",
        "面单尺寸",
        "Label size (mm)",
        check=_check_size,
    ),
    Setting(
        "scale.port", str, "", "station", "电子秤串口", "Scale serial port", hint="serial_port"
    ),
    Setting(
        "scale.baud",
        int,
        9600,
        "station",
        "电子秤波特率",
        "Scale baud rate",
        low=300,
        high=921600,
        suggestions=BAUDS,
    ),
    Setting(
        "scale.unit",
        str,
        "kg",
        "station",
        "电子秤单位",
        "Scale unit",
        choices=("kg", "g", "lb", "oz", "jin", "斤"),
    ),
    Setting("scale.use_in_verify", bool, False, "station", "核对时称重", "Weigh at verify"),
    Setting("sound.enabled", bool, True, "user", "提示音", "Verdict sounds", group="feedback"),
    Setting("voice.enabled", bool, False, "user", "语音播报", "Spoken verdicts", group="feedback"),
    Setting(
        "voice.engine",
        str,
        "",
        "user",
        "语音引擎（空=系统默认）",
        "Voice engine ('' = default)",
        group="feedback",
    ),
    Setting(
        "verdict.fade_s",
        float,
        6.0,
        "user",
        "结果淡出秒数（0=不淡出）",
        "Verdict fades after s (0 = never)",
        low=0,
        high=3600,
        group="feedback",
    ),
    Setting(
        "window.kiosk",
        bool,
        False,
        "station",
        "全屏工位模式（重启后生效）",
        "Kiosk: full screen (after restart)",
        group="general",
    ),
    Setting(
        "sync.outbox_retention_days",
        int,
        30,
        "station",
        "已上传事件保留天数（0=永久保留）",
        "Keep uploaded events for days (0 = forever)",
        low=0,
        high=3650,
        group="general",
    ),
    Setting(
        "returns.reason",
        str,
        "",
        "station",
        "退货原因",
        "Return reason",
        choices=("", "quality", "logistics_damage", "changed_mind", "wrong_item", "other"),
        on_page=False,
    ),
    Setting(
        "returns.disposition",
        str,
        "",
        "station",
        "退货去向",
        "Return disposition",
        choices=("", "restock", "damaged", "to_vendor"),
        on_page=False,
    ),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in REGISTRY}

# old name -> new key, moved once by the station-settings migration
OLD_KEYS: dict[str, str] = {
    "ui.language": "language",
    "ui.timezone": "timezone",
    "ui.scanner_kind": "scanner.kind",
    "ui.scanner_port": "scanner.port",
    "ui.scanner_baud": "scanner.baud",
    "ui.printer_url": "printer.url",
    "devices.printer_url": "printer.url",
    "ui.label_format": "printer.label_format",
    "ui.label_size": "printer.label_size",
    "ui.scale_port": "scale.port",
    "ui.scale_baud": "scale.baud",
    "ui.use_scale_in_verify": "scale.use_in_verify",
    "devices.scanner_feedback": "scanner.feedback",
    "ui.sounds": "sound.enabled",
    "ui.voice": "voice.enabled",
    "ui.voice_engine": "voice.engine",
    "ui.verdict_fade_s": "verdict.fade_s",
    "ui.kiosk": "window.kiosk",
}


def setting(key: str) -> Setting:
    s = BY_KEY.get(key)
    if s is None:
        raise StationError(
            f"Unknown setting {key!r}: `warehouse-station config list` shows them all",
            zh=f"没有设置项 {key!r}：`warehouse-station config list` 可列出全部",
        )
    return s


def user_key(operator: str, key: str) -> str:
    """Where one operator's own value of a user setting is kept."""
    return f"{USER_PREFIX}{operator}:{key}"


def _typed(s: Setting, where: str, raw: Any) -> Any:
    """A stored value, typed; one that no longer validates is logged and skipped (None)."""
    try:
        return s.coerce(raw)
    except StationError:
        import logging

        logging.getLogger(__name__).warning("setting %s=%r is not valid: skipped", where, raw)
        return None


def get(conn: sqlite3.Connection, key: str, operator: str | None = None) -> Any:
    """The value in force, typed. Which value wins is decided here and nowhere else: for a user
    setting the operator's own value, then the station's (what IT or the lead set for everyone),
    then the default; for a station setting the station's, then the default. A stored value that
    no longer validates is reported in the log and the next one down is used."""
    s = setting(key)
    if s.scope == "user" and operator:
        raw = get_setting(conn, user_key(operator, key))
        if raw is not None:
            v = _typed(s, user_key(operator, key), raw)
            if v is not None:
                return v
    raw = get_setting(conn, key)
    if raw is None:
        return s.default
    v = _typed(s, key, raw)
    return s.default if v is None else v


def get_all(conn: sqlite3.Connection, operator: str | None = None) -> dict[str, Any]:
    return {s.key: get(conn, s.key, operator) for s in REGISTRY}


def check_values(values: dict[str, Any]) -> dict[str, Any]:
    """Every value typed and validated (the first wrong one raises, zh + en); nothing saved."""
    return {k: setting(k).coerce(v) for k, v in values.items()}


def set_values(
    conn: sqlite3.Connection, values: dict[str, Any], operator: str | None = None
) -> dict[str, Any]:
    """Validate every value first (nothing is saved if one is wrong), then save them in one
    transaction: a user setting for `operator` when one is given (else for the whole station),
    a station setting for the station. Returns the typed values."""
    typed = check_values(values)
    with transaction(conn):
        for k, v in typed.items():
            if operator and BY_KEY[k].scope == "user":
                set_setting(conn, user_key(operator, k), v)
            else:
                set_setting(conn, k, v)
    return typed


def set_value(conn: sqlite3.Connection, key: str, value: Any, operator: str | None = None) -> Any:
    return set_values(conn, {key: value}, operator)[key]


def page_settings() -> list[Setting]:
    """What the settings page shows, in registry order (the page is generated from this)."""
    return [s for s in REGISTRY if s.on_page]


def describe(conn: sqlite3.Connection, operator: str | None = None) -> list[dict[str, Any]]:
    """One row per setting for `config list` and the settings page (values as `operator` sees
    them)."""
    return [
        {
            "key": s.key,
            "value": get(conn, s.key, operator),
            "default": s.default,
            "type": s.type.__name__,
            "scope": s.scope,
            "zh": s.zh,
            "en": s.en,
            "choices": list(s.choices),
        }
        for s in REGISTRY
    ]


def migrate_old_keys(conn: sqlite3.Connection) -> int:
    """Move old names to registry keys (the new key wins when both exist); the caller owns the
    transaction. devices.scanner / devices.scale dicts split into their port, baud and the
    rest. Returns how many old rows were moved."""
    rows = {str(r[0]): r[1] for r in conn.execute("SELECT key, value FROM settings")}

    def put(key: str, value: Any) -> None:
        if key not in rows and value is not None:
            conn.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )
            rows[key] = value

    moved = 0
    # the dicts IT stored through devices.config first: they are the more specific
    for old in ("devices.scanner", "devices.scale"):
        if old not in rows:
            continue
        try:
            d = json.loads(rows[old]) or {}
        except ValueError:
            d = {}
        prefix = "scanner" if old == "devices.scanner" else "scale"
        if isinstance(d, dict):
            put(f"{prefix}.port", d.pop("port", None) or None)
            put(f"{prefix}.baud", d.pop("baud", None))
            if prefix == "scale":
                put("scale.unit", d.pop("unit", None))
            elif d:
                put("scanner.framing", d)
        conn.execute("DELETE FROM settings WHERE key=?", (old,))
        moved += 1
    for old, new in OLD_KEYS.items():
        if old not in rows:
            continue
        try:
            value = json.loads(rows[old])
        except ValueError:
            value = None
        put(new, value)
        conn.execute("DELETE FROM settings WHERE key=?", (old,))
        moved += 1
    return moved
