"""Edits of the user's choice, without Qt: each returns new lists and leaves its input alone."""

from __future__ import annotations

import pytest

from briefing_studio import editing
from briefing_studio.briefing import ChosenSection

# Source order of six sections of two sources ("a" before "b").
ORDER = {sid: n for n, sid in enumerate(["a/s0", "a/s1", "a/s2", "b/s0", "b/s1", "b/s2"])}
order = ORDER.get


def chosen(*ids: str, slots: dict[str, str] | None = None) -> list[ChosenSection]:
    return [ChosenSection(section=i, slot=(slots or {}).get(i)) for i in ids]


def ids(sections: list[ChosenSection]) -> list[str]:
    return [c.section for c in sections]


@pytest.mark.parametrize(
    ("current", "tick", "expected"),
    [
        ([], "a/s1", ["a/s1"]),
        (["a/s0", "a/s2"], "a/s1", ["a/s0", "a/s1", "a/s2"]),
        (["a/s2", "a/s0"], "a/s1", ["a/s2", "a/s0", "a/s1"]),  # after the last one before it
        (["b/s0"], "a/s0", ["a/s0", "b/s0"]),  # first when nothing chosen comes before it
        (["b/s2", "a/s1"], "b/s0", ["b/s2", "a/s1", "b/s0"]),  # the user's order is kept
        (["gone/s0"], "a/s0", ["gone/s0", "a/s0"]),  # an unknown id counts as coming first
    ],
)
def test_a_ticked_section_goes_after_the_last_chosen_one_before_it(current, tick, expected):
    before = chosen(*current)
    after = editing.tick_section(before, tick, order)
    assert ids(after) == expected
    assert ids(before) == current  # the input is left alone (an undo step keeps it)


def test_ticking_twice_keeps_one_and_slots_survive() -> None:
    before = chosen("a/s0", "a/s2", slots={"a/s2": "proposals"})
    after = editing.tick_section(before, "a/s2", order)
    assert ids(after) == ["a/s0", "a/s2"] and after[1].slot == "proposals"
    after[1].slot = "results"
    assert before[1].slot == "proposals"  # copies, not the same objects


def test_unticking_removes_only_that_section() -> None:
    before = chosen("a/s0", "a/s1", "b/s0")
    assert ids(editing.untick_section(before, "a/s1")) == ["a/s0", "b/s0"]
    assert ids(editing.untick_section(before, "zz")) == ["a/s0", "a/s1", "b/s0"]
    assert ids(before) == ["a/s0", "a/s1", "b/s0"]


def test_figures_tick_and_untick_in_source_order() -> None:
    figure_order = {"a/s0/f0": 0, "a/s0/f1": 1, "b/s1/f0": 2}.get
    figures = ["b/s1/f0"]
    figures = editing.tick_figure(figures, "a/s0/f1", figure_order)
    assert figures == ["a/s0/f1", "b/s1/f0"]
    figures = editing.tick_figure(figures, "a/s0/f0", figure_order)
    assert figures == ["a/s0/f0", "a/s0/f1", "b/s1/f0"]
    assert editing.tick_figure(figures, "a/s0/f0", figure_order) == figures  # no duplicate
    assert editing.untick_figure(figures, "a/s0/f1") == ["a/s0/f0", "b/s1/f0"]


def test_merging_a_suggestion_keeps_every_own_choice_in_its_place() -> None:
    merged = editing.merge_in_source_order(["b/s1", "a/s0"], ["a/s2", "b/s1", "b/s2"], order)
    assert merged == ["b/s1", "a/s0", "a/s2", "b/s2"]
    # An id the sources lack goes last, then counts as coming first for the next one.
    assert editing.merge_in_source_order([], ["zz", "a/s1"], order) == ["zz", "a/s1"]


@pytest.mark.parametrize(
    ("row", "to_row", "expected"),
    [
        (0, 2, ["y", "z", "x"]),
        (2, 0, ["z", "x", "y"]),
        (1, 9, ["x", "z", "y"]),  # past the end: to the end
        (1, -3, ["y", "x", "z"]),  # before the start: to the start
        (1, 1, None),  # nothing moves
        (2, 5, None),  # already last
        (3, 0, None),  # no such row
        (-1, 0, None),
    ],
)
def test_move(row: int, to_row: int, expected: list[str] | None) -> None:
    items = ["x", "y", "z"]
    assert editing.move(items, row, to_row) == expected
    assert items == ["x", "y", "z"]


@pytest.mark.parametrize(
    ("dragged", "before", "expected"),
    [
        (0, 3, ["r1", "r2", "r0"]),  # dropped below the last row
        (2, 0, ["r2", "r0", "r1"]),
        (2, 1, ["r0", "r2", "r1"]),
        (0, 2, ["r1", "r0", "r2"]),
        (1, 1, ["r0", "r1", "r2"]),  # dropped on its own place
        (1, 2, ["r0", "r1", "r2"]),
    ],
)
def test_a_dropped_row_lands_where_the_drop_indicator_was(dragged, before, expected) -> None:
    rows = ["r0", "r1", "r2"]
    moved = editing.move(rows, dragged, editing.drop_row(dragged, before))
    assert (moved or rows) == expected


@pytest.mark.parametrize(
    ("row", "step", "count", "target"),
    [(1, -1, 3, 0), (1, 1, 3, 2), (0, -1, 3, None), (2, 1, 3, None), (-1, 1, 3, None)],
)
def test_move_up_and_down_stop_at_the_ends(row, step, count, target) -> None:
    assert editing.step_row(row, step, count) == target


def test_slots_are_read_set_and_kept_by_whole_selection_steps() -> None:
    sections = chosen("a/s0", "a/s1", slots={"a/s1": "results"})
    assert editing.slot_of(sections, "a/s1") == "results"
    assert editing.slot_of(sections, "a/s0") is None
    assert editing.slot_of(sections, "zz") is None
    moved = editing.with_slot(sections, "a/s0", "proposals")
    assert [c.slot for c in moved] == ["proposals", "results"]
    assert [c.slot for c in sections] == [None, "results"]
    again = editing.choose(["b/s0", "a/s1"], sections)  # Select all / Suggest
    assert [(c.section, c.slot) for c in again] == [("b/s0", None), ("a/s1", "results")]


def test_removing_a_source_takes_its_sections_and_figures_only() -> None:
    sections = chosen("a/s0", "ab/s0", "b/s1", slots={"b/s1": "results"})
    figures = ["a/s0/f0", "ab/s0/f1", "b/s1/f0"]
    kept_sections, kept_figures = editing.without_source(sections, figures, "a")
    assert ids(kept_sections) == ["ab/s0", "b/s1"]  # "ab" is another source
    assert kept_sections[1].slot == "results"
    assert kept_figures == ["ab/s0/f1", "b/s1/f0"]
    assert ids(sections) == ["a/s0", "ab/s0", "b/s1"]
