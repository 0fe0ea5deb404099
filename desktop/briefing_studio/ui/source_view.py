"""The source text as a list of sections, each with a real checkbox, figures coloured by kind.

A ``QListView`` over ``SectionsModel`` with ``SectionDelegate`` painting each section as rich
text: headings as headings, figures as coloured anchors (clicking one ticks it), search matches
highlighted, and a star for sections relevant to the counterpart. Arrow keys move between
sections and Space ticks, because the checkboxes are the model's ``CheckStateRole``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.analysis.kinds import KINDS
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.section_delegate import RELEVANT_COLOUR, SectionDelegate
from briefing_studio.ui.sections_model import SectionsModel, find_matches
from briefing_studio.ui.state import BriefingState

__all__ = ["SectionsView", "SourceView", "find_matches"]

FLASH_MS = 2500  # how long a figure asked for elsewhere stays highlighted in the text


class SectionsView(QListView):
    """The section list; keeps wrapped rows laid out for the current width."""

    def __init__(self, model: SectionsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.delegate = SectionDelegate(self, model)
        self.setItemDelegate(self.delegate)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # Rows are laid out 50 at a time between events, so a 1 MB source (2,500 sections)
        # never holds the window for long (longest pause 0.19 s, bench/bench_ui.py). Smaller
        # batches cut that pause, but the list stayed blank until the last batch was done:
        # with batches of 12, the seeds' 27 rows were not drawn when the window fell idle.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(50)
        # The scroll bar is always there, so rows keep one width: a bar that appeared once the
        # first batch filled the view narrowed every row, and every row laid out until then
        # (and its cached height) was laid out again at the new width.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setSpacing(1)
        self.setWordWrap(True)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr(
                    "Open source files (Ctrl+O), drop them here, or paste a text (Ctrl+Shift+V)."
                ),
            )


class SourceView(QWidget):
    """Search bar, colour legend, Select all/none and the section list."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = SectionsModel(state)
        self.view = SectionsView(self.model)
        self.view.setAccessibleName(self.tr("Source text"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search sections (with or without diacritics)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr(
                "Type “ngoai giao” to also find “ngoại giao”; typing "
                "diacritics matches them exactly. Ctrl+F"
            )
        )
        self.search.textChanged.connect(self._search)
        self.only_matching = QCheckBox(self.tr("Only matches"))
        self.only_matching.setToolTip(self.tr("Hide sections that do not match the search"))
        self.only_matching.toggled.connect(self._apply_filter)
        self.match_label = QLabel()

        self.select_all_button = QPushButton(self.tr("Select all"))
        self.select_all_button.setToolTip(self.tr("Tick every section and figure"))
        self.select_all_button.clicked.connect(state.select_all)
        self.select_none_button = QPushButton(self.tr("Select none"))
        self.select_none_button.setToolTip(self.tr("Untick every section and figure"))
        self.select_none_button.clicked.connect(state.select_none)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_matching)
        top.addWidget(self.match_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self._legend(), 1)
        bottom.addWidget(self.select_all_button)
        bottom.addWidget(self.select_none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        state.selection_changed.connect(self.view.viewport().update)
        state.sources_changed.connect(self.view.delegate.clear_cache)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.model.set_flash(None))

    def _legend(self) -> QLabel:
        language = current_language()
        chips = " ".join(
            f'<span style="background-color:{k.colours[1]};color:{k.colours[2]}">'
            f"&nbsp;{html.escape(k.label(language))}&nbsp;</span>"
            for k in KINDS
        )
        star = html.escape(self.tr("relevant"))
        label = QLabel(f"{chips} <span style='color:{RELEVANT_COLOUR.name()}'>★</span> {star}")
        label.setToolTip(
            self.tr(
                "Figures are coloured by kind; click a figure to tick it. "
                "★ marks the sections most relevant to the counterpart, ☆ those less so; "
                "hover over a star to see why."
            )
        )
        label.setWordWrap(True)
        return label

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_section(self, section_id: str) -> None:
        row = self.model.row_of(section_id)
        if row >= 0:
            index = self.model.index(row)
            self.view.setRowHidden(row, False)
            self.view.setCurrentIndex(index)
            self._when_laid_out(
                row,
                lambda: self.view.scrollTo(
                    self.model.index(row), QAbstractItemView.ScrollHint.PositionAtTop
                ),
            )

    def _when_laid_out(self, row: int, then: Callable[[], None], tries: int = 1000) -> None:
        """Run ``then`` once the view has placed ``row``. A long source is laid out a batch at
        a time while the window keeps working; before its turn a row has no place to scroll to."""
        placed = self.view.rectForIndex(self.model.index(row)).isValid()
        if placed or tries <= 0 or row >= self.model.rowCount():
            then()
        else:
            QTimer.singleShot(10, lambda: self._when_laid_out(row, then, tries - 1))

    def show_figure(self, figure_id: str) -> bool:
        """Bring a figure's sentence into view and highlight it (and the figure) for
        ``FLASH_MS``; what is chosen does not change. False if the figure is not shown here."""
        figure = self.state.figure(figure_id)
        section = self.state.section(figure.section) if figure is not None else None
        row = self.model.row_of(figure.section) if figure is not None else -1
        if figure is None or section is None or row < 0:
            return False
        self.model.set_flash((section.id, section.sentence_span(figure.start), figure.id))
        self.show_section(section.id)

        def scroll_to_figure() -> None:
            # A long section can be taller than the view: scroll on until the figure's line shows.
            if row >= len(self.model.entries) or self.model.entries[row].section is not section:
                return
            index = self.model.index(row)
            entry = self.model.entries[row]
            point = self.view.delegate.figure_point(entry, self.view.visualRect(index), figure)
            height = self.view.viewport().height()
            if not 0 <= point.y() < height:
                bar = self.view.verticalScrollBar()
                bar.setValue(bar.value() + int(point.y() - height / 3))

        self._when_laid_out(row, scroll_to_figure)
        self._flash_timer.start()
        return True

    def visible_section_ids(self) -> list[str]:
        return [
            e.section.id
            for row, e in enumerate(self.model.entries)
            if e.section is not None and not self.view.isRowHidden(row)
        ]

    def _search(self, text: str) -> None:
        count = self.model.set_query(text)
        if text.strip():
            self.match_label.setText(self.tr("%n section(s)", "", count))
        else:
            self.match_label.clear()
        self._apply_filter()
        if count:
            first = next(iter(self.model.matches))
            row = self.model.row_of(first)
            self.view.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.PositionAtTop)

    def _apply_filter(self) -> None:
        only = self.only_matching.isChecked() and bool(self.model.query.strip())
        # By object identity: a source's ``key`` hashes its whole text on every call.
        sources_with_match = {
            id(e.analysis)
            for e in self.model.entries
            if e.section is not None and e.section.id in self.model.matches
        }
        for row, entry in enumerate(self.model.entries):
            if not only:
                hidden = False
            elif entry.section is None:
                hidden = id(entry.analysis) not in sources_with_match
            else:
                hidden = entry.section.id not in self.model.matches
            if hidden != self.view.isRowHidden(row):
                self.view.setRowHidden(row, hidden)
