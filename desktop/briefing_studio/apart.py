"""Long CPU work run in a child process, with progress, cancel and errors passed through a pipe.

A worker thread of the app shares the interpreter lock with the window: while it computes, the
window's thread waits for the lock whenever the system gives the worker a core, and the window
stutters (NER over a 1 MB report, a folder scan of a thousand files). A child process has its own
interpreter, so the window keeps its core. ``run_apart`` is called from a worker thread (an op of
``ui/ops.py``) and blocks it, not the window, until the child answers.

The child is *spawned*, never forked: a fork would copy the window's threads in whatever state
they are. Spawning costs a fresh interpreter and the child's imports (about 0.3–1 s), so callers
use it only for work that is known to be long.

The contract for ``target``: a module-level function (the child imports it by name), called as
``target(*args, progress=…, cancelled=…)``; its arguments and result must pickle. It may raise
``Cancelled`` (re-raised here) or ``BriefingError`` (re-raised here as a ``BriefingError``
with its messages, path and line). Anything else is a bug: its traceback comes back in a
``RuntimeError``.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from briefing_studio.errors import BriefingError, Cancelled

T = TypeVar("T")
Progress = Callable[[int, int], None]
_POLL_S = 0.1  # how often the parent looks at ``cancelled()`` while the child is quiet
_JOIN_S = 10.0  # how long a stopped child gets to finish before it is terminated
# How long a child told to stop may take to say so. It looks between steps (a sentence, a file),
# but one still starting (importing its modules) or stuck in a step looks only later or never;
# past this it is terminated, so a cancel always frees the worker thread that waits for it.
_CANCEL_S = 5.0


def run_apart(
    target: Callable[..., T],
    *args: Any,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    lost: Callable[[int | None], BriefingError] | None = None,
) -> T:
    """``target(*args, progress=, cancelled=)`` in a spawned child process; its result.

    ``progress(done, total)`` is called here for each report of the child; ``cancelled()`` is
    asked every ``_POLL_S`` seconds and, once true, the child's own ``cancelled()`` says so;
    a child that has not answered ``_CANCEL_S`` later is terminated and ``Cancelled`` raised.
    ``lost(exit_code)`` makes the error raised when the child dies without answering (a crash,
    the system's out-of-memory killer); by default a generic one.
    """
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    # The stop flag is one byte of shared memory, without a lock: a multiprocessing Event takes
    # a semaphore that a child terminated while reading it would hold for ever.
    stop = context.RawValue("b", 0)
    child = context.Process(target=_child, args=(theirs, stop, target, args), daemon=True)
    child.start()
    theirs.close()
    lost = lost or _lost
    give_up_at: float | None = None  # once cancelled: when the child is no longer waited for
    try:
        while True:
            if give_up_at is None:
                if cancelled is not None and cancelled():
                    stop.value = 1
                    give_up_at = time.monotonic() + _CANCEL_S
            elif time.monotonic() > give_up_at:
                raise Cancelled()  # ``finally`` terminates the child
            if not ours.poll(_POLL_S):
                if not child.is_alive() and not ours.poll(0):
                    raise lost(child.exitcode)
                continue
            try:
                kind, value = ours.recv()
            except EOFError:
                child.join(5)
                raise lost(child.exitcode) from None
            if kind == "progress":
                if progress is not None:
                    progress(*value)
            elif kind == "done":
                return value
            elif kind == "cancelled":
                raise Cancelled()
            elif kind == "error":
                raise value
            else:
                raise RuntimeError(f"the child process failed:\n{value}")
    finally:
        stop.value = 1
        ours.close()
        # Not the whole grace for a child that was given up on: it has had its chance.
        child.join(0 if give_up_at is not None and time.monotonic() > give_up_at else _JOIN_S)
        if child.is_alive():
            child.terminate()
            child.join(_JOIN_S)
            if child.is_alive():  # ignored SIGTERM (stuck in native code): never wait for ever
                child.kill()
                child.join(_JOIN_S)


def _child(pipe, stop, target: Callable[..., Any], args: tuple) -> None:
    """The child's side: run ``target``, send what became of it, close the pipe."""
    try:
        result = target(
            *args,
            progress=lambda done, total: pipe.send(("progress", (done, total))),
            cancelled=lambda: stop.value != 0,
        )
        pipe.send(("done", result))
    except Cancelled:
        pipe.send(("cancelled", None))
    except BriefingError as exc:
        pipe.send(("error", exc))
    except BaseException:
        pipe.send(("crash", traceback.format_exc()))
    finally:
        pipe.close()


def _lost(code: int | None) -> BriefingError:
    return BriefingError(
        f"Tiến trình làm việc nền đã dừng bất thường (mã {code}).",
        f"The background worker process stopped unexpectedly (code {code}).",
    )
