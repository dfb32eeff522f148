"""Hub settings, declared once: each has a default, an environment variable and a CLI flag.

Containers and systemd units configure the hub through `WAREHOUSE_HUB_*` variables; a flag on
the command line wins over the variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from warehouse_app.errors import StationError

PREFIX = "WAREHOUSE_HUB_"


@dataclass(frozen=True)
class Setting:
    name: str  # flag --name-with-dashes, variable WAREHOUSE_HUB_NAME
    default: Any
    type_: type
    help: str

    @property
    def env(self) -> str:
        return PREFIX + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SERVE_SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", str, "address to listen on (0.0.0.0: all)"),
    Setting("port", 8765, int, "TCP port"),
    Setting("tls_cert", None, str, "PEM certificate: serve https"),
    Setting("tls_key", None, str, "PEM private key for --tls-cert"),
    Setting("log_level", "info", str, "debug, info, warning, error"),
    Setting("log_format", "json", str, "json (one object per line) or text"),
    Setting("max_body_bytes", 16 * 1024 * 1024, int, "largest request body accepted"),
    Setting("max_connections", 1000, int, "open connections (lowered to fit the file limit)"),
    Setting("header_timeout_s", 10.0, float, "seconds to receive a request head"),
    Setting("body_timeout_s", 30.0, float, "seconds to receive a request body"),
    Setting(
        "keepalive_s",
        75.0,
        float,
        "idle keep-alive between requests (longer than the stations' sync interval)",
    ),
    Setting("auth_fail_limit", 20, int, "failed authentications per address per window"),
    Setting("auth_fail_window_s", 60.0, float, "window for --auth-fail-limit"),
    Setting("auth_block_s", 60.0, float, "how long an address is refused after the limit"),
    Setting("trusted_proxies", "127.0.0.1", str, "proxies whose X-Forwarded-For is believed"),
    Setting("workers", 1, int, "hub processes on this port (PostgreSQL: several share the DB)"),
    Setting("max_queue", 64, int, "sync calls in progress per process above which: 429"),
    Setting("max_latency_ms", 2000, int, "recent push latency (ms) above which pushes get 429"),
)


def env_default(s: Setting) -> Any:
    raw = os.environ.get(s.env)
    if raw is None or raw == "":
        return s.default
    try:
        return s.type_(raw)
    except ValueError:
        raise StationError(
            f"{s.env}={raw!r} is not a valid {s.type_.__name__}",
            zh=f"环境变量 {s.env}={raw!r} 无效（应为 {s.type_.__name__}）",
        ) from None


def data_dir_default() -> str | None:
    return os.environ.get(PREFIX + "DATA_DIR") or None
