"""The gazetteer: a secretary's counterpart and the names in her sources, without any model."""

from __future__ import annotations

import pytest

from briefing_studio.analysis.gazetteer import Gazetteer, gazetteer
from briefing_studio.paths import seed_files


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


def keys_in(g: Gazetteer, text: str) -> list[str]:
    return [entry.key for _, _, entry in g.find_places(text)]


def surfaces_in(g: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], entry.key) for start, end, entry in g.find_places(text)]


# ---- provinces and the 2025 merger --------------------------------------------------------


def test_gazetteer_has_63_units_before_and_34_after_the_2025_merger(g: Gazetteer) -> None:
    before = g.provinces()
    after = g.provinces(current_only=True)
    assert len(before) == 63
    assert len(after) == 34
    assert len({p.key for p in before}) == 63
    merged = [p for p in before if not p.current]
    assert len(merged) == 29
    current_keys = {p.key for p in after}
    assert all(p.merged_into in current_keys for p in merged)


def test_every_old_unit_is_part_of_exactly_one_new_unit(g: Gazetteer) -> None:
    owners: dict[str, list[str]] = {}
    for new in g.provinces(current_only=True):
        assert new.key in new.parts
        for part in new.parts:
            owners.setdefault(part, []).append(new.key)
    assert set(owners) == {p.key for p in g.provinces()}
    assert all(len(new_units) == 1 for new_units in owners.values())
    for old in g.provinces():
        assert g.successor(old.key) == owners[old.key][0]


@pytest.mark.parametrize(
    ("new", "parts"),
    [
        ("bac-ninh", {"bac-ninh", "bac-giang"}),
        ("phu-tho", {"phu-tho", "vinh-phuc", "hoa-binh"}),
        ("ninh-binh", {"ninh-binh", "ha-nam", "nam-dinh"}),
        ("ho-chi-minh", {"ho-chi-minh", "binh-duong", "ba-ria-vung-tau"}),
        ("lam-dong", {"lam-dong", "dak-nong", "binh-thuan"}),
        ("can-tho", {"can-tho", "soc-trang", "hau-giang"}),
        ("quang-ngai", {"quang-ngai", "kon-tum"}),
        ("hue", {"hue"}),
        ("ha-noi", {"ha-noi"}),
    ],
)
def test_new_provinces_are_made_of_the_units_resolution_202_names(
    g: Gazetteer, new: str, parts: set[str]
) -> None:
    assert set(g.get(new).parts) == parts  # type: ignore[union-attr]


def test_related_keys_cross_the_merger_both_ways(g: Gazetteer) -> None:
    assert g.related_keys("bac-ninh") == {"bac-ninh", "bac-giang"}
    assert g.related_keys("bac-giang") == {"bac-giang", "bac-ninh"}
    assert g.related_keys("KR") == {"KR"}
    assert "bo-ke-hoach-va-dau-tu" in g.related_keys("bo-tai-chinh")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Dự tại điểm cầu tỉnh Bắc Giang có đại diện", "bac-giang"),
        ("UBND tỉnh Hoà Bình và tỉnh Hòa Bình", "hoa-binh"),
        ("Thừa Thiên Huế", "hue"),
        ("tỉnh Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
        ("tỉnh Bà Rịa-Vũng Tàu", "ba-ria-vung-tau"),
        ("TP.HCM", "ho-chi-minh"),
        ("TP. Hồ Chí Minh", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("thành phố Hải Phòng", "hai-phong"),
        ("Đắc Lắc", "dak-lak"),
        ("Kontum", "kon-tum"),
        ("BẮC GIANG", "bac-giang"),
    ],
)
def test_province_spellings_official_texts_use(g: Gazetteer, text: str, key: str) -> None:
    assert key in keys_in(g, text)


