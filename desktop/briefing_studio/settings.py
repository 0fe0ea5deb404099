"""Where the app's settings live, readable without Qt so the CLI sees the same choices.

The GUI keeps its settings with ``QSettings`` in INI format at ``settings_file()``; the CLI reads
the few keys it needs (the user templates folder, the default agency) from that file with
``configparser``. Keys are
listed here so both sides spell them the same way.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from briefing_studio.briefing import Agency
from briefing_studio.paths import default_user_templates_dir, user_config_dir

KEY_LANGUAGE = "ui/language"  # "vi" or "en"
KEY_TEMPLATES_DIR = "templates/user_dir"
KEY_AGENCY_PARENT = "agency/parent"
KEY_AGENCY_NAME = "agency/name"
KEY_AGENCY_PLACE = "agency/place"
KEY_RECENT_FILES = "files/recent"
KEY_LAST_FOLDER = "files/last_folder"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTERS = "window/splitters"  # + "/<splitter name>": each panel divider's position
KEY_LAST_TEMPLATE = "templates/last_used"  # the template a new briefing starts with
# Digital signatures: the token's PKCS#11 library (the PIN is asked each time, never stored),
# which token and key, a timestamp server (none: sign offline), the office's own trusted roots.
KEY_SIGN_PKCS11_LIB = "signing/pkcs11_library"
KEY_SIGN_TOKEN_LABEL = "signing/token_label"
KEY_SIGN_KEY_LABEL = "signing/key_label"
KEY_SIGN_TSA_URL = "signing/tsa_url"
KEY_SIGN_TRUST = "signing/trusted_roots"  # certificate files, separated by os.pathsep
KEY_SIGN_LAST_P12 = "signing/last_p12"  # the certificate file last signed with (no password)
KEY_AUTOSAVE_INTERVAL = "autosave/interval_s"  # seconds between autosaves of unsaved work
# The source library: where it is (empty: a SQLite file in the user's data folder; a
# "postgresql://…" connection string: the office's shared server), whether opened sources are
# added to it, and the folders scanned into it (separated by os.pathsep).
KEY_LIBRARY_DATABASE = "library/database"
KEY_LIBRARY_AUTO_ADD = "library/auto_add"  # "false" turns the automatic add off
KEY_LIBRARY_WATCHED = "library/watched_folders"


def settings_file() -> Path:
    """The INI file QSettings writes (``BRIEFING_STUDIO_HOME`` redirects it for tests)."""
    return user_config_dir() / "settings.ini"


def read_setting(key: str) -> str | None:
    """One string value from the settings file, or None; a damaged file reads as empty."""
    section, _, name = key.partition("/")
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
        value = parser.get(section, name, fallback=None)
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    if value is None:
        return None
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value or None


def user_templates_dir() -> Path:
    """The editors' templates folder chosen in the app, else the default one."""
    chosen = read_setting(KEY_TEMPLATES_DIR)
    if chosen:
        return Path(chosen)  # a missing chosen folder (offline drive) is reported, not created
    folder = default_user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_agency() -> Agency:
    """The issuing agency new briefings start with, as set in the app's settings."""
    base = Agency()
    return Agency(
        parent=read_setting(KEY_AGENCY_PARENT) or base.parent,
        name=read_setting(KEY_AGENCY_NAME) or base.name,
        place=read_setting(KEY_AGENCY_PLACE) or base.place,
    )


def trusted_root_files() -> list[Path]:
    """The root certificate files the office trusts besides the system's (Settings)."""
    value = read_setting(KEY_SIGN_TRUST) or ""
    return [Path(item.strip()) for item in value.split(os.pathsep) if item.strip()]
