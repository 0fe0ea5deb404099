"""One scan of the joined sections finds what the cue scan and the figures' word scan found.

``word_scan.py`` searches the cue words and the figures' date and number words with one trie;
that is only the same as two scans when no word of one list begins a word of the other and
no word of one list starts inside a match of the other. Both are checked on the lists as they
are, and the results are compared with the one-section scans on texts where the words touch.
"""

from __future__ import annotations

from pathlib import Path

from briefing_studio.analysis import figures, word_scan
from briefing_studio.analysis.cues import CUE_WORDS, cue_scores, cue_scores_of
from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.word_scan import scan_words
from briefing_studio.paths import seed_files

MIXED = Path(__file__).parent / "fixtures" / "analysis_mixed.txt"

# Cue words next to date and number words, and words that only begin one ("chính", "tỉnh").
TOUCHING = [
    "Tỉnh đạt được ba giải thưởng, tăng năm bậc trong các tháng đầu năm 2024.",
    "Giao các nhiệm vụ cho bốn sở; yêu cầu hai tháng hoàn thành, đề nghị một trăm dự án.",
    "Kim ngạch tăng trưởng mười hai phần trăm; chính quyền tỉnh cần chín mươi ngày.",
    "Những tháng cuối năm 2023 giải ngân nửa số vốn; quý IV phải đạt hai mươi tư tỷ đồng.",
    "Không phải ba mà là bốn; tăng cường hai lần; Cần Thơ có năm quận.",
    "đầu tư 5 nghìn tỷ, ký kết 12 thỏa thuận; kính đề nghị giữa năm 2025 xong.",
]


def test_no_word_of_one_list_begins_a_word_of_the_other() -> None:
    for cue in CUE_WORDS:
        for word in figures.START_WORDS:
            assert not cue.startswith(word) and not word.startswith(cue), (cue, word)


def test_no_word_starts_inside_a_multiword_cue() -> None:
    # A later word of a cue ("giao các nhiệm vụ") must not be a figure word the scan needs.
    joined = Joined(list(CUE_WORDS))
    for section in figures.word_hits(joined) or []:
        assert section == [], section


def _same_as_separate_scans(texts: list[str]) -> None:
    joined = Joined(texts)
    cue_matches, hits = scan_words(joined)
    assert cue_scores_of(joined, cue_matches) == [cue_scores(text) for text in texts]
    assert hits == [figures._section_hits(text) for text in texts]


def test_touching_words_are_found_as_by_two_scans() -> None:
    _same_as_separate_scans(TOUCHING)


def test_mixed_text_is_found_as_by_two_scans() -> None:
    # (A paragraph with a letter that lower-cases oddly sends the whole source to the
    # one-section scans: left out here, tested below.)
    paragraphs = [
        p
        for p in MIXED.read_text(encoding="utf-8").split("\n")
        if p.strip() and not any(char in p for char in figures._ODD_CASES)
    ]
    assert len(paragraphs) > 100
    _same_as_separate_scans(paragraphs)


def test_a_text_that_lower_cases_to_another_length_is_scanned_by_section() -> None:
    joined = Joined(["İstanbul tăng ba lần", "đạt hai giải"])
    assert joined.lower is None
    assert scan_words(joined) == (None, None)


def _finditer(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[0]) for m in word_scan._PATTERN.finditer(text)]


def test_the_automaton_places_give_the_matches_of_finditer() -> None:
    # Words inside words ("khai", "tỉnh", "chính"), a word inside a longer one at another
    # place ("kính đề nghị" holds "đề nghị"), "các"/"những" with and without " tháng", words
    # after digits, brackets and line breaks, and the seeds.
    texts = [text.lower() for text in TOUCHING] + [
        "khai thác các nước, các tháng; những tháng\nnhững năm 5tỷ (hai)“ba” kính đề nghị",
        "😀 hai năm 𝕏 các tháng ba",  # offsets count characters, not UTF-8 or UTF-16 units
        "các  tháng các\ttháng đầu\n năm cuối  năm giữa năm2024 tư vấn đầu tư chín chính tỉ tỉnh",
        "".join(path.read_text(encoding="utf-8") for path in seed_files()).lower(),
    ]
    for text in texts:
        assert [(m.start(), m.end(), m[0]) for m in word_scan._matches(text)] == _finditer(text)


def test_a_word_is_looked_for_with_the_plain_text_that_must_follow_it() -> None:
    keys = word_scan._keys({"các": "(?= tháng)", "đầu": r"(?=\s+năm)", "kết": "", "kết quả": ""})
    assert keys == ["các tháng", "kết", "đầu"]
    # A word another word begins is looked for alone: "các nước" starts with "các".
    assert word_scan._keys({"các": "(?= tháng)", "các nước": ""}) == ["các"]
