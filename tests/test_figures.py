"""The figure finder: every numeric fact a secretary would tick, and nothing that is a name."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_studio.analysis.figures import _Found, _without_overlaps, find_figures
from briefing_studio.analysis.model import Figure
from briefing_studio.paths import seeds_dir
from seed_helpers import GOLD

FIELDS = ("surface", "kind", "value", "value_high", "unit", "qualifier", "words")


def seed_sections(name: str) -> list[tuple[str, str]]:
    """The seed's lines as (section id, text): each line is one section."""
    text = unicodedata.normalize("NFC", (seeds_dir() / name).read_text("utf-8"))
    return [(f"s{n}", line) for n, line in enumerate(text.split("\n"))]


def seed_figures(name: str) -> list[tuple[str, Figure]]:
    return [(line, f) for sid, line in seed_sections(name) for f in find_figures(line, sid)]


def as_row(figure: Figure) -> tuple:
    return tuple(getattr(figure, name) for name in FIELDS)


def rows(text: str) -> list[tuple]:
    return [as_row(f) for f in find_figures(text, "x")]


# --- the gold fixture ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GOLD))
def test_secretary_finds_every_gold_figure_of_the_seed(name: str) -> None:
    found = seed_figures(name)
    for line, figure in found:
        assert line[figure.start : figure.end] == figure.surface
    by_surface = {figure.surface: figure for _, figure in found}
    for gold in GOLD[name]["figures"]:
        if gold["kind"] == "date":
            continue
        figure = by_surface.get(gold["surface"])
        assert figure is not None, f"missing {gold['surface']!r}"
        assert as_row(figure) == tuple(gold[k] for k in FIELDS)
        assert type(figure.value) is type(gold["value"])  # 60 stays int, 6 triệu is 6000000.0


@pytest.mark.parametrize("name", sorted(GOLD))
def test_gold_dates_of_the_seed_are_found_as_dates(name: str) -> None:
    found = {(f.surface, f.kind, f.value) for _, f in seed_figures(name)}
    for gold in GOLD[name]["figures"]:
        if gold["kind"] == "date":
            assert (gold["surface"], "date", gold["value"]) in found


@pytest.mark.parametrize("name", sorted(GOLD))
def test_nothing_listed_as_not_a_figure_becomes_one(name: str) -> None:
    for sid, line in seed_sections(name):
        figures = find_figures(line, sid)
        for not_figure in GOLD[name]["not_figures"]:
            start = line.find(not_figure)
            while start != -1:
                end = start + len(not_figure)
                for f in figures:
                    assert f.surface != not_figure
                    # A figure may hold an acronym as its modifier ("hơn 700 hoạt động NGKT"),
                    # but never reach into it or sit inside it (digits of the URL).
                    if f.start < end and start < f.end:
                        assert f.start <= start and end <= f.end, (f.surface, not_figure)
                start = line.find(not_figure, end)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_figures_of_a_section_are_numbered_in_order_and_never_overlap(name: str) -> None:
    for sid, line in seed_sections(name):
        figures = find_figures(line, sid)
        assert [f.id for f in figures] == [f"{sid}/f{n}" for n in range(1, len(figures) + 1)]
        assert all(f.section == sid for f in figures)
        for before, after in itertools.pairwise(figures):
            assert before.end <= after.start


def test_the_seed_url_holds_no_figure() -> None:
    name = "ngkt-2024-bac-giang.txt"
    for sid, line in seed_sections(name):
        url_start = line.find("https://")
        if url_start != -1:
            assert all(f.end <= url_start for f in find_figures(line, sid))


