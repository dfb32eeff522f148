"""The station's hardware layer: scanners, label printers, scales and their simulators.

No Qt here: readers are plain threads reporting through callbacks; `ui/` wraps them in signals.
"""
