"""Is a station online, offline past its lease, or silent for so long it is likely dead?

A station pulls every few seconds while it runs (its sync loop), so its last pull is its
heartbeat; its last push is kept by the storage (`stations.last_push_at`). From the last time the
hub heard from it and its lease, each station is:

- `online`: heard from within `offline_after_s`;
- `offline`: silent, its lease still running: at `lease_expires_at` its `open_orders` go back
  to the pool (nothing is wrong yet: a short outage);
- `lease_expired`: silent past its lease: its orders went back to the pool. It may be packing
  offline (what it binds now will clash with another station) or it may be dead; a lead must
  find out (a warning: during a peak those orders are packed by another station);
- `silent`: nothing for `dead_after_s`: likely dead (a PC off, a replaced PC never set up);
- `unknown`: never heard from.

The hub keeps these in `station_liveness` and publishes a `station_state` record (key: the
station id, with its warehouse) whenever a station's state changes, so every station's lead
sees its warehouse's stations without asking the hub. Checked on pulls, at most every
`check_every_s`, and live on every read (`warehouse-hub stations`, GET /api/v1/stations).

Runs inside the ledger's write transaction (`c`: the storage's Tx; portable SQL).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from warehouse_app.clock import iso, parse_iso

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS station_liveness (
    station_id TEXT PRIMARY KEY, last_pull_at TEXT, returned_orders INTEGER NOT NULL DEFAULT 0,
    returned_at TEXT, state TEXT, state_since TEXT)
"""

WARNING_STATES = ("lease_expired", "silent")


@dataclass(frozen=True)
class LivenessPolicy:
    offline_after_s: float = 120.0  # a running station pulls every few seconds
    dead_after_s: float = 4 * 3600.0  # silent this long: likely dead, not just offline
    check_every_s: float = 5.0  # re-judge (and publish changes) at most this often, on pulls

    @classmethod
    def from_env(cls) -> LivenessPolicy:
        def num(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, default))
            except ValueError:
                return default

        return cls(
            offline_after_s=num("WAREHOUSE_HUB_OFFLINE_AFTER_S", cls.offline_after_s),
            dead_after_s=num("WAREHOUSE_HUB_DEAD_AFTER_S", cls.dead_after_s),
            check_every_s=num("WAREHOUSE_HUB_LIVENESS_CHECK_S", cls.check_every_s),
        )


def seen(c: Any, station: str, now: datetime) -> None:
    """A pull: the station is alive now."""
    c.execute(
        "INSERT INTO station_liveness (station_id, last_pull_at) VALUES (?,?) "
        "ON CONFLICT(station_id) DO UPDATE SET last_pull_at=excluded.last_pull_at",
        (station, iso(now)),
    )


def returned(c: Any, counts: dict[str, int], now: datetime) -> None:
    """Leased orders of these stations went back to the pool (their lease ran out)."""
    for station, n in counts.items():
        c.execute(
            "INSERT INTO station_liveness (station_id, returned_orders, returned_at) "
            "VALUES (?,?,?) ON CONFLICT(station_id) DO UPDATE SET "
            "returned_orders=station_liveness.returned_orders + excluded.returned_orders, "
            "returned_at=excluded.returned_at",
            (station, n, iso(now)),
        )


def _latest(*times: Any) -> str | None:
    got = [str(t) for t in times if t]
    return max(got) if got else None


def classify(row: dict[str, Any], now: datetime, policy: LivenessPolicy) -> dict[str, Any]:
    """One station's state from its last contact and its lease (a row of `rows()`)."""
    last = _latest(row.get("last_pull_at"), row.get("last_push_at"))
    silent_s = None if last is None else max(0.0, (now - parse_iso(last)).total_seconds())
    exp = row.get("lease_expires_at")
    returned_at = row.get("returned_at")
    if silent_s is None:
        state = "unknown"
    elif silent_s <= policy.offline_after_s:
        state = "online"
    elif silent_s > policy.dead_after_s:
        state = "silent"
    elif exp and parse_iso(str(exp)) > now:
        state = "offline"
    elif exp or (returned_at and last is not None and str(returned_at) > last):
        state = "lease_expired"  # returned to the pool, or about to be at the next pull
    else:
        state = "offline"
    en, zh = _ACTION[state](row, exp)
    return {
        **row,
        "last_seen_at": last,
        "silent_s": None if silent_s is None else round(silent_s, 1),
        "state": state,
        "warning": state in WARNING_STATES and bool(row.get("returned_orders") or exp),
        "action_en": en,
        "action_zh": zh,
    }


