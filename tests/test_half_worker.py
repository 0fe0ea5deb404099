"""A large source analysed in two halves at once, one in the warm helper process
(``analysis/half_worker.py``), gives exactly the analysis of one process; the helper failing,
dying, hanging or being busy never changes a result nor hangs the caller."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from functools import cache
from pathlib import Path

import pytest

from briefing_studio.analysis import analyze, half_worker, pipeline
from briefing_studio.analysis.model import Analysis, Section
from briefing_studio.analysis.sections import content_blocks, sections_of
from briefing_studio.apart import run_apart
from briefing_studio.paths import seed_files
from briefing_studio.sources import source_from_text
from briefing_studio.sources.model import Block, SourceDocument, Table, TableCell

pytestmark = pytest.mark.skipif(half_worker.cpus() < 2, reason="the halves need two CPUs")

NOTE = "Số liệu xuất nhập khẩu của tỉnh với các đối tác (Đơn vị: tỷ USD)"


@pytest.fixture(autouse=True)
def no_rest(monkeypatch) -> None:
    """Other work on the test machine may starve the helper; here that must not make it rest
    (resting has its own test)."""
    monkeypatch.setattr(half_worker, "_REST_S", 0.0)


@cache
def _seed_blocks() -> tuple[Block, ...]:
    blocks: list[Block] = []
    for path in seed_files():
        blocks.extend(source_from_text(path.read_text(encoding="utf-8"), path.name).blocks)
    return tuple(blocks)


def _table(n: int) -> Table:
    rows = [["Chỉ tiêu", "2023", "2024"], [f"Kim ngạch với đối tác {n}", "10,2", f"{n},4"]]
    cells = tuple(
        TableCell(text, row, col, header=row == 0)
        for row, texts in enumerate(rows)
        for col, text in enumerate(texts)
    )
    return Table(cells, n_rows=2, n_cols=3, header_rows=1)


def large_source(padding: int = 0) -> SourceDocument:
    """The seeds' blocks repeated past the halves' threshold, a note line and a table after
    every other paragraph, and ``padding`` characters more in the first block (which moves
    where the halves are cut)."""
    seeds = _seed_blocks()
    blocks = [Block("Báo cáo tổng hợp" + " tình hình" * padding)]
    n = 0
    while sum(len(b.text) for b in blocks) < pipeline.HALVES_MIN_CHARS * 1.2:
        for block in seeds:
            blocks.append(block)
            n += 1
            if n % 2 == 0:
                blocks += [Block(NOTE), Block.of_table(_table(n))]
    return SourceDocument("", "lon.txt", "pasted", None, tuple(blocks))


ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))
HEADINGS = ["I. TÌNH HÌNH CHUNG", "1. Kết quả đạt được", "Hợp tác đầu tư"]


def content_of(source: SourceDocument) -> list[Block]:
    blocks, end = content_blocks(source)
    return blocks[:end]


def with_padding(blocks: list[Block], padding: int) -> SourceDocument:
    """``blocks`` after a title line ``padding`` words longer (which moves the cut)."""
    title = Block("Báo cáo tổng hợp" + " tình hình" * padding)
    return SourceDocument("", "lon.txt", "pasted", None, (title, *blocks))


def repeated(blocks: list[Block], tail: tuple[Block, ...] = ()) -> list[Block]:
    out: list[Block] = []
    while sum(len(b.text) for b in out) < pipeline.HALVES_MIN_CHARS * 1.2:
        out += blocks
    return out + list(tail)


def cut_where(blocks: list[Block], found) -> SourceDocument:
    """The source of ``blocks`` padded so that ``found(content, cut)`` holds at the halves' cut."""
    for padding in range(600):
        source = with_padding(blocks, padding)
        content = content_of(source)
        cut = pipeline.cut_of(content)
        if cut is not None and found(content, cut):
            return source
    raise AssertionError("no padding puts the cut there")


def _article_blocks() -> list[Block]:
    blocks: list[Block] = []
    for path in ARTICLES:
        blocks.extend(source_from_text(path.read_text(encoding="utf-8"), path.name).blocks)
    return blocks


def _has_parts(key: str, block_number: int, sections: list[Section]) -> bool:
    return any(s.id.startswith(f"{key}/s{block_number}.") for s in sections)


def source_cut_after_a_table() -> SourceDocument:
    """The first half ends with a table (its unit read from the note line above it)."""
    return cut_where(list(large_source().blocks[1:]), lambda c, cut: c[cut - 1].table is not None)


