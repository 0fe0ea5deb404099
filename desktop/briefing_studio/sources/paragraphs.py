"""Text → paragraph blocks: cleaning, dropping empty lines, and re-joining wrapped lines.

PDF text layers (and some hard-wrapped .txt files) break a paragraph into display lines; the
analysis needs whole paragraphs, so lines that end mid-sentence are joined back. A line ends a
paragraph when it ends with closing punctuation or is clearly shorter than a full line
(a heading, the last line of a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_studio.sources.model import Block
from briefing_studio.textutil import clean_line, clean_lines

SENTENCE_END = re.compile(r"[.!?…:][\"”’)»\]]*$")  # a colon ends a lead-in to a list
_FULL_LINE = 0.6  # a line this fraction of the longest line (or longer) is a wrapped line
# A page number alone on a line ("3", "- 3 -", "Trang 3/12", "Page 3 of 12"): dropped at a
# page's top or bottom by the PDF and OCR loaders.
PAGE_NUMBER = re.compile(
    r"(?:trang|page)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:/|of|trên)\s*\d{1,4})?", re.IGNORECASE
)
_URL_END = re.compile(r"(?:https?://|www\.)\S*$")  # a URL split over lines has no space in it


def text_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of plain text: one per non-empty line (cleaned to NFC), unless the
    text is hard-wrapped, when blank lines separate paragraphs and wrapped lines are joined."""
    lines = clean_lines(text)
    if not looks_hard_wrapped(lines):
        return paragraph_blocks(lines)
    paragraphs: list[str] = []
    group: list[str] = []
    for line in [*lines, ""]:
        if line:
            group.append(line)
        elif group:
            paragraphs.extend(merge_wrapped_lines(group))
            group = []
    return tuple(Block(paragraph) for paragraph in paragraphs)


def paragraph_block(text: str) -> Block:
    """``Block(text)``, built as ``paragraph_blocks`` builds them."""
    return paragraph_blocks((text,))[0]


# A paragraph block's fields, in the order of ``Block``'s: the text is set after copying them.
_PARAGRAPH = {"text": "", "kind": "paragraph", "level": 0, "uncertain": (), "table": None}


def paragraph_blocks(lines: Iterable[str]) -> tuple[Block, ...]:
    """``Block(line)`` for each non-empty line, without the frozen dataclass's ``__init__``,
    which sets each field through ``object.__setattr__`` (the 2 500 lines of 1 MB: 6.8 → 3.3
    ms CPU), and with its fields copied from one dictionary, not passed as keywords to each
    (3.1 → 1.8 ms). (``Block`` has no ``__post_init__``; ``tests/test_analysis_fast_paths.py``
    compares.)"""
    blocks = []
    new = object.__new__
    for line in lines:
        if line:
            block = new(Block)
            fields = block.__dict__
            fields.update(_PARAGRAPH)
            fields["text"] = line
            blocks.append(block)
    return tuple(blocks)


def merge_wrapped_lines(lines: list[str], longest: int = 0) -> list[str]:
    """Join display lines back into paragraphs (see module docstring); ``longest`` is the
    longest line of the whole text when ``lines`` is only a part of it."""
    lines = [line for line in map(clean_line, lines) if line]
    if not lines:
        return []
    full = _FULL_LINE * max(longest, *(len(line) for line in lines))
    paragraphs: list[str] = []
    current = ""
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        current = _join(current, line) if current else line
        if not _continues(line, following, full):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width (e-mail style), where lines are not paragraphs.

    Such text has short lines (at most ~100 characters) most of which are nearly full width.
    """
    # A line longer than 100 characters answers at once, usually among the first lines (not
    # after keeping the non-blank lines of all: 1 MB, 1.1 ms).
    if any(len(line) > 100 and not line.isspace() for line in lines):
        return False
    lines = [line for line in lines if line.strip()]
    if len(lines) < 4:
        return False
    longest = max(len(line) for line in lines)
    if longest > 100:
        return False
    full = sum(1 for line in lines if len(line) >= _FULL_LINE * longest)
    unfinished = sum(1 for line in lines if not SENTENCE_END.search(line.rstrip()))
    return full > 0.6 * len(lines) and unfinished > 0.5 * len(lines)


def _continues(line: str, following: str, full: float) -> bool:
    """Does the paragraph go on after ``line``?"""
    if not following or SENTENCE_END.search(line):
        return False
    return len(line) >= full or following[0].islower()


def _join(current: str, line: str) -> str:
    """Append a wrapped line, undoing a hyphen only where a word was really split."""
    if _URL_END.search(current):
        return current + line
    if current.endswith("-") and len(current) > 1 and current[-2].isalnum():
        if current[-2].isalpha() and line[0].islower():
            return current[:-1] + line  # "develop-" + "ment"
        return current + line  # "KT-" + "XH", "COVID-" + "19"
    return f"{current} {line}"
