"""Atomic writes for every file the user keeps: a temporary file beside the target, then rename.

A crash, a full disk or a read-only folder leaves the previous file intact and no partial file
behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing_studio.errors import BriefingError


def atomic_write_with(path: str | Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a temporary binary file beside ``path`` and move it into place."""
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:
        raise _write_error(target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            _apply_umask(tmp_name)
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise _write_error(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    atomic_write_with(path, lambda handle: handle.write(data))


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _apply_umask(name: str) -> None:
    # mkstemp creates 0600 files; a new user file should get the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(name, 0o666 & ~umask)


def _write_error(target: Path, exc: OSError) -> BriefingError:
    reason = exc.strerror or str(exc)
    return BriefingError(
        f"Không ghi được tệp ({reason}). Tệp cũ, nếu có, vẫn được giữ nguyên.",
        f"Could not write the file ({reason}). The previous file, if any, is unchanged.",
        path=target,
    )
