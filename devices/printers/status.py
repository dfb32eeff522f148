"""Printer status from ZPL `~HS` and TSPL `<ESC>!?`, turned into operator messages.

Any fault holds the print queue. A printer that does not answer a status query is reported as a
fault too: several Zebra models go silent when out of paper or with the head open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FAULT_TEXT: dict[str, tuple[str, str]] = {
    "paper_out": ("打印机缺纸：请装纸", "Printer out of paper: load labels"),
    "head_open": ("打印头未合上：请合上打印头", "Print head open: close it"),
    "paused": ("打印机已暂停：请按暂停键恢复", "Printer paused: press PAUSE to resume"),
    "offline": ("打印机离线：请检查电源和网线", "Printer offline: check power and cable"),
    "no_reply": (
        "打印机无响应（可能缺纸或开盖）",
        "Printer not answering (paper out or head open?)",
    ),
    "ribbon_out": ("碳带用完：请更换碳带", "Ribbon out: replace the ribbon"),
    "paper_jam": ("卡纸：请清理", "Paper jam: clear it"),
    "cover_open": ("上盖未关：请关上", "Cover open: close it"),
    "buffer_full": ("打印机缓存已满，请稍候", "Printer buffer full, wait"),
    "corrupt_ram": (
        "打印机内存损坏（配置丢失）：请重启并检查设置",
        "Printer RAM corrupt (configuration lost): restart it and check its settings",
    ),
    "under_temp": (
        "打印头温度过低：请等待升温",
        "Print head under temperature: wait for it to warm up",
    ),
    "over_temp": ("打印头过热：请暂停降温", "Print head over temperature: let it cool down"),
    "printer_error": (
        "打印机报错（如打印头过热）：请查看打印机面板",
        "Printer error (e.g. head over temperature): check its panel",
    ),
    "partial_format": ("打印机收到不完整的格式", "Printer holds a partial format"),
    "cups_down": (
        "CUPS 打印服务（cupsd）未运行：请启动它",
        "The CUPS scheduler (cupsd) is not running: start it",
    ),
    "cups_no_queue": (
        "CUPS 中没有这个打印队列：请检查打印机设置",
        "No such CUPS queue: check the printer setting",
    ),
    "cups_stopped": (
        "CUPS 打印队列已停止：请在 CUPS 中启用（cupsenable）",
        "The CUPS queue is stopped: enable it (cupsenable)",
    ),
    "cups_stuck": (
        "CUPS 中有未完成的任务（设备无法连接、挂起或中止）：请检查打印机和 CUPS 任务",
        "A job is stuck in CUPS (device unreachable, held or aborted): check the printer and the CUPS jobs",
    ),
}


@dataclass
class PrinterStatus:
    faults: list[str] = field(default_factory=list)
    printing: bool = False
    supported: bool = True  # False: this transport/language has no status (file, CUPS, PDF)
    raw: bytes = b""
    detail: str = ""  # the device's or CUPS's own words, for the log and the lead

    @property
    def ok(self) -> bool:
        return not self.faults

    @property
    def message_zh(self) -> str:
        return "；".join(FAULT_TEXT[f][0] for f in self.faults) or "打印机就绪"

    @property
    def message_en(self) -> str:
        msg = "; ".join(FAULT_TEXT[f][1] for f in self.faults) or "Printer ready"
        return f"{msg} ({self.detail})" if self.detail and self.faults else msg

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "faults": self.faults,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


def fault(kind: str) -> PrinterStatus:
    return PrinterStatus(faults=[kind])


def parse_zpl_hs(reply: bytes) -> PrinterStatus:
    """Parse the three <STX>...<ETX> strings of `~HS` (ZPL II programming guide)."""
    parts = [p.split(b"\x03", 1)[0].decode("ascii", "replace") for p in reply.split(b"\x02")[1:]]
    if len(parts) < 2:
        return PrinterStatus(faults=["no_reply"], raw=reply)
    s1, s2 = parts[0].split(","), parts[1].split(",")
    faults = []
    if len(s1) > 1 and s1[1].strip() == "1":
        faults.append("paper_out")
    if len(s1) > 2 and s1[2].strip() == "1":
        faults.append("paused")
    if len(s1) > 5 and s1[5].strip() == "1":
        faults.append("buffer_full")
    if len(s1) > 7 and s1[7].strip() == "1":
        faults.append("partial_format")
    if len(s1) > 9 and s1[9].strip() == "1":
        faults.append("corrupt_ram")
    if len(s1) > 10 and s1[10].strip() == "1":
        faults.append("under_temp")
    if len(s1) > 11 and s1[11].strip() == "1":
        faults.append("over_temp")
    if len(s2) > 2 and s2[2].strip() == "1":
        faults.append("head_open")
    if len(s2) > 3 and s2[3].strip() == "1":
        faults.append("ribbon_out")
    return PrinterStatus(faults=faults, raw=reply)


def zpl_hs_reply(
    paper_out: bool = False,
    paused: bool = False,
    head_open: bool = False,
    formats_waiting: int = 0,
    corrupt_ram: bool = False,
    under_temp: bool = False,
    over_temp: bool = False,
) -> bytes:
    """What a Zebra sends for `~HS` (used by the simulator). String 1 (ZPL II guide): comm
    settings, paper out, pause, label length, formats in buffer, buffer full, diagnostic mode,
    partial format, unused, corrupt RAM, under temperature, over temperature."""
    s1 = (
        f"030,{int(paper_out)},{int(paused)},1440,{formats_waiting:03d},0,0,0,000,"
        f"{int(corrupt_ram)},{int(under_temp)},{int(over_temp)}"
    )
    s2 = f"001,0,{int(head_open)},0,0,2,4,0,00000000,1,000"
    s3 = "1234,0"
    return b"".join(b"\x02" + s.encode() + b"\x03\r\n" for s in (s1, s2, s3))


_TSPL_BITS = [
    (0, "head_open"),
    (1, "paper_jam"),
    (2, "paper_out"),
    (3, "ribbon_out"),
    (4, "paused"),
    (6, "cover_open"),
    (7, "printer_error"),
]


def parse_tspl_status(reply: bytes) -> PrinterStatus:
    """`<ESC>!?` answers one byte: bit0 head open, bit1 jam, bit2 paper out, bit3 ribbon out,
    bit4 pause, bit5 printing, bit6 cover open, bit7 other error (over temperature on TSC);
    0 = ready."""
    if not reply:
        return PrinterStatus(faults=["no_reply"], raw=reply)
    b = reply[0]
    faults = [name for bit, name in _TSPL_BITS if b & (1 << bit)]
    return PrinterStatus(faults=faults, printing=bool(b & 0x20), raw=reply)


def tspl_status_byte(
    paper_out: bool = False, paused: bool = False, head_open: bool = False
) -> bytes:
    return bytes([(1 if head_open else 0) | (4 if paper_out else 0) | (16 if paused else 0)])
