"""Forms of figures the way ministries and newspapers write them (issue 12), on our own sentences.

Each class is one general rule of the figure finder; the negatives must stay unchanged.
"""

from __future__ import annotations

import pytest

from briefing_studio.analysis.figures import find_figures
from briefing_studio.analysis.kinds import BY_ID


def found(text: str) -> list[tuple]:
    return [
        (f.surface, f.kind, f.value, f.value_high, f.unit, f.qualifier)
        for f in find_figures(text, "x")
    ]


def one(text: str, surface: str) -> tuple:
    """The figure whose surface is ``surface`` (fails if there is none)."""
    rows = [row for row in found(text) if row[0] == surface]
    assert rows, f"{surface!r} not found in {found(text)}"
    return rows[0]


def surfaces(text: str) -> list[str]:
    return [row[0] for row in found(text)]


# --- multiplicatives and fractions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Kim ngạch năm nay tăng gấp ba so với năm trước.", "gấp ba", 3, "lần"),
        ("Sản lượng cà phê tăng gấp mười lần sau hai thập kỷ.", "gấp mười lần", 10, "lần"),
        ("Lượng khách quốc tế đến tỉnh tăng gấp đôi.", "gấp đôi", 2, "lần"),
        ("Vốn đăng ký mới tăng gấp rưỡi cùng kỳ.", "gấp rưỡi", 1.5, "lần"),
        ("Giá trị xuất khẩu tăng gấp 2,5 lần năm 2020.", "gấp 2,5 lần", 2.5, "lần"),
        ("Năng suất lúa cao gấp hai lần rưỡi bình quân.", "gấp hai lần rưỡi", 2.5, "lần"),
    ],
)
def test_multiplicatives_are_ratios(text: str, surface: str, value: float, unit: str) -> None:
    row = one(text, surface)
    assert row[1:5] == ("ratio", value, None, unit)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Khoảng một phần ba số hộ nghèo đã thoát nghèo.", "Khoảng một phần ba", 1 / 3),
        ("Hai phần năm diện tích rừng là rừng phòng hộ.", "Hai phần năm", 2 / 5),
        ("Hơn một nửa số doanh nghiệp có lãi.", "Hơn một nửa", 0.5),
        ("Gần nửa số xã đạt chuẩn nông thôn mới.", "Gần nửa", 0.5),
        ("Đã có 3/4 số hộ dùng nước sạch.", "3/4", 0.75),
    ],
)
def test_fractions_are_ratios(text: str, surface: str, value: float) -> None:
    row = one(text, surface)
    assert row[1] == "ratio"
    assert row[2] == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "Ông gấp ba lá thư lại.",  # gấp = to fold, no number after it
        "Nửa cuối năm 2023 kinh tế phục hồi.",  # a period: the date wins
        "Ngày 3/4 đoàn lên đường.",  # a date, not three quarters
        "Một phần quà được trao cho các cháu.",  # "phần quà", no fraction
        "Mức tăng 2 phần trăm là thấp.",  # percent, not a fraction
    ],
)
def test_not_ratios(text: str) -> None:
    assert all(row[1] != "ratio" for row in found(text))


def test_ratio_kind_is_in_the_table_of_kinds() -> None:
    assert BY_ID["ratio"].label_vi == "tỷ số"


# --- English-style amounts inside quoted foreign text ---------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ('Báo cáo ghi "a loan of US$2.3 billion" cho dự án.', "US$2.3 billion", 2.3e9, "US$"),
        ('Hiệp định nêu "JPY 15,000 million" vốn vay ODA.', "JPY 15,000 million", 1.5e10, "JPY"),
        ('Khoản tài trợ "EUR 640.5 million" đã được ký.', "EUR 640.5 million", 640.5e6, "EUR"),
        ('Theo tài liệu "USD 1,250,000" cho giai đoạn đầu.', "USD 1,250,000", 1250000, "USD"),
        ('Quỹ cam kết "2.5 billion USD" cho khu vực.', "2.5 billion USD", 2.5e9, "USD"),
    ],
)
def test_english_amounts(text: str, surface: str, value: float, unit: str) -> None:
    row = one(text, surface)
    assert row[1] == "money"
    assert row[2] == pytest.approx(value)
    assert row[4] == unit


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Dự án có tổng vốn 15,5 triệu USD.", "15,5 triệu USD", 15.5e6),
        ("Giá trị hợp đồng là 1.250 tỷ đồng.", "1.250 tỷ đồng", 1.25e12),
        ("Doanh nghiệp nộp ngân sách USD 15.000 mỗi năm.", "15.000", None),
    ],
)
def test_vietnamese_amounts_unaffected(text: str, surface: str, value: float | None) -> None:
    if value is None:  # "USD 15.000": the Vietnamese reading, fifteen thousand
        assert any(row[2] == 15000 for row in found(text))
    else:
        assert one(text, surface)[2] == pytest.approx(value)


