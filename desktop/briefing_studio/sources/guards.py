"""Opening a user's file safely: each way it can be missing or unreadable is a ``BriefingError``.

The checks run from cheapest to costliest and before any byte is read, so a folder, a missing
file or a 2 GB video picked by mistake is refused at once instead of hanging the app.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing_studio.errors import BriefingError, os_error
from briefing_studio.sources.limits import MAX_BYTES, megabytes


def check_file(path: Path) -> int:
    """Make sure ``path`` is a readable, non-empty file within ``MAX_BYTES``; return its size."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BriefingError("Không tìm thấy tệp.", "The file does not exist.", path=path) from None
    except PermissionError:
        raise _permission_error(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    if path.is_dir():
        raise BriefingError(
            "Đây là một thư mục, không phải tệp văn bản.",
            "This is a folder, not a file.",
            path=path,
        )
    if info.st_size > MAX_BYTES:
        raise BriefingError(
            f"Tệp quá lớn ({megabytes(info.st_size)}); giới hạn là {megabytes(MAX_BYTES)}.",
            f"The file is too large ({megabytes(info.st_size)}); the limit is "
            f"{megabytes(MAX_BYTES)}.",
            path=path,
        )
    if info.st_size == 0:
        raise empty_error(path)
    return info.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes after ``check_file``; read errors become ``BriefingError``."""
    check_file(path)
    try:
        with path.open("rb") as handle:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise _permission_error(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    if len(data) > MAX_BYTES:
        raise BriefingError(
            f"Tệp quá lớn; giới hạn là {megabytes(MAX_BYTES)}.",
            f"The file is too large; the limit is {megabytes(MAX_BYTES)}.",
            path=path,
        )
    return data


def check_readable(path: Path) -> None:
    """``check_file`` plus an open test, for loaders whose library opens the file itself."""
    check_file(path)
    if not os.access(path, os.R_OK):
        raise _permission_error(path)
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        raise _permission_error(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None


def empty_error(path: Path | str | None) -> BriefingError:
    """The file holds no text (0 bytes, only whitespace, or nothing extractable)."""
    return BriefingError(
        "Tệp trống: không có nội dung văn bản nào.",
        "The file is empty: it contains no text.",
        path=path,
    )


def _permission_error(path: Path) -> BriefingError:
    return BriefingError(
        "Không có quyền đọc tệp này.",
        "Permission denied: the file cannot be read.",
        path=path,
    )


def _os_error(path: Path, exc: OSError) -> BriefingError:
    return os_error(exc, "Không đọc được tệp", "The file cannot be read", path)