# --- conventions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dot groups thousands, comma is the decimal mark, leading zeros are plain
        (
            "doanh thu ước đạt 4.814 tỷ đồng",
            ("4.814 tỷ đồng", "money", 4814e9, None, "đồng", None, False),
        ),
        ("vốn 12,4 tỷ USD", ("12,4 tỷ USD", "money", 12.4e9, None, "USD", None, False)),
        (
            "tập trung vào 05 trọng tâm",
            ("05 trọng tâm", "count", 5, None, "trọng tâm", None, False),
        ),
        ("3 nghìn tỷ đồng", ("3 nghìn tỷ đồng", "money", 3e12, None, "đồng", None, False)),
        ("2 ngàn người", ("2 ngàn người", "count", 2000.0, None, "người", None, False)),
        ("3 tỷ 500 triệu đồng", ("3 tỷ 500 triệu đồng", "money", 3.5e9, None, "đồng", None, False)),
    ],
)
def test_vietnamese_number_conventions(text: str, expected: tuple) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tăng trưởng 6,5-7%", ("6,5-7%", "percent", 6.5, 7, "%", None, False)),
        ("tăng trưởng 6,5–7%", ("6,5–7%", "percent", 6.5, 7, "%", None, False)),
        ("từ 5 đến 7 tỷ USD", ("từ 5 đến 7 tỷ USD", "money", 5e9, 7e9, "USD", None, False)),
        (
            "từ 500 triệu đến 1 tỷ đồng",
            ("từ 500 triệu đến 1 tỷ đồng", "money", 5e8, 1e9, "đồng", None, False),
        ),
        ("khoảng 3-5 dự án", ("khoảng 3-5 dự án", "count", 3, 5, "dự án", "khoảng", False)),
    ],
)
def test_ranges_keep_low_and_high_ends(text: str, expected: tuple) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(
    ("text", "qualifier", "surface"),
    [
        ("có hơn 30 quốc gia", "hơn", "hơn 30 quốc gia"),
        ("trên 610 dự án", "trên", "trên 610 dự án"),
        ("trong gần 60 hoạt động", "gần", "gần 60 hoạt động"),
        ("khoảng 28.000 ha", "khoảng", "khoảng 28.000 ha"),
        ("ước 200 tỷ đồng", "ước", "ước 200 tỷ đồng"),
        ("tăng tới 30%", "tới", "tới 30%"),
        ("ước đạt khoảng trên 4.814 tỷ đồng", "khoảng trên", "khoảng trên 4.814 tỷ đồng"),
        ("ước tính khoảng 5 triệu USD", "ước tính khoảng", "ước tính khoảng 5 triệu USD"),
        ("lên tới 50%", "lên tới", "lên tới 50%"),
        ("xấp xỉ 8%", "xấp xỉ", "xấp xỉ 8%"),
        ("ít nhất 10 doanh nghiệp", "ít nhất", "ít nhất 10 doanh nghiệp"),
        ("Hơn 30 quốc gia đã tham dự.", "hơn", "Hơn 30 quốc gia"),
    ],
)
def test_qualifiers_are_kept_as_written(text: str, qualifier: str, surface: str) -> None:
    (figure,) = find_figures(text)
    assert (figure.qualifier, figure.surface) == (qualifier, surface)


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("đạt 500 USD", "money", "USD"),
        ("hỗ trợ 2 triệu đô la Mỹ", "money", "đô la Mỹ"),
        ("viện trợ 3 triệu EUR", "money", "EUR"),
        ("khoản vay 10 tỷ yên", "money", "yên"),
        ("đầu tư 1.000 tỷ won", "money", "won"),
        ("thương mại 5 tỷ nhân dân tệ", "money", "nhân dân tệ"),
        ("giá 50.000 VNĐ", "money", "VNĐ"),
        ("giá 50.000đ", "money", "đ"),
        ("mỗi suất 2 triệu đồng", "money", "đồng"),
        ("tăng 5 phần trăm", "percent", "%"),
        ("giảm 0,5 điểm phần trăm", "percent", "điểm phần trăm"),
        ("trồng 5.000 ha", "measure", "ha"),
        ("khu 100ha", "measure", "ha"),
        ("dài 120 km", "measure", "km"),
        ("rộng 50 km2", "measure", "km2"),
        ("sàn 120m2", "measure", "m2"),
        ("sàn 120 m²", "measure", "m²"),
        ("năng suất 62,5 tạ/ha", "measure", "tạ/ha"),
        ("giá 2.500 USD/tấn", "money", "USD/tấn"),
        ("bể 300 m3", "measure", "m3"),
        ("sản lượng 180.000 tấn", "measure", "tấn"),
        ("mỗi hộ 20 kg", "measure", "kg"),
        ("công suất 600 MW", "measure", "MW"),
        ("3,6 tỷ kWh", "measure", "kWh"),
        ("500 lít", "measure", "lít"),
        ("1,2 triệu TEU", "measure", "TEU"),
        ("trong 5 năm", "measure", "năm"),
    ],
)
def test_money_percent_and_measure_units(text: str, kind: str, unit: str) -> None:
    (figure,) = find_figures(text)
    assert (figure.kind, figure.unit) == (kind, unit)


