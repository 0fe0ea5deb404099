"""The DOCX a secretary exports: real Word styles, Decree 30 page setup, fields, properties."""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from briefing_studio.document import (
    Cell,
    Division,
    Document,
    DocumentInfo,
    Heading,
    ListBlock,
    ListItem,
    Row,
    Run,
    StyleSpec,
    Table,
)
from briefing_studio.errors import BriefingError
from briefing_studio.presets import get_preset
from briefing_studio.render import docx_bytes, docx_writer, write
from writer_fixtures import (
    HEADER_CELLS,
    PANGRAM,
    TRICKY,
    block_texts,
    docx_paragraph_texts,
    every_toned_vowel,
    figures_table,
    handout_document,
    nd30_document,
    nd30_styles,
    para,
    run,
)


@pytest.fixture(scope="module")
def nd30_bytes() -> bytes:
    return docx_bytes(nd30_document())


@pytest.fixture(scope="module")
def nd30(nd30_bytes: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(nd30_bytes))


def styles_used(word: docx.document.Document) -> set[str]:
    names = {p.style.name for p in word.paragraphs}
    for table in word.tables:
        names.add(table.style.name)
        for row in table.rows:
            for cell in row.cells:
                names.update(p.style.name for p in cell.paragraphs)
    return names


def test_secretary_gets_word_styles_an_editor_can_change(nd30: docx.document.Document) -> None:
    used = styles_used(nd30)
    expected = {
        "Normal",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "List Bullet 2",
        "List Number",
        "List Number 2",
        "Table Grid",
        "Table Borderless",
        "Table Text",
        "Table Header",
        "doc-title",
        "agency",
        "motto",
    }
    assert expected <= used
    assert [p.text for p in nd30.paragraphs if p.style.name == "Heading 1"] == [
        "I. Tình hình chung",
        "II. Số liệu theo địa phương",
    ]
    title = nd30.styles["doc-title"]
    assert title.type == WD_STYLE_TYPE.PARAGRAPH and title.base_style.name == "Normal"
    assert title.font.all_caps and title.font.bold
    figure = nd30.styles["figure-value"]
    assert figure.type == WD_STYLE_TYPE.CHARACTER
    panel_runs = [
        r
        for t in nd30.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.style.name == "figure-value"
    ]
    assert [r.text for r in panel_runs] == ["trên 12,4 tỷ USD", "15,2%", "4.814 dự án"]


def test_body_and_headings_use_the_preset_font_not_blue_calibri(
    nd30: docx.document.Document,
) -> None:
    body = get_preset("nd30").styles["body"]
    normal = nd30.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == body.size
    assert normal.paragraph_format.first_line_indent.mm == pytest.approx(10, abs=0.05)
    assert normal.paragraph_format.line_spacing == pytest.approx(1.15)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == "Times New Roman"
    for level in (1, 2, 3):
        heading = nd30.styles[f"Heading {level}"]
        assert heading.font.name == "Times New Roman"
        assert str(heading.font.color.rgb) == "000000"
        assert heading.font.color.theme_color is None
        assert heading.font.size.pt == 14
        rfonts = heading.element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:asciiTheme")) is None
    assert nd30.styles["Heading 3"].font.italic is True


def test_decree_30_page_setup_and_number_from_page_two(nd30: docx.document.Document) -> None:
    section = nd30.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer  # w:titlePg
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header_xml = etree.tostring(section.header._element).decode()
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert section.header.paragraphs[0].alignment == 1  # centred
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "".join(p.text for p in first.paragraphs) == ""
    assert "instrText" not in etree.tostring(first._element).decode()


def test_handout_footer_reads_trang_x_of_y() -> None:
    word = docx.Document(io.BytesIO(docx_bytes(handout_document())))
    section = word.sections[0]
    assert not section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Trang ")


