"""The one way the GUI runs core work off the UI thread (after Anki's ``aqt.operations``).

``run_op`` hands a core function to a thread pool, reports its progress to the status bar with a
Cancel button, and calls back on the UI thread: ``on_success`` with the result, or a warning box
for a ``BriefingError`` (naming the file), or a bug-report dialog for anything else. Windows never
write their own thread code, so every long task behaves the same: the window never freezes and
every long task can be cancelled.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from briefing_studio.errors import BriefingError

PROGRESS_EVERY_S = 0.05  # a progress bar moving 20 times a second looks continuous


class Cancelled(Exception):
    """Raised by a task that noticed ``cancelled()``; the op then ends quietly."""


@dataclass
class TaskContext:
    """What a task receives: a thread-safe progress reporter and cancel flag."""

    _flag: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int], None] = lambda done, total: None
    _last_report: float = -1.0

    def progress(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` steps (any thread); at most every ``PROGRESS_EVERY_S``
        and always the last step: NER reports each sentence, hundreds a second, and each
        report is an event the UI thread must handle."""
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_EVERY_S:
            return
        self._last_report = now
        self._report(int(done), int(total))

    def cancelled(self) -> bool:
        """True once the user pressed Cancel (or the window is closing)."""
        return self._flag.is_set()


Task = Callable[[TaskContext], Any]


class _Dispatcher(QObject):
    """The one sender of every worker → UI signal; lives on the UI thread for the whole session.

    Workers never touch an ``Op`` (a QObject that the UI thread may delete as soon as its last
    callback has run) — they only emit on this long-lived object with the op's id, and the UI
    thread looks the op up. That removes any chance of a QObject being used or destroyed on a
    worker thread while the UI thread is finishing it.
    """

    progress = Signal(int, int, int)
    succeeded = Signal(int, object)
    failed = Signal(int, object, str)

    def __init__(self) -> None:
        super().__init__()
        self.progress.connect(self._progress)
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

    @Slot(int, int, int)
    def _progress(self, op_id: int, done: int, total: int) -> None:
        op = _by_id.get(op_id)
        if op is not None:
            op._progress(done, total)

    @Slot(int, object)
    def _succeeded(self, op_id: int, result: Any) -> None:
        op = _by_id.get(op_id)
        if op is not None:
            op._succeeded(result)

    @Slot(int, object, str)
    def _failed(self, op_id: int, exc: BaseException, details: str) -> None:
        op = _by_id.get(op_id)
        if op is not None:
            op._failed(exc, details)


class _Runnable(QRunnable):
    def __init__(self, op_id: int, task: Task, context: TaskContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op_id = op_id
        self._task: Task | None = task
        self._context = context

    def run(self) -> None:  # worker thread
        task, self._task = self._task, None
        dispatcher = _dispatcher
        try:
            result = task(self._context)
        except BaseException as exc:
            # Drop this thread's reference to the task (and the widgets its closure may hold)
            # before the UI thread can finish the op, so nothing Qt is destroyed here.
            del task
            dispatcher.failed.emit(self._op_id, exc, traceback.format_exc())
        else:
            del task
            dispatcher.succeeded.emit(self._op_id, result)


class Op(QObject):
    """One running task. Keep it to cancel it; ``finished`` fires once, whatever the outcome."""

    finished = Signal()
    progressed = Signal(int, int)

    def __init__(
        self,
        task: Task,
        label: str,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException, str], bool] | None,
        on_cancelled: Callable[[], None] | None,
        parent_widget: QWidget | None,
        cancellable: bool,
    ) -> None:
        super().__init__()
        global _next_id
        _next_id += 1
        self.id = _next_id
        self.task: Task | None = task  # held on the UI thread until the op finishes
        self.label = label
        self.cancellable = cancellable
        self.context = TaskContext()
        self.done = False
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancelled = on_cancelled
        self._parent_widget = parent_widget
        op_id, progress = self.id, _dispatcher.progress
        self.context._report = lambda done, total: progress.emit(op_id, done, total)

    def cancel(self) -> None:
        """Ask the task to stop; it ends at its next ``cancelled()`` check."""
        self.context._flag.set()

    @property
    def is_cancelled(self) -> bool:
        return self.context.cancelled()

    def _progress(self, done: int, total: int) -> None:
        if not self.done:
            self.progressed.emit(done, total)

    def _succeeded(self, result: Any) -> None:
        try:
            if self.is_cancelled:
                self._cancelled()
            elif self._on_success is not None:
                self._on_success(result)
        finally:
            self._finish()

    def _failed(self, exc: BaseException, details: str) -> None:
        try:
            if self.is_cancelled or _is_cancellation(exc):
                self._cancelled()
            elif self._on_failure is None or not self._on_failure(exc, details):
                show_error(self._parent_widget, exc, details)
        finally:
            self._finish()

    def _cancelled(self) -> None:
        if self._on_cancelled is not None:
            self._on_cancelled()

    def _finish(self) -> None:
        self.done = True
        self.task = None
        _running.discard(self)
        _by_id.pop(self.id, None)
        self.finished.emit()


