"""The helper process that analyses the second half of a large source while the caller does the
first: one warm process, reused by every large analysis, on the machine's second core.

The analysis is pure Python, so threads would share one interpreter lock; a second process has
its own. It is *spawned*, never forked (a fork would copy the window's threads in whatever state
they are), which costs a fresh interpreter and the analysis modules' imports: 0.3–0.5 s
measured, so the process is started once, by the first large analysis, and then kept (25 MB
waiting, 45 MB after a 1 MB job). That analysis runs on its own while the helper starts: on
1 MB, waiting for it and then analysing in halves (0.3 + 0.34 s) would take longer than
analysing alone (0.56 s). It is a daemon that ends with the app (``atexit`` asks it to stop; a
parent that dies closes its pipe, which ends it too); one that died is started again by the
next large analysis, unless two died while starting.

What crosses the pipe is small: the content blocks of the second half as tuples (text, kind,
level, table), which the helper splits into sections (``sections.sections_of``); back first
each section's layout (its block, id, kind, level, and text only when it is a part of its
block) with the acronyms they define; the caller sends the acronyms its half defines; back
last each section's sentences and cues, each figure's fields as tuples and the acronyms its
half uses (``acronyms.uses_in``); the parent makes ``Figure`` objects without their frozen
``__init__`` (pickling the objects themselves cost several times more on 1 MB).

Nothing here may hang or change a result: one thread at a time has the helper (another one
busy with a source analyses on its own), and when the helper fails, dies or takes far longer
than the caller's own half, ``receive`` gives None and the caller analyses that half itself.
Two processes only pay with a free core each: a job that shows the helper had none makes the
next large sources run in one process for a while (``_BUSY_FACTOR``).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import fields
from operator import attrgetter
from typing import Any

from briefing_studio.analysis.acronyms import defined_in, shorts_of, uses_in
from briefing_studio.analysis.model import Figure, Section
from briefing_studio.analysis.pipeline import analyse_sections
from briefing_studio.analysis.sections import sections_of
from briefing_studio.gcpause import gc_paused
from briefing_studio.sources.model import Block

log = logging.getLogger(__name__)

_FIGURE_FIELDS = tuple(f.name for f in fields(Figure))
_figure_values = attrgetter(*_FIGURE_FIELDS)
# How long the caller waits for the helper's half beyond its own: the halves are about even,
# so only a helper that hangs, or a machine that starves it, comes near this.
_WAIT_MIN_S = 10.0
_WAIT_FACTOR = 5.0
_STOP_S = 1.0  # how long a helper asked to stop gets before it is terminated
# A job that took longer than this many times the caller's CPU for its own half (plus the
# slack) found no free core for both processes: the two then shared one and took longer than
# one process alone (1 MB: 0.68–0.75 s against 0.57 s while other work kept a core busy). After
# two such jobs in a row large sources are analysed in one process for a while (one alone may
# be a moment's load, or the helper's first job, which is slower). When both run, a job takes
# the caller's CPU time and 10–35 ms; sharing one core, about twice the caller's CPU.
_BUSY_FACTOR = 1.5
_BUSY_SLACK_S = 0.02
_BUSY_JOBS = 2
_REST_S = 30.0
_MAX_LOST_STARTS = 2  # a helper that died this often while starting is not started again


def cpus() -> int:
    """How many CPUs this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Helper:
    """The warm helper process and its end of the pipe; one job at a time (see ``helper``)."""

    def __init__(self) -> None:
        self.process: Any = None
        self.pipe: Any = None
        self.ready = False
        self.jobs = 0  # jobs sent; each answer names its job
        self.answered = 0  # jobs the helper answered (tests and the bench read it)
        self.pending = False  # a job was sent and its answer not received
        self.lost_starts = 0  # processes that died before they were ready
        self.sent_at = 0.0  # when the job was sent (``time.monotonic``)
        self.starved = 0  # jobs in a row that found no free core
        self.rest_until = 0.0  # no jobs before then: the last ones found no free core

    def start(self) -> None:
        """Start the process if none is running; it says when it is ready (``is_ready``)."""
        if self.process is not None and self.process.is_alive():
            return
        if self.process is not None and not self.ready:
            self._lost_while_starting()
        self.stop()
        if self.lost_starts >= _MAX_LOST_STARTS:
            return
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs,), daemon=True, name="briefing-analysis-half"
        )
        process.start()
        theirs.close()
        self.process, self.pipe, self.ready = process, ours, False

    def _lost_while_starting(self) -> None:
        """The process died before it was ready (its traceback, if any, is on stderr)."""
        self.stop()
        self.lost_starts += 1
        if self.lost_starts == _MAX_LOST_STARTS:
            log.warning("The analysis helper cannot start; large sources are analysed in one.")

    def is_ready(self) -> bool:
        """Whether the process has started, imported the analysis and waits for a job."""
        if not self.ready and self.process is not None:
            try:
                if self.pipe.poll(0) and self.pipe.recv() == ("ready",):
                    self.ready = True
            except (EOFError, OSError):
                self._lost_while_starting()
        if self.ready and not self.process.is_alive():
            self.stop()
        return self.ready

    def send(self, key: str, blocks: list[Block], first: int, total: int) -> bool:
        """Give the helper the content ``blocks`` from number ``first`` of ``total`` to the end
        (``sections.sections_of``); False when it cannot take them."""
        self.jobs += 1
        self.sent_at = time.monotonic()
        rows = [(b.text, b.kind, b.level, b.table) for b in blocks]
        try:
            self.pipe.send((self.jobs, key, rows, first, total))
        except (OSError, ValueError):  # it died since ``is_ready``
            self.stop()
            return False
        self.pending = True
        return True

    def send_defined(self, defined: dict[str, str]) -> None:
        """Give the helper the acronyms the caller's half defines: with its own, the ones whose
        uses it finds in its half (``acronyms.uses_in``). A helper that died is found out
        by ``receive_layout``."""
        try:
            self.pipe.send(("defined", self.jobs, list(defined)))
        except (OSError, ValueError):
            pass

    def receive_layout(
        self, blocks: list[Block], index: int, own_cpu: float
    ) -> tuple[list[Section], dict[str, str]] | None:
        """The sections the helper split its ``blocks`` into (``index``: the first one's), not
        analysed yet, and the acronyms they define (``acronyms.defined_in``); None when it
        failed (then it sends nothing more for the job), died or took far too long."""
        value = self._wait("layout", own_cpu)
        if value is None:
            return None
        rows, defined = value
        sections = []
        for offset, id, kind, level, text, sentences in rows:
            block = blocks[offset]
            section = object.__new__(Section)
            section.__dict__.update(
                id=id, index=index, kind=kind, level=level, sentences=sentences, cues=(),
                text=block.text if text is None else text,
                table=block.table if text is None else None,
            )  # fmt: skip
            sections.append(section)
            index += 1
        return sections, defined

    def receive(
        self, sections: list[Section], own_cpu: float
    ) -> tuple[list[Section], list[Figure], dict[str, list[str]]] | None:
        """The helper's analysis of its ``sections`` (``receive_layout``) and the acronyms
        they use (``send_defined``), or None when it failed, died or took far longer than the
        caller's ``own_cpu`` seconds of CPU."""
        value = self._wait("done", own_cpu)
        if value is None:
            return None
        self.answered += 1
        if time.monotonic() - self.sent_at > _BUSY_FACTOR * own_cpu + _BUSY_SLACK_S:
            self.starved += 1
            if self.starved >= _BUSY_JOBS:
                self.starved, self.rest_until = 0, time.monotonic() + _REST_S
        else:
            self.starved = 0
        return _unpack(sections, value)

    def _wait(self, expected: str, own_cpu: float) -> Any:
        """The value of the job's next answer, which should be of kind ``expected``; None
        (the job over) when the helper failed, died or took far too long."""
        self.pending = expected != "done"
        deadline = time.monotonic() + max(_WAIT_MIN_S, _WAIT_FACTOR * own_cpu)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                log.warning("The analysis helper took too long; it is stopped.")
                self.stop()
                return None
            try:
                if not self.pipe.poll(min(left, 0.5)):
                    if not self.process.is_alive() and not self.pipe.poll(0):
                        self.stop()
                        return None
                    continue
                kind, job, value = self.pipe.recv()
            except (EOFError, OSError):  # it died
                self.stop()
                return None
            if job != self.jobs:  # an answer to an abandoned job: never, but never mixed up
                continue
            if kind != expected:  # a bug in the analysis: the caller meets it again itself
                self.pending = False
                log.warning("The analysis helper failed:\n%s", value)
                return None
            return value

    def stop(self, polite: bool = False) -> None:
        """End the process and forget it; ``polite``: ask it first and give it ``_STOP_S``
        when it waits for a job (at exit; a helper that is late or dead is just ended)."""
        process, pipe = self.process, self.pipe
        # One still importing would read the request only when done: a command that exits
        # right after one large source must not wait for it.
        polite = polite and self.ready and not self.pending
        self.process = self.pipe = None
        self.ready = self.pending = False
        if pipe is not None:
            if polite:
                try:
                    pipe.send(None)
                except (OSError, ValueError):
                    pass
            pipe.close()
        if process is not None:
            if polite:
                process.join(_STOP_S)
            if process.is_alive():
                process.terminate()
                process.join(_STOP_S)


