"""Filtering figures by text and value: what the figures table's filter box understands."""

from __future__ import annotations

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Analysis, Figure
from briefing_studio.errors import BriefingError
from briefing_studio.figure_filter import FigureFilter, parse_figure_filter
from briefing_studio.paths import seed_files
from briefing_studio.sources import load_source


def figure(surface: str, value: float | None, unit: str | None = None, kind="money") -> Figure:
    return Figure(
        id="s/p1/f1",
        section="s/p1",
        start=0,
        end=len(surface),
        surface=surface,
        kind=kind,
        value=value,
        unit=unit,
    )


USD = figure("trên 12,4 tỷ USD", 12.4e9, "USD")
DONG = figure("khoảng 4.814 tỷ đồng", 4.814e12, "đồng")
SMALL = figure("300 triệu đồng", 3e8, "đồng")
COUNT = figure("hơn 170 thỏa thuận", 170, None, kind="count")
ALL = [USD, DONG, SMALL, COUNT]


def kept(text: str) -> list[Figure]:
    rule = parse_figure_filter(text)
    return [f for f in ALL if rule.matches(f)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tỷ USD", [USD]),
        ("ty usd", [USD]),  # without diacritics, any case
        ("đồng", [DONG, SMALL]),
        ("> 1 tỷ", [USD, DONG]),
        ("> 1 tỉ", [USD, DONG]),
        ("< 500 triệu", [SMALL, COUNT]),
        ("< 500 trieu", [SMALL, COUNT]),  # typed without a Vietnamese keyboard
        ("> 1 ty usd", [USD]),
        ("< 500 triệu đồng", [SMALL]),
        (">= 12,4 tỷ", [USD, DONG]),
        ("≤ 170", [COUNT]),
        ("= 170", [COUNT]),
        ("> 1.000 tỷ đồng", [DONG]),
        ("  ", ALL),
        ("thỏa thuận", [COUNT]),
    ],
)
def test_filter_reads_words_and_comparisons(text: str, expected: list[Figure]) -> None:
    assert kept(text) == expected


def test_an_empty_filter_is_empty_and_a_comparison_needs_a_number() -> None:
    assert parse_figure_filter("").empty
    assert not parse_figure_filter("> 5").empty
    with pytest.raises(BriefingError) as raised:
        parse_figure_filter("> nhiều")
    assert "1 tỷ" in raised.value.message("vi")
    assert "needs a number" in raised.value.message("en")


def test_a_comparison_skips_figures_without_a_value() -> None:
    assert not FigureFilter(comparison=">", value=0.0).matches(figure("vài tỷ", None))


def test_on_the_seeds_more_than_one_billion_keeps_only_money_above_it() -> None:
    analyses: list[Analysis] = [analyze(load_source(path)) for path in seed_files()]
    figures = [f for a in analyses for f in a.figures]
    rule = parse_figure_filter("> 1 tỷ")
    above = [f for f in figures if rule.matches(f)]
    assert above and all(f.value is not None and f.value > 1e9 for f in above)
    assert any(f.surface.endswith("12,4 tỷ USD") for f in above)
    usd = [f for f in figures if parse_figure_filter("tỷ USD").matches(f)]
    assert usd and all("USD" in f.surface for f in usd)
