"""Which sections and figures a briefing for this counterpart should start from.

The suggestion must be instant (it runs when the secretary picks a counterpart), so it uses
the gazetteer, never NER. Relevance, strongest first: a figure in a sentence that names the
counterpart; a section whose sentences name it (every alias, and across the 2025 province
merger: ``Bắc Ninh`` pulls the ``Bắc Giang`` lines); a sentence that refers back to it
(``toàn tỉnh``, ``nước bạn``) inside such a section; a section under a heading that names it.
Cue words then favour results and proposals over background, and sections with figures.
Without a counterpart only cues and figures count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_studio.analysis.gazetteer import Gazetteer, gazetteer
from briefing_studio.analysis.kinds import kind
from briefing_studio.analysis.model import Figure, Section
from briefing_studio.briefing import Counterpart
from briefing_studio.textutil import fold
from briefing_studio.workspace import Workspace

_CUE_WEIGHTS = {"result": 2.0, "proposal": 2.5, "direction": 1.5}
_CUE_REASONS = {"result": "kết quả", "proposal": "đề xuất", "direction": "chỉ đạo"}
# Tiers keep the order the module docstring promises whatever the cue and figure bonuses add.
_SENTENCE_HIT, _ANAPHOR_HIT, _SECTION_HIT, _HEADING_HIT = 20.0, 18.0, 10.0, 5.0
_MIN_SECTION_SCORE = 3.0
# What a suggestion takes: a table is scored like a paragraph, its rows standing for sentences.
_SUGGESTED_KINDS = frozenset({"paragraph", "table"})
_SHORT_SECTION_WORDS = 8
# Phrases that refer back to the province or country a section has just named.
_ANAPHORS = {
    "province": re.compile(r"\b(?:tỉnh|thành phố|địa phương)\b"),
    "country": re.compile(r"\b(?:nước bạn|phía bạn|hai nước|nước này|quốc gia này)\b"),
}
_NOT_ANAPHOR_BEFORE = re.compile(
    r"(?:\b(?:các|những|nhiều|mỗi|số|nhóm)|\d|\b(?:tỉnh|thành phố),)\s+$"
)
_NOT_ANAPHOR_AFTER = re.compile(r"^(?:\s*,|\s+(?:thành phố|tỉnh)\b)")


@dataclass
class Scored:
    """A section or figure id with its relevance and the reasons shown to the user."""

    id: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Ranking:
    """Sections and figures, best first."""

    sections: list[Scored]
    figures: list[Scored]


@dataclass(frozen=True)
class _Target:
    """The counterpart as the gazetteer sees it: every key that counts as a mention of it."""

    name: str
    key: str | None
    keys: frozenset[str]
    kind: str
    folded: str  # for a counterpart the gazetteer does not know: its name, folded


@dataclass
class _SectionHits:
    sentences: set[int] = field(default_factory=set)  # sentences that name the counterpart
    anaphors: set[int] = field(default_factory=set)  # sentences that refer back to it
    names: list[str] = field(default_factory=list)


def rank(workspace: Workspace, counterpart: Counterpart | None) -> Ranking:
    """Score every section and figure of ``workspace`` for a meeting with ``counterpart``."""
    g = gazetteer()
    target = _resolve(counterpart, g)
    sections: list[Scored] = []
    figures: list[Scored] = []
    for analysis in workspace:
        hits = {s.id: _hits(s, target, g) for s in analysis.sections} if target else {}
        inherited = _under_named_headings(analysis.sections, hits)
        lead = next((s.id for s in analysis.sections if s.kind == "paragraph"), None)
        for section in analysis.sections:
            section_hits = hits.get(section.id)
            in_section = workspace.figures_in(section.id)
            scored = _score_section(
                section,
                in_section,
                section_hits,
                target,
                section.id in inherited,
                section.id == lead,
            )
            sections.append(scored)
            for figure in in_section:
                figures.append(
                    _score_figure(
                        figure, section, section_hits, target, section.id in inherited, scored.score
                    )
                )
    sections.sort(key=lambda s: -s.score)
    figures.sort(key=lambda f: -f.score)
    return Ranking(sections=sections, figures=figures)


def suggest_selection(
    workspace: Workspace,
    counterpart: Counterpart | None,
    max_sections: int = 12,
    max_figures: int = 8,
    max_chars: int | None = None,
) -> tuple[list[str], list[str]]:
    """Section ids (source order) and figure ids (best first) to start the briefing with.

    Paragraphs and tables only (a source's headings do not structure the briefing, captions
    and bylines are metadata); figures come from the chosen sections and leave out bare dates.
    ``max_chars`` is the template's length budget (``TemplateManifest.suggestion_chars``):
    sections are taken best first while their text fits, a section that would overflow is
    passed over for a shorter one further down, and the best section is always taken.
    """
    ranking = rank(workspace, counterpart)
    chosen: list[str] = []
    used = 0
    for scored in ranking.sections:
        section = _section(workspace, scored.id)
        if section.kind not in _SUGGESTED_KINDS or scored.score < _MIN_SECTION_SCORE:
            continue
        if max_chars is not None and chosen and used + len(section.text) > max_chars:
            continue
        chosen.append(scored.id)
        used += len(section.text)
        if len(chosen) == max_sections:
            break
    chosen.sort(key=lambda sid: workspace.position(sid) or 0)
    chosen_set = set(chosen)
    figures = [workspace.figure(f.id) for f in ranking.figures]
    picked = [
        f.id for f in figures if f is not None and f.section in chosen_set and f.kind != "date"
    ][:max_figures]
    return chosen, picked


def _section(workspace: Workspace, section_id: str) -> Section:
    section = workspace.section(section_id)
    assert section is not None  # ranked from this workspace
    return section


# ---- counterpart and mentions ---------------------------------------------------------------


def _resolve(counterpart: Counterpart | None, g: Gazetteer) -> _Target | None:
    if counterpart is None or not (counterpart.name.strip() or counterpart.key):
        return None
    entry = g.get(counterpart.key) if counterpart.key else None
    entry = entry or g.lookup(counterpart.name)
    if entry is None:
        return _Target(
            counterpart.name.strip(),
            None,
            frozenset(),
            counterpart.kind,
            fold(counterpart.name.strip()),
        )
    return _Target(entry.name, entry.key, frozenset(g.related_keys(entry.key)), entry.kind, "")


def _hits(section: Section, target: _Target, g: Gazetteer) -> _SectionHits:
    hits = _SectionHits()
    spans = _sentence_spans(section)
    for start, end, name in _mentions(section.text, target, g):
        hits.sentences.add(_sentence_of(spans, start, end))
        if name not in hits.names:
            hits.names.append(name)
    if hits.sentences and target.kind in _ANAPHORS:
        for match in _ANAPHORS[target.kind].finditer(section.text):
            if _is_anaphor(section.text, match.start(), match.end()):
                hits.anaphors.add(_sentence_of(spans, match.start(), match.end()))
        hits.anaphors -= hits.sentences
    return hits


def _mentions(text: str, target: _Target, g: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, name for the reason) of each mention of the target in ``text``."""
    if target.folded:
        folded = fold(text)
        pattern = re.compile(rf"(?<!\w){re.escape(target.folded)}(?!\w)")
        return [(m.start(), m.end(), target.name) for m in pattern.finditer(folded)]
    found = []
    for start, end, entry in g.find_places(text):
        if entry.key not in target.keys:
            continue
        if entry.key == target.key:
            name = target.name
        elif entry.merged_into == target.key:
            name = f"{entry.name} (nay thuộc {target.name})"
        else:
            name = entry.name
        found.append((start, end, name))
    return found


