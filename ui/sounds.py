"""Verdict sounds: a distinct tone for OK and for each kind of rejection.

Packers often don't look up; the ear must tell 'OK' from 'pull this parcel'. The WAVs are
generated here (`python -m ui.sounds` rewrites resources/sounds/*.wav) and played with
QSoundEffect, failing silently when the machine has no audio device.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path
from typing import Any

from warehouse_app.paths import resource_path

logger = logging.getLogger(__name__)

RATE = 22050
# kind -> list of (frequency Hz, duration s); 0 Hz is silence
TONES: dict[str, list[tuple[float, float]]] = {
    "ok": [(1320, 0.09)],  # one short high beep
    "reject": [(330, 0.18), (0, 0.05), (330, 0.18)],  # two low buzzes
    "intercept": [(880, 0.12), (440, 0.12)] * 3,  # siren: pull this parcel
    "duplicate": [(660, 0.07), (0, 0.04), (660, 0.07)],  # soft double: nothing to do
    "wrong": [(220, 0.45)],  # long low buzz: wrong item / batch / carrier / weight
    "command": [(990, 0.06), (1480, 0.06)],  # rising chirp: mode or command card accepted
}

# verdict reason -> sound kind
REASON_SOUND: dict[str, str] = {
    "intercepted": "intercept",
    "duplicate": "duplicate",
    "already_handed_off": "duplicate",
    "wrong_item": "wrong",
    "wrong_batch": "wrong",
    "wrong_carrier": "wrong",
    "wrong_weight": "wrong",
}


def sound_for(ok: bool, reason: str | None) -> str:
    if ok:
        return "ok"
    return REASON_SOUND.get(reason or "", "reject")


def _square_ish(freq: float, t: float) -> float:
    # a sine with a little third harmonic: cuts through warehouse noise better than a pure sine
    return math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(2 * math.pi * 3 * freq * t)


def write_wav(path: Path, tones: list[tuple[float, float]], volume: float = 0.5) -> None:
    frames = bytearray()
    for freq, dur in tones:
        n = int(RATE * dur)
        for i in range(n):
            t = i / RATE
            env = min(1.0, i / (RATE * 0.005), (n - i) / (RATE * 0.005))  # 5 ms fade: no clicks
            v = 0.0 if freq == 0 else _square_ish(freq, t) / 1.3 * volume * env
            frames += struct.pack("<h", int(max(-1.0, min(1.0, v)) * 32767))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))


def generate(out_dir: Path | None = None) -> list[Path]:
    out = out_dir or resource_path("sounds")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, tones in TONES.items():
        p = out / f"{kind}.wav"
        write_wav(p, tones)
        paths.append(p)
    return paths


class SoundPlayer:
    """QSoundEffect per kind, loaded once (asynchronously, never blocking a scan).

    Without an audio device (a PC with no sound card, no PulseAudio) it logs ONE line and stays
    silent; `played` still records what would have been heard, and `available` says which case."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.available = False
        self.played: list[str] = []  # what would have been heard (tests, the demo log)
        self._effects: dict[str, Any] = {}
        self._error_logged = False
        if not enabled:
            return
        from PySide6.QtCore import QLoggingCategory, QUrl

        # Qt's own multimedia chatter (VA-API/PipeWire probing, FFmpeg banner) is not the packer's
        # business: muted before QtMultimedia loads, so a PC without sound logs only our one line
        QLoggingCategory.setFilterRules(
            "qt.multimedia.symbolsresolver*=false\nqt.multimedia.ffmpeg*.info=false"
        )
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # QtMultimedia missing: stay silent
            logger.warning("no QtMultimedia, verdict sounds off: %s", exc)
            return
        try:
            outputs = QMediaDevices.audioOutputs()
        except Exception as exc:
            outputs = []
            logger.debug("audio device query failed: %s", exc)
        if not outputs:
            logger.warning(
                "no audio output device: verdict sounds off (screen colours and scanner beeps still work)"
            )
            return
        self.available = True
        for kind in TONES:
            p = resource_path("sounds", f"{kind}.wav")
            if not p.exists():
                logger.warning("sound file missing: %s", p)
                continue
            try:
                eff = QSoundEffect()
                eff.setSource(QUrl.fromLocalFile(str(p)))
                eff.setVolume(0.9)
                eff.statusChanged.connect(lambda e=eff, k=kind: self._status(e, k))
                self._effects[kind] = eff
            except Exception as exc:
                self._fail(f"sound {kind} unavailable: {exc}")

    def _status(self, eff: Any, kind: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if eff.status() == QSoundEffect.Status.Error:
            self._effects.pop(kind, None)
            self._fail(f"sound {kind} cannot play on this audio device; verdict sounds off")

    def _fail(self, msg: str) -> None:
        if not self._error_logged:  # one line, not one per scan
            self._error_logged = True
            logger.warning(msg)

    def play(self, kind: str) -> None:
        self.played.append(kind)
        del self.played[:-50]
        if not self.enabled:
            return
        eff = self._effects.get(kind)
        if eff is None:
            return
        try:
            eff.play()
        except Exception as exc:
            self._fail(f"sound {kind} failed: {exc}")


if __name__ == "__main__":
    for p in generate():
        print(p)
