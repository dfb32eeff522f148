"""Waybill layout and encoders: every language and size renders, and its Code 128 decodes back to
the waybill number with a real decoder (zxing-cpp) after rasterising (zplkit, pdfium, TSPL)."""

from __future__ import annotations

import io

import pytest

from devices.errors import FontNotFound, PrinterURLError
from devices.printers.layout import SIZES, Text, mask_phone, sample_waybill, waybill_layout
from devices.printers.preview import decode_barcodes, job_png, strip_downloads
from devices.printers.printer import Printer
from devices.printers.url import parse_printer_url


@pytest.mark.parametrize("lang", ["zpl", "tspl", "pdf"])
@pytest.mark.parametrize("size", list(SIZES))
def test_label_barcode_decodes_back(lang: str, size: str, tmp_path) -> None:
    number = "ZT" + "7" * 11 + size.replace("x", "")[:3]
    pr = Printer(f"file://{tmp_path}?lang={lang}&size={size}")
    data = pr.encode(sample_waybill(number))
    pngs = job_png(data, lang)
    assert len(pngs) == 1
    from PIL import Image

    img = Image.open(io.BytesIO(pngs[0]))
    w_mm, h_mm = SIZES[size].width_mm, SIZES[size].height_mm
    assert abs(img.width - w_mm * 8) <= 8 and abs(img.height - h_mm * 8) <= 8
    assert number in decode_barcodes(pngs[0])
    assert f"{number}|DY20261111000001" in decode_barcodes(pngs[0])  # the QR code


def test_pdf_multi_page_batch_decodes_every_page(tmp_path) -> None:
    pr = Printer(f"file://{tmp_path}?lang=pdf&size=76x130")
    numbers = [f"YT{n:013d}" for n in range(3)]
    data = pr.encode([sample_waybill(n) for n in numbers])
    pages = [sorted(decode_barcodes(p)) for p in job_png(data, "pdf")]
    assert pages == [[n, f"{n}|DY20261111000001"] for n in numbers]  # Code 128 and the QR
    assert b"FontFile2" in data or b"STSong" in data  # CJK font embedded (or the CID fallback)


def test_layout_content_reprint_and_masked_phone() -> None:
    wb = sample_waybill("SF1", reprint=True)
    texts = " ".join(e.text for e in waybill_layout(wb, "100x150").elements if isinstance(e, Text))
    assert "补打" in texts and "REPRINT" in texts
    assert "138****5678" in texts and "13812345678" not in texts
    for part in ("755W-A12-03", "张三", "直播旗舰店", "DY20261111000001", "B-1111-001", "保湿面霜"):
        assert part in texts
    plain = " ".join(
        e.text
        for e in waybill_layout(sample_waybill("SF1"), "100x150").elements
        if isinstance(e, Text)
    )
    assert "补打" not in plain
    assert mask_phone("13812345678") == "138****5678"


def test_chinese_modes_per_language() -> None:
    wb = sample_waybill("SF2")
    zpl_dl = Printer("tcp://p:9100?lang=zpl").encode(wb)
    assert zpl_dl.startswith(b"~DYR:W") and b"^CWA,R:W" in zpl_dl and "张三".encode() in zpl_dl
    zpl_bitmap = Printer("tcp://p:9100?lang=zpl&cjk=bitmap").encode(wb)
    assert b"^CI28" in zpl_bitmap and b"^GFA" in zpl_bitmap and b":Z64:" in zpl_bitmap
    assert "张三".encode() not in zpl_bitmap
    zpl_res = Printer("tcp://p:9100?lang=zpl&cjk=resident&font=E:SIMSUN.TTF").encode(wb)
    assert "张三".encode() in zpl_res and b"^A@N" in zpl_res and b"E:SIMSUN.TTF" in zpl_res
    tspl_dl = Printer("tcp://p:9100?lang=tspl").encode(wb)
    assert tspl_dl.startswith(b'DOWNLOAD "W') and b"CODEPAGE UTF-8" in tspl_dl
    assert "张三".encode() in tspl_dl
    # The resident GBK font: CODEPAGE says the bytes are GBK (code page 936).
    tspl_res = Printer("tcp://p:9100?lang=tspl&cjk=resident").encode(wb)
    assert "张三".encode("gbk") in tspl_res and b'"TSS24.BF2"' in tspl_res
    assert b"CODEPAGE 936" in tspl_res
    tspl_bmp = Printer("tcp://p:9100?lang=tspl&cjk=bitmap").encode(wb)
    assert b"BITMAP " in tspl_bmp and "张三".encode("gbk") not in tspl_bmp
    assert job_png(tspl_bmp, "tspl") and "SF2" in decode_barcodes(job_png(tspl_bmp, "tspl")[0])


def test_printer_settings_reach_the_bytes() -> None:
    wb = sample_waybill("SF3")
    z = Printer("tcp://p?lang=zpl&darkness=25&speed=4&size=76x130&offset_x=2").encode(wb)
    assert b"~SD25" in z and b"^PR4" in z and b"^PW608" in z and b"^LL1040" in z
    t = Printer("tcp://p?lang=tspl&darkness=24&speed=3&size=100x150").encode(wb)
    assert b"SIZE 100 mm,150 mm" in t and b"DENSITY 12" in t and b"SPEED 3" in t


