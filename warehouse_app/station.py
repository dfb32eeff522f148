"""Station identity, operators and per-station settings (kept in SQLite so they can't be corrupted)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from warehouse_app.errors import NotFound, StationError

# badge and PIN lookups live in warehouse_app.operators (shared with the lead PIN lockout)
from warehouse_app.operators import check_pin as check_pin
from warehouse_app.operators import find_operator as find_operator
from warehouse_app.operators import hash_pin as hash_pin
from warehouse_app.outbox import append_event

STATION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


def check_station_id(station_id: str) -> None:
    if not STATION_ID_RE.match(station_id):
        raise StationError(
            f"Station id {station_id!r} is not valid: use letters, digits, '-' or '_' (e.g. WH1-ST03)",
            zh=f"站点编号 {station_id!r} 无效：只能用字母、数字、- 或 _（例如 WH1-ST03）",
        )


def init_station(conn: sqlite3.Connection, station_id: str, name: str | None = None) -> None:
    check_station_id(station_id)
    row = conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()
    if row and row[0] != station_id:
        raise StationError(
            f"This data folder already belongs to station {row[0]}; use another --data-dir",
            zh=f"该数据目录已属于站点 {row[0]}，请换一个 --data-dir",
        )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('station_id', ?)", (station_id,))
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('station_name', ?)", (name or station_id,)
    )


def require_station(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key='station_id'").fetchone()
    if not row:
        raise StationError(
            "This station is not set up: run `warehouse-station init --station-id ID`",
            zh="站点尚未初始化：请运行 `warehouse-station init --station-id ID`",
        )
    return str(row[0])


def add_operator(
    conn: sqlite3.Connection, code: str, name: str, role: str = "packer", pin: str | None = None
) -> None:
    if role not in ("packer", "lead"):
        raise StationError(
            f"role must be packer or lead, got {role!r}", zh=f"角色必须是 packer 或 lead：{role!r}"
        )
    if role == "lead" and not pin:
        raise StationError("A shift lead needs a PIN", zh="组长账号必须设置 PIN")
    if not code.strip() or code != code.strip() or not code.isprintable() or len(code) > 64:
        raise StationError(
            f"Operator code {code!r} is not valid: a badge code without spaces at the ends",
            zh=f"操作员编号 {code!r} 无效：请用工牌编号（首尾不能有空格）",
        )
    if not name.strip():
        raise StationError("The operator needs a name", zh="操作员需要姓名")
    conn.execute(
        "INSERT INTO operators (code, name, role, pin_hash, active) VALUES (?,?,?,?,1) "
        "ON CONFLICT(code) DO UPDATE SET name=excluded.name, role=excluded.role, "
        "pin_hash=COALESCE(excluded.pin_hash, operators.pin_hash), active=1",
        (code, name, role, hash_pin(pin) if pin else None),
    )


def login(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    op = find_operator(conn, code)
    if op is None:
        raise NotFound(f"Unknown operator badge {code!r}", zh=f"未知工牌 {code!r}")
    append_event(conn, "operator.login", {"operator": op["code"]}, operator=op["code"])
    return {k: op[k] for k in ("code", "name", "role")}


def verify_lead(
    conn: sqlite3.Connection, code: str, pin: str, via: str = "window"
) -> dict[str, Any]:
    """A lead's PIN authorises overrides (reprint, void, batch control).

    Goes through the lockout (warehouse_app.lead_pin): owns its transactions, so call it outside
    any; wrong tries are events and five in a row lock lead actions for an escalating time."""
    from warehouse_app.lead_pin import authorize_lead

    return authorize_lead(conn, code, pin, via=via)


def get_setting(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def save_settings(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    """Several settings in one transaction (the settings page's Save)."""
    from warehouse_app.store.tx import transaction

    with transaction(conn):
        for key, value in values.items():
            set_setting(conn, key, value)


def all_settings(conn: sqlite3.Connection) -> dict[str, Any]:
    return {r[0]: json.loads(r[1]) for r in conn.execute("SELECT key, value FROM settings")}
