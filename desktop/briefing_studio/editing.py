"""Edits of the user's choice as plain functions: what a tick, a move or a removal leaves.

Each function takes the chosen sections or figure ids and returns new lists; none changes its
arguments. The window's ``BriefingState`` asks these for the result of an edit and pushes it as
one undo step, so the rules (where a ticked item goes, what removing a source takes with it)
are tested here without Qt. ``order`` is where an id comes in the sources: pass
``Workspace.position``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from briefing_studio.briefing import ChosenSection

Order = Callable[[str], "int | None"]
T = TypeVar("T")


def copy_sections(sections: Sequence[ChosenSection]) -> list[ChosenSection]:
    """A copy an undo step can keep: later edits never reach it."""
    return [ChosenSection(section=c.section, slot=c.slot) for c in sections]


def insert_position(current: Sequence[str], item: str, order: Order) -> int:
    """Where ``item`` goes in ``current``: after the last item that comes before it in the
    sources (else first). An id the sources do not hold counts as coming before every other
    (a chosen one stays ahead of a newly ticked item); a new such item goes last."""
    rank = order(item)
    if rank is None:
        return len(current)
    at = 0
    for index, other in enumerate(current):
        other_rank = order(other)
        if other_rank is None or other_rank < rank:
            at = index + 1
    return at


def merge_in_source_order(current: Sequence[str], extra: Sequence[str], order: Order) -> list[str]:
    """``current`` (order kept) with the items of ``extra`` it lacks, each placed by
    ``insert_position``."""
    merged = list(current)
    present = set(merged)
    for item in extra:
        if item not in present:
            merged.insert(insert_position(merged, item, order), item)
            present.add(item)
    return merged


def tick_section(
    sections: Sequence[ChosenSection], section_id: str, order: Order
) -> list[ChosenSection]:
    """``sections`` with ``section_id`` chosen, placed in source order among the chosen."""
    result = copy_sections(sections)
    if any(c.section == section_id for c in result):
        return result
    at = insert_position([c.section for c in result], section_id, order)
    result.insert(at, ChosenSection(section=section_id))
    return result


def untick_section(sections: Sequence[ChosenSection], section_id: str) -> list[ChosenSection]:
    return [c for c in copy_sections(sections) if c.section != section_id]


def tick_figure(figures: Sequence[str], figure_id: str, order: Order) -> list[str]:
    """``figures`` with ``figure_id`` chosen, placed in source order among the chosen."""
    return merge_in_source_order(figures, [figure_id], order)


def untick_figure(figures: Sequence[str], figure_id: str) -> list[str]:
    return [f for f in figures if f != figure_id]


def move(items: Sequence[T], row: int, to_row: int) -> list[T] | None:
    """``items`` with the one at ``row`` moved to end up at ``to_row`` (clamped to the list);
    None when nothing moves."""
    if not (0 <= row < len(items)):
        return None
    to_row = max(0, min(to_row, len(items) - 1))
    if to_row == row:
        return None
    result = list(items)
    result.insert(to_row, result.pop(row))
    return result


def drop_row(dragged: int, before: int) -> int:
    """Where a row dragged from ``dragged`` ends up when dropped before row ``before``."""
    return before - 1 if dragged < before else before


def step_row(row: int, step: int, count: int) -> int | None:
    """The row a Move up (-1) / Move down (+1) takes ``row`` to; None at either end."""
    target = row + step
    if row < 0 or not (0 <= target < count):
        return None
    return target


def slot_of(sections: Sequence[ChosenSection], section_id: str) -> str | None:
    for c in sections:
        if c.section == section_id:
            return c.slot
    return None


def with_slot(
    sections: Sequence[ChosenSection], section_id: str, slot: str | None
) -> list[ChosenSection]:
    return [
        ChosenSection(section=c.section, slot=slot if c.section == section_id else c.slot)
        for c in sections
    ]


def choose(
    section_ids: Sequence[str], keep_slots_of: Sequence[ChosenSection]
) -> list[ChosenSection]:
    """Chosen sections for ``section_ids`` (a whole-selection step), each keeping the slot the
    user gave it before."""
    slots = {c.section: c.slot for c in keep_slots_of}
    return [ChosenSection(section=sid, slot=slots.get(sid)) for sid in section_ids]


def without_source(
    sections: Sequence[ChosenSection], figures: Sequence[str], source_key: str
) -> tuple[list[ChosenSection], list[str]]:
    """The choice left when the source ``source_key`` is removed: its sections and figures go
    (ids start with the source key, see ``analysis.model.Section``)."""
    prefix = f"{source_key}/"
    return (
        [c for c in copy_sections(sections) if not c.section.startswith(prefix)],
        [f for f in figures if not f.startswith(prefix)],
    )
