"""The one road from a briefing to a ``Document``: context → sandboxed Jinja → markup → blocks.

Export, the CLI, the preview, the template editor (with its unsaved texts as an overlay) and the
template manager's check all call ``make_document``, so what the editor previews is what an
export writes, document properties included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from briefing_studio.briefing import Briefing
from briefing_studio.document import Document, DocumentInfo
from briefing_studio.errors import BriefingError
from briefing_studio.gcpause import bulk_job
from briefing_studio.templating.context import build_context
from briefing_studio.templating.filters import FIGURE_LINKS
from briefing_studio.templating.manifest import Template
from briefing_studio.templating.markup import parse_markup
from briefing_studio.templating.sandbox import TIME_LIMIT, BriefingSandbox, sandbox_for
from briefing_studio.workspace import Workspace

_MARKUP_LINE = re.compile(r"at line (\d+)")


class MarkupProblem(BriefingError):
    """Invalid markup from a template, with the markup line that was refused (the template
    editor shows the markup and finds the template line that wrote it)."""

    def __init__(self, error: BriefingError, markup: str) -> None:
        super().__init__(error.message_vi, error.message_en, error.path, error.line)
        found = _MARKUP_LINE.search(error.message_en)
        lines = markup.splitlines()
        number = int(found.group(1)) if found else 0
        self.markup = markup
        self.markup_line_number = number if 0 < number <= len(lines) else None
        self.markup_line = lines[number - 1] if self.markup_line_number else ""


@bulk_job
def make_document(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    *,
    overlay: Mapping[str, str] | None = None,
    context: Mapping[str, Any] | None = None,
    time_limit: float = TIME_LIMIT,
    figure_links: bool = False,
) -> Document:
    """The ``Document`` ``template`` makes of ``briefing``, with page, styles and properties.

    ``overlay`` maps file names relative to the template folder (``briefing.html.j2``,
    ``_common/nd30.html.j2``) to unsaved texts that stand for those files; the sandbox is the
    same either way. ``context`` may be passed when the caller already built it. The markup the
    template produced is kept in ``Document.markup``; invalid markup raises ``MarkupProblem``.
    ``figure_links`` (the GUI's preview only) marks each chosen figure's run with its id and
    asks the PDF writer for a link over it (``Document.figure_links``).
    """
    token = FIGURE_LINKS.set(figure_links)
    try:
        document = _make_document(workspace, briefing, template, overlay, context, time_limit)
    finally:
        FIGURE_LINKS.reset(token)
    document.figure_links = figure_links
    return document


def _make_document(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    overlay: Mapping[str, str] | None,
    context: Mapping[str, Any] | None,
    time_limit: float,
) -> Document:
    manifest = template.manifest
    if manifest is None or not template.usable:
        raise template.error or BriefingError(
            f"Mẫu “{template.id}” bị lỗi.",
            f"Template “{template.id}” is broken.",
            path=template.folder,
        )
    if briefing.template != template.id:  # the context names the template in use
        briefing = replace(briefing, template=template.id)
    if context is None:
        context = build_context(workspace, briefing, template)
    if overlay:
        sandbox = BriefingSandbox(template.folder, overlay=overlay)
    else:
        sandbox = sandbox_for(template.folder)
    markup = sandbox.render(manifest.entry, context, time_limit=time_limit)
    styles = manifest.merged_styles()
    try:
        blocks = parse_markup(
            markup,
            styles=manifest.style_names(),
            template_id=template.id,
            path=template.entry_path,
        )
    except BriefingError as error:
        raise MarkupProblem(error, markup) from error
    meeting = context["briefing"]["meeting"]
    counterpart = meeting["counterpart"]["name"]
    keywords = [k for k in (counterpart, meeting["place"], manifest.name_vi) if k]
    info = DocumentInfo(
        title=context["briefing"]["title"],
        author=briefing.agency.name or briefing.agency.parent,
        subject=meeting["purpose"] or manifest.name_vi,
        keywords=keywords,
    )
    return Document(
        blocks=blocks, info=info, page=manifest.page_setup(), styles=styles, markup=markup
    )