def test_zpl_field_data_is_escaped() -> None:
    from devices.printers.layout import Waybill

    wb = Waybill(
        waybill="SF4",
        carrier="A^B~C",
        order_id="X^XZ",
        sort_code="1-2-3",
        sender_name="S",
        sender_address="A",
    )
    z = Printer("tcp://p?lang=zpl").encode(wb)
    fmt = strip_downloads(z, "zpl")
    assert b"A\\5EB\\7EC" in fmt and fmt.count(b"^XZ") == 1


@pytest.mark.parametrize(
    "url,part",
    [
        ("http://printer:9100", "unknown kind"),
        ("tcp://:9100?lang=zpl", "no host"),
        ("tcp://p?lang=epl", "lang must be"),
        ("tcp://p?size=A4", "size must be"),
        ("serial://?baud=9600", "no path"),
        ("tcp://p?lang=zpl&colour=red", "unknown setting"),
        ("tcp://p?darkness=99", "darkness"),
        ("cups://", "queue name"),
        ("", "unknown kind"),
    ],
)
def test_bad_printer_urls_show_a_correct_one(url: str, part: str) -> None:
    with pytest.raises(PrinterURLError) as e:
        parse_printer_url(url)
    assert part in str(e.value) and "tcp://192.168.1.50:9100?lang=zpl" in str(e.value)
    assert "正确示例" in e.value.zh


def test_good_printer_urls() -> None:
    u = parse_printer_url("serial:///dev/ttyUSB0?baud=115200&lang=tspl")
    assert (u.scheme, u.target, u.baud, u.settings.lang, u.settings.cjk) == (
        "serial",
        "/dev/ttyUSB0",
        115200,
        "tspl",
        "download",
    )
    u = parse_printer_url("tcp://10.0.0.5?lang=zpl")
    assert (u.target, u.port, u.settings.cjk) == ("10.0.0.5", 9100, "download")
    assert parse_printer_url("file:///tmp/x").settings.lang == "pdf"
    assert parse_printer_url("cups://Zebra_ZD421?lang=zpl").target == "Zebra_ZD421"
    assert parse_printer_url("win://Xprinter XP-460B?lang=tspl").target == "Xprinter XP-460B"


def test_file_transport_writes_whole_files(tmp_path) -> None:
    pr = Printer(f"file://{tmp_path}/out?lang=zpl")
    pr.print_waybill(sample_waybill("SF5"))
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 1 and files[0].suffix == ".zpl" and b"SF5" in files[0].read_bytes()
    assert not pr.supports_status and pr.status().supported is False


def test_missing_cjk_font_is_a_clear_error(monkeypatch) -> None:
    from devices import fonts

    monkeypatch.setattr(fonts, "_candidates", list)
    fonts.find_cjk_font.cache_clear()
    try:
        with pytest.raises(FontNotFound) as e:
            fonts.find_cjk_font()
        assert "fonts-wqy-microhei" in str(e.value) and "中文字体" in e.value.zh
    finally:
        monkeypatch.undo()
        fonts.find_cjk_font.cache_clear()
    assert fonts.find_cjk_font().path.is_file()


def test_no_qt_in_devices() -> None:
    import subprocess
    import sys

    code = (
        "import sys, warehouse_app.headless, warehouse_app.print_worker, devices.printers.pdf, devices.sim.printer, "
        "devices.sim.scanner, devices.sim.scale, warehouse_app.cli.device_cmds; "
        "assert 'PySide6' not in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_device_settings_round_trip_and_refuse_bad_values(seeded_store) -> None:
    from devices.errors import DeviceError
    from devices.scanners import ScannerConfig
    from warehouse_app import device_settings as config

    c = seeded_store.connect()
    try:
        assert config.scanner_config(c) is None and config.printer_url(c) is None
        config.save_scanner_config(
            c, ScannerConfig(port="/dev/ttyUSB0", baud=115200, suffix="CRLF")
        )
        config.save_printer_url(c, "tcp://10.0.0.9:9100?lang=tspl&size=76x130")
        config.save_scale_settings(c, "/dev/ttyUSB1")
        with pytest.raises(PrinterURLError):
            config.save_printer_url(c, "tcp://10.0.0.9?lang=epl")
        with pytest.raises(DeviceError):
            config.save_scanner_config(c, ScannerConfig(port="/dev/x", suffix="NUL"))
        with pytest.raises(DeviceError):
            config.save_scale_settings(c, "/dev/x", unit="stone")
        assert config.scanner_config(c) == ScannerConfig(
            port="/dev/ttyUSB0", baud=115200, suffix="CRLF"
        )
        assert config.printer_url(c) == "tcp://10.0.0.9:9100?lang=tspl&size=76x130"
        assert config.scale_settings(c) == {"port": "/dev/ttyUSB1", "baud": 9600, "unit": "kg"}
    finally:
        c.close()
