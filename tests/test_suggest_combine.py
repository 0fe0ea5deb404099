"""What Suggest does to a selection the user made by hand: when to ask, and what "add" means."""

from __future__ import annotations

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.editing import merge_in_source_order
from briefing_studio.paths import seed_files
from briefing_studio.selection import combine_suggestion, suggestion_needs_asking
from briefing_studio.sources import load_source
from briefing_studio.workspace import Workspace


@pytest.fixture(scope="module")
def seeds() -> Workspace:
    return Workspace(analyze(load_source(path)) for path in seed_files())


def test_merge_keeps_the_users_order_and_places_new_items_by_source_order() -> None:
    order = {item: n for n, item in enumerate("abcde")}.get
    # The user moved d before b; the suggestion adds c and a.
    assert merge_in_source_order(["d", "b"], ["a", "c", "b"], order) == ["a", "d", "b", "c"]
    assert merge_in_source_order([], ["c", "a"], order) == ["a", "c"]
    assert merge_in_source_order(["e"], [], order) == ["e"]


@pytest.mark.parametrize(
    ("current", "baseline", "suggested", "ask"),
    [
        ((["a"], ["f"]), (["a"], ["f"]), (["b"], []), False),  # untouched since the last step
        ((["a", "x"], ["f"]), (["a"], ["f"]), (["b"], []), True),  # ticked by hand
        ((["a"], []), (["a"], ["f"]), (["b"], []), True),  # unticked by hand
        ((["b"], []), (["a"], []), (["b"], []), False),  # already the suggestion
        (([], []), (["a"], []), (["b"], []), False),  # nothing chosen: nothing to lose
    ],
)
def test_suggest_asks_only_when_it_would_undo_hand_made_choices(
    current, baseline, suggested, ask
) -> None:
    assert suggestion_needs_asking(current, baseline, suggested) is ask


def test_add_keeps_every_own_choice_and_replace_takes_the_suggestion(seeds) -> None:
    sections = [s.id for a in seeds for s in a.sections]
    figures = [f.id for a in seeds for f in a.figures]
    mine = ([sections[-1], sections[0]], [figures[-1]])  # reordered by hand
    suggested = ([sections[0], sections[2]], [figures[1]])
    added = combine_suggestion(mine, suggested, seeds, "add")
    assert added == ([sections[-1], sections[0], sections[2]], [figures[1], figures[-1]])
    assert combine_suggestion(mine, suggested, seeds, "replace") == (
        [sections[0], sections[2]],
        [figures[1]],
    )
