"""The tray's language: Qt's own translation system (``.qm`` catalogues made from ``translations/*.ts`` with
pyside6-lupdate / pyside6-lrelease), the language chosen by ``clientsafe.i18n.language(policy)``, and the names
people know each site by (``data/sites.json``, shared with the extension and the CLI).

Every user-visible string in ``clientsafe.ui`` goes through ``self.tr()`` or ``translate(context, text)``;
``tests/qt/test_translations.py`` fails on one that does not, and on a source string with no Spanish.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from clientsafe.ui.marks import QT_TRANSLATE_NOOP
from clientsafe.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

FOLDER = Path(__file__).with_name("translations")
# The catalogue's file name stem: clientsafe_es.qm. English is the source language and needs none.
STEM = "clientsafe"

__all__ = ["QT_TRANSLATE_NOOP", "current", "install", "site_name", "translate"]

_installed: list[QTranslator] = []
_language = "en"


def translate(context: str, text: str) -> str:
    """``text`` in the language installed now (``context`` is the class name, as ``self.tr`` uses)."""
    return QCoreApplication.translate(context, text)


def current() -> str:
    """'en' or 'es': the language the tray speaks now."""
    return _language


def install(lang: str) -> bool:
    """Speak ``lang`` from now on: our catalogue, and Qt's own for its standard buttons (Yes/No, Cancel).
    Returns False when no catalogue for ``lang`` could be loaded (the tray then stays in English)."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _language = "en"
    if lang == "en" or app is None:
        return lang == "en"
    ours = QTranslator(app)
    if not ours.load(f"{STEM}_{lang}", str(FOLDER)):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's catalogue ships with PySide6; without it the buttons stay in English
    if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    _language = lang
    return True


@cache
def _sites() -> dict[str, dict[str, str]]:
    text = (resources.files("clientsafe") / "data" / "sites.json").read_text(encoding="utf-8")
    return dict(json.loads(text)["sites"])


def site_name(key: str, lang: str | None = None) -> str:
    """The name people know a site by ("LinkedIn", not "linkedin"); an unknown key is shown as it is."""
    names = _sites().get(key)
    if not names:
        return key
    return names.get(lang or _language) or names.get("en") or key
