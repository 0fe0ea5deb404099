"""The cyclic garbage collector runs on the UI thread only (``ui/collector.py``)."""

from __future__ import annotations

import gc
import threading

from briefing_studio.gcpause import gc_paused
from briefing_studio.ui import collector

FREED_ON: list[str] = []  # the thread each ``Cycle`` was freed on


class Cycle:
    """Garbage only the cyclic collector frees; says on which thread it was freed."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        FREED_ON.append(threading.current_thread().name)


def make_garbage_on_a_worker(count: int) -> None:
    def work() -> None:
        with gc_paused():  # a bulk job, as the analysis and the renders run
            for _ in range(count):
                Cycle()
        for _ in range(count):  # and work outside one
            Cycle()

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()


def test_garbage_made_on_a_worker_is_collected_on_the_ui_thread(studio_app, qtbot) -> None:
    pinned = collector.pin_to(studio_app)
    assert not gc.isenabled()
    FREED_ON.clear()
    # Far past the young generation's threshold: automatic collection would have run in the
    # worker many times over.
    make_garbage_on_a_worker(20 * gc.get_threshold()[0])
    assert not gc.isenabled(), "the bulk job's pause turned the collector back on"
    assert FREED_ON == [], "collected on the worker"
    before = sum(pinned.passes)
    qtbot.waitUntil(lambda: len(FREED_ON) >= 40 * gc.get_threshold()[0], timeout=10000)
    assert set(FREED_ON) == {threading.main_thread().name}
    assert sum(pinned.passes) > before


def test_a_collector_turned_back_on_elsewhere_is_turned_off_at_the_next_check(
    studio_app, qtbot
) -> None:
    pinned = collector.pin_to(studio_app)
    gc.enable()  # a bulk job that began before the app existed, ending now
    qtbot.waitUntil(lambda: not gc.isenabled(), timeout=5000)
    assert pinned.timer.isActive()


def test_no_pass_while_a_bulk_job_builds_its_graph(studio_app, qtbot) -> None:
    collector.pin_to(studio_app)
    FREED_ON.clear()
    with gc_paused():
        for _ in range(5 * gc.get_threshold()[0]):
            Cycle()
        qtbot.wait(3 * collector.CHECK_MS)
        assert FREED_ON == [], "a pass walked the job's graph"
    qtbot.waitUntil(lambda: len(FREED_ON) == 5 * gc.get_threshold()[0], timeout=10000)