def _is_anaphor(text: str, start: int, end: int) -> bool:
    """``toàn tỉnh``, ``vào tỉnh`` refer back; ``các tỉnh``, ``tỉnh Bắc Giang`` do not."""
    after = text[end : end + 14]
    return not (
        _NOT_ANAPHOR_BEFORE.search(text[max(0, start - 12) : start])
        or _NOT_ANAPHOR_AFTER.match(after)
        or (after[:1] == " " and after[1:2].isupper())  # "tỉnh Bắc Giang" names, not refers
    )


def _sentence_spans(section: Section) -> tuple[tuple[int, int], ...]:
    """What counts as one sentence: a table's rows (a figure in the row that names the
    counterpart is about it), else the section's sentences."""
    if section.table is not None:
        rows: dict[int, tuple[int, int]] = {}
        for cell, start, end in section.table.cell_spans():
            first, _ = rows.get(cell.row, (start, end))
            rows[cell.row] = (first, end)
        if rows:
            return tuple(rows[row] for row in sorted(rows))
    return section.sentences or ((0, len(section.text)),)


def _sentence_of(spans: tuple[tuple[int, int], ...], start: int, end: int) -> int:
    for index, (s, e) in enumerate(spans):
        if s <= start < e:
            return index
    return min(range(len(spans)), key=lambda i: abs(spans[i][0] - start))


