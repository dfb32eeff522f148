"""Barcode scanners: serial (pyserial) readers and the keyboard-wedge decoder."""

from devices.scanners.framing import ScanFramer, ScannerConfig, strip_aim
from devices.scanners.serial_reader import SerialScanner
from devices.scanners.wedge import WedgeDecoder

__all__ = ["ScanFramer", "ScannerConfig", "SerialScanner", "WedgeDecoder", "strip_aim"]
