"""reportlab's parse of each bundled TrueType face, kept on disk between processes.

reportlab reads a TrueType file's tables (names, metrics, the character map, every glyph's
width and position) each time a process registers the face: 20-30 ms a face, four faces for a
family, a sixth of a command-line render's time. The result depends only on the file's bytes
and on reportlab's code, so it is kept in the user cache folder, one pickle a face, named by the
SHA-256 of the font file, reportlab's version and ``FORMAT``; the file's bytes themselves are not
kept (they are read again, as they are needed to embed subsets).

Entries are written atomically; one that cannot be read (torn, foreign, from other code) is
removed and the face parsed again; when the entry cannot be written the face is simply parsed
again next time. The folder is the user's own: whoever can write it can already run code as the
user, so unpickling from it adds no risk.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import operator
import os
import pickle
from pathlib import Path
from typing import TypeVar

import reportlab
from reportlab.pdfbase.ttfonts import TTFontFace

from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.errors import BriefingError

log = logging.getLogger(__name__)

# Raise when what is kept of a face changes.
FORMAT = 1
FOLDER = "fonts-v1"
SUFFIX = ".pickle"
# Not kept: the file's bytes (read again) and the scale function (made from ``unitsPerEm``).
_NOT_KEPT = ("_ttf_data", "_pdfScale")

Face = TypeVar("Face", bound=TTFontFace)


def default_folder() -> Path:
    """The per-user folder the app and the command line share."""
    from briefing_studio.paths import user_cache_dir

    return user_cache_dir() / FOLDER


def load_face(face_class: type[Face], path: Path, folder: Path | None = None) -> Face:
    """The parsed face of the TrueType file ``path``, from ``folder`` when it was kept there.

    Raises what reportlab raises for a file it cannot read (``OSError``, ``TTFError``).
    """
    data = path.read_bytes()
    folder = default_folder() if folder is None else folder
    entry = folder / f"{_safe_stem(path)}-{_key(data)}{SUFFIX}"
    face = _read(face_class, entry, path, data)
    if face is None:
        face = face_class(str(path))
        _write(face, entry)
    return face


def _key(data: bytes) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\0{reportlab.Version}\0{FORMAT}".encode())
    return digest.hexdigest()[:32]


def _safe_stem(path: Path) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in path.stem)


def _read(face_class: type[Face], entry: Path, path: Path, data: bytes) -> Face | None:
    try:
        kept = entry.read_bytes()
    except OSError:
        return None
    try:
        state = pickle.loads(kept)
        if not isinstance(state, dict) or not isinstance(state.get("unitsPerEm"), int):
            raise ValueError("not a parsed face")
        face = face_class.__new__(face_class)
        face.__dict__.update(state)
        face.__dict__.update(_ttf_data=data, filename=str(path), _pdfScale=_scale(state))
    except Exception as error:
        log.warning("font cache entry %s unreadable, parsing the font again: %s", entry, error)
        _remove(entry)
        return None
    return face


def _scale(state: dict) -> functools.partial | object:
    """reportlab's glyph units → 1/1000 em (what ``extractInfo`` sets as ``_pdfScale``)."""
    units = state["unitsPerEm"]
    if units == 1000:
        return _identity
    return functools.partial(operator.mul, 1000 / units)


def _identity(value):
    return value


def _write(face: TTFontFace, entry: Path) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_KEPT}
    state.pop("_subsets", None)  # subsets made by this process (fonts._TTFontFace)
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # a reportlab that keeps something unpicklable: parse each time
        log.warning("font %s not cached: %s", face.filename, error)
        return
    stem = entry.name.rsplit("-", 1)[0]
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for stale in entry.parent.glob(f"{stem}-*{SUFFIX}"):  # other fonts' or reportlab's
            if stale.name.rsplit("-", 1)[0] == stem and stale != entry:
                _remove(stale)
        atomic_write_bytes(entry, data)
    except (OSError, BriefingError) as error:
        log.warning("font cache %s not written: %s", entry.parent, error)


def _remove(path: Path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
