"""The counted noun after a number, and the short modifier that belongs with it.

``hơn 170 thỏa thuận hợp tác`` counts ``thỏa thuận``; ``hợp tác`` is its modifier and the figure
ends there because ``được`` starts the predicate. The unit is the head noun from the lexicon in
``units.py`` in one spelling (``thoả thuận`` → ``thỏa thuận``). Where a modifier ends is decided
with a list of 2-syllable words from underthesea's package data (read once; no model).
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from briefing_studio.analysis.numbers import NUMBER_WORDS
from briefing_studio.analysis.units import COUNTED_NOUNS, NOUN_PREFIXES, STOP_WORDS, tone_key

_L = r"[^\W\d_]"  # a letter
ACRONYM = re.compile(r" +([A-ZĐ][A-ZĐ0-9]*[A-ZĐ](?:-[A-ZĐ0-9]+)*)(?![\w-])")
BOUNDARY = re.compile(r"\s*(?:$|[,.;:!?)\]…”\"'/–-])")  # where a phrase may end
_SPACED_WORD = rf"[ \t\u00a0]+({_L}+(?:-{_L}+)*)"  # a word after the spaces before it


def _words_pattern(limit: int) -> re.Pattern[str]:
    """Up to ``limit`` spaced words as nested optional groups: one match call for all of
    them (the same words as matching one after another; each optional group is given up
    before a word before it would be shortened)."""
    pattern = ""
    for _ in range(limit):
        pattern = f"(?:{_SPACED_WORD}{pattern})?"
    return re.compile(pattern)


_WORDS = {limit: _words_pattern(limit) for limit in (1, 2, 3, 4)}
_UNMATCHED = (-1, -1)  # the span ``regs`` gives a group that did not take part
_COORD = re.compile(r" *, *| +(?:và|hoặc) +")
_AND = re.compile(r" +(?:và|hoặc) +")


# The first word of every counted noun, and of the dictionary nouns ``_dictionary_noun`` takes.
_NOUN_STARTS = frozenset(noun.split(" ", 1)[0] for noun in COUNTED_NOUNS) | NOUN_PREFIXES


class Noun(NamedTuple):
    """A counted noun found in the text: its span and its lexicon key (the unit).

    A named tuple, not a frozen dataclass: made ~1 800 times a megabyte, at 0.7 µs instead
    of 1.4 µs (~1.3 ms a megabyte)."""

    start: int
    end: int
    key: str


def syllables(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """Up to ``limit`` words after the spaces at ``pos``, stopping at any punctuation."""
    # Every group is optional and nested in the one before: the words found are the groups
    # up to the first unmatched one, ``(-1, -1)`` (read from ``regs`` in one call, not one
    # ``span`` call each).
    regs = _WORDS[limit].match(text, pos).regs  # type: ignore[union-attr]
    # The first unmatched group found by ``tuple.index`` in C, not a comprehension testing
    # each group (3.8 → 3.5 µs; ~1 ms a megabyte).
    if regs[-1] != _UNMATCHED:
        return list(regs[1:])
    return list(regs[1 : regs.index(_UNMATCHED)])


def noun_at(
    text: str, pos: int, allow_capital: bool, spans: list[tuple[int, int]] | None = None
) -> Noun | None:
    """The longest counted noun starting after the spaces at ``pos``; ``spans``:
    ``syllables(text, pos, 4)`` when the caller has them."""
    if spans is None:
        spans = syllables(text, pos, 4)
    if not spans or (not allow_capital and not text[spans[0][0]].islower()):
        return None
    start = spans[0][0]
    if tone_key(text[start : spans[0][1]]) not in _NOUN_STARTS:
        # No counted noun starts with this word (the key of the first k words starts with
        # its key and a space): most words after a number ("USD", "tỷ", "so với"), found
        # without the key of all four words, which seldom repeat (2 µs).
        return None
    # tone_key keeps lengths and reads each word alone: the key of the first k words is the
    # start of the key of all of them (unless lower-casing changed a length).
    whole = tone_key(text[start : spans[-1][1]])
    same_length = len(whole) == spans[-1][1] - start
    for k in range(len(spans), 0, -1):
        end = spans[k - 1][1]
        key = whole[: end - start] if same_length else tone_key(text[start:end])
        if key in COUNTED_NOUNS or (k == 2 and _dictionary_noun(key)):
            return Noun(start, end, key)
    return None


def _dictionary_noun(key: str) -> bool:
    """``nhà hàng``, ``cửa hàng``: a dictionary word whose first syllable makes nouns."""
    first, _, second = key.partition(" ")
    if first not in NOUN_PREFIXES or second in STOP_WORDS:
        return False
    words = two_syllable_words()
    return words is not None and key in words


def _next_is(text: str, pos: int, key: str) -> Noun | None:
    """The noun after a comma or ``và`` at ``pos`` when it is ``key`` again."""
    noun = noun_at(text, pos, allow_capital=False)
    return noun if noun is not None and noun.key == key else None


def count_phrase(
    text: str, noun: Noun, after: list[tuple[int, int]] | None = None
) -> tuple[int, str]:
    """End and unit of a counted noun with its modifier and coordination.

    ``quốc gia và vùng lãnh thổ`` and ``tỉnh, thành phố`` are one compound unit; otherwise the
    head noun is the unit and at most one modifier follows: an acronym (which ends the phrase),
    a proper name, or a 1–2 syllable word; then ``, <same head> <modifier>`` or ``và <word>``.
    ``after``: the words after the noun as ``_modifier`` reads them, when the caller has them.
    """
    end = noun.end
    while (m := _COORD.match(text, end)) is not None:
        other = noun_at(text, _space_before(text, m.end()), allow_capital=False)
        if other is None or other.key == noun.key:
            break
        end = other.end
        if " " not in other.key:  # "doanh nghiệp và người dân": the second noun's own word
            tail = syllables(text, end, 1)
            if tail and _is_word(text, (other.start, other.end), tail[0]):
                end = tail[0][1]
    if end > noun.end:
        return end, text[noun.start : end].lower()
    end, kind = _modifier(text, noun.end, after)
    if kind == "acronym":
        return end, noun.key
    for _ in range(3):
        m = _COORD.match(text, end)
        if m is None:
            break
        after = _space_before(text, m.end())
        same = _next_is(text, after, noun.key)
        if same is not None:
            end = _modifier(text, same.end)[0]
            continue
        if kind is not None and _AND.match(text, end):
            end = _coordinated_word(text, after, kind) or end
        break
    return end, noun.key


def _space_before(text: str, pos: int) -> int:
    """Step back onto the space a separator match swallowed, so ``syllables`` can start there."""
    return pos - 1 if pos > 0 and text[pos - 1] == " " else pos


def _modifier(
    text: str, pos: int, spans: list[tuple[int, int]] | None = None
) -> tuple[int, str | None]:
    """End of the one modifier after a noun ending at ``pos``, and what kind it was.

    ``spans``: ``syllables(text, pos, 4)``, or as much of it as decides (see
    ``words_after``), when the caller has them.
    """
    m = ACRONYM.match(text, pos)
    if m:
        return m.end(), "acronym"
    if spans is None:
        spans = syllables(text, pos, 4)
    if not spans:
        return pos, None
    if text[spans[0][0]].isupper():
        count = 0
        for s, e in spans:
            if not text[s].isupper() or text[s:e].isupper():
                break
            count += 1
        if count == 0:
            return pos, None
        if count < len(spans) and _is_word(text, spans[count - 1], spans[count]):
            count += 1  # "Đại sứ": a capitalised title, not a name that stops at "Đại"
        return spans[count - 1][1], "name"
    end = _word_modifier(text, spans)
    return (end, "word") if end else (pos, None)


def words_after(text: str, words: list[tuple[int, int]], end: int) -> list[tuple[int, int]] | None:
    """The spans of ``words`` (``syllables(text, pos, 4)``) after ``end``, one of their ends,
    when they are all ``_modifier`` reads at ``end``; None when it must read more itself.

    They are ``syllables(text, end, 4)`` when ``words`` stopped short of four (punctuation
    or the end came first); otherwise they are its first ones, which is enough when two
    remain and the first is not capitalised (then only two are read, not a name). A count
    read so saves a ``syllables`` call (4 µs; 1 400 counts per megabyte).
    """
    after = [span for span in words if span[0] >= end]
    if len(words) < 4 or (len(after) >= 2 and not text[after[0][0]].isupper()):
        return after
    return None


def _is_word(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two adjacent syllables make one dictionary word (case ignored)."""
    words = two_syllable_words()
    pair = tone_key(f"{text[first[0] : first[1]]} {text[second[0] : second[1]]}")
    return words is not None and pair in words


