"""The editors' reference page lists every tag, class, variable and filter, and is up to date."""

from __future__ import annotations

import re

from briefing_studio.paths import seed_files
from briefing_studio.templating import TemplateLibrary
from briefing_studio.templating.draft import Draft
from briefing_studio.templating.filters import FILTERS
from briefing_studio.templating.manifest import RESERVED_STYLES
from briefing_studio.templating.markup import _KNOWN_TAGS
from briefing_studio.templating.pipeline import make_document
from briefing_studio.templating.reference import MARKUP_TAGS, build_reference, readme_path


def test_templates_readme_is_generated_from_the_code() -> None:
    assert readme_path().read_text(encoding="utf-8") == build_reference(), (
        "run: python -m briefing_studio.templating.reference"
    )


def test_reference_names_every_tag_class_variable_and_filter() -> None:
    page = build_reference()
    assert {tag for tag, *_ in MARKUP_TAGS} == set(_KNOWN_TAGS)
    for name in RESERVED_STYLES:
        assert f"| `{name}` |" in page
    for name in FILTERS:
        assert f"### `{name}" in page
    for variable in (
        "briefing",
        "counterpart",
        "sections",
        "slots",
        "by_slot",
        "figures",
        "sources",
        "glossary",
        "template",
        "today",
    ):
        assert f"### `{variable}`" in page
    assert "`letterhead`" in page and "`big-number`" in page  # built-in templates' classes


def test_the_example_on_the_reference_page_works() -> None:
    from briefing_studio.analysis import analyze
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source
    from briefing_studio.workspace import Workspace

    example = re.search(r"```jinja\n(.*?)```", build_reference(), re.S).group(1)
    template = TemplateLibrary(None).get("embassy-meeting")
    analyses = Workspace(analyze(load_source(p)) for p in seed_files())
    briefing = new_briefing(analyses, "suggested", None)
    draft = Draft(template, template.manifest, {"briefing.html.j2": example})
    document = make_document(analyses, briefing, draft.as_template(), overlay=draft.files)
    assert "<h1>I. Thông tin chung</h1>" in document.markup
    assert document.blocks
