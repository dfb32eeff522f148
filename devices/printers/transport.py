"""Byte pipes to printers: raw TCP 9100, serial, a folder, CUPS (`lp -o raw`), Windows spooler.

`send` either delivers the whole job or raises TransportError. `sent_any` on the error says
whether some bytes may have reached the printer: the queue then must not resend on its own (a
waybill is never printed twice without a lead's reprint).
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import serial

from devices.errors import DeviceError
from devices.printers.url import PrinterURL

logger = logging.getLogger(__name__)


class TransportError(DeviceError):
    def __init__(
        self, message: str, zh: str | None = None, sent_any: bool = False, kind: str = "offline"
    ) -> None:
        super().__init__(message, zh=zh)
        self.sent_any = sent_any
        self.kind = kind


class Transport:
    supports_status = False

    def send(self, data: bytes, name: str = "job") -> None:
        raise NotImplementedError

    def query(self, cmd: bytes, expect: int = 0, terminator: bytes = b"") -> bytes | None:
        """Send a status query and read the reply; None when the transport cannot answer."""
        return None

    def close(self) -> None:
        pass


class TcpTransport(Transport):
    """One connection per job, as JetDirect printers expect; status on a short-lived connection."""

    supports_status = True

    def __init__(self, host: str, port: int, timeout: float = 5.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            logger.warning("printer %s:%s unreachable: %s", self.host, self.port, exc)
            raise TransportError(
                f"Printer {self.host}:{self.port} is offline or unreachable ({exc}).",
                zh=f"打印机 {self.host}:{self.port} 离线或无法连接（{exc}）。",
                kind="offline",
            ) from exc

    def send(self, data: bytes, name: str = "job") -> None:
        sock = self._connect()
        sent = 0
        try:
            view = memoryview(data)
            while sent < len(data):
                sent += sock.send(view[sent : sent + 65536])
            sock.shutdown(socket.SHUT_WR)
            # Wait briefly for the printer to close its side (it has read the job); some keep
            # the connection open until an idle timeout, so this is bounded.
            sock.settimeout(min(self.timeout, 2.0))
            try:
                while sock.recv(4096):
                    pass
            except OSError:
                pass
        except OSError as exc:
            raise TransportError(
                f"Connection to printer {self.host}:{self.port} broke while sending ({exc}).",
                zh=f"发送到打印机 {self.host}:{self.port} 时连接中断（{exc}）。",
                sent_any=sent > 0,
                kind="offline",
            ) from exc
        finally:
            sock.close()

    def query(self, cmd: bytes, expect: int = 0, terminator: bytes = b"") -> bytes | None:
        sock = self._connect()
        buf = b""
        try:
            sock.sendall(cmd)
            deadline = time.monotonic() + self.timeout
            while time.monotonic() < deadline:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                try:
                    chunk = sock.recv(4096)
                except TimeoutError:
                    break
                if not chunk:
                    break
                buf += chunk
                if (expect and len(buf) >= expect) or (terminator and buf.count(terminator) >= 3):
                    break
        except OSError as exc:
            logger.debug("status query to %s:%s failed: %s", self.host, self.port, exc)
        finally:
            sock.close()
        return buf


class SerialTransport(Transport):
    supports_status = True

    def __init__(self, path: str, baud: int = 9600, timeout: float = 5.0) -> None:
        self.path, self.baud, self.timeout = path, baud, timeout
        self._lock = threading.Lock()

    def _open(self) -> serial.Serial:
        import serial

        try:
            return serial.Serial(
                self.path, self.baud, timeout=self.timeout, write_timeout=self.timeout
            )
        except (serial.SerialException, OSError) as exc:
            raise TransportError(
                f"Cannot open printer port {self.path}: {exc}",
                zh=f"无法打开打印机串口 {self.path}：{exc}",
            ) from exc

    def send(self, data: bytes, name: str = "job") -> None:
        import serial

        with self._lock:
            ser = self._open()
            try:
                ser.write(data)
                ser.flush()
            except (serial.SerialException, OSError) as exc:
                raise TransportError(
                    f"Printer port {self.path} failed while sending: {exc}",
                    zh=f"打印机串口 {self.path} 发送失败：{exc}",
                    sent_any=True,
                ) from exc
            finally:
                ser.close()

    def query(self, cmd: bytes, expect: int = 0, terminator: bytes = b"") -> bytes | None:
        with self._lock:
            ser = self._open()
            try:
                ser.reset_input_buffer()
                ser.write(cmd)
                buf = b""
                deadline = time.monotonic() + self.timeout
                while time.monotonic() < deadline:
                    chunk = ser.read(max(1, ser.in_waiting))
                    buf += chunk
                    if (expect and len(buf) >= expect) or (
                        terminator and buf.count(terminator) >= 3
                    ):
                        break
                return buf
            except Exception as exc:
                logger.debug("status query on %s failed: %s", self.path, exc)
                return b""
            finally:
                ser.close()


class FileTransport(Transport):
    """Each job becomes a file (written to a temp name, then renamed: never a half file)."""

    def __init__(self, directory: str, ext: str) -> None:
        self.dir = Path(directory)
        self.ext = ext
        self._n = 0
        self._lock = threading.Lock()

    def send(self, data: bytes, name: str = "job") -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            with self._lock:
                self._n += 1
                stem = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{self._n:05d}-{name}"
            tmp = self.dir / f".{stem}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.dir / f"{stem}.{self.ext}")
        except OSError as exc:
            raise TransportError(
                f"Cannot write label file in {self.dir}: {exc}",
                zh=f"无法在 {self.dir} 写入面单文件：{exc}",
                kind="offline",
            ) from exc


class CupsTransport(Transport):
    def __init__(self, queue: str, timeout: float = 30.0) -> None:
        self.queue, self.timeout = queue, timeout

    def send(self, data: bytes, name: str = "job") -> None:
        try:
            res = subprocess.run(
                ["lp", "-d", self.queue, "-o", "raw", "-t", name],
                input=data,
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except FileNotFoundError as exc:
            raise TransportError(
                "CUPS is not installed (no `lp` command).", zh="未安装 CUPS（找不到 lp 命令）。"
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise TransportError(
                f"CUPS did not take the job for {self.queue} in time.",
                zh=f"CUPS 队列 {self.queue} 超时未接收任务。",
                sent_any=True,
            ) from exc
        if res.returncode != 0:
            err = res.stderr.decode(errors="replace").strip()
            raise TransportError(
                f"CUPS refused the job for queue {self.queue}: {err}",
                zh=f"CUPS 队列 {self.queue} 拒绝了任务：{err}",
            )


class WindowsSpoolerTransport(Transport):
    def __init__(self, printer: str) -> None:
        self.printer = printer

    def send(self, data: bytes, name: str = "job") -> None:
        try:
            import win32print
        except ImportError as exc:
            raise TransportError(
                "The Windows spooler is only available on Windows with pywin32.",
                zh="Windows 打印队列仅在安装了 pywin32 的 Windows 上可用。",
            ) from exc
        h = win32print.OpenPrinter(self.printer)
        try:
            win32print.StartDocPrinter(h, 1, (name, None, "RAW"))
            try:
                win32print.StartPagePrinter(h)
                win32print.WritePrinter(h, data)
                win32print.EndPagePrinter(h)
            finally:
                win32print.EndDocPrinter(h)
        finally:
            win32print.ClosePrinter(h)


def make_transport(url: PrinterURL) -> Transport:
    st = url.settings
    if url.scheme == "tcp":
        return TcpTransport(url.target, url.port, st.timeout)
    if url.scheme == "serial":
        return SerialTransport(url.target, url.baud, st.timeout)
    if url.scheme == "file":
        return FileTransport(url.target, st.lang)
    if url.scheme == "cups":
        return CupsTransport(url.target)
    if url.scheme == "win":
        if not sys.platform.startswith("win"):
            logger.warning("win:// printer on %s: sending will fail", sys.platform)
        return WindowsSpoolerTransport(url.target)
    raise DeviceError(
        f"unsupported printer kind {url.scheme}", zh=f"不支持的打印机类型 {url.scheme}"
    )
