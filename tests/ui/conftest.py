"""UI tests drive real widgets offscreen, each with its own settings, autosave and cache folder."""

from __future__ import annotations

import os
from pathlib import Path

# The commonest office laptop screen (offscreen Qt otherwise pretends to have an 800×800 one).
SCREEN = (1366, 768)
SCREEN_CONFIG = Path(__file__).with_name("screen-1366x768.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
PLATFORM = os.environ["QT_QPA_PLATFORM"]
# How long a test's leftover work (a render, a name finding being cancelled) may outlast it.
WORKERS_END_MS = 30000

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def studio_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A fresh BRIEFING_STUDIO_HOME: settings, autosave and recent files never leak."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", PLATFORM)
    return home


@pytest.fixture(autouse=True)
def workers_end() -> Iterator[None]:
    """Every test leaves the GUI's worker pool idle and every finished task's callback run.

    A task still running long after its test (a hang) fails that test with every thread's
    stack, and later tests get a fresh pool: otherwise a few hung tasks hold the pool's three
    threads and every later test times out waiting for its own work, far from the cause.
    """
    yield
    import sys

    from PySide6.QtCore import QCoreApplication

    ops = sys.modules.get("briefing_studio.ui.ops")
    if ops is None or ops._pool is None:
        return
    if not ops._pool.waitForDone(WORKERS_END_MS):
        stacks = _thread_stacks()
        ops._pool = None  # the stuck threads are left to themselves
        pytest.fail(f"tasks still running {WORKERS_END_MS / 1000:g} s after the test:\n{stacks}")
    QCoreApplication.processEvents()  # the last callbacks are queued on this thread


def _thread_stacks() -> str:
    """Where each thread of this process stands."""
    import sys
    import threading
    import traceback

    names = {thread.ident: thread.name for thread in threading.enumerate()}
    return "\n".join(
        f"--- {names.get(ident, ident)}\n{''.join(traceback.format_stack(frame))}"
        for ident, frame in sys._current_frames().items()
    )


@pytest.fixture(autouse=True)
def modal_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Message boxes never block a test; a bug report shown to the user fails the test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def static(kind: str, answer: QMessageBox.StandardButton):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", static("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", static("information", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(QMessageBox, "critical", static("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", static("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append(("exec", box.text() + "\n" + box.detailedText())) or 0,
    )
    yield shown
    bugs = [text for kind, text in shown if kind == "exec" and "Traceback" in text]
    assert not bugs, bugs[0]


@pytest.fixture(autouse=True)
def figure_check_goes_on(monkeypatch: pytest.MonkeyPatch) -> list[list]:
    """The figure check before export never blocks a test: it answers "Export anyway".

    The items it was shown are recorded; ``tests/ui/test_figure_check.py`` drives it itself.
    """
    from briefing_studio.ui.figure_check import FigureCheckDialog

    seen: list[list] = []

    def go_on(dialog: FigureCheckDialog) -> int:
        seen.append(dialog.remaining())
        return FigureCheckDialog.DialogCode.Accepted

    monkeypatch.setattr(FigureCheckDialog, "exec", go_on)
    return seen


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["briefing-studio"]


@pytest.fixture
def studio_app(qapp):
    """The QApplication set up as ``app.run`` does (translations from the settings)."""
    from briefing_studio.ui.app import application

    return application()


@pytest.fixture
def make_window(studio_app, qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Open main windows like ``app.run``; they are closed (discarding changes) afterwards."""
    from PySide6.QtWidgets import QMessageBox

    from briefing_studio.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(files: list[str] | None = None, start: bool = True, **kwargs) -> MainWindow:
        window = MainWindow(**kwargs)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        windows.append(window)
        if start:
            window.start(files or [])
            wait_idle(qtbot, window)
        return window

    yield make
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    for window in windows:
        window.close()


def wait_idle(qtbot, window, timeout: int = 60000) -> None:
    """Wait until loading, entity finding and preview rendering are done."""
    qtbot.waitUntil(lambda: not window.busy(), timeout=timeout)


@pytest.fixture
def idle(qtbot):
    """``idle(window)`` waits until the window has no work running."""
    return lambda window, timeout=60000: wait_idle(qtbot, window, timeout)
