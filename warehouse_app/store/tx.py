"""Explicit write transactions on autocommit connections."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

# Connections inside `all_or_nothing`: their inner `transaction()` blocks become savepoints.
_OUTER: set[int] = set()  # id()s: sqlite3.Connection takes no weak references
_names = itertools.count(1)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; rolls back on any exception so nothing is half-written.

    Inside `all_or_nothing(conn)` it is a savepoint instead: its work commits with the outer block.
    Anywhere else a nested call fails loudly, so an acknowledged scan is never silently deferred."""
    if id(conn) in _OUTER and conn.in_transaction:
        name = f"tx{next(_names)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


@contextmanager
def all_or_nothing(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction around work made of many `transaction()` steps (building the demo): either
    all of it commits or none of it does. Not for the scan path, whose verdicts must be durable one
    by one."""
    with transaction(conn):
        _OUTER.add(id(conn))
        try:
            yield conn
        finally:
            _OUTER.discard(id(conn))
