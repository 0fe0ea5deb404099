"""The words that cues and figures start from, found in one scan of a source's sections.

Cue words (``cues.py``) and the figures' date and number words (``figures.py``) are both
searched on the lower-cased sections joined (``joined.py``). Each search visits every place
where one of its words could start, and the two lists start with much the same letters, so one
trie of both lists costs little more than either (on the seeds repeated to 1 MB, 45 ms less
than two scans). The result is the same as that of the two scans: no word of one list begins a
word of the other, so at one place at most one of them matches, and no word of one list starts
inside a match of the other after a non-letter (``tests/test_word_scan.py`` checks both).
"""

from __future__ import annotations

import re

from briefing_studio.analysis.cues import CUE_WORDS, MEANING
from briefing_studio.analysis.figures import START_WORDS, WordHits, word_hits
from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.trie import trie_pattern

_PATTERN = re.compile(trie_pattern({**CUE_WORDS, **START_WORDS}))


def scan_words(joined: Joined) -> tuple[list[list[re.Match[str]]] | None, list[WordHits] | None]:
    """Each section's cue-word matches (positions in the joined text) and its date and number
    words (``figures.word_hits``); None for either when it must be found section by section
    (the joined text does not lower-case to its own length)."""
    if joined.lower is None:
        return None, None
    per_section = joined.matches(_PATTERN, lower=True)
    cues = [[m for m in found if m[0] in MEANING] for found in per_section]
    words = (m for found in per_section for m in found if m[0] not in MEANING)
    return cues, word_hits(joined, words)
