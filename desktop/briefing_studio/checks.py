"""The figure check ("Kiểm tra số liệu"): what to look at before a briefing goes out.

Four kinds of item, each naming the places it is about (source title, section, paragraph):

- ``conflict``: two chosen figures from different sources about the same thing (same kind and
  unit, overlapping caption, same year) with different values ("12,4 tỷ USD" and "12,5 tỷ USD");
- ``stale``: a figure from a source dated more than a year before the meeting, or about a year
  older than the latest one the sources give for the same thing;
- ``edited``: a figure whose text the user rewrote in the briefing so that it no longer says the
  source's value;
- ``former-province``: a chosen section naming a province that no longer exists on its own on the
  meeting's date (merger of 1 July 2025) without the province it is now part of.

An item the user accepted is noted in the project (``Briefing.validated``, by ``CheckItem.key``)
and not listed again; the key changes when what it points at changes (values, edited text).
Qt-free: the CLI (``briefing check``) and the GUI's panel both call ``check_briefing``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from briefing_studio.analysis.figures import find_figures
from briefing_studio.analysis.model import Analysis, Figure, Section
from briefing_studio.briefing import Briefing
from briefing_studio.templating.context import MERGER_DATE, figure_contexts, source_label
from briefing_studio.templating.filters import figure as figure_words
from briefing_studio.templating.filters import vn_date
from briefing_studio.textutil import fold
from briefing_studio.workspace import Workspace

CheckCode = Literal["conflict", "stale", "edited", "former-province"]
CODES: tuple[CheckCode, ...] = ("conflict", "stale", "edited", "former-province")

# Words that say nothing about what a figure counts, left out when captions are compared.
_STOP = frozenset(
    fold(w)
    for w in (
        "và của các những được đã đang sẽ là có với cho trong trên hơn gần khoảng đạt "
        "năm tháng ngày từ đến tới này đó một theo về tại như so"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+")
_CAPTION_OVERLAP = 0.5  # share of the shorter caption's words the other one must have
STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class Place:
    """Where an item points: a source's paragraph and, for figures, the figure."""

    source: str  # the source's title
    cite: str  # a short citation of the source: "bacgiang.gov.vn, 20/12/2024"
    section: str  # section id
    paragraph: int  # 1-based position of the section in its source
    text: str  # the figure as written, or the words the item is about
    figure: str | None = None  # figure id

    def label(self, lang: str = "vi") -> str:
        para = "đoạn" if not lang.startswith("en") else "paragraph"
        return f"“{self.text}” — {self.cite}, {para} {self.paragraph} ({self.section})"


@dataclass(frozen=True)
class CheckItem:
    """One thing to look at; ``key`` is what accepting it stores in the project."""

    code: CheckCode
    key: str
    message_vi: str
    message_en: str
    places: tuple[Place, ...]

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang.startswith("en") else self.message_vi


def check_briefing(
    workspace: Workspace,
    briefing: Briefing,
    meeting_date: dt.date | None = None,
    *,
    include_accepted: bool = False,
) -> list[CheckItem]:
    """Every item for the chosen sections and figures, conflicts first; accepted ones left out.

    ``meeting_date`` defaults to the briefing's meeting date, else today.
    """
    on = meeting_date
    if on is None:
        on = dt.date.fromisoformat(briefing.meeting.date) if briefing.meeting.date else None
    on = on or dt.date.today()
    facts = _facts(briefing, workspace)
    items = _conflicts(facts) + _stale(facts, on) + _edited(facts, briefing)
    items += _former_provinces(briefing, workspace, on)
    if include_accepted:
        return items
    accepted = set(briefing.validated)
    return [item for item in items if item.key not in accepted]


def accept(briefing: Briefing, item: CheckItem) -> None:
    """Note in the briefing that the user looked at ``item`` and keeps it as it is."""
    if item.key not in briefing.validated:
        briefing.validated.append(item.key)


