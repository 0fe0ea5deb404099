"""Web articles in the window: captions and bylines greyed without a box, never ticked; a
former province in the names and figures panels says which province it now belongs to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

ARTICLES = sorted((Path(__file__).parents[1] / "fixtures" / "articles").glob("*.txt"))


def test_captions_and_bylines_are_greyed_and_cannot_be_ticked(make_window, idle, qtbot) -> None:
    window = make_window([str(p) for p in ARTICLES])
    idle(window)
    model = window.source_view.model
    meta = [(row, e) for row, e in enumerate(model.entries) if e.section and e.section.is_meta]
    assert len(meta) >= 10
    for row, entry in meta:
        index = model.index(row)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
        assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None
        assert not model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        document = window.source_view.view.delegate.document(entry)
        cursor = QTextCursor(document)
        cursor.setPosition(2)
        assert cursor.charFormat().foreground().color().name() == "#808080"
        assert cursor.charFormat().fontItalic()
        assert "tài liệu" in model.data(index, Qt.ItemDataRole.ToolTipRole)  # Vietnamese note
    window.state.select_all()
    chosen = set(window.state.briefing.section_ids())
    assert chosen and not chosen & {e.section.id for _, e in meta}
    # A click where a box would be does nothing on a caption.
    row, entry = meta[0]
    window.source_view.show_section(entry.section.id)
    rect = window.source_view.view.visualRect(model.index(row))
    box = window.source_view.view.delegate.check_rect(rect).center()
    window.state.select_none()
    qtbot.mouseClick(window.source_view.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert entry.section.id not in window.state.briefing.section_ids()


def test_a_former_province_says_where_it_belongs_now(make_window, idle) -> None:
    window = make_window([str(ARTICLES[0])])  # the Bắc Giang article (sorted first)
    idle(window)
    panel = window.entities_panel
    names = []
    for g in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(g)
        names += [group.child(i) for i in range(group.childCount())]
    bac_giang = next(item for item in names if item.text(0).startswith("Bắc Giang"))
    assert bac_giang.text(0) == "Bắc Giang (nay thuộc Bắc Ninh)"
    assert "1/7/2025" in bac_giang.toolTip(0)
    model = window.figures_panel.model
    from briefing_studio.ui.figures_panel import COL_SENTENCE

    tips = [
        model.data(model.index(row, COL_SENTENCE), Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
    ]
    assert any("Bắc Giang: nay thuộc Bắc Ninh" in (tip or "") for tip in tips)
