"""The scan engine: one scanned code + the station's mode -> a verdict.

State changes only on `ok`, and every `ok` is one transaction that updates the parcel and appends
its outbox event, so what the packer saw as OK is durable before the verdict is returned.
Runs on the store writer thread (`writer.submit(scan, code, ctx)`).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warehouse_app.batches import bind_parcel
from warehouse_app.catalog import carrier_name
from warehouse_app.clock import iso, utcnow
from warehouse_app.domain import Mode, ParcelState, Reason, Status, Verdict, parse_sku_set
from warehouse_app.messages import ok_text, reject_text
from warehouse_app.multistation import hold_of, hub_divides_work
from warehouse_app.outbox import append_event
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

# A parcel weight outside this range is a misread scale or a typo, never a parcel (and a number
# beyond SQLite's 64-bit INTEGER would fail the transaction instead of giving a verdict).
MAX_WEIGHT_G = 1_000_000

_PARCEL_SQL = (
    "SELECT p.parcel_id, p.batch_id, p.order_id, p.label_code, p.waybill, p.carrier, p.sku_set, p.state, "
    "p.handoff_id, p.transferred_to, o.status AS order_status FROM "
    "parcels p LEFT JOIN orders o ON o.order_id = p.order_id "
)
_LOOKUPS = (
    _PARCEL_SQL + "WHERE p.waybill = ?",
    _PARCEL_SQL + "WHERE p.label_code = ?",
    _PARCEL_SQL + "WHERE p.order_id = ?",
)


@dataclass
class ScanContext:
    mode: str
    operator: str | None = None
    batch_id: str | None = None
    handoff_id: str | None = None
    lang: str = "zh"


def clean_code(raw: str) -> str:
    """Strip whitespace and control characters a scanner or keyboard may add."""
    return "".join(ch for ch in raw.strip() if ch.isprintable())


def find_parcel(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    for sql in _LOOKUPS:
        row: sqlite3.Row | None = conn.execute(sql, (code,)).fetchone()
        if row is not None:
            return row
    return None


def scan(
    conn: sqlite3.Connection,
    raw_code: str,
    ctx: ScanContext,
    weight_g: int | None = None,
    clock: Callable[[], Any] = utcnow,
) -> Verdict:
    t0 = time.perf_counter()
    code = clean_code(raw_code)
    try:
        mode = Mode(ctx.mode)
    except ValueError:
        raise ValueError(f"unknown mode {ctx.mode!r}") from None
    verdict = _decide(conn, code, mode, ctx, weight_g, clock)
    verdict.elapsed_ms = round((time.perf_counter() - t0) * 1000, 3)
    if not verdict.ok:
        # accepted scans live in the outbox; the scan log keeps rejects for the lead's review
        logger.info("scan rejected: mode=%s code=%r reason=%s", mode.value, code, verdict.reason)
        try:
            conn.execute(
                "INSERT INTO scan_log (at, mode, code, status, reason, operator, parcel_id, elapsed_ms) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (
                    iso(clock()),
                    mode.value,
                    code,
                    verdict.status,
                    verdict.reason,
                    ctx.operator,
                    verdict.parcel_id,
                    verdict.elapsed_ms,
                ),
            )
        except sqlite3.Error as exc:  # the scan log is diagnostics; never fail a verdict for it
            logger.warning("scan log write failed: %s", exc)
    return verdict


def _reject(
    code: str, mode: Mode, reason: Reason, row: sqlite3.Row | None = None, **kw: Any
) -> Verdict:
    mzh, men, nzh, nen = reject_text(reason.value)
    v = Verdict(
        status=Status.REJECTED.value,
        code=code,
        mode=mode.value,
        reason=reason.value,
        message_zh=mzh,
        message_en=men,
        next_zh=nzh,
        next_en=nen,
        **kw,
    )
    if row is not None:
        v.parcel_id, v.order_id, v.waybill = row["parcel_id"], row["order_id"], row["waybill"]
        v.carrier, v.batch_id, v.state, v.handoff_id = (
            row["carrier"],
            row["batch_id"],
            row["state"],
            row["handoff_id"],
        )
    return v


def _decide(
    conn: sqlite3.Connection,
    code: str,
    mode: Mode,
    ctx: ScanContext,
    weight_g: int | None,
    clock: Callable[[], Any],
) -> Verdict:
    if not code:
        return _reject(code, mode, Reason.UNKNOWN_CODE)
    if not ctx.operator:
        return _reject(code, mode, Reason.NOT_LOGGED_IN)
    handoff = None
    if mode is Mode.HANDOFF:
        if not ctx.handoff_id:
            return _reject(code, mode, Reason.NO_HANDOFF)
        handoff = conn.execute(
            "SELECT handoff_id, carrier, status FROM handoffs WHERE handoff_id=?", (ctx.handoff_id,)
        ).fetchone()
        if handoff is None:
            return _reject(code, mode, Reason.NO_HANDOFF)
        if handoff["status"] != "open":
            return _reject(code, mode, Reason.HANDOFF_CLOSED, handoff_id=ctx.handoff_id)
    batch = None
    if mode is Mode.PACK:
        if not ctx.batch_id:
            return _reject(code, mode, Reason.NO_BATCH)
        batch = conn.execute(
            "SELECT batch_id, sku_set, status FROM batches WHERE batch_id=?", (ctx.batch_id,)
        ).fetchone()
        if batch is None:
            return _reject(code, mode, Reason.NO_BATCH)
        if batch["status"] != "active":
            return _reject(code, mode, Reason.BATCH_NOT_ACTIVE, batch_id=ctx.batch_id)

    row = find_parcel(conn, code)
    if row is None:
        return _not_a_parcel(conn, code, mode, ctx, batch, clock)

    state = ParcelState(row["state"])
    cancelled = row["order_status"] == "cancelled"
    if row["transferred_to"]:  # the cage went to another station: it is theirs to scan now
        v = _reject(code, mode, Reason.TRANSFERRED, row)
        v.message_zh += f"：站点 {row['transferred_to']}"
        v.message_en += f": station {row['transferred_to']}"
        return v
    if state is ParcelState.VOIDED:
        return _reject(code, mode, Reason.VOIDED, row)
    if state in (ParcelState.HANDED_OFF, ParcelState.RETURNED) and mode is not Mode.HANDOFF:
        return _reject(code, mode, Reason.ALREADY_HANDED_OFF, row)
    if mode is Mode.PULL:
        if state is ParcelState.INTERCEPTED:
            return _commit(
                conn,
                code,
                mode,
                ctx,
                row,
                ParcelState.PULLED,
                "parcel.pulled",
                "pull",
                clock,
                extra_sql=("pulled_at",),
            )
        if state is ParcelState.PULLED:
            return _reject(code, mode, Reason.DUPLICATE, row)
        return _reject(code, mode, Reason.NOT_INTERCEPTED, row)
    if cancelled or state in (ParcelState.INTERCEPTED, ParcelState.PULLED):
        return _held_or_intercepted(conn, code, mode, row)
    if mode is Mode.RETURN:
        return _reject(code, mode, Reason.NOT_A_PARCEL, row)

    if mode is Mode.PACK:
        assert batch is not None
        if row["batch_id"] != batch["batch_id"]:
            return _reject(code, mode, Reason.WRONG_BATCH, row)
        if state is not ParcelState.PLANNED:
            return _reject(code, mode, Reason.DUPLICATE, row)
        return _commit(
            conn,
            code,
            mode,
            ctx,
            row,
            ParcelState.PACKED,
            "parcel.packed",
            "pack",
            clock,
            extra_sql=("packed_at", "packed_by"),
        )

    if mode is Mode.VERIFY:
        if ctx.batch_id and row["batch_id"] != ctx.batch_id:
            return _reject(code, mode, Reason.WRONG_BATCH, row)
        if state is ParcelState.PLANNED:
            return _reject(code, mode, Reason.NOT_PACKED, row)
        if state is ParcelState.VERIFIED:
            return _reject(code, mode, Reason.DUPLICATE, row)
        if weight_g is not None and not 0 < weight_g <= MAX_WEIGHT_G:
            return _reject(
                code,
                mode,
                Reason.WRONG_WEIGHT,
                row,
                extra={"weight_g": weight_g, "valid_range_g": [1, MAX_WEIGHT_G]},
            )
        if weight_g is not None:
            bad = _weight_problem(conn, row, weight_g)
            if bad:
                return _reject(code, mode, Reason.WRONG_WEIGHT, row, extra=bad)
        # an anonymous pre-pack parcel is bound to the earliest-paid matching order now
        return _commit(
            conn,
            code,
            mode,
            ctx,
            row,
            ParcelState.VERIFIED,
            "parcel.verified",
            "verify",
            clock,
            extra_sql=("verified_at", "verified_by"),
            weight_g=weight_g,
            bind=row["order_id"] is None,
        )

    assert mode is Mode.HANDOFF and handoff is not None
    if state is ParcelState.HANDED_OFF:
        reason = (
            Reason.DUPLICATE
            if row["handoff_id"] == handoff["handoff_id"]
            else Reason.ALREADY_HANDED_OFF
        )
        return _reject(code, mode, reason, row)
    if state is ParcelState.RETURNED:
        return _reject(code, mode, Reason.ALREADY_HANDED_OFF, row)
    if state is ParcelState.PLANNED:
        return _reject(code, mode, Reason.NOT_PACKED, row)
    if state is ParcelState.PACKED:
        return _reject(code, mode, Reason.NOT_VERIFIED, row)
    if row["order_id"] is None or not row["waybill"]:
        return _reject(code, mode, Reason.NO_ORDER, row)
    if row["carrier"] != handoff["carrier"]:
        v = _reject(code, mode, Reason.WRONG_CARRIER, row)
        v.next_zh = f"放到{carrier_name(conn, row['carrier'], 'zh')}的笼车"
        v.next_en = f"Put it in the {carrier_name(conn, row['carrier'], 'en')} cage"
        return v
    return _commit(
        conn,
        code,
        mode,
        ctx,
        row,
        ParcelState.HANDED_OFF,
        "parcel.handed_off",
        "handoff",
        clock,
        extra_sql=("handed_off_at", "handed_off_by"),
        handoff_id=handoff["handoff_id"],
    )


def _held_or_intercepted(
    conn: sqlite3.Connection, code: str, mode: Mode, row: sqlite3.Row
) -> Verdict:
    """Intercepted because cancelled, or because the hub put a hold on it: another station
    shipped the same order first, and the packer must hear which one."""
    hold = hold_of(conn, row["parcel_id"]) if row["order_status"] != "cancelled" else None
    if hold is None:
        return _reject(code, mode, Reason.INTERCEPTED, row)
    v = _reject(code, mode, Reason.HELD, row)
    winner = hold["winner_station"] or "?"
    v.message_zh = f"拉出来！订单已由站点 {winner} 发货"
    v.message_en = f"PULL IT: order shipped by station {winner}"
    v.extra = {"winner_station": winner, "hold_reason": hold["reason"]}
    return v


def _weight_problem(
    conn: sqlite3.Connection, row: sqlite3.Row, weight_g: int
) -> dict[str, Any] | None:
    if row["batch_id"]:
        b = conn.execute(
            "SELECT expected_weight_g, weight_tolerance_g FROM batches WHERE batch_id=?",
            (row["batch_id"],),
        ).fetchone()
    else:  # transferred in from another station: the weight rule came with the parcel
        b = conn.execute(
            "SELECT expected_weight_g, weight_tolerance_g FROM parcels WHERE parcel_id=?",
            (row["parcel_id"],),
        ).fetchone()
    if b is None or not b["expected_weight_g"]:
        return None
    expected = int(b["expected_weight_g"])
    tol = (
        b["weight_tolerance_g"]
        if b["weight_tolerance_g"] is not None
        else max(30, round(expected * 0.05))
    )
    if abs(int(weight_g) - expected) > tol:
        return {"weight_g": int(weight_g), "expected_weight_g": expected, "tolerance_g": int(tol)}
    return None


def _not_a_parcel(
    conn: sqlite3.Connection,
    code: str,
    mode: Mode,
    ctx: ScanContext,
    batch: sqlite3.Row | None,
    clock: Callable[[], Any],
) -> Verdict:
    void = conn.execute(
        "SELECT waybill, parcel_id, order_id, carrier, reason FROM voided_waybills WHERE waybill=?",
        (code,),
    ).fetchone()
    if void is not None:
        v = _reject(
            code,
            mode,
            Reason.VOIDED,
            parcel_id=void["parcel_id"],
            order_id=void["order_id"],
            waybill=void["waybill"],
            carrier=void["carrier"],
        )
        v.extra = {"void_reason": void["reason"]}
        return v
    sku = conn.execute("SELECT sku_code FROM sku_barcodes WHERE barcode=?", (code,)).fetchone()
    sku_code = sku[0] if sku else None
    if sku_code is None and conn.execute("SELECT 1 FROM skus WHERE code=?", (code,)).fetchone():
        sku_code = code
    if sku_code is None:
        return _reject(code, mode, Reason.UNKNOWN_CODE)
    if mode is not Mode.PACK or batch is None:
        return _reject(code, mode, Reason.NOT_A_PARCEL, extra={"sku": sku_code})
    if sku_code not in parse_sku_set(batch["sku_set"]):
        return _reject(
            code,
            mode,
            Reason.WRONG_ITEM,
            batch_id=batch["batch_id"],
            extra={"sku": sku_code, "expected": batch["sku_set"]},
        )
    at = iso(clock())
    with transaction(conn):
        seq, _ = append_event(
            conn,
            "item.checked",
            {"batch_id": batch["batch_id"], "sku": sku_code, "code": code},
            operator=ctx.operator,
            at=at,
        )
    mzh, men, nzh, nen = ok_text("item")
    return Verdict(
        status=Status.OK.value,
        code=code,
        mode=mode.value,
        message_zh=mzh,
        message_en=men,
        next_zh=nzh,
        next_en=nen,
        batch_id=batch["batch_id"],
        event_seq=seq,
        extra={"sku": sku_code},
    )


def _commit(
    conn: sqlite3.Connection,
    code: str,
    mode: Mode,
    ctx: ScanContext,
    row: sqlite3.Row,
    new_state: ParcelState,
    event_type: str,
    text_kind: str,
    clock: Callable[[], Any],
    *,
    extra_sql: tuple[str, ...] = (),
    weight_g: int | None = None,
    handoff_id: str | None = None,
    bind: bool = False,
) -> Verdict:
    """Move the parcel to `new_state` and append its event in one transaction. With `bind`, an
    anonymous pre-pack parcel is first bound to the earliest-paid matching order (same transaction)."""
    at = iso(clock())
    sets = ["state=?", "updated_at=?"]
    args: list[Any] = [new_state.value, at]
    for col in extra_sql:
        sets.append(f"{col}=?")
        args.append(at if col.endswith("_at") else ctx.operator)
    if weight_g is not None:
        sets.append("weight_g=?")
        args.append(int(weight_g))
    if handoff_id is not None:
        sets.append("handoff_id=?")
        args.append(handoff_id)
    ids = {"order_id": row["order_id"], "waybill": row["waybill"], "carrier": row["carrier"]}
    seq: int | None = None
    with transaction(conn):
        order = bind_parcel(conn, row["parcel_id"], operator=ctx.operator, at=at) if bind else None
        if order is not None:
            ids = {k: order[k] for k in ids}
        if (
            not bind or order is not None
        ):  # an unbindable parcel writes nothing: the transaction commits empty
            # guarded by the state we read, so a concurrent change can never be overwritten
            cur = conn.execute(
                f"UPDATE parcels SET {', '.join(sets)} WHERE parcel_id=? AND state=?",
                [*args, row["parcel_id"], row["state"]],
            )
            if cur.rowcount != 1:
                raise RuntimeError(f"parcel {row['parcel_id']} changed under the scan")
            if handoff_id is not None:
                conn.execute(
                    "UPDATE handoffs SET parcel_count = parcel_count + 1 WHERE handoff_id=?",
                    (handoff_id,),
                )
            payload: dict[str, Any] = {
                "parcel_id": row["parcel_id"],
                **ids,
                "batch_id": row["batch_id"],
                "from": row["state"],
                "to": new_state.value,
            }
            if weight_g is not None:
                payload["weight_g"] = int(weight_g)
            if handoff_id is not None:
                payload["handoff_id"] = handoff_id
            seq, _ = append_event(conn, event_type, payload, operator=ctx.operator, at=at)
    if seq is None:
        # with the hub dividing the work, "no order" means "none left in our lease"
        reason = Reason.NO_LEASE if hub_divides_work(conn) else Reason.NO_ORDER
        return _reject(code, mode, reason, row)
    c = ids["carrier"]
    mzh, men, nzh, nen = ok_text(text_kind, carrier_name(conn, c, ctx.lang) if c else None)
    v = Verdict(
        status=Status.OK.value,
        code=code,
        mode=mode.value,
        message_zh=mzh,
        message_en=men,
        next_zh=nzh,
        next_en=nen,
        parcel_id=row["parcel_id"],
        order_id=ids["order_id"],
        waybill=ids["waybill"],
        carrier=c,
        batch_id=row["batch_id"],
        handoff_id=handoff_id or row["handoff_id"],
        state=new_state.value,
        event_seq=seq,
    )
    if bind:  # the new waybill must be printed and stuck on now
        v.message_zh, v.message_en = mzh + "（已绑定订单）", men + " (order bound)"
        v.next_zh, v.next_en = "贴面单后" + nzh, "Stick the waybill. " + nen
        v.print_waybill = True
    return v
