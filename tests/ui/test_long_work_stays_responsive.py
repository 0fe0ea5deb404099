"""Finding names runs in the background: the window keeps working and Cancel stops it."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from briefing_studio.analysis import analyze
from briefing_studio.analysis.entities import Cancelled
from briefing_studio.sources import source_from_text
from briefing_studio.ui import ops


class SlowFinder:
    """A controllable stand-in for NER: one 'sentence' per 10 ms, honouring ``cancelled``."""

    def __init__(self, sentences: int) -> None:
        self.sentences = sentences
        self.done = 0
        self.started = threading.Event()
        self.stopped_early = False

    def __call__(self, analysis, use_ner=True, progress=None, cancelled=None) -> list:
        self.started.set()
        for index in range(self.sentences):
            if cancelled is not None and cancelled():
                self.stopped_early = True
                raise Cancelled()
            time.sleep(0.01)
            self.done = index + 1
            if progress is not None:
                progress(index + 1, self.sentences)
        return []


def test_window_keeps_responding_while_names_are_found_and_cancel_stops_early(
    make_window, qtbot
) -> None:
    finder = SlowFinder(sentences=3000)  # ~30 s if nobody cancels
    window = make_window(entity_finder=finder, start=False)
    window.start([])
    qtbot.waitUntil(finder.started.is_set, timeout=30000)
    assert window.state.analyses, "names are looked for after loading"
    assert window.names.op is not None
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    qtbot.waitUntil(lambda: finder.done >= 30, timeout=10000)
    # The UI thread ran the timer and can still take edits while the worker runs.
    window.state.edit_field("meeting", "place", "Hà Nội")
    assert window.state.briefing.meeting.place == "Hà Nội"
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=10000)
    assert window.progress.isVisible()
    assert window.progress.bar.maximum() == 3000
    window.progress.cancel_button.click()
    qtbot.waitUntil(lambda: window.names.op is None, timeout=10000)
    timer.stop()
    assert finder.stopped_early
    assert finder.done < finder.sentences
    assert (
        "cancel" in window.entities_panel.status.text().lower()
        or "hủy" in window.entities_panel.status.text().lower()
    )
    # Other work (the preview refresh after the edit) may still be finishing on a busy machine.
    qtbot.waitUntil(lambda: not ops.running_ops(), timeout=30000)


def test_real_entity_recognition_lists_people_and_places(make_window, qtbot) -> None:
    window = make_window(start=False)
    text = (
        "Chiều 20/12, Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội.\n"
        "Hai bên trao đổi về hợp tác giữa Bắc Giang và tập đoàn Samsung."
    )
    analysis = analyze(source_from_text(text, "ngắn"))
    from briefing_studio.briefing import Briefing
    from briefing_studio.workspace import Workspace

    window.state.reset(Workspace([analysis]), Briefing())
    window.names.start([analysis])
    qtbot.waitUntil(lambda: analysis.entities is not None, timeout=120000)
    names = {e.name for e in analysis.entities}
    assert "Phạm Minh Chính" in names
    tree = window.entities_panel.tree
    shown = {
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    assert "Phạm Minh Chính" in shown


def test_a_long_source_is_tagged_in_a_child_process_and_cancel_reaches_it(
    make_window, qtbot, monkeypatch
) -> None:
    """Past ``APART_FROM_SENTENCES`` untagged sentences, NER runs in a spawned child: this
    process's tagger is made to fail, so names found prove the child tagged them; and a cancel
    during the child's work stops it."""
    from briefing_studio.analysis import entities
    from briefing_studio.analysis.ner_cache import NerCache
    from briefing_studio.briefing import Briefing
    from briefing_studio.ui.name_finding import APART_FROM_SENTENCES
    from briefing_studio.workspace import Workspace

    def not_here():
        raise AssertionError("NER ran in the window's process")

    monkeypatch.setattr(entities, "_tagger", not_here)
    towns = ["Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Nha Trang"]
    lines = [
        f"Ngày {day}/3, ông Trần Quang Khải làm việc với đoàn công tác tại {towns[day % 5]}."
        for day in range(1, APART_FROM_SENTENCES + 6)
    ]
    analysis = analyze(source_from_text("\n".join(lines), "dài"))
    assert len(entities.untagged_sentences(analysis)) >= APART_FROM_SENTENCES

    window = make_window(start=False)
    window.state.reset(Workspace([analysis]), Briefing())
    window.names.start([analysis])
    qtbot.waitUntil(lambda: analysis.entities is not None, timeout=180000)
    assert "Trần Quang Khải" in {e.name for e in analysis.entities}
    assert entities.untagged_sentences(analysis) == []  # the child's tags reached this cache
    assert len(NerCache.default()) >= APART_FROM_SENTENCES

    # Cancel while the child tags a second long source.
    other = analyze(source_from_text("\n".join(x.replace("Khải", "Khánh") for x in lines), "hai"))
    window.state.reset(Workspace([analysis, other]), Briefing())
    window.names.start([other])
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=10000)
    qtbot.wait(300)
    window.progress.cancel_button.click()
    qtbot.waitUntil(lambda: window.names.op is None, timeout=30000)
    assert other.entities is None
    assert "hủy" in window.entities_panel.status.text().lower()


