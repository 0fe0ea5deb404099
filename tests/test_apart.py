"""``apart.run_apart``: work in a spawned child process, with progress, cancel and errors.

The targets are module-level functions of this file: the spawned child imports them by name.
"""

from __future__ import annotations

import os
import time

import pytest

from briefing_studio.apart import run_apart
from briefing_studio.errors import BriefingError, Cancelled


def child_pid(count: int, *, progress, cancelled) -> int:
    for done in range(1, count + 1):
        progress(done, count)
    return os.getpid()


def until_cancelled(*, progress, cancelled) -> str:
    progress(0, 1)
    deadline = time.monotonic() + 30
    while not cancelled():
        if time.monotonic() > deadline:
            return "never cancelled"
        time.sleep(0.01)
    raise Cancelled


def user_error(path: str, *, progress, cancelled) -> None:
    raise BriefingError("Tệp hỏng.", "The file is damaged.", path=path, line=7)


def bug(*, progress, cancelled) -> None:
    raise KeyError("missing")


def dies(*, progress, cancelled) -> None:
    os._exit(3)


def deaf(*, progress, cancelled) -> str:
    """Work that never looks at ``cancelled`` (a step stuck in native code, say)."""
    progress(os.getpid(), 0)
    time.sleep(60)
    return "finished"


def test_the_work_runs_in_another_process_and_reports_progress_here() -> None:
    seen: list[tuple[int, int]] = []
    pid = run_apart(child_pid, 3, progress=lambda done, total: seen.append((done, total)))
    assert pid != os.getpid()
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancel_reaches_the_child_and_comes_back_as_cancelled() -> None:
    started: list[int] = []
    asked = {"cancel": False}

    def progress(done: int, total: int) -> None:
        started.append(done)
        asked["cancel"] = True  # cancel once the child is surely running

    with pytest.raises(Cancelled):
        run_apart(until_cancelled, progress=progress, cancelled=lambda: asked["cancel"])
    assert started == [0]


def test_a_child_deaf_to_cancel_is_ended_and_the_thread_freed(monkeypatch) -> None:
    from briefing_studio import apart

    monkeypatch.setattr(apart, "_CANCEL_S", 0.5)
    pids: list[int] = []
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_apart(deaf, progress=lambda pid, _: pids.append(pid), cancelled=lambda: bool(pids))
    assert time.monotonic() - started < 15, "the caller waited for the deaf child"
    assert pids and pids[0] != os.getpid()
    with pytest.raises(ProcessLookupError):  # terminated and reaped, not left running
        os.kill(pids[0], 0)


def test_a_user_error_in_the_child_keeps_its_messages_path_and_line() -> None:
    with pytest.raises(BriefingError) as caught:
        run_apart(user_error, "/tmp/báo cáo.docx")
    assert caught.value.message_vi == "Tệp hỏng."
    assert caught.value.message_en == "The file is damaged."
    assert (caught.value.path, caught.value.line) == ("/tmp/báo cáo.docx", 7)


def test_a_bug_in_the_child_comes_back_with_its_traceback() -> None:
    with pytest.raises(RuntimeError, match="KeyError: 'missing'"):
        run_apart(bug)


def test_a_child_that_dies_gives_a_clear_message_with_its_exit_code() -> None:
    with pytest.raises(BriefingError) as caught:
        run_apart(dies)
    assert "(code 3)" in caught.value.message_en
    assert "(mã 3)" in caught.value.message_vi
    with pytest.raises(BriefingError, match="scan died 3"):
        run_apart(dies, lost=lambda code: BriefingError("x", f"scan died {code}"))


def test_a_briefing_error_of_any_kind_pickles_with_its_messages_path_and_line() -> None:
    import pickle

    from briefing_studio.library.store import UpgradeNeeded

    for error in (
        BriefingError("Tệp hỏng.", "The file is damaged.", path="/tmp/a.docx", line=3),
        UpgradeNeeded("/tmp/thu-vien.db", 1),  # a subclass whose constructor takes other things
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is BriefingError
        assert (copy.message_vi, copy.message_en, copy.path, copy.line) == (
            error.message_vi,
            error.message_en,
            error.path,
            error.line,
        )
        assert copy.message("en") == error.message("en")
