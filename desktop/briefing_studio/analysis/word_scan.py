"""The words that cues and figures start from, found in one scan of a source's sections.

Cue words (``cues.py``) and the figures' date and number words (``figures.py``) are both
searched on the lower-cased sections joined (``joined.py``). Each search visits every place
where one of its words could start, and the two lists start with much the same letters, so one
trie of both lists costs little more than either (on the seeds repeated to 1 MB, 45 ms less
than two scans). The result is the same as that of the two scans: no word of one list begins a
word of the other, so at one place at most one of them matches, and no word of one list starts
inside a match of the other after a non-letter (``tests/test_word_scan.py`` checks both).
The trie is tried only where an Aho–Corasick automaton saw one of the words written
(``_matches``), with the matches of ``finditer``.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from briefing_studio.analysis.cues import CUE_WORDS, MEANING
from briefing_studio.analysis.figures import START_WORDS, WordHits, word_hits
from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.trie import trie_pattern

_WORDS = {**CUE_WORDS, **START_WORDS}
_PATTERN = re.compile(trie_pattern(_WORDS))
# Where a word can start, found by an Aho–Corasick automaton in compiled code. ``re`` tries the
# trie at every letter some word starts with (418 000 places in the seeds repeated to 1 MB, for
# 10 000 matches); the automaton reads the text once and reports the 18 000 places where a word
# is written, and the pattern is tried there only: 51 → 25 ms CPU for 1 MB. A word that begins
# with another word starts where that one does, so the shorter is enough; a word that must be
# followed by a given text ("các" by " tháng") is looked for with it (7 000 "các" fewer).
_FOLLOWED_BY = re.compile(r"\(\?=( [^\\()\[\]|?*+.{}^$]+)\)")


def _keys(words: dict[str, str]) -> list[str]:
    """What the automaton looks for: each word no other word begins, with the text that must
    follow it when that is plain text and it begins no other word either."""
    keys = []
    for word, tail in words.items():
        if any(other != word and word.startswith(other) for other in words):
            continue
        followed = _FOLLOWED_BY.fullmatch(tail)
        alone = not any(other != word and other.startswith(word) for other in words)
        keys.append(word + followed.group(1) if followed and alone else word)
    return sorted(keys)


_STARTS = ahocorasick_rs.AhoCorasick(_keys(_WORDS))


def _matches(text: str) -> list[re.Match[str]]:
    """``list(_PATTERN.finditer(text))``, trying the pattern only where a word is written.

    The same matches: every match is a word written at its start, so it starts at one of the
    places tried, and from where the last match ended ``finditer`` takes the first place where
    the pattern matches; between the places tried there is none.
    """
    found = []
    end = 0
    match = _PATTERN.match
    # (word, start, end), in the order the words end: "kính đề nghị" after "đề nghị".
    places = _STARTS.find_matches_as_indexes(text, overlapping=True)
    for start in sorted([place[1] for place in places]):
        if start >= end and (m := match(text, start)) is not None:
            found.append(m)
            end = m.end()
    return found


def scan_words(joined: Joined) -> tuple[list[list[re.Match[str]]] | None, list[WordHits] | None]:
    """Each section's cue-word matches (positions in the joined text) and its date and number
    words (``figures.word_hits``); None for either when it must be found section by section
    (the joined text does not lower-case to its own length)."""
    if joined.lower is None:
        return None, None
    # Cue words are grouped by section here, date and number words by ``word_hits``: each
    # match is looked at once (9 → 4 ms for 1 MB, against grouping all, then picking out each kind).
    cues: list[re.Match[str]] = []
    words: list[re.Match[str]] = []
    for match in _matches(joined.lower):
        (cues if match[0] in MEANING else words).append(match)
    return joined.by_section(cues), word_hits(joined, words)
