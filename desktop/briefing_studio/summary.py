"""A readable, plain-text summary of an analysis for ``briefing analyze`` without ``--json``."""

from __future__ import annotations

from briefing_studio.analysis.kinds import kind
from briefing_studio.analysis.model import Analysis, Figure
from briefing_studio.templating.filters import number

ENTITY_KIND_VI = {
    "person": "người",
    "organization": "tổ chức",
    "place": "địa danh",
    "country": "quốc gia",
    "province": "tỉnh, thành phố",
}
NO_YEAR = "không rõ năm"  # a date such as "20/12": the text gives day and month only


def _number(value: float | int, kind: str) -> str:
    """Written as the templates write numbers (``12.400.000.000``, ``12,4``); years plain."""
    return f"{value:g}" if kind == "date" else number(value)


def _figure_line(figure: Figure) -> str:
    if figure.value is not None:
        value = _number(figure.value, figure.kind)
    elif figure.kind == "date":
        value = f"{figure.surface} ({NO_YEAR})"
    else:
        value = figure.surface
    if figure.value_high is not None:
        value += f"–{_number(figure.value_high, figure.kind)}"
    unit = f" {figure.unit}" if figure.unit else ""
    qualifier = f" ({figure.qualifier})" if figure.qualifier else ""
    where = f"{figure.context}: " if figure.context else ""  # a table cell's headers
    label = kind(figure.kind).label_vi
    return f"  • {where}{figure.surface}  →  {label}: {value}{unit}{qualifier}"


def summarize(analysis: Analysis) -> str:
    """Title, metadata, headings, figures, acronyms and entities, one item per line."""
    meta = analysis.metadata
    source = analysis.source
    headings = [s for s in analysis.sections if s.kind == "heading"]
    lines = [
        f"== {meta.title or source.name} ({source.name}, {source.format}"
        + (f", {source.encoding}" if source.encoding else "")
        + ")",
        f"Tác giả: {meta.author or '—'}   Nguồn: {meta.source_url or meta.source_name or '—'}",
        f"Thời gian: {meta.time or '—'}   Địa điểm: {meta.place or '—'}",
        f"Đoạn: {len(analysis.sections)} (tiêu đề: {len(headings)})",
    ]
    lines += [f"  # {h.text}" for h in headings]
    lines.append(f"Số liệu: {len(analysis.figures)}")
    lines += [_figure_line(f) for f in analysis.figures]
    if analysis.acronyms:
        lines.append("Chữ viết tắt:")
        lines += [f"  {a.short} = {a.expansion}" for a in analysis.acronyms]
    if analysis.entities is not None:
        lines.append(f"Thực thể: {len(analysis.entities)}")
        lines += [
            f"  {ENTITY_KIND_VI.get(e.kind, e.kind)}: {e.name}"
            + (f" (nay thuộc {e.merged_into_name})" if e.merged_into_name else "")
            + f" ({len(e.sections)} đoạn)"
            for e in analysis.entities
        ]
    return "\n".join(lines) + "\n"
