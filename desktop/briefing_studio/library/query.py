"""What a library search asks for, read from what a person types, and where its hits are.

Text is folded before it is matched (``Hàn Quốc``, ``han quoc`` and ``HAN QUỐC`` are one query;
``đ`` matches ``d``): bare words must all occur, words in double quotes must occur together in
that order. Filters narrow the sections: a counterpart (a country or a province; a former province
finds its current one and the other way round, as ``Gazetteer.related_keys`` relates them), a date
range of the source, a figure kind and a figure expression read by ``figure_filter`` (``tỷ USD > 1``
or ``> 1 tỷ USD``), and a source (its id, or words of its name, title or path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_studio.analysis.gazetteer import gazetteer
from briefing_studio.errors import BriefingError
from briefing_studio.figure_filter import FigureFilter, parse_figure_filter
from briefing_studio.textutil import fold

FIGURE_KINDS = ("money", "percent", "count", "measure", "ratio", "date")
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"?')
_COMPARISON_INSIDE = re.compile(r"^(?P<words>.*?)\s*(?P<op>>=|<=|≥|≤|>|<|=)\s*(?P<number>.+)$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class TextQuery:
    """Folded words that must all occur and phrases whose words must occur in order."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: bool = False  # the last bare word may be the start of a word (search as you type)

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases


@dataclass(frozen=True)
class Query:
    text: TextQuery = field(default_factory=TextQuery)
    counterpart_keys: frozenset[str] = frozenset()
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None  # ISO, inclusive (a year or month covers all of it)
    figure_kind: str | None = None
    figure: FigureFilter | None = None
    source: str | None = None  # a source id, or words of its name/title/path
    all_versions: bool = False
    limit: int = 50


def words_of(folded: str) -> list[str]:
    """The words of folded text, as both the query and PostgreSQL's index split it."""
    return _WORD.findall(folded)


def parse_text(text: str, prefix: bool = False) -> TextQuery:
    """``han quoc "dau tu truc tiep"`` → words (han, quoc), phrase (dau tu truc tiep)."""
    folded = fold(text)
    phrases = [words for m in _PHRASE.finditer(folded) if (words := tuple(_WORD.findall(m[1])))]
    words = tuple(_WORD.findall(_PHRASE.sub(" ", folded)))
    ends_open = bool(words) and not folded.endswith((" ", '"')) and not _PHRASE.search(folded)
    return TextQuery(words=words, phrases=tuple(phrases), prefix=prefix and ends_open)


def build_query(
    text: str = "",
    *,
    counterpart: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    figure_kind: str | None = None,
    figure: str | None = None,
    source: str | None = None,
    all_versions: bool = False,
    limit: int = 50,
    prefix: bool = False,
) -> Query:
    """A ``Query`` from typed values; a value that cannot be read raises ``BriefingError``."""
    if figure_kind is not None and figure_kind not in FIGURE_KINDS:
        raise BriefingError(
            f"Loại số liệu “{figure_kind}” không có; chọn một trong: {', '.join(FIGURE_KINDS)}.",
            f"No figure kind “{figure_kind}”; choose one of: {', '.join(FIGURE_KINDS)}.",
        )
    low = _date_bound(date_from, start=True) if date_from else None
    high = _date_bound(date_to, start=False) if date_to else None
    if year_from is not None:
        low = max(filter(None, (low, f"{year_from:04d}-01-01")))
    if year_to is not None:
        high = min(filter(None, (high, f"{year_to:04d}-12-31")))
    return Query(
        text=parse_text(text, prefix=prefix),
        counterpart_keys=counterpart_keys(counterpart) if counterpart else frozenset(),
        date_from=low,
        date_to=high,
        figure_kind=figure_kind,
        figure=parse_figure_expression(figure) if figure else None,
        source=(source or "").strip() or None,
        all_versions=all_versions,
        limit=max(1, limit),
    )


def counterpart_keys(name: str) -> frozenset[str]:
    """The gazetteer keys a counterpart filter accepts: the named country or province and the
    provinces it merged with (``Bắc Giang`` ↔ ``Bắc Ninh``)."""
    places = gazetteer()
    entry = places.lookup(name)
    if entry is None or entry.kind not in ("country", "province"):
        raise BriefingError(
            f"Không tìm thấy quốc gia hay tỉnh, thành phố nào tên “{name}”.",
            f"No country or province called “{name}” is known.",
        )
    return frozenset(places.related_keys(entry.key))


def parse_figure_expression(text: str) -> FigureFilter:
    """``figure_filter``'s reading, also accepting the comparison after the words:
    ``tỷ USD > 1`` is ``> 1 tỷ USD`` (above 1 000 000 000, in USD)."""
    match = _COMPARISON_INSIDE.match(text.strip())
    if match and match.group("words"):
        text = f"{match.group('op')} {match.group('number')} {match.group('words')}"
    return parse_figure_filter(text)


def _date_bound(text: str, start: bool) -> str:
    value = text.strip()
    if not _DATE.match(value):
        raise BriefingError(
            f"Ngày “{text}” không đúng dạng năm-tháng-ngày (2024, 2024-03 hoặc 2024-03-15).",
            f"The date “{text}” is not year-month-day (2024, 2024-03 or 2024-03-15).",
        )
    if len(value) == 4:
        return value + ("-01-01" if start else "-12-31")
    if len(value) == 7:
        return value + ("-01" if start else "-31")
    return value


def highlights(text: str, query: TextQuery) -> list[tuple[int, int]]:
    """(start, end) spans of ``text`` that the query's words and phrases matched, in order.

    Found in the folded text, whose offsets are those of the original (``fold`` keeps length).
    """
    if query.empty:
        return []
    folded = fold(text)
    words = []
    for index, word in enumerate(query.words):
        open_end = query.prefix and index == len(query.words) - 1
        words.append(re.escape(word) + ("" if open_end else r"(?![^\W_])"))
    phrases = [r"[\W_]+".join(map(re.escape, p)) + r"(?![^\W_])" for p in query.phrases]
    if len(words) > 1:
        # Words typed together (``han quoc``) are marked where they stand together, if they do.
        together = r"[\W_]+".join(words)
        if _starting_words(re.compile(together), folded, first=True):
            words = [together]
    return _starting_words(re.compile("|".join(words + phrases)), folded)


def _starting_words(pattern: re.Pattern, folded: str, first: bool = False) -> list[tuple[int, int]]:
    """Spans of ``pattern``'s matches that start a word (only the first when ``first``).

    Checked after each match rather than by a look-behind at the start of the pattern, which
    kept the regular expression engine from jumping to the pattern's first letters: three times
    slower, 50 hits highlighted on every search."""
    spans: list[tuple[int, int]] = []
    position = 0
    while match := pattern.search(folded, position):
        start = match.start()
        if start > 0 and folded[start - 1].isalnum():  # inside a word: look on from its next letter
            position = start + 1
            continue
        spans.append(match.span())
        if first:
            break
        position = max(match.end(), start + 1)
    return spans
