"""A figure asked for anywhere (figures table, figure check, preview) shows its sentence in the
source, highlighted for a moment, without changing what is chosen; a figure's wording in the
briefing is edited in the figures table, undoably, and the figure check then lists it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from briefing_studio.ui.figures_panel import COL_KIND, COL_SENTENCE, COL_TEXT
from briefing_studio.ui.section_delegate import FLASH_COLOUR, FLASH_FIGURE_COLOUR
from briefing_studio.ui.source_view import FLASH_MS


def _last_figure(window):
    """A figure far down the first source, so showing it has to scroll the text."""
    state = window.state
    first = state.analyses[0]
    return next(
        f
        for s in reversed(first.sections)
        for f in state.figures_in(s.id)
        if not f.context and s.sentences
    )


def _selection(state):
    return state.briefing.section_ids(), list(state.briefing.figures)


def _assert_shown(window, figure) -> None:
    """The text tab is in front, the figure's line is in view, and its sentence is flashed."""
    source_view = window.source_view
    assert window.tabs.currentWidget() is source_view
    section = window.state.section(figure.section)
    assert source_view.model.flash == (section.id, section.sentence_span(figure.start), figure.id)
    row = source_view.model.row_of(figure.section)
    entry = source_view.model.entries[row]
    rect = source_view.view.visualRect(source_view.model.index(row))
    point = source_view.view.delegate.figure_point(entry, rect, figure)
    assert source_view.view.viewport().rect().contains(point.toPoint())
    html = source_view.view.delegate.document(entry).toHtml()
    assert FLASH_FIGURE_COLOUR in html
    start, end = section.sentence_span(figure.start)
    if (start, end) != (figure.start, figure.end):  # more to the sentence than the figure
        assert FLASH_COLOUR in html


def _cell_centre(panel, figure_id: str, column: int):
    index = panel.figure_index(figure_id, column)
    panel.table.scrollTo(index)
    return panel.table.visualRect(index).center()


def _hover(widget, point: QPointF) -> None:
    """The pointer moving over ``widget`` (QTest's mouseMove sends nothing offscreen)."""
    QApplication.sendEvent(
        widget,
        QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            widget.mapToGlobal(point),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )


