"""From a ``Briefing`` to files on disk: analyse its sources, apply the template, write formats.

One function for the CLI's ``render`` and the GUI's Export, so both produce the same files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import Briefing
from briefing_studio.document import Document
from briefing_studio.errors import BriefingError
from briefing_studio.sources.model import SourceDocument
from briefing_studio.templating import Template, make_document
from briefing_studio.textutil import fold


def analyze_sources(sources: Sequence[SourceDocument]) -> list[Analysis]:
    """The fast analysis of each source, in order."""
    return [analyze(source) for source in sources]


def build_document(
    briefing: Briefing, template: Template, analyses: Sequence[Analysis] | None = None
) -> Document:
    """The ``Document`` for ``briefing`` (analyses are recomputed when not given)."""
    if analyses is None:
        analyses = analyze_sources(briefing.sources)
    return make_document(briefing, list(analyses), template)


def parse_formats(spec: str | Sequence[str]) -> list[str]:
    """``"docx,pdf"`` → ``["docx", "pdf"]`` (format ids); unknown formats are a user error."""
    from briefing_studio.render.formats import find, ids

    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = [item.strip() for item in items if item.strip()]
    unknown = [name for name in names if find(name) is None]
    if unknown or not names:
        choices = ", ".join(ids())
        raise BriefingError(
            f"Định dạng không hỗ trợ: {', '.join(unknown) or '(trống)'}. Chọn {choices}.",
            f"Unsupported format: {', '.join(unknown) or '(empty)'}. Choose {choices}.",
        )
    return list(dict.fromkeys(find(name).id for name in names))


def default_stem(briefing: Briefing, today: date | None = None) -> str:
    """A file name without suffix: ``briefing-han-quoc-2024-12-20``, ASCII for any file system."""
    parts = ["briefing"]
    if briefing.meeting.counterpart:
        parts.append(briefing.meeting.counterpart.name)
    parts.append(briefing.meeting.date or (today or date.today()).isoformat())
    slug = re.sub(r"[^a-z0-9]+", "-", fold(" ".join(parts))).strip("-")
    return slug or "briefing"


def write_document(
    document: Document, formats: Sequence[str], out_dir: Path, stem: str
) -> list[Path]:
    """Write ``document`` in each format into ``out_dir``; returns the files written."""
    from briefing_studio.render import formats as registry
    from briefing_studio.render import write

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(
            f"Không tạo được thư mục xuất ({exc.strerror}).",
            f"Cannot create the output folder ({exc.strerror}).",
            path=out_dir,
        ) from exc
    written = []
    chosen = [registry.get(fmt) for fmt in formats]
    for fmt, name in zip(chosen, registry.file_names(stem, chosen), strict=True):
        target = out_dir / name
        write(document, fmt.id, target)
        written.append(target)
    return written


def export_briefing(
    briefing: Briefing,
    template: Template,
    formats: Sequence[str],
    out_dir: str | Path,
    stem: str | None = None,
    analyses: Sequence[Analysis] | None = None,
) -> list[Path]:
    """Render ``briefing`` with ``template`` to each of ``formats`` in ``out_dir``."""
    document = build_document(briefing, template, analyses)
    return write_document(document, formats, Path(out_dir), stem or default_stem(briefing))
