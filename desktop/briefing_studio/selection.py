"""Build a ``Briefing`` over a workspace: every section, or the suggestion for a counterpart.

The CLI's ``--select`` and the GUI's "Suggest" button both land here, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from briefing_studio.analysis.model import Section
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
    """Every section and every figure except dates, in source order; captions and bylines
    are metadata, never chosen.

    A date ("năm 2025", "20/12") is context, not a highlighted figure: it is never
    pre-selected, so it reaches the figures table only when the user ticks it.
    """
    sections = [s.id for _, s in workspace.sections() if not s.is_meta]
    return sections, [f.id for f in workspace.figures() if f.kind != "date"]


def select_suggested(
    workspace: Workspace, counterpart: Counterpart | None, max_chars: int | None = None
) -> tuple[list[str], list[str]]:
    """The suggestion for this counterpart (sections in source order), within the template's
    length budget ``max_chars`` (``TemplateManifest.suggestion_chars``) if given."""
    from briefing_studio.suggest import suggest_selection

    return suggest_selection(workspace, counterpart, max_chars=max_chars)


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


def carry_over_split_ids(briefing: Briefing, workspace: Workspace) -> None:
    """Point a project's choices at the parts of paragraphs that are now cut up.

    A project saved when a long paragraph (a web article's body) was one section names it
    ``<key>/s<n>`` and its figures ``<key>/s<n>/f<m>``; the analysis now cuts that paragraph
    into ``<key>/s<n>.<k>``. The chosen paragraph becomes its text parts (same slot, in order)
    and each figure the one found at the same place in the part that holds it.
    """
    parts: dict[str, list[Section]] = {}
    for _, section in workspace.sections():
        paragraph, dot, _ = section.id.rpartition(".")
        if dot and "/s" in paragraph and workspace.section(paragraph) is None:
            parts.setdefault(paragraph, []).append(section)
    if not parts:
        return
    chosen: list[ChosenSection] = []
    for c in briefing.sections:
        if workspace.section(c.section) is not None or c.section not in parts:
            chosen.append(c)
        else:
            chosen += [replace(c, section=p.id) for p in parts[c.section] if not p.is_meta]
    briefing.sections = chosen
    moved = {}
    missing = {f.rpartition("/f")[0] for f in briefing.figures if workspace.figure(f) is None}
    for paragraph in missing:
        if paragraph in parts:
            moved.update(_figures_moved(paragraph, parts[paragraph], workspace))
    briefing.figures = [moved.get(f, f) for f in briefing.figures]


def _figures_moved(paragraph: str, parts: list[Section], workspace: Workspace) -> dict[str, str]:
    """Old figure id → new one, for the figures the whole paragraph had before it was cut."""
    from briefing_studio.analysis.figures import find_figures

    key, _, number = paragraph.rpartition("/s")
    analysis = next(a for a in workspace if a.source.key == key)
    blocks = [b.text for b in analysis.source.blocks if b.text.strip()]
    whole = blocks[int(number)] if int(number) < len(blocks) else " ".join(p.text for p in parts)
    offsets, position = [], 0
    for part in parts:
        start = whole.find(part.text, position)
        offsets.append(start)
        position = max(position, start + len(part.text)) if start >= 0 else position
    moved = {}
    for old in find_figures(whole, paragraph):
        for part, offset in zip(parts, offsets, strict=True):
            if offset < 0 or not offset <= old.start < offset + len(part.text):
                continue
            new = next(
                (f for f in workspace.figures_in(part.id) if f.start == old.start - offset), None
            )
            if new is not None:
                moved[old.id] = new.id
    return moved


def _as_sets(selection: Selection) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(selection[0]), frozenset(selection[1])


def new_briefing(
    workspace: Workspace,
    select: SelectMode = "suggested",
    counterpart: Counterpart | None = None,
    template: str = DEFAULT_TEMPLATE,
    max_chars: int | None = None,
) -> Briefing:
    """A briefing over ``workspace`` with the chosen selection; slots are left to the template.

    ``max_chars``: the template's length budget for a suggested selection. Its ``sources`` are
    the workspace's, for the project file (see ``Briefing.sources``)."""
    if select == "all":
        section_ids, figure_ids = select_all(workspace)
    elif select == "suggested":
        section_ids, figure_ids = select_suggested(workspace, counterpart, max_chars)
    else:
        section_ids, figure_ids = [], []
    return Briefing(
        sources=workspace.sources,
        sections=[ChosenSection(section=sid) for sid in section_ids],
        figures=list(figure_ids),
        meeting=Meeting(counterpart=counterpart),
        template=template,
    )