# --- rates keep their denominator ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "kind", "unit"),
    [
        ("Thu nhập đạt 52 triệu đồng/hộ.", "52 triệu đồng/hộ", "money", "đồng/hộ"),
        ("Bảo tàng đón 1.200 lượt/ngày.", "1.200 lượt/ngày", "count", "lượt/ngày"),
        (
            "Thu nhập bình quân 4.700 USD/người/năm.",
            "4.700 USD/người/năm",
            "money",
            "USD/người/năm",
        ),
        ("Giá điện 2.100 đồng/kWh.", "2.100 đồng/kWh", "money", "đồng/kWh"),
        ("Mỗi xã hỗ trợ 300 triệu đồng/xã/năm.", "300 triệu đồng/xã/năm", "money", "đồng/xã/năm"),
        ("Tàu chạy 12 chuyến/tuần.", "12 chuyến/tuần", "count", "chuyến/tuần"),
    ],
)
def test_rates_keep_denominator(text: str, surface: str, kind: str, unit: str) -> None:
    assert one(text, surface)[1:2] + one(text, surface)[4:5] == (kind, unit)


def test_slash_between_alternatives_is_no_denominator() -> None:
    # "doanh nghiệp/hợp tác xã" lists two kinds of unit; "hợp" is no denominator
    assert one("Có 30 doanh nghiệp/hợp tác xã tham gia.", "30 doanh nghiệp")[4] == "doanh nghiệp"


# --- qualifier after an opening bracket ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("Tăng trưởng 7,1% (trên 12% so với cùng kỳ).", "trên 12%", "trên"),
        ("Vốn FDI tăng (gần 3 tỷ USD giải ngân).", "gần 3 tỷ USD", "gần"),
        ("Xuất khẩu [khoảng 40 triệu tấn] gạo.", "khoảng 40 triệu tấn", "khoảng"),
        ("Khách quốc tế (hơn 200 nghìn lượt) đến tỉnh.", "hơn 200 nghìn lượt", "hơn"),
    ],
)
def test_qualifier_after_bracket(text: str, surface: str, qualifier: str) -> None:
    assert one(text, surface)[5] == qualifier


# --- counts need a counted noun phrase, known or not -----------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Đoàn gồm 4 tùy viên quân sự.", "4 tùy viên quân sự", 4, "tùy viên"),
        ("Hội nghị có 12 chuyên gia.", "12 chuyên gia", 12, "chuyên gia"),
        ("Tỉnh có 3 phó chủ tịch.", "3 phó chủ tịch", 3, "phó chủ tịch"),
        ("Ngành da giày xuất khẩu 138 triệu đôi giày.", "138 triệu đôi giày", 138e6, "đôi"),
        ("Bộ Y tế tiếp nhận 2 triệu liều vắc-xin.", "2 triệu liều vắc-xin", 2e6, "liều"),
        ("Thành phố có 9 triệu dân.", "9 triệu dân", 9e6, "dân"),
        ("Có 25 thẩm phán và 40 kiểm sát viên tham dự.", "40 kiểm sát viên", 40, "kiểm sát viên"),
    ],
)
def test_counted_noun_phrases(text: str, surface: str, value: float, unit: str) -> None:
    row = one(text, surface)
    assert row[1:5] == ("count", value, None, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        (
            "Số người dùng tăng từ 12 triệu năm 2010 lên 33 triệu người năm 2020.",
            "12 triệu",
            "33 triệu người",
        ),
        ("Diện tích tăng từ 2.000 lên 3.500 ha.", "2.000", "3.500 ha"),
        ("Giá giảm từ 15 xuống còn 9 triệu đồng.", "15", "9 triệu đồng"),
    ],
)
def test_elided_noun_takes_the_later_one(text: str, low: str, high: str) -> None:
    first, second = one(text, low), one(text, high)
    assert first[1] == second[1] != "date"
    assert first[4] == second[4]


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết có hiệu lực từ năm 2020 đến 2025 theo quy định.",
        "Từ 2 giờ chiều đến 5 giờ chiều.",
    ],
)
def test_elision_leaves_dates_alone(text: str) -> None:
    assert all(row[1] in ("date", "measure") for row in found(text))


