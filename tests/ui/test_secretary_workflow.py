"""The whole path a secretary takes, driven through the real widgets (offscreen)."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from briefing_studio.project import load_briefing
from briefing_studio.suggest import suggest_selection


def _press_space_on_section(qtbot, window, section_id: str) -> None:
    view = window.source_view.view
    window.source_view.show_section(section_id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)


def _click_figure_in_text(qtbot, window, figure) -> None:
    source_view = window.source_view
    source_view.show_section(figure.section)
    row = source_view.model.row_of(figure.section)
    index = source_view.model.index(row)
    # Rows are laid out a batch at a time; the view scrolls once the row has its place, up to
    # 10 ms later (``_when_laid_out``): wait for the place, then for that scroll.
    viewport = source_view.view.viewport().rect()
    qtbot.waitUntil(lambda: viewport.intersects(source_view.view.visualRect(index)), timeout=10000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: viewport.intersects(source_view.view.visualRect(index)), timeout=10000)
    rect = source_view.view.visualRect(index)
    entry = source_view.model.entries[row]
    point = source_view.view.delegate.figure_point(entry, rect, figure).toPoint()
    qtbot.mouseClick(source_view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_secretary_prepares_korean_embassy_briefing_from_seeds_to_files(
    make_window, qtbot, idle, tmp_path: Path, monkeypatch
) -> None:
    window = make_window()
    state = window.state

    # Start: the two seeds, analysed, with the suggestion applied and a preview showing.
    assert len(state.analyses) == 2
    assert window.sources_panel.tree.topLevelItemCount() == 2
    assert state.briefing.sections, "a new user sees a working briefing at once"
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)

    # Pick: untick a chosen section with the keyboard, tick a figure by clicking it in the text.
    first = state.chosen_sections()[0].section
    _press_space_on_section(qtbot, window, first)
    assert not state.is_section_chosen(first)
    _press_space_on_section(qtbot, window, first)
    assert state.is_section_chosen(first)
    figure = next(f for f in state.all_figures() if not state.is_figure_chosen(f.id))
    _click_figure_in_text(qtbot, window, figure)
    assert state.is_figure_chosen(figure.id)
    # ...and untick it again in the figures table.
    table = window.figures_panel
    table.proxy.setData(
        table.figure_index(figure.id), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert not state.is_figure_chosen(figure.id)

    # Focus: the counterpart ranks sections; Suggest applies the core's selection (undoable).
    window.meeting_panel.choose_counterpart("Hàn Quốc")
    counterpart = state.briefing.meeting.counterpart
    assert counterpart is not None and counterpart.kind == "country"
    relevant = [s.id for _, s in state.all_sections() if state.relevance(s.id)]
    assert relevant, "sections mentioning Korea are marked"
    row = window.source_view.model.row_of(relevant[0])
    tooltip = window.source_view.model.data(
        window.source_view.model.index(row), Qt.ItemDataRole.ToolTipRole
    )
    assert tooltip
    before_suggest = state.briefing.section_ids()
    window.meeting_panel.suggest_button.click()
    expected_sections, expected_figures = suggest_selection(state.workspace, counterpart)
    assert state.briefing.section_ids() == list(expected_sections)
    assert state.briefing.figures == list(expected_figures)
    window.action_set.undo_action.trigger()
    assert state.briefing.section_ids() == before_suggest
    window.action_set.redo_action.trigger()
    assert state.briefing.section_ids() == list(expected_sections)

    # Arrange: Alt+Down moves the first chosen section down; Ctrl+Z puts it back.
    arrange = window.arrange_panel
    order = state.briefing.section_ids()
    assert len(order) >= 2
    arrange.select_row(0)
    arrange.view.setFocus()
    qtbot.keyClick(arrange.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert state.briefing.section_ids() == [order[1], order[0], *order[2:]]
    assert arrange.current_row() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state.briefing.section_ids() == order
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert state.briefing.section_ids()[:2] == [order[1], order[0]]

    # Template: choose another usable one in the picker.
    from briefing_studio.ui.template_picker import TemplateIdRole

    picker = window.template_picker
    usable = [
        picker.items.item(r)
        for r in range(picker.items.rowCount())
        if picker.items.item(r).isEnabled()
    ]
    other = next(i for i in usable if i.data(TemplateIdRole) != state.briefing.template)
    row = picker.items.indexFromItem(other).row()
    picker.combo.setCurrentIndex(row)
    picker.combo.activated.emit(row)
    assert state.briefing.template == other.data(TemplateIdRole)
    assert window.isWindowModified()

    # Export both files through the dialog, then check them on disk.
    from briefing_studio.ui import export_dialog, window_output

    def fake_exec(dialog) -> int:
        dialog.folder.setText(str(tmp_path / "out"))
        dialog.stem.setText("han-quoc")
        dialog.set_formats(["docx", "pdf"])
        dialog._accept()
        return export_dialog.ExportDialog.DialogCode.Accepted

    written: list[Path] = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(window_output, "offer_to_open", lambda parent, files: written.extend(files))
    window.action_set.export_action.trigger()
    qtbot.waitUntil(lambda: len(written) == 2, timeout=60000)
    docx_file, pdf_file = tmp_path / "out" / "han-quoc.docx", tmp_path / "out" / "han-quoc.pdf"
    assert docx_file.exists() and pdf_file.exists()
    chosen_text = state.section(state.briefing.section_ids()[0]).text
    probe = _words(chosen_text)[:40]
    assert probe in _words(_docx_text(docx_file))
    assert _words(chosen_text)[:25] in _words(_pdf_text(pdf_file))

    # Save, reopen in a new window: the same state.
    project = tmp_path / "han-quoc.briefing"
    assert window.files.save_to(project)
    assert not window.isWindowModified()
    assert "han-quoc.briefing" in window.windowTitle()
    reopened = make_window([str(project)])
    idle(reopened)
    again = reopened.state.briefing
    saved = load_briefing(project)
    assert again.section_ids() == state.briefing.section_ids() == saved.section_ids()
    assert again.figures == state.briefing.figures
    assert again.template == state.briefing.template
    assert again.meeting.counterpart == state.briefing.meeting.counterpart
    assert not reopened.state.modified


def test_secretary_recovers_work_after_a_crash(make_window, idle, qtbot, tmp_path, monkeypatch):
    import subprocess
    import sys

    from briefing_studio.project import save_briefing
    from briefing_studio.ui.autosave import autosave_dir

    first = make_window()
    first.meeting_panel.choose_counterpart("Hàn Quốc")
    first.state.edit_field("meeting", "place", "Nhà khách Chính phủ")
    expected = first.state.snapshot()
    # A session that died: its autosave and a lock naming a process that has exited.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = autosave_dir()
    save_briefing(expected, folder / f"session-{dead.pid}.briefing")
    (folder / f"session-{dead.pid}.lock").write_text(f"{dead.pid}\n", encoding="utf-8")

    asked: list[str] = []

    def answer_yes(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    restored = make_window()
    idle(restored)
    assert asked, "the user is offered the autosave"
    briefing = restored.state.briefing
    assert briefing.meeting.place == "Nhà khách Chính phủ"
    assert briefing.meeting.counterpart == expected.meeting.counterpart
    assert briefing.section_ids() == expected.section_ids()
    assert restored.isWindowModified(), "restored work is not saved yet"
    assert not (folder / f"session-{dead.pid}.lock").exists()
    assert not (folder / f"session-{dead.pid}.briefing").exists()


def test_autosave_writes_and_clean_exit_removes_it(make_window, qtbot):
    window = make_window()
    window.state.edit_field("meeting", "host", "Thứ trưởng")
    saver = window.autosaver
    assert saver.lock_path.exists()
    assert saver.save_now()
    assert load_briefing(saver.autosave_path).meeting.host == "Thứ trưởng"
    window.state.undo_stack.setClean()
    assert not saver.autosave_path.exists(), "saved work needs no autosave"
    window.shutdown()
    assert not saver.lock_path.exists()


def test_closing_with_changes_asks_and_cancel_keeps_the_window(make_window, monkeypatch):
    window = make_window()
    window.state.edit_field("meeting", "time", "9h00")
    assert window.isWindowModified()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()


def test_reordering_by_drag_and_drop_is_one_undo_step(make_window):
    window = make_window()
    state, model = window.state, window.arrange_panel.model
    order = state.briefing.section_ids()
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    assert state.briefing.section_ids()[:3] == [order[1], order[2], order[0]]
    state.undo_stack.undo()
    assert state.briefing.section_ids() == order


def test_slot_can_be_changed_and_undone(make_window):
    window = make_window()
    state, model = window.state, window.arrange_panel.model
    slots = model.slots()
    assert slots, "the template has slots"
    index = model.index(0, 1)
    section = model.rows[0].section
    model.setData(index, slots[-1][0], Qt.ItemDataRole.EditRole)
    assert state.briefing.sections[0].slot == slots[-1][0]
    assert slots[-1][1] == model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole)
    state.undo_stack.undo()
    assert next(c for c in state.briefing.sections if c.section == section).slot is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole)


def test_meeting_typing_is_one_undo_step_per_field(make_window, qtbot):
    window = make_window()
    place = window.meeting_panel.editors["meeting.place"]
    qtbot.keyClicks(place, "Nha khach")  # QTest types ASCII only
    assert window.state.briefing.meeting.place == "Nha khach"
    qtbot.keyClick(place, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.briefing.meeting.place == ""
    assert place.text() == ""
    assert window.state.undo_stack.canRedo(), "the window's undo ran, not the field's own"
    qtbot.keyClick(place, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert place.text() == "Nha khach"


def test_clicking_outside_a_figure_does_not_tick_anything(make_window, qtbot):
    window = make_window()
    before = list(window.state.briefing.figures)
    view = window.source_view.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 200))
    assert window.state.briefing.figures == before


def test_briefing_command_opens_the_seeds_and_exits_cleanly(studio_app) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_studio.cli import main
    from briefing_studio.ui.autosave import autosave_dir
    from briefing_studio.ui.main_window import MainWindow

    # The windows of earlier tests, held: an id() is unique only among living objects, and
    # Qt's own top-level widgets come as wrappers made for the call, whose ids a new window's
    # wrapper could take: the window was then never looked at, and the test waited two minutes.
    before = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    seen: dict[str, object] = {}
    poll = QTimer()
    poll.setInterval(50)

    def close_when_ready() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and not any(w is old for old in before)
        ]
        if not (windows and windows[0].state.analyses and not windows[0].busy()):
            return
        poll.stop()
        window = windows[0]
        seen["sources"] = len(window.state.analyses)
        seen["chosen"] = len(window.state.briefing.sections)
        seen["title"] = window.windowTitle()
        window.close()

    poll.timeout.connect(close_when_ready)
    poll.start()
    give_up = QTimer(singleShot=True, interval=120000)  # never hang the suite
    give_up.timeout.connect(QApplication.quit)
    give_up.start()
    try:
        assert main([]) == 0
    finally:  # neither timer may fire in a later test
        poll.stop()
        give_up.stop()
    assert seen["sources"] == 2 and seen["chosen"]
    assert "Briefing Studio" in str(seen["title"])
    assert not list(autosave_dir().glob("session-*")), "a clean exit leaves no lock or autosave"
