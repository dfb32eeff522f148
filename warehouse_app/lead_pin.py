"""The shift lead's PIN: checked with a lockout, every failure recorded as an event.

Five wrong tries in a row lock lead actions on this station for an escalating time (1, 5, 15,
60 minutes), whatever lead code was typed: a PIN guessed one code at a time is still guessing.
The window and the CLI both go through `authorize_lead`, so neither is an easier door. Each
failure and each lock is an outbox event, so the hub sees them too.

The count lives in `meta` (one JSON row), so a restart does not reset a lock.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from warehouse_app.clock import Clock, iso, parse_iso, utcnow
from warehouse_app.errors import InvalidOperation
from warehouse_app.outbox import append_event
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

MAX_TRIES = 5
LOCK_STEPS_S = (60, 300, 900, 3600)  # the n-th lock in a row lasts this long (last one repeats)
_META_KEY = "lead_pin_lock"


class LeadLocked(InvalidOperation):
    """Lead actions are locked after too many wrong PINs; `seconds` until they open again."""

    def __init__(self, seconds: int, until: str) -> None:
        self.seconds = seconds
        self.until = until
        mins = max(1, math.ceil(seconds / 60))
        super().__init__(
            f"Too many wrong PINs: lead actions are locked for {mins} more minute(s)",
            zh=f"PIN 错误次数过多：组长操作已锁定，{mins} 分钟后再试",
        )


class WrongPin(InvalidOperation):
    """Wrong lead code or PIN; `left` tries before the lock."""

    def __init__(self, left: int) -> None:
        self.left = left
        super().__init__(
            f"Wrong shift-lead code or PIN ({left} tries left before lead actions lock)",
            zh=f"组长工号或 PIN 错误（再错 {left} 次将锁定组长操作）",
        )


@dataclass
class PinLock:
    failures: int = 0  # wrong tries since the last success or lock
    level: int = 0  # locks in a row (escalation); back to 0 after a right PIN
    locked_until: str | None = None

    def remaining_s(self, now: datetime) -> int:
        if not self.locked_until:
            return 0
        return max(0, math.ceil((parse_iso(self.locked_until) - now).total_seconds()))


def lock_state(conn: sqlite3.Connection) -> PinLock:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (_META_KEY,)).fetchone()
    if not row:
        return PinLock()
    try:
        d = json.loads(row[0])
        return PinLock(int(d.get("failures", 0)), int(d.get("level", 0)), d.get("locked_until"))
    except (ValueError, TypeError, AttributeError):
        logger.warning("unreadable PIN lock state %r: treated as locked for one step", row[0])
        return PinLock(0, 1, iso(utcnow() + timedelta(seconds=LOCK_STEPS_S[0])))


def _save(conn: sqlite3.Connection, st: PinLock) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (
            _META_KEY,
            json.dumps(
                {"failures": st.failures, "level": st.level, "locked_until": st.locked_until}
            ),
        ),
    )


def locked_for(conn: sqlite3.Connection, clock: Clock = utcnow) -> int:
    """Seconds until lead actions open again (0: open). For the PIN screen's countdown."""
    return lock_state(conn).remaining_s(clock())


def authorize_lead(
    conn: sqlite3.Connection, code: str, pin: str, *, via: str = "window", clock: Clock = utcnow
) -> dict[str, Any]:
    """Check a lead's code and PIN; owns its transactions (call it outside any).

    Raises LeadLocked while locked (the PIN is not even checked), WrongPin on a wrong try."""
    from warehouse_app.operators import check_pin, find_operator

    now = clock()
    st = lock_state(conn)
    left_s = st.remaining_s(now)
    code = code.strip()
    if left_s:
        logger.warning("lead PIN try for %r refused: locked for %d s", code, left_s)
        with transaction(conn):
            append_event(
                conn,
                "lead.pin_refused",
                {"lead": code, "via": via, "locked_until": st.locked_until},
                operator=code or None,
                at=iso(now),
            )
        raise LeadLocked(left_s, st.locked_until or "")
    op = find_operator(conn, code) if code else None
    # the slow hash runs outside the write transaction: no writer waits on it
    good = op is not None and op["role"] == "lead" and check_pin(pin, op["pin_hash"])
    with transaction(conn):
        st = lock_state(conn)  # again inside the transaction: another try may have counted
        if good:
            if st.failures or st.level or st.locked_until:
                _save(conn, PinLock())
            assert op is not None
            return {k: op[k] for k in ("code", "name", "role")}
        st.failures += 1
        append_event(
            conn,
            "lead.pin_failed",
            {"lead": code, "via": via, "failures": st.failures, "known_lead": op is not None},
            operator=code or None,
            at=iso(now),
        )
        locked = st.failures >= MAX_TRIES
        if locked:
            secs = LOCK_STEPS_S[min(st.level, len(LOCK_STEPS_S) - 1)]
            st.level += 1
            st.failures = 0
            st.locked_until = iso(now + timedelta(seconds=secs))
            append_event(
                conn,
                "lead.pin_locked",
                {"via": via, "seconds": secs, "until": st.locked_until, "level": st.level},
                operator=code or None,
                at=iso(now),
            )
        _save(conn, st)
    logger.warning("wrong lead PIN for %r via %s (%d in a row)", code, via, st.failures)
    if locked:
        raise LeadLocked(
            LOCK_STEPS_S[min(st.level - 1, len(LOCK_STEPS_S) - 1)], st.locked_until or ""
        )
    raise WrongPin(MAX_TRIES - st.failures)