_helper = Helper()
_lock = threading.Lock()  # held by the one thread that has the helper


@contextmanager
def helper() -> Iterator[Helper | None]:
    """The warm helper for one job, or None when it is busy with another thread's source, not
    ready yet (then it is started, for the next large source), resting after a job that found
    no free core (``_BUSY_FACTOR``) or cannot run in this process.
    A job sent and not received by the end of the block stops the helper."""
    if not _lock.acquire(blocking=False):
        yield None
        return
    try:
        ready = time.monotonic() >= _helper.rest_until and _start() and _helper.is_ready()
        try:
            yield _helper if ready else None
        finally:
            if _helper.pending:  # the caller gave up on its job (an error in its own half)
                _helper.stop()
    finally:
        _lock.release()


def warm(wait: float = 0.0) -> bool:
    """Start the helper if it is not running and wait up to ``wait`` seconds for it to be
    ready; whether it is. Never waits for a thread that has the helper.
    The app may call it when it falls idle; the bench and the tests call it to wait."""
    deadline = time.monotonic() + wait
    while True:
        if not _lock.acquire(blocking=False):  # another thread has it (not long if not ready)
            if _helper.ready:
                return True
        else:
            try:
                if _start() and _helper.is_ready():
                    return True
            finally:
                _lock.release()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def answered() -> int:
    """How many jobs the helpers of this process have answered (the bench counts them)."""
    return _helper.answered


