"""Operators' badges and PINs: lookups shared by login (station) and the lead PIN lockout."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from typing import Any


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 100_000)
    return f"pbkdf2${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        _, salt_hex, _ = stored.split("$")
    except ValueError:
        return False
    return hash_pin(pin, bytes.fromhex(salt_hex)) == stored


def find_operator(conn: sqlite3.Connection, code: str) -> dict[str, Any] | None:
    """Badge scan or typed code -> operator; None when unknown or inactive."""
    row = conn.execute(
        "SELECT code, name, role, pin_hash FROM operators WHERE code=? AND active=1",
        (code.strip(),),
    ).fetchone()
    return dict(row) if row else None
