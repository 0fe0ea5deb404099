"""Find the figures of a section: counts, money, percents, measures, ratios and dates.

The fields of a ``Figure`` and the Vietnamese number conventions: docs/ARCHITECTURE.md §3.

A figure's surface is qualifier + number + scale word + unit or counted noun + a short
modifier: ``hơn 170 thỏa thuận hợp tác``, ``trên 12,4 tỷ USD``, ``bốn đối tác lớn``.
Everything here is regular expressions plus a little logic per match, so a whole report is
analysed as it loads; no tagger or model is called. Counted nouns and their modifiers are
``noun_phrases.py``; the word lists are ``units.py``.

A ratio is a multiple or a fraction (``gấp ba``, ``một phần ba``, ``3/4 số hộ``); its value is
the multiplier of the whole (3, 0.333…, 0.75) and a multiple has the unit ``lần``.

Digits that belong to names and codes are never figures: ``COVID-19``, ``G20``, ``Quốc lộ 1A``,
``Nghị định 30/2020/NĐ-CP``, ``Điều 5``, URLs, e-mail addresses and phone numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.kinds import BY_ID as _KINDS
from briefing_studio.analysis.model import Figure, FigureKind
from briefing_studio.analysis.noun_phrases import (
    ACRONYM,
    BOUNDARY,
    count_phrase,
    generic_noun_at,
    noun_at,
    syllables,
    words_after,
)
from briefing_studio.analysis.numbers import (
    DIGIT_WORDS,
    DIGITS_PATTERN,
    NUMBER_WORDS,
    NUMBER_WORDS_PATTERN,
    SCALE_PATTERN,
    parse_digits,
    parse_digits_both,
    parse_digits_decimal,
    parse_number_words,
    scale_of,
)
from briefing_studio.analysis.trie import trie_pattern
from briefing_studio.analysis.units import (
    COUNTED_NOUNS,
    CURRENCY_PREFIXES,
    ENGLISH_SCALES,
    GENERIC_NOUNS,
    GLUED_UNITS,
    HALF_WORD,
    MEASURE_UNITS,
    MONEY_UNITS,
    MULTIPLIER_WORDS,
    PAIR_NOUNS,
    PERCENT_WORDS,
    QUALIFIERS,
    STOP_WORDS,
    TIME_UNITS,
    tone_key,
)
from briefing_studio.memo import keep
from briefing_studio.textutil import places_of

Number = int | float
_NOT_L = r"(?![^\W\d_])"  # no letter follows


def _alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """Regex alternation, longest first so ``km2`` wins over ``km`` and ``đồng`` over ``đ``."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- spans that are names, codes or addresses, never figures --------------------------------
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
# Starts only where a run of address characters starts: tried at every character of a long run,
# the scan to its end made a megabyte-long word with one "@" in the section quadratic.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Never starts inside a grouped number: "000.000.000" in "1.000.000.000 đồng" is not a phone.
# The first character is matched by a class and each branch checks it with a look-behind: a
# pattern that starts with a look-ahead is tried at every character of a section, one that
# starts with a class lets ``re`` skip to a digit, "+" or "(" (3× faster on 1 MB).
_CODE = re.compile(
    r"[\d+(](?<![\w/].)(?<!\d[.,].)(?:"
    r"(?<=\d)\d*(?:/\d+)*/[A-ZĐ][\wĐđ/-]*"  # 30/2020/NĐ-CP, 123/QĐ-TTg
    r"|(?<=\d)\d*-[A-ZĐ][\wĐđ/-]*"  # 24-NQ/TW
    r"|(?<=\+)\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,5}"  # +84 24 3854 1234
    r"|(?<=\()0\d{2,3}\)?[ .\-]?\d{3,4}[ .\-]?(?:\d{2,4}|x{2,4})\b"  # (0204) 3854 123
    r"|(?<=0)\d{2,3}\)?[ .\-]?\d{3,4}[ .\-]?(?:\d{2,4}|x{2,4})\b"  # 0204 3854 123, 0204.3854.xxx
    r"|(?<=0)\d{9,10}\b"  # 0912345678
    r")"
)

# A reference or product word right before a number makes the number a label: "Điều 5".
_LABEL_WORDS = frozenset(
    """Điều điều Khoản khoản Điểm điểm Chương chương Mục mục Phần QL ĐT Luật Số số No thứ Thứ
    Top top Km Phường Quận Tổ Lô Tầng Khóa khóa Khoá khoá Kỳ Tập tập Trang trang Hình Bảng Biểu
    Mẫu Galaxy Windows Boeing Airbus Android iOS Model COVID Covid Su MiG Expo Euro Vision
    Industry Web Pixel Series Gen Tesla VinFast VF Apollo Sputnik""".split()
)
_LABEL_PAIRS = frozenset(
    w.strip()
    for w in """Phụ lục, phụ lục, Quốc lộ, quốc lộ, Tỉnh lộ, tỉnh lộ, Đường tỉnh, đường tỉnh,
    Huyện lộ, Nghị định, nghị định, Nghị quyết, nghị quyết, Quyết định, quyết định, Thông tư,
    thông tư, Chỉ thị, chỉ thị, Công văn, công văn, Kết luận, Thông báo, Pháp lệnh, Khu phố,
    Sư đoàn, Trung đoàn, Lữ đoàn, Bệnh viện, Phiên bản, phiên bản, lần thứ""".split(",")
)
_LABEL_PAIR_ENDS = frozenset(pair.split()[-1] for pair in _LABEL_PAIRS)
_CAMEL_CASE = re.compile(r"[a-z]+[A-Z]\w*")
_COUNTED_ENDS = frozenset(noun.rsplit(" ", 1)[-1] for noun in COUNTED_NOUNS if " " in noun)

# --- dates -----------------------------------------------------------------------------------
_YEAR = r"[12]\d{3}"
_SPAN_TO = r"(?:\s*[-–]\s*|\s+(?:đến|tới)\s+)"  # "ngày 10 đến 12/3", "năm 2021-2025"
_KEYWORD_DATE = re.compile(
    rf"(?=[nNcCđĐgGtTqQ\d])(?<![^\W\d_])(?:"
    rf"(?:(?:nửa|những tháng|các tháng)\s+)?(?:đầu|cuối|giữa)\s+năm\s+(?P<y1>{_YEAR})"
    rf"|năm\s+(?P<y2>{_YEAR})(?:{_SPAN_TO}(?:năm\s+)?(?P<y2h>{_YEAR}))?"
    rf"|ngày\s+(?P<d9>\d{{1,2}}){_SPAN_TO}(?:ngày\s+)?(?P<d9h>\d{{1,2}})\s*(?P<sep9>[/.\-])"
    rf"\s*(?P<m9>\d{{1,2}})(?:\s*(?P=sep9)\s*(?P<y9>{_YEAR}))?"
    rf"|ngày\s+(?P<d3>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m3>\d{{1,2}})"
    rf"(?:\s*(?P=sep)\s*(?P<y3>{_YEAR}))?"
    rf"|ngày\s+(?P<d4>\d{{1,2}})\s+tháng\s+(?P<m4>\d{{1,2}})(?:\s+năm\s+(?P<y4>{_YEAR}))?"
    rf"|(?P<d5>\d{{1,2}})\s+tháng\s+(?P<m5>\d{{1,2}})\s+năm\s+(?P<y5>{_YEAR})"
    rf"|tháng\s+(?P<m6>\d{{1,2}})(?:\s*[/\-]\s*(?P<y6>{_YEAR})|\s+năm\s+(?P<y6b>{_YEAR}))?"
    rf"|\d{{1,2}}\s+tháng\s+(?:(?:đầu|cuối)\s+năm(?:\s+(?P<y8>{_YEAR}))?"
    rf"|năm\s+(?:(?P<y8b>{_YEAR})|nay|qua|trước|ngoái))"  # "6 tháng năm 2017": a period
    rf"|quý\s+(?:IV|I{{1,3}}|[1-4])(?:\s*[/\-]\s*(?P<y7>{_YEAR})|\s+năm\s+(?P<y7b>{_YEAR}))?"
    rf")(?![\w/])",
    re.IGNORECASE,
)
# Every match of _KEYWORD_DATE starts with one of these words (any case) or with the one or two
# digits before "tháng" ("6 tháng năm 2017").
_DATE_WORDS = ("nửa", "những", "các", "đầu", "cuối", "giữa", "năm", "ngày", "tháng", "quý")
_MONTH = "tháng"
_DATE_WORD_SET = frozenset(_DATE_WORDS)
_QUARTER = re.compile(r"quý", re.IGNORECASE)
# The named groups of _KEYWORD_DATE as indices into ``match.groups()``: a date read with
# ``groupdict()`` and a generator took 12 µs, with these 2.7 µs (1 300 dates per megabyte).
_GROUP = {name: index - 1 for name, index in _KEYWORD_DATE.groupindex.items()}
_DAY_GROUPS = tuple(_GROUP[k] for k in ("d3", "d4", "d5", "d9"))
_MONTH_GROUPS = tuple(_GROUP[k] for k in ("m3", "m4", "m5", "m6", "m9"))
_YEAR_GROUPS = tuple(
    _GROUP[k] for k in ("y1", "y2", "y3", "y4", "y5", "y6", "y6b", "y7", "y7b", "y8", "y8b", "y9")
)
_DAY_HIGH, _YEAR_HIGH = _GROUP["d9h"], _GROUP["y2h"]


