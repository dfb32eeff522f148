"""Byte pipes to printers: raw TCP 9100, serial, a folder, CUPS (`lp -o raw`), Windows spooler.

`send` either delivers the whole job or raises TransportError. `sent_any` on the error says
whether some bytes may have reached the printer: the queue then must not resend on its own (a
waybill is never printed twice without a lead's reprint).
"""

from __future__ import annotations

import logging
import os
import re
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


_CUPS_DOWN = (
    "scheduler is not running",
    "Unable to connect to server",
    "Connection refused",
    "No such file or directory",
    "Bad file descriptor",
)


class CupsTransport(Transport):
    """`lp` into a CUPS queue, then follow the job until CUPS says it completed: `lp`'s exit 0
    only means "queued". A job that is held, stopped, aborted or canceled, or does not complete
    in time, is an error that leaves the job in CUPS (sent_any: never resent on our own).
    ZPL/TSPL go raw; PDF goes through the queue's driver (no `-o raw`). CUPS_SERVER in the
    environment selects the scheduler, as for `lp` itself."""

    supports_status = True

    def __init__(self, queue: str, timeout: float = 30.0, lang: str = "zpl") -> None:
        self.queue, self.timeout, self.lang = queue, timeout, lang
        self.poll = 0.1

    def _run(self, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                list(args),
                input=data,
                capture_output=True,
                timeout=max(5.0, self.timeout),
                check=False,
            )
        except FileNotFoundError as exc:
            raise TransportError(
                f"CUPS is not installed (no `{args[0]}` command).",
                zh=f"未安装 CUPS（找不到 {args[0]} 命令）。",
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise TransportError(
                f"CUPS did not answer in time ({args[0]} on queue {self.queue}).",
                zh=f"CUPS 超时未响应（{args[0]}，队列 {self.queue}）。",
                sent_any=args[0] == "lp",
                kind="cups_down",
            ) from exc

    def _down_error(self, err: str) -> TransportError:
        return TransportError(
            f"The CUPS scheduler (cupsd) is not running: start it (systemctl start cups). ({err})",
            zh=f"CUPS 打印服务（cupsd）未运行：请启动它（systemctl start cups）。（{err}）",
            kind="cups_down",
        )

    def send(self, data: bytes, name: str = "job") -> None:
        args = ["lp", "-d", self.queue, "-t", name]
        if self.lang != "pdf":
            args[1:1] = ["-o", "raw"]
        res = self._run(*args, data=data)
        out = res.stdout.decode(errors="replace")
        err = res.stderr.decode(errors="replace").strip()
        if res.returncode != 0:
            # lp says "printer does not exist" when it cannot reach cupsd at all: ask the
            # scheduler itself before blaming the queue.
            sched = self._run("lpstat", "-r")
            said = (sched.stdout + sched.stderr).decode(errors="replace")
            if any(x in err for x in _CUPS_DOWN) or "not running" in said:
                raise self._down_error(said.strip() or err)
            raise TransportError(
                f"CUPS refused the job for queue {self.queue}: {err}",
                zh=f"CUPS 队列 {self.queue} 拒绝了任务：{err}",
            )
        m = re.search(r"request id is (\S+)", out)
        if not m:
            raise TransportError(
                f"CUPS took the job for {self.queue} but gave no job id ({out.strip()!r}).",
                zh=f"CUPS 接收了任务但没有返回任务号（{out.strip()!r}）。",
                sent_any=True,
                kind="cups_stuck",
            )
        self.follow(m[1])

    def _jobs(self, which: str, long: bool = False) -> str:
        res = self._run("lpstat", *(["-l"] if long else []), "-W", which, "-o", self.queue)
        err = res.stderr.decode(errors="replace")
        if any(x in err for x in _CUPS_DOWN):
            raise self._down_error(err.strip())
        return res.stdout.decode(errors="replace")

    def follow(self, job: str) -> None:
        """Wait until CUPS reports `job` completed; raise when it is held, stopped, gone or late."""
        deadline = time.monotonic() + self.timeout
        while True:
            done = self._jobs("completed")
            if any(line.split()[:1] == [job] for line in done.splitlines()):
                logger.debug("CUPS job %s completed", job)
                return
            pending = self._jobs("not-completed", long=True)
            block = _job_block(pending, job)
            if block is None:
                done = self._jobs("completed")  # it may have completed between the two asks
                if any(line.split()[:1] == [job] for line in done.splitlines()):
                    return
                raise TransportError(
                    f"CUPS job {job} on {self.queue} was aborted or canceled: not printed.",
                    zh=f"CUPS 任务 {job}（队列 {self.queue}）被中止或取消：未打印。",
                    sent_any=True,
                    kind="cups_stuck",
                )
            status = _field(block, "Status") or _field(block, "Alerts")
            if "hold" in block.lower():
                raise TransportError(
                    f"CUPS job {job} is held on {self.queue} ({status}): not printed; release "
                    "or cancel it in CUPS.",
                    zh=f"CUPS 任务 {job} 在队列 {self.queue} 被挂起（{status}）：未打印；"
                    "请在 CUPS 中释放或取消。",
                    sent_any=True,
                    kind="cups_stuck",
                )
            if time.monotonic() > deadline:
                raise TransportError(
                    f"CUPS job {job} on {self.queue} has not completed after {self.timeout:g} s "
                    f"({status or 'no status'}): not counted as printed.",
                    zh=f"CUPS 任务 {job}（队列 {self.queue}）{self.timeout:g} 秒后仍未完成"
                    f"（{status or '无状态'}）：不计为已打印。",
                    sent_any=True,
                    kind="cups_stuck",
                )
            time.sleep(self.poll)

    def status_faults(self) -> tuple[list[str], str]:
        """CUPS-side faults that hold the print queue, and CUPS's own words for them."""
        res = self._run("lpstat", "-r")
        text = (res.stdout + res.stderr).decode(errors="replace").strip()
        if "not running" in text or any(x in text for x in _CUPS_DOWN):
            return ["cups_down"], text
        res = self._run("lpstat", "-p", self.queue)
        text = (res.stdout + res.stderr).decode(errors="replace").strip()
        if res.returncode != 0 or "Invalid destination" in text:
            return ["cups_no_queue"], text
        if "disabled" in text:
            return ["cups_stopped"], text
        pending = self._jobs("not-completed", long=True).strip()
        if pending:
            return ["cups_stuck"], pending.splitlines()[0]
        return [], text


def _job_block(listing: str, job: str) -> str | None:
    """The lines `lpstat -l` prints for one job, or None when it is not listed."""
    lines = listing.splitlines()
    for i, line in enumerate(lines):
        if line.split()[:1] == [job]:
            block = [line]
            for more in lines[i + 1 :]:
                if more[:1] not in ("\t", " "):
                    break
                block.append(more)
            return "\n".join(block)
    return None


def _field(block: str, name: str) -> str:
    m = re.search(rf"{name}:\s*(.*)", block)
    return m[1].strip() if m else ""


class WindowsSpoolerTransport(Transport):
    """The Windows spooler (pywin32's win32print): one RAW document per job."""

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
        try:
            h = win32print.OpenPrinter(self.printer)
        except Exception as exc:  # pywintypes.error: no such printer, access denied
            raise TransportError(
                f"Windows printer {self.printer!r} cannot be opened: {exc}",
                zh=f"无法打开 Windows 打印机 {self.printer!r}：{exc}",
            ) from exc
        started = False
        try:
            win32print.StartDocPrinter(h, 1, (name, None, "RAW"))
            started = True
            try:
                win32print.StartPagePrinter(h)
                written = win32print.WritePrinter(h, data)
                win32print.EndPagePrinter(h)
            finally:
                win32print.EndDocPrinter(h)
            if isinstance(written, int) and written != len(data):
                raise TransportError(
                    f"Windows spooler took {written} of {len(data)} bytes for {self.printer!r}.",
                    zh=f"Windows 打印队列只接收了 {written}/{len(data)} 字节（{self.printer!r}）。",
                    sent_any=True,
                )
        except TransportError:
            raise
        except Exception as exc:
            raise TransportError(
                f"Windows spooler failed for {self.printer!r}: {exc}",
                zh=f"Windows 打印队列出错（{self.printer!r}）：{exc}",
                sent_any=started,
            ) from exc
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
        # Following a CUPS job takes longer than a socket connect: six status timeouts.
        return CupsTransport(url.target, timeout=st.timeout * 6, lang=st.lang)
    if url.scheme == "win":
        if not sys.platform.startswith("win"):
            logger.warning("win:// printer on %s: sending will fail", sys.platform)
        return WindowsSpoolerTransport(url.target)
    raise DeviceError(
        f"unsupported printer kind {url.scheme}", zh=f"不支持的打印机类型 {url.scheme}"
    )
