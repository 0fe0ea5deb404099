"""The PDF writer's quick paragraph: the same runs and lines as reportlab's own code."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from briefing_studio.render.fonts import face_for
from briefing_studio.render.pdf_lines import BriefingParagraph, break_lines, set_fill_color
from briefing_studio.render.pdf_markup import copy_frag, frags_of

BOLD = face_for("Times New Roman", True, False)
SANS = face_for("Arial", False, True)
TEXT = (
    f'Kim ngạch xuất khẩu đạt <font name="{BOLD}">12,4 tỷ USD</font>, tăng 8% so với năm '
    f'2023; vốn FDI &amp; ODA &lt;đạt&gt; <font name="{SANS}" size="9">hơn 30 quốc gia</font>'
    " và vùng lãnh thổ đầu tư vào tỉnh. "
)


def style(**values: object) -> ParagraphStyle:
    base = {"fontName": face_for("Times New Roman", False, False), "fontSize": 13, "leading": 15}
    return ParagraphStyle("p", **{**base, **values})  # type: ignore[arg-type]


def frag_values(frags: list) -> list[dict]:
    return [dict(vars(frag)) for frag in frags]


@pytest.mark.parametrize(
    "markup",
    [
        TEXT,
        "<u>" + TEXT + "</u>",
        'Dòng một<br/>dòng <font color="#C00000">hai</font><br/>',
        '  khoảng   trắng  <font name="' + BOLD + '">  đậm </font>  ',
        "",
        "R&amp;D",
        "dòng\tmột\ndòng\xa0hai ",  # white space reportlab cleans up (or keeps: no-break)
        " đầu và cuối ",
    ],
)
def test_runs_are_the_ones_reportlab_parses(markup: str) -> None:
    look = style(underlineOffset=-3.5, underlineWidth=0.6)
    _, parsed, _ = ParaParser().parse(cleanBlockQuotedText(markup), look)
    assert frag_values(frags_of(markup, look)) == frag_values(parsed)


def test_an_end_tag_without_its_start_is_left_to_reportlab() -> None:
    assert frags_of("a</font> b", style()) is None


def test_two_underlines_are_left_to_reportlab() -> None:
    """reportlab numbers each <u>; copies of one parsed run would all carry number 0."""
    assert frags_of("<u>a</u> b <u>c</u>", style()) is None


def word_values(words: list) -> list[tuple]:
    """reportlab's words after breaking: (kind, width, [(run, text)...])."""
    return [
        (type(word), word[0], [(dict(vars(frag)), text) for frag, text in word[1:]])
        for word in words
    ]


def line_values(paragraph: Paragraph) -> list[tuple]:
    if paragraph.blPara.kind == 0:  # one run: (free width, words) per line
        return [(space, list(words)) for space, words in paragraph.blPara.lines]
    return [
        (
            line.extraSpace,
            line.wordCount,
            line.fontSize,
            line.ascent,
            line.descent,
            line.sFW,
            [(word.text, word.fontName, word.fontSize) for word in line.words],
        )
        for line in paragraph.blPara.lines
    ]


ONE_RUN = "  Quan hệ   hợp tác về kinh tế của tỉnh với các đối tác quốc tế được mở rộng. " * 4


@pytest.mark.parametrize("width", [120, 200, 333.3, 450])
@pytest.mark.parametrize("bullet", [None, "•"])
@pytest.mark.parametrize("text", [TEXT * 3, ONE_RUN])
def test_lines_are_the_ones_reportlab_breaks(width: float, bullet: str | None, text: str) -> None:
    look = style(alignment=TA_JUSTIFY, firstLineIndent=12, leftIndent=8, bulletIndent=2)
    ours = BriefingParagraph(text, look, bulletText=bullet)
    theirs = Paragraph(text, look, bulletText=bullet)
    assert ours.wrap(width, 1e9) == theirs.wrap(width, 1e9)
    assert line_values(ours) == line_values(theirs) and len(ours.blPara.lines) > 1
    assert ours._wrapWidths == theirs._wrapWidths and ours._width_max == theirs._width_max
    if ours.blPara.kind == 1:  # several runs: reportlab keeps the words for splitting
        assert word_values(ours.frags) == word_values(theirs.frags)
    # and the rest of a paragraph split over two pages is the same too
    ours_parts = ours.split(width, 2 * look.leading)
    theirs_parts = theirs.split(width, 2 * look.leading)
    assert [part.wrap(width, 1e9) for part in ours_parts] == [
        part.wrap(width, 1e9) for part in theirs_parts
    ]
    assert line_values(ours_parts[1]) == line_values(theirs_parts[1])


