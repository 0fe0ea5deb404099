"""Templates: find them, run them in a sandbox, and turn their markup into a ``Document``.

``library`` finds template folders, ``manifest`` reads ``template.toml``, ``context`` builds the
variables, ``filters`` formats Vietnamese numbers and dates, ``sandbox`` runs Jinja safely and
``markup`` parses the result into blocks; ``pipeline.make_document`` is the one road from a
briefing to the ``Document`` both writers consume.
"""

from briefing_studio.templating.context import build_context, default_title
from briefing_studio.templating.library import TemplateLibrary
from briefing_studio.templating.manifest import (
    FORMAT_VERSION,
    Slot,
    Template,
    TemplateManifest,
    default_slot,
    load_manifest,
    load_template,
)
from briefing_studio.templating.markup import parse_markup
from briefing_studio.templating.pipeline import MarkupProblem, make_document
from briefing_studio.templating.sandbox import TemplateProblem, check_template_source

__all__ = [
    "FORMAT_VERSION",
    "MarkupProblem",
    "Slot",
    "Template",
    "TemplateLibrary",
    "TemplateManifest",
    "TemplateProblem",
    "build_context",
    "check_template_source",
    "default_slot",
    "default_title",
    "load_manifest",
    "load_template",
    "make_document",
    "parse_markup",
]
