"""The preview after a change: a tick renders at once, typing waits for a pause, a burst of
ticks ends in one up-to-date preview without a queue of renders."""

from __future__ import annotations

import io
import time
import unicodedata

import pypdf
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from briefing_studio.ui import ops
from briefing_studio.ui.preview import (
    CLICK_DEBOUNCE_MS,
    MAX_RASTER_WIDTH,
    PreviewPanel,
    briefing_pdf,
)


def text_of(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in pages)).split())


@pytest.fixture
def renders(monkeypatch) -> list[tuple[float, int]]:
    """(when, generation) of every preview render started; the real ``run_op`` runs each, and
    starting one while the window's preview has another running fails the test."""
    started: list[tuple[float, int]] = []
    run_op = ops.run_op

    def watched(task, *args, **kwargs):
        preview = kwargs.get("parent")
        if isinstance(preview, PreviewPanel):
            assert preview._op is None, "a preview render started while another was running"
            started.append((time.perf_counter(), preview.generation))
        return run_op(task, *args, **kwargs)

    monkeypatch.setattr(ops, "run_op", watched)
    return started


def shows_the_briefing(window) -> bool:
    """The preview shows what the briefing is now (not an older render)."""
    state = window.state
    expected = briefing_pdf(state.workspace, state.snapshot(), state.template())
    return text_of(window.preview.result.pdf) == text_of(expected)


def section_rows(window) -> list[int]:
    model = window.source_view.model
    return [row for row, entry in enumerate(model.entries) if entry.section is not None]


def type_text(widget, text: str) -> None:
    """Key presses carrying each character, as a Vietnamese keyboard (Telex, an input method)
    delivers them; QTest's ``keyClicks`` knows ASCII only."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def renders_at_once(preview, renders) -> bool:
    """Right after a change: the render has started, or its timer is due now (not after a
    typing pause)."""
    return bool(renders) or (
        preview._timer.isActive() and preview._timer.remainingTime() <= CLICK_DEBOUNCE_MS
    )


def press_space_on(qtbot, window, row: int) -> None:
    view = window.source_view.view
    view.setFocus()
    view.setCurrentIndex(window.source_view.model.index(row))
    qtbot.keyClick(view, Qt.Key.Key_Space)


def test_a_tick_renders_at_once(make_window, qtbot, idle, renders) -> None:
    window = make_window()
    chosen_before = len(window.state.chosen_sections())
    renders.clear()
    press_space_on(qtbot, window, section_rows(window)[0])
    assert len(window.state.chosen_sections()) != chosen_before  # the key ticked
    assert renders_at_once(window.preview, renders)  # no typing pause is waited for
    idle(window)
    assert len(renders) == 1
    assert window.preview.shown_generation == window.preview.generation
    assert shows_the_briefing(window)


def test_a_burst_of_ticks_ends_in_one_up_to_date_preview(make_window, qtbot, idle, renders):
    window = make_window()
    renders.clear()
    for row in section_rows(window)[:6]:
        press_space_on(qtbot, window, row)
    idle(window)
    # The render the first tick started, and one more for all the ticks made meanwhile.
    assert 1 <= len(renders) <= 3, renders
    assert renders[-1][1] == window.preview.generation
    assert window.preview.shown_generation == window.preview.generation
    assert shows_the_briefing(window)


def test_typing_in_a_meeting_field_renders_once_after_the_pause(
    make_window, qtbot, idle, renders
) -> None:
    window = make_window()
    window.preview.typing_debounce_ms = 3000  # a pause no busy test machine types slower than
    place = window.meeting_panel.editors["meeting.place"]
    place.setFocus()
    place.selectAll()
    renders.clear()
    typed = "Nhà khách Chính phủ"
    type_text(place, typed)
    assert window.state.briefing.meeting.place == typed  # each key went into the briefing
    assert not renders and not renders_at_once(window.preview, renders)  # still typing
    idle(window)
    assert len(renders) == 1
    assert typed in text_of(window.preview.result.pdf)
    assert shows_the_briefing(window)


def test_a_tick_while_typing_renders_at_once(make_window, qtbot, idle, renders) -> None:
    window = make_window()
    window.preview.typing_debounce_ms = 60000  # only the tick can start the render in time
    place = window.meeting_panel.editors["meeting.place"]
    place.setFocus()
    place.selectAll()
    renders.clear()
    type_text(place, "Hà Nội")
    assert not renders_at_once(window.preview, renders)  # typing: waiting for the pause
    press_space_on(qtbot, window, section_rows(window)[1])
    assert renders_at_once(window.preview, renders)
    idle(window, timeout=30000)
    assert len(renders) == 1
    assert "Hà Nội" in text_of(window.preview.result.pdf)
    assert shows_the_briefing(window)


def test_pages_are_drawn_at_the_shown_width_and_again_after_a_zoom(make_window, qtbot, idle):
    window = make_window()
    preview = window.preview
    width = preview.page_width()
    assert preview.result.fitted_width == width
    assert {image.width() for image in preview.result.pages} == {width}
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    zoomed = preview.page_width()
    assert zoomed > width
    # At once: the pages scaled to the new width (a click must not wait for PDFium) …
    assert preview._page_labels[0].pixmap().width() == zoomed
    idle(window)
    # … then drawn again at that width, sharp rather than enlarged.
    assert {image.width() for image in preview.result.pages} == {zoomed}
    assert preview._page_labels[0].pixmap().width() == zoomed
    assert preview.up_to_date() and shows_the_briefing(window)


def test_a_deep_zoom_draws_at_most_the_cap_and_settles(make_window, qtbot, idle) -> None:
    window = make_window()
    preview = window.preview
    for _ in range(8):  # to the 300 % limit
        qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    idle(window)  # settles: no endless redrawing at a width it cannot reach
    assert preview.page_width() > MAX_RASTER_WIDTH
    assert {image.width() for image in preview.result.pages} == {MAX_RASTER_WIDTH}
    assert preview._page_labels[0].pixmap().width() == preview.page_width()
