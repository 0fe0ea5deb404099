"""Windows fit a 1366×768 screen and remember their size; recovered work keeps its file name;
the settings say what really happens and set the autosave interval."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from briefing_studio.project import load_briefing
from briefing_studio.ui import preferences
from briefing_studio.ui.export_dialog import ExportDialog
from briefing_studio.ui.help_windows import show_user_guide
from briefing_studio.ui.settings_dialog import SettingsDialog
from briefing_studio.ui.template_dialogs import show_template_reference
from briefing_studio.ui.template_editor import TemplateEditor
from briefing_studio.ui.template_manager import TemplateManager
from briefing_studio.ui.window_size import FRAME


def _fits_the_screen(window: QWidget) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768), "tests run on a laptop screen"
    frame = QRect(window.frameGeometry().topLeft(), window.size() + FRAME)
    assert window.width() + FRAME.width() <= screen.width(), (type(window).__name__, frame)
    assert window.height() + FRAME.height() <= screen.height(), (type(window).__name__, frame)


def test_every_window_and_dialog_opens_within_a_1366x768_screen(
    make_window, qtbot, tmp_path: Path
) -> None:
    main = make_window(start=False)
    from briefing_studio.ui.main_window import MainWindow

    fresh = MainWindow()
    qtbot.addWidget(fresh)
    _fits_the_screen(fresh)
    editor = TemplateEditor(main.state.template(), tmp_path, main.state)
    qtbot.addWidget(editor)
    editor.show()
    _fits_the_screen(editor)
    manager = TemplateManager(main.state, tmp_path, main)
    qtbot.addWidget(manager)
    manager.show()
    _fits_the_screen(manager)
    for dialog in (
        SettingsDialog(main),
        ExportDialog(str(tmp_path), "tai-lieu", main),
        show_template_reference(main),
        show_user_guide(main),
    ):
        dialog.show()
        _fits_the_screen(dialog)
        dialog.close()


def test_the_template_editor_remembers_its_size(make_window, qtbot, tmp_path: Path) -> None:
    main = make_window(start=False)
    editor = TemplateEditor(main.state.template(), tmp_path, main.state)
    editor.show()
    editor.resize(1000, 600)
    editor.close()
    again = TemplateEditor(main.state.template(), tmp_path, main.state)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (1000, 600)


def test_a_remembered_size_larger_than_the_screen_is_shrunk(make_window, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QSize

    preferences.set_value("windows/template-editor", QSize(2560, 1440))
    main = make_window(start=False)
    editor = TemplateEditor(main.state.template(), tmp_path, main.state)
    qtbot.addWidget(editor)
    editor.show()
    _fits_the_screen(editor)


def test_ctrl_w_closes_the_template_editor(make_window, qtbot, tmp_path: Path) -> None:
    main = make_window(start=False)
    editor = TemplateEditor(main.state.template(), tmp_path, main.state)  # deleted on close
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())


def _dead_pid() -> int:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


def test_recovered_work_keeps_its_file_name_and_ctrl_s_saves_there(
    make_window, qtbot, idle, tmp_path: Path, monkeypatch
) -> None:
    first = make_window()
    path = tmp_path / "hop-han-quoc.briefing"
    assert first.files.save_to(path)
    first.state.edit_field("meeting", "place", "Nhà khách Chính phủ")
    assert first.autosaver.save_now()
    # The session dies: what it left is found under a PID that no longer runs.
    pid = _dead_pid()
    folder = first.autosaver.lock_path.parent
    shutil.copy(first.autosaver.autosave_path, folder / f"session-{pid}.briefing")
    lock = first.autosaver.lock_path.read_text(encoding="utf-8").split("\n")
    lock[0] = str(pid)
    (folder / f"session-{pid}.lock").write_text("\n".join(lock), encoding="utf-8")

    asked: list[str] = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    restored = make_window()
    idle(restored)
    assert len(asked) == 1 and "“hop-han-quoc.briefing”" in asked[0], asked
    assert restored.files.project_path == path
    assert restored.windowTitle().startswith("hop-han-quoc.briefing")
    assert restored.isWindowModified(), "restored work is not saved yet"
    assert restored.state.briefing.meeting.place == "Nhà khách Chính phủ"

    def no_dialog(*_args, **_kwargs):
        raise AssertionError("Ctrl+S asked for a name although the file is known")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    restored.activateWindow()
    qtbot.waitUntil(restored.isActiveWindow)
    qtbot.keyClick(restored, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not restored.isWindowModified()
    assert load_briefing(path).meeting.place == "Nhà khách Chính phủ"


def test_recovery_of_never_saved_work_stays_untitled(make_window, idle, monkeypatch) -> None:
    first = make_window()
    first.state.edit_field("meeting", "place", "Phòng họp số 3")
    assert first.autosaver.save_now()
    pid = _dead_pid()
    folder = first.autosaver.lock_path.parent
    shutil.copy(first.autosaver.autosave_path, folder / f"session-{pid}.briefing")
    (folder / f"session-{pid}.lock").write_text(f"{pid}\n", encoding="utf-8")  # an old lock
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    restored = make_window()
    idle(restored)
    assert restored.files.project_path is None
    assert restored.isWindowModified()


def test_settings_say_the_language_applies_at_once_and_set_the_autosave_interval(
    make_window, qtbot, monkeypatch
) -> None:
    window = make_window(start=False)
    assert window.autosaver.timer.interval() == 60_000, "a minute by default"
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "áp dụng ngay" in notes, notes
    dialog.autosave.selectAll()
    qtbot.keyClicks(dialog.autosave, "30")
    dialog.accept()
    assert preferences.autosave_interval_s() == 30

    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    window.show_settings()
    assert window.autosaver.timer.interval() == 30_000
