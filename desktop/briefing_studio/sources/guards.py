"""Opening a user's file safely: each way it can be missing or unreadable is a ``BriefingError``.

The checks run from cheapest to costliest and before any byte is read, so a folder, a missing
file or a 2 GB video picked by mistake is refused at once instead of hanging the app.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing_studio.errors import BriefingError, os_error
from briefing_studio.sources.limits import (
    MAX_BYTES,
    MAX_TEXT_BYTES,
    TEXT_LIMIT_SECONDS,
    megabytes,
)


def check_file(path: Path, limit: int = MAX_BYTES) -> int:
    """Make sure ``path`` is a readable, non-empty file within ``limit``; return its size."""
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
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device reads as 0 bytes, not "empty"
        raise not_regular_error(path, info.st_mode)
    if info.st_size > limit:
        raise too_large_error(path, info.st_size, limit)
    if info.st_size == 0:
        raise empty_error(path)
    return info.st_size


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes after ``check_file``; read errors become ``BriefingError``."""
    check_file(path, limit)
    return read_regular(path, limit)


# O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (the
# fstat below then refuses it). Windows has neither flag nor FIFOs; O_BINARY is Windows-only.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Anything a shared folder or an e-mail can hold is refused without blocking or reading it
    whole: a FIFO, a device (a link to ``/dev/zero``), a folder, a file larger than ``limit``
    (a huge sparse file is refused from its size, and at most ``limit + 1`` bytes are ever
    read in case it grows). Every problem is a ``BriefingError`` naming ``path``.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise BriefingError("Không tìm thấy tệp.", "The file does not exist.", path=path) from None
    except PermissionError:
        raise _permission_error(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular_error(path, info.st_mode)
        if info.st_size > limit:
            raise too_large_error(path, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: ordinary reads from here on
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except PermissionError:
        raise _permission_error(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew after fstat
        raise too_large_error(path, size, limit)
    return b"".join(chunks)


def not_regular_error(path: Path | str, mode: int) -> BriefingError:
    """``path`` is a FIFO, a device, a socket or a folder: never read as a file."""
    kind_vi, kind_en = next(
        ((vi, en) for test, vi, en in _KINDS if test(mode)), ("tệp đặc biệt", "a special file")
    )
    return BriefingError(
        f"Không phải tệp thông thường mà là {kind_vi}; không đọc.",
        f"This is not a regular file but {kind_en}; it was not read.",
        path=path,
    )


def too_large_error(path: Path | str, size: int, limit: int) -> BriefingError:
    if limit == MAX_TEXT_BYTES:  # say why a text file has a lower limit than a PDF
        return BriefingError(
            f"Tệp quá lớn ({_size(size)}); giới hạn cho tệp văn bản và HTML là {_size(limit)}, "
            f"cỡ mà máy này phân tích mất khoảng {TEXT_LIMIT_SECONDS} giây. Hãy tách tệp.",
            f"The file is too large ({_size(size)}); the limit for text and HTML files is "
            f"{_size(limit)}, which takes this machine about {TEXT_LIMIT_SECONDS} s to analyse. "
            "Split the file.",
            path=path,
        )
    return BriefingError(
        f"Tệp quá lớn ({_size(size)}); giới hạn là {_size(limit)}.",
        f"The file is too large ({_size(size)}); the limit is {_size(limit)}.",
        path=path,
    )


_KINDS = (
    (stat.S_ISDIR, "một thư mục", "a folder"),
    (stat.S_ISFIFO, "một đường ống (FIFO)", "a pipe (FIFO)"),
    (stat.S_ISCHR, "một thiết bị", "a device"),
    (stat.S_ISBLK, "một thiết bị", "a device"),
    (stat.S_ISSOCK, "một socket", "a socket"),
)


def _size(size: int) -> str:
    return megabytes(size) if size >= 1024 * 1024 else f"{size:,} byte".replace(",", ".")


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
