"""Issue 10 building blocks: the verdict panel's colours follow what the packer must do, each
verdict is visibly new and fades, a device fault takes the panel over, the last 10 scans are
listed, spoken verdicts fall back to tones, and Qt's own dialogs speak Chinese."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ui.recent_scans import MAX_ROWS, RecentScan, RecentScans
from ui.verdict import VerdictPanel
from ui.voice import VoicePlayer, verdict_phrase_kind
from warehouse_app.domain import Verdict
from warehouse_app.verdict_rules import severity, specifics


def verdict(ok: bool, reason: str | None = None, **kw: object) -> Verdict:
    return Verdict(
        status="ok" if ok else "rejected",
        code=str(kw.pop("code", "ZT1")),
        mode=str(kw.pop("mode", "verify")),
        reason=reason,
        message_zh="核对通过" if ok else "拒绝",
        message_en="Verified" if ok else "Rejected",
        **kw,  # type: ignore[arg-type]
    )


def test_severity_follows_what_the_packer_must_do() -> None:
    assert severity(verdict(True)) == "ok"
    assert severity(verdict(False, "duplicate")) == "info"
    assert severity(verdict(False, "already_handed_off")) == "info"
    assert severity(verdict(False, "intercepted")) == "intercept"
    assert severity(verdict(False, "no_batch")) == "warn"
    assert severity(verdict(False, "wrong_item")) == "stop"
    assert severity(verdict(False, "unknown_code")) == "stop"


def test_reasons_name_the_batch_carrier_and_handoff() -> None:
    zh, en = specifics(
        verdict(False, "wrong_batch", batch_id="T1-B0002"), expected={"batch_id": "T1-B0001"}
    )
    assert "T1-B0002" in zh and "T1-B0001" in zh and "T1-B0002" in en
    names = {"ZTO": ("中通", "ZTO"), "YTO": ("圆通", "YTO")}
    zh, en = specifics(
        verdict(False, "wrong_carrier", carrier="ZTO"), names.get, {"carrier": "YTO"}
    )
    assert "中通" in zh and "圆通" in zh and "ZTO" in en
    zh, en = specifics(verdict(False, "already_handed_off", handoff_id="H-7"))
    assert "H-7" in zh and "H-7" in en


def test_panel_counts_flashes_fades_and_repeat_is_neutral(qtbot: QtBot) -> None:
    p = VerdictPanel()
    qtbot.addWidget(p)
    p.resize(800, 400)
    p.show()
    p.set_fade_seconds(0.3)
    p.show_verdict(verdict(True), "zh")
    assert p.color_name == "green" and p.scan_no == 1 and p.flashing
    qtbot.waitUntil(lambda: not p.flashing, timeout=5000)
    p.show_verdict(verdict(True), "zh")
    assert p.scan_no == 2  # two OKs in a row are visibly different
    qtbot.waitUntil(lambda: p.faded, timeout=5000)
    assert p.color_name == "neutral"  # a stale green never stays up
    p.show_verdict(verdict(False, "duplicate"), "zh")
    assert p.color_name == "neutral" and "无需操作" in p.title
    p.show_info("批次 B1", "A*1")
    assert p.color_name == "neutral" and p.scan_no == 3  # information is not counted
    p.show_message(False, "未知的指令卡", "请扫正确的卡")
    assert p.color_name == "orange"


def test_a_device_fault_takes_over_the_panel_until_fixed(qtbot: QtBot) -> None:
    p = VerdictPanel()
    qtbot.addWidget(p)
    p.show_verdict(verdict(True), "zh")
    p.show_fault("扫描枪已断开", "正在重连")
    snap = p.snapshot()
    assert (
        snap["color"] == "fault" and snap["title"] == "扫描枪已断开" and snap["next"] == "正在重连"
    )
    p.show_verdict(verdict(False, "wrong_item"), "zh")  # a typed scan meanwhile: shown, band stays
    assert p.color_name == "red" and p.fault == ("扫描枪已断开", "正在重连")
    p.show_fault("扫描枪已断开", "正在重连")  # the same fault reported again: the verdict stays
    assert p.color_name == "red"
    p.clear_fault("扫描枪已连接", "请继续扫描")
    assert p.fault is None and p.color_name == "red"  # fixed: the band goes, the verdict stays
    p.show_fault("打印机缺纸", "请装纸")  # a new fault takes over again
    assert p.color_name == "fault"
    p.clear_fault("设备已恢复", "请继续扫描")
    assert p.fault is None and p.color_name == "neutral" and p.title == "设备已恢复"


def test_recent_scans_keeps_the_last_ten_and_rows_can_change(qtbot: QtBot) -> None:
    r = RecentScans()
    qtbot.addWidget(r)
    for i in range(1, 13):
        r.add(RecentScan(i, f"10:00:{i:02d}", f"ZT{i}", "核对通过", "ok"))
    assert r.list.count() == MAX_ROWS == 10
    assert r.rows[0].code == "ZT12" and r.rows[-1].code == "ZT3"
    assert "10:00:12" in r.list.item(0).text()
    assert r.update_row(11, "面单已打印", "ok")
    assert "面单已打印" in r.list.item(1).text()
    assert not r.update_row(1, "x", "ok")  # fell off the list


def test_voice_speaks_or_falls_back_to_tones(qtbot: QtBot) -> None:
    off = VoicePlayer(enabled=False)
    assert not off.say("ok:verify", "zh") and off.why_not("zh")[0]
    mock = VoicePlayer(enabled=True, engine="mock")  # Qt's test engine: English voices only
    assert not mock.available("zh") and "没有" in mock.why_not("zh")[0]
    assert not mock.say("ok:verify", "zh")  # the caller plays the tone
    assert mock.say("ok:verify", "en") and mock.spoken == ["Verified"]
    anyv = VoicePlayer(enabled=True, engine="mock", any_voice=True)
    assert anyv.say(verdict_phrase_kind(False, "verify", "intercepted"), "zh")
    assert anyv.spoken == ["订单已取消，请拦截"]
    anyv.stop()


@pytest.mark.parametrize("lang,cancel", [("zh", "取消"), ("en", "Cancel")])
def test_qt_standard_buttons_follow_the_station_language(
    qtbot: QtBot, lang: str, cancel: str
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.qt_translations import install_qt_translations

    try:
        install_qt_translations(lang)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.buttons()[0].text() == cancel
    finally:
        install_qt_translations("en")
