"""Barcode scanners: serial (pyserial) readers and the keyboard-wedge decoder."""

from devices.scanners.framing import DroppedFrame, ScanFramer, ScannerConfig, strip_aim
from devices.scanners.serial_reader import SerialScanner
from devices.scanners.wedge import WedgeDecoder

__all__ = [
    "DroppedFrame",
    "ScanFramer",
    "ScannerConfig",
    "SerialScanner",
    "WedgeDecoder",
    "strip_aim",
]