@dataclass(frozen=True)
class _Fact:
    """A chosen figure with what the check compares: its caption words, year and source."""

    figure: Figure
    context: dict[str, Any]
    analysis: Analysis
    section: Section
    words: frozenset[str]
    year: int | None

    @property
    def place(self) -> Place:
        return Place(
            source=self.context["source"],
            cite=self.context["source_label"],
            section=self.section.id,
            paragraph=self.section.index + 1,
            text=self.figure.surface,
            figure=self.figure.id,
        )

    def same_thing(self, other: _Fact) -> bool:
        a, b = self.figure, other.figure
        if a.kind != b.kind or fold(a.unit or "") != fold(b.unit or ""):
            return False
        if not self.words or not other.words:
            return False
        shared = len(self.words & other.words)
        return shared >= _CAPTION_OVERLAP * min(len(self.words), len(other.words))


def _facts(briefing: Briefing, workspace: Workspace) -> list[_Fact]:
    figures = [workspace.figure(fid) for fid in briefing.figures]
    ids = [f.id for f in figures if f is not None and f.kind != "date"]
    facts = []
    for fid, context in zip(ids, figure_contexts(workspace, ids), strict=True):
        fig, analysis = workspace.figure(fid), workspace.analysis_of(fid)
        assert fig is not None and analysis is not None  # ids were taken from this workspace
        section = workspace.section(fig.section)
        year = _year(fig, analysis, workspace)
        facts.append(_Fact(fig, context, analysis, section, _caption_words(context), year))
    return facts


def _caption_words(context: dict[str, Any]) -> frozenset[str]:
    """The content words of the figure's clause, its number and qualifier left out."""
    clause = fold(context["clause"] or context["sentence"])
    number = set(_WORD.findall(fold(context["qualifier"] or "")))
    return frozenset(w for w in _WORD.findall(clause) if w not in _STOP and w not in number)


def _year(fig: Figure, analysis: Analysis, workspace: Workspace) -> int | None:
    """The year a figure is about: the latest year its sentence names, else its source's year.

    "tăng 156 tỷ đồng so với năm 2023" in a sentence about 2024 is about 2024.
    """
    section = workspace.section(fig.section)
    assert section is not None  # the figure came from this workspace
    span = next(
        ((a, b) for a, b in section.sentences if a <= fig.start < b), (0, len(section.text))
    )
    years = [
        int(f.value)
        for f in workspace.figures_in(section.id)
        if f.kind == "date"
        and isinstance(f.value, int | float)
        and 1900 <= f.value <= 2100
        and span[0] <= f.start < span[1]
    ]
    if years:
        return max(years)
    date = analysis.metadata.date
    return int(date[:4]) if date else None


def _value_text(fact: _Fact) -> str:
    return figure_words(fact.context) or fact.figure.surface


def _conflicts(facts: list[_Fact]) -> list[CheckItem]:
    items = []
    for i, a in enumerate(facts):
        for b in facts[i + 1 :]:
            if a.analysis.source.key == b.analysis.source.key or a.year != b.year:
                continue
            same_value = (a.figure.value, a.figure.value_high) == (
                b.figure.value,
                b.figure.value_high,
            )
            if same_value or not a.same_thing(b):
                continue
            year_vi = f" năm {a.year}" if a.year else ""
            year_en = f" for {a.year}" if a.year else ""
            cite_a, cite_b = a.context["source_label"], b.context["source_label"]
            items.append(
                CheckItem(
                    "conflict",
                    f"conflict:{a.figure.id}={a.figure.value}|{b.figure.id}={b.figure.value}",
                    f"Số liệu không khớp{year_vi}: “{_value_text(a)}” ({cite_a}) "
                    f"và “{_value_text(b)}” ({cite_b}) nói về cùng một nội dung.",
                    f"Figures disagree{year_en}: “{_value_text(a)}” ({cite_a}) and "
                    f"“{_value_text(b)}” ({cite_b}) speak of the same thing.",
                    (a.place, b.place),
                )
            )
    return items


