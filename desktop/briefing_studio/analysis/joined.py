"""The texts of a source's sections on one string, so that a search runs once for all of them.

A 1 MB report has thousands of sections; calling a regular expression or ``str.find`` once
per section and word cost more in calls than in reading the text. Here the sections are joined
with ``"\\n"`` and searched once; each hit is handed back to its section with an offset into
that section's own text. A ``"\\n"`` stands where a section ends, so only patterns that treat a
line break like the start or end of the text (no ``\\s`` that could cross it) may be run on the
joined text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TypeVar

T = TypeVar("T")


class Joined:
    """Sections' texts joined by ``"\\n"``; section ``i`` starts at ``starts[i]``."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.text = "\n".join(texts)
        starts = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        self.starts = starts

    @cached_property
    def lower(self) -> str | None:
        """The lower-cased joined text, or None when lower-casing changes its length (then a
        section's slice of it would not line up with the section's text)."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None

    def section_lower(self, index: int) -> str:
        """Section ``index``'s text lower-cased, cut from ``lower`` when it lines up."""
        if self.lower is None:
            return self.texts[index].lower()
        start = self.starts[index]
        return self.lower[start : start + len(self.texts[index])]

    def spread(self, hits: Iterable[tuple[int, T]]) -> list[list[tuple[int, T]]]:
        """``(position, item)`` in ascending position in the joined text → for each section,
        the items that fall inside it with their position as an offset into its text."""
        per_section: list[list[tuple[int, T]]] = [[] for _ in self.texts]
        starts = self.starts
        section = 0
        last = len(starts) - 1
        for position, item in hits:
            while section < last and starts[section + 1] <= position:
                section += 1
            per_section[section].append((position - starts[section], item))
        return per_section

    def matches(self, pattern: re.Pattern[str], lower: bool = False) -> list[list[re.Match[str]]]:
        """``pattern.finditer`` over the joined (or lower-cased joined) text, its matches
        grouped by section; a match's positions stay those of the joined text (subtract
        ``starts[i]``). ``lower`` needs ``self.lower`` to exist."""
        text = self.lower if lower else self.text
        assert text is not None
        return self.by_section(pattern.finditer(text))

    def by_section(self, matches: Iterable[re.Match[str]]) -> list[list[re.Match[str]]]:
        """Matches in the joined text (ascending) grouped by the section they start in."""
        per_section: list[list[re.Match[str]]] = [[] for _ in self.texts]
        starts = self.starts
        section = 0
        last = len(starts) - 1
        for match in matches:
            position = match.start()
            while section < last and starts[section + 1] <= position:
                section += 1
            per_section[section].append(match)
        return per_section