def drawn(paragraph: Paragraph, width: float) -> list[str]:
    """The content-stream operators ``paragraph`` writes on a fresh page."""
    canvas = Canvas(io.BytesIO())
    paragraph.wrapOn(canvas, width, 1e9)
    paragraph.drawOn(canvas, 40, 300)
    return list(canvas._code)


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_JUSTIFY])
@pytest.mark.parametrize("bullet", [None, "•"])
@pytest.mark.parametrize(
    "text",
    [
        TEXT * 3,
        ONE_RUN,
        "một dòng",
        'màu <font color="#C00000">đỏ</font>',
        # footnote marks: raised runs, back to the baseline after each
        f"đạt 12,4 tỷ USD<super>1</super> năm 2024<super>12</super><super>13</super> {TEXT}",
    ],
)
@pytest.mark.parametrize("width", [120, 333.3])
def test_lines_are_drawn_as_reportlab_draws_them(
    alignment: int, bullet: str | None, text: str, width: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    look = style(alignment=alignment, firstLineIndent=12, leftIndent=8, bulletIndent=2)
    theirs = drawn(Paragraph(text, look, bulletText=bullet), width)

    def not_reportlab(self: Paragraph, debug: int = 0) -> None:
        raise AssertionError("drawn by reportlab's drawPara")

    monkeypatch.setattr(Paragraph, "drawPara", not_reportlab)
    assert drawn(BriefingParagraph(text, look, bulletText=bullet), width) == theirs


@pytest.mark.parametrize(
    ("text", "alignment"),
    [
        ("<u>" + TEXT + "</u>", TA_JUSTIFY),  # underlined: reportlab draws the lines
        (f'xem <a href="briefing-figure:s1/f1">{TEXT}</a> nữa', TA_JUSTIFY),  # a link
        ('có <font backColor="#FFFF00">nền</font> vàng', TA_LEFT),
        ("căn phải " * 20, TA_RIGHT),
    ],
)
def test_anything_else_is_drawn_by_reportlab(text: str, alignment: int) -> None:
    look = style(alignment=alignment)
    theirs = drawn(Paragraph(text, look), 200)
    assert drawn(BriefingParagraph(text, look), 200) == theirs


def test_the_quick_breaker_takes_mixed_runs_and_leaves_the_rest() -> None:
    mixed = BriefingParagraph(TEXT, style())
    mixed._wrapWidths = [300.0, 300.0]
    assert break_lines(mixed, mixed._wrapWidths) is not None
    assert break_lines(BriefingParagraph("một kiểu chữ", style()), [300.0, 300.0]) is not None
    whole = BriefingParagraph(ONE_RUN, style())
    whole.wrap(200, 1e9)
    split_rest = whole.split(200, 40)[1]  # one run's words, not its text: also quick
    assert break_lines(split_rest, [200.0, 200.0]) is not None
    cut = BriefingParagraph("a " + "x" * 80 + " b", style())
    cut.wrap(100, 1e9)
    cut_rest = cut.split(100, 31)[1]  # the rest of a word reportlab cut over lines, whole
    assert break_lines(cut_rest, [400.0, 400.0]) is not None
    narrow = [100.0, 100.0]
    assert break_lines(cut_rest, narrow) is None and narrow == [100.0, 100.0]  # cut again
    mixed_whole = BriefingParagraph(TEXT * 3, style())
    mixed_whole.wrap(200, 1e9)
    mixed_rest = mixed_whole.split(200, 40)[1]  # reportlab's words of the lines left
    assert break_lines(mixed_rest, [200.0, 200.0]) is not None
    long_word = BriefingParagraph(f'a <font name="{BOLD}">{"x" * 80}</font>', style())
    widths = [100.0, 100.0]
    assert break_lines(long_word, widths) is None and widths == [100.0, 100.0]
    assert long_word.wrap(100, 1e9)[1] > 3 * 15  # reportlab cut the word over lines


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """rl_accel is a dependency: without it the same PDF takes about a fifth longer."""
    from reportlab.lib.rl_accel import _c_funcs

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF"} <= set(_c_funcs)


def test_writing_the_same_document_again_reuses_its_font_subsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The preview and the exports write one briefing many times: the embedded font
    subsets (one TrueType file per 256 characters of a face) are built once."""
    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTFontFace

    from briefing_studio.document import Document, Paragraph, Run
    from briefing_studio.render import pdf_bytes

    monkeypatch.setattr(rl_config, "invariant", 1)  # same bytes for the same document
    document = Document(blocks=[Paragraph([Run("Quỹ đầu tư ửng hộ ĐBSCL — ỹ ẵ ẳ ặ 𝛼")])])
    first = pdf_bytes(document)
    built: list[int] = []
    make = TTFontFace.makeSubset

    def counting(self, subset):  # type: ignore[no-untyped-def]
        built.append(len(subset))
        return make(self, subset)

    monkeypatch.setattr(TTFontFace, "makeSubset", counting)
    assert pdf_bytes(document) == first and built == []


def test_wrapping_on_a_canvas_again_is_reportlabs() -> None:
    """A table asks each cell's size with wrapOn as it measures and again as it draws: the
    kept lines answer, the same size, and no canvas is left on the paragraph."""
    canvas = Canvas(io.BytesIO())
    sizes = []
    for paragraph in (BriefingParagraph(TEXT, style()), Paragraph(TEXT, style())):
        sizes.append([paragraph.wrapOn(canvas, width, 1e9) for width in (200, 200, 120, 120)])
        assert not hasattr(paragraph, "canv")
    assert sizes[0] == sizes[1]


def test_space_before_and_after_are_reportlabs() -> None:
    """The paragraph answers without reportlab's failing hasattr, with the same numbers."""
    look = style(spaceBefore=6, spaceAfter=4)
    ours, theirs = BriefingParagraph("a", look), Paragraph("a", look)
    assert (ours.getSpaceBefore(), ours.getSpaceAfter()) == (6, 4)
    assert (theirs.getSpaceBefore(), theirs.getSpaceAfter()) == (6, 4)
    ours.spaceBefore = theirs.spaceBefore = 0  # set on a paragraph, it wins over the style
    assert ours.getSpaceBefore() == theirs.getSpaceBefore() == 0
    assert ours.getSpaceAfter() == theirs.getSpaceAfter() == 4
    # and keep-with-next: the style's (none: 0), unless set on the paragraph
    for look in (style(), style(keepWithNext=1)):
        ours, theirs = BriefingParagraph("a", look), Paragraph("a", look)
        assert ours.getKeepWithNext() == theirs.getKeepWithNext()
        ours.__dict__["keepWithNext"] = theirs.__dict__["keepWithNext"] = 0  # (as reportlab)
        assert ours.getKeepWithNext() == theirs.getKeepWithNext() == 0
    assert BriefingParagraph("a", style(keepWithNext=1)).getKeepWithNext() == 1


def test_a_copied_run_is_reportlabs_clone() -> None:
    (run,) = frags_of(f'<font name="{BOLD}">đậm</font>', style())
    for values in ({}, {"text": "khác"}):
        copy, clone = copy_frag(run, values), run.clone(**values)
        assert type(copy) is type(clone) and vars(copy) == vars(clone)
        assert copy is not run and vars(run)["text"] == "đậm"


def test_a_line_is_written_with_the_codes_reportlab_gives_it() -> None:
    """``pdf_string``: the escaped codes of text whose characters all have one in the first
    subset of this document, the same as splitString and escapePDF; None otherwise."""
    from reportlab.pdfbase.pdfmetrics import getFont

    canvas = Canvas(io.BytesIO())
    doc = canvas._doc
    font = getFont(face_for("Times New Roman", False, False))
    assert font.pdf_string("mới", doc) is None  # nothing drawn yet in this document
    seen = "Quỹ đầu tư (ĐBSCL) \\ ửng hộ"
    font.splitString(seen, doc)  # the characters get their codes as text is drawn
    for text in [seen, "hộ (Quỹ)", "đầu\xa0tư", "", "ĐBSCL)("]:
        expected = "".join(canvas._escape(codes) for _, codes in font.splitString(text, doc))
        assert [subset for subset, _ in font.splitString(text, doc)] in ([], [0])
        assert font.pdf_string(text, doc) == expected, text
    assert font.pdf_string("chữ mới: ẞ", doc) is None  # ẞ has no code yet
    many = "".join(chr(code) for code in range(0x400, 0x400 + 300))  # past the first subset
    font.splitString(many, doc)
    assert font.pdf_string(many[-5:], doc) is None  # codes of the second subset
    assert font.pdf_string(seen, doc) is not None


def test_a_paragraph_that_draws_itself_otherwise_is_left_to_it() -> None:
    """drawOn writes the lines itself only for the paragraph draw_lines draws: a subclass
    with its own draw, or one in debug mode, is drawn the way reportlab draws it."""

    class Framed(BriefingParagraph):
        def draw(self) -> None:
            self.canv.rect(0, 0, 10, 10)

    canvas = Canvas(io.BytesIO())
    framed = Framed("một dòng", style())
    framed.wrapOn(canvas, 200, 1e9)
    framed.drawOn(canvas, 40, 300)
    assert any(" re " in line for line in canvas._code)  # its rectangle, no text
    assert not any("Tj" in line for line in canvas._code)
    debugged = BriefingParagraph("một dòng", style())
    debugged.debug = 1
    theirs = Paragraph("một dòng", style())
    theirs.debug = 1
    assert drawn(debugged, 200) == drawn(theirs, 200)


@pytest.mark.parametrize("width", [60, 100, 200, 333.3])
@pytest.mark.parametrize(
    "text",
    [ONE_RUN, "a " + "x" * 80 + " b c d", "  một  hai\xa0ba  bốn năm sáu bảy tám chín mười " * 3],
)
def test_the_rest_of_a_split_paragraph_of_one_run_is_broken_as_reportlab_breaks_it(
    width: float, text: str
) -> None:
    """The rest of a paragraph of one run (its words, as reportlab split it) is broken into
    the same lines in every width, and split again the same way."""
    look = style(alignment=TA_JUSTIFY, firstLineIndent=12, leftIndent=8)
    ours, theirs = BriefingParagraph(text, look), Paragraph(text, look)
    ours.wrap(width, 1e9)
    theirs.wrap(width, 1e9)
    ours_rest, theirs_rest = ours.split(width, 31)[-1], theirs.split(width, 31)[-1]
    for rest_width in (width, width * 1.5, 90):
        assert ours_rest.wrap(rest_width, 1e9) == theirs_rest.wrap(rest_width, 1e9)
        assert line_values(ours_rest) == line_values(theirs_rest)
        assert ours_rest._width_max == theirs_rest._width_max
        assert ours_rest._wrapWidths == theirs_rest._wrapWidths
    again = [part.split(rest_width, 40) for part in (ours_rest, theirs_rest)]
    assert [(p.wrap(90, 1e9), line_values(p)) for p in again[0]] == [
        (p.wrap(90, 1e9), line_values(p)) for p in again[1]
    ]


def canvas_state(canvas: Canvas) -> dict:
    """What saveState saves (the opacity state by value), and the PDF version."""
    state = {name: getattr(canvas, name) for name in canvas.STATE_ATTRIBUTES}
    state["_extgstate"] = dict(canvas._extgstate._d)
    return {**state, "version": canvas._doc._pdfVersion, "depth": len(canvas.state_stack)}


@pytest.mark.parametrize(
    "text", ["một dòng", f"{TEXT} <super>1</super>", f'<font color="#C00000">{TEXT}</font>']
)
@pytest.mark.parametrize("bullet", [None, "•"])
def test_the_canvas_is_left_as_reportlab_leaves_it(text: str, bullet: str | None) -> None:
    """draw_lines saves and restores only the state its lines change (not all of it, as
    saveState does); afterwards the canvas is the same as after reportlab's drawing."""
    look = style(textColor=HexColor("#1F3864"))
    states, codes = [], []
    for kind in (BriefingParagraph, Paragraph):
        canvas = Canvas(io.BytesIO())
        canvas.setFillColor(Color(0.75, 0, 0, alpha=0.5))  # a state to come back to
        paragraph = kind(text, look, bulletText=bullet)
        paragraph.wrapOn(canvas, 150, 1e9)
        paragraph.drawOn(canvas, 40, 300)
        states.append(canvas_state(canvas))
        codes.append(list(canvas._code))
    assert states[0] == states[1] and codes[0] == codes[1]


@pytest.mark.parametrize(
    "color",
    [
        HexColor("#1F3864"),
        HexColor("#000000"),
        Color(0.75, 0, 0, alpha=0.4),
        Color(0.1, 0.2, 0.3, alpha=None),
        CMYKColor(0.1, 0.2, 0.3, 0.4),
        (0.5, 0.25, 0),
    ],
)
@pytest.mark.parametrize("before", [None, 1, 0.5])
def test_a_fill_colour_is_set_as_reportlab_sets_it(color: object, before: float | None) -> None:
    """set_fill_color: the operator and opacity state reportlab's setFillColor gives, on the
    canvas and on a text object, whatever the opacity and PDF version before it."""
    results = []
    for quick in (True, False):
        canvas = Canvas(io.BytesIO())
        if before is not None:
            canvas.setFillAlpha(before)
        tx = canvas.beginText(0, 0)
        for target in (canvas, tx):
            if quick:
                set_fill_color(target, color, canvas)
                set_fill_color(target, color, canvas)  # (the second time: looked up)
            else:
                target.setFillColor(color)
                target.setFillColor(color)
        results.append((list(canvas._code), list(tx._code), canvas_state(canvas), tx._fillColorObj))
    assert results[0] == results[1]
