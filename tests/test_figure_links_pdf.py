"""The preview's PDF names each chosen figure with an invisible link; exports stay as they were."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
import pytest

from briefing_studio.document import FIGURE_LINK_PREFIX, Run
from briefing_studio.paths import seed_files
from briefing_studio.render import formats
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.templating.filters import FIGURE_LINKS
from briefing_studio.workspace import Workspace


@pytest.fixture(scope="module")
def work():
    workspace = Workspace.analyze([load_source(path) for path in seed_files()])
    return workspace, new_briefing(workspace, "suggested"), TemplateLibrary(None)


def _uris(pdf: bytes) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for annotation in page.get("/Annots") or []
    ]


def _pixels(pdf: bytes) -> list[bytes]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=1).to_pil().tobytes() for i in range(len(document))]
    finally:
        document.close()


def _runs(nodes) -> list[Run]:
    """Every run of a document's blocks, in lists, tables and panels too."""
    found = []
    for node in nodes:
        found.extend(i for i in getattr(node, "inlines", []) if isinstance(i, Run))
        for part in ("blocks", "items", "children", "rows", "cells"):
            found.extend(_runs(getattr(node, part, None) or []))
    return found


@pytest.mark.parametrize("template_id", ["embassy-meeting", "handout"])
def test_preview_pdf_links_each_chosen_figure_and_looks_the_same_as_the_export(
    work, template_id: str
) -> None:
    workspace, briefing, library = work
    template = library.get(template_id)
    exported = make_document(workspace, briefing, template)
    preview = make_document(workspace, briefing, template, figure_links=True)
    assert not FIGURE_LINKS.get(), "the switch is off again after the preview's render"

    assert "data-figure" not in exported.markup and not exported.figure_links
    assert not any(run.figure for run in _runs(exported.blocks))
    plain = formats.get("pdf").write(exported)
    assert _uris(plain) == []

    linked = formats.get("pdf").write(preview)
    uris = _uris(linked)
    named = {uri.removeprefix(FIGURE_LINK_PREFIX) for uri in uris}
    assert uris and all(uri.startswith(FIGURE_LINK_PREFIX) for uri in uris)
    assert named <= set(briefing.figures), "only chosen figures are links"
    in_text = {run.figure for run in _runs(preview.blocks) if run.figure}
    assert in_text and named == in_text, "every figure run of the document has its link"
    assert _pixels(linked) == _pixels(plain), "the links are invisible"


def test_the_docx_of_a_preview_document_has_no_trace_of_the_links(work) -> None:
    workspace, briefing, library = work
    template = library.get("embassy-meeting")
    document = make_document(workspace, briefing, template, figure_links=True)
    exported = make_document(workspace, briefing, template)
    assert document.blocks == exported.blocks  # a run's figure is not part of its look