def _under_named_headings(sections: list[Section], hits: dict[str, _SectionHits]) -> set[str]:
    """Sections that follow a heading naming the counterpart, up to the next heading."""
    inherited: set[str] = set()
    named = False
    for section in sections:
        if section.kind == "heading":
            named = bool(hits.get(section.id) and hits[section.id].sentences)
        elif named:
            inherited.add(section.id)
    return inherited


# ---- scoring ------------------------------------------------------------------------------


def _score_section(
    section: Section,
    in_section: list[Figure],
    hits: _SectionHits | None,
    target: _Target | None,
    inherited: bool,
    lead: bool,
) -> Scored:
    score, reasons = 0.0, []
    if hits is not None and hits.sentences:
        named, referred = len(hits.sentences), len(hits.anaphors)
        density = (named + 0.5 * referred) / len(_sentence_spans(section))
        score += _SECTION_HIT + 2 * min(named - 1, 3) + min(referred, 3) + 3 * density
        reasons += [f"nhắc tới {name}" for name in hits.names]
    elif inherited and target is not None:
        score += _HEADING_HIT
        reasons.append(f"thuộc mục về {target.name}")
    cue_score, cue_reasons = _cue_score(section)
    score += cue_score
    reasons += cue_reasons
    figures = [f for f in in_section if f.kind != "date"]
    if figures:
        score += 0.75 * min(len(figures), 4)
        reasons.append("có số liệu")
    if lead:
        score += 1.0
        reasons.append("đoạn mở đầu")
    if section.kind == "heading":
        score *= 0.3
    elif len(section.text.split()) < _SHORT_SECTION_WORDS:
        score *= 0.5
    return Scored(section.id, round(score, 3), reasons)


def _cue_score(section: Section) -> tuple[float, list[str]]:
    positive = sorted(
        (c for c in section.cues if c in _CUE_WEIGHTS), key=_CUE_WEIGHTS.get, reverse=True
    )
    if not positive:
        return (-1.0, ["bối cảnh"]) if "background" in section.cues else (0.0, [])
    score = _CUE_WEIGHTS[positive[0]] + 0.5 * (len(positive) - 1)
    return score, [_CUE_REASONS[c] for c in positive]


def _score_figure(
    figure: Figure,
    section: Section,
    hits: _SectionHits | None,
    target: _Target | None,
    inherited: bool,
    section_score: float,
) -> Scored:
    info = kind(figure.kind)  # its weight and name come from the one table of kinds
    score = info.weight
    reasons = [f"loại: {info.label_vi}"]
    relevance, reason = _figure_relevance(figure, section, hits, target, inherited)
    if reason:
        # A bare date ("năm 2024") is context, not a key figure, wherever it stands.
        score += relevance * (0.5 if figure.kind == "date" else 1.0)
        reasons.insert(0, reason)
    if any(c in ("result", "proposal") for c in section.cues):
        score += 1.0
    score += 0.05 * section_score
    return Scored(figure.id, round(score, 3), reasons)


def _figure_relevance(
    figure: Figure,
    section: Section,
    hits: _SectionHits | None,
    target: _Target | None,
    inherited: bool,
) -> tuple[float, str]:
    """The tier of a figure: same sentence, a sentence referring back, same section, heading."""
    if target is None:
        return 0.0, ""
    if hits is not None and hits.sentences:
        sentence = _sentence_of(_sentence_spans(section), figure.start, figure.end)
        if sentence in hits.sentences:
            return _SENTENCE_HIT, f"cùng câu với {target.name}"
        if sentence in hits.anaphors:
            return _ANAPHOR_HIT, f"nói về {target.name}"
        return _SECTION_HIT, f"cùng đoạn với {target.name}"
    if inherited:
        return _HEADING_HIT, f"thuộc mục về {target.name}"
    return 0.0, ""
