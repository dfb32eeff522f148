"""One station window per data folder: a second launch raises the running window and exits.

The first window listens on a local socket (a named pipe on Windows) named after its data
folder; a later launch for the same folder connects, asks it to come to the front and quits
instead of failing on the DB lock. A socket left behind by a crashed window is removed.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = ""
    key = f"{user}|{Path(data_dir).resolve()}".encode()
    return "warehouse-station-" + hashlib.sha1(key).hexdigest()[:16]


class SingleInstance(QObject):
    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None
        self._on_raise: Callable[[], None] | None = None

    def notify_running(self, timeout_ms: int = 1000) -> bool:
        """True when a window for this folder runs (it was asked to come to the front)."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(RAISE)
        sock.flush()
        sock.waitForBytesWritten(timeout_ms)
        sock.disconnectFromServer()
        return True

    def listen(self, on_raise: Callable[[], None]) -> bool:
        self._on_raise = on_raise
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a crashed window's socket file
            if not server.listen(self.name):
                logger.warning("single-instance server %s: %s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        data = bytes(sock.readAll().data())
        if RAISE.strip() in data and self._on_raise is not None:
            logger.info("second launch: raising the window")
            self._on_raise()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


def bring_to_front(win: object) -> None:
    """Show a minimised/hidden window and give it focus (as far as the window manager allows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    if not isinstance(win, QWidget):
        return
    if win.isMinimized():
        win.setWindowState(win.windowState() & ~Qt.WindowState.WindowMinimized)
    win.show()
    win.raise_()
    win.activateWindow()
