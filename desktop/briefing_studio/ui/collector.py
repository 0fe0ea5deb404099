"""Python's cyclic garbage collector, run on the UI thread only (the pattern of calibre and
pyqtgraph).

Left to itself the collector runs in whichever thread's allocation crosses its threshold: often a
worker of ``ui/ops.py`` analysing or rendering. A pass there destroys whatever garbage it finds,
Qt objects included: a closed window, its timers and widgets caught in a reference cycle (a slot
lambda that names the window is enough) would be deleted on a worker thread, which Qt forbids
(a timer cannot be stopped from another thread, a widget's deletion races the events the UI
thread is delivering to it). So automatic collection is off in the GUI, and a timer on the UI
thread collects each generation when its count passes the threshold it would have had.

Workers never collect: the bulk jobs' pause (``gcpause``) then leaves the collector off when the
last job ends, since it was off when the first began, and the timer waits while a bulk job runs,
as automatic collection did. The collector walks the same objects as before, on the thread that
holds the interpreter lock against the window either way.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from briefing_studio import gcpause

CHECK_MS = 500  # how often the counts are looked at; a pass over young objects takes ~1 ms


class Collector(QObject):
    """Collects from a timer on the thread it lives on (``pin_to`` starts it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.passes = [0, 0, 0]  # collections made, per generation (tests read them)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        """One pass over the oldest generation that is due, with the younger ones."""
        # Someone turned it back on (a bulk job that began before this collector existed).
        gc.disable()
        if gcpause.paused():  # a worker builds a large graph: passes now would walk it all
            return
        counts = gc.get_count()
        oldest = -1  # as the automatic collector: an older generation only once the younger
        for generation in range(3):  # ones are due too; a pass over it takes the younger ones
            if counts[generation] <= self.thresholds[generation]:
                break
            oldest = generation
        if oldest >= 0:
            gc.collect(oldest)
            self.passes[oldest] += 1


_collector: Collector | None = None


def pin_to(app: QObject) -> Collector:
    """Collect garbage only on ``app``'s thread (the UI thread), from now on."""
    global _collector
    if _collector is None:
        _collector = Collector(app)
    _collector.timer.start()
    gc.disable()
    return _collector


def unpin() -> None:
    """Automatic collection again, in any thread (the tests, between GUI tests and others)."""
    if _collector is not None:
        _collector.timer.stop()
    gc.enable()
