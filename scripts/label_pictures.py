"""Pictures of each waybill size for the README, rendered from the printer bytes by zplkit (the
same independent engine the tests use): a long-address, long-name label at 203 dpi.

    .venv/bin/python scripts/label_pictures.py [--out resources/labels]
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PIL import Image

    from devices.printers.layout import SIZES, sample_waybill
    from devices.printers.preview import job_png
    from devices.printers.printer import Printer

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "labels")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    wb = sample_waybill("ZT7000000000123")
    wb.recipient_name = "欧阳思雨梓涵晨曦"
    wb.recipient_address = (
        "浙江省杭州市西湖区文三路锦绣华府小区12号楼2单元1503室（靠近西溪湿地东门，"
        "快递请放丰巢柜，电话联系不上请放门卫）"
    )
    wb.hub_code, wb.weight_g, wb.pieces, wb.remark = "571-A", 1250, 1, "易碎轻放"
    wb.printed_at = datetime(2026, 11, 11, 9, 30)
    for size in SIZES:
        data = Printer(f"file:///tmp?lang=zpl&size={size}").encode(wb)
        img = Image.open(io.BytesIO(job_png(data, "zpl")[0])).convert("L")
        framed = Image.new("L", (img.width + 4, img.height + 4), 0)  # a thin frame: label edge
        framed.paste(img, (2, 2))
        framed = framed.resize((framed.width // 2, framed.height // 2), Image.LANCZOS)
        path = a.out / f"waybill-{size}.png"
        framed.save(path, optimize=True)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
