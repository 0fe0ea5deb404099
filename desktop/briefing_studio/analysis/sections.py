"""Split a source into sections: one per block, headings recognised, trailing metadata set aside.

A table the file holds (``Block.table``) is one section of kind ``table``, never a heading.

Files that know their headings (.docx styles, HTML ``<h2>``) say so in ``Block.kind``. Plain
text does not, so a line is taken for a heading when it looks like one *and* introduces text:

- short (at most 12 words and 100 characters; the text's first line, a news title, up to 30
  words and 220 characters), no closing punctuation (``. ; : ! ? … ,``),
  starting with a capital (after any numbering such as ``I.``, ``1.``, ``a)``), not a source
  line, URL or "Hà Nội, ngày …" date line;
- followed by an ordinary paragraph, possibly through a short run of such lines (a title with
  its subtitle, ``I. TÌNH HÌNH`` then ``1. Kết quả``). Numbered and all-caps lines may form runs
  of any length; a run with more than two plain lines is a list, not headings.

Levels: ``I.``/``A.`` numbering and all-caps lines 1, ``1.`` 2, ``1.2.`` and ``a)`` 3; a plain
heading is 1 when it opens the text (the title) and 2 elsewhere (an article's sub-heading).

A paragraph that holds photo captions, chart titles or a byline, or that is far longer than
anyone writes one (a web article's body on one line), is cut into parts by
``analysis.article``. Its parts get the ids ``<key>/s<n>.<k>`` (``k`` from 1), so the
paragraph's own number ``n`` stays what it was and every other section keeps its id; a caption
or byline part has the kind ``caption`` or ``byline`` (metadata: shown, never chosen). A whole
line that is a caption is one section of kind ``caption``, and so is a block the file marks as
a caption (an HTML ``<figcaption>``: ``Block.kind``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from briefing_studio.analysis.article import is_caption, may_have_parts, paragraph_parts
from briefing_studio.analysis.metadata import URL, is_source_line, trailer_start
from briefing_studio.analysis.model import Section, SectionKind
from briefing_studio.analysis.sentences import sentence_spans
from briefing_studio.sources.model import Block, SourceDocument, Table

_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100
# A news title opening the text: one line of up to 30 words without a full stop (they run to
# 15–25 words, longer than a report's headings).
_MAX_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 220
_MAX_PLAIN_HEADINGS_IN_RUN = 2
_CLOSING = (".", ";", ":", "!", "?", "…", ",")
_NUMBERING = re.compile(
    r"^(?:(?P<roman>[IVXLC]+)\.|(?P<letter>[A-Z])\.|(?P<arabic>\d{1,2}(?:\.\d{1,2})*)[.)]"
    r"|(?P<small>[a-zđ])\))\s+"
)
_DATE_LINE = re.compile(
    r",\s*(?:ngày\s*)?\d{1,2}(?:\s*tháng\s*|[/.-])\d{1,2}(?:(?:\s*năm\s*|[/.-])\d{4})?$",
    re.IGNORECASE,
)
_OPENERS = "“\"'‘(«["


@dataclass(frozen=True)
class _HeadingShape:
    """How a candidate line looks: whether it is numbered or all-caps, and its level if so."""

    structured: bool
    level: int  # 0 for plain lines: decided by position


def split_sections(source: SourceDocument) -> tuple[list[Section], list[str]]:
    """One Section per non-empty block (ids ``<key>/s<n>``) and the trailing metadata lines."""
    blocks, end = content_blocks(source)
    return sections_of(source.key, blocks[:end], 0, end), [block.text for block in blocks[end:]]


def content_blocks(source: SourceDocument) -> tuple[list[Block], int]:
    """The source's non-empty blocks and where its trailing metadata lines start among them."""
    blocks = [block for block in source.blocks if block.text.strip()]
    cut = trailer_start([block.text for block in blocks])
    last_heading_block = max(
        (i for i, b in enumerate(blocks) if b.kind in ("heading", "table")), default=-1
    )
    return blocks, max(cut, last_heading_block + 1)


def may_start_at(blocks: list[Block], number: int) -> bool:
    """Whether the content blocks can be split into sections in two ranges cut before block
    ``number`` (``sections_of`` each): the block before cannot be a heading (so no run of
    heading lines, whose levels depend on the whole run and the line after it, crosses the
    cut) and block ``number`` is no table (which would read its unit from the block before)."""
    before = blocks[number - 1]
    return blocks[number].table is None and (
        before.kind != "paragraph" or _candidate_shape(before.text, opening=number == 1) is None
    )


def sections_of(
    key: str, blocks: list[Block], first: int, total: int, index: int = 0
) -> list[Section]:
    """The sections of consecutive content blocks, the first of them block number ``first`` of
    the ``total`` content blocks, and ``index`` the first section's. A range that does not hold
    all the content must start and end where ``may_start_at`` allows."""
    levels = _heading_levels(blocks, first)
    sections: list[Section] = []
    for offset, block in enumerate(blocks):
        number = first + offset
        parts = []
        last = number == total - 1
        found: list[tuple[tuple[int, int], ...]] = []  # the block's sentences, if cutting read them
        if (
            block.table is None
            and block.kind == "paragraph"
            and not levels[offset]
            and may_have_parts(block.text, last)
        ):
            parts = paragraph_parts(block.text, _kept_in(found), last=last)
        if len(parts) <= 1:
            kind = "heading" if levels[offset] else (parts[0].kind if parts else "paragraph")
            if block.table is not None:
                kind = "table"
            elif block.kind == "caption":  # the file marks it: HTML <figcaption>
                kind = "caption"
            sections.append(
                _section(
                    f"{key}/s{number}",
                    index + len(sections),
                    kind,
                    block.text,
                    level=levels[offset],
                    sentences=found[0] if found else (),
                    table=block.table,
                )
            )
            continue
        for k, part in enumerate(parts, 1):
            sections.append(
                _section(
                    f"{key}/s{number}.{k}",
                    index + len(sections),
                    part.kind,
                    block.text[part.start : part.end],
                    sentences=_within(block.text, found[0], part.start, part.end) if found else (),
                )
            )
    return sections


