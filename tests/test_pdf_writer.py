"""The PDF an official prints: embedded fonts, every diacritic, bookmarks, split tables."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from briefing_studio.document import (
    Cell,
    Division,
    Document,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    PageBreak,
    PageSetup,
    Paragraph,
    Row,
    Run,
    StyleSpec,
    Table,
)
from briefing_studio.errors import BriefingError
from briefing_studio.render import pdf_bytes, pdf_writer, write
from writer_fixtures import (
    HEADER_CELLS,
    PANGRAM,
    TRICKY,
    every_toned_vowel,
    figures_table,
    handout_document,
    key_figures,
    nd30_document,
    normalise,
    para,
    pdf_page_texts,
    run,
)


@pytest.fixture(scope="module")
def nd30_pdf() -> bytes:
    return pdf_bytes(nd30_document())


@pytest.fixture(scope="module")
def nd30_reader(nd30_pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(nd30_pdf))


def texts_at(page: pypdf.PageObject) -> list[tuple[str, float]]:
    """(text, baseline y in points) of every text piece drawn on the page."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text.strip(), cm[5] + tm[5] * cm[3]))

    page.extract_text(visitor_text=visit)
    return found


def test_vietnamese_text_comes_back_exactly(nd30_reader: pypdf.PdfReader) -> None:
    first = unicodedata.normalize("NFC", nd30_reader.pages[0].extract_text())
    flat = normalise(first)
    for line in (PANGRAM, TRICKY, every_toned_vowel(), every_toned_vowel(upper=True)):
        assert normalise(line) in flat
    # Case-sensitive check on the letters themselves: every toned capital and đ/Đ.
    letters = set(every_toned_vowel() + every_toned_vowel(upper=True) + "đĐ") - {" "}
    assert letters <= set(first)
    assert "I. TÌNH HÌNH CHUNG" in first  # h1 is uppercase in nd30


def test_fonts_are_embedded_truetype(nd30_reader: pypdf.PdfReader) -> None:
    names = set()
    for page in nd30_reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else font
            assert "/FontFile2" in described["/FontDescriptor"], font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"LiberationSerif", "LiberationSerif-Bold"} <= names
    assert not any("Helvetica" in name for name in names)


def test_long_table_splits_and_repeats_its_header(nd30_reader: pypdf.PdfReader) -> None:
    pages = [p.extract_text() for p in nd30_reader.pages]
    assert len(pages) > 1
    spanned = [i for i, text in enumerate(pages) if "(hàng " in text]
    assert len(spanned) >= 2
    for index in spanned:
        for header in HEADER_CELLS[:3]:
            assert header in pages[index], (index, header)
    rows = [n for n in range(1, 61) if any(f"(hàng {n})" in pages[i] for i in spanned)]
    assert rows == list(range(1, 61))


def test_outline_lists_the_headings_nested(nd30_reader: pypdf.PdfReader) -> None:
    def flatten(items: list, depth: int = 0) -> list[tuple[int, str, int]]:
        out = []
        for item in items:
            if isinstance(item, list):
                out.extend(flatten(item, depth + 1))
            else:
                out.append((depth, item.title, nd30_reader.get_destination_page_number(item)))
        return out

    outline = flatten(nd30_reader.outline)
    headings = [
        (b.level - 1, b.inlines[0].text) for b in nd30_document().blocks if isinstance(b, Heading)
    ]
    assert [(depth, title) for depth, title, _ in outline] == headings
    pages = [page for *_, page in outline]
    assert pages == sorted(pages) and pages[0] == 0 and pages[-1] > 0


def test_metadata_names_title_author_and_creator(nd30_reader: pypdf.PdfReader) -> None:
    meta = nd30_reader.metadata
    assert meta.title == "Báo cáo hợp tác kinh tế châu Âu 2024"
    assert meta.author == "Vụ Châu Âu"
    assert meta.subject == "Hợp tác kinh tế"
    assert meta["/Keywords"] == "châu Âu, FDI, Bắc Giang"
    assert meta.creator == "Briefing Studio"


def test_decree_30_page_number_sits_in_the_top_margin_from_page_two(
    nd30_reader: pypdf.PdfReader,
) -> None:
    top_margin = (297 - 20) / 25.4 * 72  # y above which lies the top margin
    for index, page in enumerate(nd30_reader.pages):
        in_margin = [text for text, y in texts_at(page) if y > top_margin]
        assert in_margin == ([] if index == 0 else [str(index + 1)])


def test_handout_prints_trang_x_of_y_at_the_bottom() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(handout_document())))
    total = len(reader.pages)
    assert total == 2
    bottom_margin = 15 / 25.4 * 72
    for index, page in enumerate(reader.pages):
        at_bottom = [text for text, y in texts_at(page) if y < bottom_margin]
        assert at_bottom == [f"Trang {index + 1}/{total}"]


