"""First-run setup page: a fresh install opened from its shortcut asks for the station id (and,
optionally, the hub and its token) instead of telling IT to run a command.

The same core calls as `warehouse-station init` and `sync configure --no-check`: the token is
stored the way the app always stores it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from warehouse_app.errors import StationError

logger = logging.getLogger(__name__)


def setup_station(data_dir: Path, station_id: str, hub_url: str = "", token: str = "") -> None:
    """Initialise the station in `data_dir` and, when both are given, save the hub and token."""
    from warehouse_app import operations
    from warehouse_app.paths import db_path
    from warehouse_app.station import check_station_id
    from warehouse_app.store import open_store

    station_id = station_id.strip()
    hub_url, token = hub_url.strip(), token.strip()
    check_station_id(station_id)  # before a database file is created
    if bool(hub_url) != bool(token):
        raise StationError(
            "Give both the hub URL and its token, or neither (sync can be set up later).",
            zh="上游地址和令牌需同时填写，或都不填（之后可再设置同步）。",
        )
    if hub_url and not hub_url.startswith(("http://", "https://")):
        raise StationError(
            f"Hub URL must start with http:// or https://, got {hub_url!r}",
            zh=f"上游地址必须以 http:// 或 https:// 开头：{hub_url!r}",
        )
    store = open_store(db_path(data_dir))
    conn = store.connect()
    try:
        operations.init_station(conn, station_id)
        if hub_url:
            from warehouse_app.sync import save_config

            save_config(conn, hub_url, token)
    finally:
        conn.close()
    logger.info("first-run setup: station %s in %s (hub: %s)", station_id, data_dir, hub_url or "-")


class FirstRunDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle("打包站初始设置 Station setup")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        intro = QLabel(
            "这台电脑还没有设置工位。请填写工位编号（IT 提供）；上游地址和令牌可稍后设置。\n"
            "This PC has no station yet. Enter the station id (from IT); the hub and its token "
            f"can be set later.\n{data_dir}"
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.station = QLineEdit()
        self.station.setPlaceholderText("WH1-ST01")
        self.hub = QLineEdit()
        self.hub.setPlaceholderText("https://hub.example:8443")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("工位编号 Station id", self.station)
        form.addRow("上游地址 Hub URL", self.hub)
        form.addRow("令牌 Token", self.token)
        lay.addLayout(form)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        try:
            setup_station(self.data_dir, self.station.text(), self.hub.text(), self.token.text())
        except StationError as exc:
            logger.warning("first-run setup refused: %s", exc)
            self.error.setText(f"{exc.zh}\n{exc}")
            return
        self.accept()
