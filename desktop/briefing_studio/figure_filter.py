"""Filtering figures by what a person types: words, a comparison with a value, or both.

``tỷ USD`` keeps the figures whose own words (the figure as written, its unit and qualifier)
contain ``tỷ`` and ``USD`` (with or without diacritics); ``> 1 tỷ`` keeps those whose value is
above 1.000.000.000; ``< 500 triệu đồng`` combines both. The desktop's figures table and any
other list of figures share this one reading of the expression.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing_studio.analysis.model import Figure
from briefing_studio.analysis.numbers import parse_vn_number
from briefing_studio.errors import BriefingError
from briefing_studio.textutil import fold

COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "≥": operator.ge,
    "<=": operator.le,
    "≤": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
}
_COMPARISON = re.compile(r"^\s*(>=|<=|≥|≤|>|<|=)\s*")
# Scale words typed without diacritics (no Vietnamese keyboard at hand): ``> 1 ty``.
_PLAIN_SCALES = {"ty": "tỷ", "ti": "tỉ", "trieu": "triệu", "nghin": "nghìn", "ngan": "ngàn"}


@dataclass(frozen=True)
class FigureFilter:
    """A parsed filter: every word must occur, and the value must satisfy the comparison."""

    words: tuple[str, ...] = ()  # folded (no diacritics, lower case)
    comparison: str | None = None  # a key of COMPARISONS
    value: float | None = None

    @property
    def empty(self) -> bool:
        return not self.words and self.comparison is None

    def matches(self, figure: Figure) -> bool:
        if self.comparison is not None:
            if figure.value is None or self.value is None:
                return False
            if not COMPARISONS[self.comparison](float(figure.value), self.value):
                return False
        if self.words:
            haystack = fold(" ".join(filter(None, (figure.surface, figure.unit, figure.qualifier))))
            return all(word in haystack for word in self.words)
        return True


def parse_figure_filter(text: str) -> FigureFilter:
    """Read ``> 1 tỷ`` (or ``> 1 ty``), ``<= 12,4 tỷ USD``, ``tỷ USD`` or empty text (keeps
    everything).

    A comparison needs a number after it (``12,4``, ``4.814``, ``500 triệu``, ``hai mươi``);
    the words after the number are matched as text. A comparison without a number is a
    ``BriefingError`` saying how to write one.
    """
    rest = text.strip()
    match = _COMPARISON.match(rest)
    if match is None:
        return FigureFilter(words=_words(rest))
    symbol, rest = match.group(1), rest[match.end() :]
    tokens = rest.split()
    spoken = [_PLAIN_SCALES.get(token.lower(), token) for token in tokens]
    for count in range(len(tokens), 0, -1):  # the longest run of words that is one number
        value = parse_vn_number(" ".join(spoken[:count]))
        if value is not None:
            return FigureFilter(
                words=_words(" ".join(tokens[count:])), comparison=symbol, value=float(value)
            )
    raise BriefingError(
        f"Sau “{symbol}” cần một số, ví dụ “{symbol} 1 tỷ” hoặc “{symbol} 500 triệu”.",
        f"“{symbol}” needs a number after it, e.g. “{symbol} 1 tỷ” or “{symbol} 500 triệu”.",
    )


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in text.split())
