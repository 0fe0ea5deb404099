"""Lines and indents a reader notices: rules clear of the letters, bullets under the labels,
web addresses that wrap only at their separators. Measured in the files both writers produce."""

from __future__ import annotations

import io
import zipfile

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from briefing_studio.briefing import Agency
from briefing_studio.document import Cell, Document, Row, Run, Table
from briefing_studio.paths import seed_files
from briefing_studio.presets import get_preset
from briefing_studio.render import layout
from briefing_studio.render.docx_writer import docx_bytes
from briefing_studio.render.pdf_writer import pdf_bytes
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.workspace import Workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AGENCY_NAME = "VỤ TỔNG HỢP KINH TẾ"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MM = 72 / 25.4
DROP_PT = 2.0  # rules drawn 2–3 pt lower than before


@pytest.fixture(scope="module")
def document() -> Document:
    analyses = Workspace.analyze([load_source(path) for path in seed_files()])
    briefing = new_briefing(analyses, "suggested", resolve_counterpart("Hàn Quốc"))
    briefing.agency = Agency(parent="BỘ NGOẠI GIAO", name=AGENCY_NAME)
    briefing.meeting.participants = ["Ông Nguyễn Văn A, Vụ trưởng", "Bà Trần Thị B"]
    return make_document(analyses, briefing, TemplateLibrary(None).get("embassy-meeting"))


@pytest.fixture(scope="module")
def pdf_page(document: Document):
    return pdfium.PdfDocument(pdf_bytes(document))[0]


@pytest.fixture(scope="module")
def docx_root(document: Document):
    with zipfile.ZipFile(io.BytesIO(docx_bytes(document))) as package:
        return (
            etree.fromstring(package.read("word/document.xml")),
            etree.fromstring(package.read("word/numbering.xml")),
        )


def char_boxes(page, needle: str) -> list[tuple[float, float, float, float]]:
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    start = text.index(needle)
    return [
        textpage.get_charbox(i) for i in range(start, start + len(needle)) if not text[i].isspace()
    ]


def line_under(page, needle: str) -> tuple[float, float]:
    """(lowest glyph bottom of ``needle``, top of the thin line drawn under it), in points."""
    boxes = char_boxes(page, needle)
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom = min(b[1] for b in boxes)
    lines = []
    for obj in page.get_objects():
        if obj.type != pdfium_raw.FPDF_PAGEOBJ_PATH:
            continue
        x0, y0, x1, y1 = obj.get_bounds()
        if y1 - y0 < 2 and x0 < right and x1 > left and bottom - 15 < y1 < bottom + 10:
            lines.append(y1)
    assert lines, f"no line under {needle!r}"
    return bottom, max(lines)


# Rules clear of the letters -----------------------------------------------------------------


def test_pdf_agency_rule_sits_well_below_the_marks_under_the_capitals(pdf_page) -> None:
    bottom, rule_top = line_under(pdf_page, AGENCY_NAME)
    # The dot under Ụ and Ợ is the lowest ink; the rule used to sit 2.2 pt under it.
    assert bottom - rule_top >= 2.2 + DROP_PT


def test_pdf_motto_underline_does_not_cut_the_descenders(pdf_page) -> None:
    bottom, underline_top = line_under(pdf_page, MOTTO)
    # "p" of "lập"/"phúc" and the dot under "ạ", "ậ": the underline used to cross them.
    assert underline_top < bottom


def paragraphs(root) -> list:
    return list(root.iter(f"{W}p"))


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_docx_motto_underline_is_a_rule_of_the_texts_width_below_it(docx_root) -> None:
    root, _ = docx_root
    ps = paragraphs(root)
    index = next(i for i, p in enumerate(ps) if text_of(p) == MOTTO)
    for run in ps[index].iter(f"{W}r"):
        underline = run.find(f"{W}rPr/{W}u")
        assert underline is not None and underline.get(f"{W}val") == "none"
    rule = ps[index + 1]
    assert text_of(rule) == ""
    bottom = rule.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert bottom is not None and bottom.get(f"{W}val") == "single"
    ind = rule.find(f"{W}pPr/{W}ind")
    left, right = int(ind.get(f"{W}left")), int(ind.get(f"{W}right"))
    assert left == right  # centred under the centred motto
    # 60 % of the 165 mm text width, less the cell margins; the motto is about 62 mm wide.
    cell_twips = (0.6 * 165 - 2 * 1.9) * 1440 / 25.4
    rule_mm = (cell_twips - left - right) * 25.4 / 1440
    assert 55 < rule_mm < 70


