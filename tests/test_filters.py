"""Numbers, money, dates and marked text written the way a Vietnamese ministry writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from briefing_studio.analysis.model import Figure
from briefing_studio.templating import filters


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12.4, "12,4"),
        (4814, "4.814"),
        (1234567, "1.234.567"),
        (0.5, "0,5"),
        (17, "17"),
        (12.456, "12,456"),  # every decimal kept: no silent rounding
        (-3.5, "-3,5"),
    ],
)
def test_numbers_use_dot_for_thousands_and_comma_for_decimals(value: float, expected: str) -> None:
    assert filters.number(value) == expected


def test_number_decimals_can_be_chosen() -> None:
    assert filters.number(12.345, 1) == "12,3"
    assert filters.number(12.7, 0) == "13"


@pytest.mark.parametrize(
    ("value", "unit", "high", "expected"),
    [
        (12_400_000_000, "USD", None, "12,4 tỷ USD"),
        (4_814_000_000_000, "đồng", None, "4.814 tỷ đồng"),
        (156_000_000_000, "đồng", None, "156 tỷ đồng"),
        (25_000_000_000_000, "đồng", None, "25 nghìn tỷ đồng"),
        (350_000_000, "USD", None, "350 triệu USD"),
        (5_000_000_000, "USD", 7_000_000_000, "5–7 tỷ USD"),
        (500_000_000, "USD", 1_200_000_000, "0,5–1,2 tỷ USD"),
        (250_000, "USD", None, "250.000 USD"),
    ],
)
def test_money_takes_its_scale_word_from_the_value(
    value: float, unit: str, high: float | None, expected: str
) -> None:
    assert filters.money(value, unit, high) == expected


def test_percent_and_percent_ranges() -> None:
    assert filters.percent(6.5) == "6,5%"
    assert filters.percent(6.5, 7) == "6,5–7%"


def fig(**fields) -> Figure:
    base = {
        "id": "k/s0/f0",
        "section": "k/s0",
        "start": 0,
        "end": 1,
        "surface": "x",
        "kind": "count",
        "value": 1,
    }
    return Figure(**{**base, **fields})


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (
            fig(
                surface="trên 12,4 tỷ USD", kind="money", value=12.4e9, unit="USD", qualifier="trên"
            ),
            "trên 12,4 tỷ USD",
        ),
        (
            fig(
                surface="khoảng trên 4.814 tỷ đồng",
                kind="money",
                value=4.814e12,
                unit="đồng",
                qualifier="khoảng trên",
            ),
            "khoảng trên 4.814 tỷ đồng",
        ),
        (
            fig(
                surface="hơn 170 thỏa thuận hợp tác", value=170, unit="thỏa thuận", qualifier="hơn"
            ),
            "hơn 170 thỏa thuận",
        ),
        (fig(surface="6,5-7%", kind="percent", value=6.5, value_high=7, unit="%"), "6,5–7%"),
        (fig(surface="1.200 ha", kind="measure", value=1200, unit="ha"), "1.200 ha"),
        (fig(surface="bốn đối tác", value=4, unit="đối tác", words=True), "bốn đối tác"),
        (fig(surface="20/12", kind="date", value=None), "20/12"),
        (fig(surface="gấp 2,5 lần", kind="ratio", value=2.5, unit="lần"), "gấp 2,5 lần"),
        (fig(surface="3/4", kind="ratio", value=0.75), "3/4"),
    ],
)
def test_figure_is_written_out_from_value_unit_and_qualifier(figure: Figure, expected: str) -> None:
    assert filters.figure(figure) == expected
    assert filters.figure(figure.to_json()) == expected  # context dicts work the same


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-12-20", "ngày 20 tháng 12 năm 2024"),
        ("2025-02-05", "ngày 05 tháng 02 năm 2025"),
        (dt.date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
        (dt.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (dt.datetime(2025, 10, 1, 9, 30), "ngày 01 tháng 10 năm 2025"),
        ("", "ngày … tháng … năm …"),
        ("Chiều 20/12", "Chiều 20/12"),
    ],
)
def test_dates_follow_decree_30(date: object, expected: str) -> None:
    assert filters.vn_date(date) == expected  # type: ignore[arg-type]


def test_place_and_date_line() -> None:
    assert filters.place_date("2024-12-20", "Hà Nội") == "Hà Nội, ngày 20 tháng 12 năm 2024"
    assert filters.place_date("2024-12-20", "") == "Ngày 20 tháng 12 năm 2024"


def test_roman_numerals_for_parts() -> None:
    assert [filters.roman(n) for n in (1, 2, 4, 5, 9, 14, 40)] == [
        "I",
        "II",
        "IV",
        "V",
        "IX",
        "XIV",
        "XL",
    ]


def test_upper_case_keeps_vietnamese_marks_and_tags() -> None:
    assert filters.upper_vi("Bộ Ngoại giao – Vụ Tổng hợp kinh tế") == (
        "BỘ NGOẠI GIAO – VỤ TỔNG HỢP KINH TẾ"
    )
    assert filters.upper_vi("đặc biệt") == "ĐẶC BIỆT"
    marked = filters.upper_vi(Markup("<b>ấn tượng</b> &amp; rõ"))
    assert marked == Markup("<b>ẤN TƯỢNG</b> &amp; RÕ")


TEXT = "Toàn tỉnh thu hút trên 610 dự án <b>FDI</b> với vốn trên 12,4 tỷ USD. Thêm câu hai. Câu ba."


def spans(*surfaces: str) -> list[dict]:
    return [{"start": TEXT.index(s), "end": TEXT.index(s) + len(s), "surface": s} for s in surfaces]


def test_chosen_figures_are_bold_and_source_markup_stays_text() -> None:
    marked = filters.mark_figures(TEXT, spans("trên 12,4 tỷ USD"))
    assert isinstance(marked, Markup)
    assert "<b>trên 12,4 tỷ USD</b>" in marked
    assert "&lt;b&gt;FDI&lt;/b&gt;" in marked  # the source's own "<b>" is not markup


@pytest.mark.parametrize("links", [False, True], ids=["export", "preview"])
def test_everything_but_the_bold_tag_is_escaped_in_text_figure_and_id(links: bool) -> None:
    text = "a <x> & \"q\" 12,4 <tỷ> USD 'z'"
    figure = {"start": 13, "end": 25, "surface": "12,4 <tỷ> USD", "id": 'a"/s<1>'}
    token = filters.FIGURE_LINKS.set(links)
    try:
        marked = filters.mark_figures(text, [figure])
    finally:
        filters.FIGURE_LINKS.reset(token)
    bold = '<b data-figure="a&#34;/s&lt;1&gt;">' if links else "<b>"
    assert isinstance(marked, Markup)
    assert marked == f"a &lt;x&gt; &amp; &#34;q&#34; {bold}12,4 &lt;tỷ&gt; USD</b> &#39;z&#39;"


def test_overlapping_or_stale_figure_spans_do_not_break_the_text() -> None:
    figures = [
        *spans("trên 610 dự án"),
        {"start": 14, "end": 20, "surface": "trên 610"},
        {"start": 900, "end": 905, "surface": "12,4 tỷ USD"},
    ]
    marked = filters.mark_figures(TEXT, figures)
    assert marked.count("<b>") == 2
    assert "<b>trên 610 dự án</b>" in marked and "<b>12,4 tỷ USD</b>" in marked


def test_lead_keeps_the_first_sentences_with_their_figures_marked() -> None:
    section = {"text": TEXT, "figures": spans("trên 610 dự án", "Câu ba"), "sentence_spans": []}
    assert filters.lead(section, 1) == Markup(
        "Toàn tỉnh thu hút <b>trên 610 dự án</b> &lt;b&gt;FDI&lt;/b&gt; với vốn trên 12,4 tỷ USD."
    )
    assert filters.lead(section, 2).endswith("Thêm câu hai.")
    assert filters.truncate_sentences(TEXT, 5) == Markup(filters.mark_figures(TEXT))


def test_lead_uses_the_analysis_sentence_spans_when_known() -> None:
    section = {"text": "Một. Hai. Ba.", "figures": [], "sentence_spans": [[0, 4], [5, 9]]}
    assert filters.lead(section, 1) == "Một."


def test_lists_join_the_vietnamese_way() -> None:
    assert filters.join_and(["Mỹ", "Nhật Bản", "Hàn Quốc"]) == "Mỹ, Nhật Bản và Hàn Quốc"
    assert filters.join_and(["Mỹ"]) == "Mỹ"
    assert filters.join_and([]) == ""
