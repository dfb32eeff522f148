"""The station's loose ends, driven through the real window, simulators and SQLite: local time,
carrier names, a keyboard-only returns desk, the upstream pill, full stored device settings, sounds."""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.ui_fixtures import Station, station

SH = ZoneInfo("Asia/Shanghai")


def _local(stamp: str, fmt: str) -> str:
    from warehouse_app.clock import parse_iso

    return parse_iso(stamp).astimezone(SH).strftime(fmt)


def _packed_paid(st: Station, n: int = 1) -> list[str]:
    return [
        r[0]
        for r in st.q(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id WHERE p.state='packed' "
            "AND o.status='paid' AND p.waybill IS NOT NULL ORDER BY p.parcel_id LIMIT ?",
            n,
        )
    ]


# -- 1 + 2: local time and carrier names in the lead area -----------------------------------------
def test_review_handoffs_discrepancies_in_station_zone_with_carrier_names(station: Station) -> None:
    st, w = station, station.window
    assert (
        st.ctx.settings.timezone == "Asia/Shanghai"
    )  # the demo's zone, read from the core setting
    st.login("P001")
    st.unlock_lead("review")
    rv = w.lead.review
    with st.qtbot.waitSignal(rv.loaded, timeout=10000) as blk:
        rv.refresh()
    raw = blk.args[0]
    assert raw["per_hour"], "the demo hands parcels off"
    first = raw["per_hour"][0]
    assert first["hour"].endswith(":00Z")  # storage/query stays UTC
    labels = [rv.per_hour.item(r, 0).text() for r in range(rv.per_hour.rowCount())]
    assert _local(first["hour"], "%m-%d %H:%M") in labels
    assert all(not t.endswith("Z") for t in labels)
    axis = [a for a in rv.chart.axes() if a.__class__.__name__ == "QBarCategoryAxis"][0]
    assert _local(first["hour"], "%H:%M") in axis.categories()
    assert "Asia/Shanghai" in rv.zone.text() and "UTC+08:00" in rv.zone.text()
    carriers = {rv.per_carrier.item(r, 0).text() for r in range(rv.per_carrier.rowCount())}
    assert "中通快递" in carriers and "ZTO" not in carriers
    legend = {s.label() for s in rv.chart.series()[0].barSets()}
    assert "中通快递" in legend

    with st.qtbot.waitSignal(rv.exported, timeout=20000) as blk:
        rv.csv_btn.click()
    csv_text = open(blk.args[0], encoding="utf-8-sig").read()
    assert "time_zone=Asia/Shanghai (UTC+08:00)" in csv_text
    assert (
        _local(first["hour"], "%m-%d %H:%M") in csv_text and first["hour"] in csv_text
    )  # local + UTC
    assert "中通快递" in csv_text and "ZTO" in csv_text
    with st.qtbot.waitSignal(rv.exported, timeout=30000) as blk:
        rv.pdf_btn.click()
    import pypdfium2 as pdfium

    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(blk.args[0]))
    assert "Asia/Shanghai" in text

    # handoff list: local open times, carrier names
    w.lead.open("handoffs")
    ho = w.lead.handoffs
    st.qtbot.waitUntil(lambda: ho.table.rowCount() > 0, timeout=10000)
    hid, carrier, opened = st.q(
        "SELECT handoff_id, carrier, opened_at FROM handoffs ORDER BY handoff_id"
    )[0]
    row = [r for r in range(ho.table.rowCount()) if ho.table.item(r, 0).text() == hid][0]
    assert (
        ho.table.item(row, 1).text()
        == {"ZTO": "中通快递", "YTO": "圆通速递", "YUNDA": "韵达快递", "SF": "顺丰速运"}[carrier]
    )
    assert ho.table.item(row, 6).text() == _local(opened, "%m-%d %H:%M:%S")
    assert "圆通速递" in ho.carrier.itemText(ho.carrier.findData("YTO"))

    # discrepancies: verified-at in local time
    w.lead.open("discrepancies")
    d = w.lead.discrepancies
    st.qtbot.waitUntil(lambda: d.verified.rowCount() > 0, timeout=10000)
    wb = d.verified.item(0, 0).text()
    at = st.q("SELECT verified_at FROM parcels WHERE waybill=?", wb)[0][0]
    assert d.verified.item(0, 3).text() == _local(at, "%m-%d %H:%M:%S")
    assert d.verified.item(0, 1).text() in ("中通快递", "圆通速递", "韵达快递", "顺丰速运")


