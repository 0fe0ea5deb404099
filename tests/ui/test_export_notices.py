"""The export dialog lists what the document would get wrong before the files are written."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget

from briefing_studio.preflight import Notice
from briefing_studio.selection import resolve_counterpart
from briefing_studio.ui import export_dialog


def notice_texts(dialog) -> list[str]:
    view = dialog.findChild(QListWidget, "notices")
    return [] if view is None else [view.item(i).text() for i in range(view.count())]


def test_dialog_lists_the_notices_in_vietnamese_above_its_buttons(studio_app, qtbot) -> None:
    notices = [
        Notice("agency-missing", "Chưa đặt cơ quan ban hành.", "No issuing agency is set."),
        Notice("slot-empty", "Chưa chọn đoạn nào.", "Nothing is chosen."),
    ]
    dialog = export_dialog.ExportDialog("/tmp", "x", None, notices)
    qtbot.addWidget(dialog)
    assert notice_texts(dialog) == ["Chưa đặt cơ quan ban hành.", "Chưa chọn đoạn nào."]
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Kiểm tra trước khi xuất:" in labels  # translated, Vietnamese by default


def test_dialog_without_notices_shows_no_list(studio_app, qtbot) -> None:
    dialog = export_dialog.ExportDialog("/tmp", "x", None)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QListWidget, "notices") is None


def test_export_shows_an_unknown_counterpart_before_writing(make_window, monkeypatch) -> None:
    window = make_window()
    window.state.set_counterpart(resolve_counterpart("Xứ Sở Lạ"))
    seen: list[list[str]] = []

    def fake_exec(dialog) -> int:
        seen.append(notice_texts(dialog))
        return export_dialog.ExportDialog.DialogCode.Rejected

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    window.action_set.export_action.trigger()
    assert seen and any("Xứ Sở Lạ" in text for text in seen[0])
