"""The export dialog ticks the formats the briefing's template asks for."""

from __future__ import annotations

from briefing_studio.ui.export_dialog import ExportDialog


def test_export_dialog_ticks_the_templates_formats(qtbot, tmp_path) -> None:
    dialog = ExportDialog(str(tmp_path), "x", None, (), ["pdf-a"])
    qtbot.addWidget(dialog)
    assert dialog.formats() == ["pdf-a"]
    dialog = ExportDialog(str(tmp_path), "x")
    qtbot.addWidget(dialog)
    assert dialog.formats() == ["docx", "pdf"]