# --- counted nouns and their modifiers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("gần 60 hoạt động đối ngoại của lãnh đạo", "gần 60 hoạt động đối ngoại", "hoạt động"),
        ("hơn 700 hoạt động NGKT xúc tiến thương mại", "hơn 700 hoạt động NGKT", "hoạt động"),
        ("hơn 400 hoạt động xúc tiến, trong đó", "hơn 400 hoạt động xúc tiến", "hoạt động"),
        ("ký 130 thỏa thuận với các đối tác", "130 thỏa thuận", "thỏa thuận"),
        ("ký 130 thoả thuận với các đối tác", "130 thoả thuận", "thỏa thuận"),  # one spelling
        ("6 di sản thiên nhiên và văn hóa, nâng", "6 di sản thiên nhiên và văn hóa", "di sản"),
        ("trong nhóm 10 tỉnh, thành phố dẫn đầu", "10 tỉnh, thành phố", "tỉnh, thành phố"),
        ("207 xã, phường, thị trấn.", "207 xã, phường, thị trấn", "xã, phường, thị trấn"),
        (
            "với 30 đối tác chiến lược, đối tác toàn diện được nâng tầm",
            "30 đối tác chiến lược, đối tác toàn diện",
            "đối tác",
        ),
        ("hơn 6 triệu người Việt Nam ở nước ngoài", "hơn 6 triệu người Việt Nam", "người"),
        ("50 doanh nghiệp Hàn Quốc và 20 doanh nghiệp", "50 doanh nghiệp Hàn Quốc", "doanh nghiệp"),
        ("12 doanh nghiệp tham gia hội chợ", "12 doanh nghiệp", "doanh nghiệp"),
        ("hơn 18 triệu lượt khách quốc tế đến", "hơn 18 triệu lượt khách quốc tế", "lượt khách"),
        ("tiếp 25 đoàn lãnh đạo cấp cao", "25 đoàn lãnh đạo", "đoàn"),
        ("mở 20 nhà hàng mới", "20 nhà hàng mới", "nhà hàng"),
        (
            "hơn 20 doanh nghiệp và người dân tham gia",
            "hơn 20 doanh nghiệp và người dân",
            "doanh nghiệp và người dân",
        ),
        ("đón 2 đoàn Đại sứ, 3 đoàn doanh nghiệp", "2 đoàn Đại sứ", "đoàn"),
    ],
)
def test_counted_noun_takes_one_short_modifier(text: str, surface: str, unit: str) -> None:
    figures = find_figures(text)
    assert (figures[0].surface, figures[0].kind, figures[0].unit) == (surface, "count", unit)


def test_gold_figures_hold_even_without_the_word_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle that lost underthesea's word list still finds the gold figures."""
    monkeypatch.setattr("briefing_studio.analysis.noun_phrases.two_syllable_words", lambda: None)
    for name in GOLD:
        found = {as_row(f) for _, f in seed_figures(name)}
        for gold in GOLD[name]["figures"]:
            if gold["kind"] != "date":
                assert tuple(gold[k] for k in FIELDS) in found


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "tích cực ký kết các FTA mới, nâng tổng số FTA Việt Nam ký kết và tham gia lên 17.",
            17,
            "FTA",
        ),
        ("UNESCO công nhận thêm 6 di sản, nâng số di sản UNESCO lên 71, góp phần", 71, "di sản"),
        ("nâng tổng số doanh nghiệp trên địa bàn lên hơn 5.000.", 5000, "doanh nghiệp"),
    ],
)
def test_a_bare_number_counts_the_noun_named_earlier_in_the_clause(
    text: str, value: int, unit: str
) -> None:
    last = find_figures(text)[-1]
    assert (last.value, last.unit, last.kind) == (value, unit, "count")


def test_a_bare_number_without_a_counted_noun_is_no_figure() -> None:
    assert find_figures("Kết quả là 17.") == []
    assert find_figures("đứng thứ 17 trên bảng xếp hạng, đạt 44/132") == []


