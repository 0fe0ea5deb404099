"""Bulk jobs pause the cyclic collector together and give it back exactly as they found it."""

from __future__ import annotations

import gc
import threading

import pytest

from briefing_studio.gcpause import bulk_job, gc_paused


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_a_render_runs_with_the_collector_paused_and_resumes_it() -> None:
    seen = []

    @bulk_job
    def render() -> str:
        seen.append(gc.isenabled())
        return "pdf"

    assert render() == "pdf" and seen == [False]
    assert gc.isenabled()


def test_overlapping_jobs_on_two_threads_resume_only_when_both_end() -> None:
    entered, release = threading.Event(), threading.Event()

    def export() -> None:
        with gc_paused():
            entered.set()
            release.wait(10)

    worker = threading.Thread(target=export)
    worker.start()
    entered.wait(10)
    with gc_paused():  # the preview, while the export runs
        assert not gc.isenabled()
    assert not gc.isenabled(), "the export is still running"
    release.set()
    worker.join(10)
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_a_failing_job_still_gives_the_collector_back() -> None:
    @bulk_job
    def broken() -> None:
        raise ValueError("bad template")

    with pytest.raises(ValueError):
        broken()
    assert gc.isenabled()
