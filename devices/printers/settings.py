"""Per-printer settings: language, label size, darkness, speed, offsets, how to print Chinese."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("zpl", "tspl", "pdf")


@dataclass
class PrinterSettings:
    lang: str = "zpl"
    size: str = "100x180"
    dpi: int = 203
    darkness: int = 20  # ZPL ~SD 0-30; TSPL DENSITY uses darkness/2 (0-15)
    speed: int = 6  # inches per second (ZPL ^PR, TSPL SPEED)
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    # "download" (fonts sent once, default) | "bitmap" | "resident" (printer's own CJK font)
    cjk: str = ""
    zpl_font: str = "E:ANMDS.TTF"  # a printer-resident CJK TrueType font
    tspl_font: str = "TSS24.BF2"  # Chinese resident font on TSC/Gprinter/Xprinter (GBK)
    gap_mm: float = 2.0
    timeout: float = 5.0  # seconds for connect/status; a silent printer is a fault, not "gone"

    def __post_init__(self) -> None:
        if not self.cjk:
            self.cjk = "download" if self.lang in ("zpl", "tspl") else "bitmap"

    @property
    def dots_per_mm(self) -> float:
        # Printers count whole dots: 203 dpi heads are 8 dots/mm (76 mm = 608 dots), not 7.99.
        return {203: 8.0, 300: 12.0, 600: 24.0}.get(self.dpi, self.dpi / 25.4)

    def x_dots(self, mm: float) -> int:
        """A layout x position (mm) as a printer dot, with this printer's offset applied."""
        return max(0, round((mm + self.offset_x_mm) * self.dots_per_mm))

    def y_dots(self, mm: float) -> int:
        return max(0, round((mm + self.offset_y_mm) * self.dots_per_mm))