def pid() -> int | None:
    """The helper process's id, when it runs (the bench reads its CPU time)."""
    process = _helper.process
    return None if process is None else process.pid


def _start() -> bool:
    """Start the helper unless it runs; False when this process may not have one (one CPU, a
    daemon process such as the library scan's, which may not start children, or helpers that
    died while starting)."""
    if cpus() < 2 or multiprocessing.current_process().daemon:
        return False
    if _helper.lost_starts >= _MAX_LOST_STARTS:
        return False
    if _helper.process is None or not _helper.process.is_alive():
        try:
            _helper.start()
        except Exception:  # no processes here (a sandbox): the analysis runs in one
            log.warning("The analysis helper could not start.", exc_info=True)
            return False
        _register_stop()
    return True


_registered = False


def _register_stop() -> None:
    global _registered
    if not _registered:
        atexit.register(_helper.stop, polite=True)
        _registered = True


def _unpack(
    sections: list[Section], value: tuple
) -> tuple[list[Section], list[Figure], dict[str, list[str]]]:
    """The helper's answer as the caller's objects (without the frozen ``__init__``)."""
    found, figures, used = value
    # The sections are this job's own (``receive_layout``), seen by no one else yet: they take
    # their sentences and cues in place rather than as copies.
    for section, (sentences, cues) in zip(sections, found, strict=True):
        section.__dict__.update(sentences=sentences, cues=cues)
    made = []
    for values in figures:
        figure = object.__new__(Figure)
        figure.__dict__.update(zip(_FIGURE_FIELDS, values, strict=True))
        made.append(figure)
    return sections, made, used