def _section(
    id: str,
    index: int,
    kind: SectionKind,
    text: str,
    level: int = 0,
    sentences: tuple[tuple[int, int], ...] = (),
    table: Table | None = None,
) -> Section:
    """``Section(...)`` without the frozen dataclass's ``__init__``, which sets each field
    through ``object.__setattr__`` (the 2 500 sections of 1 MB: 11.7 → 4.0 ms CPU).
    (``Section`` has no ``__post_init__``; ``tests/test_analysis_fast_paths.py`` compares.)"""
    new = object.__new__(Section)
    new.__dict__.update(
        id=id, index=index, kind=kind, text=text, level=level, sentences=sentences, cues=(),
        table=table,
    )  # fmt: skip
    return new


def _kept_in(
    found: list[tuple[tuple[int, int], ...]],
) -> Callable[[str], tuple[tuple[int, int], ...]]:
    """``sentence_spans`` that also keeps what it returns in ``found``."""

    def spans(text: str) -> tuple[tuple[int, int], ...]:
        found.append(sentence_spans(text))
        return found[-1]

    return spans


def _within(
    text: str, spans: tuple[tuple[int, int], ...], start: int, end: int
) -> tuple[tuple[int, int], ...]:
    """The block's sentence spans clipped to one part and made relative to it (the analysis
    then reads them instead of splitting the part's sentences a second time)."""
    clipped = []
    first = bisect_right(spans, (start, start)) - 1  # spans are in order: look near the part
    for s, e in spans[max(first, 0) :]:
        if s >= end:
            break
        s, e = max(s, start), min(e, end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            clipped.append((s - start, e - start))
    return tuple(clipped)


def _heading_levels(blocks: list[Block], first: int = 0) -> list[int]:
    """Heading level of each block, 0 for paragraphs; ``blocks[0]`` is content block ``first``."""
    shapes = [
        None if b.kind != "paragraph" else _candidate_shape(b.text, opening=first + i == 0)
        for i, b in enumerate(blocks)
    ]
    levels = [max(b.level, 1) if b.kind == "heading" else 0 for b in blocks]
    i = 0
    while i < len(blocks):
        run: list[tuple[int, _HeadingShape]] = []
        while i < len(blocks) and (shape := shapes[i]) is not None:
            run.append((i, shape))
            i += 1
        if not run:
            i += 1
        elif i < len(blocks) and _is_ordinary_paragraph(blocks[i]):
            _mark_run(run, levels, first)
    return levels


def _is_ordinary_paragraph(block: Block) -> bool:
    return block.kind == "paragraph" and not is_source_line(block.text)


def _mark_run(run: list[tuple[int, _HeadingShape]], levels: list[int], first: int) -> None:
    """Set the levels of a run of candidate lines that is followed by a paragraph (the line
    that opens the text, content block 0, is the title: level 1)."""
    plain = sum(1 for _, shape in run if not shape.structured)
    for index, shape in run:
        if shape.structured:
            levels[index] = shape.level
        elif plain <= _MAX_PLAIN_HEADINGS_IN_RUN:
            levels[index] = 1 if first + index == 0 else 2


def _candidate_shape(text: str, opening: bool = False) -> _HeadingShape | None:
    """The shape of a line that could be a heading, or None when it cannot be one.

    The line that opens the text may be a news title, which runs longer than a heading.
    """
    line = text.strip()
    max_words = _MAX_TITLE_WORDS if opening else _MAX_HEADING_WORDS
    max_chars = _MAX_TITLE_CHARS if opening else _MAX_HEADING_CHARS
    if (
        len(line) > max_chars
        or len(line.split()) > max_words
        or line.endswith(_CLOSING)
        or is_source_line(line)
        or is_caption(line)
        or URL.search(line)
        or _DATE_LINE.search(line)
    ):
        return None
    numbering = _NUMBERING.match(line)
    rest = line[numbering.end() :] if numbering else line
    rest = rest.lstrip(_OPENERS)
    if not rest or not rest[0].isalnum() or (rest[0].isalpha() and not rest[0].isupper()):
        return None
    all_caps = len(rest.split()) >= 2 and rest.isupper()
    if numbering:
        return _HeadingShape(True, _numbered_level(numbering, all_caps))
    if all_caps:
        return _HeadingShape(True, 1)
    return _HeadingShape(False, 0)


def _numbered_level(numbering: re.Match[str], all_caps: bool) -> int:
    if numbering.group("roman") or numbering.group("letter"):
        return 1
    if numbering.group("arabic"):
        return 1 if all_caps else 2 + min(numbering.group("arabic").count("."), 1)
    return 3
