"""The variables a template sees: the user's choices resolved against the workspace.

Templates get plain dicts, lists, strings, numbers and dates (never model objects), so what a
template can reach is exactly what is documented here, and the sandbox has nothing to guard
but data. The editor reference page is generated from this docstring.

Variables
---------
``briefing``
    ``title`` (the user's title, or one derived from the counterpart: "Tài liệu phục vụ buổi
    tiếp Đại sứ Hàn Quốc", "Tài liệu phục vụ buổi làm việc với tỉnh Bắc Giang"),
    ``title_is_default`` (true when derived), ``template`` (id),
    ``meeting``: ``counterpart`` (as below) and the meeting fields, ``agency``: the agency
    fields, and ``issued`` (the issue date the user set; write ``today``, which falls back to
    the render date): all listed under "Meeting fields" below. A date is ISO ``yyyy-mm-dd`` or
    empty, with ``<name>_text`` written out (``date_text``: ``ngày 20 tháng 12 năm 2024``).
``counterpart``
    ``kind`` (``country``, ``province``, ``organization``, ``other``, or empty), ``known``
    (true when the app's list of countries and provinces knows it: write an honorific such as
    "Ngài Đại sứ" only for a known ``country``), ``name`` ("Hàn Quốc", "Bắc Giang"), ``key``
    (gazetteer id or empty), ``label`` (the name as a sentence uses it on the meeting's date:
    "Hàn Quốc", "tỉnh Bắc Giang" before 1 July 2025, "tỉnh Bắc Ninh (bao gồm địa bàn tỉnh Bắc
    Giang trước đây)" after), ``former`` (true when the province had merged into another by
    then), ``successor`` ("tỉnh Bắc Ninh": the unit it belongs to then, or empty),
    ``own_label`` ("tỉnh Bắc Giang"). All empty when no counterpart is set.
``sections``
    The chosen sections in the user's order, each: ``id``, ``kind`` (``heading``,
    ``paragraph`` or ``table``), ``level`` (1–3 for headings), ``text``, ``html`` (text with
    the chosen figures in bold, escaped), ``cues`` (``result``, ``proposal``, ``direction``,
    ``background``), ``slot`` (slot id or empty), ``source`` (source title), ``source_name``
    (file name), ``figures`` (the chosen figures in this section), ``sentences`` (list of
    strings; a table's cells), ``sentence_spans`` (their offsets, used by ``lead``), ``table``
    (for a ``table`` section, else none): ``caption``, ``columns`` (how many), ``header_rows``
    (how many leading rows are headers, repeated on each page), ``rows`` (each: ``header``
    (true for a header row), ``cells``: the cells that start in that row, each ``text``,
    ``html`` (chosen figures in bold), ``header``, ``colspan``, ``rowspan``). Write it with
    ``<table>``/``<tr>``/``<th>``/``<td colspan=… rowspan=…>``, as the built-in templates'
    ``section`` macro does.
``slots``
    The manifest's slots in order, each: ``id``, ``name`` (Vietnamese), ``name_en``, ``cues``,
    ``default``, ``sections`` (the chosen sections placed there, in the user's order).
``by_slot``
    The same sections by slot id: ``by_slot.proposals``.
``unslotted``
    Chosen sections no slot took (only when the manifest has no ``default`` slot).
``figures``
    The chosen figures in the user's order, each: ``id``, ``surface`` (as written), ``text``
    (written out: "trên 12,4 tỷ USD"), ``kind`` (listed under "Figure kinds" below), ``value``,
    ``value_high``, ``unit``, ``qualifier``, ``words``, ``sentence`` (the sentence holding it),
    ``sentence_html`` (that sentence, figure in bold), ``clause`` (the part of the sentence that
    explains it, for captions), ``excerpt_html`` (that part with the figure in bold and "…"
    where the sentence was cut, for tables), ``section`` (section id), ``source`` (source
    title), ``source_name`` (file name), ``context`` (for a figure in a table cell, what its
    row and column headers say: "Kim ngạch xuất khẩu · 2024"; its ``sentence`` is then
    "Kim ngạch xuất khẩu · 2024: 12,4 tỷ USD"; empty for figures in text), ``edited`` (true
    when the user rewrote the figure's text: ``text`` is then the user's), ``paragraph`` (its
    paragraph's number in the source, from 1), ``citation`` (where it comes from: the source
    title's first words, publisher or site or file, date, paragraph — "…, bacgiang.gov.vn,
    20/12/2024, đoạn 6."; ``{{ f.citation|footnote }}`` makes it a footnote),
    ``citation_number`` (its number in ``citations``).
``citations``
    The chosen figures' citations, each once, in order: ``number``, ``text``; for a numbered
    "Nguồn" list instead of footnotes (``[{{ f.citation_number }}]`` beside each figure).
``series``
    The longest series the chosen figures form (same kind and unit, one value per year or per
    country or province; per-cent shares of one whole), or none: ``kind`` (``line``, ``bar``,
    ``share``), ``labels``, ``values``, ``texts`` (as written: "12,4 tỷ USD"), ``caption``
    (what is measured, the years, "Nguồn: …"), ``figures`` (their ids). Place it with
    ``{% if series %}{{ series|chart }}{% endif %}``.
``sources``
    The sources that chosen sections or figures come from: ``title``, ``name`` (file name),
    ``author``, ``url``, ``publisher`` ("Báo Thế giới & Việt Nam"), ``time`` (as written:
    "Chiều 20/12"), ``date`` (ISO or empty), ``date_text``.
``glossary``
    Abbreviations occurring in the chosen sections and figures, sorted: ``short``, ``expansion``.
``template``
    ``id``, ``name``, ``name_en``, ``audience``, ``page``.
``today``
    The document's date: the issue date the user set (``--issued``, the GUI's "Ngày ban hành"),
    else the day it is rendered (use ``today|vn_date`` or
    ``today|place_date(briefing.agency.place)``).
``lang``
    ``vi``: the language of the briefing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from markupsafe import Markup

from briefing_studio.analysis.model import Analysis, Figure, Section
from briefing_studio.briefing import Briefing, Counterpart, Holder, meeting_fields
from briefing_studio.errors import BriefingError
from briefing_studio.memo import keep
from briefing_studio.sources.model import Table
from briefing_studio.templating.charts import figure_series
from briefing_studio.templating.filters import FIGURE_LINKS, mark_figures, vn_date
from briefing_studio.templating.filters import figure as figure_words
from briefing_studio.templating.manifest import Template, TemplateManifest, default_slot
from briefing_studio.textutil import fold
from briefing_studio.workspace import Workspace

if TYPE_CHECKING:
    from briefing_studio.analysis.gazetteer import Gazetteer, GazetteerEntry

# Centrally-run cities are "thành phố", every other province "tỉnh" (folded names).
_CITIES = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"})
_ADMIN_PREFIX = re.compile(r"^(tỉnh|thành phố|tp\.?)\s", re.IGNORECASE)
# Where a caption may cut a sentence: punctuation, and words that start a new clause.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_STRAY = "”’»)\"' "  # closing marks a cut can leave at the start of a clause
# "với" opens a clause, except in "so với" / "đối với" / "cùng với", which belong to the figure
# ("tăng hơn 156 tỷ đồng so với năm 2023"); an ellipsis before a capital ends a sentence the
# tokenizer kept whole ("… trên thế giới… Bắc Giang luôn duy trì …").
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s"
    r"|(?<!\bso)(?<!\bđối)(?<!\bcùng)\s(?=với\s)"
    r"|\s(?=(?:trong đó|song|nhưng|nhằm|để)\s)"
    r"|…\s+(?=\w)"  # kept only before a capital, see _breaks
)


def build_context(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Every variable a template sees (see the module docstring)."""
    if template.manifest is None:
        raise BriefingError(
            f"Mẫu “{template.id}” bị lỗi: {template.problem}",
            f"Template “{template.id}” is broken: {template.problem}",
            path=template.manifest_path,
        )
    manifest = template.manifest
    index = _resolver(workspace)
    figures = [index.figure_context(fid) for fid in briefing.figures]
    in_section: dict[str, list[dict[str, Any]]] = {}
    for item in figures:  # the user's own wording of a figure replaces the written-out one
        edited = briefing.figure_texts.get(item["id"], "").strip()
        item["edited"] = bool(edited)
        if edited:
            item["text"] = edited
        in_section.setdefault(item["section"], []).append(item)
    sections = [
        index.section_context(
            chosen.section, chosen.slot, in_section.get(chosen.section, []), manifest
        )
        for chosen in briefing.sections
    ]
    slots = [
        {
            "id": s.id,
            "name": s.name_vi,
            "name_en": s.name_en,
            "cues": list(s.cues),
            "default": s.default,
            "sections": [x for x in sections if x["slot"] == s.id],
        }
        for s in manifest.slots
    ]
    meeting = briefing.meeting
    today = _issued(briefing, today)
    on = dt.date.fromisoformat(meeting.date) if meeting.date else today
    counterpart = counterpart_names(meeting.counterpart, on)
    title = briefing.title.strip() or default_title(meeting.counterpart, on)
    return {
        "briefing": {
            **_fields(briefing, "briefing"),
            "title": title,
            "title_is_default": not briefing.title.strip(),
            "template": briefing.template,
            "meeting": {"counterpart": counterpart, **_fields(briefing, "meeting")},
            "agency": _fields(briefing, "agency"),
        },
        "counterpart": counterpart,
        "sections": sections,
        "slots": slots,
        "by_slot": {s["id"]: s["sections"] for s in slots},
        "unslotted": [x for x in sections if not x["slot"]],
        "figures": figures,
        "citations": _citations(figures),
        "series": figure_series(figures),
        "sources": index.sources_used(sections, figures),
        "glossary": index.glossary(sections, figures),
        "template": {
            "id": manifest.id,
            "name": manifest.name_vi,
            "name_en": manifest.name_en,
            "audience": manifest.audience,
            "page": manifest.page,
        },
        "today": today,
        "lang": "vi",
    }