def source_cut_before_a_note_and_table() -> SourceDocument:
    """The second half starts with a note line and the table that reads its unit from it."""
    return cut_where(
        list(large_source().blocks[1:]),
        lambda c, cut: c[cut].text == NOTE and c[cut + 1].table is not None,
    )


def source_cut_at_headings() -> SourceDocument:
    """The second half starts with a run of heading lines (levels decided by the whole run)."""
    seeds = [b for b in _seed_blocks() if len(b.text) > 120][:20]
    unit = []
    for block in seeds:
        unit += [*(Block(text) for text in HEADINGS), block]
    return cut_where(repeated(unit), lambda c, cut: c[cut].text == HEADINGS[0])


def source_cut_near_parts() -> SourceDocument:
    """An article paragraph cut into parts (captions, bylines) just before the cut."""
    blocks = repeated(_article_blocks())

    def found(content: list[Block], cut: int) -> bool:
        sections = sections_of("", content[cut - 1 : cut], cut - 1, len(content))
        return len(sections) > 1

    return cut_where(blocks, found)


def source_cut_near_the_trailer() -> SourceDocument:
    """Articles ending with their byline and source lines, the cut among the last blocks."""
    tail = (Block("Minh Anh"), Block("Nguồn: TTXVN"), Block("https://baotintuc.vn/a.htm"))
    return with_padding(repeated(_article_blocks(), tail), 0)


def assert_same(halves: Analysis, serial: Analysis) -> None:
    assert halves.sections == serial.sections
    assert halves.figures == serial.figures
    assert halves.acronyms == serial.acronyms
    assert halves.metadata == serial.metadata
    assert halves.to_json() == serial.to_json()


def analyse_both(source: SourceDocument) -> tuple[Analysis, Analysis]:
    """``source`` analysed in halves (the helper warm first; checked it answered) and in one
    process."""
    assert half_worker.warm(wait=30)
    answered = half_worker._helper.answered
    halves = analyze(source)
    assert half_worker._helper.answered == answered + 1  # the helper did analyse a half
    return halves, analyze(source, halves=False)


@pytest.mark.parametrize(
    "make",
    [
        source_cut_after_a_table,
        source_cut_before_a_note_and_table,
        source_cut_at_headings,
        source_cut_near_parts,
    ],
)
def test_a_large_source_in_halves_is_the_serial_analysis(make) -> None:
    source = make()
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    assert len({f.id for f in halves.figures}) == len(halves.figures) > 100
    assert len({s.id for s in halves.sections}) == len(halves.sections)
    assert [s.index for s in halves.sections] == list(range(len(halves.sections)))


def test_the_helper_reads_a_tables_unit_from_the_note_line_in_its_half() -> None:
    source = source_cut_before_a_note_and_table()
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    cut = pipeline.cut_of(content_of(source))
    table = next(s for s in halves.sections if s.id == f"{source.key}/s{cut + 1}")
    found = [(f.surface, f.value, f.unit) for f in halves.figures if f.section == table.id]
    assert table.table is not None and table.table.cells[4].text == "10,2"
    assert ("10,2", 10.2e9, "USD") in found  # not a bare 10.2: "tỷ USD" is in the note


def test_headings_at_the_cut_keep_their_levels() -> None:
    source = source_cut_at_headings()
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    cut = pipeline.cut_of(content_of(source))
    run = [s for s in halves.sections if s.id in {f"{source.key}/s{cut + i}" for i in range(3)}]
    assert [(s.kind, s.level) for s in run] == [("heading", 1), ("heading", 2), ("heading", 2)]


def test_a_paragraph_cut_into_parts_before_the_cut_is_the_serial_one() -> None:
    source = source_cut_near_parts()
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    cut = pipeline.cut_of(content_of(source))
    assert _has_parts(source.key, cut - 1, halves.sections)
    assert any(s.is_meta for s in halves.sections) and halves.acronyms


@pytest.mark.parametrize("left", [1, 2, 3])
def test_a_cut_near_the_trailer_keeps_the_metadata(left, monkeypatch) -> None:
    source = source_cut_near_the_trailer()
    content = content_of(source)
    chars = [len(b.text) for b in content]
    share = (sum(chars[:-left]) - 0.5) / sum(chars)  # the helper gets the last ``left`` blocks
    monkeypatch.setattr(pipeline, "_OWN_SHARE", share)
    assert pipeline.cut_of(content) == len(content) - left
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    assert serial.metadata.author == "Minh Anh" and serial.metadata.source_url


