"""A label printer on TCP, like a real port-9100 printer: it takes ZPL/TSPL/PDF jobs, answers
`~HS` and `<ESC>!?`, can run out of paper (after N labels or when told), keeps every job as a file
with a PNG preview, and logs each job in jobs.jsonl (the tests' and demo's record of what printed).

Control port (one command per line): paper out | paper in | head open | head close | pause |
resume | silent on | silent off | status. Each answers one JSON line.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import socketserver
import threading
from pathlib import Path
from typing import Any

from devices.printers.preview import PrinterMemory, detect_lang, job_png, strip_downloads
from devices.printers.status import tspl_status_byte, zpl_hs_reply

logger = logging.getLogger(__name__)

_QUERIES = (b"~HS", b"\x1b!?")


def waybills_in(data: bytes, lang: str) -> list[str]:
    """Which waybill numbers a job carries, once each (a two-part label has two barcodes)."""
    return list(dict.fromkeys(_barcodes_in(data, lang)))


def _barcodes_in(data: bytes, lang: str) -> list[str]:
    data = strip_downloads(data, lang)
    if lang == "zpl":
        out = []
        for m in re.findall(rb"\^BC[^\^]*(?:\^FH\\?)?\^FD(.*?)\^FS", data):
            out.append(re.sub(rb"\\([0-9A-Fa-f]{2})", lambda x: bytes([int(x[1], 16)]), m).decode())
        return out
    if lang == "tspl":
        return [
            m.decode()
            for m in re.findall(rb'BARCODE [^\r\n]*?"128M?",[^\r\n]*?"([^"\r\n]*)"\r\n', data)
        ]
    if lang == "pdf":
        m = re.search(rb"/Subject \((.*?)\)", data)
        return [w for w in m.group(1).decode("latin-1").split(",") if w] if m else []
    return []


def count_labels(data: bytes, lang: str) -> int:
    data = strip_downloads(data, lang)
    if lang == "zpl":
        return max(1, data.count(b"^XZ"))
    if lang == "tspl":
        return max(1, len(re.findall(rb"\r?\nPRINT \d", b"\n" + data)))
    if lang == "pdf":
        return max(1, len(re.findall(rb"/Type\s*/Page[^s]", data)))
    return 1


class PrinterSimulator:
    def __init__(
        self,
        jobs_dir: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        lang: str = "zpl",
        preview: bool = True,
        paper_out_after: int | None = None,
        control_port: int = 0,
    ) -> None:
        self.jobs_dir = Path(jobs_dir)
        self.jobs_dir.mkdir(parents=True, exist_ok=True)
        self.lang = lang
        self.preview = preview
        self.memory = PrinterMemory()  # fonts downloaded by earlier jobs
        self.paper_out_after = paper_out_after
        self.paper_out = self.head_open = self.paused = self.silent = False
        self.labels = 0
        self.jobs = 0
        self._pending: list[bytes] = []
        self._lock = threading.RLock()
        sim = self

        class JobHandler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sim._handle(self.request)

        class ControlHandler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                for line in self.rfile:
                    reply = sim.control(line.decode(errors="replace").strip())
                    self.wfile.write((json.dumps(reply, ensure_ascii=False) + "\n").encode())

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        socketserver.ThreadingTCPServer.daemon_threads = True
        self.server = socketserver.ThreadingTCPServer((host, port), JobHandler)
        self.control_server = socketserver.ThreadingTCPServer((host, control_port), ControlHandler)
        self.host, self.port = (
            str(self.server.server_address[0]),
            int(self.server.server_address[1]),
        )
        self.control_port = self.control_server.server_address[1]

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}?lang={self.lang}"

    # --- state -----------------------------------------------------------------------------
    @property
    def faulted(self) -> bool:
        return self.paper_out or self.head_open or self.paused

    def state(self) -> dict[str, Any]:
        return {
            "paper_out": self.paper_out,
            "head_open": self.head_open,
            "paused": self.paused,
            "silent": self.silent,
            "labels": self.labels,
            "jobs": self.jobs,
            "pending": len(self._pending),
        }

    def control(self, cmd: str) -> dict[str, Any]:
        with self._lock:
            c = " ".join(cmd.lower().split())
            if c == "paper out":
                self.paper_out = True
            elif c == "paper in":
                self.paper_out = False
                self.paper_out_after = None
            elif c == "head open":
                self.head_open = True
            elif c == "head close":
                self.head_open = False
            elif c == "pause":
                self.paused = True
            elif c == "resume":
                self.paused = False
            elif c in ("silent on", "silent off"):
                self.silent = c.endswith("on")
            elif c != "status":
                return {"ok": False, "error": f"unknown command {cmd!r}"}
            logger.info("simulator control: %s -> %s", c, self.state())
            flush = [] if self.faulted else self._pending
            self._pending = [] if not self.faulted else self._pending
        for job in flush:  # jobs held while faulted print once the fault clears
            self._print(job)
        return {"ok": True, **self.state()}

    # --- job connection --------------------------------------------------------------------
    def _status_reply(self, q: bytes) -> bytes | None:
        if self.silent and self.faulted:
            return None  # like several Zebra models when out of paper / head open
        if q == b"~HS":
            return zpl_hs_reply(self.paper_out, self.paused, self.head_open, len(self._pending))
        return tspl_status_byte(self.paper_out, self.paused, self.head_open)

    def _handle(self, sock: socket.socket) -> None:
        buf = bytearray()
        job = bytearray()
        sock.settimeout(60)
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                if job:
                    job += chunk
                    continue
                buf += chunk
                while True:  # status queries are answered only at the start of a connection
                    while bytes(buf[:1]) in (b"\r", b"\n", b" "):
                        del buf[:1]
                    q = next((q for q in _QUERIES if buf.startswith(q)), None)
                    if q is None:
                        break
                    del buf[: len(q)]
                    reply = self._status_reply(q)
                    if reply:
                        sock.sendall(reply)
                if buf and not any(q.startswith(bytes(buf)) for q in _QUERIES):
                    job += buf
                    buf.clear()
            # Take the job before closing: the sender waits for our close, so jobs are numbered
            # and logged in the order they were sent (like a printer's single input buffer).
            if job.strip():
                self._accept(bytes(job))
        except OSError as exc:
            logger.warning("printer simulator connection error: %s", exc)
        finally:
            sock.close()

    def _accept(self, data: bytes) -> None:
        with self._lock:
            if self.faulted:
                logger.info("job held: printer faulted %s", self.state())
                self._pending.append(data)
                return
        self._print(data)

    def _print(self, data: bytes) -> None:
        lang = detect_lang(data)
        if lang == "unknown":
            lang = self.lang
        with self._lock:
            self.jobs += 1
            n = self.jobs
            labels = count_labels(data, lang)
            self.labels += labels
            if self.paper_out_after is not None and self.labels >= self.paper_out_after:
                self.paper_out = True
                self.paper_out_after = None
                logger.info("simulated paper out after %d labels", self.labels)
        name = f"job-{n:05d}"
        path = self.jobs_dir / f"{name}.{lang}"
        path.write_bytes(data)
        pngs: list[str] = []
        if self.preview:
            for i, png in enumerate(job_png(data, lang, memory=self.memory)):
                p = self.jobs_dir / (f"{name}.png" if i == 0 else f"{name}-{i + 1}.png")
                p.write_bytes(png)
                pngs.append(p.name)
        rec = {
            "job": n,
            "lang": lang,
            "bytes": len(data),
            "labels": labels,
            "waybills": waybills_in(data, lang),
            "file": path.name,
            "png": pngs,
        }
        with self._lock, open(self.jobs_dir / "jobs.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> PrinterSimulator:
        for srv in (self.server, self.control_server):
            threading.Thread(
                target=srv.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
            ).start()
        return self

    def stop(self) -> None:
        for srv in (self.server, self.control_server):
            srv.shutdown()
            srv.server_close()


def read_jobs(jobs_dir: Path) -> list[dict[str, Any]]:
    """The simulator's job log (for tests and the demo)."""
    p = Path(jobs_dir) / "jobs.jsonl"
    if not p.exists():
        return []
    jobs = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(jobs, key=lambda j: j["job"])


def control(host: str, port: int, cmd: str, timeout: float = 10.0) -> dict[str, Any]:
    """Send one control command to a running simulator."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(cmd.encode() + b"\n")
        f = s.makefile("rb")
        reply: dict[str, Any] = json.loads(f.readline())
        return reply
