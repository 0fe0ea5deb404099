"""The sections of every open source as a list model: one row per section, ticks from the state.

Rows are a source's title line followed by its sections; the check state is whether the
briefing includes the section, and setting it pushes an undoable command. Search matches are
kept here so the delegate can highlight them and the view can hide the rest.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_studio.analysis.model import Analysis, Section
from briefing_studio.textutil import fold, has_diacritics
from briefing_studio.ui.state import BriefingState

EntryRole = Qt.ItemDataRole.UserRole + 1
Span = tuple[int, int]


@dataclass(frozen=True)
class Entry:
    """One row: a source's title line (``section`` None) or one of its sections."""

    analysis: Analysis
    section: Section | None = None


def find_matches(query: str, text: str, folded: str | None = None) -> list[Span]:
    """Where ``query`` occurs: ignoring diacritics unless the query has some (then exact).

    ``folded`` is ``fold(text)`` when the caller keeps it, which makes searching big sources
    on every keystroke cheap.
    """
    query = query.strip()
    if not query:
        return []
    if has_diacritics(query):
        needle, haystack = query.lower(), text.lower()
        if len(haystack) != len(text):  # a rare case-mapping that changes length
            haystack = text
    else:
        needle, haystack = fold(query), (folded if folded is not None else fold(text))
    spans, start = [], haystack.find(needle)
    while start >= 0 and needle:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


class SectionsModel(QAbstractListModel):
    """Every section of every open source, with its tick (CheckStateRole) from the state."""

    def __init__(self, state: BriefingState) -> None:
        super().__init__()
        self.state = state
        self.entries: list[Entry] = []
        self.query = ""
        self.matches: dict[str, list[Span]] = {}
        # A sentence shown for a moment (a figure asked for elsewhere): section id, the
        # sentence's span and the figure's id.
        self.flash: tuple[str, Span, str] | None = None
        self._folds: dict[str, str] = {}
        state.sources_changed.connect(self._rebuild)
        state.selection_changed.connect(self._refresh)
        state.ranking_changed.connect(self._refresh)
        self._rebuild()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        section = entry.section
        if role == EntryRole:
            return entry
        if section is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return entry.analysis.metadata.title or entry.analysis.source.name
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section.text
        if section.is_meta:  # a caption, credit or byline: no box, a note saying why
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Photo caption, credit or byline: kept with the source, never part of "
                    "the briefing"
                )
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            chosen = self.state.is_section_chosen(section.id)
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(section)
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        entry = self.entries[index.row()] if index.isValid() else None
        if entry is None or entry.section is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if entry.section.is_meta:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.state.toggle_section(entry.section.id, on)
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        section = self.entries[index.row()].section
        if section is None or section.is_meta:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def row_of(self, section_id: str) -> int:
        for row, entry in enumerate(self.entries):
            if entry.section is not None and entry.section.id == section_id:
                return row
        return -1

    def set_query(self, query: str) -> int:
        """Highlight ``query``; returns how many sections match."""
        self.query = query
        before, self.matches = self.matches, {}
        for entry in self.entries:
            if entry.section is not None:
                spans = find_matches(query, entry.section.text, self._folded(entry.section))
                if spans:
                    self.matches[entry.section.id] = spans
        for row, entry in enumerate(self.entries):  # repaint only rows whose marks changed
            if entry.section is not None:
                sid = entry.section.id
                if before.get(sid) != self.matches.get(sid):
                    self.dataChanged.emit(self.index(row), self.index(row))
        return len(self.matches)

    def set_flash(self, flash: tuple[str, Span, str] | None) -> None:
        """Highlight a figure's sentence (None: no longer); repaints the rows concerned."""
        before, self.flash = self.flash, flash
        for mark in (before, flash):
            row = self.row_of(mark[0]) if mark is not None else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))

    def flash_in(self, section_id: str) -> tuple[Span, str] | None:
        """The flashed sentence's span and figure id when it is in ``section_id``."""
        if self.flash is None or self.flash[0] != section_id:
            return None
        return self.flash[1], self.flash[2]

    def _folded(self, section: Section) -> str:
        folded = self._folds.get(section.id)
        if folded is None:
            folded = self._folds[section.id] = fold(section.text)
        return folded

    def _tooltip(self, section: Section) -> str | None:
        relevance = self.state.relevance(section.id)
        if relevance is None:
            return None
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in relevance.reasons)
        title = self.tr("Relevant to the counterpart (score {0})").format(f"{relevance.score:.2g}")
        return f"<b>{html.escape(title)}</b><ul>{reasons}</ul>"

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._folds = {}
        self.entries = []
        for analysis in self.state.analyses:
            self.entries.append(Entry(analysis))
            self.entries.extend(Entry(analysis, s) for s in analysis.sections)
        self.endResetModel()
        if self.query:
            self.set_query(self.query)

    def _refresh(self) -> None:
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))