# --- numbers in words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("với bốn đối tác lớn là Mỹ", ("bốn đối tác lớn", "count", 4, None, "đối tác", None, True)),
        (
            "cấp phép ba mươi lăm dự án",
            ("ba mươi lăm dự án", "count", 35, None, "dự án", None, True),
        ),
        ("Năm người bị thương", ("Năm người", "count", 5, None, "người", None, True)),
        (
            "hơn hai nghìn người",
            ("hơn hai nghìn người", "count", 2000.0, None, "người", "hơn", True),
        ),
        ("tăng mười phần trăm", ("mười phần trăm", "percent", 10, None, "%", None, True)),
        ("ký hai văn kiện", ("hai văn kiện", "count", 2, None, "văn kiện", None, True)),
        ("hai người tử vong", ("hai người tử vong", "count", 2, None, "người", None, True)),
    ],
)
def test_numbers_written_in_words_are_figures_before_a_counted_noun(
    text: str, expected: tuple
) -> None:
    assert rows(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "đẩy mạnh tinh thần “ba phát huy” trong ngoại giao kinh tế",
        "NGKT là một động lực quan trọng",
        "để trở thành một chủ thể quan trọng",
        "một số sở, ban, ngành liên quan",
        "hàng trăm doanh nghiệp và hàng nghìn người dân",
        "vài chục dự án",
        "Hai nước nhất trí; hai bên ký kết; quan hệ hai nước",
        "các nước Ba Lan, Séc",
        "Thứ hai, đẩy mạnh hợp tác",
        "năm tháng trôi qua",
    ],
)
def test_number_words_that_are_not_counts_are_left_alone(text: str) -> None:
    assert find_figures(text) == []


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Chiều 20/12, Thủ tướng", "20/12", None),
        ("Chiều tối 2-4, Thủ tướng", "2-4", None),
        ("so với năm 2023.", "năm 2023", 2023),
        ("Từ nửa cuối năm 2023 đến nay", "nửa cuối năm 2023", 2023),
        ("ban hành ngày 20/12/2024", "ngày 20/12/2024", 2024),
        ("trong tháng 12/2024", "tháng 12/2024", 2024),
        ("GDP quý I/2025 tăng", "quý I/2025", 2025),
        ("ngày 15 tháng 3 năm 2025", "ngày 15 tháng 3 năm 2025", 2025),
        ("Năm 2025, tỉnh đề xuất", "Năm 2025", 2025),
        ("họp lúc 9h30 sáng", "9h30", None),
        ("Trong 6 tháng đầu năm 2025, kim ngạch", "6 tháng đầu năm 2025", 2025),
        ("tầm nhìn đến 2045.", "2045", 2045),
    ],
)
def test_dates_are_found_with_their_year(text: str, surface: str, value: int | None) -> None:
    (figure,) = find_figures(text)
    assert (figure.kind, figure.surface, figure.value) == ("date", surface, value)


def test_a_year_span_is_a_date_range() -> None:
    (figure,) = find_figures("trong giai đoạn 2021-2025")
    assert (figure.kind, figure.value, figure.value_high) == ("date", 2021, 2025)


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_high"),
    [
        ("Từ ngày 10 đến 12/3/2025, đoàn làm việc", "ngày 10 đến 12/3/2025", 2025, None),
        ("trong các ngày 10-12/3 tại Seoul", "ngày 10-12/3", None, None),
        ("Từ 10-12/3/2025 đoàn thăm Hàn Quốc", "10-12/3/2025", 2025, None),
        ("từ năm 2021 đến năm 2025", "năm 2021 đến năm 2025", 2021, 2025),
        ("từ năm 2021 đến 2025, tỉnh", "năm 2021 đến 2025", 2021, 2025),
    ],
)
def test_a_span_of_days_or_years_is_one_date(
    text: str, surface: str, value: int | None, value_high: int | None
) -> None:
    (figure,) = find_figures(text)
    assert (figure.kind, figure.surface, figure.value, figure.value_high) == (
        "date",
        surface,
        value,
        value_high,
    )


@pytest.mark.parametrize(
    "text",
    [
        "từ ngày 12 đến 10/3/2025",  # backwards
        "từ ngày 10 đến 32/3/2025",  # no such day
        "từ năm 2025 đến năm 2021",
    ],
)
def test_an_impossible_span_is_not_one_date(text: str) -> None:
    spans = [f.surface for f in find_figures(text)]
    assert all(" đến " not in s for s in spans), spans


def test_year_after_the_word_nam_is_a_date_not_five() -> None:
    assert [(f.kind, f.value) for f in find_figures("trong năm 2024 có năm dự án")] == [
        ("date", 2024),
        ("count", 5),
    ]


def test_a_fraction_is_not_a_date() -> None:
    assert [f.kind for f in find_figures("khoảng 1/3 dân số")] == ["ratio"]
    assert [f for f in find_figures("từ 1-2/3 số hộ") if f.kind == "date"] == []