def _word_modifier(text: str, spans: list[tuple[int, int]]) -> int | None:
    """End of a lower-case 1–2 syllable word that is not a function word or predicate verb."""
    # The keys read one by one, the second only when it is asked for, not in a list
    # comprehension (its own frame in Python 3.11): ~1 µs less a call, 930 calls a megabyte.
    first = tone_key(text[spans[0][0] : spans[0][1]])
    if first in STOP_WORDS:
        return None
    if len(spans) >= 2 and text[spans[1][0]].islower():
        second = tone_key(text[spans[1][0] : spans[1][1]])
        if second in STOP_WORDS:
            return spans[0][1]
        pair = f"{first} {second}"
        if pair in STOP_WORDS:
            return None  # "tham gia", "ký kết": the predicate starts here
        words = two_syllable_words()
        if words is None or pair in words:
            return spans[1][1]
    return spans[0][1]


def _coordinated_word(text: str, pos: int, kind: str) -> int | None:
    """``và văn hóa`` after ``di sản thiên nhiên``: a second modifier that ends the phrase."""
    end, got = _modifier(text, pos)
    if got != kind:
        return None
    if BOUNDARY.match(text, end):
        return end
    tail = syllables(text, end, 1)
    if tail and tone_key(text[tail[0][0] : tail[0][1]]) in STOP_WORDS:
        return end
    return None


