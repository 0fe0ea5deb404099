"""Where bundled files (templates, fonts, seeds, translations) and user folders live.

Three layouts must work: an installed wheel (files under ``briefing_studio/_data``), a source
checkout or editable install (the repository's top-level folders), and the PyInstaller bundle
(``sys._MEIPASS``). User folders come from platformdirs so they follow each OS's conventions.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "BriefingStudio"
APP_AUTHOR = "BriefingStudio"
_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder that holds ``templates/``, ``resources/`` and ``seeds/``."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "briefing_studio" / "_data")
    candidates.append(_PACKAGE_DIR / "_data")
    candidates.append(_PACKAGE_DIR.parent.parent)  # desktop/briefing_studio → repository root
    for candidate in candidates:
        if (candidate / "templates").is_dir() and (candidate / "resources").is_dir():
            return candidate
    raise RuntimeError(f"Bundled data not found; looked in {[str(c) for c in candidates]}")


def templates_dir() -> Path:
    """Built-in templates."""
    return data_root() / "templates"


def resources_dir() -> Path:
    """Fonts, icons, translations."""
    return data_root() / "resources"


def fonts_dir() -> Path:
    """Bundled TrueType fonts (Liberation Serif/Sans, SIL OFL)."""
    return resources_dir() / "fonts"


def seeds_dir() -> Path:
    """The two sample texts that make the app's default briefing."""
    return data_root() / "seeds"


def seed_files() -> list[Path]:
    """The seed texts in a stable order."""
    return sorted(seeds_dir().glob("*.txt"))


def _user_dir(kind: str, platform_dir: Callable[[str, str], str]) -> Path:
    """A per-user folder, created on first use; ``BRIEFING_STUDIO_HOME`` redirects all of them
    (tests, portable installs) to ``$BRIEFING_STUDIO_HOME/<kind>``."""
    override = os.environ.get("BRIEFING_STUDIO_HOME")
    path = Path(override) / kind if override else Path(platform_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    """Per-user data (autosave, recent files, editors' templates)."""
    return _user_dir("data", platformdirs.user_data_dir)


def user_cache_dir() -> Path:
    """Per-user cache (NER results by content hash)."""
    return _user_dir("cache", platformdirs.user_cache_dir)


def user_config_dir() -> Path:
    """Per-user settings (the INI file QSettings and the CLI share)."""
    return _user_dir("config", platformdirs.user_config_dir)


def default_user_templates_dir() -> Path:
    """Where editors' own templates go unless settings name another folder."""
    return user_data_dir() / "templates"
