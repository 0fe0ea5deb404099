"""Filling the library: files and folders on request (CLI, watched folders), and the quiet
automatic add when a source is opened.

Each file is loaded, analysed and added in its own transaction, so cancelling or a bad file
never undoes the others. A file whose size and modification time match the newest stored
version of its path is skipped without being read: rescanning a watched folder of a thousand
files costs a ``stat`` each.

``add_paths_apart`` runs the same scan in a child process, for the GUI: a scan in a thread of
the app shared the interpreter lock with the window, whose thread then waited whenever the
scanning thread held the lock and the system gave it no core (0.64 s at worst over a folder of
1 000 reports on a busy machine).
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing_studio.errors import BriefingError, Cancelled
from briefing_studio.gcpause import gc_paused
from briefing_studio.library.backends import open_library
from briefing_studio.library.records import file_stamp
from briefing_studio.library.store import AddResult, Library, UpgradeNeeded

# Files a folder scan reads. Images and scans need OCR (seconds a page): opening one by hand
# adds it, a folder scan leaves them out.
FOLDER_SUFFIXES = (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf", ".doc", ".rtf", ".odt")
_RETRY_AFTER_S = 60.0  # after a failure, automatic adds wait this long before trying again


@dataclass
class ScanReport:
    added: list[AddResult] = field(default_factory=list)  # new sources and new versions
    duplicates: list[AddResult] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    errors: list[BriefingError] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "added": [r.to_json() for r in self.added],
            "duplicates": [r.to_json() for r in self.duplicates],
            "unchanged": [str(p) for p in self.unchanged],
            "errors": [
                {"path": e.path, "vi": e.message_vi, "en": e.message_en} for e in self.errors
            ],
        }


def files_in(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the readable files inside the folders named (recursively, sorted;
    hidden files and office lock files ``~$…`` left out)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path).expanduser().absolute()
        if not path.is_dir():
            found.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith((".", "~$")):
                    continue
                if Path(name).suffix.lower() in FOLDER_SUFFIXES:
                    found.append(Path(root) / name)
    return found


def add_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanReport:
    """Add every file of ``paths`` (folders walked); raises ``Cancelled`` when asked to stop,
    keeping what was added until then."""
    files = files_in(paths)
    report = ScanReport()
    # The collector's full passes over every object of the app (modules, gazetteer, window) held
    # the GIL for 0.1–0.3 s each, freezing the window during a folder scan. Objects alive now
    # are long-lived: ``gc.freeze`` moves them out of the collector's sight, and the collector
    # stays paused for the scan itself (worst UI pause 256 ms → 59 ms over 150 files).
    gc.freeze()
    with gc_paused():
        _add_files(library, files, report, progress, cancelled)
    return report


def _add_files(library, files, report, progress, cancelled) -> None:
    from briefing_studio.analysis import analyze
    from briefing_studio.sources import load_source

    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, len(files))
        size, mtime = file_stamp(str(path))
        if size is not None and library.unchanged(str(path), size, mtime):
            report.unchanged.append(path)
            continue
        try:
            result = library.add(analyze(load_source(path, cancelled=cancelled)))
        except BriefingError as exc:
            if exc.path == library.where:  # the library itself failed: stop, say why
                raise
            report.errors.append(exc)
            continue
        (report.duplicates if result.status == "duplicate" else report.added).append(result)
    if progress is not None:
        progress(len(files), len(files))


def add_paths_apart(
    paths: Iterable[Path],
    location: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanReport:
    """``add_paths`` into the library at ``location`` (default: the setting), run in a child
    process (``apart.run_apart``); progress and cancelling pass through a pipe, and so does the
    report. Raises ``Cancelled`` when asked to stop and ``BriefingError`` when the library
    fails, as ``add_paths`` does."""
    from briefing_studio.apart import run_apart
    from briefing_studio.library.backends import default_location

    added, duplicates, unchanged, errors = run_apart(
        _scan_child,
        [str(p) for p in paths],
        location or default_location(),
        progress=progress,
        cancelled=cancelled,
        lost=_child_lost,
    )
    return ScanReport(added, duplicates, [Path(p) for p in unchanged], errors)


def _scan_child(paths: list[str], location: str, *, progress, cancelled) -> tuple:
    """The child process of ``add_paths_apart``: the report as plain values."""
    # An upgrade of the library's schema first, with the same progress and Cancel.
    with open_library(location, progress=progress, cancelled=cancelled) as library:
        report = add_paths(
            library, [Path(p) for p in paths], progress=progress, cancelled=cancelled
        )
    return (
        report.added,
        report.duplicates,
        [str(p) for p in report.unchanged],
        report.errors,
    )


def _child_lost(code: int | None) -> BriefingError:
    return BriefingError(
        f"Tiến trình quét thư mục đã dừng bất thường (mã {code}); những tệp đã thêm vẫn còn "
        "trong thư viện.",
        f"The folder scan's process stopped unexpectedly (code {code}); the files it added are "
        "still in the library.",
    )


_last_failure: float | None = None
_awaiting: list = []  # opened sources that wait for the library's upgrade (``remember``)
_awaiting_lock = threading.Lock()


def remember(analyses: Iterable, location: str | None = None) -> BriefingError | None:
    """Add opened sources to the library unless the setting turned that off.

    Never raises: the app opens files without a library. A failure is returned (for one quiet
    notice) and automatic adds pause for a minute, so a server that is down does not slow every
    opened file by its connection timeout.
    """
    global _last_failure
    from briefing_studio.settings import KEY_LIBRARY_AUTO_ADD, read_setting

    analyses = list(analyses)
    if not analyses or (read_setting(KEY_LIBRARY_AUTO_ADD) or "").lower() in ("false", "0", "no"):
        return None
    if _last_failure is not None and time.monotonic() - _last_failure < _RETRY_AFTER_S:
        return None
    try:
        # Not here: an upgrade of the library's schema can take a while, shown with progress
        # and Cancel by the Library tab (``add_awaiting``); these sources wait for it.
        with open_library(location, upgrade=False) as library:
            for analysis in analyses:
                library.add(analysis)
            add_awaiting(library)  # upgraded meanwhile by another process
    except UpgradeNeeded:
        with _awaiting_lock:
            _awaiting.extend(analyses)
        return None
    except BriefingError as exc:
        _last_failure = time.monotonic()
        return exc
    return None


def add_awaiting(library: Library) -> int:
    """Add the sources ``remember`` kept while the library awaited its upgrade; how many."""
    with _awaiting_lock:
        waiting = list(_awaiting)
        _awaiting.clear()
    for analysis in waiting:
        library.add(analysis)
    return len(waiting)