def generic_noun_at(
    text: str, pos: int, single: bool = True, spans: list[tuple[int, int]] | None = None
) -> Noun | None:
    """A counted noun the lexicon does not know: ``4 tùy viên``, ``3 phó chủ tịch``.

    The longest dictionary word of up to three lower-case syllables after the spaces at ``pos``
    that is no function word, predicate verb or number word; one syllable only if ``single``.
    Only digits take one: a number written in words before an unknown word is too often part
    of a phrase (``một số``). ``spans``: ``syllables(text, pos, 4)`` when the caller has them.
    """
    words = dictionary_words()
    if words is None:
        return None
    spans = syllables(text, pos, 3) if spans is None else spans[:3]
    if not spans or not text[spans[0][0]].islower():
        return None
    start = spans[0][0]
    first = tone_key(text[start : spans[0][1]])
    if first in STOP_WORDS or first in NUMBER_WORDS:
        return None
    for k in range(len(spans), 0 if single else 1, -1):
        if k > 1 and not text[spans[k - 1][0]].islower():
            continue
        key = tone_key(text[start : spans[k - 1][1]])
        if key in words and (k == 1 or key not in STOP_WORDS):
            return Noun(start, spans[k - 1][1], key)
    return None


@cache
def dictionary_words() -> frozenset[str] | None:
    """The words of underthesea's bundled word list (``tone_key`` form), or None if missing.

    Only the plain-text list shipped in the package is read (no model, no network).
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return frozenset(tone_key(path.read_text(encoding="utf-8")).split("\n"))
    return None


@cache
def two_syllable_words() -> frozenset[str] | None:
    """Two-syllable words of the dictionary, or None if it is missing.

    Without it the modifier rule falls back to "up to two lower-case syllables".
    """
    words = dictionary_words()
    return None if words is None else frozenset(w for w in words if w.count(" ") == 1)
