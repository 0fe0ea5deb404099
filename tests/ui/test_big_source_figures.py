"""A source with thousands of figures: the figures table sorts them once, in Python.

Sorting in the ``QSortFilterProxyModel`` asked the model's ``data()`` for two keys at every
comparison, on every open and again at every tick (``dataChanged`` over all rows re-sorts):
with the ~7,000 figures of a 1 MB source the window froze for 2.7 s when it opened
(``bench/bench_ui.py``: ``big_source_longest_pause_s``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing_studio.ui import figures_panel
from briefing_studio.ui.figures_panel import COL_SURFACE, COL_VALUE, SortRole

PARAGRAPHS = 400


def _big_source(tmp_path):
    paragraphs = [
        f"Đoạn {n}: tỉnh thu hút {n % 37 + 3} dự án với tổng vốn {(n * 7) % 90 + 1},5 tỷ USD, "
        f"tăng {n % 9 + 1}% so với năm trước."
        for n in range(PARAGRAPHS)
    ]
    path = tmp_path / "bao-cao-nhieu-so-lieu.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_thousands_of_figures_are_not_sorted_through_data_calls(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    sort_asks: list[int] = []
    original = figures_panel.FiguresModel.data

    def counting(self, index, role=0):
        if role == SortRole:
            sort_asks.append(index.row())
        return original(self, index, role)

    monkeypatch.setattr(figures_panel.FiguresModel, "data", counting)
    window = make_window(files=[str(_big_source(tmp_path))], entity_finder=lambda a, **kw: [])
    panel = window.figures_panel
    figures = len(panel.model.figures)
    assert figures >= 2 * PARAGRAPHS
    assert panel.proxy.rowCount() == figures
    # Ticking a figure repaints its row; it does not sort every figure again.
    window.state.toggle_figure(panel.model.figures[5].id)
    qtbot.wait(50)
    assert panel.proxy.rowCount() == figures
    # The old proxy sort asked for some 2·n·log2(n) keys (over 30,000 here) each time.
    assert len(sort_asks) < figures


def test_the_table_still_sorts_by_a_column_and_back_to_source_order(
    make_window, qtbot, tmp_path
) -> None:
    window = make_window(files=[str(_big_source(tmp_path))], entity_finder=lambda a, **kw: [])
    panel = window.figures_panel
    in_source_order = [f.id for f in panel.model.figures]

    def shown() -> list:
        proxy = panel.proxy
        return [
            panel.model.figures[proxy.mapToSource(proxy.index(r, 0)).row()]
            for r in range(proxy.rowCount())
        ]

    panel.table.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
    values = [float(f.value) if f.value is not None else float("-inf") for f in shown()]
    assert values == sorted(values, reverse=True)
    top = shown()[0].id
    # A tick keeps the order; the ticked figure is still where it was.
    window.state.toggle_figure(top)
    assert shown()[0].id == top
    assert panel.figure_index(top).row() == 0
    panel.table.sortByColumn(COL_SURFACE, Qt.SortOrder.AscendingOrder)
    assert [f.id for f in shown()] == in_source_order