def _double_click(qtbot, widget, pos) -> None:
    """As a mouse does it: a click, then the second press that Qt reports as a double-click."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_figures_table_shows_a_figure_in_the_source_by_enter_double_click_and_sentence_click(
    make_window, qtbot, tmp_path: Path
) -> None:
    window = make_window()
    state, panel, source_view = window.state, window.figures_panel, window.source_view
    figure = _last_figure(window)
    before = _selection(state)
    source_view.view.verticalScrollBar().setValue(0)

    # Enter on the row.
    window.tabs.setCurrentWidget(panel)
    panel.table.setCurrentIndex(panel.figure_index(figure.id, COL_KIND))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    _assert_shown(window, figure)
    assert source_view.view.verticalScrollBar().value() > 0, "it scrolled to the figure"
    source_view.grab().save(str(tmp_path / "figure-shown.png"))
    assert _selection(state) == before

    # The highlight is for a moment.
    qtbot.waitUntil(lambda: source_view.model.flash is None, timeout=FLASH_MS + 3000)
    assert (
        FLASH_FIGURE_COLOUR
        not in source_view.view.delegate.document(
            source_view.model.entries[source_view.model.row_of(figure.section)]
        ).toHtml()
    )

    # Double-click on the row (not the editable wording).
    other = next(f for f in state.all_figures() if f.id != figure.id and not f.context)
    source_view.view.verticalScrollBar().setValue(0)
    window.tabs.setCurrentWidget(panel)
    _double_click(qtbot, panel.table.viewport(), _cell_centre(panel, other.id, COL_KIND))
    _assert_shown(window, other)

    # One click on the sentence.
    window.tabs.setCurrentWidget(panel)
    source_view.view.verticalScrollBar().setValue(0)
    qtbot.mouseClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_cell_centre(panel, figure.id, COL_SENTENCE),
    )
    _assert_shown(window, figure)
    assert _selection(state) == before


def test_figure_wording_is_edited_in_the_table_undone_and_flagged_by_the_check(
    make_window, qtbot, tmp_path: Path
) -> None:
    window = make_window()
    state, panel = window.state, window.figures_panel
    figure = next(
        f for f in state.all_figures() if state.is_figure_chosen(f.id) and f.kind == "money"
    )
    window.tabs.setCurrentWidget(panel)
    written = panel.model.data(
        panel.model.index(panel.model.row_of(figure.id), COL_TEXT), Qt.ItemDataRole.DisplayRole
    )
    assert written  # the written-out figure until the user writes their own

    _double_click(qtbot, panel.table.viewport(), _cell_centre(panel, figure.id, COL_TEXT))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == written
    editor.selectAll()
    qtbot.keyClicks(editor, "99 ty USD")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: state.figure_text(figure.id) == "99 ty USD")  # committed queued
    assert state.briefing.figure_texts == {figure.id: "99 ty USD"}
    assert window.tabs.currentWidget() is panel, "editing is not showing the source"
    panel.grab().save(str(tmp_path / "figure-edited.png"))

    # Undo and redo through the window's shortcuts.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state.briefing.figure_texts == {}
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert state.briefing.figure_texts == {figure.id: "99 ty USD"}

    from briefing_studio.checks import check_briefing

    edited = [i for i in check_briefing(state.workspace, state.briefing) if i.code == "edited"]
    assert [i.places[0].figure for i in edited] == [figure.id]

    # Writing the figure as the briefing already did is no edit.
    row = panel.model.row_of(figure.id)
    panel.model.setData(panel.model.index(row, COL_TEXT), written, Qt.ItemDataRole.EditRole)
    assert state.briefing.figure_texts == {}


REPORT_A = (
    "Sáng 15/3/2025, Sở Công Thương tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,4 tỷ USD, tăng mạnh so với năm trước.\n"
)
REPORT_B = (
    "Sáng 20/3/2025, Cục Thống kê tỉnh Bắc Ninh công bố số liệu xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,5 tỷ USD.\n"
)


def test_each_check_item_links_to_both_places(
    make_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from briefing_studio.ui.figure_check import (
        BriefingRole,
        FigureCheckDialog,
        ItemRole,
        PlaceRole,
    )

    files = []
    for name, text in (("a.txt", REPORT_A), ("b.txt", REPORT_B)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    window = make_window([str(f) for f in files])
    state = window.state
    state.select_all()
    state.edit_field("meeting", "date", "2025-04-01")
    money = [f for f in state.all_figures() if f.kind == "money"]
    assert [f.surface for f in money] == ["12,4 tỷ USD", "12,5 tỷ USD"]
    state.set_figure_text(money[0].id, "13 tỷ USD")
    before = _selection(state)
    seen: dict = {}

    def click(dialog, item) -> None:
        rect = dialog.tree.visualItemRect(item)
        qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def look(dialog: FigureCheckDialog) -> int:
        dialog.show()
        tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
        by_code = {top.data(0, ItemRole).code: top for top in tops}
        conflict, edited = by_code["conflict"], by_code["edited"]
        # A conflict: one place for each figure, each shows that figure's sentence.
        shown = []
        for i in range(conflict.childCount()):
            place = conflict.child(i).data(0, PlaceRole)
            window.tabs.setCurrentWidget(window.figures_panel)
            click(dialog, conflict.child(i))
            assert window.tabs.currentWidget() is window.source_view
            shown.append(window.source_view.model.flash[2])
            assert shown[-1] == place.figure
        seen["conflict"] = shown
        # An edited figure: its source sentence, and its place in the briefing.
        children = [edited.child(i) for i in range(edited.childCount())]
        seen["edited"] = [c.text(0) for c in children]
        source = next(c for c in children if c.data(0, PlaceRole) is not None)
        briefing = next(c for c in children if c.data(0, BriefingRole))
        click(dialog, source)
        seen["source"] = window.source_view.model.flash[2]
        click(dialog, briefing)
        seen["tab"] = window.tabs.currentWidget()
        seen["cell"] = window.figures_panel.table.currentIndex()
        seen["order_row"] = window.arrange_panel.current_row()
        dialog.grab().save(str(tmp_path / "figure-check-links.png"))
        return FigureCheckDialog.DialogCode.Rejected

    monkeypatch.setattr(FigureCheckDialog, "exec", look)
    window.action_set.export_action.trigger()
    assert sorted(seen["conflict"]) == sorted(f.id for f in money)
    assert any("13 tỷ USD" in text for text in seen["edited"])
    assert seen["source"] == money[0].id
    assert seen["tab"] is window.figures_panel
    panel = window.figures_panel
    assert seen["cell"] == panel.figure_index(money[0].id, COL_TEXT)
    order = state.briefing.section_ids()
    assert seen["order_row"] == order.index(money[0].section)
    assert _selection(state) == before


def test_clicking_a_figure_in_the_preview_shows_its_sentence(
    make_window, qtbot, tmp_path: Path
) -> None:
    window = make_window()
    state, preview = window.state, window.preview
    qtbot.waitUntil(lambda: preview.page_count() > 0 and preview.up_to_date(), timeout=30000)
    found = [(f, preview.figure_point(f)) for f in state.briefing.figures]
    linked = [(state.figure(f), at) for f, at in found if at is not None]
    assert len(linked) >= 2, "the chosen figures in the briefing's text are links"
    before = _selection(state)
    window.tabs.setCurrentWidget(window.figures_panel)
    for figure, (page, point) in linked[:2]:
        preview.go_to_page(page)
        label = preview._page_labels[page - 1]
        _hover(label, point)
        assert label.cursor().shape() == Qt.CursorShape.PointingHandCursor
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=point.toPoint())
        _assert_shown(window, figure)
        window.tabs.setCurrentWidget(window.figures_panel)
    window.grab().save(str(tmp_path / "preview-click.png"))
    # A click beside the text finds nothing and changes nothing.
    label = preview._page_labels[0]
    qtbot.mouseClick(
        label, Qt.MouseButton.LeftButton, pos=label.contentsRect().topLeft() + QPoint(3, 3)
    )
    assert window.tabs.currentWidget() is window.figures_panel
    _hover(label, QPointF(label.contentsRect().topLeft() + QPoint(3, 3)))
    assert label.cursor().shape() != Qt.CursorShape.PointingHandCursor
    assert _selection(state) == before


def test_a_table_cell_figure_is_shown_in_its_cell(make_window, qtbot, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_render_tables import make_report

    window = make_window([str(make_report(tmp_path / "bao-cao-bang.docx"))])
    state, panel = window.state, window.figures_panel
    (table,) = [s for _, s in state.all_sections() if s.kind == "table"]
    (figure,) = [f for f in state.figures_in(table.id) if f.surface == "12,4"]
    window.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_cell_centre(panel, figure.id, COL_SENTENCE),
    )
    _assert_shown(window, figure)
    start, end = table.sentence_span(figure.start)
    assert table.text[start:end].strip() == "12,4", "the cell is the figure's sentence"
    window.source_view.grab().save(str(tmp_path / "table-figure-shown.png"))
