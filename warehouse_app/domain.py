"""Domain vocabulary: parcel states, station modes, scan reasons and the verdict."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class ParcelState(str, Enum):
    PLANNED = "planned"
    PACKED = "packed"  # packed and staged
    VERIFIED = "verified"
    HANDED_OFF = "handed_off"
    INTERCEPTED = "intercepted"  # its order was cancelled: pull it
    PULLED = "pulled"  # intercepted and physically pulled from the line
    VOIDED = "voided"  # waybill voided (reprint, carrier failover)
    RETURNED = "returned"


# Legal forward transitions; everything else is a rejected scan.
TRANSITIONS: dict[ParcelState, frozenset[ParcelState]] = {
    ParcelState.PLANNED: frozenset(
        {ParcelState.PACKED, ParcelState.INTERCEPTED, ParcelState.VOIDED}
    ),
    ParcelState.PACKED: frozenset(
        {ParcelState.VERIFIED, ParcelState.INTERCEPTED, ParcelState.VOIDED}
    ),
    ParcelState.VERIFIED: frozenset(
        {ParcelState.HANDED_OFF, ParcelState.INTERCEPTED, ParcelState.VOIDED}
    ),
    ParcelState.HANDED_OFF: frozenset({ParcelState.RETURNED}),
    ParcelState.INTERCEPTED: frozenset({ParcelState.PULLED}),
    ParcelState.PULLED: frozenset(),
    ParcelState.VOIDED: frozenset(),
    ParcelState.RETURNED: frozenset(),
}


# A parcel in one of these states has left the line (or must): never print its waybill again
# in a batch print (a lead's explicit reprint is its own decision).
NO_PRINT_STATES: tuple[str, ...] = (
    ParcelState.HANDED_OFF.value,
    ParcelState.RETURNED.value,
    ParcelState.VOIDED.value,
    ParcelState.INTERCEPTED.value,
    ParcelState.PULLED.value,
)


def can_transition(src: ParcelState | str, dst: ParcelState | str) -> bool:
    return ParcelState(dst) in TRANSITIONS[ParcelState(src)]


class Mode(str, Enum):
    PACK = "pack"
    VERIFY = "verify"
    HANDOFF = "handoff"
    PULL = "pull"  # confirm an intercepted parcel was pulled from the line
    RETURN = "return"  # returned parcels after the promo (see warehouse_app/returns.py)


class Reason(str, Enum):
    UNKNOWN_CODE = "unknown_code"
    DUPLICATE = "duplicate"
    WRONG_BATCH = "wrong_batch"
    WRONG_ITEM = "wrong_item"
    INTERCEPTED = "intercepted"
    NOT_PACKED = "not_packed"
    NOT_VERIFIED = "not_verified"
    WRONG_CARRIER = "wrong_carrier"
    HANDOFF_CLOSED = "handoff_closed"
    NO_HANDOFF = "no_handoff"
    NO_BATCH = "no_batch"
    WRONG_WEIGHT = "wrong_weight"
    VOIDED = "voided"
    ALREADY_HANDED_OFF = "already_handed_off"
    NOT_INTERCEPTED = "not_intercepted"
    NO_ORDER = "no_order"
    BATCH_NOT_ACTIVE = "batch_not_active"
    NOT_A_PARCEL = "not_a_parcel"
    NOT_LOGGED_IN = "not_logged_in"
    HELD = "held"  # the hub: another station shipped this order first
    TRANSFERRED = "transferred"  # the parcel moved to another station
    NO_LEASE = "no_lease"  # nothing left in this station's lease for the SKU set


class Status(str, Enum):
    OK = "ok"
    REJECTED = "rejected"


@dataclass
class Verdict:
    """What the station shows for one scan. `status` is ok or rejected; state changed only on ok."""

    status: str
    code: str
    mode: str
    reason: str | None = None
    message_zh: str = ""
    message_en: str = ""
    next_zh: str = ""
    next_en: str = ""
    parcel_id: str | None = None
    order_id: str | None = None
    waybill: str | None = None
    carrier: str | None = None
    batch_id: str | None = None
    handoff_id: str | None = None
    state: str | None = None
    event_seq: int | None = None
    print_waybill: bool = False  # the station should print this parcel's waybill now
    elapsed_ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == Status.OK.value

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def next_action(self, lang: str = "zh") -> str:
        return self.next_zh if lang.startswith("zh") else self.next_en

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if not d["extra"]:
            d.pop("extra")
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def sku_set_key(items: dict[str, int] | list[tuple[str, int]]) -> str:
    """Canonical text of an SKU set: 'A*1+B*2', sorted by SKU, so equal contents compare equal."""
    pairs = items.items() if isinstance(items, dict) else items
    merged: dict[str, int] = {}
    for sku, qty in pairs:
        merged[sku] = merged.get(sku, 0) + int(qty)
    return "+".join(f"{sku}*{qty}" for sku, qty in sorted(merged.items()) if qty > 0)


_ITEM_RE = re.compile(r"^(?P<sku>.+?)\s*(?:[*:×]|\s[xX])\s*(?P<qty>\d+)$")


MAX_ITEM_QTY = 10_000  # units of one SKU in one parcel; more is a typo (and overflows weights)


def parse_sku_set(text: str) -> dict[str, int]:
    """Parse 'A*1+B*2' (also 'A:1;B:2', 'A x1, B x2' or bare 'A') into {sku: qty}."""
    out: dict[str, int] = {}
    norm = text.replace(";", "+").replace(",", "+").replace("|", "+")
    for part in norm.split("+"):
        part = part.strip()
        if not part:
            continue
        m = _ITEM_RE.match(part)
        sku, qty = (m.group("sku").strip(), int(m.group("qty"))) if m else (part, 1)
        if not sku or qty <= 0:
            raise ValueError(f"bad SKU set item {part!r}")
        if qty > MAX_ITEM_QTY or out.get(sku, 0) + qty > MAX_ITEM_QTY:
            raise ValueError(f"bad SKU set item {part!r}: more than {MAX_ITEM_QTY} units")
        out[sku] = out.get(sku, 0) + qty
    if not out:
        raise ValueError("empty SKU set")
    return out
