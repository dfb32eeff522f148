"""Qt's own translations (QMessageBox/QFileDialog buttons, context menus, QDialogButtonBox).

Without them a Chinese station shows "Yes/No/Cancel/Save" in every standard dialog. We ship
`qtbase_zh_CN.qm` from the PySide6 wheel in resources/translations (so a bundle never depends on
where PyInstaller put Qt's files) and fall back to Qt's own translations folder.
Refresh after a PySide6 upgrade: `python -m ui.qt_translations`.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from warehouse_app.paths import resource_path

logger = logging.getLogger(__name__)

# the station's language -> Qt's catalogue locale; English needs none (Qt's source strings)
QT_LOCALES = {"zh": "zh_CN"}
CATALOGUES = ("qtbase",)

_installed: list[Any] = []


def qt_translations_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_qt_translations(lang: str) -> list[str]:
    """Replace the Qt catalogues in the running app with those for `lang`; returns what loaded."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return []
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    # Qt's standard dialogs also pick some texts (date formats, digit grouping) from the default locale
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
    loc = QT_LOCALES.get(lang)
    if not loc:
        return []
    loaded = []
    for cat in CATALOGUES:
        name = f"{cat}_{loc}.qm"
        for folder in (resource_path("translations"), qt_translations_dir()):
            tr = QTranslator()
            if tr.load(str(folder / name)):
                app.installTranslator(tr)
                _installed.append(tr)
                loaded.append(name)
                break
        else:
            logger.warning("Qt translation %s not found: standard dialogs stay English", name)
    return loaded


def refresh_shipped() -> list[Path]:
    """Copy Qt's catalogues from the installed PySide6 into resources/translations."""
    out = []
    for loc in QT_LOCALES.values():
        for cat in CATALOGUES:
            src = qt_translations_dir() / f"{cat}_{loc}.qm"
            dst = resource_path("translations", src.name)
            shutil.copyfile(src, dst)
            out.append(dst)
    return out


if __name__ == "__main__":
    for p in refresh_shipped():
        print(p)
