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
from briefing_studio.briefing import Briefing, ProjectFieldError, describe_json
from briefing_studio.errors import BriefingError
from briefing_studio.sources.guards import read_regular

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
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BriefingError(
            f"Tệp dự án bị hỏng: trường “version” phải là một số nguyên từ 1 trở lên "
            f"(đang là {describe_json(version)}).",
            f"The project file is damaged: the field “version” must be a whole number from 1 "
            f"up (found {describe_json(version)}).",
            path=path,
        )
    if version > VERSION:
        raise BriefingError(
            f"Tệp được tạo bởi phiên bản mới hơn (định dạng {version}); "
            f"phiên bản này chỉ đọc được định dạng {VERSION}. Hãy cập nhật Briefing Studio.",
            f"The file was made by a newer version (format {version}); this version reads "
            f"format {VERSION}. Please update Briefing Studio.",
            path=path,
        )
    try:
        return Briefing.from_json(data.get("briefing"))
    except ProjectFieldError as exc:
        raise BriefingError(
            f"Tệp dự án bị hỏng: trường “{exc.field}” phải là {exc.expected_vi} "
            f"(đang là {exc.found}).",
            f"The project file is damaged: the field “{exc.field}” must be {exc.expected_en} "
            f"(found {exc.found}).",
            path=path,
        ) from exc


def _read_json(path: Path) -> object:
    # A missing file, a folder, a FIFO, a huge file: each refused with its own reason.
    raw = read_regular(path, MAX_PROJECT_BYTES)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BriefingError(
            "Tệp dự án bị hỏng (không phải JSON hợp lệ).",
            "The project file is damaged (not valid JSON).",
            path=path,
        ) from exc
    except RecursionError as exc:  # json recurses once per nested list or object
        raise BriefingError(
            "Tệp dự án bị hỏng: dữ liệu lồng nhau quá sâu (không phải tệp do Briefing Studio ghi).",
            "The project file is damaged: its data is nested far too deeply (not a file "
            "Briefing Studio wrote).",
            path=path,
        ) from exc