def test_long_table_repeats_its_header_row_with_relative_widths(
    nd30: docx.document.Document,
) -> None:
    figures = next(
        t for t in nd30.tables if t.style.name == "Table Grid" and t.rows[0].cells[0].text == "STT"
    )
    assert len(figures.rows) == 62
    assert [c.text for c in figures.rows[0].cells] == list(HEADER_CELLS)
    header_flags = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in figures.rows
    ]
    assert header_flags == [True] + [False] * 61
    widths = [col.width.mm for col in figures.columns]
    assert sum(widths) == pytest.approx(165, abs=0.2)
    assert widths[1] / widths[0] == pytest.approx(4, rel=0.01)
    total = figures.rows[-1]._tr.tc_lst[0]
    assert total.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    header_fill = figures.rows[0].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert header_fill == "E7E6E6"


def test_letterhead_is_borderless(nd30: docx.document.Document) -> None:
    letterhead = nd30.tables[0]
    assert letterhead.style.name == "Table Borderless"
    assert letterhead.style.element.find(f".//{qn('w:tblBorders')}") is None
    assert letterhead.rows[0].cells[1].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_key_figures_panel_is_a_shaded_framed_box(nd30: docx.document.Document) -> None:
    panel = next(t for t in nd30.tables if t.rows[0].cells[0].text.startswith("Số liệu chính"))
    assert panel.style.name == "Table Grid"
    cell = panel.rows[0].cells[0]
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F2F2F2"
    assert {p.style.name for p in cell.paragraphs} == {"key-figures"}
    assert panel.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_every_paragraph_and_cell_of_the_document_is_in_the_file(nd30_bytes: bytes) -> None:
    written = "\n".join(docx_paragraph_texts(nd30_bytes))
    for text in block_texts(nd30_document().blocks):
        assert text in written
    assert every_toned_vowel() in written and every_toned_vowel(upper=True) in written
    assert PANGRAM in written and TRICKY in written
    assert unicodedata.is_normalized("NFC", written)


def test_numbered_lists_each_count_from_one(nd30: docx.document.Document) -> None:
    numbering = nd30.part.numbering_part.element
    ids = [p._p.pPr.numPr.numId.val for p in nd30.paragraphs if p.style.name == "List Number"]
    assert len(ids) == 3 and len(set(ids)) == 1
    num = numbering.num_having_numId(ids[0])
    assert num.find(f".//{qn('w:startOverride')}").get(qn("w:val")) == "1"
    nested = {p._p.pPr.numPr.numId.val for p in nd30.paragraphs if p.style.name == "List Number 2"}
    assert len(nested) == 1 and nested.isdisjoint(ids)


def test_core_properties_describe_the_briefing(nd30: docx.document.Document) -> None:
    core = nd30.core_properties
    assert core.title == "Báo cáo hợp tác kinh tế châu Âu 2024"
    assert core.author == core.last_modified_by == "Vụ Châu Âu"
    assert core.subject == "Hợp tác kinh tế"
    assert core.keywords == "châu Âu, FDI, Bắc Giang"
    assert core.language == "vi-VN"
    assert "python-docx" not in (core.comments or "")
    now = datetime.now(UTC).replace(tzinfo=None)
    created = core.created.replace(tzinfo=None)
    assert timedelta(0) <= now - created < timedelta(hours=1)


def test_docx_is_well_formed_and_reopens(nd30_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(nd30_bytes)) as package:
        assert package.testzip() is None
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises on malformed XML
        assert not [n for n in package.namelist() if n.endswith(".jpeg")]
    assert len(docx.Document(io.BytesIO(nd30_bytes)).paragraphs) > 20


def test_classes_named_like_word_built_ins_replace_them() -> None:
    document = nd30_document()
    document.styles["title"] = document.styles.pop("doc-title")
    document.styles["strong"] = document.styles.pop("figure-value")
    document.styles["caption"] = StyleSpec("caption", italic=True, size=11)
    document.styles["Heading 1"] = StyleSpec("Heading 1", bold=False)  # one the writer uses
    document.blocks = [
        para("Tiêu đề", style="title"),
        para("Có ", run("4.814", style="strong")),
        para("Chú thích", style="caption"),
        para("Mục", style="Heading 1"),
    ]
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    assert word.paragraphs[0].style.name.lower() == "title"
    assert word.paragraphs[0].style.base_style.name == "Normal"
    assert word.paragraphs[1].runs[1].style.name.lower() == "strong"
    caption = word.paragraphs[2].style
    assert caption.name == "Caption" and caption.base_style.name == "Normal"
    assert caption.font.italic and caption.font.size.pt == 11
    assert [style.name for style in word.styles].count("Caption") == 1
    assert word.paragraphs[3].style.name == "Heading 1 (template)"
    assert not word.paragraphs[3].style.font.bold and word.styles["Heading 1"].font.bold