def _stale(facts: list[_Fact], on: dt.date) -> list[CheckItem]:
    items = []
    for fact in facts:
        date = fact.analysis.metadata.date
        if date and (on - dt.date.fromisoformat(date)).days > STALE_AFTER_DAYS:
            items.append(
                CheckItem(
                    "stale",
                    f"stale-source:{fact.figure.id}@{on.isoformat()[:4]}",
                    f"Số liệu cũ: “{_value_text(fact)}” lấy từ nguồn {vn_date(date)}, hơn một "
                    f"năm trước ngày họp ({vn_date(on)}).",
                    f"Old figure: “{_value_text(fact)}” comes from a source dated {date}, more "
                    f"than a year before the meeting ({on.isoformat()}).",
                    (fact.place,),
                )
            )
            continue
        newer = [
            other
            for other in facts
            if other is not fact
            and fact.year is not None
            and other.year is not None
            and other.year > fact.year
            and fact.same_thing(other)
        ]
        if newer:
            latest = max(newer, key=lambda o: o.year or 0)
            items.append(
                CheckItem(
                    "stale",
                    f"stale-year:{fact.figure.id}<{latest.figure.id}",
                    f"Số liệu cũ: “{_value_text(fact)}” là của năm {fact.year}, trong khi "
                    f"nguồn “{latest.context['source_label']}” có số liệu năm {latest.year} "
                    f"(“{_value_text(latest)}”).",
                    f"Old figure: “{_value_text(fact)}” is for {fact.year}, while the source "
                    f"“{latest.context['source_label']}” has one for {latest.year} "
                    f"(“{_value_text(latest)}”).",
                    (fact.place, latest.place),
                )
            )
    return items


def _edited(facts: list[_Fact], briefing: Briefing) -> list[CheckItem]:
    items = []
    for fact in facts:
        text = briefing.figure_texts.get(fact.figure.id, "").strip()
        if not text or _says_same(text, fact.figure):
            continue
        source = _value_text(fact)
        items.append(
            CheckItem(
                "edited",
                f"edited:{fact.figure.id}={text}",
                f"Số liệu đã sửa: tài liệu ghi “{text}”, nguồn ghi “{source}”.",
                f"Edited figure: the briefing says “{text}”, the source says “{source}”.",
                (fact.place,),
            )
        )
    return items


def _says_same(text: str, fig: Figure) -> bool:
    """True when ``text`` holds a figure of the same value (and unit, when it names one)."""
    for found in find_figures(text):
        if (found.value, found.value_high) != (fig.value, fig.value_high):
            continue
        if found.unit is None or fold(found.unit) == fold(fig.unit or ""):
            return True
    return False


def _former_provinces(briefing: Briefing, workspace: Workspace, on: dt.date) -> list[CheckItem]:
    if on < MERGER_DATE:
        return []
    from briefing_studio.analysis.gazetteer import gazetteer

    g = gazetteer()
    items = []
    for section_id in briefing.section_ids():
        section, analysis = workspace.section(section_id), workspace.analysis_of(section_id)
        if section is None or analysis is None:
            continue
        matches = g.find_places(section.text)
        keys = {m.entry.key for m in matches}
        for match in matches:
            entry = match.entry
            if entry.kind != "province" or not entry.merged_into or entry.merged_into in keys:
                continue
            successor = g.get(entry.merged_into)
            new_name = successor.name if successor else entry.merged_into
            name = section.text[match.start : match.end]
            title = analysis.metadata.title or analysis.source.title or analysis.source.name
            items.append(
                CheckItem(
                    "former-province",
                    f"former:{section_id}:{entry.key}",
                    f"Đoạn văn nhắc “{name}” nhưng không nhắc {new_name}: từ ngày 01/7/2025 "
                    f"{entry.name} thuộc {new_name}.",
                    f"The paragraph names “{name}” but not {new_name}: since 1 July 2025 "
                    f"{entry.name} is part of {new_name}.",
                    (Place(title, source_label(analysis), section_id, section.index + 1, name),),
                )
            )
            keys.add(entry.merged_into)  # one item per former province and section
    return items