def _fields(briefing: Briefing, holder: Holder) -> dict[str, Any]:
    """The ``MEETING_FIELDS`` of ``holder`` as plain data: a date as ISO text (or empty) plus
    ``<name>_text`` written out, lines as a list, text as it is."""
    values: dict[str, Any] = {}
    for row in meeting_fields(holder):
        value = row.get(briefing)
        if row.type == "date":
            values[row.name] = value or ""
            values[f"{row.name}_text"] = vn_date(value) if value else ""
        elif row.type == "lines":
            values[row.name] = list(value or ())
        else:
            values[row.name] = value
    return values


def _citations(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each distinct figure citation once, numbered in the figures' order; every figure gets
    the ``citation_number`` of its own (for a numbered "Nguồn" list)."""
    numbers: dict[str, int] = {}
    for item in figures:
        item["citation_number"] = numbers.setdefault(item["citation"], len(numbers) + 1)
    return [{"number": n, "text": text} for text, n in numbers.items()]


def figure_contexts(workspace: Workspace, figure_ids: Sequence[str]) -> list[dict]:
    """The template dicts of ``figure_ids`` (``clause``, ``source``, …) outside a render."""
    resolver = _resolver(workspace)
    return [resolver.figure_context(fid) for fid in figure_ids]


def _issued(briefing: Briefing, today: dt.date | None) -> dt.date:
    """The document's date line: the date the user set, else the day it is rendered."""
    if briefing.issued:
        return dt.date.fromisoformat(briefing.issued)
    return today or dt.date.today()


# Vietnam's provinces merged on this day (Resolution 202/2025/QH15): a former province is
# named with the one it belongs to from then on.
MERGER_DATE = dt.date(2025, 7, 1)


def default_title(counterpart: Counterpart | None, on: dt.date | None = None) -> str:
    """The title a briefing gets when the user gave none, from who the meeting is with."""
    names = counterpart_names(counterpart, on)
    if not names["name"]:
        return "Tài liệu phục vụ buổi làm việc"
    if names["kind"] == "country" and names["known"]:
        return f"Tài liệu phục vụ buổi tiếp Đại sứ {names['name']}"
    return f"Tài liệu phục vụ buổi làm việc với {names['label']}"


def counterpart_names(counterpart: Counterpart | None, on: dt.date | None = None) -> dict[str, Any]:
    """How the counterpart is named in a document about a meeting on ``on`` (default: today).

    See ``counterpart`` in the module docstring; ``file_name`` is what a file name uses
    ("Bắc Giang", after the merger "Bắc Ninh Bắc Giang").
    """
    empty = {"kind": "", "known": False, "name": "", "key": "", "label": "", "former": False}
    empty |= {"successor": "", "own_label": "", "file_name": ""}
    if counterpart is None or not counterpart.name.strip():
        return empty
    entry = _entry(counterpart)
    if entry is None:
        name = counterpart.name.strip()
        return empty | {
            "kind": counterpart.kind,
            "name": name,
            "key": counterpart.key or "",
            "label": _label(counterpart),
            "own_label": _label(counterpart),
            "file_name": name,
        }
    names = empty | {"kind": entry.counterpart().kind, "known": True, "key": entry.key}
    names |= {"name": entry.name, "label": entry.name, "own_label": entry.name}
    names["file_name"] = entry.name
    if entry.kind != "province":
        return names
    own = _unit_label(entry)
    names |= {"label": own, "own_label": own}
    successor = _gazetteer().get(entry.merged_into) if entry.merged_into else None
    if successor is not None and (on or dt.date.today()) >= MERGER_DATE:
        names["former"] = True
        names["successor"] = _unit_label(successor)
        names["label"] = f"{names['successor']} (bao gồm địa bàn {own} trước đây)"
        names["file_name"] = f"{successor.name} {entry.name}"
    return names


def _gazetteer() -> Gazetteer:
    from briefing_studio.analysis.gazetteer import gazetteer

    return gazetteer()


def _entry(counterpart: Counterpart) -> GazetteerEntry | None:
    """The gazetteer's entry for the counterpart: by its key, else by its name."""
    entry = _gazetteer().get(counterpart.key) if counterpart.key else None
    if entry is None:
        entry = _gazetteer().lookup(counterpart.name)
    # Regions ("Đông Nam Á") are places, not someone a meeting is with.
    return entry if entry is not None and entry.counterpart().kind != "other" else None


def _unit_label(entry: GazetteerEntry) -> str:
    """``tỉnh Bắc Giang``, ``thành phố Huế``; a name that carries its unit stays as it is."""
    if _ADMIN_PREFIX.match(entry.name):
        return entry.name
    return f"{entry.unit or 'tỉnh'} {entry.name}"


def _label(counterpart: Counterpart) -> str:
    """The name as a sentence uses it: a province gets "tỉnh"/"thành phố" in front."""
    name = counterpart.name.strip()
    if counterpart.kind != "province" or _ADMIN_PREFIX.match(name):
        return name
    return f"{'thành phố' if fold(name) in _CITIES else 'tỉnh'} {name}"


def _resolver(workspace: Workspace) -> _Resolver:
    """A resolver over the workspace with what was resolved in it before: a workspace never
    changes, so what its ids resolve to is kept with it (as long as it lives), and a preview
    after a tick, or the export after a preview, builds only what the user's choice changed."""
    kept = _KEPT.get(workspace)
    if kept is None:
        kept = _KEPT[workspace] = _Kept()
    return _Resolver(workspace, kept)


class _Kept:
    """What was resolved in one workspace. Holds no reference to it, so that the workspace,
    the weak key it is kept under, can go."""

    MAX_MARKED = 20_000  # marked section texts kept: a user ticking figures makes new ones

    def __init__(self) -> None:
        self.figures: dict[tuple[str, bool], dict[str, Any]] = {}
        self.marked: dict[tuple[str, tuple[str, ...], bool], Markup] = {}


class _Resolver:
    """The dicts templates get for chosen ids, looked up in the workspace.

    A figure's dict is kept (per ``FIGURE_LINKS`` mode) and each call gets a copy, since
    ``build_context`` writes the user's wording into it; a section's marked text is kept for
    the figures chosen in it.
    """

    def __init__(self, workspace: Workspace, kept: _Kept) -> None:
        self.workspace = workspace
        self.kept = kept

    def section_context(
        self,
        section_id: str,
        slot: str | None,
        figures: list[dict[str, Any]],
        manifest: TemplateManifest,
    ) -> dict[str, Any]:
        """The dict of a chosen section; ``figures``: the chosen figures' dicts in it."""
        section = self.workspace.section(section_id)
        analysis = self.workspace.analysis_of(section_id)
        if section is None or analysis is None:
            raise _missing("đoạn", "section", section_id)
        if slot is None or manifest.slot(slot) is None:
            slot = default_slot(manifest, section)
        return {
            "id": section.id,
            "kind": section.kind,
            "level": section.level,
            "text": section.text,
            "html": self._marked_text(section, figures),
            "cues": list(section.cues),
            "slot": slot or "",
            "source": _source_title(analysis),
            "source_name": analysis.source.name,
            "figures": figures,
            "sentences": [section.text[a:b] for a, b in section.sentences],
            "sentence_spans": [list(span) for span in section.sentences],
            "table": _table_context(section.table, figures) if section.table else None,
        }

    def _marked_text(self, section: Section, figures: list[dict[str, Any]]) -> Markup:
        """``mark_figures`` of the section's text: the chosen figures' spans depend on the
        workspace alone, so their ids say what the result is."""
        key = (section.id, tuple(f["id"] for f in figures), FIGURE_LINKS.get())
        marked = self.kept.marked.get(key)
        if marked is None:
            marked = keep(
                self.kept.marked, key, mark_figures(section.text, figures), _Kept.MAX_MARKED
            )
        return marked

    def figure_context(self, figure_id: str) -> dict[str, Any]:
        """A figure's dict (a copy the caller may change)."""
        key = (figure_id, FIGURE_LINKS.get())
        item = self.kept.figures.get(key)
        if item is None:
            item = self.kept.figures[key] = self._figure_context(figure_id)
        return dict(item)

    def _figure_context(self, figure_id: str) -> dict[str, Any]:
        fig = self.workspace.figure(figure_id)
        analysis = self.workspace.analysis_of(figure_id)
        if fig is None or analysis is None:
            raise _missing("số liệu", "figure", figure_id)
        item: dict[str, Any] = {
            "id": fig.id,
            "surface": fig.surface,
            "kind": fig.kind,
            "value": fig.value,
            "value_high": fig.value_high,
            "unit": fig.unit,
            "qualifier": fig.qualifier,
            "words": fig.words,
            "start": fig.start,
            "end": fig.end,
            "section": fig.section,
            "context": fig.context or "",
            "source": _source_title(analysis),
            "source_label": source_label(analysis),
            "source_name": analysis.source.name,
        }
        section = self.workspace.section(fig.section)
        item["paragraph"] = section.index + 1 if section is not None else 0
        item["citation"] = citation(analysis, section)
        item["text"] = figure_words(item)
        if fig.context:  # a table cell: its headers say what it is ("Xuất khẩu · 2024: 12,4")
            marked = Markup("{}: <b>{}</b>").format(fig.context, item["text"])
            sentence = cell_figure_sentence(fig)
            return item | {
                "sentence": sentence,
                "sentence_html": marked,
                "clause": sentence,
                "excerpt_html": marked,
            }
        sentence, offset = _sentence_of(section, fig)
        local = {
            "start": fig.start - offset,
            "end": fig.end - offset,
            "surface": fig.surface,
            "id": fig.id,
        }
        return item | {
            "sentence": sentence,
            "sentence_html": mark_figures(sentence, [local]),
            "clause": _clause(sentence, fig.start - offset, fig.end - offset),
            "excerpt_html": _excerpt_html(
                sentence, fig.start - offset, fig.end - offset, figure_id=fig.id
            ),
        }

    def sources_used(
        self, sections: list[dict[str, Any]], figures: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        found = (self.workspace.analysis_of(item["id"]) for item in [*sections, *figures])
        used = {analysis.source.key for analysis in found if analysis is not None}
        return [_source_context(a) for a in self.workspace if a.source.key in used]

    def glossary(
        self, sections: list[dict[str, Any]], figures: list[dict[str, Any]]
    ) -> list[dict[str, str]]:
        chosen_ids = {s["id"] for s in sections}
        text = "\n".join([s["text"] for s in sections] + [f["sentence"] for f in figures])
        found: dict[str, str] = {}
        for analysis in self.workspace:
            for acronym in analysis.acronyms:
                if acronym.short in found:
                    continue
                pattern = rf"(?<![\w-]){re.escape(acronym.short)}(?![\w-])"
                if chosen_ids & set(acronym.sections) or re.search(pattern, text):
                    found[acronym.short] = acronym.expansion
        return [{"short": k, "expansion": found[k]} for k in sorted(found, key=fold)]


_KEPT: WeakKeyDictionary[Workspace, _Kept] = WeakKeyDictionary()


def _missing(what_vi: str, what_en: str, item_id: str) -> BriefingError:
    return BriefingError(
        f"Không tìm thấy {what_vi} “{item_id}” trong các nguồn đã nạp; nguồn có thể đã bị "
        "gỡ hoặc thay đổi.",
        f"The {what_en} “{item_id}” is not in the loaded sources; a source may have been "
        "removed or changed.",
    )


def cell_figure_sentence(figure: Figure) -> str:
    """What a figure from a table cell says, from its headers and its written value: "Kim ngạch
    xuất khẩu · 2024: 12,4 tỷ USD" (the figures table and the figures panel show this)."""
    return f"{figure.context}: {figure_words(figure)}"


def _table_context(table: Table, figures: list[dict[str, Any]]) -> dict[str, Any]:
    """A table section's rows and cells for a template (see ``sections`` above)."""
    spans = {id(cell): start for cell, start, _ in table.cell_spans()}
    rows = []
    for r in range(table.n_rows):
        cells = []
        for cell in table.row_cells(r):
            start = spans.get(id(cell), 0)
            end = start + len(cell.text)
            local = [
                f | {"start": f["start"] - start, "end": f["end"] - start}
                for f in figures
                if start <= f["start"] and f["end"] <= end
            ]
            cells.append(
                {
                    "text": cell.text,
                    "html": mark_figures(cell.text, local),
                    "header": cell.header,
                    "colspan": cell.cols,
                    "rowspan": cell.rows,
                }
            )
        rows.append({"header": r < table.header_rows, "cells": cells})
    return {
        "caption": table.caption,
        "columns": table.n_cols,
        "header_rows": table.header_rows,
        "rows": rows,
    }


def _source_title(analysis: Analysis) -> str:
    return analysis.metadata.title or analysis.source.title or analysis.source.name


def source_label(analysis: Analysis) -> str:
    """A short citation for a table cell: the site and date, else the publisher, else the title.

    Titles derived from a lead sentence are long; a figures table needs ``bacgiang.gov.vn,
    20/12/2024`` rather than a sentence.
    """
    meta = analysis.metadata
    site = urlsplit(meta.source_url).hostname if meta.source_url else None
    name = (site.removeprefix("www.") if site else None) or meta.source_name or ""
    if not name:
        words = _source_title(analysis).split()
        name = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    if meta.date:
        year, month, day = meta.date.split("-")
        return f"{name}, {day}/{month}/{year}"
    return name


CITATION_TITLE_WORDS = 12  # a footnote names the source by its title's first words


def citation(analysis: Analysis, section: Section | None) -> str:
    """Where a figure comes from, as a footnote or a "Nguồn" line gives it: the source's title
    (its first words), its publisher or site (else its file), its date and the paragraph.

    ``Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị với các Đại sứ/Trưởng Cơ quan…,
    bacgiang.gov.vn, 20/12/2024, đoạn 6.``
    """
    meta = analysis.metadata
    words = _source_title(analysis).rstrip(". ").split()
    title = " ".join(words[:CITATION_TITLE_WORDS]) + (
        "…" if len(words) > CITATION_TITLE_WORDS else ""
    )
    site = urlsplit(meta.source_url).hostname if meta.source_url else None
    where = meta.source_name or (site.removeprefix("www.") if site else analysis.source.name)
    parts = [title, where]
    if meta.date:
        year, month, day = meta.date.split("-")
        parts.append(f"{day}/{month}/{year}")
    elif meta.time:
        parts.append(meta.time)
    if section is not None:
        parts.append(f"đoạn {section.index + 1}")
    return ", ".join(p for p in parts if p) + "."


def _source_context(analysis: Analysis) -> dict[str, Any]:
    meta = analysis.metadata
    return {
        "title": _source_title(analysis),
        "label": source_label(analysis),
        "name": analysis.source.name,
        "author": meta.author or analysis.source.author or "",
        "url": meta.source_url or "",
        "publisher": meta.source_name or "",
        "time": meta.time or "",
        "date": meta.date or "",
        "date_text": vn_date(meta.date) if meta.date else "",
    }


def _sentence_of(section: Section | None, fig: Figure) -> tuple[str, int]:
    """The sentence holding the figure and where it starts in the section text."""
    if section is None:
        return fig.surface, fig.start
    for start, end in section.sentences:
        if start <= fig.start < end:
            return section.text[start:end], start
    return section.text, 0


@lru_cache(maxsize=1024)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where ``sentence`` may be cut; a quotation stays whole.

    Kept per sentence: every figure of a sentence asks again (twice: caption and excerpt),
    and the clause pattern is tried at every character of it.
    """
    quoted = [m.span() for m in _QUOTED.finditer(sentence)]
    return tuple(
        (m.start(), m.end())
        for m in _CLAUSE_BREAK.finditer(sentence)
        if not any(a < m.start() < b for a, b in quoted)
        and (not m.group().startswith("…") or sentence[m.end()].isupper())
    )


def _clause_span(sentence: str, start: int, end: int, min_words: int) -> tuple[int, int]:
    """The clause around ``start``–``end``, widened clause by clause until it says enough.

    A clause is cut at punctuation and at words that open a new clause ("với", "trong đó");
    one that holds fewer than ``min_words`` words besides the figure ("với hơn 400 hoạt
    động") is too thin to explain the number on its own.
    """
    breaks = _breaks(sentence)
    lefts = [0] + [b for a, b in breaks if b <= start]
    rights = [a for a, b in breaks if a >= end] + [len(sentence)]
    left_i, right_i = len(lefts) - 1, 0

    def words(a: int, b: int) -> int:
        return len((sentence[a:start] + " " + sentence[end:b]).split())

    while words(lefts[left_i], rights[right_i]) < min_words:
        if left_i > 0:
            left_i -= 1
        elif right_i < len(rights) - 1:
            right_i += 1
        else:
            break
    return lefts[left_i], rights[right_i]


def _clause(sentence: str, start: int, end: int, min_words: int = 5) -> str:
    """The part of the sentence that explains the figure, for captions."""
    left, right = _clause_span(sentence, start, end, min_words)
    return sentence[left:right].strip().lstrip(_STRAY).rstrip(".;:")


def _excerpt_html(
    sentence: str, start: int, end: int, min_words: int = 10, figure_id: str | None = None
) -> Markup:
    """The explaining part of the sentence, figure in bold, "…" where it was cut."""
    left, right = _clause_span(sentence, start, end, min_words)
    kept = sentence[left:right].rstrip()
    text = kept.lstrip().lstrip(_STRAY)
    shift = left + len(kept) - len(text)  # where ``text`` starts in the sentence
    figure = {"start": start - shift, "end": end - shift, "surface": sentence[start:end]}
    marked = mark_figures(text, [figure | {"id": figure_id}])
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(sentence) and not text.endswith((".", "…")) else ""
    return Markup(prefix) + marked + Markup(suffix)