# ---- countries and regions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Ô-xtrây-li-a", "AU"),
        ("Úc", "AU"),
        ("Australia", "AU"),
        ("Hoa Kỳ", "US"),
        ("Mỹ", "US"),
        ("Hợp chủng quốc Hoa Kỳ", "US"),
        ("Đại Hàn Dân Quốc", "KR"),
        ("Triều Tiên", "KP"),
        ("Liên bang Nga", "RU"),
        ("Thụy Sỹ", "CH"),
        ("Thuỵ Sĩ", "CH"),
        ("Cộng hòa Séc", "CZ"),
        ("Niu Di-lân", "NZ"),
        ("Các Tiểu vương quốc Ả-rập Thống nhất", "AE"),
        ("UAE", "AE"),
        ("Xinh-ga-po", "SG"),
        ("Ả-rập Xê-út", "SA"),
        ("I-ta-li-a", "IT"),
        ("Vương quốc Anh", "GB"),
        ("South Korea", "KR"),
        ("han quoc", "KR"),
        ("kr", "KR"),
    ],
)
def test_lookup_finds_a_country_by_any_of_its_names(g: Gazetteer, alias: str, code: str) -> None:
    entry = g.lookup(alias)
    assert entry is not None and entry.key == code and entry.kind == "country"


def test_my_latinh_is_a_region_not_the_united_states(g: Gazetteer) -> None:
    text = "Với các thị trường như khu vực Mỹ Latinh, Trung Đông – Châu Phi, Trung Đông Âu"
    assert keys_in(g, text) == [
        "latin-america",
        "middle-east",
        "africa",
        "central-eastern-europe",
    ]
    region = g.lookup("Mỹ Latinh")
    assert region is not None and region.kind == "place"


def test_lead_paragraph_countries_with_their_offsets(g: Gazetteer) -> None:
    text = (
        "chuyến thăm của Thủ tướng Chính phủ tới Ấn Độ, Ô-xtrây-li-a, New Zealand, Hàn Quốc, Nga…;"
    )
    assert surfaces_in(g, text) == [
        ("Ấn Độ", "IN"),
        ("Ô-xtrây-li-a", "AU"),
        ("New Zealand", "NZ"),
        ("Hàn Quốc", "KR"),
        ("Nga", "RU"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bà Nguyễn Thị Nga phát biểu",  # a woman named Nga, not Russia
        "chị Nga cho biết",
        "ca sĩ Mỹ Linh biểu diễn ở Mỹ Đình",
        "Mỹ phẩm là mặt hàng chủ lực",
        "Anh ấy nói rằng Pháp luật cần nghiêm",
        "xây dựng nền hòa bình bền vững",
        "Ai cập nhật thông tin?",
        "thấm nhuần tư tưởng Chủ tịch Hồ Chí Minh",
        "phong tặng danh hiệu Anh hùng Lao động",
        "Ca-ta-lô-ni-a",
        "Hàn gắn quan hệ",  # "Hàn" alone is too ambiguous to be Korea
    ],
)
def test_words_that_only_look_like_places_are_not_places(g: Gazetteer, text: str) -> None:
    assert keys_in(g, text) == []


def test_ambiguous_short_names_count_where_context_makes_them_countries(g: Gazetteer) -> None:
    assert keys_in(g, "quả bưởi xuất khẩu sang Nga") == ["RU"]
    assert keys_in(g, "Anh, Pháp, Đức là đối tác lớn") == ["GB", "FR", "DE"]
    assert keys_in(g, "Thủ tướng Anh và Tổng thống Mỹ Joe Biden") == ["GB", "US"]
    assert keys_in(g, "các đối tác chủ chốt (Mỹ, Trung Quốc, Nhật Bản…)") == ["US", "CN", "JP"]


def test_longest_match_wins(g: Gazetteer) -> None:
    assert keys_in(g, "Thái Bình Dương") == ["pacific"]
    assert keys_in(g, "tỉnh Thái Bình") == ["thai-binh"]
    assert keys_in(g, "Lào Cai và Lào") == ["lao-cai", "LA"]
    assert keys_in(g, "Đài Loan (Trung Quốc)") == ["TW"]


def test_one_syllable_partner_after_viet(g: Gazetteer) -> None:
    assert keys_in(g, "quan hệ Việt – Hàn, Việt-Trung và Việt - Nhật") == ["KR", "CN", "JP"]


# ---- organisations and titles -------------------------------------------------------------


