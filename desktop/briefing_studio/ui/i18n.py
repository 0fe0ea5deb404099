"""Loading the interface translation: Vietnamese by default, English on request.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``); the Vietnamese comes
from ``resources/translations/briefing_vi.qm``, compiled from ``briefing_vi.ts`` with
``pyside6-lrelease``. PySide6 ships no Vietnamese for Qt's own strings (standard buttons, the
file, colour and print dialogs, text fields' context menus), so ``qtbase_vi.ts`` beside it holds
those, built the same way and installed with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from briefing_studio.paths import resources_dir

LANGUAGES = ("vi", "en")
# The app's own strings and our Vietnamese for Qt's strings, both in ``translations_dir()``.
CATALOGUES = ("briefing_vi", "qtbase_vi")
_installed: list[QTranslator] = []
_current = "vi"
# A context no catalogue has: translating in it gives Qt's untranslated text (with %n filled in).
_NO_CONTEXT = "briefing_studio:untranslated"


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
        # Qt's own Vietnamese if a PySide6 ever ships one, then ours (asked first: translators
        # installed later win), so the words we chose for Qt's strings are the ones shown.
        _load(app, "qtbase_vi", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        for name in CATALOGUES:
            _load(app, name, translations_dir())
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


def translate(owner: object, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the context of the first class of ``owner`` (in method order) that has it.

    PySide6's ``QObject.tr`` tries each class of the object in turn too, but stops at the first
    answer that differs from the source text; with a plural the untranslated answer already
    differs (``%n`` is filled in), so a string of a mixin or a base class came out in English.
    Here an answer counts only when it differs from what no translation at all gives.
    """
    untranslated = QCoreApplication.translate(_NO_CONTEXT, text, disambiguation, n)
    for cls in type(owner).__mro__:
        found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
        if found != untranslated:
            return found
    return untranslated


class Translated:
    """Gives a class (a mixin of a window, or a widget others subclass) a ``tr`` that finds its
    strings whatever the object's own class is; see ``translate``."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self, text, disambiguation, n)
