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

_PIECES = (
    "năm NĂM Năm tháng THÁNG Tháng ngày Ngày quý QUÝ IV đầu Cuối giữa nửa những các hai Hai mươi "
    "MƯƠI ba bao tư đầu tỷ triệu một Một bốn linh lẻ nămm quýx ſáu gıữa İ x a 12 2023 3 / - – . , "
    "đến tới 6 tháng\t06 123 THÁNG"
).split()
_GAPS = (" ", " ", " ", " ", " ", "", "  ", "\n", "/")

_SCANS = {
    "dates": (figures._KEYWORD_DATE, figures._DATE_WORDS, figures._MONTH),
    "number words": (figures._WORD_RUN, figures._NUMBER_WORD_LIST, ""),
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
    assert found > 50  # the texts do hold matches


def test_every_odd_case_folding_of_the_words_is_known() -> None:
    """A character that matches a letter of the words case-insensitively but lower-cases to
    something else must send the text to the plain scan."""
    letters = set("".join(figures._NUMBER_WORD_LIST) + "".join(figures._DATE_WORDS))
    any_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any_letter.fullmatch(char) and char.lower() not in letters:
            assert figures._ODD_CASES.fullmatch(char), f"U+{code:04X}"
