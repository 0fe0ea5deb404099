"""Build a ``Briefing`` over a workspace: every section, or the suggestion for a counterpart.

The CLI's ``--select`` and the GUI's "Suggest" button both land here, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from briefing_studio.briefing import (
    DEFAULT_TEMPLATE,
    Briefing,
    ChosenSection,
    Counterpart,
    Meeting,
)
from briefing_studio.editing import merge_in_source_order
from briefing_studio.workspace import Workspace

SelectMode = Literal["suggested", "all", "none"]
SuggestMode = Literal["replace", "add"]
Selection = tuple[Sequence[str], Sequence[str]]  # (section ids, figure ids)


def resolve_counterpart(name: str | None) -> Counterpart | None:
    """A country or province by any of its names (``Hàn Quốc``, ``Úc``, ``bac-giang``)."""
    if not name or not name.strip():
        return None
    from briefing_studio.analysis.gazetteer import gazetteer

    entry = gazetteer().lookup(name.strip())
    if entry is None:
        return Counterpart(kind="other", name=name.strip())
    return entry.counterpart()


def select_all(workspace: Workspace) -> tuple[list[str], list[str]]:
    """Every section and every figure except dates, in source order.

    A date ("năm 2025", "20/12") is context, not a highlighted figure: it is never
    pre-selected, so it reaches the figures table only when the user ticks it.
    """
    return workspace.section_ids(), [f.id for f in workspace.figures() if f.kind != "date"]


def select_suggested(
    workspace: Workspace, counterpart: Counterpart | None
) -> tuple[list[str], list[str]]:
    """The suggestion for this counterpart (sections in source order)."""
    from briefing_studio.suggest import suggest_selection

    return suggest_selection(workspace, counterpart)


def suggestion_needs_asking(current: Selection, baseline: Selection, suggested: Selection) -> bool:
    """True when applying ``suggested`` over ``current`` would undo choices made by hand.

    ``baseline`` is the selection the last whole-selection step left (opening, Suggest,
    Select all / none): ticks and unticks since then are the user's own. Nothing is asked when
    nothing is chosen, nothing was changed by hand, or the suggestion is what is chosen already.
    """
    mine = _as_sets(current)
    if not (mine[0] or mine[1]):
        return False
    return mine != _as_sets(baseline) and mine != _as_sets(suggested)


def combine_suggestion(
    current: Selection,
    suggested: Selection,
    workspace: Workspace,
    mode: SuggestMode,
) -> tuple[list[str], list[str]]:
    """The selection Suggest leaves: ``replace`` takes the suggestion as it is; ``add`` keeps
    every choice of the user in the user's order and adds the suggested items not chosen yet,
    each after the last chosen item that comes before it in the sources."""
    if mode == "replace":
        return list(suggested[0]), list(suggested[1])
    return (
        merge_in_source_order(current[0], suggested[0], workspace.position),
        merge_in_source_order(current[1], suggested[1], workspace.position),
    )


def _as_sets(selection: Selection) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(selection[0]), frozenset(selection[1])


def new_briefing(
    workspace: Workspace,
    select: SelectMode = "suggested",
    counterpart: Counterpart | None = None,
    template: str = DEFAULT_TEMPLATE,
) -> Briefing:
    """A briefing over ``workspace`` with the chosen selection; slots are left to the template.

    Its ``sources`` are the workspace's, for the project file (see ``Briefing.sources``)."""
    if select == "all":
        section_ids, figure_ids = select_all(workspace)
    elif select == "suggested":
        section_ids, figure_ids = select_suggested(workspace, counterpart)
    else:
        section_ids, figure_ids = [], []
    return Briefing(
        sources=workspace.sources,
        sections=[ChosenSection(section=sid) for sid in section_ids],
        figures=list(figure_ids),
        meeting=Meeting(counterpart=counterpart),
        template=template,
    )
