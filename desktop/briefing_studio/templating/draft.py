"""Rendering a template while it is being edited: unsaved texts laid over its folder.

The editor previews what the editor *typed*, not what is saved: ``make_document`` gets the
form's manifest (``Draft.as_template``) and the open buffers as its overlay, and runs in the
same sandbox as a real export (never outside it). The template manager uses the same road with
no buffers to check every template against a sample briefing, so a template that parses but
fails when run (an unknown tag, an unsafe attribute, an endless loop) is listed with its
problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError
from briefing_studio.templating.manifest import Template, TemplateManifest, read_template_file
from briefing_studio.templating.pipeline import make_document
from briefing_studio.templating.sandbox import (
    TIME_LIMIT,
    TemplateProblem,
    check_template_source,
)
from briefing_studio.workspace import Workspace

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


@dataclass
class Draft:
    """A template being edited: its folder, the form's manifest and unsaved file texts.

    ``files`` maps relative names (``briefing.html.j2``) to text; a file not in it is read from
    the folder as saved.
    """

    template: Template
    manifest: TemplateManifest
    files: dict[str, str] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.template.folder

    def as_template(self) -> Template:
        """The template as the editor has it: the form's manifest over the saved folder."""
        return replace(
            self.template, id=self.manifest.id, manifest=self.manifest, problem=None, error=None
        )

    def text_of(self, name: str) -> str | None:
        """The text of ``name``: the buffer if open, else the saved file, else None."""
        if name in self.files:
            return self.files[name]
        try:
            return read_template_file(self.folder / name)
        except BriefingError:
            return None


@dataclass(frozen=True)
class Located:
    """Where in the template's files a problem is: relative file name and 1-based line."""

    file: str
    line: int


def sample_briefing() -> tuple[Workspace, Briefing]:
    """The two seed texts with the suggested selection: what a preview shows when no briefing
    is open (the same start the app makes)."""
    from briefing_studio.paths import seed_files
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source

    workspace = Workspace.analyze(load_source(path) for path in seed_files())
    return workspace, new_briefing(workspace, "suggested", None)


def syntax_problems(draft: Draft) -> dict[str, list[TemplateProblem]]:
    """Jinja syntax problems of every open buffer (fast: parsing only, nothing runs)."""
    found = {}
    for name, text in draft.files.items():
        problems = check_template_source(text, name)
        if problems:
            found[name] = problems
    return found


def check_template(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    time_limit: float = TIME_LIMIT,
) -> BriefingError | None:
    """Why ``template`` cannot produce this briefing, or None when it can.

    Every Jinja file is parsed first, so a syntax error in a file the sample briefing does not
    reach is still found; then the template runs on the briefing in the sandbox.
    """
    if template.manifest is None or template.error is not None:
        return template.error or BriefingError(
            f"Mẫu “{template.id}” bị lỗi: {template.problem}",
            f"Template “{template.id}” is broken: {template.problem}",
            path=template.folder,
        )
    for path in sorted(template.folder.rglob("*.j2")):
        try:
            text = read_template_file(path)
        except BriefingError as error:
            return error
        problems = check_template_source(text, path.name)
        if problems:
            first = problems[0]
            return BriefingError(first.message, first.message, path=path, line=first.line)
    try:
        make_document(workspace, briefing, template, time_limit=time_limit)
    except BriefingError as error:
        return error
    return None


def locate(error: BriefingError, draft: Draft) -> Located | None:
    """The file and line an error points at, for the editor to highlight.

    Jinja errors carry their own file and line. Errors in the produced markup carry the markup
    line only, so the template line that wrote it is found by matching the line's literal text
    (what lies outside ``{{ }}`` and ``{% %}``) against the markup line.
    """
    folder = draft.folder.resolve()
    if error.path is not None and error.line:
        try:
            name = Path(error.path).resolve().relative_to(folder).as_posix()
        except (ValueError, OSError):
            name = Path(error.path).name
        return Located(name, error.line)
    markup_line = getattr(error, "markup_line", "")
    return _find_template_line(markup_line, draft) if markup_line.strip() else None


def _find_template_line(markup_line: str, draft: Draft) -> Located | None:
    names = [draft.manifest.entry, *sorted(n for n in draft.files if n != draft.manifest.entry)]
    saved = (p.relative_to(draft.folder).as_posix() for p in draft.folder.rglob("*.j2"))
    names += sorted(name for name in saved if name not in names)  # _common/… parts too
    best: tuple[int, Located] | None = None
    for name in names:
        text = draft.text_of(name)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            pieces = [p.strip() for p in _JINJA.split(line) if p.strip()]
            if not pieces or not any("<" in p for p in pieces):
                continue
            if all(p in markup_line for p in pieces):
                score = sum(len(p) for p in pieces)
                if best is None or score > best[0]:
                    best = (score, Located(name, number))
    return best[1] if best else None
