"""Names and places the way news and ministries write them (issue 12), on our own sentences.

Organisations by head word, acronyms defined in either order, what is not a person, and the
current province a former one now belongs to. The tagger is underthesea's own, as installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.acronyms import find_acronyms
from briefing_studio.analysis.entities import extract_entities
from briefing_studio.analysis.model import Analysis, Entity, Metadata, Section
from briefing_studio.analysis.ner_cache import NerCache
from briefing_studio.sources import load_source
from briefing_studio.sources.model import Block, SourceDocument

FIXTURE = Path(__file__).parent / "fixtures" / "news_sentences.txt"


@pytest.fixture(autouse=True)
def _user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))


def pasted(*paragraphs: str) -> Analysis:
    source = SourceDocument("", "pasted", "pasted", None, tuple(Block(p) for p in paragraphs))
    sections = [
        Section(f"{source.key}/s{i}", i, "paragraph", text, 0, ((0, len(text)),))
        for i, text in enumerate(paragraphs)
    ]
    return Analysis(source, Metadata(), sections, [], find_acronyms(sections))


def rules(*paragraphs: str) -> list[Entity]:
    """The instant pass only: gazetteer and rules, no tagger."""
    return extract_entities(pasted(*paragraphs), use_ner=False)


def tagged(tmp_path: Path, *paragraphs: str) -> list[Entity]:
    return extract_entities(pasted(*paragraphs), cache=NerCache(tmp_path / "ner.jsonl"))


def names(entities: list[Entity], kind: str) -> list[str]:
    return [e.name for e in entities if e.kind == kind]


# --- organisations, whole -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Đoàn đã làm việc với Đại sứ quán Ô-xtrây-li-a tại Hà Nội về giáo dục.",
            "Đại sứ quán Ô-xtrây-li-a tại Hà Nội",
        ),
        (
            "Tổng Lãnh sự quán Hàn Quốc tại Thành phố Hồ Chí Minh đã tổ chức lễ kỷ niệm.",
            "Tổng Lãnh sự quán Hàn Quốc tại Thành phố Hồ Chí Minh",
        ),
        ("Lãnh sự quán Lào tại Đà Nẵng cấp thị thực cho đoàn.", "Lãnh sự quán Lào tại Đà Nẵng"),
        ("Vụ Hợp tác quốc tế phối hợp tổ chức hội thảo.", "Vụ Hợp tác quốc tế"),
        ("Đại diện Cục Quản lý cạnh tranh cho biết như vậy.", "Cục Quản lý cạnh tranh"),
        (
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản cam kết hỗ trợ doanh nghiệp.",
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản",
        ),
        (
            "Hợp tác với Bộ Ngoại giao, Thương mại và Phát triển Ca-na-đa được đẩy mạnh.",
            "Bộ Ngoại giao, Thương mại và Phát triển Ca-na-đa",
        ),
        (
            "Cơ quan Phát triển Quốc tế Hoa Kỳ tài trợ dự án điện mặt trời.",
            "Cơ quan Phát triển Quốc tế Hoa Kỳ",
        ),
    ],
)
def test_organisations_are_whole(text: str, organisation: str) -> None:
    found = rules(text)
    assert organisation in names(found, "organization")
    assert names(found, "person") == []


def test_two_departments_joined_by_and_are_two() -> None:
    found = rules("Vụ Hợp tác quốc tế và Cục Lãnh sự phối hợp tổ chức hội nghị.")
    assert names(found, "organization") == ["Vụ Hợp tác quốc tế", "Cục Lãnh sự"]


def test_the_country_inside_a_mission_stays_mentioned() -> None:
    found = rules("Đại sứ quán Ô-xtrây-li-a tại Hà Nội tổ chức tiệc chiêu đãi.")
    assert "AU" in [e.key for e in found if e.kind == "country"]
    assert "ha-noi" in [e.key for e in found if e.kind == "province"]


@pytest.mark.parametrize(
    ("text", "organisation", "person"),
    [
        (
            "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn phát biểu khai mạc.",
            "Bộ Ngoại giao",
            "Bùi Thanh Sơn",
        ),
        (
            "Cục trưởng Cục Lãnh sự Nguyễn Minh Hằng cho biết thủ tục đã đơn giản hơn.",
            "Cục Lãnh sự",
            "Nguyễn Minh Hằng",
        ),
    ],
)
def test_the_person_after_an_agency_stays_a_person(
    text: str, organisation: str, person: str
) -> None:
    found = rules(text)
    assert names(found, "organization") == [organisation]
    assert names(found, "person") == [person]


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị diễn ra tại Hà Nội trong hai ngày.",  # a head with no name after it
        "Ban tổ chức đã chuẩn bị chu đáo.",
        "Bộ trưởng đánh giá cao kết quả hợp tác.",
    ],
)
def test_no_organisation_without_a_proper_name(text: str) -> None:
    assert names(rules(text), "organization") == []


def test_a_foreign_mission_in_viet_nam_is_not_viet_nams_missions_abroad() -> None:
    found = rules("Cơ quan đại diện Hàn Quốc tại Việt Nam cho biết sẽ tăng chuyến bay.")
    assert "co-quan-dai-dien" not in [e.key for e in found]
    assert "Cơ quan đại diện Hàn Quốc tại Việt Nam" in names(found, "organization")


def test_viet_nams_missions_abroad_are_still_known() -> None:
    found = rules("Các cơ quan đại diện Việt Nam ở nước ngoài hỗ trợ doanh nghiệp.")
    assert "co-quan-dai-dien" in [e.key for e in found]


# --- acronyms in either order -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "short", "expansion"),
    [
        (
            "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) tài trợ dự án.",
            "USAID",
            "Cơ quan Phát triển Quốc tế Hoa Kỳ",
        ),
        (
            "KOICA (Cơ quan Hợp tác Quốc tế Hàn Quốc) đã ký thỏa thuận với tỉnh.",
            "KOICA",
            "Cơ quan Hợp tác Quốc tế Hàn Quốc",
        ),
        (
            "METI (Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản) cho biết.",
            "METI",
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản",
        ),
        (
            "Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) mở văn phòng mới.",
            "JETRO",
            "Tổ chức Xúc tiến Thương mại Nhật Bản",
        ),
        ("PCCC (phòng cháy chữa cháy) được chú trọng.", "PCCC", "phòng cháy chữa cháy"),
    ],
)
def test_acronyms_defined_in_either_order(text: str, short: str, expansion: str) -> None:
    defined = {a.short: a for a in pasted(text).acronyms}
    assert defined[short].expansion == expansion
    assert defined[short].defined_in_text


@pytest.mark.parametrize(
    "text",
    [
        "WTO (năm 2007) đánh dấu bước ngoặt.",  # a date in brackets, no definition
        "Hội nghị (APEC) diễn ra tại Lima.",  # the words before are no name of APEC
        "ABC (xem phụ lục) trình bày chi tiết.",
    ],
)
def test_brackets_that_define_nothing(text: str) -> None:
    assert [a for a in pasted(text).acronyms if a.defined_in_text] == []


# --- not persons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("Đức là đối tác thương mại lớn nhất của Việt Nam tại châu Âu.", "country", "Đức"),
        ("Phát biểu tại Nhà Trắng, Tổng thống Mỹ khẳng định quan hệ.", "place", "Nhà Trắng"),
        ("Tàu cá của ngư dân hoạt động tại Vịnh Bắc Bộ.", "place", "Vịnh Bắc Bộ"),
        ("Ông Lê Văn Thành đi dạo trên phố Tràng Tiền.", "place", "phố Tràng Tiền"),
        ("Washington (Reuters) - Tổng thống Mỹ tuyên bố tăng thuế.", "organization", "Reuters"),
        ("Bắc Kinh (AFP) - Trung Quốc công bố số liệu thương mại.", "organization", "AFP"),
        ("Phnôm Pênh (TTXVN) - Campuchia tổ chức bầu cử.", "place", "Phnôm Pênh"),
    ],
)
def test_not_persons(tmp_path: Path, text: str, kind: str, name: str) -> None:
    found = tagged(tmp_path, text)
    assert name in names(found, kind)
    assert name not in names(found, "person")
    assert all(name not in person for person in names(found, "person"))


def test_a_common_noun_starting_a_sentence_is_no_person(tmp_path: Path) -> None:
    found = tagged(
        tmp_path,
        "Đoàn Séc ký kết thỏa thuận hợp tác với tỉnh.",  # the Czech delegation
        "Đoàn đã đến thăm Bảo tàng Phụ nữ Việt Nam.",
    )
    assert names(found, "person") == []
    assert "CZ" in [e.key for e in found if e.kind == "country"]


def test_a_surname_that_is_also_a_common_noun_still_names(tmp_path: Path) -> None:
    found = tagged(tmp_path, "Đoàn Văn Việt phát biểu tại hội nghị.")
    assert names(found, "person") == ["Đoàn Văn Việt"]


def test_real_people_stay(tmp_path: Path) -> None:
    found = tagged(
        tmp_path,
        "Ông Lê Văn Thành đi dạo trên phố Tràng Tiền.",
        "Ngoại trưởng Đức Annalena Baerbock thăm Việt Nam.",
    )
    assert names(found, "person") == ["Lê Văn Thành", "Annalena Baerbock"]


def test_the_news_fixture_has_only_real_people(tmp_path: Path) -> None:
    """30 news-style sentences: the people list is the five people named, nothing else.

    Before these rules it also held Đức, Washington, Phnôm Pênh and Bắc Kinh.
    """
    analysis = analyze(load_source(FIXTURE))
    found = extract_entities(analysis, cache=NerCache(tmp_path / "ner.jsonl"))
    assert sorted(names(found, "person")) == sorted(
        [
            "Nguyễn Minh Vũ",
            "Andrew Goledzinowski",
            "Trần Quang Phương",
            "Nguyễn Văn Gấu",
            "Lê Văn Thành",
        ]
    )


# --- former provinces say where they belong now ------------------------------------------------


def test_a_former_province_names_its_current_one() -> None:
    found = {e.key: e for e in rules("Năm 2024, tỉnh Bắc Giang thu hút 1,2 tỷ USD vốn FDI.")}
    entity = found["bac-giang"]
    assert entity.name == "Bắc Giang"  # the former name is kept
    assert (entity.merged_into, entity.merged_into_name) == ("bac-ninh", "Bắc Ninh")
    data = entity.to_json()
    assert (data["merged_into"], data["merged_into_name"]) == ("bac-ninh", "Bắc Ninh")


def test_a_current_province_belongs_to_no_other() -> None:
    found = {e.key: e for e in rules("Hà Nội và Bắc Ninh ký kết hợp tác.")}
    assert found["ha-noi"].merged_into is None
    assert found["bac-ninh"].to_json()["merged_into"] is None


def _maintained_province_map() -> dict:
    """underthesea's 2025 province mapping (from vietnamadminunits), shipped in the package."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("underthesea")
    folders = spec.submodule_search_locations if spec else None
    for folder in folders or ():
        path = Path(folder) / "address" / "data" / "mapping.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip("this underthesea ships no province mapping")


def test_the_province_map_agrees_with_the_maintained_dataset() -> None:
    """Every one of the 63 former units maps to the same current unit as the dataset says."""
    from briefing_studio.analysis.gazetteer import gazetteer

    data = _maintained_province_map()
    g = gazetteer()
    old_names = data["old_province_names"]
    new_names = data["province_names"]
    assert len(old_names) == 63 and len(new_names) == 34
    for old, new in data["province_mapping"].items():
        former = g.lookup(old_names[old]["short"])
        current = g.lookup(new_names[new]["short"])
        assert former is not None and current is not None, (old, new)
        assert g.successor(former.key) == current.key, old_names[old]["name"]
    assert {g.successor(e.key) for e in g.provinces()} == {e.key for e in g.provinces(True)}
