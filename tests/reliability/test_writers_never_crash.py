"""Whatever markup a template produces, the writers end in a document or a clear markup error.

Before: ``<div>`` nested thousands deep raised ``RecursionError`` in the PDF writer,
``data-widths="nan"`` passed the markup check and failed inside reportlab, and PDF time grew
with the square of an unbroken run of characters (200 000 did not finish in a minute).
"""

from __future__ import annotations

import io
import random
import string
import sys
from pathlib import Path

import docx
import pypdf
import pytest
from studio_processes import run_briefing

from briefing_studio.document import Cell, Document, Paragraph, Row, Run, Table
from briefing_studio.errors import BriefingError
from briefing_studio.render import docx_bytes, pdf_bytes
from briefing_studio.templating.markup import MAX_NESTING, parse_markup

TOKEN_CHARS = 200_000


def test_blocks_nested_thousands_deep_are_a_markup_error_with_the_line() -> None:
    markup = "<p>Mở đầu</p>\n" + "<div>" * 5000 + "<p>x</p>" + "</div>" * 5000
    with pytest.raises(BriefingError) as caught:
        parse_markup(markup, template_id="sâu", path="briefing.html.j2")
    message = caught.value.message("en")
    assert f"nested more than {MAX_NESTING} deep" in message
    assert "at line 2" in message and "briefing.html.j2" in message


@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * (MAX_NESTING - 1) + "<p>đáy</p>" + "</div>" * (MAX_NESTING - 1),
        "<ul>"
        + "<li>mục<ul>" * (MAX_NESTING // 2 - 1)
        + "<li>đáy</li>"
        + "</ul></li>" * (MAX_NESTING // 2 - 1)
        + "</ul>",
        "<div>" * (MAX_NESTING - 5)
        + "<table><tr><td><p>ô</p></td></tr></table>"
        + "</div>" * (MAX_NESTING - 5),
    ],
    ids=["divs", "lists", "table-in-divs"],
)
def test_the_deepest_nesting_allowed_renders_in_both_writers(markup: str) -> None:
    document = Document(blocks=parse_markup(markup))
    assert pdf_bytes(document).startswith(b"%PDF")
    assert docx_bytes(document).startswith(b"PK")


@pytest.mark.parametrize("widths", ["nan", "30,nan", "inf,70", "-inf", "1e309,1", "1e300,1"])
def test_non_finite_or_absurd_table_widths_are_a_markup_error(widths: str) -> None:
    markup = f'<table data-widths="{widths}"><tr><td>a</td><td>b</td></tr></table>'
    with pytest.raises(BriefingError, match="data-widths"):
        parse_markup(markup)


def _token(chars: int) -> str:
    """Base64-like text without digits, so page numbers can be told apart from it."""
    alphabet = string.ascii_letters + "+/"
    return "".join(random.Random(13).choices(alphabet, k=chars))


def test_a_long_unbroken_token_is_laid_out_whole_across_lines_and_pages() -> None:
    token = _token(30_000)
    document = Document(blocks=[Paragraph(inlines=[Run("Ảnh đính kèm: " + token + " hết.")])])
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    assert len(reader.pages) > 1
    text = "".join(page.extract_text() for page in reader.pages)
    without_page_numbers = "".join(c for c in text if not c.isspace() and not c.isdigit())
    assert without_page_numbers == "Ảnhđínhkèm:" + token + "hết."


def test_a_table_cell_of_200000_characters_is_clipped_in_the_pdf_and_whole_in_the_docx() -> None:
    """A figure's excerpt from a paragraph that is one pasted image lands in a table cell;
    reportlab re-lays a row running over pages on every page (50 s for this one)."""
    token = _token(TOKEN_CHARS)
    row = Row(cells=[Cell(inlines=[Run("1")]), Cell(inlines=[Run("Ảnh " + token)])])
    document = Document(blocks=[Table(rows=[row])])
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "ký tự không in trong ô bảng này" in " ".join(text.split())
    assert token[:1000] in "".join(text.split())
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    assert token in word.tables[0].cell(0, 1).text


@pytest.mark.skipif(sys.platform == "win32", reason="timing on the Linux CI machine")
def test_briefing_render_of_a_200000_character_token_finishes(
    tmp_path: Path, studio_home: Path
) -> None:
    """``bench/bench_render.py`` measures it (about 3 s of CPU); here it only has to finish.

    The timeout is generous (the machine may be shared); before, it ran for minutes.
    """
    source = tmp_path / "anh-dan.txt"
    source.write_text(
        "Hợp tác kinh tế\n\nKim ngạch thương mại hai chiều đạt trên 12,4 tỷ USD.\n\n"
        f"Ảnh đính kèm: {_token(TOKEN_CHARS)}\n\nHai bên ký hơn 170 thỏa thuận.\n\n"
        # a figure beside a token: its excerpt (a table cell) holds the whole token
        f"Ảnh {_token(TOKEN_CHARS)} kèm kim ngạch đạt 5,2 tỷ USD.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["render", str(source), "--select", "all", "--format", "pdf", "--out", str(out)]
    result = run_briefing(args, studio_home, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    [pdf] = out.glob("*.pdf")
    assert len(pypdf.PdfReader(pdf).pages) > 50
