"""A table in a source is shown as a table in the source view: one row to tick, its cells in a
grid, a cell's figure clicked like any other; the figures panel reads it with its headers."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_render_tables import make_report


def test_a_source_table_shows_as_a_table_and_its_figures_click(
    make_window, qtbot, idle, tmp_path: Path
) -> None:
    report = make_report(tmp_path / "bao-cao-bang.docx")
    window = make_window([str(report)])
    state = window.state
    (table,) = [s for _, s in state.all_sections() if s.kind == "table"]
    source_view = window.source_view
    source_view.show_section(table.id)
    row = source_view.model.row_of(table.id)
    entry = source_view.model.entries[row]
    document: QTextDocument = source_view.view.delegate.document(entry)
    frame_tables = [f for f in document.rootFrame().childFrames() if f.inherits("QTextTable")]
    assert len(frame_tables) == 1
    grid = frame_tables[0]
    assert (grid.rows(), grid.columns()) == (4, 3)
    assert grid.cellAt(1, 0).rowSpan() == 2 and grid.cellAt(0, 1).columnSpan() == 2

    (figure,) = [f for f in state.figures_in(table.id) if f.surface == "12,4"]
    rect = source_view.view.visualRect(source_view.model.index(row))
    point = source_view.view.delegate.figure_point(entry, rect, figure).toPoint()
    before = state.is_figure_chosen(figure.id)
    qtbot.mouseClick(source_view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert state.is_figure_chosen(figure.id) is not before
    if before:
        qtbot.mouseClick(source_view.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert state.is_figure_chosen(figure.id)

    panel = window.figures_panel
    model = panel.model
    texts = [
        model.data(model.index(model.row_of(figure.id), column), Qt.ItemDataRole.DisplayRole)
        for column in range(model.columnCount())
    ]
    assert "Kim ngạch xuất khẩu · Năm 2024: 12,4 tỷ USD" in texts
    source_view.grab().save(str(tmp_path / "source-table.png"))
