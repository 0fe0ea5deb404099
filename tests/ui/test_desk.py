"""The secretary's desk at 1366×768: Suggest over a hand-made choice, a still toolbar, export's
last steps, one file name for Save As and Export, readable sources, the order list's slot
drop-down, the preview's pages and zoom, what is remembered between sessions, and the figures
filter. Message boxes are real and answered by clicking their buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QMessageBox,
    QToolBar,
)

from briefing_studio.export import default_stem
from briefing_studio.paths import seed_files
from briefing_studio.selection import select_suggested
from briefing_studio.sources.legacy_vn import encode_tcvn3

REAL_EXEC = QMessageBox.exec  # before conftest's autouse fixture replaces it for other tests

Chooser = Callable[[QMessageBox], QAbstractButton | None]


@pytest.fixture
def answer_boxes(qtbot, monkeypatch) -> Iterator[Callable[[Chooser], list[QMessageBox]]]:
    """``answer_boxes(choose)``: from now on message boxes open for real; each is handed to
    ``choose``, whose button is clicked (None leaves it open). Returns the boxes seen."""
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    timer = QTimer()
    timer.setInterval(20)

    def start(choose: Chooser) -> list[QMessageBox]:
        seen: list[QMessageBox] = []

        def poll() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box not in seen:
                seen.append(box)
                button = choose(box)
                if button is not None:
                    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        if timer.isActive():
            timer.timeout.disconnect()
        timer.timeout.connect(poll)
        timer.start()
        return seen

    yield start
    timer.stop()


def button_with_role(box: QMessageBox, role: QMessageBox.ButtonRole) -> QAbstractButton:
    return next(b for b in box.buttons() if box.buttonRole(b) == role)


def press_space_on(qtbot, window, section_id: str) -> None:
    view = window.source_view.view
    window.source_view.show_section(section_id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)


# ----- 8. Suggest asks before replacing a hand-made choice -----------------------------------


def test_suggest_asks_before_replacing_ticks_made_by_hand(make_window, qtbot, answer_boxes):
    window = make_window()
    state = window.state
    window.meeting_panel.choose_counterpart("Hàn Quốc")
    suggested_sections, suggested_figures = select_suggested(
        state.workspace, state.briefing.meeting.counterpart
    )

    # Nothing chosen by hand yet: Suggest applies at once, no question.
    seen = answer_boxes(lambda box: None)
    qtbot.mouseClick(window.meeting_panel.suggest_button, Qt.MouseButton.LeftButton)
    assert seen == []
    assert state.briefing.section_ids() == suggested_sections

    # The secretary ticks a section the suggestion leaves out, with the keyboard.
    own = next(s.id for _, s in state.all_sections() if s.id not in suggested_sections)
    press_space_on(qtbot, window, own)
    assert state.is_section_chosen(own)

    # Suggest again: a question; "Add to my choice" keeps the own tick.
    seen = answer_boxes(lambda box: button_with_role(box, QMessageBox.ButtonRole.AcceptRole))
    qtbot.mouseClick(window.meeting_panel.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert len(seen[0].buttons()) == 3
    assert set(state.briefing.section_ids()) == {*suggested_sections, own}
    assert state.briefing.figures == suggested_figures

    # Cancel leaves the choice as it is; "Replace" takes the suggestion (one undo step).
    before = state.briefing.section_ids()
    seen = answer_boxes(lambda box: button_with_role(box, QMessageBox.ButtonRole.RejectRole))
    window.action_set.suggest_action.trigger()
    assert len(seen) == 1 and state.briefing.section_ids() == before
    seen = answer_boxes(lambda box: button_with_role(box, QMessageBox.ButtonRole.DestructiveRole))
    window.action_set.suggest_action.trigger()
    assert len(seen) == 1 and state.briefing.section_ids() == suggested_sections
    window.action_set.undo_action.trigger()
    assert state.briefing.section_ids() == before


def test_suggest_asks_about_a_hand_made_choice_opened_from_a_file(
    make_window, qtbot, answer_boxes, tmp_path
):
    window = make_window()
    state = window.state
    own = next(s.id for _, s in state.all_sections() if not state.is_section_chosen(s.id))
    press_space_on(qtbot, window, own)
    project = tmp_path / "cua-toi.briefing"
    assert window.files.save_to(project)
    reopened = make_window([str(project)])
    chosen = reopened.state.briefing.section_ids()
    assert own in chosen
    seen = answer_boxes(lambda box: button_with_role(box, QMessageBox.ButtonRole.RejectRole))
    qtbot.mouseClick(reopened.meeting_panel.suggest_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert reopened.state.briefing.section_ids() == chosen


# ----- 9. The toolbar keeps still --------------------------------------------------------------


def test_toolbar_buttons_stay_put_when_the_undo_step_changes(make_window, qtbot):
    window = make_window()
    toolbar = window.findChild(QToolBar, "MainToolBar")
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions()]
    before = [(b.x(), b.width()) for b in buttons]
    chosen = window.state.chosen_sections()[0].section
    press_space_on(qtbot, window, chosen)  # "Undo" now has a step with a name
    qtbot.wait(50)
    assert [(b.x(), b.width()) for b in buttons] == before
    undo = toolbar.widgetForAction(window.action_set.undo_tool_action)
    assert undo.isEnabled()
    assert window.action_set.undo_action.text() in undo.toolTip()  # the full "Undo <step>" text
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert window.state.is_section_chosen(chosen)
    assert [(b.x(), b.width()) for b in buttons] == before


# ----- 10, 11. After exporting ---------------------------------------------------------------


def test_export_finished_box_shows_with_a_clear_status_bar_and_a_path_when_nothing_opens(
    make_window, qtbot, answer_boxes, tmp_path
):
    window = make_window()
    status_while_open: list[bool] = []
    second: list[tuple[str, Qt.TextInteractionFlag]] = []

    def choose(box: QMessageBox) -> QAbstractButton | None:
        if not status_while_open:
            # "Export finished": "Exporting" and its busy bar are gone already.
            status_while_open.append(window.progress.isVisible())
            return button_with_role(box, QMessageBox.ButtonRole.ActionRole)  # "Open folder"
        # The offscreen platform opens no folder (openUrl returns False): this box says so.
        second.append((box.text(), box.textInteractionFlags()))
        return button_with_role(box, QMessageBox.ButtonRole.ActionRole)  # "Copy the path"

    seen = answer_boxes(choose)
    out = tmp_path / "out"
    window.output.export_to(out, ["docx"], "han-quoc")
    qtbot.waitUntil(lambda: len(seen) == 2 and not seen[1].isVisible(), timeout=60000)
    assert status_while_open == [False]
    text, flags = second[0]
    assert str(out) in text
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert QApplication.clipboard().text() == str(out)
    assert (out / "han-quoc.docx").exists()


# ----- 13. One name for Save As and Export ---------------------------------------------------


def test_save_as_suggests_the_name_export_suggests(make_window, monkeypatch):
    window = make_window()
    window.meeting_panel.choose_counterpart("Hàn Quốc")
    window.state.edit_field("meeting", "date", "2026-12-15")
    offered: list[str] = []

    def save_dialog(parent, caption, start, *args, **kwargs):
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.action_set.save_as_action.trigger()
    assert Path(offered[0]).name == "briefing-han-quoc-2026-12-15.briefing"
    assert Path(offered[0]).stem == default_stem(window.state.briefing)


# ----- 14. Sources: titles with room, formats as people say them -----------------------------


def test_sources_list_names_formats_and_gives_the_title_the_room(make_window, idle, tmp_path):
    word = tmp_path / "bao-cao.docx"
    document = docx.Document()
    document.add_heading("Báo cáo tình hình hợp tác kinh tế với Hàn Quốc năm 2026", 1)
    document.add_paragraph("Kim ngạch thương mại đạt 86 tỷ USD, tăng 8% so với năm trước.")
    document.save(str(word))
    legacy = tmp_path / "cong-van.txt"
    legacy.write_bytes(encode_tcvn3("Công văn về việc chuẩn bị buổi tiếp Đại sứ.\n\nNội dung."))
    window = make_window([str(seed_files()[0]), str(word), str(legacy)])
    idle(window)
    tree = window.sources_panel.tree
    formats = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    assert formats == ["Văn bản · UTF-8", "Word (.docx)", "Văn bản · TCVN3"]
    title = tree.topLevelItem(0).text(0)
    visible = tree.columnWidth(0)
    assert visible >= tree.fontMetrics().horizontalAdvance(title[:28]), (visible, title)
    assert "Văn bản · UTF-8" in tree.topLevelItem(0).toolTip(0)


# ----- 15. The slot drop-down fits its row ---------------------------------------------------


def test_slot_drop_down_is_not_clipped_by_the_row(make_window, qtbot):
    window = make_window()
    view = window.arrange_panel.view
    index = window.arrange_panel.model.index(0, 1)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    assert combo.height() >= combo.sizeHint().height()
    assert view.visualRect(index).height() >= combo.sizeHint().height()


# ----- The preview: pages, Page Up/Down, zoom, and room at 1366×768 --------------------------


def test_preview_shows_page_numbers_pages_through_and_shows_the_zoom(make_window, qtbot, idle):
    window = make_window()
    window.state.select_all()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.page_count() >= 3, timeout=60000)
    idle(window)
    total = preview.total_pages()
    assert preview.scroll.viewport().height() >= 380  # a readable part of a page
    assert preview.page_label.text() == f"Trang 1/{total}"
    preview.scroll.setFocus()
    qtbot.keyClick(preview.scroll, Qt.Key.Key_PageDown)
    assert preview.page_label.text() == f"Trang 2/{total}"
    qtbot.mouseClick(preview.next_page, Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == f"Trang 3/{total}"
    qtbot.keyClick(preview.scroll, Qt.Key.Key_PageUp)
    assert preview.page_label.text() == f"Trang 2/{total}"
    fitted = preview.zoom_percent()
    assert preview.zoom_label.text() == f"{fitted}%"
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert abs(preview.zoom_percent() - fitted * 1.25) <= 1
    assert preview.zoom_label.text() == f"{preview.zoom_percent()}%"


# ----- Remembered between sessions; recent files ---------------------------------------------


def test_panel_sizes_template_and_recent_files_are_remembered(
    make_window, idle, tmp_path, monkeypatch
):
    first = make_window()
    first.right_splitter.setSizes([200, 500])
    first.splitter.setSizes([300, 600, 466])
    sizes = [s.sizes() for s in first.splitters()]
    other = next(
        t for t in first.template_picker.template_ids() if t != first.state.briefing.template
    )
    first.template_picker.choose(other)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    first.close()
    assert not first.isVisible()

    second = make_window()
    assert [s.sizes() for s in second.splitters()] == sizes
    assert second.state.briefing.template == other

    folder = tmp_path / "Tài liệu"
    folder.mkdir()
    files = []
    for name in ("a.txt", "b & c.txt"):
        path = folder / name
        path.write_text("Hội nghị ngoại giao kinh tế năm 2026.", encoding="utf-8")
        files.append(path)
    second.files.open_paths(files)
    idle(second)
    second.action_set.fill_recent_menu()
    actions = [a for a in second.action_set.recent_menu.actions() if a.statusTip()]
    assert [a.text() for a in actions[:2]] == ["&1 b && c.txt", "&2 a.txt"]  # newest first
    assert actions[0].toolTip() == str(folder)


# ----- The figures filter ---------------------------------------------------------------------


def test_figures_can_be_filtered_by_words_and_by_value(make_window, qtbot):
    window = make_window()
    panel = window.figures_panel
    window.tabs.setCurrentWidget(panel)
    total = panel.proxy.rowCount()

    def shown() -> list:
        return [
            panel.model.figures[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()]
            for r in range(panel.proxy.rowCount())
        ]

    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "> 1 ty")  # real keys: no Vietnamese input method here
    above = shown()
    assert 0 < len(above) < total
    assert all(f.value is not None and f.value > 1e9 for f in above)
    assert panel.count.text().split()[0].startswith(str(len(above)))
    assert str(total) in panel.count.text()
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "ty USD")
    assert shown() and all("USD" in f.surface for f in shown())
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, ">")  # half typed: the list stays, the box says why
    assert panel.proxy.rowCount() == total
    assert "1 tỷ" in panel.filter.toolTip()