def test_acronyms_defined_in_both_halves_keep_the_first_definition() -> None:
    """HDS is defined in each half, differently (the first half's wins); QPN is used in the
    first half and defined only in the second (its uses in both halves count)."""
    first = Block("Hội đồng Doanh nghiệp Số (HDS) họp với các thành viên QPN về vốn vay ưu đãi.")
    second = Block("Hiệp hội Doanh nghiệp Sạch (HDS) và Quỹ Phát triển Nông nghiệp (QPN) ký kết.")
    blocks = list(large_source().blocks[1:])
    middle = len(blocks) * 3 // 4
    source = with_padding([*blocks[:20], first, *blocks[20:middle], second, *blocks[middle:]], 0)
    cut = pipeline.cut_of(content_of(source))
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    found = {a.short: a for a in halves.acronyms}
    assert found["HDS"].expansion == "Hội đồng Doanh nghiệp Số"
    where = [int(section.split("/s")[1].split(".")[0]) for section in found["QPN"].sections]
    assert where[0] < cut <= where[-1]
    assert found["QPN"].expansion == "Quỹ Phát triển Nông nghiệp"


@pytest.mark.parametrize("path", seed_files(), ids=lambda path: path.stem)
def test_each_seed_in_halves_is_its_serial_analysis(path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "HALVES_MIN_CHARS", 0)
    source = source_from_text(path.read_text(encoding="utf-8"), path.name)
    assert_same(*analyse_both(source))


def test_a_killed_helper_is_started_again_and_the_analysis_goes_on() -> None:
    source = large_source()
    serial = analyze(source, halves=False)
    assert half_worker.warm(wait=30)
    first = half_worker.pid()
    half_worker._helper.process.kill()
    half_worker._helper.process.join(5)
    answered = half_worker._helper.answered
    assert_same(analyze(source), serial)  # on its own, while a new helper starts
    assert half_worker._helper.answered == answered
    assert half_worker.warm(wait=30) and half_worker.pid() != first
    assert_same(analyze(source), serial)
    assert half_worker._helper.answered == answered + 1


def test_a_helper_that_dies_during_a_job_gives_none_at_once() -> None:
    blocks = content_of(large_source())
    assert half_worker.warm(wait=30)
    with half_worker.helper() as helper:
        assert helper is not None and helper.send("", blocks, 0, len(blocks))
        helper.process.kill()
        start = time.monotonic()
        assert helper.receive_layout(blocks, 0, own_cpu=0.0) is None
        assert time.monotonic() - start < 2
    assert half_worker.pid() is None  # forgotten; the next large analysis starts another


def test_a_helper_that_takes_too_long_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(half_worker, "_WAIT_MIN_S", 0.01)
    blocks = content_of(large_source())
    assert half_worker.warm(wait=30)
    with half_worker.helper() as helper:
        assert helper is not None and helper.send("", blocks, 0, len(blocks))
        assert helper.receive_layout(blocks, 0, own_cpu=0.0) is None
    assert half_worker.pid() is None


def test_a_failure_in_the_helper_gives_none_and_the_helper_serves_on() -> None:
    broken = [Block(None)]  # type: ignore[arg-type]
    assert half_worker.warm(wait=30)
    pid = half_worker.pid()
    with half_worker.helper() as helper:
        assert helper is not None and helper.send("k", broken, 0, 1)
        assert helper.receive_layout(broken, 0, own_cpu=0.0) is None
    source = large_source()
    halves, serial = analyse_both(source)
    assert_same(halves, serial)
    assert half_worker.pid() == pid


def test_a_failure_after_the_layout_gives_none_and_the_helper_serves_on() -> None:
    """The helper splits the blocks and sends their layout, then its analysis fails (a table
    block whose table is no table): ``receive`` gives None, the next job is answered."""
    blocks = [Block("Kim ngạch đạt 12,4 tỷ USD (BC)."), Block("x", "table", table="x")]  # type: ignore[arg-type]
    assert half_worker.warm(wait=30)
    pid = half_worker.pid()
    with half_worker.helper() as helper:
        assert helper is not None and helper.send("k", blocks, 0, 2)
        helper.send_defined({})
        laid = helper.receive_layout(blocks, 0, own_cpu=0.0)
        assert laid is not None
        sections, defined = laid
        assert [s.id for s in sections] == ["k/s0", "k/s1"] and sections[1].table == "x"
        assert defined == {}
        assert helper.receive(sections, own_cpu=0.0) is None
        assert not helper.pending
    halves, serial = analyse_both(large_source())
    assert_same(halves, serial)
    assert half_worker.pid() == pid


