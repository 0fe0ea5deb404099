"""The "Kiểm tra số liệu" dialog before export: items, going to a place, accepting, stopping."""

from __future__ import annotations

from pathlib import Path

from briefing_studio.ui import export_dialog
from briefing_studio.ui.figure_check import FigureCheckDialog

REPORT_A = (
    "Sáng 15/3/2025, Sở Công Thương tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,4 tỷ USD.\n"
)
REPORT_B = (
    "Sáng 20/3/2025, Cục Thống kê tỉnh Bắc Ninh công bố số liệu xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,5 tỷ USD.\n"
)


def _window(make_window, tmp_path: Path):
    files = []
    for name, text in (("a.txt", REPORT_A), ("b.txt", REPORT_B)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    window = make_window([str(f) for f in files])
    window.state.select_all()
    window.state.edit_field("meeting", "date", "2025-04-01")
    return window


def test_the_check_stops_export_shows_the_place_and_remembers_an_accepted_item(
    make_window, tmp_path: Path, monkeypatch, figure_check_goes_on
) -> None:
    window = _window(make_window, tmp_path)
    exported: list[bool] = []
    monkeypatch.setattr(
        export_dialog.ExportDialog,
        "exec",
        lambda dialog: exported.append(True) or export_dialog.ExportDialog.DialogCode.Rejected,
    )
    looked: dict = {}

    def look(dialog: FigureCheckDialog) -> int:
        top = dialog.tree.topLevelItem(0)
        looked["message"] = top.text(0)
        looked["places"] = [top.child(i).text(0) for i in range(top.childCount())]
        dialog._clicked(top.child(1), 0)  # the second source's paragraph
        looked["shown"] = window.source_view.view.currentIndex().row()
        looked["key"] = dialog.remaining()[0].key
        dialog.tree.setCurrentItem(top)
        dialog.accept_current()
        looked["left"] = len(dialog.remaining())
        dialog.grab().save(str(tmp_path / "figure-check.png"))
        return FigureCheckDialog.DialogCode.Rejected  # "Cancel": fix something first

    monkeypatch.setattr(FigureCheckDialog, "exec", look)
    window.action_set.export_action.trigger()
    assert "Số liệu không khớp năm 2024" in looked["message"]
    assert any("12,5 tỷ USD" in p for p in looked["places"])
    assert looked["shown"] >= 0
    assert window.state.briefing.validated == [looked["key"]] and looked["left"] == 0
    assert exported == []  # cancelled at the check: no export dialog

    # Accepted: the next export goes straight to the export dialog.
    monkeypatch.setattr(FigureCheckDialog, "exec", lambda dialog: 1 / 0)  # must not open
    window.action_set.export_action.trigger()
    assert exported == [True]
    # Undo takes the acceptance back.
    window.state.undo_stack.undo()
    assert window.state.briefing.validated == []
