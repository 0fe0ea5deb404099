"""Atomic writes for every file the user keeps: a temporary file beside the target, then rename.

A crash, a full disk or a read-only folder leaves the previous file intact and no partial file
behind; a temporary file a killed process could not remove is removed by the next save of the
same file, or by ``remove_stale_temporaries`` on a folder at start-up.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing_studio.errors import BriefingError

# A temporary file is ".<target name>.<8 characters from mkstemp>.tmp". One that has not been
# written to for this long was left by a save that was killed (kill -9, a power cut): nothing
# removed it, and it may be as large as the file. A younger one may be another process saving.
STALE_AFTER_S = 10 * 60
_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


def atomic_write_with(path: str | Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a temporary binary file beside ``path`` and move it into place.

    Stale temporaries an earlier, killed save of the same file left behind are removed first.
    """
    target = Path(path)
    remove_stale_temporaries(target.parent or Path("."), target.name)
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


def remove_stale_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Delete our stale temporary files in ``folder`` (of the file ``name``, or of any file).

    Only files named as ``atomic_write_with`` names them and untouched for ``STALE_AFTER_S``
    are removed; nothing else is ever touched, and a folder that cannot be read is left alone.
    Returns what was removed.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None or (name is not None and match.group("target") != name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_S:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


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