def _first(groups: tuple[str | None, ...], indices: tuple[int, ...]) -> str | None:
    """The first of ``groups`` at ``indices`` that matched something."""
    for i in indices:
        if groups[i]:
            return groups[i]
    return None


_DAY_SPAN = re.compile(rf"(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}))?(?![\w/])")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})/(\d{{1,2}})(?:/({_YEAR}))?(?![\w/])")
_MONTH_YEAR = re.compile(rf"(\d{{1,2}})/({_YEAR})(?![\w/])")
_DAY_MONTH_DASH = re.compile(rf"(\d{{1,2}})-(\d{{1,2}})(?:-({_YEAR}))?(?![\w/]|[-–]\d)")
_CLOCK = re.compile(r"(\d{1,2})(?:h(\d{2})?|:(\d{2}))(?![\w:])")

# --- numbers, ranges, scales -----------------------------------------------------------------
_DIGITS = re.compile(DIGITS_PATTERN)
# The high bytes (UTF-16) of every decimal digit beyond ASCII (``\\d`` matches all 660 of
# them), and the surrogates that carry the ones beyond the BMP; ``tests/test_figures_scan.py``
# checks the list against Python's Unicode database (working it out here took 25 ms).
_OTHER_DIGIT_HIGH_BYTES = bytes.fromhex(
    "06 07 09 0a 0b 0c 0d 0e 0f 10 17 18 19 1a 1b 1c a6 a8 a9 aa ab d8 d9 da db dc dd de df ff"
)
_RANGE = re.compile(
    rf" ?[-–—] ?(?P<a>{DIGITS_PATTERN})|\s+(?:đến|tới)\s+(?P<b>{DIGITS_PATTERN})(?![\d])"
)
_SCALE = re.compile(rf"\s+({SCALE_PATTERN}){_NOT_L}")
_SCALED_PART = re.compile(rf"\s+({DIGITS_PATTERN})\s+({SCALE_PATTERN}){_NOT_L}")

# --- units -------------------------------------------------------------------------------------
_PERCENT = re.compile(rf" ?%(?![0-9A-Za-z])|\s+({_alternation(PERCENT_WORDS)}){_NOT_L}")
_MONEY = re.compile(rf"(\s*)({_alternation(MONEY_UNITS)})(?![\w$])")
_MEASURE = re.compile(rf"(\s*)({_alternation(MEASURE_UNITS)})(?![\w²³])")
# "62,5 tạ/ha", "500 USD/tấn", "75 triệu đồng/người/năm": a denominator is a unit or a counted
# noun after a slash; "doanh nghiệp/hợp tác xã" lists alternatives, it has no denominator.
_PER_WORD = re.compile(r"/([^\W\d_][\w²³]*)(?![\w-])")
_DENOMINATORS = frozenset(
    {*COUNTED_NOUNS, *TIME_UNITS, *(u.lower() for u in (*MEASURE_UNITS, *MONEY_UNITS)), "h"}
)
_TIME = re.compile(rf"\s+({_alternation(TIME_UNITS)}){_NOT_L}(?!\s+{_YEAR}(?!\d))")
_UNIT_RANGE = re.compile(r"\s*[-–—]\s*|\s+(?:đến|tới)\s+")  # "6,5% - 7%", "6% đến 6,5%"
_ELIDED_TO = re.compile(r"\s+(?:lên|đến|tới|xuống|còn|xuống còn|lên tới|lên đến)\s+(?=\d)")

