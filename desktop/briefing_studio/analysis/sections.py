"""Split a source into sections: one per block, headings recognised, trailing metadata set aside.

A table the file holds (``Block.table``) is one section of kind ``table``, never a heading.

Files that know their headings (.docx styles, HTML ``<h2>``) say so in ``Block.kind``. Plain
text does not, so a line is taken for a heading when it looks like one *and* introduces text:

- short (at most 12 words and 100 characters), no closing punctuation (``. ; : ! ? … ,``),
  starting with a capital (after any numbering such as ``I.``, ``1.``, ``a)``), not a source
  line, URL or "Hà Nội, ngày …" date line;
- followed by an ordinary paragraph, possibly through a short run of such lines (a title with
  its subtitle, ``I. TÌNH HÌNH`` then ``1. Kết quả``). Numbered and all-caps lines may form runs
  of any length; a run with more than two plain lines is a list, not headings.

Levels: ``I.``/``A.`` numbering and all-caps lines 1, ``1.`` 2, ``1.2.`` and ``a)`` 3; a plain
heading is 1 when it opens the text (the title) and 2 elsewhere (an article's sub-heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_studio.analysis.metadata import URL, is_source_line, trailer_start
from briefing_studio.analysis.model import Section
from briefing_studio.sources.model import Block, SourceDocument

_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100
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
    blocks = [block for block in source.blocks if block.text.strip()]
    cut = trailer_start([block.text for block in blocks])
    last_heading_block = max(
        (i for i, b in enumerate(blocks) if b.kind in ("heading", "table")), default=-1
    )
    cut = max(cut, last_heading_block + 1)
    content, trailer = blocks[:cut], blocks[cut:]
    levels = _heading_levels(content)
    key = source.key
    sections = [
        Section(
            id=f"{key}/s{index}",
            index=index,
            kind="table" if block.table else "heading" if levels[index] else "paragraph",
            text=block.text,
            level=levels[index],
            table=block.table,
        )
        for index, block in enumerate(content)
    ]
    return sections, [block.text for block in trailer]


def _heading_levels(blocks: list[Block]) -> list[int]:
    """Heading level of each block, 0 for paragraphs."""
    shapes = [None if b.kind != "paragraph" else _candidate_shape(b.text) for b in blocks]
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
            _mark_run(run, levels)
    return levels


def _is_ordinary_paragraph(block: Block) -> bool:
    return block.kind == "paragraph" and not is_source_line(block.text)


def _mark_run(run: list[tuple[int, _HeadingShape]], levels: list[int]) -> None:
    """Set the levels of a run of candidate lines that is followed by a paragraph."""
    plain = sum(1 for _, shape in run if not shape.structured)
    for index, shape in run:
        if shape.structured:
            levels[index] = shape.level
        elif plain <= _MAX_PLAIN_HEADINGS_IN_RUN:
            levels[index] = 1 if index == 0 else 2


def _candidate_shape(text: str) -> _HeadingShape | None:
    """The shape of a line that could be a heading, or None when it cannot be one."""
    line = text.strip()
    if (
        len(line) > _MAX_HEADING_CHARS
        or len(line.split()) > _MAX_HEADING_WORDS
        or line.endswith(_CLOSING)
        or is_source_line(line)
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
