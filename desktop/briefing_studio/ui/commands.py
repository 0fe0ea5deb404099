"""Every edit of the briefing as a small ``QUndoCommand``, so all of it can be undone.

Commands hold the values before and after and call the state's ``apply_*`` methods; they never
touch widgets. The state (``state.py``) creates them; the undo stack's clean index drives the
window's "modified" mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from briefing_studio.briefing import ChosenSection, Counterpart
from briefing_studio.editing import copy_sections
from briefing_studio.workspace import Workspace

if TYPE_CHECKING:
    from briefing_studio.ui.state import BriefingState

Selection = tuple[list[ChosenSection], list[str]]

_EDIT_FIELD_ID = 1001


class SelectionCommand(QUndoCommand):
    """A change of the chosen sections and figures (and their order)."""

    def __init__(
        self, state: BriefingState, text: str, sections: list[ChosenSection], figures: list[str]
    ) -> None:
        super().__init__(text)
        self._state = state
        self._before: Selection = (
            copy_sections(state.briefing.sections),
            list(state.briefing.figures),
        )
        self._after: Selection = (copy_sections(sections), list(figures))

    def redo(self) -> None:
        self._state.apply_selection(copy_sections(self._after[0]), list(self._after[1]))

    def undo(self) -> None:
        self._state.apply_selection(copy_sections(self._before[0]), list(self._before[1]))


class ToggleSectionCommand(SelectionCommand):
    """Tick or untick one section."""


class ToggleFigureCommand(SelectionCommand):
    """Tick or untick one figure."""


class MoveSectionCommand(SelectionCommand):
    """Move a chosen section to another place in the briefing's order."""


class BulkSelectCommand(SelectionCommand):
    """Select all, select none, or apply the suggestion for the counterpart.

    ``baseline`` is what the machine chose (the suggestion, even when added to the user's own
    choice); ticks beyond it count as the user's own when Suggest is used again."""

    def __init__(
        self,
        state: BriefingState,
        text: str,
        sections: list[ChosenSection],
        figures: list[str],
        baseline: tuple[list[str], list[str]] | None = None,
    ) -> None:
        super().__init__(state, text, sections, figures)
        self._baselines = (
            state.baseline,
            baseline or ([c.section for c in sections], list(figures)),
        )

    def redo(self) -> None:
        self._state.apply_selection(
            copy_sections(self._after[0]), list(self._after[1]), baseline=self._baselines[1]
        )

    def undo(self) -> None:
        self._state.apply_selection(
            copy_sections(self._before[0]), list(self._before[1]), baseline=self._baselines[0]
        )


class SetSlotCommand(QUndoCommand):
    """Put a chosen section in another template slot (None: the template decides)."""

    def __init__(
        self, state: BriefingState, text: str, section: str, old: str | None, new: str | None
    ) -> None:
        super().__init__(text)
        self._state, self._section, self._old, self._new = state, section, old, new

    def redo(self) -> None:
        self._state.apply_slot(self._section, self._new)

    def undo(self) -> None:
        self._state.apply_slot(self._section, self._old)


class EditFieldCommand(QUndoCommand):
    """One meeting, agency or title field; consecutive typing in one field merges into one step."""

    def __init__(
        self, state: BriefingState, text: str, target: str, name: str, old: Any, new: Any
    ) -> None:
        super().__init__(text)
        self._state, self.target, self.name = state, target, name
        self._old, self._new = old, new

    def id(self) -> int:
        return _EDIT_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldCommand):
            return False
        if (other.target, other.name) != (self.target, self.name):
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._state.apply_field(self.target, self.name, self._new)

    def undo(self) -> None:
        self._state.apply_field(self.target, self.name, self._old)


class SetFigureTextCommand(QUndoCommand):
    """A figure's own wording in the briefing ("" for the written-out one)."""

    def __init__(self, state: BriefingState, text: str, figure: str, old: str, new: str) -> None:
        super().__init__(text)
        self._state, self._figure, self._old, self._new = state, figure, old, new

    def redo(self) -> None:
        self._state.apply_figure_text(self._figure, self._new)

    def undo(self) -> None:
        self._state.apply_figure_text(self._figure, self._old)


class SetCounterpartCommand(QUndoCommand):
    """Who the meeting is with; relevance is ranked again for the new counterpart."""

    def __init__(
        self, state: BriefingState, text: str, old: Counterpart | None, new: Counterpart | None
    ) -> None:
        super().__init__(text)
        self._state, self._old, self._new = state, old, new

    def redo(self) -> None:
        self._state.apply_counterpart(self._new)

    def undo(self) -> None:
        self._state.apply_counterpart(self._old)


class SetTemplateCommand(QUndoCommand):
    """Choose another template."""

    def __init__(self, state: BriefingState, text: str, old: str, new: str) -> None:
        super().__init__(text)
        self._state, self._old, self._new = state, old, new

    def redo(self) -> None:
        self._state.apply_template(self._new)

    def undo(self) -> None:
        self._state.apply_template(self._old)


class SourcesCommand(QUndoCommand):
    """Add or remove sources, with the selection that belonged to them."""

    def __init__(
        self,
        state: BriefingState,
        text: str,
        workspace: Workspace,
        sections: list[ChosenSection],
        figures: list[str],
    ) -> None:
        super().__init__(text)
        self._state = state
        # Workspaces never change, so each side keeps its own.
        self._before = (
            state.workspace,
            copy_sections(state.briefing.sections),
            list(state.briefing.figures),
        )
        self._after = (workspace, copy_sections(sections), list(figures))

    def redo(self) -> None:
        workspace, sections, figures = self._after
        self._state.apply_sources(workspace, copy_sections(sections), list(figures))

    def undo(self) -> None:
        workspace, sections, figures = self._before
        self._state.apply_sources(workspace, copy_sections(sections), list(figures))
