"""Command barcodes a packer can scan instead of touching the keyboard or mouse.

Printed on a laminated card at each station: `#MODE:PACK`, `#MODE:VERIFY`, `#MODE:HANDOFF`,
`#MODE:PULL`, `#MODE:RETURN`, `#BATCH:<id>`, `#HANDOFF:<id>`, `#LOGOUT`.

Returns station cards (keyboard-free return desk): `#REASON:<reason>` and `#DISPOSE:<disposition>`
(also `#DISPOSITION:`), by name (`#REASON:quality`) or 1-based number (`#REASON:1`), in the order of
RETURN_REASONS / RETURN_DISPOSITIONS (the same keys as warehouse_app.returns). A card with an unknown
value parses as kind "invalid" so the station can say so instead of treating it as a parcel code.
"""

from __future__ import annotations

from dataclasses import dataclass

from warehouse_app.domain import Mode

PREFIX = "#"


@dataclass(frozen=True)
class Command:
    kind: str  # mode | batch | handoff | logout | reason | dispose | invalid
    value: str = ""


RETURN_REASONS: tuple[str, ...] = (
    "quality",
    "logistics_damage",
    "changed_mind",
    "wrong_item",
    "other",
)
RETURN_DISPOSITIONS: tuple[str, ...] = ("restock", "damaged", "to_vendor")


def _choice(value: str, choices: tuple[str, ...]) -> str | None:
    v = value.strip().lower().replace("-", "_").replace(" ", "_")
    if v.isdigit() and 1 <= int(v) <= len(choices):
        return choices[int(v) - 1]
    return v if v in choices else None


def parse_command(code: str) -> Command | None:
    c = code.strip()
    if not c.startswith(PREFIX):
        return None
    head, _, value = c[1:].partition(":")
    head = head.upper()
    if head == "MODE":
        try:
            return Command("mode", Mode(value.strip().lower()).value)
        except ValueError:
            return Command("invalid", c)
    if head in ("BATCH", "HANDOFF") and value.strip():
        return Command(head.lower(), value.strip())
    if head == "LOGOUT" and not value.strip():
        return Command("logout")
    if head in ("REASON", "DISPOSE", "DISPOSITION"):
        kind, choices = (
            ("reason", RETURN_REASONS) if head == "REASON" else ("dispose", RETURN_DISPOSITIONS)
        )
        picked = _choice(value, choices)
        return Command(kind, picked) if picked else Command("invalid", c)
    return Command("invalid", c)


def command_code(kind: str, value: str = "") -> str:
    return f"{PREFIX}{kind.upper()}" + (
        f":{value.upper() if kind == 'mode' else value}" if value else ""
    )