def rows(
    c: Any, now: datetime, policy: LivenessPolicy, warehouse: str | None
) -> list[dict[str, Any]]:
    """Every active station (of `warehouse` and of none, or all), with its state."""
    sql = (
        "SELECT s.station_id, s.last_push_at, sw.warehouse_id, v.last_pull_at, "
        "v.returned_orders, v.returned_at, v.state AS published_state "
        "FROM stations s LEFT JOIN station_warehouses sw ON sw.station_id = s.station_id "
        "LEFT JOIN station_liveness v ON v.station_id = s.station_id "
        "WHERE s.revoked_at IS NULL"
    )
    args: list[Any] = []
    if warehouse is not None:
        sql += " AND (sw.warehouse_id IS NULL OR sw.warehouse_id = ?)"
        args.append(warehouse)
    leases = {
        str(r["assigned_to"]): r
        for r in c.all(
            "SELECT assigned_to, count(*) AS n, min(lease_expires_at) AS expires_at "
            "FROM ledger_orders WHERE assign_kind='lease' AND bound_parcel IS NULL "
            "AND status='paid' GROUP BY assigned_to"
        )
    }
    out = []
    for r in c.all(sql + " ORDER BY s.station_id", args):
        d = dict(r)
        lease = leases.get(str(d["station_id"]))
        d["open_orders"] = int(lease["n"]) if lease else 0
        d["lease_expires_at"] = lease["expires_at"] if lease else None
        d["returned_orders"] = int(d.get("returned_orders") or 0)
        out.append(classify(d, now, policy))
    return out


def publish_changes(ledger: Any, c: Any, now: datetime, policy: LivenessPolicy) -> int:
    """Publish a `station_state` record for each station whose state changed since the last
    one (throttled: at most every `check_every_s`, whichever station's pull gets here)."""
    stamp = int(now.timestamp())
    # one pull publishes at a time, and the others never wait for it: 50 pulls queueing on
    # this row while each holds its own station's liveness row deadlocked (PostgreSQL)
    lock = ledger.storage.dialect.for_update
    key = "SELECT value FROM ledger_state WHERE key='liveness_checked_at'"
    row = c.one(key + (lock + " SKIP LOCKED" if lock else ""))
    if row is None and lock and c.one(key) is not None:
        return 0  # another pull is publishing right now
    if stamp - (int(row["value"]) if row else 0) < policy.check_every_s:
        return 0
    ledger._set_state(c, "liveness_checked_at", stamp)
    n = 0
    for d in rows(c, now, policy, None):
        if d["state"] == d.get("published_state"):
            continue
        c.execute(
            "INSERT INTO station_liveness (station_id, state, state_since) VALUES (?,?,?) "
            "ON CONFLICT(station_id) DO UPDATE SET state=excluded.state, "
            "state_since=excluded.state_since",
            (d["station_id"], d["state"], iso(now)),
        )
        if d["state"] in WARNING_STATES:
            logger.warning("station %s is %s: %s", d["station_id"], d["state"], d["action_en"])
        ledger._put(c, "station_state", str(d["station_id"]), record(d, now, policy))
        n += 1
    return n


def record(d: dict[str, Any], now: datetime, policy: LivenessPolicy) -> dict[str, Any]:
    """What the stations pull: enough for a lead to re-judge it on the station's own clock."""
    keep = (
        "station_id",
        "warehouse_id",
        "state",
        "warning",
        "last_seen_at",
        "open_orders",
        "lease_expires_at",
        "returned_orders",
        "returned_at",
        "action_en",
        "action_zh",
    )
    return {
        **{k: d.get(k) for k in keep},
        "checked_at": iso(now),
        "offline_after_s": policy.offline_after_s,
        "dead_after_s": policy.dead_after_s,
    }


def _act_online(row: dict[str, Any], exp: Any) -> tuple[str, str]:
    return ("", "")


def _act_offline(row: dict[str, Any], exp: Any) -> tuple[str, str]:
    n = int(row.get("open_orders") or 0)
    if not exp or not n:
        return (
            "Offline: check its network if it should be packing.",
            "离线：如应在工作，请检查网络。",
        )
    return (
        f"Offline: its {n} leased orders go back to the pool at {exp} unless it returns.",
        f"离线：若届时仍未恢复，其租约内 {n} 个订单将于 {exp} 退回订单池。",
    )


def _act_expired(row: dict[str, Any], exp: Any) -> tuple[str, str]:
    n = int(row.get("returned_orders") or row.get("open_orders") or 0)
    return (
        f"Offline past its lease ({n} orders went back to the pool): if it is still packing "
        "offline, what it binds now clashes with other stations; get it online or stop it.",
        f"离线已超过租约（{n} 个订单已退回订单池）：若仍在离线打包，其新绑定的订单会与其他站点冲突；"
        "请尽快恢复联网或停止该站作业。",
    )


def _act_silent(row: dict[str, Any], exp: Any) -> tuple[str, str]:
    return (
        "Silent for hours: likely dead (PC off or replaced). Check it; a replaced PC needs "
        "`warehouse-hub station replace ID`.",
        "已长时间无联系：可能已停机或更换电脑。请检查；新电脑需运行 `warehouse-hub station replace ID`。",
    )


def _act_unknown(row: dict[str, Any], exp: Any) -> tuple[str, str]:
    return ("Never connected: set up its sync.", "从未连接：请配置该站同步。")


_ACTION = {
    "online": _act_online,
    "offline": _act_offline,
    "lease_expired": _act_expired,
    "silent": _act_silent,
    "unknown": _act_unknown,
}