def test_a_busy_helper_leaves_another_thread_to_analyse_on_its_own() -> None:
    source = large_source()
    serial = analyze(source, halves=False)
    assert half_worker.warm(wait=30)
    answered = half_worker._helper.answered
    results: list[Analysis] = []
    with half_worker.helper() as helper:  # this thread has the helper
        assert helper is not None
        thread = threading.Thread(target=lambda: results.append(analyze(source)))
        thread.start()
        thread.join(60)
    assert_same(results[0], serial)
    assert half_worker._helper.answered == answered


def analyse_in_a_daemon(*, progress, cancelled) -> tuple[bool, int | None]:
    """In the library scan's kind of child (a daemon, which may not start processes)."""
    source = large_source()
    return analyze(source).to_json() == analyze(source, halves=False).to_json(), half_worker.pid()


def test_a_daemon_process_analyses_a_large_source_on_its_own() -> None:
    assert run_apart(analyse_in_a_daemon) == (True, None)


def test_a_small_source_does_not_import_multiprocessing() -> None:
    code = (
        "import sys\n"
        "from briefing_studio.analysis import analyze\n"
        "from briefing_studio.sources import source_from_text\n"
        "analyze(source_from_text('Kim ngạch đạt 12,4 tỷ USD, tăng 5%.'))\n"
        "print(sorted(m for m in sys.modules if 'multiprocessing' in m or 'half_worker' in m))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_the_helper_ends_with_the_process_that_started_it() -> None:
    code = (
        "from briefing_studio.analysis import half_worker\n"
        "assert half_worker.warm(wait=30)\n"
        "print(half_worker.pid())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status = Path(f"/proc/{int(done.stdout)}/status")
    deadline = time.monotonic() + 5
    while status.exists() and "zombie" not in status.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not status.exists() or "zombie" in status.read_text()
    assert done.stderr == ""  # asked to stop, it stopped: no traceback


def test_a_helper_that_dies_while_starting_is_given_up_after_two(monkeypatch) -> None:
    monkeypatch.setattr(half_worker, "_helper", half_worker.Helper())  # none started yet
    source = large_source()
    serial = analyze(source, halves=False)
    for _ in range(2):
        assert not half_worker.warm()  # starts a helper (the second time, after one died)
        half_worker._helper.process.kill()  # long before it has imported the analysis
        half_worker._helper.process.join(5)
    assert_same(analyze(source), serial)  # finds the second one dead, starts no third
    assert half_worker.pid() is None and not half_worker.warm(wait=1)
    assert half_worker._helper.lost_starts == 2


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="stops the helper with SIGSTOP")
def test_a_helper_that_found_no_free_core_rests(monkeypatch) -> None:
    monkeypatch.setattr(half_worker, "_REST_S", 60.0)
    source = large_source()
    serial = analyze(source, halves=False)
    assert half_worker.warm(wait=30)
    pid = half_worker.pid()
    answered = half_worker._helper.answered
    monkeypatch.setattr(half_worker._helper, "starved", 0)

    def late_job() -> None:
        os.kill(pid, signal.SIGSTOP)  # as if other work had its core for half a second
        waking = threading.Timer(0.5, os.kill, (pid, signal.SIGCONT))
        waking.start()
        assert_same(analyze(source), serial)
        waking.join()

    late_job()
    assert half_worker._helper.rest_until <= time.monotonic()  # once may be a moment's load
    late_job()
    assert half_worker._helper.rest_until > time.monotonic()  # twice in a row: a busy machine
    assert half_worker._helper.answered == answered + 2  # it answered both, late
    assert_same(analyze(source), serial)  # resting: analysed in one process
    assert half_worker._helper.answered == answered + 2 and half_worker.pid() == pid
    monkeypatch.setattr(half_worker._helper, "rest_until", 0.0)  # the rest is over
    assert_same(analyze(source), serial)
    assert half_worker._helper.answered == answered + 3


def test_the_helper_sends_a_large_layout_while_it_goes_on_with_the_job() -> None:
    """A layout larger than the pipe's buffer is sent on a thread: the helper does not wait
    until the caller, busy with its own half, reads it (10 MB ran its halves one after the
    other that way); the answer sent after it still comes second."""
    import multiprocessing

    caller, helper = multiprocessing.Pipe()
    layout = ("layout", 1, ["x" * 4_000_000])  # far beyond any pipe or socket buffer
    started = time.monotonic()
    thread = half_worker._send_meanwhile(helper, layout)
    assert time.monotonic() - started < 1.0  # not blocked on the unread pipe
    assert thread.is_alive()  # still sending: nobody has read yet
    assert caller.recv() == layout
    thread.join(timeout=10)
    assert not thread.is_alive()
    helper.send(("done", 1, None))
    assert caller.recv() == ("done", 1, None)
    caller.close()
    helper.close()
