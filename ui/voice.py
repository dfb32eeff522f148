"""Spoken verdicts (optional): "核对成功", "订单已取消，请拦截" through QtTextToSpeech.

A packer with both hands on a parcel does not look up; a voice says what to do where a tone only
says "something". Speech needs a voice for the station's language on the OS (Windows has a
Chinese one when the language pack is installed; Linux needs speech-dispatcher with a Chinese
voice). Without one, or with voice off, the verdict tones play instead (`ui.sounds`).

Speaking never waits: `QTextToSpeech.say()` queues the text to the OS engine and returns; a new
verdict interrupts the one still being spoken (the newest answer is the one that matters).
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

# What is spoken: short, the instruction rather than the whole panel. kind -> (zh, en).
PHRASES: dict[str, tuple[str, str]] = {
    "ok:pack": ("打包完成", "Packed"),
    "ok:verify": ("核对成功", "Verified"),
    "ok:handoff": ("交接成功", "Handed off"),
    "ok:pull": ("拦截已取出", "Intercept pulled"),
    "ok:return": ("退货已登记", "Return recorded"),
    "intercepted": ("订单已取消，请拦截", "Order cancelled, pull this parcel"),
    "duplicate": ("已扫过，无需操作", "Already scanned"),
    "already_handed_off": ("已交接，无需操作", "Already handed off"),
    "wrong_item": ("商品不符", "Wrong item"),
    "wrong_batch": ("不是本批次", "Wrong batch"),
    "wrong_carrier": ("快递不符", "Wrong carrier"),
    "wrong_weight": ("重量不符", "Wrong weight"),
    "voided": ("面单已作废", "Waybill voided"),
    "label_pending": ("面单未打印，放待打印区", "Label not printed, set it aside"),
    "dropped": ("没读到，请重扫", "Not read, scan again"),
    "reject": ("请检查", "Check this parcel"),
    "test": ("语音播报测试：核对成功", "Voice test: verified"),
}


def phrase_for(kind: str, lang: str) -> str:
    zh, en = PHRASES.get(kind, PHRASES["reject"])
    return zh if lang.startswith("zh") else en


def verdict_phrase_kind(ok: bool, mode: str, reason: str | None) -> str:
    if ok:
        return f"ok:{mode}" if f"ok:{mode}" in PHRASES else "ok:verify"
    return reason if reason in PHRASES else "reject"


class VoicePlayer:
    """One QTextToSpeech, created once. `available(lang)` says whether the OS has a voice for
    that language; `say()` returns False when it cannot speak, so the caller plays a tone."""

    def __init__(self, enabled: bool = False, engine: str = "", any_voice: bool = False) -> None:
        self.enabled = enabled
        self.engine_name = engine
        # test engines ("mock") have no Chinese voice: speak with their first voice anyway
        self.any_voice = any_voice
        self.spoken: list[str] = []  # what was said (tests, the demo log)
        self._tts: Any = None
        self._locales: dict[str, Any] = {}
        self._error = ""
        if enabled:
            self._start()

    def _start(self) -> None:
        if self._tts is not None:
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            self._error = f"QtTextToSpeech missing: {exc}"
            logger.warning("no QtTextToSpeech, spoken verdicts off: %s", exc)
            return
        try:
            tts = (
                QTextToSpeech(self.engine_name) if self.engine_name else QTextToSpeech()
            )  # the OS default engine (SAPI/WinRT on Windows, speech-dispatcher on Linux)
        except Exception as exc:  # a broken engine plug-in must not stop the station
            self._error = str(exc)
            logger.warning("text-to-speech engine failed, spoken verdicts off: %s", exc)
            return
        if tts.state() == QTextToSpeech.State.Error:
            self._error = tts.errorString() or "engine not initialised"
            logger.warning("text-to-speech unavailable (%s): tones instead", self._error)
            return
        self._tts = tts
        from PySide6.QtCore import QLocale

        for loc in tts.availableLocales():
            if loc.language() == QLocale.Language.Chinese and "zh" not in self._locales:
                self._locales["zh"] = loc
            if loc.language() == QLocale.Language.English and "en" not in self._locales:
                self._locales["en"] = loc
        if self.any_voice and tts.availableLocales():
            for lang in ("zh", "en"):
                self._locales.setdefault(lang, tts.availableLocales()[0])
        logger.info(
            "text-to-speech engine %s, voices for %s",
            tts.engine() or "default",
            ", ".join(sorted(self._locales)) or "no station language",
        )

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if on:
            self._start()
        elif self._tts is not None:
            self._tts.stop()

    def available(self, lang: str) -> bool:
        return self.enabled and self._tts is not None and lang[:2] in self._locales

    def why_not(self, lang: str) -> tuple[str, str]:
        """(zh, en) why the station falls back to tones: for the settings page."""
        if not self.enabled:
            return "语音播报已关闭，使用提示音", "Voice is off: tones play"
        if self._tts is None:
            return (
                f"本机没有语音引擎（{self._error}），使用提示音",
                f"No speech engine on this PC ({self._error}): tones play",
            )
        if lang[:2] not in self._locales:
            return (
                "本机没有该语言的语音，使用提示音（Windows：安装中文语音包）",
                "No voice for this language on this PC: tones play (Windows: add the speech pack)",
            )
        return "", ""

    def say(self, kind: str, lang: str, text: str | None = None) -> bool:
        """Speak the phrase for `kind` (or `text`); False if it cannot (play a tone instead)."""
        if not self.available(lang):
            return False
        words = text or phrase_for(kind, lang)
        try:
            tts = self._tts
            if tts.locale() != self._locales[lang[:2]]:
                tts.setLocale(self._locales[lang[:2]])
            tts.stop()  # the newest verdict is the one that matters
            tts.say(words)
        except Exception as exc:
            logger.warning("speaking failed, tones instead: %s", exc)
            return False
        self.spoken.append(words)
        del self.spoken[:-50]
        return True

    def stop(self) -> None:
        if self._tts is not None:
            try:
                self._tts.stop()
            except Exception:
                logger.debug("tts stop failed", exc_info=True)