# --- digits that belong to names and codes ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "đại dịch COVID-19 gây gián đoạn",
        "Covid-19 lan rộng 5 châu",
        "hội nghị G20 tại Ấn Độ",
        "nâng cấp Quốc lộ 1A",
        "Quốc lộ 18 qua tỉnh",
        "theo Nghị định 30/2020/NĐ-CP của Chính phủ",
        "Quyết định số 123/QĐ-TTg ngày",
        "Nghị quyết 24-NQ/TW về",
        "Điều 5 quy định",
        "theo khoản 2 Điều 3 Luật",
        "xem https://bacgiang.gov.vn/tin-tuc/nam-2024/10-du-an.html ngay",
        "www.mofa.gov.vn/2024/5-nuoc",
        "gửi thư tới vanphong2024@bacgiang.gov.vn",
        "Điện thoại: 0204 3854 xxx",
        "Điện thoại: 0204 3854 123",
        "gọi +84 24 3799 2000",
        "hotline 0912.345.678",
        "ra mắt iPhone 15 tại Hà Nội",
        "máy bay A321 của hãng",
        "mạng 5G phủ sóng",
        "tiêu chuẩn khí thải Euro 5 cho xe",
        "Phụ lục 2 kèm theo",
        "đứng thứ 2 thế giới",
    ],
)
def test_digits_inside_names_and_codes_are_never_figures(text: str) -> None:
    assert [f for f in find_figures(text) if f.kind != "date"] == []


def test_a_code_next_to_a_real_figure_leaves_the_figure_alone() -> None:
    text = "Theo Nghị định 30/2020/NĐ-CP, tỉnh có 12 dự án."
    assert [f.surface for f in find_figures(text)] == ["12 dự án"]


