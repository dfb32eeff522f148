"""The Qt translator of the station language (installed at start-up and on F12)."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

_translator: Any = None


def install_translator(lang: str) -> bool:
    """Load resources/translations/station_<lang>.qm into the running app (replacing the last one)."""
    global _translator
    from PySide6.QtCore import QCoreApplication, QTranslator

    from warehouse_app.paths import resource_path

    app = QCoreApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    name = {"zh": "station_zh_CN.qm", "en": "station_en.qm"}.get(lang)
    if not name:
        return False
    tr = QTranslator()
    if not tr.load(str(resource_path("translations", name))):
        logger.warning("translation %s not found", name)
        return False
    app.installTranslator(tr)
    _translator = tr
    from ui.qt_translations import install_qt_translations

    install_qt_translations(lang)  # Qt's own buttons (Yes/No/Cancel...) in the same language
    return True
