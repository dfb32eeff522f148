"""A printer is named by one URL shared by settings, the CLI and tests.

    tcp://HOST:9100?lang=zpl            raw TCP (JetDirect / port 9100)
    serial:///dev/ttyUSB0?baud=9600&lang=tspl
    file:///DIR?lang=pdf                 each job becomes a file in DIR
    cups://QUEUE?lang=zpl                the CUPS queue, sent with `lp -o raw`
    win://PRINTER NAME?lang=tspl         the Windows spooler (RAW datatype)

Per-printer settings ride along as query parameters: size, dpi, darkness, speed, offset_x,
offset_y (mm), cjk (download|bitmap|resident), font, timeout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from devices.errors import PrinterURLError
from devices.printers.layout import SIZES
from devices.printers.settings import LANGS, PrinterSettings

logger = logging.getLogger(__name__)

SCHEMES = ("tcp", "serial", "file", "cups", "win")
EXAMPLES = (
    "tcp://192.168.1.50:9100?lang=zpl",
    "serial:///dev/ttyUSB0?baud=9600&lang=tspl",
    "file:///tmp/labels?lang=pdf",
    "cups://Zebra_ZD421?lang=zpl",
)


@dataclass
class PrinterURL:
    scheme: str
    target: str  # host, device path, directory, queue or spooler name
    port: int = 9100
    baud: int = 9600
    settings: PrinterSettings = field(default_factory=PrinterSettings)
    raw: str = ""

    def __str__(self) -> str:
        return self.raw

    @property
    def key(self) -> str:
        """The device's identity without its settings: queued jobs survive a darkness change."""
        if self.scheme == "tcp":
            return f"tcp://{self.target}:{self.port}"
        return f"{self.scheme}://{self.target}"


def _bad(url: str, why_en: str, why_zh: str) -> PrinterURLError:
    logger.error("bad printer URL %r: %s", url, why_en)
    return PrinterURLError(
        f"Bad printer URL {url!r}: {why_en}. Use for example {EXAMPLES[0]} or {EXAMPLES[1]} "
        f"or {EXAMPLES[2]} or {EXAMPLES[3]}.",
        zh=f"打印机地址 {url!r} 有误：{why_zh}。正确示例：{EXAMPLES[0]}、{EXAMPLES[1]}、"
        f"{EXAMPLES[2]}、{EXAMPLES[3]}。",
    )


def parse_printer_url(url: str) -> PrinterURL:
    """Parse and validate a printer URL; any mistake raises PrinterURLError with an example."""
    text = (url or "").strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _bad(
            text,
            f"unknown kind {scheme or '(none)'!r}, expected one of {', '.join(SCHEMES)}",
            f"不认识的类型 {scheme or '（无）'!r}，应为 {'、'.join(SCHEMES)} 之一",
        )
    try:
        q = {k: v[-1] for k, v in parse_qs(parts.query, strict_parsing=bool(parts.query)).items()}
    except ValueError:
        raise _bad(
            text,
            "the part after '?' is not key=value&key=value",
            "'?' 后面应为 key=value&key=value 形式",
        ) from None
    known = {
        "lang",
        "size",
        "dpi",
        "darkness",
        "speed",
        "offset_x",
        "offset_y",
        "cjk",
        "font",
        "timeout",
        "baud",
        "gap",
    }
    unknown = sorted(set(q) - known)
    if unknown:
        raise _bad(
            text, f"unknown setting(s) {', '.join(unknown)}", f"未知参数 {'、'.join(unknown)}"
        )
    lang = q.get("lang", "pdf" if scheme == "file" else "zpl").lower()
    if lang not in LANGS:
        raise _bad(
            text,
            f"lang must be zpl, tspl or pdf, not {lang!r}",
            f"lang 必须是 zpl、tspl 或 pdf，而不是 {lang!r}",
        )
    size = q.get("size", "100x180").lower()
    if size not in SIZES:
        raise _bad(
            text, f"size must be one of {', '.join(SIZES)}", f"size 必须是 {'、'.join(SIZES)} 之一"
        )
    cjk = q.get("cjk", "")
    if cjk not in ("", "download", "bitmap", "resident"):
        raise _bad(
            text,
            "cjk must be download, bitmap or resident",
            "cjk 必须是 download、bitmap 或 resident",
        )
    try:
        st = PrinterSettings(
            lang=lang,
            size=size,
            dpi=int(q.get("dpi", 203)),
            darkness=int(q.get("darkness", 20)),
            speed=int(q.get("speed", 6)),
            offset_x_mm=float(q.get("offset_x", 0)),
            offset_y_mm=float(q.get("offset_y", 0)),
            cjk=cjk,
            timeout=float(q.get("timeout", 5)),
            gap_mm=float(q.get("gap", 2)),
        )
        baud = int(q.get("baud", 9600))
    except ValueError:
        raise _bad(
            text,
            "dpi, darkness, speed, baud must be whole numbers; offsets and timeout numbers",
            "dpi、darkness、speed、baud 须为整数，offset、timeout 须为数字",
        ) from None
    if st.dpi not in (203, 300, 600) or not 0 <= st.darkness <= 30 or not 1 <= st.speed <= 14:
        raise _bad(
            text,
            "dpi is 203/300/600, darkness 0-30, speed 1-14",
            "dpi 为 203/300/600，darkness 为 0-30，speed 为 1-14",
        )
    if "font" in q:
        if lang == "tspl":
            st.tspl_font = q["font"]
        else:
            st.zpl_font = q["font"]
    pu = PrinterURL(scheme=scheme, target="", settings=st, raw=text, baud=baud)
    if scheme == "tcp":
        try:
            port = parts.port or 9100
        except ValueError:
            raise _bad(text, "the port is not a number", "端口不是数字") from None
        if not parts.hostname:
            raise _bad(text, "no host name", "缺少主机地址")
        pu.target, pu.port = parts.hostname, port
    elif scheme in ("serial", "file"):
        path = unquote(parts.path)
        if parts.netloc and scheme == "serial" and not path:
            path = parts.netloc
        if not path:
            raise _bad(
                text,
                "no path (note the three slashes: serial:///dev/ttyUSB0)",
                "缺少路径（注意三个斜杠：serial:///dev/ttyUSB0）",
            )
        pu.target = path
    else:  # cups, win
        name = unquote(parts.netloc + parts.path).strip("/")
        if not name:
            raise _bad(text, "no printer queue name", "缺少打印队列名称")
        pu.target = name
    return pu