# --- real-world sentences -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim ngạch xuất khẩu đạt 405,53 tỷ USD, tăng 14,3% so với năm 2023.",
            [
                ("405,53 tỷ USD", "money", 405.53e9, None, "USD", None, False),
                ("14,3%", "percent", 14.3, None, "%", None, False),
                ("năm 2023", "date", 2023, None, None, None, False),
            ],
        ),
        (
            "Tổng diện tích vải thiều khoảng 28.000 ha, sản lượng ước đạt 180.000 tấn.",
            [
                ("khoảng 28.000 ha", "measure", 28000, None, "ha", "khoảng", False),
                ("180.000 tấn", "measure", 180000, None, "tấn", None, False),
            ],
        ),
        (
            "Tỉnh thu hút 2,5 triệu USD vốn ODA và 500 triệu đồng từ ngân sách.",
            [
                ("2,5 triệu USD", "money", 2.5e6, None, "USD", None, False),
                ("500 triệu đồng", "money", 5e8, None, "đồng", None, False),
            ],
        ),
        (
            "Chính phủ đặt mục tiêu tăng trưởng 6,5-7%, lạm phát khoảng 4–4,5%.",
            [
                ("6,5-7%", "percent", 6.5, 7, "%", None, False),
                ("khoảng 4–4,5%", "percent", 4, 4.5, "%", "khoảng", False),
            ],
        ),
        (
            "Dự kiến vốn đầu tư từ 5 đến 7 tỷ USD trong giai đoạn 2021-2025.",
            [
                ("từ 5 đến 7 tỷ USD", "money", 5e9, 7e9, "USD", None, False),
                ("2021-2025", "date", 2021, 2025, None, None, False),
            ],
        ),
        (
            "Nhà máy có công suất 600 MW, sản lượng 3,6 tỷ kWh mỗi năm.",
            [
                ("600 MW", "measure", 600, None, "MW", None, False),
                ("3,6 tỷ kWh", "measure", 3.6e9, None, "kWh", None, False),
            ],
        ),
        (
            "Thủ tướng đã có 3 chuyến thăm chính thức và tiếp 25 đoàn lãnh đạo cấp cao.",
            [
                ("3 chuyến thăm chính thức", "count", 3, None, "chuyến thăm", None, False),
                ("25 đoàn lãnh đạo", "count", 25, None, "đoàn", None, False),
            ],
        ),
    ],
)
def test_real_world_sentences(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


# --- robustness --------------------------------------------------------------------------------

_PIECES = "tỷ triệu hơn năm bốn người dự_án USD và Việt_Nam số lên Điều ha từ đến trên".split()
_ALPHABET = st.sampled_from([*"0123456789.,-–/%: ()", *(p.replace("_", " ") for p in _PIECES)])


@given(st.lists(_ALPHABET, max_size=40).map(" ".join))
def test_any_text_gives_exact_non_overlapping_spans(text: str) -> None:
    figures = find_figures(text, "p")
    for f in figures:
        assert text[f.start : f.end] == f.surface
    for before, after in itertools.pairwise(figures):
        assert before.end <= after.start


# --- long inputs: work grows with the text, not with its square ---------------------------------

WATCHDOG_S = 75.0  # not a speed target: each input below took minutes when the work was quadratic
# (80 000 figures about two minutes); 75 s leaves a linear run room on a loaded 2-core machine,
# where 30 s timed out once with the machine at load 8

# A child process, because a quadratic int() or regex scan is one C call that holds the GIL: a
# watchdog thread could not stop it, a child can be killed.
_CHILD = """
import json, sys
from briefing_studio.analysis.figures import find_figures
figures = find_figures(sys.stdin.read(), "x")
print(json.dumps([[getattr(f, name) for name in sys.argv[1:]] + [f.start] for f in figures]))
"""


def rows_within(seconds: float, text: str) -> list[tuple]:
    """``rows(text)`` plus each figure's start, from a child killed after ``seconds``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, *FIELDS],
            input=text,
            capture_output=True,
            encoding="utf-8",
            timeout=seconds,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {seconds:.0f} s: the work grows faster than the text")
    return [tuple(row) for row in json.loads(done.stdout)]


@pytest.mark.parametrize(
    "run",
    [
        "1" * 2_000_000,  # took minutes: the whole run was turned into an int
        "1." + "000." * 500_000 + "000",  # the same, grouped
    ],
    ids=["plain", "grouped"],
)
def test_a_megabyte_run_of_digits_is_no_figure_and_the_figure_after_it_is_found(run: str) -> None:
    found = rows_within(WATCHDOG_S, run + " và 12 dự án")
    assert found == [("12 dự án", "count", 12, None, "dự án", None, False, len(run) + 4)]


def test_numbers_longer_than_any_amount_are_no_figures() -> None:
    assert rows("987.654.321.987.654 người") == [
        ("987.654.321.987.654 người", "count", 987654321987654, None, "người", None, False)
    ]
    assert rows("98765432198765432 người") == []  # 17 significant digits: an ID, not a count


def test_a_paragraph_of_80000_figures_finds_every_one() -> None:
    figure = "hơn một trăm nghìn tỷ đồng"  # 80,000 of them took about two minutes
    found = rows_within(WATCHDOG_S, f"{figure} " * 80_000)
    row = (figure, "money", 1e14, None, "đồng", "hơn", True)
    assert found == [(*row, n * (len(figure) + 1)) for n in range(80_000)]


def test_a_paragraph_of_40000_dates_and_percents_finds_every_one() -> None:
    found = rows_within(WATCHDOG_S, "năm 2023 tăng 5% " * 40_000)  # took minutes
    pair = [
        ("năm 2023", "date", 2023, None, None, None, False),
        ("5%", "percent", 5, None, "%", None, False),
    ]
    assert [row[:-1] for row in found] == pair * 40_000


def test_a_long_word_before_an_email_address_does_not_stall_the_finder() -> None:
    text = "x" * 300_000 + " lien.he@mofa.gov.vn có 12 dự án"  # took minutes: "@" made it scan
    found = rows_within(WATCHDOG_S, text)
    assert found == [("12 dự án", "count", 12, None, "dự án", None, False, len(text) - 8)]


def _pairwise_winners(found: list[_Found], blocked: list[tuple[int, int]]) -> list[_Found]:
    """The rule as first written: longest first, each compared with every span taken so far."""
    taken = list(blocked)
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if any(f.start < end and start < f.end for start, end in taken):
            continue
        taken.append((f.start, f.end))
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=25,
)


@given(candidates=_SPANS, blocked=_SPANS)
def test_overlapping_candidates_keep_the_same_winners_as_the_pairwise_rule(
    candidates: list[tuple[int, int]], blocked: list[tuple[int, int]]
) -> None:
    found = [_Found(s, e, "count", n) for n, (s, e) in enumerate(candidates)]
    assert _without_overlaps(found, blocked, 72) == _pairwise_winners(found, blocked)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Tổng vốn 1.000.000.000 đồng.", "1.000.000.000 đồng", 1_000_000_000),
        ("có 1.000.000.000.000 đồng", "1.000.000.000.000 đồng", 1_000_000_000_000),
    ],
)
def test_grouped_money_with_zero_groups_is_not_mistaken_for_a_phone_number(
    text: str, surface: str, value: int
) -> None:
    figures = find_figures(text, "s1")
    assert [(f.surface, f.value, f.kind) for f in figures] == [(surface, value, "money")]