# --- number words and qualifiers ---------------------------------------------------------------
_WORD_RUN = re.compile(
    rf"(?=[mhbnstclvMHBNSTCLV])(?<![^\W\d_]){NUMBER_WORDS_PATTERN}{_NOT_L}"
    rf"(?: +{NUMBER_WORDS_PATTERN}{_NOT_L})*",
    re.IGNORECASE,
)
_NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
# Where a date or a number word starts: one scan of the lower-cased text for all of them. A
# word counts only where the patterns that start with it can match: whole (no letter after it;
# "chín" in "chính", "tỉ" in "tỉnh" are none), and for the words that only lead a longer date,
# before its next word ("các" only in "các tháng đầu năm", "đầu" only in "đầu năm 2024"). A
# report has thousands of "các" and "đầu tư": each place found costs a step in Python.
_WORD_TAILS = {
    "các": "(?= tháng)",
    "những": "(?= tháng)",
    "đầu": r"(?=\s+năm)",
    "cuối": r"(?=\s+năm)",
    "giữa": r"(?=\s+năm)",
}
# Each word and what must follow it, for ``trie_pattern`` (``word_scan.py`` joins them with
# the cue words for the scan of a whole source).
START_WORDS = {w: _WORD_TAILS.get(w, _NOT_L) for w in sorted(_DATE_WORD_SET | _NUMBER_WORD_SET)}
_WORD_STARTS = re.compile(trie_pattern(START_WORDS))
# "số" first, then the look-behind (no letter before it): a pattern led by a look-behind is
# tried at every character of the clause, one led by a literal only where "số" is.
_COUNT_OF = re.compile(r"số(?<![^\W\d_]số)(?: lượng)? +(?=\S)")
_CLAUSE_END = re.compile(r"[.;:!?…(\n]|, ")
_QUALIFIER_PHRASES = frozenset(QUALIFIERS)
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS)
_QUALIFIER_LAST = frozenset(q.rsplit(" ", 1)[-1] for q in QUALIFIERS)  # as a phrase is joined
# For each last word, the lengths (3, 2, 1 words) of the qualifiers ending with it, longest
# first: ``_qualifier_start`` joins and looks up only those (1 MB: 9.7 → 9.2-9.7 ms).
_QUALIFIER_SIZES: dict[str, tuple[int, ...]] = {
    last: tuple(
        k
        for k in (3, 2, 1)
        if any(q.count(" ") == k - 1 and q.rsplit(" ", 1)[-1] == last for q in QUALIFIERS)
    )
    for last in _QUALIFIER_LAST
}
_TIME_OF_DAY = frozenset(("sáng", "trưa", "chiều", "tối", "đêm", "khuya", "hôm"))
_YEAR_LEADS = frozenset(
    ("đến", "tới", "từ", "trước", "sau", "vào", "hết", "tầm nhìn", "giai đoạn", "niên khóa")
)
_BARE_VERBS = frozenset(("lên", "là", "đạt", "thành", "tới", "đến"))
_NOT_NUMBER_LEADS = frozenset(("hàng", "vài", "mấy", "dăm", "thứ"))  # "hàng trăm", "thứ hai"
_FROM = frozenset(("từ",))
_FRACTION = re.compile(r"(\d{1,3})/(\d{1,3})")
_TIMES = re.compile(r"(?<![^\W\d_])[Gg]ấp +")
_TIMES_TAIL = re.compile(rf"(?P<times> +lần)?(?P<half> +{HALF_WORD})?{_NOT_L}")
_COMPARISON_WORDS = frozenset(
    ("tăng", "cao", "lớn", "nhiều", "nhanh", "rộng", "dài", "hơn", "đạt", "lên", "bằng", "là",
     "giảm", "thấp", "nhỏ", "ít", "mạnh", "khoảng", "gần", "hơn")
)  # fmt: skip
_PARTS = re.compile(
    rf"(?<![^\W\d_])(?P<top>{NUMBER_WORDS_PATTERN}(?: {NUMBER_WORDS_PATTERN})*) phần "
    rf"(?P<bottom>{NUMBER_WORDS_PATTERN}(?: {NUMBER_WORDS_PATTERN})*){_NOT_L}",
    re.IGNORECASE,
)
_HALF = re.compile(r"(?<![^\W\d_])(?:[Mm]ột nửa|[Nn]ửa(?= số ))(?![^\W\d_])")
_CURRENCY = _alternation(CURRENCY_PREFIXES)
_EN_SCALE = _alternation(tuple(ENGLISH_SCALES))
_EN_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ENGLISH_AMOUNT = re.compile(
    rf"(?<![\w$€£¥])(?P<cur>{_CURRENCY}) ?(?P<num>{_EN_NUMBER})(?: ?(?P<scale>{_EN_SCALE}))?"
    rf"(?![\w,.]\d|\w)"
    rf"|(?<![\w.,])(?P<num2>{_EN_NUMBER}) ?(?P<scale2>{_EN_SCALE}) (?P<cur2>{_CURRENCY})(?!\w)",
    re.IGNORECASE,
)
# The word lists of ``_ends_with`` that hold no two-word phrase (it then reads one word).
_LEAD_LISTS = (_TIME_OF_DAY, _FROM, _BARE_VERBS, _YEAR_LEADS, _NOT_NUMBER_LEADS)
_ONE_WORD_SETS = frozenset(
    words for words in (*_LEAD_LISTS, _COMPARISON_WORDS) if not any(" " in w for w in words)
)
# Characters that a case-insensitive pattern takes for a letter of the number and date words
# although their lower case is not that letter ("ſ" for "s"); found by trying every character.
_ODD_CASES = "İıſ"  # looked for with "in": a regex character class took 12 ms per megabyte
# Substrings without which a section has no English amount: plain substring tests skip the
# regular expression for nearly every Vietnamese section.
# Without "$", "€", "£", "¥" or an English scale word a section has no English amount (tested
# with plain substring checks); a currency code before plain digits ("USD 1,250,000") is read
# with the digits instead.
_CURRENCY_CODES = frozenset(c for c in CURRENCY_PREFIXES if c.isalpha())
_SENTENCE_MARKS = '.!?:;…•"“(-–'
_OPENERS = "([{“‘\"'«"


class _Found(NamedTuple):
    """A figure before it gets its id; ``start``/``end`` index the section text. (A named
    tuple: thousands are made per megabyte, three times faster than a frozen dataclass.)"""

    start: int
    end: int
    kind: FigureKind
    value: Number | None
    value_high: Number | None = None
    unit: str | None = None
    qualifier: str | None = None
    words: bool = False


def find_figures(text: str, section_id: str = "", hits: WordHits | None = None) -> list[Figure]:
    """Every figure in ``text`` (one section), in order, with ids ``<section_id>/f<n>``.

    ``hits``: the section's date and number words when ``word_hits`` found them for the whole
    source; found here otherwise.
    """
    found: list[_Found] = []
    if hits is None:  # found once here for the three scans that start at these words
        hits = _section_hits(text)
    # The numbers written in digits, found by one scan that also serves the codes and phone
    # numbers (each starts at one of them). A third of a report's paragraphs hold no digit:
    # then only number words, "quý IV" and multiples in words can be figures.
    if type(hits) is _SectionHits:  # read with the other sections' (``_joined_digit_runs``)
        runs = hits.runs
    else:
        runs = [m.span() for m in _DIGITS.finditer(text)]
    digits = bool(runs)
    if not digits and hits is not None and not hits:
        # Neither a digit nor a number or date word (a third of the seeds' paragraphs): only
        # a multiple or a half in words ("gấp đôi", "một nửa") can be a figure (saves 6 ms of
        # calls that find nothing over the 1 MB bench text).
        found = _ratio_figures(text, hits)
        if not found:
            return []
    else:
        dates = _keyword_dates(text, hits) if digits or _has_quarter(text, hits) else []
        found.extend(dates)
        if digits:
            found.extend(_digit_figures(text, dates, runs))
        found.extend(_word_figures(text, hits))
        found.extend(_ratio_figures(text, hits))
        if digits:
            found.extend(_english_amounts(text))
    chosen = _without_overlaps(found, _blocked_spans(text, runs), len(text))
    return [_figure(f, text, f"{section_id}/f{n}", section_id) for n, f in enumerate(chosen, 1)]


_new = object.__new__
_set = object.__setattr__


def _figure(f: _Found, text: str, figure_id: str, section_id: str) -> Figure:
    """The ``Figure`` of ``f`` without the frozen dataclass's ``__init__``, which sets each
    field through ``object.__setattr__``: a megabyte's 3 000 figures took 20 ms that way. Its
    attribute dictionary is given whole, in the order ``{**defaults, **fields}`` gave it
    (1.3 µs less per figure than building it so and copying it in). The kind is checked as
    ``Figure`` checks it."""
    start, end, kind, value, high, unit, qualifier, words = f
    if kind not in _KINDS:
        raise ValueError(f"figure kind {kind!r} is not in analysis/kinds.py: KINDS")
    figure = _new(Figure)
    _set(
        figure,
        "__dict__",
        {
            "value_high": high,
            "unit": unit,
            "qualifier": qualifier,
            "words": words,
            "context": None,
            "id": figure_id,
            "section": section_id,
            "start": start,
            "end": end,
            "surface": text[start:end],
            "kind": kind,
            "value": value,
        },
    )
    return figure


def _has_quarter(text: str, hits: WordHits | None) -> bool:
    """Whether ``text`` may hold the one date without a digit (``quý IV``): among its word
    ``hits`` when it has them (the date starts at the word), else anywhere."""
    if hits is None:
        return _QUARTER.search(text) is not None
    return any(word == "quý" for _, word in hits)


def _blocked_spans(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """URLs, e-mail addresses, document numbers and phone numbers: never part of a figure.

    ``runs``: the spans of ``_DIGITS`` in ``text``. A code starts at the first digit of one
    (after a non-letter, not inside a grouped number: the look-behinds of ``_CODE``) or at a
    "+" or "(" right before it, so ``_CODE`` is tried only there, in text order, as
    ``finditer`` would find it: a scan of every character took 26 ms per megabyte, these
    few thousand tries 3 ms.
    """
    spans = []
    end = 0
    for start, run_end in runs:
        if start and text[start - 1] in "+(":
            tries: tuple[int, ...] = (start - 1, start)
        elif text[start] == "0" or text[run_end : run_end + 1] in ("/", "-"):
            # Starting at a digit, a code is a number with "/" or "-" right after its digits
            # or a phone number starting with 0: most numbers are neither (2 µs each saved).
            tries = (start,)
        else:
            continue
        for at in tries:
            if at >= end and (m := _CODE.match(text, at)) is not None:
                spans.append(m.span())
                end = m.end()
                break
    if "://" in text or "www." in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL.finditer(text)]
    return spans


