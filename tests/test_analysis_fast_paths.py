"""The analysis builds its sections and figures without the frozen dataclasses' ``__init__``
(thousands per megabyte); what it builds must equal what the ``__init__`` builds."""

from __future__ import annotations

import dataclasses

import pytest

from briefing_studio.analysis import figures, pipeline
from briefing_studio.analysis.model import Figure, Section


def test_a_section_replaced_fast_equals_dataclasses_replace() -> None:
    section = Section(id="k/s1", index=1, kind="paragraph", text="Hai câu. Một câu nữa.")
    fast = pipeline._replace(section, sentences=((0, 8), (9, 21)), cues=("background",))
    slow = dataclasses.replace(section, sentences=((0, 8), (9, 21)), cues=("background",))
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert section.sentences == ()  # the original is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


def test_sections_still_have_no_post_init() -> None:
    # _replace skips __init__: a check added to Section must be added there too.
    assert not hasattr(Section, "__post_init__")


def test_a_figure_built_fast_equals_one_built_by_init() -> None:
    text = "Tỉnh thu hút hơn 12,4 tỷ USD vốn FDI."
    (found,) = figures.find_figures(text, "k/s1")
    values = dataclasses.asdict(found)
    assert Figure(**values) == found and repr(Figure(**values)) == repr(found)
    assert found.context is None  # a default the fast path fills in
    with pytest.raises(ValueError, match="KINDS"):
        figures._figure(figures._Found(0, 4, "weight", 1), text, "k/s1/f1", "k/s1")
