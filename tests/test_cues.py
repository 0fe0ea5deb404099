"""Cue tags help the secretary find results, proposals and directions for the briefing."""

from __future__ import annotations

import pytest

from briefing_studio.analysis import split_sections, tag_cues
from briefing_studio.analysis.model import Section
from seed_helpers import load_seed


def paragraph_starting(name: str, opening: str) -> Section:
    sections, _ = split_sections(load_seed(name))
    return next(s for s in sections if s.text.startswith(opening))


def cues_of(section: Section) -> tuple[str, ...]:
    return tag_cues(section.text, is_heading=section.kind == "heading")


def test_province_proposal_paragraph_is_a_proposal() -> None:
    section = paragraph_starting("ngkt-2024-bac-giang.txt", "Năm 2025, tỉnh đề xuất")
    assert cues_of(section)[0] == "proposal"


def test_prime_ministers_instructions_are_directions() -> None:
    section = paragraph_starting("ngkt-2024-bac-giang.txt", "Thủ tướng khẳng định")
    assert "Thủ tướng yêu cầu" in section.text
    assert cues_of(section)[0] == "direction"


def test_agreements_signed_paragraph_is_a_result() -> None:
    section = paragraph_starting("ngkt-2024-bac-giang.txt", "Trong gần 60 hoạt động")
    assert "hơn 170 thỏa thuận" in section.text
    assert cues_of(section) == ("result",)


def test_ministry_recommendation_is_a_proposal_before_the_results_it_mentions() -> None:
    section = paragraph_starting("ngkt-2024-bac-giang.txt", "Năm 2025, Bộ Ngoại giao kiến nghị")
    assert cues_of(section)[0] == "proposal"


def test_the_lead_is_background() -> None:
    for name in ("ngkt-2024-bac-giang.txt", "ngkt-2025-hoi-nghi-dai-su.txt"):
        assert cues_of(split_sections(load_seed(name))[0][0]) == ("background",)


def test_headings_get_no_cues() -> None:
    sections, _ = split_sections(load_seed("ngkt-2025-hoi-nghi-dai-su.txt"))
    assert [cues_of(s) for s in sections if s.kind == "heading"] == [(), ()]


def test_the_opening_verb_decides_a_tie() -> None:
    section = paragraph_starting("ngkt-2025-hoi-nghi-dai-su.txt", "Ông cũng yêu cầu")
    assert cues_of(section)[:2] == ("direction", "proposal")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Kim ngạch xuất khẩu tăng 12%, đạt 4 tỷ USD.", ("result",)),
        ("Tỉnh kiến nghị Bộ hỗ trợ xúc tiến đầu tư.", ("proposal",)),
        ("Các sở cần chủ động phối hợp.", ("direction",)),
        ("Cần tăng cường hợp tác và tăng tốc giải ngân.", ("direction",)),  # not an increase
        ("Tỉnh tiếp tục tăng cường, tăng tốc hợp tác.", ("background",)),
        ("Đây là các động lực tăng trưởng và động lực tăng trưởng mới.", ("background",)),
        ("Bộ Ngoại giao và Sở Giao thông họp về giao lưu.", ("background",)),  # "giao"
        ("Đó chứ không phải là điều phải chăng.", ("background",)),
        ("Đoàn đến Cần Thơ và An Giang.", ("background",)),
        ("Doanh nghiệp nêu các đề xuất và những kiến nghị.", ("background",)),  # nouns
        ("Thủ tướng giao nhiệm vụ cho các bộ.", ("direction",)),
        ("Một lần tăng trưởng thì chưa đủ.", ("background",)),  # one weak word is not enough
        (
            "Năm 2024 đạt kết quả tốt; đề nghị Bộ tiếp tục hỗ trợ; các sở phải báo cáo.",
            ("proposal", "result", "direction"),
        ),  # 3, then 2 and 2 in text order
    ],
)
def test_cue_words_respect_word_boundaries_and_weights(text: str, cues: tuple[str, ...]) -> None:
    assert tag_cues(text) == cues
