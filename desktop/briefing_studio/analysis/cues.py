"""Cue tags: does a paragraph report results, make a proposal, or give directions?

Secretaries pick results for the "achievements" part of a briefing, proposals for "requests",
and directions for "tasks". Tags come from cue words matched as whole syllables on the
lower-cased text, each with a weight; a paragraph gets every cue that scores, strongest first,
and ``background`` when none does. Headings get no cues: they introduce, they do not say.

Weights: speech-act verbs (``yêu cầu``, ``đề nghị``, ``kiến nghị``) 3, modal words (``cần``,
``phải``) 2, result words and weak task nouns 1. A cue needs a score of 2, so one passing
``tăng trưởng`` does not make a lead a result. On equal scores the cue whose word comes first
wins: the opening verb ("Bộ Ngoại giao kiến nghị …", "Ông cũng yêu cầu …") sets the intent.

False hits avoided on purpose: ``tăng cường``/``tăng tốc`` are intentions, not increases, and
``động lực tăng trưởng`` names growth drivers, not growth achieved; ``giao`` alone is mostly
``ngoại giao``/``giao thông``, so only ``giao nhiệm vụ``, ``giao cho``, ``được giao`` count;
``không phải``/``phải chăng`` are not obligations; ``Cần Thơ`` is a city; after ``các``/
``những`` an ``đề xuất`` or ``kiến nghị`` is a noun (someone else's proposals), not a proposal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.model import Cue
from briefing_studio.analysis.trie import trie_pattern

_WEIGHTS: dict[Cue, dict[str, int]] = {
    "result": {
        "đạt được": 1, "đạt": 1, "tăng trưởng": 1, "tăng": 1, "gia tăng": 1, "thu hút": 1,
        "ký kết": 1, "kí kết": 1, "hoàn thành": 1, "kết quả": 1, "thành tựu": 1,
        "thành công": 1, "vượt": 1, "giải ngân": 1, "kim ngạch": 1,
    },
    "proposal": {
        "đề nghị": 3, "kính đề nghị": 3, "đề xuất": 3, "kiến nghị": 3, "đề đạt": 3,
        "mong muốn": 2,
    },
    "direction": {
        "yêu cầu": 3, "chỉ đạo": 3, "chỉ thị": 3, "giao nhiệm vụ": 3, "giao các nhiệm vụ": 3,
        "giao cho": 3, "được giao": 2, "lưu ý": 2, "quán triệt": 2, "cần": 2, "phải": 2,
        "nhiệm vụ": 1,
    },
}  # fmt: skip
# Words that cancel a cue word when they come right before or after it.
_NOT_BEFORE = {
    "tăng trưởng": ("động lực",), "phải": ("không",),
    "đề nghị": ("các", "những"), "đề xuất": ("các", "những"), "kiến nghị": ("các", "những"),
}  # fmt: skip
_NOT_AFTER = {"tăng": ("cường", "tốc", "trưởng"), "cần": ("thơ",), "phải": ("chăng",)}
_MIN_SCORE = 2


def _checks(word: str) -> str:
    """What must hold around the word, as look-behinds and look-aheads that come after it: no
    letter before it; not "động lực" before "tăng trưởng"; not "cường" after "tăng"."""
    escaped = re.escape(word)
    before = "".join(f"(?<!{re.escape(w)} {escaped})" for w in _NOT_BEFORE.get(word, ()))
    after = "|".join(f" {re.escape(w)}" for w in _NOT_AFTER.get(word, ()))
    return rf"(?<!\w{escaped}){before}" + (f"(?!{after})" if after else "")


# What each cue word means.
MEANING: dict[str, tuple[Cue, int]] = {
    word: (cue, weight) for cue, table in _WEIGHTS.items() for word, weight in table.items()
}
# Each cue word and what must hold around it, for ``trie_pattern`` (``word_scan.py`` joins
# them with the figures' words for the scan of a whole source).
CUE_WORDS: dict[str, str] = {word: _checks(word) + r"(?!\w)" for word in MEANING}
# One pattern for all cue words: one scan of the text, not three, and no capturing groups; the
# words are a trie whose branches start with a letter, so the engine skips to the letters a
# word can start with and tries one branch there (measured on 1 MB: plain alternatives with the
# look-behind last were 8× faster than three scans with it first, the trie 3× faster again).
# Longest words first, so that "đạt được" is one hit, not "đạt" plus leftovers.
_PATTERN = re.compile(trie_pattern(CUE_WORDS))


def cue_scores(text: str) -> dict[Cue, tuple[int, int]]:
    """Per cue that was hit: (weighted number of hits, offset of the first hit)."""
    return _scores(_PATTERN.finditer(text.lower()), 0)


def cue_scores_of(
    joined: Joined, matches: list[list[re.Match[str]]] | None = None
) -> list[dict[Cue, tuple[int, int]]]:
    """``cue_scores`` of every section of ``joined``, from one scan of its lower-cased text.

    The cue words hold no line break and their checks stop at a non-letter, so the ``"\n"``
    between two sections reads like the start and end of a text. ``matches``: each section's
    cue words when ``word_scan.py`` found them already (positions in the joined text).
    """
    if matches is None:
        if joined.lower is None:
            return [cue_scores(text) for text in joined.texts]
        matches = joined.matches(_PATTERN, lower=True)
    return [_scores(found, start) for found, start in zip(matches, joined.starts, strict=True)]


def _scores(matches: Iterable[re.Match[str]], offset: int) -> dict[Cue, tuple[int, int]]:
    # A cue's first hit is where it starts (``match.start()`` read for the first hit only, not
    # for every one and ``get`` with a default made each time), ``match[0]`` rather than
    # ``group(0)``, sections paired with their starts by ``zip``: 1 MB, ``cue_scores_of``
    # 6.3 → 4.5 ms CPU.
    scores: dict[Cue, tuple[int, int]] = {}
    for match in matches:
        cue, weight = MEANING[match[0]]
        if cue in scores:
            score, first = scores[cue]
            scores[cue] = (score + weight, first)
        else:
            scores[cue] = (weight, match.start() - offset)
    return scores


def tag_cues(
    text: str, is_heading: bool = False, scores: dict[Cue, tuple[int, int]] | None = None
) -> tuple[Cue, ...]:
    """The paragraph's cues, strongest first; ``("background",)`` when none; ``()`` for headings.

    ``scores``: the text's ``cue_scores`` when ``cue_scores_of`` found them already.
    """
    if is_heading:
        return ()
    if scores is None:
        scores = cue_scores(text)
    scores = {cue: sf for cue, sf in scores.items() if sf[0] >= _MIN_SCORE}
    if not scores:
        return ("background",)
    return tuple(sorted(scores, key=lambda cue: (-scores[cue][0], scores[cue][1])))
