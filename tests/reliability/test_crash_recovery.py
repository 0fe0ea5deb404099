"""A secretary whose app is killed mid-edit loses at most one autosave interval of work.

The real app runs offscreen in a child process with its own ``BRIEFING_STUDIO_HOME`` and a short
autosave interval, keeps editing the meeting place ("Phòng họp số 1", "… số 2", …) and prints
each edit and each autosave. It is killed with SIGKILL, then started again: it must offer the
crashed session, and the restored briefing must hold every edit made up to one interval before
the kill.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from studio_processes import child_env

pytest.importorskip("briefing_studio.ui.autosave", reason="the desktop UI is not built")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

INTERVAL_MS = 400
EDIT_EVERY_MS = 50
AUTOSAVES_BEFORE_KILL = 4
# Timer jitter and the save itself on a busy two-core CI machine; far below the seconds of
# edits a broken autosave would lose.
SLACK_S = 1.0

EDITING_APP = """
import sys, time
from PySide6.QtCore import QTimer
from briefing_studio.ui import autosave
from briefing_studio.ui.app import application
from briefing_studio.ui.main_window import MainWindow

app = application()
real_save = autosave.save_briefing

def logged_save(briefing, path):
    written = real_save(briefing, path)
    print("AUTOSAVED", briefing.meeting.place.rsplit(" ", 1)[-1], time.time(), flush=True)
    return written

autosave.save_briefing = logged_save
window = MainWindow(autosave_interval_ms=int(sys.argv[1]))
window.show()
window.start([])
count = 0

def edit():
    global count
    if len(window.state.analyses) < 2:  # still loading the seeds
        return
    count += 1
    window.state.edit_field("meeting", "place", f"Phòng họp số {count}")
    print("EDIT", count, time.time(), flush=True)

timer = QTimer()
timer.timeout.connect(edit)
timer.start(int(sys.argv[2]))
app.exec()
"""

RESTARTED_APP = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QMessageBox
from briefing_studio.ui.app import application
from briefing_studio.ui.autosave import autosave_dir
from briefing_studio.ui.main_window import MainWindow

app = application()
offers = []

def answer(*args, **kwargs):
    offers.append(str(args[1]) if len(args) > 1 else "")
    return QMessageBox.StandardButton.Yes

QMessageBox.question = answer
window = MainWindow()
window.show()
window.start([])
while not window.state.analyses or window.busy():
    QApplication.processEvents()
    time.sleep(0.01)
restored = {
    "offers": offers,
    "place": window.state.briefing.meeting.place,
    "sections": len(window.state.briefing.sections),
    "modified": window.state.modified,
}
window.shutdown()
restored["left_in_autosave"] = sorted(p.name for p in autosave_dir().iterdir())
print("RESTORED", json.dumps(restored, ensure_ascii=False), flush=True)
"""


@dataclass(frozen=True)
class Event:
    kind: str  # "EDIT" or "AUTOSAVED"
    number: int
    at: float


def _read_events(stream, into: queue.Queue) -> None:
    for line in stream:
        parts = line.split()
        if len(parts) == 3 and parts[0] in ("EDIT", "AUTOSAVED"):
            into.put(Event(parts[0], int(parts[1]), float(parts[2])))


def _edit_until_autosaved(home: Path, cwd: Path) -> tuple[list[Event], float, int]:
    """Run the editing app until it has autosaved a few times, then SIGKILL it.

    Returns what it printed, when it was killed, and its PID (which names its autosave).
    """
    child = subprocess.Popen(
        [sys.executable, "-c", EDITING_APP, str(INTERVAL_MS), str(EDIT_EVERY_MS)],
        cwd=cwd,
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    arrived: queue.Queue[Event] = queue.Queue()
    threading.Thread(target=_read_events, args=(child.stdout, arrived), daemon=True).start()
    events: list[Event] = []
    deadline = time.monotonic() + 120
    try:
        while sum(e.kind == "AUTOSAVED" for e in events) < AUTOSAVES_BEFORE_KILL:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, f"no autosaves in time: {events[-5:]}"
            try:
                events.append(arrived.get(timeout=1))
            except queue.Empty:
                continue
        time.sleep(INTERVAL_MS / 1000 / 2)  # kill between two autosaves, edits still coming
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    time.sleep(0.2)
    while not arrived.empty():
        events.append(arrived.get())
    return events, killed_at, child.pid


def test_secretary_gets_back_the_briefing_after_the_app_is_killed(
    tmp_path: Path, studio_home: Path
) -> None:
    events, killed_at, pid = _edit_until_autosaved(studio_home, tmp_path)
    folder = studio_home / "data" / "autosave"
    assert (folder / f"session-{pid}.lock").exists(), "the killed session left its lock"
    assert (folder / f"session-{pid}.briefing").exists(), "the killed session left an autosave"

    restart = subprocess.run(
        [sys.executable, "-c", RESTARTED_APP],
        cwd=tmp_path,
        env=child_env(studio_home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert restart.returncode == 0, restart.stderr
    line = next(x for x in restart.stdout.splitlines() if x.startswith("RESTORED "))
    restored = json.loads(line.removeprefix("RESTORED "))

    assert len(restored["offers"]) == 1, "the restarted app offers to restore, once"
    assert restored["modified"], "restored work counts as unsaved"
    assert restored["sections"] > 0
    assert restored["place"].startswith("Phòng họp số ")
    kept = int(restored["place"].rsplit(" ", 1)[-1])
    edits = {e.number: e.at for e in events if e.kind == "EDIT"}
    saved = [e.number for e in events if e.kind == "AUTOSAVED" and e.at <= killed_at]
    assert kept >= max(saved), "the restored briefing is at least the last autosave"
    lost = [at for number, at in edits.items() if number > kept and at <= killed_at]
    if lost:
        assert killed_at - min(lost) <= INTERVAL_MS / 1000 + SLACK_S, (
            f"lost {len(lost)} edits spanning {killed_at - min(lost):.2f} s "
            f"(autosave interval {INTERVAL_MS} ms)"
        )
    # The clean exit after restoring leaves nothing to restore next time.
    assert restored["left_in_autosave"] == []


def test_a_clean_exit_leaves_nothing_to_restore(tmp_path: Path, studio_home: Path) -> None:
    closing_app = RESTARTED_APP.replace('print("RESTORED"', 'print("CLOSED"')
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", closing_app],
            cwd=tmp_path,
            env=child_env(studio_home),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        closed = json.loads(done.stdout.split("CLOSED ", 1)[1])
        assert closed["offers"] == [] and closed["left_in_autosave"] == []


def test_discarding_a_killed_session_removes_the_save_it_was_killed_in(tmp_path: Path) -> None:
    """A session killed while writing its autosave leaves ``.session-<pid>.briefing.*.tmp``;
    its writer is dead, so restoring or discarding the session removes it at once."""
    from briefing_studio.ui.autosave import CrashedSession, discard

    autosave, lock = tmp_path / "session-4242.briefing", tmp_path / "session-4242.lock"
    autosave.write_text("{}", encoding="utf-8")
    lock.write_text("4242\nhost\n\n", encoding="utf-8")
    torn = tmp_path / ".session-4242.briefing.ab12cd34.tmp"
    torn.write_text("{", encoding="utf-8")
    other = tmp_path / ".session-77.briefing.ab12cd34.tmp"  # another session's save: kept
    other.write_text("{", encoding="utf-8")
    discard(CrashedSession(autosave, lock, None))
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]
