"""The open work: the ``Workspace``, the ``Briefing`` and its undo stack, as one QObject.

Panels read from here and ask for changes through the intent methods (``toggle_section``,
``move_section``…), which compute the result with ``briefing_studio.editing`` and push it as an
undo command; the commands call ``apply_*``, which change the briefing and emit the signals
panels listen to. Nothing else mutates the briefing. Lookups by id go to the workspace.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing_studio import editing
from briefing_studio.analysis.model import Analysis, Figure, Section
from briefing_studio.briefing import Briefing, ChosenSection, Counterpart
from briefing_studio.errors import BriefingError
from briefing_studio.ui import commands
from briefing_studio.workspace import Workspace


@dataclass(frozen=True)
class Relevance:
    """How relevant a section or figure is to the counterpart, and why."""

    score: float
    reasons: tuple[str, ...]
    strong: bool = False  # the core suggests it for this counterpart: ★; other scores: ☆


class BriefingState(QObject):
    """Single source of truth for the window; emits a signal for each kind of change."""

    sources_changed = Signal()
    selection_changed = Signal()
    slots_changed = Signal()
    meeting_changed = Signal()
    template_changed = Signal()
    ranking_changed = Signal()
    entities_changed = Signal()
    figure_text_changed = Signal(str)  # figure id: its wording in the briefing was edited
    changed = Signal()  # anything that changes the output document

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = Workspace()  # replaced (never changed) when sources come and go
        self.briefing = Briefing()
        self.library: Any = None  # templating.TemplateLibrary once loaded
        self.undo_stack = QUndoStack(self)
        self._relevance: dict[str, Relevance] = {}
        self._chosen_sections: set[str] = set()  # caches of the briefing's lists, for lookups
        self._chosen_figures: set[str] = set()
        self._template_cache: tuple[str, Any] | None = None
        # The selection the last whole-selection step left (reset, Suggest, Select all/none):
        # ticks since then were made by hand, and Suggest asks before replacing them.
        self.baseline: tuple[list[str], list[str]] = ([], [])

    # ----- reading -------------------------------------------------------------------------

    @property
    def analyses(self) -> tuple[Analysis, ...]:
        return self.workspace.analyses

    def section(self, section_id: str) -> Section | None:
        return self.workspace.section(section_id)

    def analysis_of(self, section_id: str) -> Analysis | None:
        return self.workspace.analysis_of(section_id)

    def figure(self, figure_id: str) -> Figure | None:
        return self.workspace.figure(figure_id)

    def all_sections(self) -> Iterator[tuple[Analysis, Section]]:
        return self.workspace.sections()

    def all_figures(self) -> Iterator[Figure]:
        return self.workspace.figures()

    def chosen_sections(self) -> list[ChosenSection]:
        """Chosen sections that exist in the open sources, in the briefing's order."""
        return [c for c in self.briefing.sections if self.workspace.section(c.section)]

    def is_section_chosen(self, section_id: str) -> bool:
        return section_id in self._chosen_sections

    def is_figure_chosen(self, figure_id: str) -> bool:
        return figure_id in self._chosen_figures

    def figures_in(self, section_id: str) -> list[Figure]:
        return self.workspace.figures_in(section_id)

    def relevance(self, item_id: str) -> Relevance | None:
        return self._relevance.get(item_id)

    def template(self) -> Any:
        """The chosen template, or None when the library has no such (working) template.

        Cached until the template or the library changes: the library reads the template
        folders (maybe a network drive) on every lookup, and views ask for every row.
        """
        if self.library is None:
            return None
        cached = self._template_cache
        if cached is not None and cached[0] == self.briefing.template:
            return cached[1]
        try:
            template = self.library.get(self.briefing.template)
        except BriefingError:
            template = None
        self._template_cache = (self.briefing.template, template)
        return template

    def snapshot(self) -> Briefing:
        """A copy of the briefing a worker may read while the user keeps editing, with the
        workspace's sources (what a project file embeds)."""
        # Every field is copied, so a field added to ``Briefing`` later cannot be left out; the
        # sources are the workspace's, not a deep copy of the (dropped) file copy.
        copied = copy.deepcopy(replace(self.briefing, sources=[]))
        copied.sources = self.workspace.sources
        return copied

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ----- whole-state changes (not undoable: a new or opened briefing) --------------------

    def reset(self, workspace: Workspace, briefing: Briefing) -> None:
        """Replace everything (new window content, an opened project, a restored autosave).

        The workspace owns the sources from now on: the briefing's file copy is dropped, so
        nothing can read a stale one (``snapshot`` fills it again for a save). Choices a project
        made before a long paragraph was cut into parts are pointed at the parts."""
        from briefing_studio.selection import carry_over_split_ids

        self.workspace = workspace
        carry_over_split_ids(briefing, workspace)
        self.briefing = briefing
        self.briefing.sources = []
        self._template_cache = None
        self._cache_selection()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        # What the machine would have chosen: a saved or restored selection that differs from
        # it was made by hand, and Suggest asks before replacing it.
        self.baseline = self.suggested_selection() if any(self._selection()) else ([], [])
        self._refresh_ranking()
        for signal in (
            self.sources_changed,
            self.selection_changed,
            self.meeting_changed,
            self.template_changed,
            self.ranking_changed,
            self.entities_changed,
        ):
            signal.emit()
        self.changed.emit()

    def set_library(self, library: Any) -> None:
        self.library = library
        self._template_cache = None
        self.template_changed.emit()
        self.changed.emit()

    def set_entities(self, analysis: Analysis, entities: list) -> None:
        """Entities found in the background arrive here (not an edit: no undo step)."""
        if analysis not in self.workspace:
            return  # the source was removed while the entities were being found
        analysis.entities = entities
        self.entities_changed.emit()
        self._refresh_ranking()
        self.ranking_changed.emit()

    # ----- intents (push undo commands) ----------------------------------------------------

    def toggle_section(self, section_id: str, on: bool | None = None) -> None:
        chosen = self.is_section_chosen(section_id)
        on = (not chosen) if on is None else on
        if on == chosen or self.workspace.section(section_id) is None:
            return
        if on:
            sections = editing.tick_section(
                self.briefing.sections, section_id, self.workspace.position
            )
            text = self.tr("Tick section")
        else:
            sections = editing.untick_section(self.briefing.sections, section_id)
            text = self.tr("Untick section")
        self._push(commands.ToggleSectionCommand(self, text, sections, self.briefing.figures))

    def toggle_figure(self, figure_id: str, on: bool | None = None) -> None:
        chosen = self.is_figure_chosen(figure_id)
        on = (not chosen) if on is None else on
        if on == chosen or self.workspace.figure(figure_id) is None:
            return
        if on:
            figures = editing.tick_figure(self.briefing.figures, figure_id, self.workspace.position)
            text = self.tr("Tick figure")
        else:
            figures = editing.untick_figure(self.briefing.figures, figure_id)
            text = self.tr("Untick figure")
        self._push(commands.ToggleFigureCommand(self, text, self.briefing.sections, figures))

    def select_all(self) -> None:
        """Tick every section and figure (the CLI's ``--select all``; one undo step)."""
        from briefing_studio.selection import select_all

        section_ids, figure_ids = select_all(self.workspace)
        sections = editing.choose(section_ids, self.briefing.sections)
        self._push(commands.BulkSelectCommand(self, self.tr("Select all"), sections, figure_ids))

    def select_none(self) -> None:
        self._push(commands.BulkSelectCommand(self, self.tr("Select none"), [], []))

    def suggested_selection(self) -> tuple[list[str], list[str]]:
        """The core's suggestion for the current counterpart: (section ids, figure ids)."""
        from briefing_studio.selection import select_suggested

        template = self.template()
        manifest = template.manifest if template is not None else None
        budget = manifest.suggestion_chars() if manifest is not None else None
        return select_suggested(self.workspace, self.briefing.meeting.counterpart, budget)

    def suggestion_needs_asking(self) -> bool:
        """True when Suggest would replace ticks made by hand (the window asks first)."""
        from briefing_studio.selection import suggestion_needs_asking

        return suggestion_needs_asking(self._selection(), self.baseline, self.suggested_selection())

    def suggest(self, mode: str = "replace") -> None:
        """Apply the core's suggestion for the current counterpart (one undo step): ``replace``
        the selection with it, or ``add`` it to the user's own choice."""
        from briefing_studio.selection import combine_suggestion

        suggested = self.suggested_selection()
        section_ids, figure_ids = combine_suggestion(
            self._selection(), suggested, self.workspace, mode
        )
        sections = editing.choose(section_ids, self.briefing.sections)
        self._push(
            commands.BulkSelectCommand(self, self.tr("Suggest"), sections, figure_ids, suggested)
        )

    def move_section(self, row: int, to_row: int) -> None:
        """Move the chosen section at ``row`` so it ends up at ``to_row`` (both in chosen order)."""
        sections = editing.move(editing.copy_sections(self.chosen_sections()), row, to_row)
        if sections is None:
            return
        self._push(
            commands.MoveSectionCommand(
                self, self.tr("Move section"), sections, self.briefing.figures
            )
        )

    def set_slot(self, section_id: str, slot: str | None) -> None:
        old = editing.slot_of(self.briefing.sections, section_id)
        if old == slot:
            return
        self._push(commands.SetSlotCommand(self, self.tr("Change slot"), section_id, old, slot))

    def edit_field(self, target: str, name: str, value: Any) -> None:
        """Edit ``meeting.<name>``, ``agency.<name>`` or the briefing ``title``."""
        old = getattr(self._target(target), name)
        if old == value:
            return
        self._push(
            commands.EditFieldCommand(
                self, self.tr("Edit meeting details"), target, name, old, value
            )
        )

    def figure_text(self, figure_id: str) -> str:
        """The user's own wording of a figure in the briefing ("" when it is written out)."""
        return self.briefing.figure_texts.get(figure_id, "")

    def set_figure_text(self, figure_id: str, text: str) -> None:
        """Write a figure another way in the briefing ("" goes back to the written-out one)."""
        text = unicodedata.normalize("NFC", text.strip())
        old = self.figure_text(figure_id)
        if old == text:
            return
        self._push(
            commands.SetFigureTextCommand(self, self.tr("Edit figure text"), figure_id, old, text)
        )

    def set_counterpart(self, counterpart: Counterpart | None) -> None:
        old = self.briefing.meeting.counterpart
        if old == counterpart:
            return
        self._push(
            commands.SetCounterpartCommand(self, self.tr("Change counterpart"), old, counterpart)
        )

    def set_template(self, template_id: str) -> None:
        if template_id == self.briefing.template:
            return
        self._push(
            commands.SetTemplateCommand(
                self, self.tr("Change template"), self.briefing.template, template_id
            )
        )

    def add_analyses(self, analyses: Sequence[Analysis]) -> None:
        workspace = self.workspace.adding(analyses)
        if workspace is self.workspace:
            return
        self._push(
            commands.SourcesCommand(
                self,
                self.tr("Add sources"),
                workspace,
                self.briefing.sections,
                self.briefing.figures,
            )
        )

    def remove_source(self, source_key: str) -> None:
        workspace = self.workspace.without_source(source_key)
        if workspace is self.workspace:
            return
        sections, figures = editing.without_source(
            self.briefing.sections, self.briefing.figures, source_key
        )
        self._push(
            commands.SourcesCommand(self, self.tr("Remove source"), workspace, sections, figures)
        )

    # ----- apply (called by commands only) -------------------------------------------------

    def apply_selection(
        self,
        sections: list[ChosenSection],
        figures: list[str],
        baseline: tuple[list[str], list[str]] | None = None,
    ) -> None:
        """``baseline``: set by whole-selection steps (Suggest, Select all/none), what they
        chose; ticks that differ from it are the user's own."""
        self.briefing.sections = sections
        self.briefing.figures = figures
        self._cache_selection()
        if baseline is not None:
            self.baseline = baseline
        self.selection_changed.emit()
        self.changed.emit()

    def apply_slot(self, section_id: str, slot: str | None) -> None:
        self.briefing.sections = editing.with_slot(self.briefing.sections, section_id, slot)
        self.slots_changed.emit()
        self.changed.emit()

    def apply_field(self, target: str, name: str, value: Any) -> None:
        setattr(self._target(target), name, copy.copy(value))
        self.meeting_changed.emit()
        self.changed.emit()

    def apply_figure_text(self, figure_id: str, text: str) -> None:
        if text:
            self.briefing.figure_texts[figure_id] = text
        else:
            self.briefing.figure_texts.pop(figure_id, None)
        self.figure_text_changed.emit(figure_id)
        self.changed.emit()

    def apply_counterpart(self, counterpart: Counterpart | None) -> None:
        self.briefing.meeting.counterpart = counterpart
        self._refresh_ranking()
        self.meeting_changed.emit()
        self.ranking_changed.emit()
        self.changed.emit()

    def apply_template(self, template_id: str) -> None:
        self.briefing.template = template_id
        self._template_cache = None
        self.template_changed.emit()
        self.changed.emit()

    def apply_sources(
        self, workspace: Workspace, sections: list[ChosenSection], figures: list[str]
    ) -> None:
        self.workspace = workspace
        self.briefing.sections = sections
        self.briefing.figures = figures
        self._cache_selection()
        self._refresh_ranking()
        self.sources_changed.emit()
        self.selection_changed.emit()
        self.ranking_changed.emit()
        self.entities_changed.emit()
        self.changed.emit()

    # ----- helpers -------------------------------------------------------------------------

    def _push(self, command: Any) -> None:
        self.undo_stack.push(command)

    def _target(self, target: str) -> Any:
        if target == "meeting":
            return self.briefing.meeting
        if target == "agency":
            return self.briefing.agency
        return self.briefing

    def _selection(self) -> tuple[list[str], list[str]]:
        return [c.section for c in self.briefing.sections], list(self.briefing.figures)

    def _cache_selection(self) -> None:
        self._chosen_sections = {c.section for c in self.briefing.sections}
        self._chosen_figures = set(self.briefing.figures)

    def _refresh_ranking(self) -> None:
        self._relevance.clear()
        counterpart = self.briefing.meeting.counterpart
        if counterpart is None or not self.workspace:
            return
        from briefing_studio.selection import select_suggested
        from briefing_studio.suggest import rank

        ranking = rank(self.workspace, counterpart)
        section_ids, figure_ids = select_suggested(self.workspace, counterpart)
        suggested = {*section_ids, *figure_ids}
        for scored in [*ranking.sections, *ranking.figures]:
            if scored.score > 0:
                self._relevance[scored.id] = Relevance(
                    scored.score, tuple(scored.reasons), scored.id in suggested
                )
