"""Autosave and crash recovery: a session lock with our PID, and a minute-by-minute autosave.

Each running window writes ``session-<pid>.lock`` (its PID, host and the project file it edits,
if any) and, while there are unsaved changes,
``session-<pid>.briefing`` (atomically, via the core's ``save_briefing``) under
``user_data_dir()/autosave``. A clean exit removes both. At start, an autosave whose lock names a
process that no longer runs comes from a session that crashed, and is offered for restoring,
under the file name it had.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from briefing_studio.atomic import atomic_write_text, remove_stale_temporaries
from briefing_studio.errors import BriefingError
from briefing_studio.paths import user_data_dir
from briefing_studio.project import save_briefing
from briefing_studio.ui.state import BriefingState

INTERVAL_MS = 60_000


def autosave_dir() -> Path:
    folder = user_data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pid_alive(pid: int) -> bool:
    """True when a process with this PID runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class CrashedSession:
    """What a crashed session left: its autosave and its lock."""

    autosave: Path
    lock: Path
    project_path: Path | None = None  # the .briefing file that session was editing, if saved


def read_lock(lock: Path) -> tuple[int, str, Path | None]:
    """(pid, host, project file) written in a lock file; (0, "", None) when unreadable."""
    try:
        lines = [line.strip() for line in lock.read_text(encoding="utf-8").splitlines()]
        pid = int(lines[0])
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return 0, "", None
    host = lines[1] if len(lines) > 1 else ""
    project = Path(lines[2]) if len(lines) > 2 and lines[2] else None
    return pid, host, project


def crashed_sessions(folder: Path | None = None) -> list[CrashedSession]:
    """Autosaves whose session is gone without a clean exit, newest first."""
    folder = folder or autosave_dir()
    found = []
    for lock in folder.glob("session-*.lock"):
        pid, host, project = read_lock(lock)
        if pid == os.getpid():
            continue
        if host and host != socket.gethostname():
            continue  # another machine's session (shared home folder): cannot tell
        if pid_alive(pid):
            continue
        autosave = lock.with_suffix(".briefing")
        if autosave.exists():
            found.append(CrashedSession(autosave, lock, project))
        else:
            _remove_session_files(lock)
    return sorted(found, key=lambda c: c.autosave.stat().st_mtime, reverse=True)


def discard(session: CrashedSession) -> None:
    _remove_session_files(session.autosave, session.lock)


def _remove_session_files(*paths: Path) -> None:
    """A gone session's files, and the temporaries of the saves it was killed in: their only
    writer is dead, so they go at once rather than after ``atomic.STALE_AFTER_S``."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
        remove_stale_temporaries(path.parent, path.name, older_than=0)


class Autosaver(QObject):
    """Holds this session's lock and autosaves the state every ``interval_ms`` when modified.

    A failed autosave (full disk, read-only folder) is reported through ``failed`` and tried
    again at the next tick; it never interrupts the user.
    """

    failed = Signal(object)  # the BriefingError

    def __init__(
        self, state: BriefingState, interval_ms: int = INTERVAL_MS, folder: Path | None = None
    ) -> None:
        super().__init__(state)
        self.state = state
        folder = folder or autosave_dir()
        self.lock_path = folder / f"session-{os.getpid()}.lock"
        self.autosave_path = folder / f"session-{os.getpid()}.briefing"
        self._dirty = False
        self.project_path: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        state.changed.connect(self._mark_dirty)
        state.undo_stack.cleanChanged.connect(self._clean_changed)

    def start(self) -> None:
        self._write_lock()
        self.timer.start()

    def set_project_path(self, path: Path | None) -> None:
        """The file the work belongs to, so a recovery can restore it under that name."""
        if path != self.project_path:
            self.project_path = path
            if self.timer.isActive():
                self._write_lock()

    def _write_lock(self) -> None:
        project = str(self.project_path) if self.project_path else ""
        try:
            atomic_write_text(self.lock_path, f"{os.getpid()}\n{socket.gethostname()}\n{project}\n")
        except BriefingError as exc:
            self.failed.emit(exc)

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self._remove(self.autosave_path)

    def save_now(self) -> bool:
        """Autosave if there are changes since the last autosave; returns True if written."""
        if not self.state.modified:
            self._remove(self.autosave_path)
            return False
        if not self._dirty and self.autosave_path.exists():
            return False
        try:
            save_briefing(self.state.snapshot(), self.autosave_path)
        except BriefingError as exc:
            self.failed.emit(exc)
            return False
        self._dirty = False
        return True

    def stop(self) -> None:
        """A clean exit: no autosave and no lock are left behind."""
        self.timer.stop()
        self._remove(self.autosave_path)
        self._remove(self.lock_path)

    @staticmethod
    def _remove(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()
