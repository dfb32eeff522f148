"""Serial scales that stream weight lines: parsing, units, stable-reading detection."""

from devices.scales.parse import Reading, parse_weight_text
from devices.scales.reader import SerialScale

__all__ = ["Reading", "SerialScale", "parse_weight_text"]
