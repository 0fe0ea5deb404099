"""A trie-shaped pattern matches exactly what the longest-first alternation of its words does."""

from __future__ import annotations

import random
import re

from briefing_studio.analysis.trie import trie_pattern


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) + words[w] for w in ordered) + r")(?!\w)")


def test_trie_matches_like_the_longest_first_alternation() -> None:
    rnd = random.Random(3)
    letters = "ađă â"
    for _ in range(300):
        words = {
            "".join(rnd.choice(letters) for _ in range(rnd.randint(1, 5))).strip()
            or "a": rnd.choice(("", "(?! ă)", "(?<!â a)"))
            for _ in range(rnd.randint(1, 8))
        }
        trie = re.compile(trie_pattern(words) + r"(?!\w)")
        plain = _alternation(words)
        for _ in range(20):
            text = "".join(rnd.choice(letters + ".") for _ in range(rnd.randint(0, 30)))
            expected = [(m.span(), m.group()) for m in plain.finditer(text)]
            assert [(m.span(), m.group()) for m in trie.finditer(text)] == expected, (words, text)


def test_a_word_that_ends_where_a_longer_one_goes_on_is_tried_after_it() -> None:
    pattern = re.compile(trie_pattern({"đạt": "", "đạt được": "", "đề nghị": ""}))
    assert [m.group() for m in pattern.finditer("đạt được, đạt, đề nghị")] == [
        "đạt được",
        "đạt",
        "đề nghị",
    ]
