"""Reading Vietnamese numbers: `.` thousands, `,` decimals, scale words and number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_studio.analysis.numbers import parse_digits, parse_number_words, parse_vn_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("4.814", 4814),
        ("12,4", 12.4),
        ("05", 5),
        ("1.234.567", 1234567),
        ("1.234,5", 1234.5),
        ("0,5", 0.5),
        ("12.4", 12.4),  # English-style decimal typed into a Vietnamese text
        ("1,234,567", 1234567),  # English thousands: only one comma can be a decimal mark
    ],
)
def test_secretary_sees_digits_read_the_vietnamese_way(written: str, value: float) -> None:
    parsed = parse_vn_number(written)
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("12,4 tỷ", 12_400_000_000.0),
        ("4.814 tỷ", 4_814_000_000_000.0),
        ("6 triệu", 6_000_000.0),
        ("3 nghìn", 3000.0),
        ("3 ngàn", 3000.0),
        ("1,5 nghìn tỷ", 1_500_000_000_000.0),
        ("2 tỉ", 2_000_000_000.0),
    ],
)
def test_scale_words_multiply_and_make_a_float(written: str, value: float) -> None:
    parsed = parse_vn_number(written)
    assert parsed == value
    assert isinstance(parsed, float)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("bốn", 4),
        ("mười", 10),
        ("mười lăm", 15),
        ("mười một", 11),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("ba mươi lăm", 35),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("hai trăm năm mươi", 250),
        ("hai chục", 20),
        ("ba nghìn", 3000.0),
        ("một triệu hai trăm nghìn", 1_200_000.0),
        ("một tỷ hai trăm triệu", 1_200_000_000.0),
        ("ba nghìn tỷ", 3_000_000_000_000.0),
    ],
)
def test_numbers_written_in_words_are_read(written: str, value: float) -> None:
    assert parse_vn_number(written) == value


@pytest.mark.parametrize(
    "written", ["", "COVID-19", "1.2.3", "hai ba", "trăm", "tư", "mươi", "một mươi", "lăm", "abc"]
)
def test_things_that_are_not_one_number_give_none(written: str) -> None:
    assert parse_vn_number(written) is None


def test_a_word_number_stops_before_words_that_cannot_continue_it() -> None:
    assert parse_number_words(["bốn", "đối", "tác"]) == (4, 1, False)
    assert parse_number_words(["hai", "ba", "ngày"]) == (2, 1, False)
    assert parse_number_words(["hai", "mươi", "lăm", "nghìn"]) == (25000, 4, True)
    assert parse_number_words(["hàng", "trăm"]) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_any_whole_number_written_with_dot_thousands_reads_back(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    assert parse_digits(written) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_any_decimal_written_with_a_comma_reads_back(whole: int, tenths: int) -> None:
    assert parse_digits(f"{whole},{tenths:02d}") == pytest.approx(whole + tenths / 100)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("987.654.321.987.654", 987_654_321_987_654),  # 15 significant digits
        ("100.000.000.000.000.000", 10**17),  # six groups, the most there can be
        ("1.000.000.000.000.000", 10**15),
        ("000000000000012", 12),
    ],
)
def test_the_largest_amounts_a_report_states_are_still_read(written: str, value: int) -> None:
    assert parse_digits(written) == value


@pytest.mark.parametrize(
    "written",
    [
        "9.876.543.219.876.543",  # 16 significant digits: an account or serial number
        "1.000.000.000.000.000.000",  # seven groups
        "98765432198765432",
        "1" * 40,  # refused before conversion, which is quadratic in the length
    ],
    ids=["16-significant", "7-groups", "17-digits", "40-digits"],
)
def test_digit_runs_longer_than_any_amount_are_no_number(written: str) -> None:
    assert parse_digits(written) is None
    assert parse_vn_number(written) is None