def _without_overlaps(
    found: list[_Found], blocked: list[tuple[int, int]], length: int
) -> list[_Found]:
    """Longest first (then leftmost), drop anything touching a taken or blocked span.

    ``length`` is the section's; returns the kept figures in text order.
    """
    in_order = sorted(found, key=_start)
    if not blocked and all(a.end <= b.start for a, b in pairwise(in_order)):
        return in_order  # nothing overlaps: all are kept (most sections)
    taken = _TakenCharacters(length)
    for start, end in blocked:
        taken.take(start, end)
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if taken.any_in(f.start, f.end):
            continue
        taken.take(f.start, f.end)
        kept.append(f)
    return sorted(kept, key=_start)


def _start(found: _Found) -> int:
    return found.start


class _TakenCharacters:
    """Which characters of a section a kept figure or a blocked span already covers.

    Two spans overlap exactly when they share a character, so one flag per character answers
    "does this span touch anything taken?" by reading only that span's own flags. Comparing with
    every taken span instead made a paragraph of 80,000 figures take minutes. The cost is now the
    section length plus the candidates' total length, and candidates overlap only at their edges.
    Spans are never empty (every pattern consumes a digit, a letter or a sign).
    """

    def __init__(self, length: int) -> None:
        self._flags = bytearray(length)

    def any_in(self, start: int, end: int) -> bool:
        return self._flags.find(1, start, end) != -1

    def take(self, start: int, end: int) -> None:
        self._flags[start:end] = b"\x01" * (end - start)


# --- scanning for words in any case ----------------------------------------------------------


def _starting_at(
    pattern: re.Pattern[str],
    text: str,
    words: frozenset[str],
    digits_before: str = "",
    hits: list[tuple[int, str]] | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a case-insensitive pattern whose every match starts with
    one of ``words`` (lower case) after a non-letter, or with the one or two digits before the
    spaces in front of the word ``digits_before`` (one of ``words``).

    ``pattern`` is tried only at those places, found by one scan of the lower-cased text (or
    given as ``hits``, ``(offset, word)``, found in all sections at once by ``word_hits``);
    a pattern led by a look-behind is otherwise tried at every character, several times slower.
    A text that lower-cases to another length or holds a character the regular expressions
    fold differently is scanned with ``finditer``.
    """
    if hits is None:
        low = text.lower()
        if len(low) != len(text) or any(char in text for char in _ODD_CASES):
            yield from pattern.finditer(text)
            return
        hits = _word_positions(text, low)
    starts = []
    for i, word in hits:
        if word not in words:
            continue
        starts.append(i)
        if word == digits_before:
            gap = i
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            if gap < i:
                starts.extend(k for k in (gap - 1, gap - 2) if k >= 0)
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (m := pattern.match(text, start)) is not None:
            end = m.end()
            yield m


def _word_positions(text: str, low: str) -> list[tuple[int, str]]:
    """``(offset, word)`` for each place in ``low`` (``text`` lower-cased) where a date or
    number word starts after a non-letter, in ascending offset. (A word right after a letter
    is dropped here because every pattern ``_starting_at`` serves refuses it by a look-behind;
    as the words are all letters, one word found inside another hides no such place, and as
    none begins another, the word found at a place is the only one there.)"""
    return after_non_letters(text, _WORD_STARTS.finditer(low))


def after_non_letters(text: str, matches: Iterable[re.Match[str]]) -> list[tuple[int, str]]:
    """``(offset, word)`` of the ``matches`` of ``START_WORDS`` not right after a letter."""
    found = []
    for m in matches:
        i = m.start()
        if not (i and text[i - 1].isalpha()):
            found.append((i, m[0]))
    return found


# Where a section's date and number words start: ``(offset, word)`` in ascending offset.
WordHits = list[tuple[int, str]]


def _section_hits(text: str) -> WordHits | None:
    """``word_hits`` for one section; None when it must be scanned with ``finditer``."""
    low = text.lower()
    if len(low) != len(text) or any(char in text for char in _ODD_CASES):
        return None
    return _word_positions(text, low)


class _SectionHits(list):  # type: ignore[type-arg]
    """A section's ``WordHits`` with its ``runs`` of digits (``_DIGITS``'s spans), both found
    in the joined text by ``word_hits``."""

    __slots__ = ("runs",)
    runs: list[tuple[int, int]]


def word_hits(
    joined: Joined, matches: Iterable[re.Match[str]] | None = None
) -> list[WordHits] | None:
    """The date and number words of every section, found by one scan of the joined text
    instead of one search per section and word (over a thousand sections, the calls cost more
    than the reading). None when the joined text cannot be searched lower-cased; then each
    section is searched on its own. ``matches``: the matches of ``START_WORDS`` in the
    lower-cased joined text when ``word_scan.py`` found them already. Each section's hits
    come with its runs of digits when ``_joined_digit_runs`` can find them."""
    low = joined.lower
    if low is None or any(char in joined.text for char in _ODD_CASES):
        return None
    if matches is None:
        per_section = joined.spread(_word_positions(joined.text, low))
    else:
        per_section = joined.spread(after_non_letters(joined.text, matches))
    runs = _joined_digit_runs(joined)
    if runs is None:
        return per_section
    with_runs = []
    for words, section_runs in zip(per_section, runs, strict=True):
        hits = _SectionHits(words)
        hits.runs = section_runs
        with_runs.append(hits)
    return with_runs


def _joined_digit_runs(joined: Joined) -> list[list[tuple[int, int]]] | None:
    """Each section's ``[m.span() for m in _DIGITS.finditer(text)]``, found in the joined text;
    None when a digit other than 0-9 may be in it.

    ``re`` reads a text one character at a time looking for a digit (12-17 ns a character, for
    each section): ``str.find`` skips to each of 0-9 in the joined text, and ``_DIGITS`` is
    matched at the first digit at or after the end of the run before (a run cannot cross the
    ``"\\n"`` between two sections). That is only all of them when no character can be another
    digit: none has the UTF-16 high byte of one. The seeds repeated to 1 MB: their 3 441 runs
    in 2 418 sections, 22 -> 12 ms CPU (the check 2.3 ms, the finds 4, the matches 3).
    """
    text = joined.text
    if not text.isascii():
        high = text.encode("utf-16-le", "surrogatepass")[1::2]
        if len(high.translate(None, _OTHER_DIGIT_HIGH_BYTES)) != len(high):
            return None
    places = places_of(text, "0123456789")
    per_section: list[list[tuple[int, int]]] = [[] for _ in joined.texts]
    starts = joined.starts
    section = 0
    last = len(starts) - 1
    end = 0
    match = _DIGITS.match
    for i in places:
        if i >= end:
            end = match(text, i).end()  # type: ignore[union-attr]  # a digit always matches
            while section < last and starts[section + 1] <= i:
                section += 1
            offset = starts[section]
            per_section[section].append((i - offset, end - offset))
    return per_section


# --- words right before a number -----------------------------------------------------------------


def _words_before(text: str, pos: int, n: int) -> list[tuple[int, int]]:
    """Spans of the last ``n`` (≥ 1) space-separated tokens before ``pos`` (a space must precede
    it)."""
    if pos == 0 or not text[pos - 1].isspace():
        return []
    spans: list[tuple[int, int]] = []
    end = pos
    while True:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            break
        # Sections are cleaned, so words are separated by plain spaces; a bounded search keeps
        # this cheap on long lines. A longer token is cut and so matches no phrase.
        low = end - 40 if end > 40 else 0
        start = text.rfind(" ", low, end) + 1 or low
        word_start = start
        while word_start < end - 1 and text[word_start] in _OPENERS:
            word_start += 1  # "(trên 12%)", "“Top 50”": the bracket is no part of the word
        spans.append((word_start, end))
        if len(spans) == n:
            break
        end = start
    spans.reverse()
    return spans


def _last_word(text: str, pos: int) -> tuple[int, int] | None:
    """``_words_before(text, pos, 1)``'s one span, or None (asked for every number)."""
    if pos == 0 or not text[pos - 1].isspace():
        return None
    end = pos - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    low = end - 40 if end > 40 else 0  # not max() twice: 1 MB, 2 604 calls 4.6 -> 3.3 ms
    start = text.rfind(" ", low, end) + 1 or low
    while start < end - 1 and text[start] in _OPENERS:
        start += 1
    return start, end


