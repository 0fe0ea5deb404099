"""Loading the interface translation: Vietnamese by default, English on request.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``); the Vietnamese comes
from ``resources/translations/briefing_vi.qm``, compiled from ``briefing_vi.ts`` with
``pyside6-lrelease``. Qt's own ``qtbase_vi`` is installed too when PySide6 ships one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from briefing_studio.paths import resources_dir

LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []
_current = "vi"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install(language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); returns it."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language if language in LANGUAGES else "vi"
    if _current == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        _load(app, "briefing_vi", translations_dir())
        _load(app, "qtbase_vi", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return _current


def _load(app: QCoreApplication, name: str, folder: Path) -> None:
    translator = QTranslator(app)
    if translator.load(name, str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)


def current_language() -> str:
    """The interface language in use (``vi`` or ``en``)."""
    return _current