def test_ministries_agencies_and_international_organisations(g: Gazetteer) -> None:
    text = (
        "Bộ Ngoại giao, bộ Ngoại giao, Bộ Công thương, Bộ KH&ĐT, Sở Ngoại vụ, các cơ quan đại "
        "diện (CQĐD), UNESCO, Liên hợp quốc, Liên minh châu Âu (EU), Quốc hội"
    )
    assert keys_in(g, text) == [
        "bo-ngoai-giao",
        "bo-ngoai-giao",
        "bo-cong-thuong",
        "bo-ke-hoach-va-dau-tu",
        "so-ngoai-vu",
        "co-quan-dai-dien",
        "co-quan-dai-dien",
        "unesco",
        "un",
        "eu",
        "eu",
        "quoc-hoi",
    ]
    planning = g.get("bo-ke-hoach-va-dau-tu")
    assert planning is not None and planning.merged_into == "bo-tai-chinh"


def test_a_prime_ministers_title_is_not_the_government(g: Gazetteer) -> None:
    text = "Thủ tướng Chính phủ Phạm Minh Chính đánh giá cao điều hành của Chính phủ"
    assert keys_in(g, text) == ["chinh-phu"]
    assert [text[s:e] for s, e, _ in g.find_titles(text)] == ["Thủ tướng Chính phủ"]


def test_seed_texts_scan_quickly_and_spans_point_at_the_names(g: Gazetteer) -> None:
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        for start, end, entry in g.find_places(text):
            surface = text[start:end]
            assert surface.strip() == surface
            assert g.lookup(surface) is not None or entry.kind == "organization"


# ---- the counterpart combo ----------------------------------------------------------------


def test_counterpart_choices_offer_countries_new_provinces_and_former_ones(g: Gazetteer) -> None:
    choices = g.counterpart_choices()
    by_key = {c.key: c for c in choices}
    assert by_key["KR"].name == "Hàn Quốc" and by_key["KR"].kind == "country"
    assert "VN" not in by_key
    provinces = [c for c in choices if c.kind == "province"]
    assert len(provinces) == 63
    assert by_key["bac-ninh"].name == "Bắc Ninh"
    assert by_key["bac-giang"].name == "Bắc Giang (cũ)"
    former = [c for c in provinces if c.name.endswith("(cũ)")]
    assert len(former) == 29
    kinds = [c.kind for c in choices]
    assert kinds.index("province") > max(i for i, k in enumerate(kinds) if k == "country")
    assert g.lookup(by_key["bac-giang"].name).key == "bac-giang"  # type: ignore[union-attr]


def test_counterpart_choices_in_english(g: Gazetteer) -> None:
    by_key = {c.key: c for c in g.counterpart_choices("en")}
    assert by_key["KR"].name == "South Korea"
    assert by_key["bac-giang"].name == "Bac Giang (former)"
    assert by_key["ho-chi-minh"].name == "Ho Chi Minh City"


# ---- country names are ours, not the installed CLDR's ------------------------------------


@pytest.mark.parametrize(
    "cldr",
    [
        {},  # no CLDR names at all
        {"AU": ("Australia",), "IT": ("Italy",)},  # as Babel 2.17 names them
        {"AU": ("Úc",), "IT": ("Ý",), "CQ": ("Sark",)},  # as Babel 2.19 names them, plus a new code
    ],
)
def test_country_names_do_not_change_with_the_installed_cldr(
    monkeypatch: pytest.MonkeyPatch, g: Gazetteer, cldr: dict[str, tuple[str]]
) -> None:
    from briefing_studio.analysis import gazetteer as module

    monkeypatch.setattr(module, "_cldr_territories", lambda: cldr)
    other = Gazetteer()
    assert [(e.key, e.name, e.name_en) for e in other.countries()] == [
        (e.key, e.name, e.name_en) for e in g.countries()
    ]
    australia = other.get("AU")
    assert (australia.name, australia.name_en) == ("Ô-xtrây-li-a", "Australia")
    assert other.lookup("Úc") is australia and other.lookup("Australia") is australia
    assert other.get("CQ") is None  # a code CLDR adds later is not a new country
    for name in cldr.get("IT", ()):  # what the installed CLDR calls a country is an alias
        assert other.lookup(name).key == "IT"


def test_every_country_has_a_vietnamese_and_an_english_name(g: Gazetteer) -> None:
    import unicodedata

    countries = g.countries()
    assert len(countries) > 240
    for entry in countries:
        assert entry.name and entry.name_en, entry.key
        assert unicodedata.is_normalized("NFC", entry.name), entry.key