def _phrase(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join([text[s:e] for s, e in spans]).lower()


def _ends_with(text: str, pos: int, phrases: frozenset[str]) -> int | None:
    """Start of the one- or two-word phrase from ``phrases`` that ends right before ``pos``."""
    if phrases in _ONE_WORD_SETS:  # no two-word phrase to try: the last word alone
        last = _last_word(text, pos)
        return last[0] if last is not None and text[last[0] : last[1]].lower() in phrases else None
    spans = _words_before(text, pos, 2)
    for k in (2, 1):
        if len(spans) >= k and _phrase(text, spans[-k:]) in phrases:
            return spans[-k][0]
    return None


# "Not read yet": the word before a number is read once for the rules that ask for it
# (label, qualifier, currency code), 2 µs each time it is not read again.
_UNREAD = (-1, -1)
Span = tuple[int, int]


def _is_label(text: str, start: int, last: Span | None = _UNREAD) -> bool:
    """Digits glued to a name (``G20``, ``COVID-19``) or after a label word (``Điều 5``).

    ``last``: ``_last_word(text, start)`` when the caller has it."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalpha() or before in "_/#@+.,":
        return True
    if before in "-–" and start >= 2 and text[start - 2].isalnum():
        return True
    word = _last_word(text, start) if last is _UNREAD else last
    if word is None:
        return False
    spans = [word]
    last = text[word[0] : word[1]].rstrip(".")
    if last in _LABEL_WORDS or ("a" <= last[:1] <= "z" and _CAMEL_CASE.fullmatch(last)):
        return True
    if last in _LABEL_PAIR_ENDS:
        spans = _words_before(text, start, 2)
        if len(spans) == 2 and f"{text[spans[0][0] : spans[0][1]]} {last}" in _LABEL_PAIRS:
            return True
    elif last[:1].isupper():
        return _in_proper_name(text, spans)
    elif last not in _COUNTED_ENDS:
        return False
    return _in_proper_name(text, _words_before(text, start, 2))


def _in_proper_name(text: str, spans: list[tuple[int, int]]) -> bool:
    """``Đề án 1 triệu héc-ta``, ``Cuộc thi 10 ý tưởng``: a capitalised counted noun names.

    Mid-sentence, a capitalised noun such as ``Đề án`` or ``Chương trình`` right before a number
    starts the name of a programme, an award or a contest; the number is part of that name.
    """
    for k in (2, 1):
        if len(spans) < k or not text[spans[-k][0]].isupper():
            continue
        if tone_key(_phrase(text, spans[-k:])) in COUNTED_NOUNS:
            return not _at_sentence_start(text, spans[-k][0])
    return False


_WIDER = -1  # ``_qualifier_start``: the words before its window could change the answer


def _qualifier_start(text: str, start: int, window: int) -> int | None:
    """Where the qualifiers among the last ``window`` words before ``start`` start (None if
    there are none): stacked from the number back, three-word phrases before two and one.

    With a window of three, ``_WIDER`` when the words before the window may matter: when a
    step would look past it, or every word in it was taken.
    """
    spans = _words_before(text, start, window)
    words = [text[s:e].lower() for s, e in spans]
    narrow = window == 3 and len(words) == 3  # there may be words before these
    first = None
    left = len(words)
    while left:
        sizes = _QUALIFIER_SIZES.get(words[left - 1])
        if sizes is None:
            break  # every phrase ends with one of these words
        if narrow and left < 3:
            return _WIDER
        for k in sizes:  # words never hold a space: a k-word join has k - 1
            if left >= k and " ".join(words[left - k : left]) in _QUALIFIER_PHRASES:
                first, left = spans[left - k][0], left - k
                break
        else:
            break
    if narrow and left == 0:
        return _WIDER
    return first


def _qualifier(text: str, start: int, last: Span | None = _UNREAD) -> tuple[str | None, int]:
    """The qualifier words right before ``start`` as written (first letter lower-cased).

    Returns the qualifier and where the figure now starts. Combinations stack: ``khoảng trên``.
    ``last``: ``_last_word(text, start)`` when the caller has it.
    """
    if last is _UNREAD:
        last = _last_word(text, start)
    if last is None or text[last[0] : last[1]].lower() not in _QUALIFIER_ENDS:
        return None, start
    # Qualifiers seldom stack: the three words one can have are read first, the six of
    # stacked ones only when those three cannot decide (on the 1 MB bench text 23 -> 19 ms).
    first = _qualifier_start(text, start, 3)
    if first == _WIDER:
        first = _qualifier_start(text, start, 6)
    if first is None:
        return None, start
    words = text[first:start].rstrip()
    return words[0].lower() + words[1:], first


# --- dates -------------------------------------------------------------------------------------


def _keyword_dates(text: str, hits: WordHits | None = None) -> list[_Found]:
    """Dates led by a time word: ``năm 2023``, ``nửa cuối năm 2023``, ``ngày 20/12/2024``."""
    dates = []
    for m in _starting_at(_KEYWORD_DATE, text, _DATE_WORD_SET, _MONTH, hits):
        g = m.groups()
        day = _first(g, _DAY_GROUPS)
        month = _first(g, _MONTH_GROUPS)
        if (day and not 1 <= int(day) <= 31) or (month and not 1 <= int(month) <= 12):
            continue
        day_high = g[_DAY_HIGH]
        if day_high and not int(day) < int(day_high) <= 31:
            continue
        year = _first(g, _YEAR_GROUPS)
        high = int(g[_YEAR_HIGH]) if g[_YEAR_HIGH] else None
        if high is not None and year is not None and high <= int(year):
            continue
        dates.append(_Found(m.start(), m.end(), "date", int(year) if year else None, high))
    return dates


def _digit_date(text: str, start: int, end: int) -> _Found | None:
    """``20/12``, ``10-12/3``, ``12/2024``, ``2-4`` after ``Chiều tối``, ``9h30``: a date here.

    ``end``: where the digits (``DIGITS_PATTERN``) that start at ``start`` end.
    """
    # Each date starts with one or two digits followed by "/", "-", "–", "h", ":" or a space:
    # a longer number or a decimal is none, nor a number followed by anything else.
    if end - start > 2 or (end < len(text) and not _after_day(text[end])):
        return None
    # Each pattern needs its own character right after those digits; only the ones it allows
    # are tried (most numbers are followed by a space: one match instead of five).
    after = text[end : end + 1]
    if after == "/":
        m = _DAY_MONTH.match(text, start)
        if m and 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12:
            if m[3] or not _is_fraction(text, m.end()):
                return _Found(start, m.end(), "date", int(m[3]) if m[3] else None)
        m = _MONTH_YEAR.match(text, start)
        if m and 1 <= int(m[1]) <= 12:
            return _Found(start, m.end(), "date", int(m[2]))
    elif after in ("h", ":"):
        m = _CLOCK.match(text, start)
        if m and int(m[1]) <= 24 and int(m[2] or m[3] or 0) < 60:
            return _Found(start, m.end(), "date", None)
    elif after:  # a space, "-" or "–"
        m = _DAY_SPAN.match(text, start)
        if m and 1 <= int(m[1]) < int(m[2]) <= 31 and 1 <= int(m[3]) <= 12:
            if m[4] or not _is_fraction(text, m.end()):
                return _Found(start, m.end(), "date", int(m[4]) if m[4] else None)
        m = _DAY_MONTH_DASH.match(text, start) if after == "-" else None
        if m and 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12:
            if _ends_with(text, start, _TIME_OF_DAY) is not None:
                return _Found(start, m.end(), "date", int(m[3]) if m[3] else None)
    return None


def _after_day(char: str) -> bool:
    return char in "/-–h:" or char.isspace()


def _is_fraction(text: str, end: int) -> bool:
    """``2/3 số tỉnh``: a yearless day/month ending at ``end``, followed by the noun it divides."""
    spans = syllables(text, end, 1)
    if not spans:
        return False
    word = text[spans[0][0] : spans[0][1]]
    return word[0].islower() and tone_key(word) not in STOP_WORDS


# --- numbers written in digits -------------------------------------------------------------------


def _digit_figures(text: str, dates: list[_Found], runs: list[tuple[int, int]]) -> list[_Found]:
    """Figures whose number is written in digits (``runs``, the spans of ``_DIGITS``), outside
    the keyword ``dates`` (in text order)."""
    found: list[_Found] = []
    resume = 0
    next_date = 0  # digits and dates both come in text order: one sweep, not a scan per number
    for start, run_end in runs:
        while next_date < len(dates) and dates[next_date].end <= start:
            next_date += 1
        if next_date < len(dates) and dates[next_date].start <= start:
            continue  # inside a date such as "ngày 20/12/2024"
        if start < resume:
            continue
        last = _last_word(text, start)
        if _is_label(text, start, last):
            continue
        figure = _digit_date(text, start, run_end) or _digit_figure(text, start, run_end, last)
        if figure is not None:
            found.append(figure)
            resume = figure.end
    return found


class _Amount(NamedTuple):
    """The number part of a figure: scaled values and where the number text ends."""

    end: int
    low: Number
    high: Number | None


def _digit_figure(text: str, start: int, end: int, last: Span | None = _UNREAD) -> _Found | None:
    """The figure whose number starts at ``start`` (digits up to ``end``), or None.

    ``last``: ``_last_word(text, start)`` when the caller has it."""
    if start > 0 and text[start - 1] == "%":
        return None  # percent-encoding in an address: "%2F", "%20"
    if end < len(text) and text[end] == "/":
        return _fraction(text, start)  # else part of a date or document number
    amount = _amount(text, start, end)
    if amount is None:
        return None
    if _is_year(amount.low) and _is_year(amount.high) and amount.high > amount.low:
        if _SCALE.match(text, end) is None:
            return _Found(start, amount.end, "date", amount.low, amount.high)  # "2026–2030"
    after = text[amount.end : amount.end + 2]
    if after[:1].isalpha() and not _glued_unit(text, amount.end):
        return None  # "1A", "5G": a code
    if after[:1] == "-" and after[1:].isalpha():
        return None
    head = start
    if amount.high is not None:
        frm = _ends_with(text, start, _FROM)
        head = start if frm is None else frm
    before = last if head == start else _UNREAD  # the word before the figure's start
    plain = "year" if _is_year(amount.low) else "plain" if amount.end == end else ""
    unit = _unit_after(text, amount.end, digits=True, plain=plain)
    if unit is None:
        return (
            _after_currency(text, head, amount, before)
            or _bare_number(text, head, amount, before)
            or _elided(text, head, end, amount, before)
        )
    kind, unit_text, unit_end = unit
    qualifier, qual_start = _qualifier(text, head, before)
    high = amount.high
    if high is None and kind != "date":
        second = _unit_range(text, unit_end, kind, unit_text)
        if second is not None:
            high, unit_text, unit_end = second.value, second.unit, second.end
    return _Found(qual_start, unit_end, kind, amount.low, high, unit_text, qualifier)


def _after_currency(
    text: str, start: int, amount: _Amount, last: Span | None = _UNREAD
) -> _Found | None:
    """``USD 1,250,000``, ``EUR 500``: a currency code written before the amount.

    ``last``: ``_last_word(text, start)`` when the caller has it."""
    word = _last_word(text, start) if last is _UNREAD else last
    if word is None or text[word[0] : word[1]] not in _CURRENCY_CODES:
        return None
    unit = text[word[0] : word[1]]
    qualifier, qual_start = _qualifier(text, word[0])
    return _Found(qual_start, amount.end, "money", amount.low, amount.high, unit, qualifier)


def _fraction(text: str, start: int) -> _Found | None:
    """``3/4 số hộ``: a fraction before the noun it divides (dates were tried first)."""
    m = _FRACTION.match(text, start)
    if m is None or not _is_fraction(text, m.end()):
        return None
    top, bottom = int(m[1]), int(m[2])
    if not 0 < top < bottom <= 100:
        return None
    qualifier, qual_start = _qualifier(text, start)
    return _Found(qual_start, m.end(), "ratio", top / bottom, None, None, qualifier)


def _unit_range(text: str, pos: int, kind: FigureKind, unit: str) -> _Found | None:
    """``6,5% - 7%/năm``, ``15 tỷ USD – 20 tỷ USD``: a second amount in the same unit."""
    r = _UNIT_RANGE.match(text, pos)
    if r is None:
        return None
    d = _DIGITS.match(text, r.end())
    if d is None or _is_label(text, d.start()):
        return None
    amount = _amount(text, d.start(), d.end())
    if amount is None or amount.high is not None:
        return None
    second = _unit_after(text, amount.end, digits=True)
    if second is None or second[0] != kind or second[1].split("/")[0] != unit.split("/")[0]:
        return None
    return _Found(d.start(), second[2], kind, amount.low, None, second[1])


def _elided(
    text: str, head: int, end: int, amount: _Amount, last: Span | None = _UNREAD
) -> _Found | None:
    """``từ 12 triệu (năm 2010) lên 33 triệu người``: the later amount's unit is this one's too.

    Only a number after ``từ`` takes it, from the amount after ``lên``/``đến``/``xuống`` in the
    same clause; a scale word there applies here when this number has none (``từ 15 xuống còn
    9 triệu đồng``). ``last``: ``_last_word(text, head)`` when the caller has it.
    """
    if amount.high is not None:
        return None
    qualifier, qual_start = _qualifier(text, head, last)
    if _ends_with(text, qual_start, _FROM) is None:
        return None
    limit = min(len(text), amount.end + 80)
    clause = _CLAUSE_END.search(text, amount.end, limit)
    to = _ELIDED_TO.search(text, amount.end, clause.start() if clause else limit)
    if to is None:
        return None
    d = _DIGITS.match(text, to.end())
    later = _digit_figure(text, d.start(), d.end()) if d else None
    if later is None or later.kind in ("date", "ratio") or later.unit is None:
        return None
    low: Number = amount.low
    scale = _SCALE.match(text, d.end()) if d else None
    if scale is not None and _SCALE.match(text, end) is None:
        low = float(low) * scale_of(scale[1])
    return _Found(qual_start, amount.end, later.kind, low, None, later.unit, qualifier)


def _amount(text: str, start: int, end: int) -> _Amount | None:
    """Number, range and scale: ``6,5-7``, ``5 đến 7 tỷ``, ``5 triệu - 1 tỷ``, ``3 tỷ 5 triệu``."""
    read = parse_digits_both(text[start:end])
    if read is None:
        return None
    low: Decimal = read[0]
    low_type: type = type(read[1])
    pos = end
    low_scaled = False
    m = _SCALE.match(text, pos)
    if m:
        low, pos = _more_scaled_parts(text, low * scale_of(m[1]), scale_of(m[1]), m.end())
        low_type, low_scaled = float, True
    high = high_type = None
    r = _RANGE.match(text, pos)
    if r:
        high_read = parse_digits_both(r["a"] or r["b"])
        if high_read is not None and text[r.end() : r.end() + 1] not in ("/", "-"):
            high, high_type, pos = high_read[0], type(high_read[1]), r.end()
    if high is None and not low_scaled:
        # No scale word and no range (most numbers): the value is the one read, and a second
        # scale match would be the first one again.
        return _Amount(pos, read[1], None)
    m = _SCALE.match(text, pos)
    if m:
        scale, pos = scale_of(m[1]), m.end()
        if high is None:
            low, pos = _more_scaled_parts(text, low * scale, scale, pos)
        else:
            high, high_type = high * scale, float
            if not low_scaled:
                low = low * scale
        low_type = float
    low_value = _typed(low, low_type)
    high_value = None if high is None else _typed(high, high_type)
    return _Amount(pos, low_value, high_value)


def _typed(value: Decimal, kind: type | None) -> Number:
    return int(value) if kind is int else float(value)


def _more_scaled_parts(text: str, total: Decimal, scale: int, pos: int) -> tuple[Decimal, int]:
    """``3 tỷ 500 triệu``: add further parts, each with a smaller scale word."""
    while m := _SCALED_PART.match(text, pos):
        part, part_scale = parse_digits_decimal(m[1]), scale_of(m[2])
        if part is None or part_scale >= scale:
            break
        total, scale, pos = total + part * part_scale, part_scale, m.end()
    return total, pos


def _glued_unit(text: str, pos: int) -> bool:
    """A unit written against the digits, like ``100ha`` or ``50.000đ``."""
    for pattern in (_MONEY, _MEASURE):
        m = pattern.match(text, pos)
        if m and not m[1] and m[2] in GLUED_UNITS:
            return True
    return False


def _unit_after(
    text: str, pos: int, digits: bool, plain: str = ""
) -> tuple[FigureKind, str, int] | None:
    """Kind, unit and end of the unit (with modifier) that follows a number ending at ``pos``.

    A rate keeps its denominator (``đồng/hộ``, ``lượt/ngày``). Digits also count a noun the
    lexicon does not know (``4 tùy viên``), unless the number reads as a year (``plain`` is
    ``"year"``: ``2026 phát triển``); a one-syllable one only after a scale word (``9 triệu
    dân``; ``plain`` is ``"plain"`` without one), as one syllable is as often a verb or an idiom
    (``lan rộng 5 châu``).
    """
    m = _PERCENT.match(text, pos)
    if m:
        unit = "điểm phần trăm" if m[1] == "điểm phần trăm" else "%"
        end = _per_end(text, m.end())
        return "percent", unit + text[m.end() : end], end
    words = syllables(text, pos, 4)  # read once for both kinds of noun
    noun = noun_at(text, pos, allow_capital=digits, spans=words)
    for kind, pattern in (("money", _MONEY), ("measure", _MEASURE)):
        m = pattern.match(text, pos)
        if m and (m[1] or m[2] in GLUED_UNITS) and not (noun and noun.end > m.end()):
            end = _per_end(text, m.end())
            return kind, text[m.start(2) : end], end
    m = _TIME.match(text, pos)
    if m and not (noun and noun.end > m.end()):
        end = _per_end(text, m.end())
        return "measure", text[m.start(1) : end], end
    if noun is None and digits and plain != "year":
        noun = generic_noun_at(text, pos, single=plain != "plain", spans=words)
    if noun is not None:
        per = _per_end(text, noun.end)
        if per > noun.end:
            return "count", noun.key + text[noun.end : per], per
        end, unit = count_phrase(text, noun, words_after(text, words, noun.end))
        return "count", unit, end
    m = ACRONYM.match(text, pos)
    if m and digits:
        return "count", m[1], m.end()
    return None


def _per_end(text: str, pos: int) -> int:
    """End of the denominators (``/người/năm``) right after ``pos``; ``pos`` if there are none."""
    while pos < len(text) and text[pos] == "/":
        m = _PER_WORD.match(text, pos)
        if m is None or tone_key(m[1]) not in _DENOMINATORS:
            break
        pos = m.end()
    return pos


def _bare_number(
    text: str, start: int, amount: _Amount, last: Span | None = _UNREAD
) -> _Found | None:
    """A number with no unit: a count named earlier in the clause, or a year after ``đến``.

    ``nâng tổng số FTA Việt Nam ký kết và tham gia lên 17`` counts FTA; ``lên 71`` after
    ``nâng số di sản UNESCO`` counts di sản. ``last``: ``_last_word(text, start)`` when the
    caller has it.
    """
    if not BOUNDARY.match(text, amount.end):
        return None
    low, high = amount.low, amount.high
    qualifier, qual_start = _qualifier(text, start, last)
    if _ends_with(text, qual_start, _BARE_VERBS) is not None:
        unit = _counted_in_clause(text, qual_start)
        if unit is not None:
            return _Found(qual_start, amount.end, "count", low, high, unit, qualifier)
    if _is_year(low) and (high is None or (_is_year(high) and high > low)):
        if high is not None or _ends_with(text, start, _YEAR_LEADS) is not None:
            return _Found(start, amount.end, "date", low, high)
    return None


def _is_year(value: Number | None) -> bool:
    return isinstance(value, int) and 1900 <= value <= 2100


def _counted_in_clause(text: str, pos: int) -> str | None:
    """The noun after the last ``số`` / ``tổng số`` earlier in the same clause."""
    clause_start = max(0, pos - 160)
    for m in _CLAUSE_END.finditer(text, clause_start, pos):
        clause_start = m.end()
    marks = list(_COUNT_OF.finditer(text, clause_start, pos))
    if not marks:
        return None
    after = marks[-1].end() - 1  # the space before the noun
    noun = noun_at(text, after, allow_capital=False)
    if noun is not None and noun.end <= pos:
        return noun.key
    acronym = ACRONYM.match(text, after)
    return acronym[1] if acronym and acronym.end() <= pos else None


# --- numbers written in words --------------------------------------------------------------------


def _word_figures(text: str, hits: WordHits | None = None) -> list[_Found]:
    """``bốn đối tác lớn``: number words followed by a counted noun or a unit."""
    found = []
    for m in _starting_at(_WORD_RUN, text, _NUMBER_WORD_SET, hits=_run_starts(text, hits)):
        figure = _word_figure(text, m.start(), m.group())
        if figure is not None:
            found.append(figure)
    return found


# Number words that start no number ("tư" of "đầu tư", "tỷ" after digits, "trăm") and "một"
# (alone, the article "a"): a run of one of them alone is no figure.
_NOT_ALONE = frozenset(w for w in NUMBER_WORDS if w not in DIGIT_WORDS and w != "mười") | {"một"}


def _run_starts(text: str, hits: WordHits | None) -> WordHits | None:
    """The number words of ``hits`` where a run of number words can be a figure.

    Nine runs in ten are one word that ``_word_figure`` refuses: "năm" before digits (a year)
    and a word of ``_NOT_ALONE`` that no other number word follows (after spaces; it would be
    the next hit). Left out here they cost neither a match nor a reading (12 ms per megabyte);
    a run of one word covers no other start, so the runs found after them are the same.
    """
    if hits is None:
        return None
    starts = []
    for n, (i, word) in enumerate(hits):
        if word not in _NUMBER_WORD_SET:
            continue
        end = i + len(word)
        if word == "năm" and text[end : end + 2].strip()[:1].isdigit():
            continue
        if word in _NOT_ALONE:
            following = hits[n + 1] if n + 1 < len(hits) else None
            if (
                following is None
                or following[1] not in _NUMBER_WORD_SET
                or following[0] == end
                or text[end : following[0]].strip(" ")
            ):
                continue
        starts.append((i, word))
    return starts


class _Run(NamedTuple):
    """What a run of number words says: its value, the words read (as written), whether they
    are "năm" alone (also the word for year), and whether a scale word was among them."""

    value: int
    written: str
    year_word: bool
    scaled: bool


# The reading of each run of number words ("một", "hai", "năm", "ba mươi"): a few short runs
# make nearly all of a text's, and reading one (lower-case, split, the number state machine)
# cost 6 µs of the 13 µs a run took (3 600 runs per megabyte).
_RUNS: dict[str, _Run | None] = {}
_UNREAD_RUN = _Run(0, "", False, False)
_RUNS_LIMIT = 5_000
_SHORT_RUN = 40


def _read_run(run: str) -> _Run | None:
    """``run`` read as a number; None when it is none (``một`` alone is the article "a")."""
    reading = _RUNS.get(run, _UNREAD_RUN)  # one lookup: another thread may empty the table
    if reading is not _UNREAD_RUN:
        return reading
    tokens = run.lower().split()
    parsed = parse_number_words(tokens)
    reading = None
    if parsed is not None and tokens[: parsed[1]] != ["một"]:
        value, used, scaled = parsed
        reading = _Run(value, " ".join(run.split()[:used]), tokens[:used] == ["năm"], scaled)
    if len(run) <= _SHORT_RUN:
        keep(_RUNS, run, reading, _RUNS_LIMIT)
    return reading


def _word_figure(text: str, start: int, run: str) -> _Found | None:
    if run[0].isupper() and not _at_sentence_start(text, start):
        return None  # "Ba Lan", "Hai Bà Trưng": a name, not a number
    reading = _read_run(run)
    if reading is None:
        return None
    value, written, year_word, scaled = reading
    end = start + len(written)
    if text[start:end] != written:
        return None  # odd spacing inside the run: leave it alone
    if year_word and text[end : end + 2].strip()[:1].isdigit():
        return None  # "năm 2025" is a year
    if _ends_with(text, start, _NOT_NUMBER_LEADS) is not None:
        return None
    unit = _unit_after(text, end, digits=False)
    if unit is None:
        return None
    kind, unit_text, unit_end = unit
    if year_word and unit_text in ("năm", "tháng"):
        return None  # "năm tháng" means "time"; "năm năm" is ambiguous
    if (value == 2 or (value == 3 and unit_text == "bên")) and unit_text in PAIR_NOUNS:
        return None  # "hai nước" = "the two countries"
    if value <= 10 and unit_text in GENERIC_NOUNS:
        return None  # "ba động lực", "hai nền kinh tế": a list announced, not a figure
    qualifier, qual_start = _qualifier(text, start)
    number: Number = float(value) if scaled else value
    return _Found(qual_start, unit_end, kind, number, None, unit_text, qualifier, True)


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_MARKS


# --- multiplicatives and fractions ---------------------------------------------------------------


def _ratio_figures(text: str, hits: WordHits | None = None) -> list[_Found]:
    """``gấp ba``, ``gấp 2,5 lần``, ``gấp rưỡi``, ``một phần ba``, ``một nửa``: kind ``ratio``.

    The value is the multiplier of the whole: 3 for ``gấp ba``, 0.5 for ``một nửa``; a multiple
    has the unit ``lần``, a fraction none.
    """
    found: list[_Found] = []
    if "gấp" in text or "Gấp" in text:
        found.extend(f for m in _TIMES.finditer(text) if (f := _multiple(text, m)) is not None)
    if "phần" in text:
        # Tried only where a number word starts: "phần" alone is a common word.
        parts = _starting_at(_PARTS, text, _NUMBER_WORD_SET, hits=hits)
        found.extend(f for m in parts if (f := _parts(text, m)) is not None)
    if "nửa" in text:
        for m in _HALF.finditer(text):
            qualifier, qual_start = _qualifier(text, m.start())
            found.append(_Found(qual_start, m.end(), "ratio", 0.5, None, None, qualifier, True))
    return found


def _multiple(text: str, m: re.Match[str]) -> _Found | None:
    """``gấp`` + a number (digits or words, ``đôi``, ``rưỡi``) + optional ``lần`` and ``rưỡi``."""
    pos = m.end()
    words = True
    value: Number
    if (d := _DIGITS.match(text, pos)) is not None:
        parsed = parse_digits(d[0])
        if parsed is None:
            return None
        value, pos, words = parsed, d.end(), False
    elif (w := _WORD_RUN.match(text, pos)) is not None:
        tokens = w[0].lower().split()
        read = parse_number_words(tokens)
        if read is None:
            return None
        value, pos = read[0], pos + len(" ".join(w[0].split()[: read[1]]))
    else:
        word = syllables(text, pos - 1, 1)
        if not word or tone_key(text[word[0][0] : word[0][1]]) not in MULTIPLIER_WORDS:
            return None
        value, pos = MULTIPLIER_WORDS[tone_key(text[word[0][0] : word[0][1]])], word[0][1]
    tail = _TIMES_TAIL.match(text, pos)
    said_times = bool(tail and tail["times"])
    if tail:
        pos = tail.end()
        if tail["half"]:
            value += 0.5
    if not said_times and not _ends_comparison(text, m.start(), pos):
        return None  # "gấp ba lá thư": to fold three letters
    qualifier, qual_start = _qualifier(text, m.start())
    return _Found(qual_start, pos, "ratio", value, None, "lần", qualifier, words)


def _ends_comparison(text: str, start: int, end: int) -> bool:
    """Without ``lần``, ``gấp N`` compares only after a comparison word or before a boundary."""
    if _ends_with(text, start, _COMPARISON_WORDS) is not None or BOUNDARY.match(text, end):
        return True
    after = syllables(text, end, 1)
    return bool(after) and tone_key(text[after[0][0] : after[0][1]]) in STOP_WORDS


def _parts(text: str, m: re.Match[str]) -> _Found | None:
    """``hai phần năm`` (2/5), ``một phần ba`` (1/3); not ``phần trăm`` or ``một phần năm 2020``."""
    top, bottom = (
        parse_number_words(m["top"].lower().split()),
        parse_number_words(m["bottom"].lower().split()),
    )
    if top is None or bottom is None or top[1] != len(m["top"].split()):
        return None
    if top[0] == 0 or bottom[0] <= top[0]:
        return None
    end = m.start("bottom") + len(" ".join(m["bottom"].split()[: bottom[1]]))
    if text[end : end + 6].strip()[:1].isdigit():
        return None  # "một phần năm 2020"
    if m["top"][0].isupper() and not _at_sentence_start(text, m.start()):
        return None
    qualifier, qual_start = _qualifier(text, m.start())
    value = top[0] / bottom[0]
    return _Found(qual_start, end, "ratio", value, None, None, qualifier, True)


# --- amounts written the English way ------------------------------------------------------------


def _english_amounts(text: str) -> list[_Found]:
    """``US$2.3 billion``, ``JPY 15,000 million``, ``2.5 billion USD`` in quoted foreign text.

    With an English scale word the digits are read the English way (``,`` groups thousands,
    ``.`` is the decimal point); a currency before plain digits keeps the usual reading, so
    ``USD 15.000`` in a Vietnamese sentence is fifteen thousand.
    """
    found: list[_Found] = []
    if not (
        "$" in text
        or "illion" in text
        or "ousand" in text
        or "€" in text
        or "£" in text
        or "¥" in text
        or "ILLION" in text
        or " bn" in text
        or " mn" in text
    ):
        return found
    for m in _ENGLISH_AMOUNT.finditer(text):
        scale_word = m["scale"] or m["scale2"]
        number = m["num"] or m["num2"]
        if scale_word:
            try:
                value: Number = (
                    float(Decimal(number.replace(",", ""))) * ENGLISH_SCALES[scale_word.lower()]
                )
            except ArithmeticError:
                continue
        else:
            parsed = parse_digits(number)
            if parsed is None:
                continue
            value = parsed
        qualifier, qual_start = _qualifier(text, m.start())
        unit = m["cur"] or m["cur2"]
        found.append(_Found(qual_start, m.end(), "money", value, None, unit, qualifier))
    return found
