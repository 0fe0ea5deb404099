"""Build a ``Briefing`` from analyses: every section, or the analysis' suggestion for a counterpart.

The CLI's ``--select`` and the GUI's "Suggest" button both land here, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import (
    DEFAULT_TEMPLATE,
    Briefing,
    ChosenSection,
    Counterpart,
    Meeting,
)

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


def select_all(analyses: Sequence[Analysis]) -> tuple[list[str], list[str]]:
    """Every section and every figure except dates, in source order; captions and bylines
    are metadata, never chosen.

    A date ("năm 2025", "20/12") is context, not a highlighted figure: it is never
    pre-selected, so it reaches the figures table only when the user ticks it.
    """
    sections = [s.id for a in analyses for s in a.sections if not s.is_meta]
    figures = [f.id for a in analyses for f in a.figures if f.kind != "date"]
    return sections, figures


def select_suggested(
    analyses: Sequence[Analysis], counterpart: Counterpart | None
) -> tuple[list[str], list[str]]:
    """The analysis' suggestion for this counterpart (sections in source order)."""
    from briefing_studio.analysis.suggest import suggest_selection

    return suggest_selection(list(analyses), counterpart)


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
    analyses: Sequence[Analysis],
    mode: SuggestMode,
) -> tuple[list[str], list[str]]:
    """The selection Suggest leaves: ``replace`` takes the suggestion as it is; ``add`` keeps
    every choice of the user in the user's order and adds the suggested items not chosen yet,
    each after the last chosen item that comes before it in the sources."""
    if mode == "replace":
        return list(suggested[0]), list(suggested[1])
    # Every section and figure in source order (select_all leaves dates out: not an order).
    sections = [s.id for a in analyses for s in a.sections]
    figures = [f.id for a in analyses for f in a.figures]
    return (
        merge_in_source_order(current[0], suggested[0], sections),
        merge_in_source_order(current[1], suggested[1], figures),
    )


def merge_in_source_order(
    current: Sequence[str], extra: Sequence[str], source_order: Sequence[str]
) -> list[str]:
    """``current`` (order kept) with the items of ``extra`` it lacks, each inserted after the
    last item already in the list that precedes it in ``source_order`` (else first)."""
    position = {item: n for n, item in enumerate(source_order)}
    merged = list(current)
    for item in extra:
        if item in merged:
            continue
        rank = position.get(item, len(position))
        at = 0
        for index, other in enumerate(merged):
            if position.get(other, -1) < rank:
                at = index + 1
        merged.insert(at, item)
    return merged


def _as_sets(selection: Selection) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(selection[0]), frozenset(selection[1])


def new_briefing(
    analyses: Sequence[Analysis],
    select: SelectMode = "suggested",
    counterpart: Counterpart | None = None,
    template: str = DEFAULT_TEMPLATE,
) -> Briefing:
    """A briefing over ``analyses`` with the chosen selection; slots are left to the template."""
    if select == "all":
        section_ids, figure_ids = select_all(analyses)
    elif select == "suggested":
        section_ids, figure_ids = select_suggested(analyses, counterpart)
    else:
        section_ids, figure_ids = [], []
    return Briefing(
        sources=[a.source for a in analyses],
        sections=[ChosenSection(section=sid) for sid in section_ids],
        figures=list(figure_ids),
        meeting=Meeting(counterpart=counterpart),
        template=template,
    )
