"""How Vietnamese a decoded text looks: the judge that picks between candidate encodings.

The same legacy bytes decode to different text in Windows-1258, TCVN3 and VNI, and only one
reading is real Vietnamese. Vietnamese words are single syllables with a strict shape (onset,
optional medial o/u, vowel nucleus, optional final; one tone mark, on the nucleus; only the
sắc or nặng tone before a final c/ch/p/t), and mojibake almost never has that shape: ``aù``
puts a tone on a final, ``Vieät`` holds a letter Vietnamese does not have, ``B¸o`` a symbol.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONE_MARKS = frozenset((_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT))
_VOWELS = frozenset("aăâeêioôơuưy")
_OFF_GLIDES = frozenset("iyuo")

_SYLLABLE = re.compile(
    r"(?P<onset>ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    r"(?P<medial>[ou])?"
    r"(?P<nucleus>iê|yê|ia|ya|ươ|ưa|uô|ua|oo|[aăâeêioôơuưy])"
    r"(?P<final>ch|ng|nh|[cmnptiuoy])?"
)
_WORD = re.compile(r"[^\W\d_]+")
# Non-ASCII characters that are not letters yet are normal in Vietnamese text.
_USUAL_SYMBOLS = frozenset("“”‘’–—…•·°«»€\u00a0")
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", *_TONE_MARKS)
) | frozenset("đĐ")
# Non-ASCII characters of everyday Vietnamese text, composed or decomposed (NFD).
_PLAIN_CHARACTERS = "".join(
    sorted(
        {
            char
            for letter in _VIETNAMESE_LETTERS | _USUAL_SYMBOLS
            for char in letter + unicodedata.normalize("NFD", letter)
            if not char.isascii()
        }
    )
)
_NOT_PLAIN = re.compile(f"[^\\x00-\\x7f{re.escape(_PLAIN_CHARACTERS)}]")


@dataclass(frozen=True)
class _Toned:
    """A syllable without its tone mark, and which mark was where."""

    letters: str
    tone: str
    position: int


def _tone_table() -> dict[str, tuple[str, str]]:
    """Each toned lower-case vowel → (the vowel without its tone, the tone mark)."""
    table = {}
    for base in _VOWELS:
        for tone in _TONE_MARKS:
            table[unicodedata.normalize("NFC", base + tone)] = (base, tone)
    return table


_TONED = _tone_table()


def _split_tone(word: str) -> _Toned | None:
    """Strip the tone mark from a lower-case NFC word; None when it has more than one."""
    letters, tone, position = [], "", -1
    for index, char in enumerate(word):
        if char in _TONED:
            if tone:
                return None
            char, tone = _TONED[char]
            position = index
        elif not char.isascii() and any(
            c in _TONE_MARKS for c in unicodedata.normalize("NFD", char)
        ):
            return None  # a tone on a letter Vietnamese does not put tones on
        letters.append(char)
    return _Toned("".join(letters), tone, position)


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (one syllable, any case) is spelled like a Vietnamese syllable."""
    toned = _split_tone(unicodedata.normalize("NFC", word.lower()))
    if toned is None:
        return False
    match = _SYLLABLE.fullmatch(toned.letters)
    if match is None:
        return False
    if not toned.tone:
        return True
    final = match.group("final") or ""
    if final in ("c", "ch", "p", "t") and toned.tone not in (_ACUTE, _DOT):
        return False
    return _tone_on_nucleus(toned, match)


def _tone_on_nucleus(toned: _Toned, match: re.Match[str]) -> bool:
    """The tone sits on a vowel of the nucleus (or, in the older style, on the medial)."""
    start = match.end("onset") if match.group("onset") else 0
    vowels = toned.letters[start:]
    run = len(vowels) - len(vowels.lstrip("".join(_VOWELS)))
    if not start <= toned.position < start + run:
        return False
    last = toned.position == start + run - 1
    if run >= 2 and last and toned.letters[toned.position] in _OFF_GLIDES:
        # ``ai``, ``ao``, ``ưu`` carry the tone on the first vowel; only ``uy`` and ``oo`` on
        # the last (thuý, xoóng).
        return toned.letters[toned.position - 1 : toned.position + 1] in ("uy", "oo")
    return True


def vietnamese_score(text: str) -> float:
    """Share (0–1) of the words with non-ASCII letters that are Vietnamese syllables, with
    every stray symbol or foreign letter counted against it."""
    text = unicodedata.normalize("NFC", text)
    valid = checked = 0
    for word, count in Counter(_WORD.findall(text)).items():  # words repeat: check each once
        if word.isascii():
            continue
        checked += count
        valid += count * is_vietnamese_syllable(word)
    strays = sum(
        count
        for char, count in Counter(text).items()
        if ord(char) > 0x7F
        and char not in _VIETNAMESE_LETTERS
        and char not in _USUAL_SYMBOLS
        and not char.isspace()
    )
    total = checked + strays
    return valid / total if total else 0.0


def is_plain_vietnamese(text: str) -> bool:
    """True when every character is ASCII, a Vietnamese letter (NFC or NFD) or a usual symbol:
    text nobody would take for mojibake, so there is no need to score it."""
    return _NOT_PLAIN.search(text) is None
