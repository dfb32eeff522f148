"""Command barcodes a packer can scan instead of touching the keyboard or mouse.

Printed on a laminated card at each station: `#MODE:PACK`, `#MODE:VERIFY`, `#MODE:HANDOFF`,
`#MODE:PULL`, `#MODE:RETURN`, `#BATCH:<id>`, `#HANDOFF:<id>`, `#LOGOUT`.
"""
from __future__ import annotations

from dataclasses import dataclass

from warehouse_app.domain import Mode

PREFIX = "#"


@dataclass(frozen=True)
class Command:
    kind: str  # mode | batch | handoff | logout
    value: str = ""


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
            return None
    if head in ("BATCH", "HANDOFF") and value.strip():
        return Command(head.lower(), value.strip())
    if head == "LOGOUT":
        return Command("logout")
    return None


def command_code(kind: str, value: str = "") -> str:
    return f"{PREFIX}{kind.upper()}" + (f":{value.upper() if kind == 'mode' else value}" if value else "")
