"""The fast scan for number words and dates finds exactly what ``finditer`` finds.

``figures._starting_at`` tries a case-insensitive pattern only where one of its first words
stands in the lower-cased text; these tests hold it to the plain scan on texts built from the
words, their upper-case forms, digits and the characters that case folding treats oddly.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from briefing_studio.analysis import figures
from briefing_studio.analysis.joined import Joined

_PIECES = (
    "năm NĂM Năm tháng THÁNG Tháng ngày Ngày quý QUÝ IV đầu Cuối giữa nửa những các hai Hai mươi "
    "MƯƠI ba bao tư đầu tỷ triệu một Một bốn linh lẻ nămm quýx ſáu gıữa İ x a 12 2023 3 / - – . , "
    "phần PHẦN phần phần phần phần Phần phần "
    "đến tới 6 tháng\t06 123 THÁNG"
).split()
_GAPS = (" ", " ", " ", " ", " ", "", "  ", "\n", "/")

_SCANS = {
    "dates": (figures._KEYWORD_DATE, figures._DATE_WORD_SET, figures._MONTH),
    "number words": (figures._WORD_RUN, figures._NUMBER_WORD_SET, ""),
    "fractions in words": (figures._PARTS, figures._NUMBER_WORD_SET, ""),
}


@pytest.mark.parametrize("name", sorted(_SCANS))
def test_the_fast_scan_finds_what_finditer_finds(name: str) -> None:
    pattern, words, digits_before = _SCANS[name]
    rnd = random.Random(12)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(_PIECES) + rnd.choice(_GAPS) for _ in range(rnd.randint(1, 20)))
        expected = [m.span() for m in pattern.finditer(text)]
        assert [
            m.span() for m in figures._starting_at(pattern, text, words, digits_before)
        ] == expected
        found += len(expected)
    assert found > 20  # the texts do hold matches


@pytest.mark.parametrize("name", sorted(_SCANS))
def test_the_words_found_in_all_sections_at_once_give_what_finditer_finds(name: str) -> None:
    """``word_hits`` searches the sections joined into one text; each section's share of the
    hits must give the same matches as a scan of that section alone."""
    pattern, words, digits_before = _SCANS[name]
    rnd = random.Random(7)
    texts = [
        "".join(rnd.choice(_PIECES) + rnd.choice(_GAPS) for _ in range(rnd.randint(1, 20)))
        for _ in range(3000)
    ]
    plain = [t for t in texts if not any(c in t for c in figures._ODD_CASES)]
    hits = figures.word_hits(Joined(plain))
    assert hits is not None
    found = 0
    for text, section_hits in zip(plain, hits, strict=True):
        expected = [m.span() for m in pattern.finditer(text)]
        got = figures._starting_at(pattern, text, words, digits_before, section_hits)
        assert [m.span() for m in got] == expected
        found += len(expected)
    assert found > 20
    assert figures.word_hits(Joined(texts)) is None  # "ſáu", "İ": each section on its own


def test_every_odd_case_folding_of_the_words_is_known() -> None:
    """A character that matches a letter of the words case-insensitively but lower-cases to
    something else must send the text to the plain scan."""
    letters = set("".join(figures._NUMBER_WORD_SET) + "".join(figures._DATE_WORD_SET))
    any_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any_letter.fullmatch(char) and char.lower() not in letters:
            assert char in figures._ODD_CASES, f"U+{code:04X}"


# --- shortcuts of the figure rules: each gives what the plain rule gives --------------------------

_UNIT_PIECES = (
    "năm Năm hai một Một tư đầu tư tỷ triệu trăm mươi ba mười lăm dự án doanh nghiệp, người "
    "USD đồng tỷ đồng 12 2024 05 3,5 khoảng hơn gần trên dưới tới lên tới vào khoảng trên dưới "
    "chưa tới không quá gần như Hơn (khoảng ít nhất xấp xỉ hợp tác xã cơ quan Đà Nẵng ODA và . "
    "Hàn Quốc Samsung Nhật Bản"
).split()


def _texts(seed: int, pieces: tuple[str, ...], count: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(pieces) + rnd.choice(_GAPS[:6]) for _ in range(rnd.randint(1, 14)))
        for _ in range(count)
    ]


def test_runs_of_number_words_left_out_are_ones_the_rule_refuses() -> None:
    """``_run_starts`` drops a run before its match only where ``_word_figure`` refuses it."""
    found = 0
    for text in _texts(3, _UNIT_PIECES):
        hits = figures._section_hits(text)
        if hits is None:
            continue
        every_run = [
            f
            for m in figures._starting_at(
                figures._WORD_RUN, text, figures._NUMBER_WORD_SET, hits=hits
            )
            if (f := figures._word_figure(text, m.start(), m.group())) is not None
        ]
        assert figures._word_figures(text, hits) == every_run, text
        found += len(every_run)
    assert found > 40


def test_codes_are_found_where_a_scan_of_every_character_finds_them() -> None:
    """``_blocked_spans`` tries ``_CODE`` only at some digits; ``finditer`` tries everywhere."""
    pieces = (
        *"0 12 2020 3854 +84 (024) ( ) / - – . , NĐ-CP QĐ-TTg TW x xx a 9 1A 0204 024".split(),
        *("0204 3854 123", "(0204) 3854 123", "0912345678", "024.3854.xxx", "1.000.000"),
    )
    found = 0
    for text in _texts(5, pieces):
        runs = [m.span() for m in figures._DIGITS.finditer(text)]
        expected = [m.span() for m in figures._CODE.finditer(text)]
        assert figures._blocked_spans(text, runs) == expected, text
        found += len(expected)
    assert found > 200


def test_qualifiers_read_three_words_first_as_six_would() -> None:
    found = 0
    for text in _texts(9, _UNIT_PIECES):
        text += " 12"
        start = len(text) - 2
        wide = figures._qualifier_start(text, start, 6)
        qualifier, begins = figures._qualifier(text, start)
        assert begins == (start if wide is None else wide), text
        found += qualifier is not None
    assert found > 300


def test_a_modifier_read_from_the_words_after_a_number_is_the_one_read_again() -> None:
    from briefing_studio.analysis import noun_phrases

    rnd = random.Random(4)
    nouns = ("dự án", "doanh nghiệp", "người", "hợp tác xã", "cơ quan", "nhà hàng", "tùy viên")
    words = "Hàn Quốc Samsung Nhật Bản hợp tác mới lao động ODA FDI và , . của người dân".split()
    found = 0
    for _ in range(3000):
        text = f"{rnd.randint(2, 900)} {rnd.choice(nouns)}"
        text += "".join(
            rnd.choice(("", " ", " ")) + rnd.choice(words) for _ in range(rnd.randint(0, 6))
        )
        pos = text.index(" ")
        spans = noun_phrases.syllables(text, pos, 4)
        noun = noun_phrases.noun_at(text, pos, True, spans)
        if noun is None:
            continue
        after = noun_phrases.words_after(text, spans, noun.end)
        assert noun_phrases.count_phrase(text, noun, after) == noun_phrases.count_phrase(
            text, noun
        ), text
        found += after is not None
    assert found > 1000


def test_the_high_bytes_of_the_other_digits_are_all_listed() -> None:
    # Every character ``\d`` matches beyond 0-9 has a UTF-16 high byte in the list, so a text
    # none of whose characters has one holds no digit but 0-9.
    other = {code for code in range(0x80, 0x110000) if chr(code).isdecimal()}
    assert other, "Python knows no digit beyond ASCII?"
    high = {byte for code in other for byte in chr(code).encode("utf-16-le", "surrogatepass")[1::2]}
    assert high <= set(figures._OTHER_DIGIT_HIGH_BYTES)
    assert "ạ".encode("utf-16-le")[1] not in figures._OTHER_DIGIT_HIGH_BYTES  # Vietnamese: fast


@pytest.mark.parametrize("extra", ["", "٣", "๓", "３", "𝟑"])  # ASCII only, Arabic, Thai, wide, math
def test_digit_runs_found_in_all_sections_at_once_are_those_of_finditer(extra: str) -> None:
    rnd = random.Random(5)
    pieces = ["12", "3.500", "1,5", "7", ".", ",", " ", "năm", "tỷ", "\t", "a1b", extra]
    pieces.append(extra + "4")
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(400)]
    joined = Joined(texts)
    runs = figures._joined_digit_runs(joined)
    if extra:
        assert runs is None  # another digit: each section is scanned on its own
        texts = [text.replace(extra, "") for text in texts]
        runs = figures._joined_digit_runs(Joined(texts))
    assert runs is not None
    assert runs == [[m.span() for m in figures._DIGITS.finditer(text)] for text in texts]
    assert sum(map(len, runs)) > 500


def test_figures_found_with_the_joined_runs_are_those_found_section_by_section() -> None:
    texts = ["Năm 2024 GDP tăng 7,09%, đạt 476,3 tỷ USD.", "Không có số.", "", "Có 3 tỉnh, 12 xã."]
    hits = figures.word_hits(Joined(texts))
    assert hits is not None
    assert all(isinstance(h, figures._SectionHits) for h in hits)
    for i, text in enumerate(texts):
        assert figures.find_figures(text, "s", hits[i]) == figures.find_figures(text, "s")
