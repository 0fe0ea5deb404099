"""Pause Python's cyclic garbage collector while one bulk job builds a large object graph.

Why: rendering or analysing a big briefing makes hundreds of thousands of objects that live
until the job ends. The collector then runs full passes over all of them, each holding the GIL:
rendering an 805-page PDF in a worker froze the window for up to 0.6 s at a time, and took 13.3 s
instead of 10.3 s. Reference counting still frees nearly everything at once; cycles wait for
the collector, which runs again as soon as the last job ends. Jobs on several threads (a
preview and an export) share one counter, so the collector resumes only when all are done.
In the GUI automatic collection is off altogether (``ui/collector.py`` collects on the UI
thread), and a job that finds it off leaves it off.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was on when the first job started

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (it stays off if it already was)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def paused() -> bool:
    """Whether a bulk job is running (the GUI's own collector waits for it too)."""
    return _depth > 0


def bulk_job(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function that builds a large object graph: see the module docstring."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return function(*args, **kwargs)

    return wrapper