# --- ranges with the unit on both ends --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("Lạm phát ở mức 6,5% - 7%/năm.", "6,5% - 7%/năm", 6.5, 7, "%/năm"),
        ("Cần 15 - 20 tỷ USD.", "15 - 20 tỷ USD", 15e9, 20e9, "USD"),
        ("Cần 15 tỷ USD – 20 tỷ USD.", "15 tỷ USD – 20 tỷ USD", 15e9, 20e9, "USD"),
        ("Tăng trưởng 6% đến 6,5%.", "6% đến 6,5%", 6, 6.5, "%"),
        ("Diện tích 3 ha - 5 ha mỗi hộ.", "3 ha - 5 ha", 3, 5, "ha"),
    ],
)
def test_ranges_with_two_units(text: str, surface: str, low: float, high: float, unit: str) -> None:
    row = one(text, surface)
    assert row[2:5] == (low, high, unit)


def test_different_units_are_two_figures() -> None:
    assert surfaces("Đạt 6% - 20 tỷ USD.") == ["6%", "20 tỷ USD"]


# --- not figures, or not what they look like -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "high"),
    [
        ("Trong 5 tháng đầu năm, xuất khẩu tăng.", "5 tháng đầu năm", None, None),
        ("Trong 6 tháng năm 2017, xuất khẩu tăng.", "6 tháng năm 2017", 2017, None),
        ("Trong 9 tháng năm nay, xuất khẩu tăng.", "9 tháng năm nay", None, None),
        ("Kế hoạch 2026–2030 phát triển du lịch.", "2026–2030", 2026, 2030),
        ("Giai đoạn 2021-2025 đã hoàn thành.", "2021-2025", 2021, 2025),
    ],
)
def test_periods_are_dates(text: str, surface: str, value: int | None, high: int | None) -> None:
    assert one(text, surface)[1:4] == ("date", value, high)


def test_a_duration_stays_a_measure() -> None:
    assert one("Dự án kéo dài 6 tháng.", "6 tháng")[1] == "measure"


@pytest.mark.parametrize(
    "text",
    [
        "Xem baochinhphu.vn/tin-tuc%2F2024%2Fbai-viet để biết thêm.",
        "Đường dẫn: /search?q=kinh%20te%2050 trên cổng.",
    ],
)
def test_percent_encoding_is_no_percentage(text: str) -> None:
    assert all(row[1] != "percent" for row in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hai nền kinh tế bổ trợ lẫn nhau.",
        "Ba động lực tăng trưởng được xác định.",
        "Đây là hai trụ cột của quan hệ.",
        "Nghị quyết nêu ba đột phá chiến lược.",
    ],
)
def test_small_number_words_before_generic_nouns(text: str) -> None:
    assert found(text) == []


def test_digits_before_generic_nouns_are_counts() -> None:
    assert one("Việt Nam có quan hệ với 193 nền kinh tế.", "193 nền kinh tế")[1] == "count"


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh triển khai Đề án 1 triệu héc-ta lúa chất lượng cao.",
        'Doanh nghiệp lọt "Top 50 doanh nghiệp tiêu biểu" năm nay.',
        "Đài phát sóng Chương trình 30 phút cùng doanh nghiệp hằng tuần.",
        "Tỉnh hưởng ứng Cuộc thi 10 ý tưởng sáng tạo.",
    ],
)
def test_numbers_inside_proper_names(text: str) -> None:
    assert all(row[1] == "date" for row in found(text))


def test_lower_case_noun_before_a_number_is_no_name() -> None:
    assert one("Mỗi đề án 500 triệu đồng.", "500 triệu đồng")[1] == "money"