def test_docx_agency_rule_is_dropped_below_the_name(docx_root) -> None:
    root, _ = docx_root
    ps = paragraphs(root)
    index = next(i for i, p in enumerate(ps) if text_of(p) == AGENCY_NAME)
    spacing = ps[index + 1].find(f"{W}pPr/{W}spacing")
    assert int(spacing.get(f"{W}before")) >= DROP_PT * 20  # twentieths of a point
    assert ps[index + 1].find(f"{W}pPr/{W}pBdr/{W}bottom") is not None


# Bullets under the labels ---------------------------------------------------------------------


def test_pdf_participant_bullets_line_up_with_the_detail_labels(pdf_page) -> None:
    label_x = char_boxes(pdf_page, "Thành phần tham dự:")[0][0]
    textpage = pdf_page.get_textpage()
    text = textpage.get_text_range()
    bullet_x = textpage.get_charbox(text.index("•"))[0]
    assert abs(bullet_x - label_x) < 0.5 * MM  # used to be 5 mm to the left


def test_docx_bullets_sit_at_the_first_line_indent_of_the_labels(docx_root, document) -> None:
    _, numbering = docx_root
    ours = [  # the writer's lists (nsid 4253…), not the ones python-docx's template ships
        a
        for a in numbering.iter(f"{W}abstractNum")
        if a.find(f"{W}nsid").get(f"{W}val")[:4] == "4253"
    ]
    assert ours
    first_level = ours[0].find(f"{W}lvl/{W}pPr/{W}ind")
    marker = int(first_level.get(f"{W}left")) - int(first_level.get(f"{W}hanging"))
    label_indent = document.style("detail").first_line_indent
    assert abs(marker - label_indent * 1440 / 25.4) <= 1


# Web addresses in narrow columns ----------------------------------------------------------------


def narrow_table_document(text: str) -> Document:
    table = Table(rows=[Row(cells=[Cell([Run("1")]), Cell([Run(text)])])], widths=[85, 15])
    return Document(blocks=[table], styles=get_preset("nd30").fresh_styles())


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("bacgiang.gov.vn, 20/12/2024", "bacgiang.gov.vn,"),
        ("https://baoquocte.vn/ngoai-giao-kinh-te", "https://baoquocte.vn/ngoai-giao-kinh-te"),
    ],
)
def test_pdf_breaks_a_web_address_only_after_its_separators(text: str, address: str) -> None:
    page = pdfium.PdfDocument(pdf_bytes(narrow_table_document(text)))[0]
    # pdfium reads a hyphen at the end of a text line as U+FFFE
    extracted = page.get_textpage().get_text_range().replace("\ufffe", "-")
    lines = [line.strip() for line in extracted.splitlines()]
    lines[0] = lines[0].removeprefix("1").strip()  # the first column's "1"
    parts, joined = [], ""
    for line in lines:
        if joined == address:
            break
        parts.append(line.split()[0])
        joined += parts[-1]
    assert joined == address
    assert len(parts) > 1  # the column is too narrow for it: it does wrap …
    assert all(part[-1] in "/.-" for part in parts[:-1]), parts  # … never "gov.v" / "n"


def test_docx_gives_word_break_opportunities_only_after_separators() -> None:
    data = docx_bytes(narrow_table_document("bacgiang.gov.vn, 20/12/2024"))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    texts = [text_of(p) for p in root.iter(f"{W}p")]
    assert "bacgiang.\u200bgov.\u200bvn, 20/12/2024" in texts


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"aZ09-_./:@ hwtpsx", "\u1ec7", "\xa0", "\n"]), max_size=40)
    | st.sampled_from(
        ["http://localhost", "HTTPS://x", "www.mofa.gov.vn", "a@b.vn", "đạt 12,4 tỷ", "1.200"]
    )
)
def test_the_quick_address_test_agrees_with_the_pattern(text: str) -> None:
    assert layout.has_url(text) == (layout.URL_LIKE.search(text) is not None)


def test_text_without_characters_xml_forbids_is_left_as_it_is() -> None:
    """``printable`` skips its pattern for printable text: none of the characters the pattern
    removes is printable."""
    removed = [chr(c) for c in range(0x110000) if layout._NOT_IN_XML.fullmatch(chr(c))]
    assert len(removed) == 31 and not any(c.isprintable() for c in removed)
    assert layout.printable("a\x01b\ufffe c\td") == "ab c d"