def _is_cancellation(exc: BaseException) -> bool:
    # The core's entity extractor raises its own ``Cancelled``; recognise any class of that name.
    return isinstance(exc, Cancelled) or type(exc).__name__ == "Cancelled"


_running: set[Op] = set()
_by_id: dict[int, Op] = {}
_next_id = 0
_pool: QThreadPool | None = None
_dispatcher: _Dispatcher | None = None


def pool() -> QThreadPool:
    """The GUI's worker pool: a few threads, so a render can run while names are found."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(3)
    return _pool


class ProgressHost(QWidget):
    """Status-bar widget: the label and progress of the newest visible op, and its Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task"))
        self.cancel_button.clicked.connect(self.cancel_current)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._ops: list[Op] = []
        self.hide()

    def track(self, op: Op) -> None:
        self._ops.append(op)
        op.progressed.connect(lambda done, total, op=op: self._show_progress(op, done, total))
        op.finished.connect(lambda op=op: self._untrack(op))
        self._refresh()

    def current(self) -> Op | None:
        return self._ops[-1] if self._ops else None

    def cancel_current(self) -> None:
        op = self.current()
        if op is not None:
            op.cancel()
            self.label.setText(self.tr("Cancelling…"))

    def _show_progress(self, op: Op, done: int, total: int) -> None:
        if op is self.current():
            self.bar.setRange(0, max(total, 0))
            self.bar.setValue(min(done, total) if total > 0 else 0)

    def _untrack(self, op: Op) -> None:
        if op in self._ops:
            self._ops.remove(op)
        self._refresh()

    def _refresh(self) -> None:
        op = self.current()
        if op is None:
            self.hide()
            return
        self.label.setText(op.label)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setVisible(op.cancellable)
        self.show()


def run_op(
    task: Task,
    on_success: Callable[[Any], None] | None = None,
    *,
    label: str = "",
    parent: QWidget | None = None,
    host: ProgressHost | None = None,
    on_failure: Callable[[BaseException, str], bool] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
) -> Op:
    """Run ``task(context)`` on a worker thread; callbacks arrive on the UI thread.

    ``on_failure`` may handle an error itself by returning True; otherwise a ``BriefingError``
    shows as a warning and any other exception as a bug report. With a ``host`` the op appears in
    the status bar with its progress and, when ``cancellable``, a Cancel button.
    """
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # first op: created on the UI thread, kept for the session
    op = Op(task, label, on_success, on_failure, on_cancelled, parent, cancellable)
    _running.add(op)
    _by_id[op.id] = op
    if host is not None:
        host.track(op)
    pool().start(_Runnable(op.id, task, op.context))
    return op


class Runner:
    """``run_op`` for one window: its ops shown in its ``host`` and parented to ``parent``,
    and tracked, so the window knows when it is busy and can stop them before it goes away."""

    def __init__(self, parent: QWidget, host: ProgressHost) -> None:
        self.parent = parent
        self.host = host
        self.ops: set[Op] = set()

    def run(self, task: Task, on_success: Callable[[Any], None], label: str, **kwargs: Any) -> Op:
        """``run_op`` with this window's progress host; ``kwargs`` as ``run_op`` takes them."""
        op = run_op(task, on_success, label=label, parent=self.parent, host=self.host, **kwargs)
        self.ops.add(op)
        op.finished.connect(lambda: self.ops.discard(op))
        return op

    def busy(self) -> bool:
        return bool(self.ops)

    def stop(self) -> None:
        """Cancel this window's ops and wait for their workers (before the window closes)."""
        cancel_and_wait(list(self.ops))


def running_ops() -> list[Op]:
    """Ops whose callbacks have not run yet (tests and shutdown wait for these)."""
    return [op for op in _running if not op.done]


def cancel_and_wait(ops: list[Op] | None = None, timeout_ms: int = 10000) -> None:
    """Cancel ``ops`` (default: all), wait for the workers, then deliver their last signals.

    A window calls this before it goes away, so no callback arrives at a deleted widget.
    """
    for op in list(_running) if ops is None else ops:
        op.cancel()
    pool().waitForDone(timeout_ms)
    QCoreApplication.processEvents()


def error_language() -> str:
    """The language of error messages: the UI's language."""
    from briefing_studio.ui.i18n import current_language

    return current_language()


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A user problem as a warning naming the file; anything else as a bug report."""
    if isinstance(exc, BriefingError):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ops", "Briefing Studio"),
            exc.message(error_language()),
        )
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ops", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "ops",
            "Something went wrong inside Briefing Studio. Your work is still open. "
            "Please send the details below to the team that maintains the app.",
        )
    )
    box.setDetailedText(details or f"{type(exc).__name__}: {exc}")
    box.exec()
