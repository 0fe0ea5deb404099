"""The figures table: every figure the analysis found, with a checkbox, value and relevance."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.analysis.kinds import kind
from briefing_studio.analysis.model import Figure
from briefing_studio.errors import BriefingError
from briefing_studio.figure_filter import FigureFilter, parse_figure_filter
from briefing_studio.templating.context import cell_figure_sentence
from briefing_studio.templating.filters import figure as figure_words
from briefing_studio.templating.filters import number
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.section_delegate import RELEVANT_COLOUR
from briefing_studio.ui.state import BriefingState

SortRole = Qt.ItemDataRole.UserRole + 2
FigureIdRole = Qt.ItemDataRole.UserRole + 3

(
    COL_SURFACE,
    COL_TEXT,  # how the briefing writes the figure: editable
    COL_RELEVANCE,
    COL_KIND,
    COL_VALUE,
    COL_QUALIFIER,
    COL_UNIT,
    COL_SENTENCE,
) = range(8)


def format_number(value: float | int | None) -> str:
    """A value written the Vietnamese way (``12.400.000.000``, ``6,5``) whatever the UI language.

    The templates' ``number`` filter does the formatting, so the panel and the documents agree.
    """
    return number(value, 4)


def format_value(figure: Figure) -> str:
    """The normalised value; years and day numbers of dates are not grouped (2024, not 2.024)."""
    write = (lambda v: "" if v is None else f"{v:g}") if figure.kind == "date" else format_number
    text = write(figure.value)
    if figure.value_high is not None:
        text += "–" + write(figure.value_high)
    return text


class FiguresModel(QAbstractTableModel):
    """Rows are figures in source order; column 0 holds the tick, ``COL_TEXT`` the figure's
    wording in the briefing (the written-out one, greyed, until the user writes their own)."""

    def __init__(self, state: BriefingState) -> None:
        super().__init__()
        self.state = state
        self.figures: list[Figure] = []
        self._source_order: dict[str, int] = {}  # figure id → row in source order
        self.sort_column, self.sort_order = COL_SURFACE, Qt.SortOrder.AscendingOrder
        self.headers = [
            self.tr("Figure"),
            self.tr("In the briefing"),
            self.tr("Relevance"),
            self.tr("Kind"),
            self.tr("Value"),
            self.tr("Qualifier"),
            self.tr("Unit"),
            self.tr("Sentence"),
        ]
        state.sources_changed.connect(self._rebuild)
        state.selection_changed.connect(self._refresh)
        state.ranking_changed.connect(self._refresh)
        state.figure_text_changed.connect(self._refresh_figure)
        self._rebuild()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        figure = self.figures[index.row()]
        column = index.column()
        if role == FigureIdRole:
            return figure.id
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_SURFACE:
            chosen = self.state.is_figure_chosen(figure.id)
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(figure, column)
        if role == Qt.ItemDataRole.EditRole and column == COL_TEXT:
            return self._text(figure, column)
        if column == COL_TEXT and not self.state.figure_text(figure.id):
            if role == Qt.ItemDataRole.ForegroundRole:  # written out, not the user's own
                return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
        elif column == COL_TEXT and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == SortRole:
            return self._sort_key(figure, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_KIND:
            return QBrush(QColor(kind(figure.kind).colours[0]))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_RELEVANCE:
            return QBrush(RELEVANT_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(figure, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        figure = self.figures[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_TEXT:
            text = str(value or "").strip()
            # Writing the figure as the briefing already does is no edit of it.
            self.state.set_figure_text(figure.id, "" if text == figure_words(figure) else text)
            return True
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.state.toggle_figure(self.figures[index.row()].id, on)
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_SURFACE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def row_of(self, figure_id: str) -> int:
        return next((r for r, f in enumerate(self.figures) if f.id == figure_id), -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` with one Python sort. Sorting in the proxy instead
        asked ``data()`` for two keys at every comparison: for the ~7,000 figures of a 1 MB
        source that froze the window for 2.7 s on open and again at every tick."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.figures[i.row()].id for i in before]
        self._sort()
        rows = {f.id: r for r, f in enumerate(self.figures)}
        self.changePersistentIndexList(
            before, [self.index(rows[fid], i.column()) for fid, i in zip(ids, before, strict=True)]
        )
        self.layoutChanged.emit()

    def _sort(self) -> None:
        column = self.sort_column
        keys = {f.id: self._sort_key(f, column) for f in self.figures}
        self.figures.sort(
            key=lambda f: keys[f.id], reverse=self.sort_order == Qt.SortOrder.DescendingOrder
        )

    def _text(self, figure: Figure, column: int) -> str:
        if column == COL_SURFACE:
            return figure.surface
        if column == COL_TEXT:
            return self.state.figure_text(figure.id) or figure_words(figure)
        if column == COL_KIND:
            return kind(figure.kind).label(current_language())
        if column == COL_VALUE:
            return format_value(figure)
        if column == COL_QUALIFIER:
            return figure.qualifier or ""
        if column == COL_UNIT:
            return figure.unit or ""
        if column == COL_RELEVANCE:
            relevance = self.state.relevance(figure.id)
            if relevance is None:
                return ""
            return f"{'★' if relevance.strong else '☆'} {relevance.score:.2g}"
        if figure.context:  # a table cell: its headers, not the cell, say what it is
            return cell_figure_sentence(figure)
        section = self.state.section(figure.section)
        return section.sentence_at(figure.start) if section else ""

    def _sort_key(self, figure: Figure, column: int) -> object:
        if column == COL_VALUE:
            return float(figure.value) if figure.value is not None else float("-inf")
        if column == COL_RELEVANCE:
            relevance = self.state.relevance(figure.id)
            return relevance.score if relevance else 0.0
        if column == COL_SURFACE:
            return self._source_order.get(figure.id, 0)
        return self._text(figure, column)

    def _tooltip(self, figure: Figure, column: int) -> str | None:
        if column == COL_RELEVANCE:
            relevance = self.state.relevance(figure.id)
            return "\n".join(relevance.reasons) if relevance else None
        if column == COL_TEXT:
            if self.state.figure_text(figure.id):
                return self.tr(
                    "Your own wording of this figure; the figure check compares it with the "
                    "source (“{0}”). Empty it to go back to the written-out figure."
                ).format(figure.surface)
            return self.tr(
                "How the briefing writes this figure. Double-click (or F2) to write it another way."
            )
        if column == COL_SENTENCE:
            sentence = self._text(figure, column)
            from briefing_studio.analysis.gazetteer import gazetteer

            merged = [
                self.tr("{0}: now part of {1} (merger of 1 July 2025)").format(
                    former.name, current.name
                )
                for former, current in gazetteer().former_units(sentence)
            ]
            hint = self.tr("Click to see it in the source text.")
            return "\n".join([sentence, *merged, hint])
        return None

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.figures = list(self.state.all_figures())
        self._source_order = {f.id: r for r, f in enumerate(self.figures)}
        if (self.sort_column, self.sort_order) != (COL_SURFACE, Qt.SortOrder.AscendingOrder):
            self._sort()
        self.endResetModel()

    def _refresh_figure(self, figure_id: str) -> None:
        row = self.row_of(figure_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, COL_TEXT), self.index(row, COL_TEXT))

    def _refresh(self) -> None:
        if self.figures:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.figures) - 1, len(self.headers) - 1)
            )


class FigureFilterProxy(QSortFilterProxyModel):
    """Keeps the rows ``rule`` (``figure_filter``) matches; sorting is passed on to the
    figures model, which sorts in Python once (the proxy's own sort calls ``data()`` for every
    comparison and again whenever a tick changes, far too slow for thousands of figures)."""

    def __init__(self, model: FiguresModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures_model = model
        self.rule = FigureFilter()
        self.setSourceModel(model)
        self.setSortRole(SortRole)
        # A figure's filter match depends on the figure only, never on ticks or wording: no
        # need to test every row again at each dataChanged (a tick repaints all rows).
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= 0:
            self.figures_model.sort(column, order)

    def set_rule(self, rule: FigureFilter) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self.rule = rule
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.rule = rule
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if self.rule.empty:
            return True
        return self.rule.matches(self.figures_model.figures[source_row])


class FiguresPanel(QWidget):
    """A sortable table of figures; ticking here is the same as clicking one in the text.

    Clicking a figure's sentence, double-clicking its row or pressing Enter on it asks for
    the figure's place in the source (``figure_activated``); what is chosen stays as it is.
    """

    figure_activated = Signal(str)  # figure id

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FiguresModel(state)
        self.proxy = FigureFilterProxy(self.model, self)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter: tỷ USD,  > 1 tỷ,  < 500 triệu đồng"))
        self.filter.setAccessibleName(self.tr("Filter the figures"))
        self.filter_tip = self.tr(
            "Words keep the figures that contain them (with or without diacritics); "
            "> 1 tỷ, < 500 triệu, >= 12,4 compare the value; both can be combined."
        )
        self.filter.setToolTip(self.filter_tip)
        self.filter.textChanged.connect(self._filter_changed)
        self.count = QLabel()
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_SURFACE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_SURFACE, 190),
            (COL_RELEVANCE, 60),
            (COL_KIND, 80),
            (COL_VALUE, 135),  # 4.814.000.000.000
            (COL_QUALIFIER, 100),
            (COL_UNIT, 90),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COL_TEXT, 120)
        self.table.setAccessibleName(self.tr("Figures"))
        self.table.setAccessibleDescription(
            self.tr(
                "Click a figure's sentence, double-click its row or press Enter to see it in "
                "the source text."
            )
        )
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._clicked)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row)
        layout.addWidget(self.table)
        self._show_count()

    def _filter_changed(self, text: str) -> None:
        """Apply the expression as it is typed; a half-typed comparison keeps the last rule
        and says what is missing."""
        try:
            rule = parse_figure_filter(text)
        except BriefingError as exc:
            self.filter.setStyleSheet("QLineEdit { background: #fdecea; }")
            self.filter.setToolTip(exc.message(current_language()))
            return
        self.filter.setStyleSheet("")
        self.filter.setToolTip(self.filter_tip)
        self.proxy.set_rule(rule)
        self._show_count()

    def _show_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("{0} of {1}").format(shown, total) if shown != total else str(total)
        )

    def figure_index(self, figure_id: str, column: int = COL_SURFACE) -> QModelIndex:
        """The view index of a figure's tick, or of another ``column`` of its row."""
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(figure_id), column))

    def show_figure_text(self, figure_id: str) -> None:
        """Make a figure's wording in the briefing the current cell (the filter is cleared
        if it hides the figure)."""
        if self.model.row_of(figure_id) < 0:
            return
        if not self.figure_index(figure_id).isValid():
            self.filter.clear()
        index = self.figure_index(figure_id, COL_TEXT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _figure_id(self, index: QModelIndex) -> str | None:
        return index.data(FigureIdRole) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        figure_id = self._figure_id(index)
        if figure_id:
            self.figure_activated.emit(figure_id)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_SENTENCE:  # the sentence itself: show where it is
            self._activated(index)