def _serve(pipe) -> None:
    """The helper's side: say it is ready, then split and analyse each job's blocks until told
    to stop or the caller's end of the pipe closes. A job is answered twice: its sections'
    layout and definitions (``Helper.receive_layout``), then their analysis; or once, when
    it fails."""
    _warm_up()
    pipe.send(("ready",))
    while True:
        try:
            job = pipe.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        if job[0] == "defined":  # for a job that failed before it read them
            continue
        number, key, rows, first, total = job
        layout: threading.Thread | None = None
        try:
            with gc_paused():
                blocks = [_block(row) for row in rows]
                sections = sections_of(key, blocks, first, total)
                content = [s for s in sections if not s.is_meta]
                defined = defined_in(content)
                layout = _send_meanwhile(
                    pipe, ("layout", number, (_layout(key, sections, blocks, first), defined))
                )
                found, figures = _analyse(sections)
                theirs = _defined_by_caller(pipe, number)
                used = uses_in(content, shorts_of({**dict.fromkeys(theirs), **defined}))
                answer = ("done", number, (found, figures, used))
        except Exception:
            answer = ("failed", number, traceback.format_exc())
        if layout is not None:
            layout.join()  # one message at a time on the pipe, the layout first
        try:
            pipe.send(answer)
        except OSError:  # the caller stopped waiting and closed its end
            return


def _send_meanwhile(pipe, message: tuple) -> threading.Thread:
    """Send ``message`` on a thread of its own while the helper goes on with the job.

    The caller reads the layout only once its own half is analysed. A layout larger than the
    pipe's buffer (64 KB on Linux: the second half of a source of about 1.5 MB or more, less
    when its paragraphs are cut into parts) blocked ``send`` until then, so the two halves ran
    one after the other: 10 MB took 4.2 s in halves against 4.1 s alone. A send that fails
    (the caller gone) is the answer's to notice."""

    def send() -> None:
        with suppress(OSError):
            pipe.send(message)

    thread = threading.Thread(target=send, name="half-worker-layout", daemon=True)
    thread.start()
    return thread


def _defined_by_caller(pipe, number: int) -> list[str]:
    """The acronyms the caller's half defines (``Helper.send_defined``), sent for job
    ``number``."""
    while True:
        kind, job, shorts = pipe.recv()
        if kind == "defined" and job == number:
            return shorts


def _block(row: tuple) -> Block:
    """A block sent as its text, kind, level and table."""
    block = object.__new__(Block)
    text, kind, level, table = row
    block.__dict__.update(text=text, kind=kind, level=level, uncertain=(), table=table)
    return block


def _layout(key: str, sections: list[Section], blocks: list[Block], first: int) -> list[tuple]:
    """Each section as its block's place in ``blocks``, id, kind, level, text (None when it is
    the whole block's, which the caller has) and sentences (a part's, found while cutting)."""
    skip = len(key) + 2  # "<key>/s"
    rows = []
    for s in sections:
        offset = int(s.id[skip:].partition(".")[0]) - first
        text = None if s.text is blocks[offset].text else s.text
        rows.append((offset, s.id, s.kind, s.level, text, s.sentences))
    return rows


def _analyse(sections: list[Section]) -> tuple[list[tuple], list[tuple]]:
    """A job's sections analysed: each one's sentences and cues, and each figure's fields."""
    done, figures = analyse_sections(sections)
    return [(s.sentences, s.cues) for s in done], [_figure_values(f) for f in figures]


def _warm_up() -> None:
    """Load what the first analysis would load (the sentence splitter's abbreviations)."""
    text = "Ngày 20/12/2024, TS. Nguyễn Văn A cho biết kim ngạch đạt 12,4 tỷ USD. Cần tăng 5%."
    blocks = [Block("Báo cáo (BC)"), Block(text)]
    sections = sections_of("w", blocks, 0, 2)
    uses_in(sections, shorts_of(defined_in(sections)))
    analyse_sections(sections)
