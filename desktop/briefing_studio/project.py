"""``.briefing`` project files: a versioned JSON document holding a whole ``Briefing``.

The sources' text is embedded (with its hash) so a project opens on another machine without the
original files. Writes are atomic; reading rejects anything that is not a project of a version
this build understands, with a message naming the file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from briefing_studio import __version__
from briefing_studio.atomic import atomic_write_text
from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError, os_error

FORMAT = "briefing-studio/briefing"
VERSION = 1
SUFFIX = ".briefing"
MAX_PROJECT_BYTES = 200 * 1024 * 1024  # embedded sources are capped far below this


def briefing_to_json(briefing: Briefing) -> dict:
    """The project document for ``briefing`` (also what autosave writes)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "briefing": briefing.to_json(),
    }


def save_briefing(briefing: Briefing, path: str | Path) -> Path:
    """Write ``briefing`` to ``path`` atomically; returns the path written."""
    target = Path(path)
    text = json.dumps(briefing_to_json(briefing), ensure_ascii=False, indent=1)
    atomic_write_text(target, text + "\n")
    return target


def load_briefing(path: str | Path) -> Briefing:
    """Read a project file; every problem becomes a ``BriefingError`` naming the file."""
    source = Path(path)
    data = _read_json(source)
    return briefing_from_project(data, source)


def briefing_from_project(data: object, path: str | Path = "") -> Briefing:
    """Check the envelope of a project document and build the ``Briefing`` inside it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BriefingError(
            "Tệp không phải là tệp dự án Briefing Studio (.briefing).",
            "This is not a Briefing Studio project (.briefing) file.",
            path=path,
        )
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BriefingError(
            f"Tệp được tạo bởi phiên bản mới hơn (định dạng {version}); "
            f"phiên bản này chỉ đọc được định dạng {VERSION}. Hãy cập nhật Briefing Studio.",
            f"The file was made by a newer version (format {version}); this version reads "
            f"format {VERSION}. Please update Briefing Studio.",
            path=path,
        )
    try:
        return Briefing.from_json(data["briefing"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BriefingError(
            f"Tệp dự án bị hỏng hoặc thiếu dữ liệu ({exc}).",
            f"The project file is damaged or incomplete ({exc}).",
            path=path,
        ) from exc


def _read_json(path: Path) -> object:
    try:
        size = path.stat().st_size
        if size > MAX_PROJECT_BYTES:
            raise BriefingError("Tệp dự án quá lớn.", "The project file is too large.", path=path)
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise BriefingError("Không tìm thấy tệp.", "File not found.", path=path) from exc
    except IsADirectoryError as exc:
        raise BriefingError(
            "Đây là thư mục, không phải tệp.", "This is a folder.", path=path
        ) from exc
    except OSError as exc:
        raise os_error(exc, "Không đọc được tệp", "Cannot read the file", path) from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BriefingError(
            "Tệp dự án bị hỏng (không phải JSON hợp lệ).",
            "The project file is damaged (not valid JSON).",
            path=path,
        ) from exc
