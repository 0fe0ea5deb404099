"""Screenshots of the main window at 1366×768 (saved for people to look at) and a layout check."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

SHOTS = Path(os.environ.get("BRIEFING_SHOTS_DIR", "/tmp/shots"))


def _fully_visible(widget: QWidget, window: QWidget) -> bool:
    """The widget's whole rectangle is inside every ancestor up to the window."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        visible = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if not visible.contains(rect):
            return False
        parent = parent.parentWidget()
    return window.rect().contains(rect)


def _settle(qtbot) -> None:
    qtbot.wait(50)


def test_main_window_at_1366x768_empty_with_seeds_and_with_preview(make_window, qtbot, idle):
    SHOTS.mkdir(parents=True, exist_ok=True)
    empty = make_window(start=False)
    _settle(qtbot)
    image = empty.grab()
    assert (image.width(), image.height()) == (1366, 768)
    image.save(str(SHOTS / "1-empty.png"))

    window = make_window()
    window.preview.cancel()  # the "with seeds" shot shows the text before the preview
    _settle(qtbot)
    window.grab().save(str(SHOTS / "2-seeds.png"))

    window.meeting_panel.choose_counterpart("Hàn Quốc")
    window.state.suggest()
    idle(window)
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)
    _settle(qtbot)
    window.grab().save(str(SHOTS / "3-preview.png"))

    for widget in (
        window.meeting_panel.suggest_button,
        window.source_view.select_none_button,
        window.preview.zoom_in,
        window.template_picker.combo,
        window.sources_panel.remove_button,
    ):
        assert _fully_visible(widget, window), widget.text() if hasattr(widget, "text") else widget


def test_vietnamese_shots_of_export_recovery_and_template_editor(
    make_window, qtbot, idle, tmp_path: Path, monkeypatch
) -> None:
    """What a secretary sees at 1366×768 in Vietnamese (saved for people to look at)."""
    import shutil
    import subprocess
    import sys

    from PySide6.QtWidgets import QMessageBox

    from briefing_studio.ui.export_dialog import ExportDialog
    from briefing_studio.ui.template_editor import TemplateEditor

    SHOTS.mkdir(parents=True, exist_ok=True)
    window = make_window()
    window.meeting_panel.choose_counterpart("Hàn Quốc")
    window.state.suggest()
    window.state.edit_field("meeting", "date", "2026-12-15")
    idle(window)
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)
    _settle(qtbot)
    window.grab().save(str(SHOTS / "vi-main-window.png"))

    export = ExportDialog(str(tmp_path), "tai-lieu-han-quoc-2026-12-15", window)
    qtbot.addWidget(export)
    export.show()
    _settle(qtbot)
    export.grab().save(str(SHOTS / "vi-export-dialog.png"))
    export.close()

    editor = TemplateEditor(window.state.template(), tmp_path, window.state)
    editor.show()
    qtbot.waitUntil(lambda: editor.preview.up_to_date(), timeout=30000)
    _settle(qtbot)
    image = editor.grab()
    assert image.width() <= 1366 and image.height() <= 768
    image.save(str(SHOTS / "vi-template-editor.png"))
    editor.close()

    # The recovery prompt, as the app asks it after a crash.
    window.state.edit_field("meeting", "place", "Nhà khách Chính phủ")
    assert window.autosaver.save_now()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = window.autosaver.lock_path.parent
    shutil.copy(window.autosaver.autosave_path, folder / f"session-{dead.pid}.briefing")
    (folder / f"session-{dead.pid}.lock").write_text(f"{dead.pid}\n", encoding="utf-8")

    asked: list[str] = []

    def shoot(parent, title, text, buttons, *args):
        if asked:  # closing the windows afterwards asks about their changes: not this shot
            return QMessageBox.StandardButton.Discard
        asked.append(title)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
        box.show()
        _settle(qtbot)
        box.grab().save(str(SHOTS / "vi-recovery-prompt.png"))
        box.close()
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", shoot)
    make_window()
    assert asked == ["Khôi phục phần việc chưa lưu?"]