def test_control_characters_and_markup_in_text_do_not_break_the_file() -> None:
    document = Document(
        blocks=[para("Mục <b>1</b> & \x01ký\x0b tự"), Heading(2, [run("Tiêu đề & <i>")])],
        info=DocumentInfo(title="Tệp\x02 thử"),
    )
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    assert word.paragraphs[0].text == "Mục <b>1</b> & ký tự"
    assert word.core_properties.title == "Tệp thử"


def test_empty_and_deeply_nested_lists_still_write() -> None:
    deep = ListBlock(ordered=True, items=[ListItem([run("một")])])
    for _ in range(5):
        deep = ListBlock(ordered=False, items=[ListItem([run("cấp")], children=[deep])])
    word = docx.Document(io.BytesIO(docx_bytes(Document(blocks=[deep]))))
    assert [p.text for p in word.paragraphs][-1] == "một"
    assert docx.Document(io.BytesIO(docx_bytes(Document(blocks=[])))).paragraphs == []


def test_failed_export_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "báo cáo.docx"
    write(nd30_document(), "docx", target)
    before = target.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(docx_writer._Writer, "blocks", broken)
    with pytest.raises(RuntimeError):
        write(nd30_document(), "docx", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["báo cáo.docx"]


def test_unknown_format_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError) as caught:
        write(nd30_document(), "odt", tmp_path / "x.odt")
    assert "odt" in caught.value.message("vi") and "odt" in caught.value.message("en")
    assert not list(tmp_path.iterdir())


def test_a_sliver_column_keeps_room_for_text() -> None:
    table = Table(rows=[Row([Cell([Run("STT")]), Cell([Run("Nội dung")])])], widths=[1, 100])
    word = docx.Document(io.BytesIO(docx_bytes(Document(blocks=[table]))))
    widths = [column.width.mm for column in word.tables[0].columns]
    assert widths[0] >= 5.8 and sum(widths) == pytest.approx(165, abs=0.2)


def test_touching_tables_stay_two_tables_in_word() -> None:
    inner = Division(blocks=[para("bên trong")], style="box")
    blocks = [
        figures_table(2),
        figures_table(2),
        Division(blocks=[inner, figures_table(1)], style="box"),
    ]
    data = docx_bytes(Document(blocks=blocks, styles={"box": StyleSpec("box", border=True)}))
    body = docx.Document(io.BytesIO(data)).element.body
    tags = [
        etree.QName(child).localname for child in body if etree.QName(child).localname != "sectPr"
    ]
    assert tags == ["tbl", "p", "tbl", "p", "tbl"]
    panel = docx.Document(io.BytesIO(data)).tables[2].rows[0].cells[0]
    inside = [etree.QName(child).localname for child in panel._tc][1:]
    assert inside == ["tbl", "p", "tbl", "p"]  # a cell must end with a paragraph
    assert all(p.paragraph_format.line_spacing.pt == 1 for p in panel.paragraphs)


def test_figure_cells_made_of_paragraphs_have_no_empty_first_line() -> None:
    word = docx.Document(io.BytesIO(docx_bytes(handout_document())))
    nested = [inner for t in word.tables for c in t.rows[0].cells for inner in c.tables]
    grid = next(t for t in nested if len(t.columns) == 2)
    assert grid.style.name == "Table Borderless"
    for row in grid.rows:
        for cell in row.cells:
            assert [p.style.name for p in cell.paragraphs] == ["big-number", "figure-caption"]
            assert all(p.text for p in cell.paragraphs)


