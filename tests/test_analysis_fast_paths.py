"""The analysis builds its sections and figures without the frozen dataclasses' ``__init__``
(thousands per megabyte); what it builds must equal what the ``__init__`` builds."""

from __future__ import annotations

import dataclasses

import pytest

from briefing_studio.analysis import figures, pipeline, sections
from briefing_studio.analysis.model import Figure, Section
from briefing_studio.sources.model import Block, Table, TableCell
from briefing_studio.sources.paragraphs import paragraph_block, paragraph_blocks


def test_a_section_replaced_fast_equals_dataclasses_replace() -> None:
    section = Section(id="k/s1", index=1, kind="paragraph", text="Hai câu. Một câu nữa.")
    fast = pipeline._replace(section, sentences=((0, 8), (9, 21)), cues=("background",))
    slow = dataclasses.replace(section, sentences=((0, 8), (9, 21)), cues=("background",))
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert section.sentences == ()  # the original is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


def test_a_section_built_fast_equals_one_built_by_init() -> None:
    table = Table(cells=(TableCell("a", 0, 0),), n_rows=1, n_cols=1)
    for given in (
        {"id": "k/s1", "index": 1, "kind": "paragraph", "text": "Hai câu. Một câu nữa."},
        {"id": "k/s2", "index": 2, "kind": "heading", "text": "I. A", "level": 1},
        {"id": "k/s3.1", "index": 3, "kind": "caption", "text": "Ảnh: X", "sentences": ((0, 6),)},
        {"id": "k/s4", "index": 4, "kind": "table", "text": "a", "table": table},
    ):
        fast, slow = sections._section(**given), Section(**given)
        assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
        assert list(vars(fast)) == list(vars(slow))  # every field, in the same order
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


def test_a_paragraph_block_built_fast_equals_one_built_by_init() -> None:
    fast, slow = paragraph_block("Một đoạn văn."), Block("Một đoạn văn.")
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert list(vars(fast)) == list(vars(slow))  # every field, in the same order
    assert not hasattr(Block, "__post_init__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "x"  # type: ignore[misc]


def test_paragraph_blocks_built_fast_are_those_built_by_init_and_own_their_fields() -> None:
    lines = ["Một.", "", "Hai đoạn.", "Ba"]
    fast = paragraph_blocks(lines)
    assert fast == tuple(Block(line) for line in lines if line)
    assert [list(vars(b)) for b in fast] == [list(vars(Block(b.text))) for b in fast]
    assert len({id(vars(b)) for b in fast}) == 3  # each block has its own fields


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
