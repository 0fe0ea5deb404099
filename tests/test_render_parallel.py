"""Two formats written side by side on the command line: same bytes, every failure handled."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest

from briefing_studio.document import Document, Paragraph, Run
from briefing_studio.errors import BriefingError
from briefing_studio.render.parallel import can_fork, write_all

pytestmark = pytest.mark.skipif(not can_fork(), reason="forks on Linux with 2+ cores only")

DOCUMENT = Document(blocks=[Paragraph(inlines=[Run("Kim ngạch đạt 86 tỷ USD")])])
BIG = 1_000_000  # far more than a pipe holds: the child must not block the parent


def pid_writer(document: Document) -> bytes:
    """The writing process's id, then a megabyte: which process wrote it, and a large answer."""
    return f"{os.getpid()}|{document.blocks[0].inlines[0].text}|".encode() + b"x" * BIG


def text_writer(document: Document) -> bytes:
    return document.blocks[0].inlines[0].text.encode()


def writer_pid(data: bytes) -> int:
    return int(data.split(b"|")[0])


def test_the_first_format_is_written_in_a_child_with_the_same_bytes() -> None:
    first, second = write_all(DOCUMENT, [pid_writer, text_writer], parallel=True)
    assert writer_pid(first) != os.getpid()
    assert first.split(b"|", 1)[1] == pid_writer(DOCUMENT).split(b"|", 1)[1]
    assert second == text_writer(DOCUMENT)


def test_not_parallel_writes_here_in_order() -> None:
    first, second = write_all(DOCUMENT, [pid_writer, text_writer], parallel=False)
    assert writer_pid(first) == os.getpid()
    assert second == text_writer(DOCUMENT)


def test_a_process_with_other_threads_does_not_fork() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not can_fork()
        (first, _) = write_all(DOCUMENT, [pid_writer, text_writer], parallel=True)
        assert writer_pid(first) == os.getpid()
    finally:
        stop.set()
        worker.join()


@pytest.mark.parametrize("failure", ["raises", "killed", "exits"])
def test_a_child_that_fails_is_replaced_by_writing_here(failure: str) -> None:
    parent = os.getpid()

    def fragile(document: Document) -> bytes:
        if os.getpid() != parent:
            if failure == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            if failure == "exits":
                sys.stdout.flush()
                os._exit(0)  # "success" with no answer
            raise MemoryError
        return pid_writer(document)

    first, second = write_all(DOCUMENT, [fragile, text_writer], parallel=True)
    assert writer_pid(first) == parent
    assert second == text_writer(DOCUMENT)


def test_an_error_of_the_format_is_raised_here() -> None:
    def broken(document: Document) -> bytes:
        raise BriefingError("Không ghi được tệp.", "Cannot write the file.")

    with pytest.raises(BriefingError, match="Cannot write"):
        write_all(DOCUMENT, [broken, text_writer], parallel=True)
    with pytest.raises(BriefingError, match="Cannot write"):
        write_all(DOCUMENT, [text_writer, broken], parallel=True)