def test_a_ruled_style_draws_a_short_centred_line_under_its_paragraph() -> None:
    from writer_fixtures import ruled_agency_document

    document = ruled_agency_document(share=0.4)
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    text_width = document.page.width - document.page.left - document.page.right

    def rule_after(paragraphs, text: str) -> tuple[float, float]:
        index = next(i for i, p in enumerate(paragraphs) if p.text == text)
        line = paragraphs[index + 1]
        assert line.text == ""
        bottom = line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
        assert bottom is not None and bottom.get(qn("w:val")) == "single"
        fmt = line.paragraph_format
        return fmt.left_indent.mm, fmt.right_indent.mm

    left, right = rule_after(word.paragraphs, "VỤ CHÂU ÂU")  # the free paragraph
    assert left == pytest.approx(right) and text_width - 2 * left == pytest.approx(
        0.4 * text_width, abs=0.1
    )
    cell = word.tables[0].cell(0, 0)
    left, right = rule_after(cell.paragraphs, "VỤ CHÂU ÂU")  # inside the 40 % letterhead cell
    inner = 0.4 * text_width - 2 * docx_writer.layout.CELL_PAD_X_MM
    assert left == pytest.approx(right) and inner - 2 * left == pytest.approx(0.4 * inner, abs=0.1)
    # Only the ruled paragraphs get a line.
    borders = [p for p in word.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None]
    assert len(borders) == 1


# ----- speed: a reused style sheet and runs written directly --------------------------------


def _styles_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")


def test_a_reused_style_sheet_belongs_to_its_own_document() -> None:
    """Sheets are kept between writes (keyed by styles, language and classes): each document
    still gets exactly its own, however the writes interleave."""
    times = Document([para(run("Kim ngạch", style="figure"), style="lead")], styles=nd30_styles())
    arial_styles = {**nd30_styles(), "body": StyleSpec("body", font="Arial", size=13)}
    arial = Document([para(run("Kim ngạch", style="figure"), style="lead")], styles=arial_styles)
    first = _styles_xml(docx_bytes(times))
    other = _styles_xml(docx_bytes(arial))
    assert _styles_xml(docx_bytes(times)) == first
    assert other != first and b'w:ascii="Arial"' in other and b'w:ascii="Arial"' not in first
    english = Document(times.blocks, DocumentInfo(language="en-GB"), styles=nd30_styles())
    assert b'w:val="en-GB"' in _styles_xml(docx_bytes(english))
    word = docx.Document(io.BytesIO(docx_bytes(times)))
    assert {"lead", "figure"} <= {style.name for style in word.styles}


@pytest.mark.parametrize("style", [None, "figure"])
@pytest.mark.parametrize("flags", [(False, False, False), (True, False, True), (True, True, True)])
@pytest.mark.parametrize("text", ["12,4 tỷ USD", " Đầu có cách", "cuối có cách ", "a < b & c > d"])
def test_runs_are_the_xml_python_docx_writes(
    style: str | None, flags: tuple[bool, bool, bool], text: str
) -> None:
    from briefing_studio.render import docx_xml

    bold, italic, underline = flags
    rpr = docx_xml.simple_rpr(style, bold, italic, "single" if underline else None)
    ours = etree.fromstring(f"<w:p {docx_xml.NAMESPACES}>{docx_xml.run(text, rpr)}</w:p>")[0]
    theirs = docx.Document().add_paragraph().add_run(text)
    if style:
        theirs._r.get_or_add_rPr().style = style
    if bold:
        theirs.bold = True
    if italic:
        theirs.italic = True
    if underline:
        theirs.underline = True
    assert _canonical(ours) == _canonical(theirs._r)


