"""A printer = URL + encoder + transport: encode waybills, send jobs, ask status."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from devices.printers.fontdl import FontMemory
from devices.printers.layout import Layout, PrepackLabel, Waybill, prepack_layout, waybill_layout
from devices.printers.status import PrinterStatus, parse_tspl_status, parse_zpl_hs
from devices.printers.transport import CupsTransport, Transport, TransportError, make_transport
from devices.printers.tspl import TSPL_STATUS_QUERY, encode_tspl
from devices.printers.url import PrinterURL, parse_printer_url
from devices.printers.zpl import ZPL_STATUS_QUERY, encode_zpl

logger = logging.getLogger(__name__)


def encode(
    layout: Layout, url_or_settings: PrinterURL | object, memory: FontMemory | None = None
) -> bytes:
    """One label's bytes. `memory`: the fonts already downloaded to this printer (None: the job
    carries every font it uses)."""
    from devices.printers.settings import PrinterSettings

    st = url_or_settings.settings if isinstance(url_or_settings, PrinterURL) else url_or_settings
    assert isinstance(st, PrinterSettings)
    if st.lang == "zpl":
        return encode_zpl(layout, st, memory)
    if st.lang == "tspl":
        return encode_tspl(layout, st, memory)
    from devices.printers.pdf import encode_pdf

    return encode_pdf(layout, st)


class Printer:
    def __init__(self, url: str | PrinterURL, transport: Transport | None = None) -> None:
        self.url = url if isinstance(url, PrinterURL) else parse_printer_url(url)
        self.transport = transport or make_transport(self.url)
        # Fonts this printer has received from us (ZPL/TSPL `download` mode).
        self.fonts = FontMemory()

    @property
    def lang(self) -> str:
        return self.url.settings.lang

    @property
    def supports_status(self) -> bool:
        if isinstance(self.transport, CupsTransport):
            return True  # CUPS's own state: scheduler, queue, stuck jobs
        return self.transport.supports_status and self.lang in ("zpl", "tspl")

    def layout(self, wb: Waybill) -> Layout:
        st = self.url.settings
        return waybill_layout(wb, st.size, st.dots_per_mm)

    def encode(self, wb: Waybill | Iterable[Waybill]) -> bytes:
        items = [wb] if isinstance(wb, Waybill) else list(wb)
        if self.lang == "pdf":
            from devices.printers.pdf import encode_pdf

            return encode_pdf([self.layout(w) for w in items], self.url.settings)
        return b"".join(encode(self.layout(w), self.url.settings, self.fonts) for w in items)

    def encode_prepack(self, pl: PrepackLabel) -> bytes:
        st = self.url.settings
        lay = prepack_layout(pl, st.size, st.dots_per_mm)
        if self.lang == "pdf":
            from devices.printers.pdf import encode_pdf

            return encode_pdf([lay], st)
        return encode(lay, st, self.fonts)

    def send(self, data: bytes, name: str = "job") -> None:
        try:
            self.transport.send(data, name)
        except Exception:
            self.fonts.reset()  # the fonts in this job may not have arrived: send them again
            raise

    def print_waybill(self, wb: Waybill) -> None:
        self.send(self.encode(wb), wb.waybill)

    def status(self) -> PrinterStatus:
        """Query status where the language has it; 'offline' when the printer cannot be reached."""
        if not self.supports_status:
            return PrinterStatus(supported=False)
        if isinstance(self.transport, CupsTransport):
            try:
                faults, detail = self.transport.status_faults()
            except TransportError:
                faults, detail = ["cups_down"], ""
            return PrinterStatus(faults=faults, detail=detail)
        try:
            if self.lang == "zpl":
                reply = self.transport.query(ZPL_STATUS_QUERY, terminator=b"\x03")
                return parse_zpl_hs(reply or b"")
            reply = self.transport.query(TSPL_STATUS_QUERY, expect=1)
            return parse_tspl_status(reply or b"")
        except TransportError:
            self.fonts.reset()  # it may come back power-cycled, with empty memory
            return PrinterStatus(faults=["offline"])
