"""The DOCX and the PDF of one briefing carry the same text, block for block and word for word."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from briefing_studio.document import (
    Block,
    Division,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Run,
)
from briefing_studio.render import docx_bytes, pdf_bytes
from writer_fixtures import (
    block_texts,
    docx_paragraph_texts,
    handout_document,
    nd30_document,
    normalise,
    pdf_page_texts,
)

WORD = re.compile(r"\w+")
BULLETS = "•–◦"


def list_marker_words(blocks: list[Block]) -> set[str]:
    """Words the PDF prints for list numbers ("1.", "a)", "ii.") that Word keeps as numbering."""
    words: set[str] = set()

    def visit(block: ListBlock, depth: int) -> None:
        for index, item in enumerate(block.items):
            if block.ordered:
                words.add(str(index + 1))
                words.add(chr(ord("a") + index % 26) * (index // 26 + 1))
                words.add(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][index % 10])
            for child in item.children:
                visit(child, depth + 1)

    for block in blocks:
        if isinstance(block, ListBlock):
            visit(block, 0)
        elif isinstance(block, Division):
            words |= list_marker_words(block.blocks)
    return words


@pytest.fixture(scope="module", params=[nd30_document, handout_document], ids=["nd30", "handout"])
def both(request: pytest.FixtureRequest) -> tuple[Document, str, str]:
    make: Callable[[], Document] = request.param
    document = make()
    word_text = normalise("\n".join(docx_paragraph_texts(docx_bytes(document))))
    pdf_text = normalise("\n".join(pdf_page_texts(pdf_bytes(document))))
    return document, word_text, pdf_text


def test_every_block_reads_the_same_in_word_and_pdf(both: tuple[Document, str, str]) -> None:
    document, word_text, pdf_text = both
    texts = block_texts(document.blocks)
    assert len(texts) > 20
    for text in texts:
        wanted = normalise(text)
        assert wanted in word_text, text
        assert wanted in pdf_text, text


def test_both_files_hold_the_same_words(both: tuple[Document, str, str]) -> None:
    document, word_text, pdf_text = both
    word_words = set(WORD.findall(word_text))
    pdf_words = set(WORD.findall(pdf_text))
    assert word_words - pdf_words == set()
    # The PDF prints list numbers as text; Word keeps them in its numbering.
    assert pdf_words - word_words <= list_marker_words(document.blocks)
    assert not set(BULLETS) & set(word_text)


def test_block_order_is_the_same(both: tuple[Document, str, str]) -> None:
    document, word_text, pdf_text = both
    word_at = pdf_at = 0
    for text in block_texts(document.blocks):
        wanted = normalise(text)
        word_at = word_text.index(wanted, word_at)
        pdf_at = pdf_text.index(wanted, pdf_at)


def test_a_document_without_styles_still_looks_official_in_both() -> None:
    document = Document(blocks=[Heading(1, [Run("Tiêu đề")]), Paragraph([Run("Nội dung.")])])
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    heading = word.styles["Heading 1"]
    assert heading.font.name == "Times New Roman" and heading.font.bold
    assert str(heading.font.color.rgb) == "000000"
    pdf_text = pypdf.PdfReader(io.BytesIO(pdf_bytes(document))).pages[0].extract_text()
    assert "TIÊU ĐỀ" in pdf_text  # nd30's h1 is in capitals, as Word's caps shows it
    assert heading.font.all_caps


def merged_source_table_markup(body_rows: int) -> str:
    """A source's table as a template writes it: two header rows (one cell merged down, one
    across), a label merged down over two body rows, then ``body_rows`` plain rows."""
    rows = [
        '<tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm</th></tr>',
        "<tr><th>2023</th><th>2024</th></tr>",
        '<tr><td rowspan="2">Kim ngạch xuất khẩu</td><td>10,2</td><td>12,4</td></tr>',
        "<tr><td>10,3</td><td>12,5</td></tr>",
    ]
    rows += [
        f"<tr><td>Tỉnh thứ {n}</td><td>{n},1</td><td>{n},2</td></tr>" for n in range(body_rows)
    ]
    return "<table>" + "".join(rows) + "</table>"


def test_a_source_table_has_the_same_cells_in_the_same_order_in_word_and_pdf() -> None:
    from briefing_studio.templating.markup import parse_markup

    blocks = parse_markup(merged_source_table_markup(70))  # long enough to split across pages
    document = Document(blocks=blocks)
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    (table,) = word.tables
    pdf_pages = pdf_page_texts(pdf_bytes(document))
    assert len(pdf_pages) >= 2
    wanted = ["Chỉ tiêu", "Năm", "2023", "2024", "Kim ngạch xuất khẩu", "10,2", "12,4"]
    wanted += ["10,3", "12,5", "Tỉnh thứ 0", "0,1", "0,2", "Tỉnh thứ 69", "69,1", "69,2"]
    word_text = normalise(" ".join(docx_paragraph_texts(docx_bytes(document))))
    pdf_text = normalise(" ".join(pdf_pages))
    word_at = pdf_at = 0
    for text in wanted:  # the same cell text, in the same reading order
        word_at = word_text.index(normalise(text), word_at)
        pdf_at = pdf_text.index(normalise(text), pdf_at)
    # The header rows repeat on every page in the PDF and are marked to repeat in Word.
    assert all("2023" in page and "2024" in page for page in pdf_pages)
    header = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows
    ]
    assert header[:3] == [True, True, False]
    # Merged cells stay merged: Word's first column holds "Chỉ tiêu" once over two rows.
    first_column = [row.cells[0]._tc for row in table.rows[:4]]
    assert first_column[0] is first_column[1] and first_column[2] is first_column[3]
    assert first_column[1] is not first_column[2]
