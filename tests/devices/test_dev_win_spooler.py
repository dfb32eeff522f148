"""win:// printers through pywin32's win32print, tested against a stand-in module where Windows
is absent: one RAW document per job with the encoder's bytes; spooler errors become clear
TransportErrors (never counted as printed)."""

from __future__ import annotations

import sys
import types

import pytest

from devices.printers.layout import sample_waybill
from devices.printers.printer import Printer
from devices.printers.transport import TransportError


class StandIn(types.ModuleType):
    """The part of win32print we use, recording calls like the spooler would see them."""

    def __init__(self, fail_at: str = "") -> None:
        super().__init__("win32print")
        self.calls: list[tuple[str, object]] = []
        self.docs: list[tuple[tuple[str, None, str], bytes]] = []
        self.fail_at = fail_at
        self._doc: tuple[str, None, str] | None = None

    def _call(self, name: str, arg: object = None) -> None:
        self.calls.append((name, arg))
        if name == self.fail_at:
            raise OSError(1801, name, "The printer name is invalid.")

    def OpenPrinter(self, name: str) -> str:
        self._call("OpenPrinter", name)
        return f"h:{name}"

    def StartDocPrinter(self, h: str, level: int, info: tuple[str, None, str]) -> int:
        self._call("StartDocPrinter", info)
        self._doc = info
        return 1

    def StartPagePrinter(self, h: str) -> None:
        self._call("StartPagePrinter")

    def WritePrinter(self, h: str, data: bytes) -> int:
        self._call("WritePrinter", len(data))
        assert self._doc is not None
        self.docs.append((self._doc, data))
        return len(data)

    def EndPagePrinter(self, h: str) -> None:
        self._call("EndPagePrinter")

    def EndDocPrinter(self, h: str) -> None:
        self._call("EndDocPrinter")

    def ClosePrinter(self, h: str) -> None:
        self._call("ClosePrinter")


def test_win_printer_sends_one_raw_document(monkeypatch) -> None:
    mod = StandIn()
    monkeypatch.setitem(sys.modules, "win32print", mod)
    pr = Printer("win://Zebra ZD421?lang=zpl&size=76x130")
    wb = sample_waybill("ZT1234500000001")
    pr.print_waybill(wb)
    assert len(mod.docs) == 1
    (doc_name, _, dtype), data = mod.docs[0]
    assert (doc_name, dtype) == ("ZT1234500000001", "RAW") and b"^XA" in data
    assert [c[0] for c in mod.calls][-1] == "ClosePrinter"
    assert mod.calls[0] == ("OpenPrinter", "Zebra ZD421")


@pytest.mark.parametrize("fail_at,sent_any", [("OpenPrinter", False), ("WritePrinter", True)])
def test_spooler_errors_are_clear(monkeypatch, fail_at: str, sent_any: bool) -> None:
    mod = StandIn(fail_at)
    monkeypatch.setitem(sys.modules, "win32print", mod)
    pr = Printer("win://Zebra?lang=tspl")
    with pytest.raises(TransportError) as e:
        pr.print_waybill(sample_waybill("ZT1234500000002"))
    assert e.value.sent_any is sent_any and "Zebra" in str(e.value) and e.value.zh
    if fail_at != "OpenPrinter":
        assert mod.calls[-1][0] == "ClosePrinter"  # the handle is never leaked


def test_without_pywin32_the_message_says_so(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "win32print", None)  # import fails as on Linux
    with pytest.raises(TransportError) as e:
        Printer("win://Zebra?lang=zpl").print_waybill(sample_waybill("ZT1234500000003"))
    assert "pywin32" in str(e.value)


def test_pywin32_is_a_windows_only_dependency() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    py = (root / "pyproject.toml").read_text()
    assert "pywin32" in py and "sys_platform == 'win32'" in py
    assert "win32print" in (root / "installer" / "warehouse_station.spec").read_text()
