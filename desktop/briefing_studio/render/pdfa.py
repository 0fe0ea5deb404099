"""Document → PDF/A-2b: the reportlab PDF, made archival with pikepdf.

reportlab stays the writer; pikepdf then
- drops page transitions (reportlab writes an empty ``/Trans`` on every page) and any font
  resource that is not embedded and not used (PDF/A allows no base-14 font, even an unused one);
- installs an sRGB output intent with the ICC profile pikepdf ships, rewrites the XMP metadata
  from the document info (title, author = the issuing agency, subject, creation date) with
  ``dc:language`` and ``pdfaid:part=2``, ``pdfaid:conformance=B``;
- saves through ``pikepdf.pdfa.save``, which validates the bytes it writes against PDF/A-2b and
  refuses to return a file that does not conform.
"""

from __future__ import annotations

import io

from briefing_studio.document import Document
from briefing_studio.errors import BriefingError

FLAVOUR = "2b"
PART, CONFORMANCE = "2", "B"


def pdfa_bytes(document: Document) -> bytes:
    """The document as a PDF/A-2b file in memory."""
    from briefing_studio.render.pdf_writer import pdf_bytes

    return to_pdfa(pdf_bytes(document), document.info.language or "vi-VN")


def to_pdfa(pdf: bytes, language: str = "vi-VN") -> bytes:
    """Turn a PDF written by our reportlab writer into PDF/A-2b."""
    import pikepdf
    from pikepdf import pdfa

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        for resources in _resource_dicts(doc):
            _drop_unused_unembedded_fonts(resources)
        doc.Root.Lang = pikepdf.String(language)
        pdfa.prepare(doc, FLAVOUR, output_intent="sRGB")
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:language"] = [language]
        out = io.BytesIO()
        try:
            pdfa.save(doc, out, FLAVOUR)
        except pdfa.PdfaError as exc:  # a construct our writer should never produce
            problems = "; ".join(str(f) for f in exc.report.findings[:3])
            raise BriefingError(
                f"Không tạo được PDF/A-2b: {problems}",
                f"Could not make a PDF/A-2b file: {problems}",
            ) from exc
        return out.getvalue()


def _resource_dicts(doc):
    """Every /Resources dictionary of the pages and of the form XObjects they draw."""
    seen: set[tuple[int, int]] = set()
    stack = [page.obj for page in doc.pages]
    while stack:
        holder = stack.pop()
        resources = holder.get("/Resources")
        if resources is None:
            continue
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        yield holder, resources
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.get("/Subtype") == "/Form":
                stack.append(xobject)


def _drop_unused_unembedded_fonts(found) -> None:
    """Remove fonts without an embedded program that the content never selects (``Tf``)."""
    import pikepdf

    holder, resources = found
    fonts = resources.get("/Font")
    if not fonts:
        return
    missing = [name for name, font in fonts.items() if not is_embedded(font)]
    if not missing:
        return
    used = {
        str(operands[0])
        for operands, operator in pikepdf.parse_content_stream(holder)
        if operator == pikepdf.Operator("Tf") and operands
    }
    for name in missing:
        if name in used:
            raise BriefingError(
                f"Phông chữ {name} không được nhúng nên không thể tạo PDF/A.",
                f"Font {name} is not embedded, so no PDF/A can be made.",
            )
        del fonts[name]


def is_embedded(font) -> bool:
    """Whether a font dictionary carries its font program (composite fonts: their descendant)."""
    if font.get("/Subtype") == "/Type3":
        return True
    descendants = font.get("/DescendantFonts")
    if descendants is not None:
        return all(is_embedded(d) for d in descendants)
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
