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
    """Every section and every figure except dates, in source order.

    A date ("năm 2025", "20/12") is context, not a highlighted figure: it is never
    pre-selected, so it reaches the figures table only when the user ticks it.
    """
    sections = [s.id for a in analyses for s in a.sections]
    figures = [f.id for a in analyses for f in a.figures if f.kind != "date"]
    return sections, figures


def select_suggested(
    analyses: Sequence[Analysis], counterpart: Counterpart | None
) -> tuple[list[str], list[str]]:
    """The analysis' suggestion for this counterpart (sections in source order)."""
    from briefing_studio.analysis.suggest import suggest_selection

    return suggest_selection(list(analyses), counterpart)


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
