"""Chosen figures that form a series, and the ``chart`` filter that puts one in a briefing.

A series is two or more chosen figures of the same kind and unit, each about a different year
(a value per year: a line, or bars for two) or a different country or province (bars); shares in
per cent of the same whole that add up to about 100 make a pie ("share"). The template context's
``series`` is the longest one among the chosen figures, so the handout can offer a chart by
default; ``{{ series|chart }}`` or ``{{ some_figures|chart("bar") }}`` writes the markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from briefing_studio.textutil import fold

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TRAILING = re.compile(r"(?:\s+(?:đạt|là|khoảng|hơn|trên|gần|ước|ước đạt|với|có))+\s*$", re.I)
_LEADING_YEAR = re.compile(r"^\s*(?:trong\s+)?năm\s+\d{4}\s*,?\s*", re.I)
MIN_POINTS = 2
MAX_POINTS = 12
SHARE_TOTAL = (95.0, 105.0)  # per cent: shares that make up a whole


def figure_series(figures: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """The longest series among template figure dicts, or None (see the module docstring)."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for item in figures:
        if item.get("kind") in (None, "date", "ratio") or item.get("value") is None:
            continue
        if item.get("value_high") is not None:
            continue
        groups.setdefault((item["kind"], fold(item.get("unit") or "")), []).append(item)
    best: dict[str, Any] | None = None
    for members in groups.values():
        series = _series_of(members)
        if series and (best is None or len(series["labels"]) > len(best["labels"])):
            best = series
    return best


def _series_of(members: list[Mapping[str, Any]]) -> dict[str, Any] | None:
    by_year: dict[int, Mapping[str, Any]] = {}
    by_place: dict[str, Mapping[str, Any]] = {}
    for item in members:
        year = _year_of(item)
        if year is not None:
            by_year.setdefault(year, item)
        place = _place_of(item)
        if place is not None:
            by_place.setdefault(place, item)
    if len(by_year) >= MIN_POINTS and len(by_year) >= len(by_place):
        years = sorted(by_year)[-MAX_POINTS:]
        chosen = [by_year[y] for y in years]
        kind = "line" if len(years) > 2 else "bar"
        label_range = f"{years[0]}–{years[-1]}"
        return _series(kind, [str(y) for y in years], chosen, label_range)
    if len(by_place) >= MIN_POINTS:
        places = list(by_place)[:MAX_POINTS]
        chosen = [by_place[p] for p in places]
        total = sum(float(item["value"]) for item in chosen)
        is_share = chosen[0]["kind"] == "percent" and SHARE_TOTAL[0] <= total <= SHARE_TOTAL[1]
        return _series("share" if is_share else "bar", places, chosen, "")
    return None


def _series(
    kind: str, labels: list[str], chosen: list[Mapping[str, Any]], label_range: str
) -> dict[str, Any]:
    subject = _subject(chosen[0])
    caption = subject + (f" ({label_range})" if label_range else "")
    sources = list(
        dict.fromkeys(str(i.get("source_label") or i.get("source") or "") for i in chosen)
    )
    sources = [s for s in sources if s]
    if sources:
        caption += ". Nguồn: " + "; ".join(sources) + "."
    return {
        "kind": kind,
        "labels": labels,
        "values": [float(i["value"]) for i in chosen],
        "texts": [str(i.get("text") or i.get("surface") or "") for i in chosen],
        "caption": caption,
        "figures": [i.get("id", "") for i in chosen],
    }


def _year_of(item: Mapping[str, Any]) -> int | None:
    """The latest year the figure's sentence names (its own digits left out)."""
    return _sentence_year(str(item.get("sentence") or ""), str(item.get("surface") or ""))


# Kept per text: every render of a briefing asks again for each chosen figure.
@lru_cache(maxsize=4096)
def _sentence_year(sentence: str, surface: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(sentence.replace(surface, " "))]
    return max(years) if years else None


def _place_of(item: Mapping[str, Any]) -> str | None:
    """The first country or province its clause names."""
    return _clause_place(str(item.get("clause") or ""))


@lru_cache(maxsize=4096)
def _clause_place(clause: str) -> str | None:
    from briefing_studio.analysis.gazetteer import gazetteer

    for match in gazetteer().find_places(clause):
        if match.entry.kind in ("country", "province"):
            return match.entry.name
    return None


def _subject(item: Mapping[str, Any]) -> str:
    """What the figures measure, from the first one's clause: "Kim ngạch xuất khẩu của tỉnh";
    for a table cell, from its headers without the year ("Kim ngạch xuất khẩu · 2024")."""
    if item.get("context"):
        parts = [p for p in str(item["context"]).split(" · ") if not _YEAR.fullmatch(p.strip())]
        if parts:
            subject = " · ".join(parts).strip(" ,.;:")
            return subject[:1].upper() + subject[1:]
    clause = str(item.get("clause") or item.get("sentence") or "")
    clause = clause.replace(str(item.get("surface") or ""), " ")
    clause = _LEADING_YEAR.sub("", clause)
    clause = " ".join(clause.split()).strip(" ,.;:")
    clause = _TRAILING.sub("", clause).strip(" ,.;:")
    return clause[:1].upper() + clause[1:] if clause else "Số liệu"


def chart(value: Any, kind: str | None = None, caption: str | None = None) -> Markup:
    """A chart of a series (``series``) or of a list of figures: bars, a line or shares.

    ``kind`` ``bar``, ``line`` or ``share`` overrides the series' own; ``caption`` its caption.
    Nothing when the figures form no series. PDF: vector drawing; DOCX: a 300 dpi image whose
    alt text is the caption and the values. A list works too: ``{{ figures[:4]|chart("bar") }}``,
    and so do a chosen table's figures (their years or places come from its headers):
    ``{% if section.table %}{{ section.figures|chart }}{% endif %}``.
    Dùng / Use: ``{% if series %}{{ series|chart }}{% endif %}``.
    """
    series = value if isinstance(value, Mapping) else figure_series(list(value or []))
    if not series:
        return Markup("")
    data = {
        "kind": kind or series["kind"],
        "labels": list(series["labels"]),
        "values": list(series["values"]),
        "texts": list(series["texts"]),
        "caption": series["caption"] if caption is None else str(caption),
    }
    return Markup('<div class="chart" data-chart="%s"></div>') % json.dumps(
        data, ensure_ascii=False
    )
