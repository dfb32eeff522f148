"""A simulated serial device on a loopback TCP port, for platforms without ptys (Windows).

The station opens it like any port through pyserial's URL form, `socket://127.0.0.1:PORT`, so
the bytes go the real way (socket -> SerialDevice thread -> framer -> scan). Same surface as
`PtyDevice`: `path`, `write`, `plug`/`unplug` (the connection drops and comes back), `close`.
Bytes written while nothing is connected are dropped, like scans with the cable out (pyserial
flushes its input on open anyway); `wait_connected` lets a feeder wait for the station.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading

logger = logging.getLogger(__name__)


def pty_available() -> bool:
    """ptys exist on Linux and macOS; WAREHOUSE_SIM_TRANSPORT=tcp forces loopback TCP anywhere."""
    if os.environ.get("WAREHOUSE_SIM_TRANSPORT", "").lower() == "tcp":
        return False
    try:
        import pty  # noqa: F401
    except ImportError:
        return False
    return hasattr(os, "openpty")


class TcpDevice:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port
        self._lock = threading.Lock()
        self._clients: list[socket.socket] = []
        self._connected = threading.Event()
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.plug()

    @property
    def path(self) -> str:
        return f"socket://{self.host}:{self.port}"

    def plug(self) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((self.host, self.port))  # a replug comes back on the same port
        srv.listen(4)
        self.port = srv.getsockname()[1]
        self._server = srv
        self._thread = threading.Thread(
            target=self._accept, args=(srv,), name=f"sim-tcp-{self.port}", daemon=True
        )
        self._thread.start()

    def _accept(self, srv: socket.socket) -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:  # the server was closed: unplugged or closed
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._clients.append(conn)
            self._connected.set()
            threading.Thread(target=self._drain, args=(conn,), daemon=True).start()

    def _drain(self, conn: socket.socket) -> None:
        """Swallow what the station sends (beep/good-read commands) until it hangs up."""
        while True:
            try:
                if not conn.recv(4096):
                    break
            except OSError:
                break
        with self._lock:
            if conn in self._clients:
                self._clients.remove(conn)
            if not self._clients:
                self._connected.clear()
        with contextlib.suppress(OSError):
            conn.close()

    def wait_connected(self, timeout: float = 10.0) -> bool:
        """True once the station has the port open."""
        return self._connected.wait(timeout)

    def write(self, data: bytes) -> None:
        with self._lock:
            clients = list(self._clients)
        for c in clients:
            try:
                c.sendall(data)
            except OSError as exc:
                logger.debug("sim device %s: send failed: %s", self.path, exc)

    def unplug(self) -> None:
        with self._lock:
            srv, self._server = self._server, None
            clients, self._clients = self._clients, []
            self._connected.clear()
        if srv is not None:
            with contextlib.suppress(OSError):
                srv.close()
        for c in clients:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                c.close()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None

    def close(self) -> None:
        self.unplug()
