"""Command barcodes: the existing cards keep working; return reason/disposition cards added."""

from __future__ import annotations

from warehouse_app.commands import (
    RETURN_DISPOSITIONS,
    RETURN_REASONS,
    Command,
    command_code,
    parse_command,
)


def test_existing_cards_unchanged() -> None:
    assert parse_command("#MODE:PACK") == Command("mode", "pack")
    assert parse_command(" #mode:verify ") == Command("mode", "verify")
    assert parse_command("#MODE:BOGUS") == Command("invalid", "#MODE:BOGUS")
    assert parse_command("#BATCH:B1") == Command("batch", "B1")
    assert parse_command("#BATCH:") == Command("invalid", "#BATCH:")
    assert parse_command("#HANDOFF:H-1") == Command("handoff", "H-1")
    assert parse_command("#LOGOUT") == Command("logout")
    assert parse_command("ZT123") is None
    assert parse_command("#WHATEVER") == Command("invalid", "#WHATEVER")
    assert command_code("mode", "pack") == "#MODE:PACK"


def test_return_reason_and_disposition_cards() -> None:
    assert parse_command("#REASON:quality") == Command("reason", "quality")
    assert parse_command("#reason:Logistics-Damage") == Command("reason", "logistics_damage")
    assert parse_command("#REASON:5") == Command("reason", "other")
    assert parse_command("#DISPOSE:restock") == Command("dispose", "restock")
    assert parse_command("#DISPOSITION:TO_VENDOR") == Command("dispose", "to_vendor")
    assert parse_command("#DISPOSE:2") == Command("dispose", "damaged")
    assert parse_command(command_code("reason", "wrong_item")) == Command("reason", "wrong_item")


def test_unknown_return_card_is_invalid_not_a_parcel_code() -> None:
    assert parse_command("#REASON:broken") == Command("invalid", "#REASON:broken")
    assert parse_command("#DISPOSE:9") == Command("invalid", "#DISPOSE:9")
    assert parse_command("#REASON:") == Command("invalid", "#REASON:")


def test_choices_match_the_returns_module() -> None:
    from warehouse_app.returns import DISPOSITIONS, REASONS

    assert tuple(REASONS) == RETURN_REASONS and tuple(DISPOSITIONS) == RETURN_DISPOSITIONS
