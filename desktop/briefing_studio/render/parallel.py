"""Writing a document in several formats at once, one format in a forked child process.

The DOCX and the PDF writers are pure Python and each takes a few tenths of a second in a new
process (mostly importing python-docx or reportlab and their first use), so writing both one
after the other is most of a command-line render. On a machine with two cores, the first format
is written in a child process forked after the document is built, while this process writes
the others; the child sends back its bytes through a pipe.

Only where forking is safe: Linux, more than one core, and a process with a single thread (the
command line; never the GUI, whose worker threads could hold locks the child would inherit).
The child's answer is used only when it is complete: if the child fails in any way, this
process writes that format itself, so every error is raised here, as in a sequential write.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence

from briefing_studio.document import Document

Writer = Callable[[Document], bytes]


def can_fork() -> bool:
    """Whether writing in a forked child helps and is safe in this process."""
    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
    )


def write_all(document: Document, writers: Sequence[Writer], *, parallel: bool) -> list[bytes]:
    """Each writer's bytes for ``document``, in order; the first in a child when ``parallel``."""
    if not parallel or len(writers) < 2 or not can_fork():
        return [write(document) for write in writers]
    first, *rest = writers
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: write, send, and leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            data = first(document)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            others = [write(document) for write in rest]
        except BaseException:
            os.kill(child, signal.SIGKILL)  # the export fails: its other format is not needed
            os.waitpid(child, 0)
            raise
        answer = pipe.read()
    _, status = os.waitpid(child, 0)
    # A child that failed (an error, killed, out of memory) exits with another status.
    finished = os.waitstatus_to_exitcode(status) == 0 and answer
    return [answer if finished else first(document), *others]
