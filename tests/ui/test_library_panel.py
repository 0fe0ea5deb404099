"""The Library tab: opened sources are remembered, searched as you type, and a paragraph found
there goes into the briefing in one keystroke, even when its original file is gone; watched
folders are scanned in the background while the window keeps responding."""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from briefing_studio.library import open_library
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.textutil import fold
from library_fixtures import REPORT_KR, numbered_report, write


def highlighted(browser) -> list[str]:
    """The pieces of the browser's text shown on the highlight colour."""
    found = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == "#ffe58a":
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_opened_sources_are_searched_as_you_type_and_enter_adds_the_paragraph(
    make_window, qtbot, idle
) -> None:
    window = make_window()  # opens the two sample texts: both go into the library
    with open_library() as library:
        assert library.stats()["sources"] == 2
    panel = window.library_panel
    window.tabs.setCurrentWidget(panel)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "han quoc")  # no diacritics typed
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=10000)
    hit = panel.current_hit()
    assert "Hàn Quốc" in hit.text
    assert {fold(text) for text in highlighted(panel.detail)} == {"han quoc"}
    assert panel.status.text()
    # Down in the search field moves through the results; Enter there goes to the list.
    if panel.results.count() > 1:
        qtbot.keyClick(panel.search, Qt.Key.Key_Down)
        assert panel.results.currentRow() == 1
    for section_id in window.state.briefing.section_ids():
        window.state.toggle_section(section_id, False)
    chosen = panel.current_hit().section_key
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.is_section_chosen(chosen), timeout=10000)
    idle(window)


def test_a_paragraph_from_a_moved_file_goes_into_a_project_that_reopens(
    make_window, qtbot, idle, tmp_path
) -> None:
    original = write(tmp_path / "old", "kr.txt", REPORT_KR)
    window = make_window([str(original)])
    idle(window)
    with open_library() as library:
        assert any(s.path == str(original) for s in library.sources())
    original.unlink()  # moved away
    window.state.remove_source(window.state.analyses[0].source.key)
    assert not window.state.analyses

    panel = window.library_panel
    panel.counterpart.setText("Bắc Giang")  # a former province: finds Bắc Ninh too
    qtbot.waitUntil(lambda: panel.results.count() >= 2, timeout=10000)
    texts = [panel.results.item(i).data(Qt.ItemDataRole.UserRole + 11).text for i in range(2)]
    assert any("Bắc Ninh" in t for t in texts) and any("Bắc Giang" in t for t in texts)
    panel.add_button.click()
    qtbot.waitUntil(lambda: bool(window.state.briefing.sections), timeout=10000)
    idle(window)
    project = save_briefing(window.state.snapshot(), tmp_path / "b.briefing")
    reopened = load_briefing(project)
    assert reopened.sources[0].path == str(original)
    assert "81,5 tỷ USD" in reopened.sources[0].text
    assert reopened.sections[0].section in [c.section for c in window.state.briefing.sections]


def test_watched_folders_are_scanned_in_the_background_and_the_window_keeps_responding(
    make_window, qtbot, idle, tmp_path
) -> None:
    folder = tmp_path / "watched"
    for n in range(150):
        write(folder / f"y{n % 3}", f"r{n:03d}.txt", numbered_report(n) * 3)
    window = make_window()
    panel = window.library_panel
    from briefing_studio.ui.library_panel import set_watched_folders

    set_watched_folders([str(folder)])
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    op = panel.scan_watched()
    assert op is not None and panel.scan_watched() is None  # one scan at a time
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: panel.scan_op is None, timeout=120000)
    timer.stop()
    with open_library() as library:
        assert library.stats()["sources"] == 2 + 150
    assert "150" in panel.status.text()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # The UI thread kept running its timer all along (the issue asks for no pause over 100 ms;
    # 37 ms measured here with the scan in a child process; a machine shared with other work
    # gets 50 ms of slack). bench/bench_library.py --ui-scan 1000 measures a folder of 1 000.
    assert len(gaps) > 20 and max(gaps) < float(os.environ.get("BRIEFING_MAX_UI_PAUSE_S", "0.15"))
    print(f"longest UI pause while scanning: {max(gaps) * 1000:.0f} ms")

    # A second scan finds nothing new; Cancel stops a scan early.
    for n in range(150, 400):
        write(folder, f"r{n:03d}.txt", numbered_report(n))
    panel.scan_watched()
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=10000)
    window.progress.cancel_button.click()
    qtbot.waitUntil(lambda: panel.scan_op is None, timeout=60000)
    idle(window)
    with open_library() as library:
        assert 152 <= library.stats()["sources"] < 2 + 400


