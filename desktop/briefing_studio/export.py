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

FORMATS = ("docx", "pdf")


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
    """``"docx,pdf"`` → ``["docx", "pdf"]``; unknown formats are a user error."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    formats = [item.strip().lower().lstrip(".") for item in items if item.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise BriefingError(
            f"Định dạng không hỗ trợ: {', '.join(unknown) or '(trống)'}. Chọn docx, pdf.",
            f"Unsupported format: {', '.join(unknown) or '(empty)'}. Choose docx, pdf.",
        )
    return list(dict.fromkeys(formats))


def default_stem(briefing: Briefing, today: date | None = None) -> str:
    """A file name without suffix: ``briefing-han-quoc-2024-12-20``, ASCII for any file system."""
    from briefing_studio.templating.context import counterpart_names

    rendered = (today or date.today()).isoformat()
    # Province names follow the meeting's date (else the document's): see counterpart_names.
    on = date.fromisoformat(briefing.meeting.date or briefing.issued or rendered)
    names = counterpart_names(briefing.meeting.counterpart, on)
    parts = ["briefing", names["file_name"], briefing.meeting.date or rendered]
    slug = re.sub(r"[^a-z0-9]+", "-", fold(" ".join(parts))).strip("-")
    return slug or "briefing"


def write_document(
    document: Document, formats: Sequence[str], out_dir: Path, stem: str
) -> list[Path]:
    """Write ``document`` in each format into ``out_dir``; returns the files written."""
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
    for fmt in formats:
        target = out_dir / f"{stem}.{fmt}"
        write(document, fmt, target)
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