def test_trang_x_of_y_takes_one_layout_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page count is filled in when the last page is done: the document is laid out
    once (each page ends once), and no placeholder is left in any page."""
    from briefing_studio.render import pdf_pages

    ended: list[int] = []
    draw = pdf_pages.BriefingDocTemplate._draw_page_number

    def counting(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        ended.append(canvas.getPageNumber())
        draw(self, canvas, doc)

    monkeypatch.setattr(pdf_pages.BriefingDocTemplate, "_draw_page_number", counting)
    blocks = [
        para(f"Đoạn {n}: " + "Kim ngạch xuất khẩu tăng trưởng ổn định. " * 30) for n in range(40)
    ]
    document = Document(blocks=blocks, page=PageSetup(page_numbers="bottom-x-of-y"))
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    total = len(reader.pages)
    assert total >= 10 and ended == list(range(1, total + 1))
    bottom_margin = 20 / 25.4 * 72
    for index, page in enumerate(reader.pages):
        assert [t for t, y in texts_at(page) if y < bottom_margin] == [f"Trang {index + 1}/{total}"]
        assert b"% page number" not in page.get_contents().get_data()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_sees_the_number_atop_page_two(nd30_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "nd30.pdf"
    path.write_bytes(nd30_pdf)

    def first_line(page: int) -> str:
        out = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        return next(line for line in out.stdout.splitlines() if line.strip()).strip()

    assert first_line(2) == "2"
    assert first_line(1) != "1" and "BỘ NGOẠI GIAO" in first_line(1)


def test_markup_characters_in_text_print_as_themselves() -> None:
    document = Document(blocks=[para("a < b && c > d <b>không đậm</b> &amp; \x01xong")])
    text = pypdf.PdfReader(io.BytesIO(pdf_bytes(document))).pages[0].extract_text()
    assert "a < b && c > d <b>không đậm</b> &amp; xong" in text


def test_huge_cells_and_panels_split_across_pages() -> None:
    long_text = " ".join([PANGRAM] * 60)
    styles = {"box": StyleSpec("box", border=True, background="#EEEEEE")}
    document = Document(
        blocks=[
            Table(rows=[Row([Cell([Run("Tiêu đề")], header=True)]), Row([Cell([Run(long_text)])])]),
            PageBreak(),
            Division(blocks=[Paragraph([Run(long_text)])], style="box"),
        ],
        styles=styles,
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    assert len(reader.pages) >= 4
    assert normalise(long_text) in normalise(" ".join(pdf_page_texts(pdf_bytes(document))))


def test_empty_document_is_a_valid_single_page() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(Document(blocks=[]))))
    assert len(reader.pages) == 1


def test_heading_before_a_long_table_stays_on_the_page_with_its_first_rows() -> None:
    # Word keeps a heading with the table's first row, not the whole table.
    document = handout_document()
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf_bytes(document))).pages]
    assert "Số liệu" in pages[0].split("Quan hệ song phương".upper())[-1]
    assert "(hàng 1)" in pages[0]


def test_failed_export_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tài liệu.pdf"
    write(handout_document(), "pdf", target)
    before = target.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(pdf_writer._Story, "table", broken)
    with pytest.raises(RuntimeError):
        write(handout_document(), "pdf", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tài liệu.pdf"]


def test_sans_template_fonts_map_to_liberation_sans() -> None:
    document = Document(
        blocks=[para(run("Tiêu đề", bold=True), style="title"), para("Phông lạ", style="odd")],
        styles={
            "title": StyleSpec("title", font="Arial"),
            "odd": StyleSpec("odd", font="Comic Neue"),
        },
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    fonts = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for f in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts == {"LiberationSans-Bold", "LiberationSerif"}


def test_table_header_taller_than_a_page_is_a_user_error(tmp_path: Path) -> None:
    lines: list[Run | LineBreak] = [Run("dòng 0")]
    for i in range(1, 80):
        lines += [LineBreak(), Run(f"dòng {i}")]
    document = Document(
        blocks=[Table(rows=[Row([Cell(lines, header=True)]), Row([Cell([Run("a")])])])]
    )
    with pytest.raises(BriefingError) as caught:
        write(document, "pdf", tmp_path / "x.pdf")
    assert "trang" in caught.value.message("vi")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_margins_leaving_no_room_for_text_are_a_user_error(fmt: str, tmp_path: Path) -> None:
    document = nd30_document()
    document.page = PageSetup(width=60, height=297, left=30, right=15)
    with pytest.raises(BriefingError) as caught:
        write(document, fmt, tmp_path / f"x.{fmt}")
    assert "15 × 257 mm" in caught.value.message("en")
    assert not list(tmp_path.iterdir())


def test_a_sliver_column_still_gets_room_for_text() -> None:
    table = Table(rows=[Row([Cell([Run("STT")]), Cell([Run("Nội dung")])])], widths=[1, 100])
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(Document(blocks=[table]))))
    # reportlab breaks the word letter by letter, as Word does, instead of refusing the table.
    assert "STT" in "".join(reader.pages[0].extract_text().split())


def test_panel_inside_a_panel_with_a_list_and_a_table() -> None:
    inner = Division(blocks=[para("bên trong")], style="box")
    outer = Division(
        blocks=[
            Heading(2, [Run("Tóm tắt")]),
            ListBlock(ordered=True, items=[ListItem([Run("một")])]),
            inner,
            figures_table(3),
            PageBreak(),  # ignored inside a panel
        ],
        style="box",
    )
    document = Document(blocks=[outer], styles={"box": StyleSpec("box", border=True)})
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "bên trong" in text and "Hải Phòng (hàng 3)" in text


def test_a_heading_inside_a_panel_is_in_the_outline_too() -> None:
    panel = key_figures()
    panel.blocks.insert(0, Heading(level=2, inlines=[Run("Số liệu trong khung")]))
    blocks = [Heading(level=1, inlines=[Run("Phần một")]), panel]
    document = nd30_document()
    document.blocks = blocks
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [item.title for item in reader.outline if isinstance(item, list) for item in item]
    assert titles == ["Phần một"] and nested == ["Số liệu trong khung"]


def test_a_ruled_style_draws_a_short_centred_line_under_its_paragraph() -> None:
    import re

    from writer_fixtures import ruled_agency_document

    document = ruled_agency_document(share=0.4)
    page = pypdf.PdfReader(io.BytesIO(pdf_bytes(document))).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    number = r"(-?[\d.]+)"
    lines = [
        (float(x1), float(x2))
        for x1, y1, x2, y2 in re.findall(rf"{number} {number} m {number} {number} l", stream)
        if y1 == y2
    ]
    text_width = (document.page.width - document.page.left - document.page.right) * 72 / 25.4
    lengths = sorted(round(x2 - x1, 1) for x1, x2 in lines)
    free = 0.4 * text_width
    in_cell = 0.4 * (0.4 * text_width - 2 * pdf_writer.layout.CELL_PAD_X_MM * 72 / 25.4)
    assert any(abs(length - free) < 1 for length in lengths), lengths
    assert any(abs(length - in_cell) < 1 for length in lengths), lengths


def test_a_paragraph_is_laid_out_once_per_width() -> None:
    """The layout asks a paragraph its height several times (frame, kept heading, cell); the
    lines of a width already laid out come back as they were, another width lays it out anew."""
    from reportlab.lib.styles import ParagraphStyle

    from briefing_studio.render.fonts import face_for
    from briefing_studio.render.pdf_lines import BriefingParagraph

    style = ParagraphStyle("p", fontName=face_for("Times New Roman", False, False), fontSize=13)
    text = "Kim ngạch xuất khẩu đạt 12,4 tỷ USD, tăng 8% so với năm 2023. " * 6
    paragraph = BriefingParagraph(text, style)
    width, height = paragraph.wrap(400, 1e9)
    lines = paragraph.blPara
    assert paragraph.wrap(400, 500) == (width, height) and paragraph.blPara is lines
    narrow = paragraph.wrap(200, 1e9)
    assert narrow[1] > height and paragraph.blPara is not lines
    again = paragraph.wrap(400, 1e9)
    assert again == (width, height) and len(paragraph.blPara.lines) == len(lines.lines)


def test_pdf_objects_are_encoded_as_reportlabs_codec_encodes_them() -> None:
    """The file's numbers, names and page contents: the bytes of reportlab's PDFDocEncoding
    codec (or its error), ASCII or not."""
    from reportlab.pdfbase import pdfdoc

    from briefing_studio.render import pdf_pages

    assert pdfdoc.pdfdocEnc is pdf_pages._pdfdoc_encode
    texts = [chr(code) for code in range(256)] + [
        "1 0 obj\n",
        "612.2835 0 0 841.8898 re",
        "BT /F1+0 12 Tf (Kim ng\\341ch) Tj\nET\n",
        "a\x19b",
        "Việt Nam",
        "",
    ]
    for text in texts:
        try:
            expected: object = text.encode("extpdfdoc")
        except UnicodeEncodeError as exc:
            expected = type(exc)
        try:
            ours: object = pdf_pages._pdfdoc_encode(text)
        except UnicodeEncodeError as exc:
            ours = type(exc)
        assert ours == expected, repr(text)
    assert pdf_pages._pdfdoc_encode(b"bytes") == b"bytes"
