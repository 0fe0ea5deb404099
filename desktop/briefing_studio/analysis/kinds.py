"""The one table of figure kinds: what every part of the app needs to know about a kind.

The extractor (``analysis/figures.py``) gives each figure one of these ids; the suggestion
weighs it, the GUI colours and names it, ``briefing analyze`` names it, the ``figure`` filter
writes it, and the templates' reference lists it, all from ``KINDS``. Adding a kind is adding
a row here (plus teaching ``figures.py`` and ``units.py`` to find it); ``Figure`` refuses an id
that is not in the table, so a kind the extractor produces cannot be missing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How the templates' ``figure`` filter writes a value of the kind: ``text`` as in the source
# (dates, "gấp ba", "3/4"), ``money`` with its currency and scale word ("trên 12,4 tỷ USD"),
# ``percent`` ("6,5–7%"), ``number`` as value + unit with a scale word from a million on.
Writing = Literal["text", "money", "percent", "number"]


@dataclass(frozen=True)
class FigureKindInfo:
    """One kind of figure. ``colours`` are HTML colours: pale background (not ticked), strong
    background (ticked), text; ``weight`` is the base score the suggestion gives such a figure."""

    id: str
    label_vi: str
    label_en: str
    colours: tuple[str, str, str]
    weight: float
    writing: Writing
    example: str  # a phrase the extractor reads as this kind (tested; shown in the reference)

    def label(self, language: str = "vi") -> str:
        return self.label_vi if language == "vi" else self.label_en


KINDS: tuple[FigureKindInfo, ...] = (
    FigureKindInfo(
        "money",
        "tiền",
        "money",
        ("#dcf3e0", "#8fd19e", "#1b5e20"),
        3.0,
        "money",
        "trên 12,4 tỷ USD",
    ),
    FigureKindInfo(
        "percent",
        "tỷ lệ",
        "percent",
        ("#dde9fb", "#94b9ef", "#0d3c8c"),
        2.5,
        "percent",
        "tăng 6,5-7%",
    ),
    FigureKindInfo(
        "count",
        "số lượng",
        "count",
        ("#fde9cf", "#f3b76b", "#7a4100"),
        1.5,
        "number",
        "hơn 170 thỏa thuận hợp tác",
    ),
    FigureKindInfo(
        "measure",
        "đo lường",
        "measure",
        ("#d8f1ee", "#84cfc6", "#00574e"),
        1.5,
        "number",
        "1.200 ha",
    ),
    FigureKindInfo(
        "ratio",
        "tỷ số",
        "ratio",
        ("#fbe3ec", "#ef9ab8", "#880e4f"),
        1.0,
        "text",
        "gấp ba",
    ),
    FigureKindInfo(
        "date",
        "thời gian",
        "date",
        ("#ece0fa", "#bf9ae8", "#4a148c"),
        0.3,
        "text",
        "ngày 20/12/2024",
    ),
)

BY_ID: dict[str, FigureKindInfo] = {k.id: k for k in KINDS}
# Figure kinds are the ids of ``KINDS``; ``Figure`` checks its kind against the table.
FigureKind = str


def kind(kind_id: str) -> FigureKindInfo:
    """The row for ``kind_id``; ``KeyError`` names the table when the kind is not in it."""
    try:
        return BY_ID[kind_id]
    except KeyError:
        raise KeyError(
            f"figure kind {kind_id!r} is not in analysis/kinds.py: KINDS ({', '.join(BY_ID)})"
        ) from None
