"""A long-lived, self-reconnecting serial reader thread shared by scanners and scales.

Packers unplug scanners all day. The thread notices (pyserial raises on a dead port), reports it
through a plain callback, and keeps trying to reopen the same path, so the station reads again as
soon as the device is back, without a restart. The UI wraps the callbacks in Qt signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial

logger = logging.getLogger(__name__)

PARITY = {
    "N": serial.PARITY_NONE,
    "E": serial.PARITY_EVEN,
    "O": serial.PARITY_ODD,
    "M": serial.PARITY_MARK,
    "S": serial.PARITY_SPACE,
}
STOPBITS = {1: serial.STOPBITS_ONE, 1.5: serial.STOPBITS_ONE_POINT_FIVE, 2: serial.STOPBITS_TWO}


@dataclass(frozen=True)
class DeviceStatus:
    """A connection change, worded for the operator (zh, en) and for IT (detail)."""

    device: str  # "scanner" | "scale"
    state: str  # "connected" | "disconnected" | "unavailable" | "stopped"
    port: str
    message_zh: str
    message_en: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "device": self.device,
            "event": self.state,
            "port": self.port,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "detail": self.detail,
        }


_TEXT = {
    "connected": ("{dev_zh}已连接（{port}）", "{dev} connected ({port})"),
    "disconnected": ("{dev_zh}已断开，正在重连（{port}）", "{dev} disconnected, retrying ({port})"),
    "unavailable": (
        "找不到{dev_zh}（{port}），请检查连线",
        "{dev} not found ({port}): check the cable",
    ),
    "stopped": ("{dev_zh}已停止", "{dev} stopped"),
}
_DEV_ZH = {"scanner": "扫描枪", "scale": "电子秤"}


class SerialDevice:
    """Owns one port path; reads in a thread, hands bytes to `on_data`, reconnects on failure."""

    def __init__(
        self,
        device: str,
        port: str,
        *,
        baud: int = 9600,
        data_bits: int = 8,
        parity: str = "N",
        stop_bits: float = 1,
        exclusive: bool = True,
        on_data: Callable[[bytes], None],
        on_status: Callable[[DeviceStatus], None] | None = None,
        on_disconnect: Callable[[], None] | None = None,
        on_idle: Callable[[], object] | None = None,
        retry_interval: float = 0.2,
        read_timeout: float = 0.1,
    ) -> None:
        self.device = device
        self.port = port
        self._kwargs = dict(
            baudrate=baud,
            bytesize=data_bits,
            parity=PARITY[parity.upper()],
            stopbits=STOPBITS[stop_bits],
            timeout=read_timeout,
            exclusive=exclusive,
            xonxoff=False,
            rtscts=False,
        )
        self._on_data = on_data
        self._on_status = on_status
        self._on_disconnect = on_disconnect
        self._on_idle = on_idle  # a read that timed out with nothing: lets a framer expire a burst
        self._retry = retry_interval
        self._stop = threading.Event()  # the stop sentinel
        self._lock = threading.Lock()
        self._ser: serial.Serial | None = None
        self._thread = threading.Thread(target=self._run, name=f"{device}-{port}", daemon=True)
        self.connected = threading.Event()
        self.state = "stopped"

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> SerialDevice:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to finish and join it (the port is closed on the thread)."""
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        self._close()

    def write(self, data: bytes) -> bool:
        """Send host bytes (good/bad-read commands); False when the device is not connected."""
        with self._lock:
            ser = self._ser
            if ser is None:
                return False
            try:
                ser.write(data)
                return True
            except (serial.SerialException, OSError) as exc:
                logger.warning("%s %s: write failed: %s", self.device, self.port, exc)
                return False

    # --- thread ----------------------------------------------------------------------------
    def _report(self, state: str, detail: str = "") -> None:
        if state == self.state:
            return
        self.state = state
        zh, en = _TEXT[state]
        dev_zh = _DEV_ZH.get(self.device, self.device)
        st = DeviceStatus(
            self.device,
            state,
            self.port,
            zh.format(dev_zh=dev_zh, port=self.port),
            en.format(dev=self.device.capitalize(), port=self.port),
            detail,
        )
        (logger.info if state in ("connected", "stopped") else logger.warning)(
            "%s %s: %s %s", self.device, self.port, state, detail
        )
        if self._on_status:
            try:
                self._on_status(st)
            except Exception:  # a UI bug must not kill the reader
                logger.exception("status callback failed")

    def _open(self) -> bool:
        try:
            # serial_for_url: a port path, or a URL such as socket://127.0.0.1:PORT (the
            # pty-less simulators, serial-over-LAN adapters)
            ser = serial.serial_for_url(resolve_port(self.port), **self._kwargs)
        except (serial.SerialException, OSError, ValueError) as exc:
            self._report(
                "unavailable" if self.state in ("stopped", "unavailable") else "disconnected",
                str(exc),
            )
            return False
        with self._lock:
            self._ser = ser
        self.connected.set()
        self._report("connected")
        return True

    def _close(self) -> None:
        with self._lock:
            ser, self._ser = self._ser, None
        self.connected.clear()
        if ser is not None:
            try:
                ser.close()
            except Exception:  # closing a vanished device may fail; it is gone either way
                pass

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._ser is None and not self._open():
                self._stop.wait(self._retry)
                continue
            ser = self._ser
            assert ser is not None
            try:
                data = ser.read(max(1, ser.in_waiting))
            except (serial.SerialException, OSError, TypeError) as exc:
                # TypeError: pyserial on a port closed under it by stop().
                self._close()
                if self._stop.is_set():
                    break
                self._report("disconnected", str(exc))
                if self._on_disconnect:
                    self._on_disconnect()
                self._stop.wait(self._retry)
                continue
            if data:
                try:
                    self._on_data(data)
                except Exception:
                    logger.exception(
                        "%s %s: data handler failed on %r", self.device, self.port, data
                    )
            elif self._on_idle is not None:
                try:
                    self._on_idle()
                except Exception:
                    logger.exception("%s %s: idle handler failed", self.device, self.port)
        self._close()
        self._report("stopped")


def resolve_port(spec: str) -> str:
    """A port path, or `usb:VID:PID[:SERIAL]` matched on every (re)open, because a re-plugged
    scanner may come back as another /dev/ttyACMn or COMn."""
    if not spec.lower().startswith("usb:"):
        return spec
    from serial.tools import list_ports

    parts = spec.split(":")[1:]
    try:
        vid, pid = int(parts[0], 16), int(parts[1], 16)
    except (IndexError, ValueError):
        raise serial.SerialException(
            f"bad USB port spec {spec!r}: use usb:VID:PID[:SERIAL], e.g. usb:0c2e:0b61"
        ) from None
    sn = parts[2] if len(parts) > 2 else None
    for p in list_ports.comports():
        if p.vid == vid and p.pid == pid and (sn is None or p.serial_number == sn):
            return str(p.device)
    raise serial.SerialException(f"no device {spec} plugged in")


def wait_for(cond: Callable[[], bool], timeout: float = 10.0, interval: float = 0.01) -> bool:
    """Poll `cond` until true or timeout; for CLI and tests that wait on device state."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(interval)
    return cond()