def test_pasted_text_goes_into_the_library_once_and_a_hit_from_it_joins_the_briefing(
    make_window, qtbot, idle
) -> None:
    window = make_window()
    idle(window)
    pasted = "Đoàn doanh nghiệp Ca-dắc-xtan thăm Đà Nẵng và ký 7 thỏa thuận trị giá 42 triệu USD."
    window.files.paste_source(pasted)
    idle(window)
    window.files.paste_source(pasted)  # the same text again: stored once
    idle(window)
    with open_library() as library:
        stored = [s for s in library.sources() if s.format == "pasted"]
    assert len(stored) == 1 and stored[0].path == ""

    key = window.state.analyses[-1].source.key
    window.state.remove_source(key)
    assert all(a.source.key != key for a in window.state.analyses)
    panel = window.library_panel
    window.tabs.setCurrentWidget(panel)
    panel.search.setText("ca dac xtan")
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=10000)
    assert panel.current_hit().source.id == stored[0].id
    chosen = panel.current_hit().section_key
    panel.add_button.click()
    qtbot.waitUntil(lambda: window.state.is_section_chosen(chosen), timeout=10000)
    idle(window)
    assert any(a.source.key == key and a.source.text == pasted for a in window.state.analyses)


def test_an_older_library_is_upgraded_with_progress_and_cancel_in_the_status_bar(
    make_window, qtbot, idle, monkeypatch
) -> None:
    """The tab upgrades a library of schema 1 as soon as it is made, with its progress and
    Cancel in the status bar; cancelled, the library stays at version 1 with what it held and
    the sources opened meanwhile wait; the next search upgrades it and finds them all."""
    import pytest

    from briefing_studio.library import UpgradeNeeded, schema
    from briefing_studio.library.backends import default_location
    from library_fixtures import make_schema_1_library

    make_schema_1_library(default_location(), monkeypatch, ["Đoạn cũ về Hàn Quốc năm 2020."])

    calls = []

    def slow_step(_library, progress) -> None:
        # The first upgrade is long (up to 1 500 batches of 20 ms, until it is cancelled): the
        # name finding of the samples may be the status bar's newest op for a while on a busy
        # machine, and the upgrade must still be running once it is shown again. The second,
        # after the search, is short (200 batches).
        calls.append(None)
        batches = 1500 if len(calls) == 1 else 200
        for batch in range(1, batches + 1):
            time.sleep(0.02)
            progress(batch, batches)

    upgrade = {"sqlite": (schema.RowStep(slow_step, share=10),), "postgresql": ()}
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, 2: upgrade})
    window = make_window(start=False)
    window.start([])  # its two sample texts are opened meanwhile
    panel = window.library_panel
    host = window.progress
    qtbot.waitUntil(lambda: panel.upgrade_op is not None and host.isVisible(), timeout=10000)
    # The status bar shows its newest op: the samples' name finding may start after the
    # upgrade and stand in front of it until it ends.
    qtbot.waitUntil(lambda: host.current() is panel.upgrade_op, timeout=25000)
    assert host.label.text() == "Đang cập nhật thư viện"
    assert host.cancel_button.isVisible()
    qtbot.waitUntil(
        lambda: (
            host.current() is panel.upgrade_op and host.bar.maximum() > 0 and host.bar.value() > 0
        ),
        timeout=10000,
    )
    host.cancel_button.click()
    qtbot.waitUntil(lambda: panel.upgrade_op is None, timeout=10000)
    assert "Đã huỷ cập nhật thư viện" in panel.status.text()
    idle(window)
    with pytest.raises(UpgradeNeeded):
        open_library(upgrade=False)

    window.tabs.setCurrentWidget(panel)
    panel.search.setText("han quoc")  # the search finds the library waiting: upgraded first
    qtbot.waitUntil(lambda: panel.upgrade_op is not None, timeout=10000)
    qtbot.waitUntil(lambda: panel.upgrade_op is None, timeout=30000)
    qtbot.waitUntil(lambda: panel.results.count() >= 2, timeout=10000)
    assert "Đoạn cũ về Hàn Quốc năm 2020." in [hit.text for hit in panel._hits]
    with open_library(upgrade=False) as library:
        assert library.stats()["sources"] == 3  # the old one and the two opened meanwhile
    idle(window)
