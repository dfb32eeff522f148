"""Report plumbing: work-event lookups for the counters and rows as table/CSV/JSON text.

The figures themselves (handoff counts, progress, work per hour) are warehouse_app.counts's."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import unicodedata
from collections.abc import Sequence
from typing import Any

PARCEL_WORK_EVENTS = ("parcel.packed", "parcel.verified", "parcel.handed_off", "parcel.pulled")


def first_seq_since(conn: sqlite3.Connection, since: str) -> int | None:
    """The first outbox seq created at or after `since`, by binary search over seq (events are
    appended in time order), so "this hour" never scans the whole outbox."""
    row = conn.execute("SELECT min(seq), max(seq) FROM events").fetchone()
    lo, hi = row[0], row[1]
    if lo is None:
        return None
    last = conn.execute("SELECT created_at FROM events WHERE seq=?", (hi,)).fetchone()
    if last is None or last[0] < since:
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        at = conn.execute(
            "SELECT created_at FROM events WHERE seq>=? ORDER BY seq LIMIT 1", (mid,)
        ).fetchone()
        if at is not None and at[0] >= since:
            hi = mid
        else:
            lo = mid + 1
    return int(lo)


def parcels_done_since(conn: sqlite3.Connection, since: str) -> int:
    """Pack, verify, handoff and pull scans accepted at this station since `since` (live counter).

    From a whole UTC hour on (the live "this hour" counter), it sums the trigger-kept per-hour
    counts: flat however much was done. Other starts count the events since then."""
    if len(since) >= 13 and since[13:].rstrip("Z") in (":00:00", ":00:00.000", ""):
        row = conn.execute(
            "SELECT sum(n) FROM work_hours WHERE hour >= ?", (since[:13],)
        ).fetchone()
        return int(row[0] or 0)
    first = first_seq_since(conn, since)
    if first is None:
        return 0
    marks = ",".join("?" * len(PARCEL_WORK_EVENTS))
    return int(
        conn.execute(
            f"SELECT count(*) FROM events WHERE seq >= ? AND type IN ({marks})",
            (first, *PARCEL_WORK_EVENTS),
        ).fetchone()[0]
    )


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    if not rows:
        return "(none / 无)"
    cols = list(columns or rows[0].keys())
    cells = [[str(r.get(c, "")) if r.get(c) is not None else "" for c in cols] for r in rows]
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(cols)]

    def line(vals: Sequence[str]) -> str:
        return "  ".join(
            v + " " * (w - _width(v)) for v, w in zip(vals, widths, strict=False)
        ).rstrip()

    out = [line(cols), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def format_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    buf = io.StringIO()
    cols = list(columns or (rows[0].keys() if rows else []))
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def format_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
