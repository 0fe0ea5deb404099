"""The app's settings as ``QSettings`` over the INI file the CLI also reads (``settings.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from briefing_studio import settings as keys

MAX_RECENT = 10


def store() -> QSettings:
    """A ``QSettings`` on ``settings_file()``, so GUI and CLI share one file."""
    path = keys.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def get_str(key: str, default: str = "") -> str:
    value = store().value(key, default)
    return str(value) if value is not None else default


def set_value(key: str, value: object) -> None:
    settings = store()
    settings.setValue(key, value)
    settings.sync()


def language() -> str:
    """``vi`` (the default) or ``en``."""
    return "en" if get_str(keys.KEY_LANGUAGE, "vi") == "en" else "vi"


AUTOSAVE_DEFAULT_S = 60
AUTOSAVE_RANGE_S = (10, 3600)


def autosave_interval_s() -> int:
    """Seconds between autosaves: the setting, within ``AUTOSAVE_RANGE_S``; 60 by default."""
    try:
        seconds = int(get_str(keys.KEY_AUTOSAVE_INTERVAL, str(AUTOSAVE_DEFAULT_S)))
    except ValueError:
        seconds = AUTOSAVE_DEFAULT_S
    low, high = AUTOSAVE_RANGE_S
    return min(max(seconds, low), high)


def recent_files() -> list[str]:
    value = store().value(keys.KEY_RECENT_FILES, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or []]


def add_recent_file(path: str | Path) -> None:
    """Put ``path`` first in the recent files, without repeats."""
    text = str(Path(path))
    items = [text] + [p for p in recent_files() if p != text]
    set_value(keys.KEY_RECENT_FILES, items[:MAX_RECENT])


def clear_recent_files() -> None:
    set_value(keys.KEY_RECENT_FILES, [])


def templates_dir() -> Path:
    """The editors' templates folder (the same answer the CLI gets)."""
    return keys.user_templates_dir()


def last_folder() -> str:
    return get_str(keys.KEY_LAST_FOLDER, str(Path.home()))


def set_last_folder(path: str | Path) -> None:
    folder = Path(path)
    set_value(keys.KEY_LAST_FOLDER, str(folder if folder.is_dir() else folder.parent))