def test_an_op_reports_a_user_error_as_a_warning_naming_the_file(
    qtbot, studio_app, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from briefing_studio.errors import BriefingError

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def task(_ctx):
        raise BriefingError("Tệp hỏng.", "Broken file.", path="/tmp/bao-cao.txt")

    op = ops.run_op(task, lambda _r: None)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert shown and "/tmp/bao-cao.txt" in shown[0]


def test_a_long_source_is_laid_out_once_without_keeping_every_section_drawn(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    """Heights are remembered for every row; rich-text documents only for a few hundred.

    Keeping (then freeing) a document per row froze the window for seconds on a 1 MB source
    (``bench/bench_ui.py``: ``big_source_longest_pause_s``).
    """
    from briefing_studio.ui import section_delegate

    paragraphs = [
        f"Đoạn {n}: tỉnh thu hút {n + 10} dự án với tổng vốn {n},5 tỷ USD, tăng {n % 9 + 1}%."
        for n in range(3 * section_delegate.DOCUMENTS_KEPT)
    ]
    big = tmp_path / "bao-cao-dai.txt"
    big.write_text("\n\n".join(paragraphs), encoding="utf-8")
    window = make_window(files=[str(big)], entity_finder=lambda analysis, **kw: [])
    view = window.source_view.view
    delegate = view.delegate
    rows = len(window.source_view.model.entries)
    entries = [e for e in window.source_view.model.entries if e.section is not None]

    def laid_out_at_this_width() -> bool:
        # Rows are laid out a batch at a time, and the scroll bar that appears on the way
        # narrows the rows: wait for every row's height at the width they end up with.
        return all(delegate._key(e.section) in delegate._heights for e in entries)

    qtbot.waitUntil(laid_out_at_this_width, timeout=30000)
    assert len(entries) >= len(paragraphs)
    assert len(delegate._docs) <= section_delegate.DOCUMENTS_KEPT

    built: list[str] = []
    original = section_delegate.section_html
    monkeypatch.setattr(
        section_delegate,
        "section_html",
        lambda section, *a: built.append(section.id) or original(section, *a),
    )
    window.source_view.model._refresh()  # every row changed: the view lays them all out again
    view.scrollToBottom()
    qtbot.wait(300)
    assert rows > len(paragraphs)
    # Only rows drawn on screen need documents again; heights come from the cache.
    assert len(built) < section_delegate.DOCUMENTS_KEPT


def test_the_seeds_text_is_drawn_when_the_window_falls_idle(make_window, qtbot) -> None:
    """The section list is never left blank: with rows laid out in batches smaller than the
    list, a screenshot of the idle window showed an empty text panel."""
    window = make_window()
    qtbot.waitUntil(lambda: not window.busy() and window.preview.up_to_date(), timeout=60000)
    image = window.source_view.view.viewport().grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, min(image.height(), 300), 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 200, "the seeds' paragraphs are drawn"


def test_progress_reaches_the_window_a_few_times_a_second_and_always_at_the_end() -> None:
    reports: list[tuple[int, int]] = []
    context = ops.TaskContext(_report=lambda done, total: reports.append((done, total)))
    for sentence in range(1, 2001):  # NER reports every sentence, far faster than a screen
        context.progress(sentence, 2000)
    assert reports[0] == (1, 2000) and reports[-1] == (2000, 2000)
    assert len(reports) < 20
