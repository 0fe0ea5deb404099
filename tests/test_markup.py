"""What a template writes (briefing markup) becomes Document blocks both writers understand."""

from __future__ import annotations

import unicodedata

import pytest

from briefing_studio.document import (
    Cell,
    Division,
    Heading,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Table,
    plain_text,
)
from briefing_studio.errors import BriefingError
from briefing_studio.templating.markup import parse_markup

STYLES = {"title", "note", "letterhead", "figures", "num", "key-figures", "big-number"}


def parse(markup: str) -> list:
    return parse_markup(markup, styles=STYLES, template_id="test-template", path="t.html.j2")


def test_headings_and_paragraphs_with_styles() -> None:
    blocks = parse(
        '<h1>I. Thông tin chung</h1>\n<h2>Bối cảnh</h2><h3 class="note">Ghi chú</h3>'
        '<p class="title">Tài liệu</p><p>Đoạn</p>'
    )
    assert blocks == [
        Heading(1, [Run("I. Thông tin chung")]),
        Heading(2, [Run("Bối cảnh")]),
        Heading(3, [Run("Ghi chú")], style="note"),
        Paragraph([Run("Tài liệu")], style="title"),
        Paragraph([Run("Đoạn")]),
    ]


def test_character_formatting_nests_and_merges() -> None:
    (para,) = parse(
        "<p>a <b>đậm <i>nghiêng</i></b> <u>gạch</u> <strong>x</strong><em>y</em>"
        '<span class="note">ghi</span></p>'
    )
    assert para.inlines == [
        Run("a "),
        Run("đậm ", bold=True),
        Run("nghiêng", bold=True, italic=True),
        Run(" "),
        Run("gạch", underline=True),
        Run(" "),
        Run("x", bold=True),
        Run("y", italic=True),
        Run("ghi", style="note"),
    ]


def test_whitespace_collapses_as_in_html_and_br_breaks_lines() -> None:
    (para,) = parse("<p>\n   Hà   Nội,\n\t <b> ngày </b>  20 <br/>\n  tháng 12  </p>")
    assert para.inlines == [
        Run("Hà Nội, "),
        Run("ngày ", bold=True),
        Run("20"),
        LineBreak(),
        Run("tháng 12"),
    ]
    assert plain_text(para.inlines) == "Hà Nội, ngày 20\ntháng 12"


def test_entities_are_unescaped_and_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    (para,) = parse(f"<p>&lt;b&gt; &amp; &#x1EC7; &nbsp;{decomposed}</p>")
    text = plain_text(para.inlines)
    assert text == "<b> & ệ \u00a0Việt Nam"
    assert unicodedata.is_normalized("NFC", text)


def test_nested_lists() -> None:
    (outer,) = parse("<ul><li>Một<ol><li>a</li><li>b</li></ol></li><li>Hai</ul>")
    assert isinstance(outer, ListBlock) and not outer.ordered
    assert [plain_text(i.inlines) for i in outer.items] == ["Một", "Hai"]
    (inner,) = outer.items[0].children
    assert inner.ordered and [plain_text(i.inlines) for i in inner.items] == ["a", "b"]


def test_table_with_header_row_colspan_widths_and_cell_paragraphs() -> None:
    (table,) = parse(
        '<table class="figures" data-widths="10,30,60">'
        "<tr><th>STT</th><th>Số liệu</th><th>Nội dung</th></tr>"
        '<tr><td class="num">1</td><td>12,4 tỷ USD</td><td>vốn <b>FDI</b></td></tr>'
        '<tr><td colspan="3"><p class="title">Dòng một</p><p>Dòng hai</p>sau</td></tr>'
        "</table>"
    )
    assert isinstance(table, Table)
    assert table.style == "figures" and table.widths == [10.0, 30.0, 60.0]
    assert table.header_rows == 1
    header, first, spanning = table.rows
    assert [plain_text(c.inlines) for c in header.cells] == ["STT", "Số liệu", "Nội dung"]
    assert first.cells[0] == Cell([Run("1")], style="num")
    assert first.cells[2].inlines == [Run("vốn "), Run("FDI", bold=True)]
    (cell,) = spanning.cells
    assert cell.colspan == 3 and cell.inlines == []
    assert cell.blocks == [
        Paragraph([Run("Dòng một")], style="title"),
        Paragraph([Run("Dòng hai")]),
        Paragraph([Run("sau")]),
    ]


def test_table_cells_and_rows_close_implicitly_as_in_html() -> None:
    (table,) = parse("<table><tr><td>a<td>b<tr><td>c</table>")
    assert [[plain_text(c.inlines) for c in r.cells] for r in table.rows] == [["a", "b"], ["c"]]


def test_divisions_page_breaks_and_loose_text() -> None:
    blocks = parse(
        '<div class="key-figures"><p class="big-number">12,4</p>chú thích</div>'
        '<div class="page-break"></div><div class="page-break"/>lời cuối'
    )
    panel, page_break, second_break, tail = blocks
    assert panel == Division(
        [Paragraph([Run("12,4")], style="big-number"), Paragraph([Run("chú thích")])],
        style="key-figures",
    )
    assert page_break == PageBreak() and second_break == PageBreak()
    assert tail == Paragraph([Run("lời cuối")])


def test_empty_paragraphs_left_by_template_conditions_are_dropped() -> None:
    blocks = parse('<p class="note"> </p><table><tr><td><p></p><p>x</p></td></tr></table>')
    (table,) = blocks
    assert table.rows[0].cells[0].blocks == [Paragraph([Run("x")])]


def test_comments_and_doctype_are_ignored() -> None:
    assert parse("<!DOCTYPE html><!-- ghi chú --><p>x</p>") == [Paragraph([Run("x")])]


@pytest.mark.parametrize(
    ("markup", "words"),
    [
        ("<p>a</p>\n<img src='x.png'>", "<img>"),
        ("<p>a</p>\n<script>alert(1)</script>", "<script>"),
        ('<p class="shiny">a</p>', "shiny"),
        ('<p class="title note">a</p>', "title note"),
        ('<p style="color:red">a</p>', "style"),
        ('<td colspan="2">a</td>', "<td>"),
        ("<ul>text</ul>", "<ul>"),
        ("<li>a</li>", "<li>"),
        ("<b><p>a</p></b>", "<p>"),
        ("<p><b>a</p>", "</p>"),
        ("<div><p>a</p>", "<div>"),
        ("<p>a</i></p>", "</i>"),
        ('<table data-widths="30,x"><tr><td>a</td></tr></table>', "data-widths"),
        ('<table><tr><td colspan="0">a</td></tr></table>', "colspan"),
        ('<span class="page-break">a</span>', "page-break"),
        ("<h1><table></table></h1>", "<table>"),
    ],
)
def test_markup_outside_the_subset_is_an_error_naming_template_and_line(
    markup: str, words: str
) -> None:
    with pytest.raises(BriefingError) as caught:
        parse(markup)
    message = caught.value.message("en")
    assert "test-template" in message and words in message
    assert caught.value.path == "t.html.j2"


def test_error_gives_the_markup_line_and_shows_it() -> None:
    with pytest.raises(BriefingError) as caught:
        parse("<h1>I. Thông tin chung</h1>\n<p>Một</p>\n<p>Hai <blink>!</blink></p>")
    message = caught.value.message("vi")
    assert "dòng 3" in message and "<blink>" in message