def test_manifest_has_local_times_and_carrier_name(station: Station, tmp_path: Any) -> None:
    from ui.lead_tabs.handoffs import render_manifest

    st = station
    hid, opened = st.q("SELECT handoff_id, opened_at FROM handoffs WHERE status='closed' LIMIT 1")[
        0
    ]
    out = tmp_path / "m.pdf"
    conn = st.ctx.store.connect(readonly=True)
    try:
        render_manifest(conn, hid, out)  # zone from the station's setting (as the CLI would)
    finally:
        conn.close()
    import pypdfium2 as pdfium

    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(out)))
    assert _local(opened, "%Y-%m-%d %H:%M") in text and "UTC+08:00" in text
    assert "Express" in text  # the carrier's display name, not only its code


def test_verdict_detail_and_packer_texts_name_the_carrier(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    st.command("#MODE:VERIFY", w.mode_changed)
    wb = _packed_paid(st, 1)[0]
    code = st.q("SELECT carrier FROM parcels WHERE waybill=?", wb)[0][0]
    zh, en = st.ctx.carriers[code]
    v = st.scan(wb)
    assert v.ok
    detail = w.packer.panel.snapshot()["detail"]
    assert zh in detail and f"· {code} ·" not in detail
    w.set_language("en")
    assert en in w.packer.panel.snapshot()["detail"]
    w.set_language("zh")
    # picker and counter: names and translated statuses, no English codes in zh mode
    hid = st.q("SELECT handoff_id FROM handoffs WHERE status='open' LIMIT 1")[0][0]
    st.command("#MODE:HANDOFF", w.mode_changed)
    w.set_handoff(hid)
    st.qtbot.waitUntil(lambda: w.handoff_id == hid, timeout=10000)
    c = st.counters(lambda c: c["handoff"] is not None)
    sub = w.packer.c_handoff.sub.text()
    assert (
        st.ctx.carriers[c["handoff"]["carrier"]][0] in sub and "进行中" in sub and "open" not in sub
    )
    st.qtbot.waitUntil(lambda: w.packer.batch_pick.count() > 1, timeout=10000)
    items = [w.packer.batch_pick.itemText(i) for i in range(w.packer.batch_pick.count())]
    assert not any("(active)" in t for t in items) and any("进行中" in t for t in items)


# -- 3: returns desk without a mouse -----------------------------------------------------------------
def test_returns_reason_and_disposition_by_keys_and_cards(station: Station) -> None:
    from PySide6.QtCore import Qt

    from ui.window import returns_module

    if returns_module() is None:
        pytest.skip("warehouse_app.returns not present")
    st, w = station, station.window
    qb = st.qtbot
    st.login("P001")
    with qb.waitSignal(w.mode_changed, timeout=5000):
        qb.keyClick(w.packer.entry, Qt.Key.Key_F5)
    assert w.mode == "return"
    assert "Ctrl+1 质量问题" in w.packer.hint.text() and "Alt+1 入库重售" in w.packer.hint.text()
    shipped = [r[0] for r in st.q("SELECT waybill FROM parcels WHERE state='handed_off' LIMIT 3")]
    assert st.scan(shipped[0]).reason == "no_reason"

    with qb.waitSignal(w.return_choice_changed, timeout=10000) as blk:
        qb.keyClick(w.packer.entry, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert blk.args[0] == ("quality", None)
    snap = w.packer.panel.snapshot()
    assert (
        "质量问题" in snap["title"] and "Alt+1" in snap["next"]
    )  # big, and says what is still missing
    assert w.packer.entry.text() == ""  # the key did not type into the scan field
    with qb.waitSignal(w.return_choice_changed, timeout=10000) as blk:
        qb.keyClick(w.packer.entry, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert blk.args[0] == ("quality", "restock")
    snap = w.packer.panel.snapshot()
    # a choice is information, not a verdict: neutral, never green
    assert snap["color"] == "neutral" and "质量问题" in snap["title"] and "入库重售" in snap["next"]
    assert "质量问题 → 入库重售" in w.packer.context_line.text()

    v = st.scan(shipped[0])
    assert v.ok and st.q("SELECT reason, disposition FROM returns WHERE waybill=?", shipped[0]) == [
        ("quality", "restock")
    ]
    assert "质量问题 → 入库重售" in w.packer.panel.snapshot()["detail"]
    assert "入库重售" in w.packer.panel.next_text

    # the keys work while a non-text widget has focus too (not eaten by the wedge decoder)
    w.packer.c_batch.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    w.packer.c_batch.setFocus()
    with qb.waitSignal(w.return_choice_changed, timeout=10000) as blk:
        qb.keyClick(w.packer.c_batch, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert blk.args[0] == ("quality", "damaged")

    # command cards do the same from the scanner
    with qb.waitSignal(w.return_choice_changed, timeout=10000):
        st.rig.scan("#REASON:logistics_damage")
    with qb.waitSignal(w.return_choice_changed, timeout=10000) as blk:
        st.rig.scan("#DISPOSE:3")
    assert blk.args[0] == ("logistics_damage", "to_vendor")
    assert st.scan(shipped[1]).ok
    assert st.q("SELECT reason, disposition FROM returns WHERE waybill=?", shipped[1]) == [
        ("logistics_damage", "to_vendor")
    ]

    # a bad card: clear message, nothing changes
    before = st.q("SELECT key, value FROM settings WHERE key LIKE 'returns.%' ORDER BY key")
    st.rig.scan("#REASON:broken")
    qb.waitUntil(lambda: w.packer.panel.color_name == "orange", timeout=10000)
    assert "#REASON:broken" in w.packer.panel.title
    assert st.q("SELECT key, value FROM settings WHERE key LIKE 'returns.%' ORDER BY key") == before
    assert w.sound.played[-1] == "reject"


# -- 4: the upstream pill ----------------------------------------------------------------------------
def test_upstream_pill_shows_pending_and_last_pull_age(station: Station) -> None:
    from warehouse_app.clock import iso, utcnow
    from warehouse_app.sync.service import SyncStatus

    bar = station.window.status
    now = utcnow()
    base: dict[str, Any] = dict(
        configured=True,
        syncing=False,
        hub_url="http://hub",
        acked_seq=0,
        last_seq=12,
        last_push_at=None,
        last_ok_at=iso(now - timedelta(seconds=130)),
        last_error_en=None,
        last_error_zh=None,
        next_retry_in_s=None,
        clock_offset_s=None,
        checked_at=iso(now),
    )
    bar.show_sync(
        SyncStatus(
            online=True, pending_events=12, last_pull_at=iso(now - timedelta(seconds=130)), **base
        )
    )
    assert bar.upstream.text().endswith("上游：在线 · 待上传 12 · 上次同步 2分钟前")
    since = _local(base["last_ok_at"], "%H:%M")
    bar.show_sync(
        SyncStatus(
            online=False,
            pending_events=40,
            last_pull_at=base["last_ok_at"],
            **{**base, "last_error_zh": "连接失败"},
        )
    )
    assert f"上游：离线（自 {since}） · 待上传 40" in bar.upstream.text()
    assert "2分钟前" in bar.upstream.toolTip()
    station.window.set_language("en")
    assert f"offline since {since}" in bar.upstream.text() and "40 waiting" in bar.upstream.text()


# -- 5: full stored device settings ------------------------------------------------------------------
def test_devices_get_the_full_stored_scanner_and_scale_settings(station: Station) -> None:
    from devices.scanners import ScannerConfig
    from devices.scanners.feedback import FEEDBACK
    from devices.sim.scanner import frame
    from warehouse_app import device_settings as dcfg
    from warehouse_app.station import set_setting
    from warehouse_app.store.tx import transaction

    st = station
    dev = st.ctx.devices

    def store(conn: Any) -> None:
        with transaction(conn):
            dcfg.save_scanner_config(
                conn,
                ScannerConfig(
                    port="/dev/ttyIGNORED",
                    baud=9600,
                    suffix="LF",
                    prefix="]",
                    aim=False,
                    parity="N",
                    data_bits=8,
                ),
            )
            set_setting(conn, dcfg.FEEDBACK_KEY, "honeywell-acknak")
            dcfg.save_scale_settings(conn, "/dev/ttyIGNORED", 9600, "g")

    st.ctx.writer.call(store)
    fut = dev.configure(st.ctx.settings)
    st.qtbot.waitUntil(fut.done, timeout=10000)
    assert fut.exception() is None
    cfg = dev.scanner.config
    assert (cfg.suffix, cfg.prefix, cfg.aim) == ("LF", "]", False)
    assert (
        cfg.port == st.ctx.settings.scanner_port
    )  # the settings page's port wins over a stale one
    assert dev.scanner.feedback == FEEDBACK["honeywell-acknak"]
    assert dev.scale.default_unit == "g"
    info = st.window.lead.settings
    info.show_scanner_info()  # the settings page tells IT what is in effect
    assert "后缀 LF" in info.scanner_info.text() and "前缀 ]" in info.scanner_info.text()
    assert (
        "AIM 标识 保留" in info.scanner_info.text()
        and "honeywell-acknak" in info.scanner_info.text()
    )
    st.wait_scanner_ready()
    with st.qtbot.waitSignal(st.window.logged_in, timeout=10000):
        st.rig.scanner.write(frame("P001", "LF", prefix="]"))  # LF-framed, prefixed: decoded
    assert st.ctx.operator["code"] == "P001"


def test_bad_stored_scanner_settings_are_a_clear_status(station: Station) -> None:
    from warehouse_app import device_settings as dcfg
    from warehouse_app.station import set_setting
    from warehouse_app.store.tx import transaction

    st = station
    bar = st.window.status

    def store(conn: Any) -> None:
        with transaction(conn):
            set_setting(conn, dcfg.SCANNER_KEY, {"port": "", "parity": "X"})

    st.ctx.writer.call(store)
    st.ctx.devices.configure(st.ctx.settings)
    st.qtbot.waitUntil(lambda: "扫描枪设置有误" in bar.scanner.property("full_text"), timeout=10000)


# -- 6: sounds -----------------------------------------------------------------------------------------
def test_each_verdict_kind_has_its_own_sound_file(tmp_path: Any) -> None:
    from ui.sounds import TONES, generate, sound_for
    from warehouse_app.paths import resource_path

    kinds = {
        "ok": sound_for(True, None),
        "intercept": sound_for(False, "intercepted"),
        "duplicate": sound_for(False, "duplicate"),
        "wrong": sound_for(False, "wrong_item"),
        "reject": sound_for(False, "unknown_code"),
    }
    assert set(kinds.values()) == set(kinds)  # five verdict kinds, five different sounds
    assert sound_for(False, "wrong_batch") == sound_for(False, "wrong_carrier") == "wrong"
    fresh = {p.stem: p.read_bytes() for p in generate(tmp_path)}
    shipped = {k: resource_path("sounds", f"{k}.wav").read_bytes() for k in TONES}
    assert shipped == fresh  # resources match the generator
    assert len(set(shipped.values())) == len(TONES)  # no two kinds share a file


def test_sound_player_without_audio_is_silent_and_logs_once(qtbot: Any, caplog: Any) -> None:
    from ui.sounds import TONES, SoundPlayer

    caplog.set_level(logging.WARNING, logger="ui.sounds")
    t0 = time.perf_counter()
    player = SoundPlayer(True)
    for _ in range(3):
        for kind in TONES:
            player.play(kind)
    assert time.perf_counter() - t0 < 2.0  # never blocks a scan
    assert player.played[-1] == list(TONES)[-1]
    if not player.available:
        lines = [r for r in caplog.records if r.name == "ui.sounds"]
        assert len(lines) == 1 and "no audio output" in lines[0].getMessage()


# -- 1: the zone setting itself --------------------------------------------------------------------------
def test_time_zone_setting_validated_and_applied(station: Station) -> None:
    st, w = station, station.window
    st.login("P001")
    s = w.lead.settings
    with st.qtbot.waitSignal(s.loaded, timeout=10000):  # the stored values, then the lead types
        st.unlock_lead("settings")
    s.editor("printer.url").setText(st.rig.printer_url)
    tz = s.editor("timezone")
    tz.setEditText("Asia/Shanghia")
    s.save_btn.click()
    assert "未知时区" in s.result.text() and "Asia/Shanghia" in s.result.text()
    assert st.ctx.settings.timezone == "Asia/Shanghai"
    tz.setCurrentIndex(tz.findData("UTC"))
    with st.qtbot.waitSignal(st.ctx.events.data_changed, timeout=10000):
        s.save_btn.click()
    assert st.ctx.settings.timezone == "UTC"
    st.qtbot.waitUntil(
        lambda: st.q("SELECT value FROM settings WHERE key='timezone'") == [('"UTC"',)],
        timeout=10000,
    )
    w.lead.open("review")
    rv = w.lead.review
    st.qtbot.waitUntil(
        lambda: rv.data is not None and rv.data["zone"] == "UTC+00:00", timeout=10000
    )