def _canonical(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def test_the_package_holds_only_the_parts_a_briefing_uses(nd30_bytes: bytes) -> None:
    """No theme, web settings, font table, custom XML or the 440 kB "styles with effects"
    of python-docx's template: Word, LibreOffice and python-docx open the file without them."""
    with zipfile.ZipFile(io.BytesIO(nd30_bytes)) as package:
        names = set(package.namelist())
        styles_size = len(package.read("word/styles.xml"))
    assert names == {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/header2.xml",
    }
    assert styles_size < 40_000  # python-docx's template alone carries 357 kB of table styles


def test_the_style_sheet_has_the_built_in_styles_an_editor_expects(
    nd30: docx.document.Document,
) -> None:
    names = {style.name for style in nd30.styles}
    built_in = {
        "Normal",
        "Default Paragraph Font",
        "Normal Table",
        "No List",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Paragraph",
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
        "Header",
        "Footer",
        "Caption",
        "Table Grid",
    }
    assert (
        built_in
        | {"Table Text", "Table Header", "Table Borderless"}
        | set(nd30_styles())
        - {
            "body",
            "h1",
            "h2",
            "h3",
            "list",
            "table",
            "th",
        }
        <= names
    )
    assert "Light Shading Accent 1" not in names and "Heading 9" not in names
    grid = nd30.styles["Table Grid"].element.find(f".//{qn('w:tblBorders')}")
    assert grid is not None and len(grid) == 6
    assert nd30.styles["Heading 1"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_applying_a_list_style_in_word_gives_the_briefings_markers(
    nd30: docx.document.Document,
) -> None:
    """An editor who sets "List Bullet 2" on a paragraph gets the writer's dash at level 2."""
    numbering = nd30.part.numbering_part.element
    for ordered, markers in (
        (False, docx_writer.layout.BULLETS),
        (True, [text for _, text in docx_writer.layout.NUMBER_FORMATS]),
    ):
        for depth, marker in enumerate(markers):
            name = ("List Number" if ordered else "List Bullet") + (
                f" {depth + 1}" if depth else ""
            )
            num_pr = nd30.styles[name].element.pPr.numPr
            assert num_pr.ilvl is not None and num_pr.ilvl.val == depth
            num = numbering.num_having_numId(num_pr.numId.val)
            abstract = next(
                a
                for a in numbering.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
            )
            level = abstract.findall(qn("w:lvl"))[depth]
            assert level.find(qn("w:lvlText")).get(qn("w:val")) == marker


def test_writing_a_docx_imports_neither_python_docx_nor_reportlab() -> None:
    """The motto's one-line underline is measured from the font file itself (reportlab and
    python-docx took about 0.25 s to import in a fresh process)."""
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from briefing_studio.document import StyleSpec\n"
        "from writer_fixtures import nd30_document, para\n"
        "from briefing_studio.render import docx_bytes\n"
        "document = nd30_document()\n"
        "document.styles['motto-line'] = StyleSpec('motto-line', bold=True, underline=True)\n"
        "document.blocks.insert(0, para('Độc lập - Tự do - Hạnh phúc', style='motto-line'))\n"
        "import io, zipfile\n"
        "body = zipfile.ZipFile(io.BytesIO(docx_bytes(document))).read('word/document.xml')\n"
        "assert b'<w:u w:val=\"none\"/>' in body  # drawn as a rule: it was measured\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'reportlab')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("font", ["Times New Roman", "Arial"])
@pytest.mark.parametrize(
    ("bold", "italic"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_text_is_measured_as_reportlab_measures_it(font: str, bold: bool, italic: bool) -> None:
    from reportlab.pdfbase import pdfmetrics

    from briefing_studio.render import font_faces, fonts

    texts = [
        every_toned_vowel(),
        every_toned_vowel(upper=True),
        PANGRAM,
        TRICKY,
        "\u00a0€–…“”•◦中😀",
    ]
    face = fonts.face_for(font, bold, italic)
    for text in texts:
        theirs = pdfmetrics.stringWidth(text, face, 13)
        assert font_faces.text_width_pt(text, font, 13, bold, italic) == pytest.approx(theirs)


def test_spans_that_run_into_each_other_keep_every_cell() -> None:
    """ "c" is merged down into the row where "d" spans all three columns: "d" gives way
    (python-docx merged the whole table into one cell holding "a", "b", "c" and "d")."""
    table = Table(
        rows=[
            Row([Cell([Run("a")]), Cell([Run("b")]), Cell([Run("c")], rowspan=2)]),
            Row([Cell([Run("d")], colspan=3)]),
        ]
    )
    word = docx.Document(io.BytesIO(docx_bytes(Document(blocks=[table]))))
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == [
        ["a", "b", "c"],
        ["d", "d", "c"],
    ]
