"""The glossary: acronyms the text defines, and well-known ones it uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from briefing_studio.analysis import KNOWN_ACRONYMS, acronyms, find_acronyms, split_sections
from briefing_studio.analysis.acronyms import definitions
from briefing_studio.analysis.model import Acronym
from briefing_studio.paths import seed_files
from briefing_studio.sources import SourceDocument
from seed_helpers import GOLD, load_seed, text_source


def acronyms_of(source: SourceDocument) -> list[Acronym]:
    sections, _ = split_sections(source)
    return find_acronyms(sections)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_acronyms_defined_in_the_seed_match_the_gold(name: str) -> None:
    defined = {a.short: a.expansion for a in acronyms_of(load_seed(name)) if a.defined_in_text}
    assert defined == GOLD[name]["acronyms"]


def test_known_acronyms_the_seeds_use_are_explained_from_the_built_in_list() -> None:
    known = {
        name: {a.short for a in acronyms_of(load_seed(name)) if not a.defined_in_text}
        for name in GOLD
    }
    assert known == {
        "ngkt-2024-bac-giang.txt": {"FTA", "UNESCO", "FDI", "OCOP"},
        "ngkt-2025-hoi-nghi-dai-su.txt": {"ODA", "AI", "UAE"},
    }
    for shorts in known.values():
        assert all(KNOWN_ACRONYMS[short] for short in shorts)


def test_each_acronym_lists_the_sections_it_appears_in() -> None:
    source = load_seed("ngkt-2024-bac-giang.txt")
    sections, _ = split_sections(source)
    by_short = {a.short: a for a in find_acronyms(sections)}
    expected = tuple(s.id for s in sections if "CQĐD" in s.text)
    assert by_short["CQĐD"].sections == expected == (sections[2].id, sections[6].id)
    assert by_short["NGKT"].sections[0] == sections[0].id  # where it is defined


def test_acronyms_come_in_order_of_first_appearance() -> None:
    shorts = [a.short for a in acronyms_of(load_seed("ngkt-2024-bac-giang.txt"))]
    assert shorts == ["NGKT", "KT-XH", "FTA", "CQĐD", "UNESCO", "FDI", "OCOP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("công tác ngoại giao kinh tế (NGKT) năm 2024", [("NGKT", "ngoại giao kinh tế")]),
        ("phát triển kinh tế – xã hội (KT-XH) của", [("KT-XH", "kinh tế – xã hội")]),
        ("các cơ quan đại diện (CQĐD) Việt Nam", [("CQĐD", "cơ quan đại diện")]),
        ("Bộ Kế hoạch và Đầu tư (KH&ĐT) cho biết", [("KH&ĐT", "Kế hoạch và Đầu tư")]),
        ("Ủy ban nhân dân (UBND) tỉnh", [("UBND", "Ủy ban nhân dân")]),
        ("quan hệ kinh tế-thương mại (KTTM) tốt", [("KTTM", "kinh tế-thương mại")]),
        ("Hiệp định Thương mại tự do (FTA) mới", []),  # English initials: the built-in list helps
        ("đối tác chủ chốt (Mỹ, Trung Quốc, Nhật Bản…)", []),
        ("khu vực (EU) và", []),  # initials do not match: no definition, maybe a known one
        ("xã hội, (KT-XH)", []),  # the phrase breaks at the comma
        ("nhóm các nền kinh tế (G20)", []),  # digits: a name, not initials
    ],
)
def test_definitions_take_as_many_words_as_the_letters_need(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert definitions(text) == expected


def test_defined_expansion_wins_over_the_built_in_one_and_unknown_shorts_are_ignored() -> None:
    text = "Khu công nghiệp (KCN) Vân Trung đón vốn.\nDự án ABC ở KCN dùng vốn ODA."
    found = {a.short: a for a in acronyms_of(text_source(text))}
    assert set(found) == {"KCN", "ODA"}
    assert found["KCN"].defined_in_text and found["KCN"].expansion == "Khu công nghiệp"
    assert len(found["KCN"].sections) == 2
    assert not found["ODA"].defined_in_text


def test_acronyms_inside_longer_words_do_not_count() -> None:
    text = "Hiệp định EVFTA và FTAs, mã AI-2 và Ai Cập, COVID-19."
    assert {a.short for a in acronyms_of(text_source(text))} == {"EVFTA"}


# Acronyms next to brackets, dashes, dots and each other, in either order of definition.
_TOUCHING = [
    "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) và KOICA (Cơ quan Hợp tác Quốc tế Hàn Quốc) cùng",
    "TP.HCM-x, KT-XH (kinh tế – xã hội), xKOICA (abc def), A.B (Ngân hàng Thế giới) ASEAN.EU",
    "G20 (Nhóm 20 nền kinh tế), WB  (hai dấu cách), EU-ASEAN (Liên minh) và (EU) (ODA) WTO",
    "😀 ASEAN và 𝕏 EU (Liên minh châu Âu) WB",  # offsets count characters
]


def _found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_the_places_tried_give_the_matches_of_finditer() -> None:
    texts = _TOUCHING + [path.read_text(encoding="utf-8") for path in seed_files()]
    shorts = {"KOICA", "EU", "WB", "ASEAN", "TP", "TP.HCM", "KT-XH", "ODA", "G20", "WTO", "A.B"}
    for text in texts:
        expected = _found(acronyms._DEFINED_AFTER.finditer(text))
        assert _found(acronyms._defined_after(text)) == expected
        uses = [m for m in acronyms._ACRONYM.finditer(text) if m.group(0) in shorts]
        assert _found(acronyms._uses(text, shorts)) == _found(uses)
