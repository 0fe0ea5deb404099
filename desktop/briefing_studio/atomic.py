"""Atomic writes for every file the user keeps: a temporary file beside the target, then rename.

A crash, a full disk or a read-only folder leaves the previous file intact and no partial file
behind; a temporary file a killed process could not remove is removed by the next save of the
same file, or by ``remove_stale_temporaries`` on a folder at start-up. ``atomic_write_many``
extends this to a set of files (an export's DOCX and PDF): either all of them are replaced or
none is.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from briefing_studio.errors import BriefingError, os_error, os_reason

_KEPT_VI = "Tệp cũ, nếu có, vẫn được giữ nguyên."
_KEPT_EN = "The previous file, if any, is unchanged."

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
        tmp_name = _stage(target, write)
        try:
            os.replace(tmp_name, target)
        except OSError:
            _remove(tmp_name)
            raise
    except OSError as exc:
        raise _write_error(target, exc) from exc


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    atomic_write_with(path, lambda handle: handle.write(data))


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_many(files: Sequence[tuple[str | Path, bytes]]) -> None:
    """Write every ``(path, data)`` or none: when one cannot be written, the others are undone.

    All contents go to temporary files first; only then are they moved into place, each over
    its previous version kept aside, so a failing move puts back what the earlier moves
    replaced (or removes what they created). The error names the file that failed and what
    became of the others.
    """
    items = [(Path(path), data) for path, data in files]
    staged: list[tuple[Path, str]] = []
    for target, data in items:
        try:
            staged.append((target, _stage(target, lambda handle, d=data: handle.write(d))))
        except OSError as exc:
            _remove(*(tmp for _, tmp in staged))
            raise _many_error(target, exc, items) from exc
        except BaseException:
            _remove(*(tmp for _, tmp in staged))
            raise
    backups: dict[Path, str] = {}
    try:
        for target, _ in staged:
            if target.is_file():
                backups[target] = _keep_aside(target)
    except OSError as exc:
        _remove(*(tmp for _, tmp in staged), *backups.values())
        raise _many_error(target, exc, items) from exc
    moved: list[Path] = []
    for index, (target, tmp_name) in enumerate(staged):
        try:
            os.replace(tmp_name, target)
        except OSError as exc:
            _remove(*(tmp for _, tmp in staged[index:]))
            had_old = frozenset(backups)
            stuck = _undo(moved, backups)
            _remove(*backups.values())
            raise _many_error(target, exc, items, moved, had_old, stuck) from exc
        moved.append(target)
    _remove(*backups.values())


def _stage(target: Path, write: Callable[[BinaryIO], None]) -> str:
    """A temporary file beside ``target`` holding what ``write`` wrote, flushed to disk.

    Any failure removes the temporary file and propagates (``OSError`` for the system's
    refusals).
    """
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
    )
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
    except BaseException:
        _remove(tmp_name)
        raise
    return tmp_name


def _keep_aside(target: Path) -> str:
    """A second name for ``target``'s current content (a hard link, else a copy)."""
    name = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(target, name)
    except OSError:
        shutil.copy2(target, name)
    return name


def _undo(moved: Sequence[Path], backups: dict[Path, str]) -> dict[Path, OSError]:
    """Put back the previous versions of ``moved`` (or remove new ones); returns what failed."""
    stuck: dict[Path, OSError] = {}
    for target in reversed(moved):
        try:
            if target in backups:
                os.replace(backups.pop(target), target)
            else:
                os.unlink(target)
        except OSError as exc:
            stuck[target] = exc
    return stuck


def _remove(*names: str) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)


def remove_stale_temporaries(
    folder: Path, name: str | None = None, *, older_than: float = STALE_AFTER_S
) -> list[Path]:
    """Delete our stale temporary files in ``folder`` (of the file ``name``, or of any file).

    Only files named as ``atomic_write_with`` names them and untouched for ``older_than``
    seconds are removed; nothing else is ever touched, and a folder that cannot be read is
    left alone. ``older_than=0`` is for a file whose only writer is known to be gone (a killed
    session's autosave). Returns what was removed.
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
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _apply_umask(name: str) -> None:
    # mkstemp creates 0600 files; a new user file should get the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(name, 0o666 & ~umask)


def _about_target(exc: OSError) -> OSError:
    """``exc`` without the temporary file's name it may carry: the message names the target."""
    return OSError(exc.errno, exc.strerror) if exc.errno is not None else exc


def _write_error(target: Path, exc: OSError) -> BriefingError:
    return os_error(
        _about_target(exc),
        "Không ghi được tệp",
        "Could not write the file",
        target,
        _KEPT_VI,
        _KEPT_EN,
    )


def _many_error(
    failed: Path,
    exc: OSError,
    items: Sequence[tuple[Path, bytes]],
    moved: Sequence[Path] = (),
    had_old: frozenset[Path] = frozenset(),
    stuck: dict[Path, OSError] | None = None,
) -> BriefingError:
    """The file that failed, and what became of the others: none written, or which remain."""
    stuck = stuck or {}
    others = [target.name for target, _ in items if target != failed]
    removed = [t.name for t in moved if t not in stuck and t not in had_old]
    restored = [t.name for t in moved if t not in stuck and t in had_old]
    if stuck:
        vi = [f"Các tệp khác không được ghi, trừ {', '.join(t.name for t in stuck)}."]
        en = [f"The other files were not written, except {', '.join(t.name for t in stuck)}."]
    else:
        vi = ["Không tệp nào được ghi" + (f", kể cả {', '.join(others)}." if others else ".")]
        en = ["No file was written" + (f", including {', '.join(others)}." if others else ".")]
    if removed:
        vi.append(f"Đã xóa lại {', '.join(removed)} vừa ghi.")
        en.append(f"{', '.join(removed)}, written a moment before, was removed again.")
    if restored:
        vi.append(f"Đã trả lại bản cũ của {', '.join(restored)}.")
        en.append(f"The previous {', '.join(restored)} was put back.")
    for target, error in stuck.items():
        vi.append(f"Không hoàn lại được {target.name} ({os_reason(error, 'vi', target)}).")
        en.append(f"Could not undo {target.name} ({os_reason(error, 'en', target)}).")
    vi.append(_KEPT_VI if not stuck else "")
    en.append(_KEPT_EN if not stuck else "")
    return os_error(
        _about_target(exc),
        "Không ghi được tệp",
        "Could not write the file",
        failed,
        " ".join(filter(None, vi)),
        " ".join(filter(None, en)),
    )
