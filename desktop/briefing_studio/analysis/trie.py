"""A regular expression for a list of words, written as a trie of their shared beginnings.

``re`` tries the alternatives of ``a|b|c`` one after another at every place where the first of
them could start; with dozens of Vietnamese words that begin with common letters, that was most
of the time of a scan. Written as a trie (``đ(?:ạt(?: được|)|ề (?:nghị|xuất))``) only the branch
of the letter at hand is tried. Matches are the same as those of the longest-first alternation:
two words that can both match at one place lie on one path of the trie, where the longer is
tried first too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping


def trie_pattern(words: Mapping[str, str]) -> str:
    """A non-capturing pattern matching the same as ``word1 tail1|word2 tail2|…`` with the
    words longest first; ``words`` maps each word to a pattern that must follow it (``""``
    for none), which stays with that word alone."""
    root: dict = {}
    for word, tail in words.items():
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = tail  # the end of a word, and what must follow it
    return _pattern(root)


def _pattern(node: dict) -> str:
    branches = []
    # Longer words first; a word that ends here after all that go on.
    for key in sorted(node, key=lambda k: -1 - _longest(node[k]) if k else 0):
        if key == "":
            branches.append(node[""])
        else:
            branches.append(re.escape(key) + _pattern(node[key]))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _longest(node: dict) -> int:
    """Length of the longest word below ``node``, counted from it."""
    return max((1 + _longest(child) if key else 0) for key, child in node.items())
