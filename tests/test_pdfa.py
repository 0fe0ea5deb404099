"""PDF/A-2b exports: the archive facts on every built-in template, checked with pikepdf."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime

import pikepdf
import pytest
from pikepdf import pdfa as pikepdf_pdfa

from briefing_studio.briefing import Agency
from briefing_studio.document import Document, DocumentInfo
from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files
from briefing_studio.render import pdf_bytes
from briefing_studio.render.pdfa import pdfa_bytes, to_pdfa
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.workspace import Workspace
from writer_fixtures import every_toned_vowel, para, pdf_page_texts

AGENCY = Agency(parent="BỘ NGOẠI GIAO", name="VỤ TỔNG HỢP KINH TẾ", place="Hà Nội")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    analyses = Workspace.analyze([load_source(path) for path in seed_files()])
    library = TemplateLibrary(None)
    built = {}
    for template in library.templates():
        if template.origin != "built-in":
            continue
        briefing = new_briefing(analyses, "suggested", resolve_counterpart("Hàn Quốc"))
        briefing.template, briefing.agency = template.id, AGENCY
        built[template.id] = make_document(analyses, briefing, template)
    assert {"embassy-meeting", "province-meeting", "handout"} <= set(built)
    return built


@pytest.fixture(scope="module")
def archives(documents: dict[str, Document]) -> dict[str, bytes]:
    return {name: pdfa_bytes(document) for name, document in documents.items()}


def pdf_date(text: str) -> datetime:
    """``D:20241220093000+07'00'`` → an aware datetime."""
    match = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'?", text)
    assert match, text
    digits, sign, hours, minutes = match.groups()
    return datetime.fromisoformat(f"{digits[:8]}T{digits[8:]}{sign}{hours}:{minutes}")


def fonts_in(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [
        obj
        for obj in pdf.objects
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
    ]


def test_every_template_s_pdfa_passes_pikepdf_s_pdfa_2b_validator(archives) -> None:
    for name, data in archives.items():
        report = pikepdf_pdfa.validate_written(io.BytesIO(data), "2b")
        assert report.passed, (name, [str(f) for f in report.findings])


def test_xmp_declares_pdfa_2b_and_agrees_with_the_info_dictionary(documents, archives) -> None:
    for name, data in archives.items():
        info = documents[name].info
        with pikepdf.open(io.BytesIO(data)) as pdf:
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B", name
            docinfo = pdf.docinfo
            assert meta["dc:title"] == str(docinfo["/Title"]) == info.title
            assert meta["dc:creator"] == [str(docinfo["/Author"])] == ["VỤ TỔNG HỢP KINH TẾ"]
            assert meta["dc:description"] == str(docinfo["/Subject"]) == info.subject
            assert meta["dc:language"] == {"vi-VN"} and str(pdf.Root.Lang) == "vi-VN"
            created = datetime.fromisoformat(meta["xmp:CreateDate"])
            assert created == pdf_date(str(docinfo["/CreationDate"]))


def test_an_srgb_output_intent_carries_an_embedded_icc_profile(archives) -> None:
    for name, data in archives.items():
        with pikepdf.open(io.BytesIO(data)) as pdf:
            (intent,) = pdf.Root.OutputIntents
            assert intent.S == "/GTS_PDFA1", name
            profile = intent.DestOutputProfile
            icc = profile.read_bytes()
            assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and profile.N == 3


def test_every_font_is_embedded_and_nothing_forbidden_remains(archives) -> None:
    for name, data in archives.items():
        with pikepdf.open(io.BytesIO(data)) as pdf:
            fonts = fonts_in(pdf)
            assert fonts, name
            for font in fonts:
                assert "/FontFile2" in font.FontDescriptor, (name, font.get("/BaseFont"))
            assert not pdf.is_encrypted
            assert all("/Trans" not in page.obj for page in pdf.pages)
            assert "/JavaScript" not in pdf.Root.get("/Names", {})
            assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root


def test_the_text_extracts_as_from_the_plain_pdf(documents, archives) -> None:
    for name, data in archives.items():
        assert pdf_page_texts(data) == pdf_page_texts(pdf_bytes(documents[name])), name


def test_every_vietnamese_letter_still_extracts() -> None:
    letters = f"{every_toned_vowel()} {every_toned_vowel(upper=True)} đ Đ"
    document = Document(blocks=[para(letters)], info=DocumentInfo(title="Dấu"))
    text = unicodedata.normalize("NFC", " ".join(pdf_page_texts(pdfa_bytes(document))))
    assert letters in " ".join(text.split())


def with_helvetica(data: bytes, used: bool) -> bytes:
    """Our PDF with a base-14 Helvetica in page 1's resources, drawn with or not."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        helvetica = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
        page.Resources.Font["/Helv"] = pdf.make_indirect(helvetica)
        if used:
            page.contents_add(pdf.make_stream(b"BT /Helv 9 Tf 10 10 Td (x) Tj ET"))
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_an_unused_base14_font_is_dropped_and_a_used_one_refused(documents) -> None:
    plain = pdf_bytes(documents["handout"])
    with pikepdf.open(io.BytesIO(to_pdfa(with_helvetica(plain, used=False)))) as pdf:
        assert all(font.get("/BaseFont") != "/Helvetica" for font in fonts_in(pdf))
    with pytest.raises(BriefingError) as caught:
        to_pdfa(with_helvetica(plain, used=True))
    assert "/Helv" in caught.value.message("vi") and "PDF/A" in caught.value.message("en")
