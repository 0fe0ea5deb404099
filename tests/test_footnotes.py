"""Footnotes: ``<span class="footnote">`` → a numbered mark and its note, in both files.

DOCX: a real Word footnotes part (checked in the package, through python-docx, and by
LibreOffice converting the file); PDF: the note at the foot of the page its mark is on.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefing_studio.document import Document, Footnote, Run
from briefing_studio.errors import BriefingError
from briefing_studio.render.docx_writer import docx_bytes
from briefing_studio.render.pdf_writer import pdf_bytes
from briefing_studio.sources.office import find_soffice
from briefing_studio.templating.filters import footnote
from briefing_studio.templating.markup import parse_markup
from writer_fixtures import normalise, pdf_page_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILLER = "Nội dung của báo cáo về hợp tác kinh tế. " * 40


def _markup(paragraphs: int) -> str:
    return "".join(
        f'<p>Đoạn {i}: kim ngạch đạt 12,{i} tỷ USD<span class="footnote">Nguồn: Báo cáo số {i}, '
        f"bacgiang.gov.vn, 20/12/2024, đoạn {i}.</span> trong năm 2024. {FILLER}</p>"
        for i in range(1, paragraphs + 1)
    ) + (
        "<table><tr><th>Số liệu</th><th>Nguồn</th></tr><tr><td>12,5 tỷ USD</td>"
        '<td>Cục Thống kê<span class="footnote">Nguồn: Cục Thống kê, 20/3/2025.</span></td>'
        "</tr></table>"
    )


def test_a_footnote_span_becomes_a_numbered_footnote_where_it_stands() -> None:
    (paragraph,) = parse_markup(
        '<p>đạt 12,4 tỷ USD <span class="footnote"> Nguồn:  <b>Bộ</b> Ngoại giao. </span>'
        ' năm 2024<span class="footnote">Thứ hai.</span></p>'
    )
    assert paragraph.inlines == [
        Run("đạt 12,4 tỷ USD"),
        Footnote(1, "Nguồn: Bộ Ngoại giao."),
        Run(" năm 2024"),
        Footnote(2, "Thứ hai."),
    ]


@pytest.mark.parametrize(
    "markup",
    [
        '<p>a<span class="footnote">x<span class="footnote">y</span></span></p>',
        '<p>a<span class="footnote">x<br>y</span></p>',
    ],
)
def test_a_footnote_holds_text_only(markup: str) -> None:
    with pytest.raises(BriefingError, match=r"chú thích|footnote"):
        parse_markup(markup)


def test_the_footnote_filter_escapes_and_drops_empty_text() -> None:
    assert footnote("a < b") == '<span class="footnote">a &lt; b</span>'
    assert footnote("  ") == ""


def test_docx_has_a_footnotes_part_with_numbered_notes_and_references() -> None:
    data = docx_bytes(Document(parse_markup(_markup(3))))
    package = zipfile.ZipFile(io.BytesIO(data))
    types = package.read("[Content_Types].xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types
    assert "relationships/footnotes" in package.read("word/_rels/document.xml.rels").decode()
    notes = etree.fromstring(package.read("word/footnotes.xml"))
    numbered = [n for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") is None]
    assert [n.get(f"{W}id") for n in numbered] == ["1", "2", "3", "4"]
    assert "Nguồn: Báo cáo số 2" in "".join(numbered[1].itertext())
    body = etree.fromstring(package.read("word/document.xml"))
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == ["1", "2", "3", "4"]
    # python-docx opens the file and finds the part from the document's relationships.
    word = docx.Document(io.BytesIO(data))
    related = [r.target_part.partname for r in word.part.rels.values() if "footnotes" in r.reltype]
    assert related == ["/word/footnotes.xml"]


def test_a_document_without_footnotes_has_no_footnotes_part() -> None:
    data = docx_bytes(Document(parse_markup("<p>Không có chú thích.</p>")))
    assert "word/footnotes.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()


def _pages(data: bytes) -> list[str]:
    return [normalise(page) for page in pdf_page_texts(data)]


def test_pdf_notes_go_to_the_foot_of_the_page_their_mark_is_on() -> None:
    pages = _pages(pdf_bytes(Document(parse_markup(_markup(8)))))
    assert len(pages) >= 2
    for number in range(1, 9):
        mark_page = next(i for i, p in enumerate(pages) if f"đoạn {number}: kim" in p)
        note_page = next(i for i, p in enumerate(pages) if f"báo cáo số {number}," in p)
        assert mark_page == note_page, number
        page = pages[mark_page]
        # The note comes after the page's text: at its foot.
        assert page.index(f"báo cáo số {number},") > page.rindex("nội dung của báo cáo")
    assert any("cục thống kê, 20/3/2025" in p for p in pages)


def test_pdf_notes_of_a_table_split_over_pages_follow_their_rows() -> None:
    rows = "".join(
        f"<tr><td>Dòng {i} mô tả số liệu {i} của báo cáo tổng hợp về hợp tác kinh tế.</td>"
        f'<td>Báo cáo {i}<span class="footnote">Nguồn của dòng {i}, đoạn {i}.</span></td></tr>'
        for i in range(1, 61)
    )
    markup = f"<table><tr><th>Nội dung</th><th>Nguồn</th></tr>{rows}</table>"
    pages = _pages(pdf_bytes(Document(parse_markup(markup))))
    assert len(pages) >= 3
    for i in range(1, 61):
        row_page = next(n for n, p in enumerate(pages) if f"dòng {i} mô tả" in p)
        note_pages = [n for n, p in enumerate(pages) if f"nguồn của dòng {i}, đoạn {i}." in p]
        assert note_pages == [row_page], i


def test_only_tables_with_note_marks_are_searched_for_notes() -> None:
    """The frame asks every table it places or splits for its notes: a table without
    marks answers at once; a split one's parts each have the notes of their own rows."""
    from briefing_studio.render import layout
    from briefing_studio.render.pdf_notes import NotedTable, notes_in
    from briefing_studio.render.pdf_tables import BriefingTable
    from briefing_studio.render.pdf_writer import _LaidOut, _Story

    rows = "".join(
        f'<tr><td>Dòng {i}</td><td>Báo cáo<span class="footnote">Nguồn {i}.</span></td></tr>'
        for i in range(1, 41)
    )
    markup = f"<table><tr><th>A</th><th>B</th></tr>{rows}</table><table><tr><td>x</td></tr></table>"
    document = _LaidOut(**vars(layout.with_defaults(Document(parse_markup(markup)))))
    story = _Story(document).blocks(document.blocks, 450.0, None, False)
    noted, plain = story
    assert type(noted) is NotedTable and type(plain) is BriefingTable
    assert notes_in(plain) == []
    assert [note.number for note in notes_in(noted)] == list(range(1, 41))
    noted.wrap(450.0, 1e9)
    first, rest = noted.split(450.0, 300.0)
    assert type(first) is type(rest) is NotedTable
    split_at = len(first._cellvalues) - 1  # (the header row is repeated on the rest)
    assert [n.number for n in notes_in(first)] == list(range(1, split_at + 1))
    assert [n.number for n in notes_in(rest)] == list(range(split_at + 1, 41))


def test_a_long_noted_table_is_laid_out_as_when_every_note_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The notes frame answers "does not fit" for the rest of a long table before finding
    its notes (the notes only take room), and "has a new note" at the first row with one:
    the same PDF as finding and laying out all of them each time (Frame.add's answer)."""
    from reportlab import rl_config

    from briefing_studio.render import pdf_notes

    monkeypatch.setattr(rl_config, "invariant", 1)  # the same bytes for the same layout
    rows = "".join(
        f"<tr><td>Dòng {i} mô tả số liệu {i} của báo cáo tổng hợp.</td>"
        f'<td>Báo cáo {i}<span class="footnote">Nguồn của dòng {i}, đoạn {i}.</span></td></tr>'
        for i in range(1, 81)
    )
    markup = _markup(2) + f"<table><tr><th>Nội dung</th><th>Nguồn</th></tr>{rows}</table>"
    document = Document(parse_markup(markup))
    answers: list[bool] = []
    too_tall = pdf_notes.NotesFrame._too_tall

    def counted(self: pdf_notes.NotesFrame, table: object, canv: object) -> bool:
        answers.append(too_tall(self, table, canv))
        return answers[-1]

    first_rows = pdf_notes.NotesFrame._first_part_rows
    known: list[bool] = []

    def counted_rows(self: pdf_notes.NotesFrame, table: object, canv: object) -> object:
        rows = first_rows(self, table, canv)
        known.append(rows is not None)
        return rows

    monkeypatch.setattr(pdf_notes.NotesFrame, "_too_tall", counted)
    monkeypatch.setattr(pdf_notes.NotesFrame, "_first_part_rows", counted_rows)
    quick = pdf_bytes(document)
    assert True in answers and False in answers and True in known
    monkeypatch.setattr(pdf_notes.NotesFrame, "_too_tall", lambda *_: False)
    monkeypatch.setattr(pdf_notes.NotesFrame, "_any_new", lambda self, f: bool(self._new(f)))
    monkeypatch.setattr(pdf_notes.NotesFrame, "_first_part_rows", lambda *_: None)
    assert pdf_bytes(document) == quick
    assert len(_pages(quick)) >= 3


def _frame_at(document: Document, used: float, canvas: object) -> object:
    """A notes frame with ``used`` points of it taken."""
    from reportlab.platypus import Spacer

    from briefing_studio.render.pdf_notes import NotesFrame

    frame = NotesFrame(40, 40, 450, 700, document=document, leftPadding=0, rightPadding=0)
    frame.add(Spacer(1, used), canvas)
    return frame


def test_the_frames_answers_are_reportlabs() -> None:
    """``_too_tall``: True exactly where reportlab's Frame.add, with the bottom where it is,
    does not place the table, for a whole table and for the rest of a split one, anywhere
    down the frame; ``_first_part_rows``: the rows of the first part of Frame.split."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    from briefing_studio.render import layout
    from briefing_studio.render.pdf_notes import NotesFrame, notes_in
    from briefing_studio.render.pdf_writer import _LaidOut, _Story

    rows = "".join(
        f'<tr><td>Dòng {i}</td><td>Báo cáo<span class="footnote">Nguồn {i}.</span></td></tr>'
        for i in range(1, 13)
    )
    markup = f"<table><tr><th>A</th><th>B</th></tr>{rows}</table>"
    document = _LaidOut(**vars(layout.with_defaults(Document(parse_markup(markup)))))
    (table,) = _Story(document).blocks(document.blocks, 450.0, None, False)
    table.wrap(450.0, 1e9)
    rest = table.split(450.0, 120.0)[1]
    canvas = Canvas(io.BytesIO())
    answers = set()
    for flowable in (table, rest):
        for used in range(0, 700, 7):
            ours = _frame_at(document, used, canvas)._too_tall(flowable, canvas)
            placed = Frame.add(_frame_at(document, used, canvas), flowable, canvas)
            assert ours == (placed == 0), used
            answers.add(ours)
    assert answers == {True, False}
    # the rows of the first part are those Frame.split puts in it, where they are known
    known = set()
    for flowable in (table, rest):
        for used in range(0, 700, 7):
            rows = _frame_at(document, used, canvas)._first_part_rows(flowable, canvas)
            parts = Frame.split(_frame_at(document, used, canvas), flowable, canvas)
            if rows is not None:
                assert len(parts) == 2 and len(parts[0]._cellvalues) == len(rows), used
                assert notes_in(parts[0]) == [note for notes in rows for note in notes]
            known.add(rows is None)
    assert known == {True, False}
    # and "has a new note" is _new's answer, whichever notes are placed already
    for placed in (set(), {1, 2, 3}, set(range(1, 13))):
        for flowable in (table, rest, *rest.split(450.0, 100.0)):
            notes_frame = NotesFrame(40, 40, 450, 700, document=document)
            notes_frame.placed = set(placed)
            asked = notes_frame._any_new(flowable)
            assert asked == bool(notes_frame._new(flowable))


def test_pdf_text_never_runs_into_the_notes() -> None:
    """Each page's frame is shortened by its notes: the last body line ends above them."""
    data = pdf_bytes(Document(parse_markup(_markup(8))))
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        lowest_body, highest_note = 1e9, 0.0

        def visit(text, cm, tm, font, size, lowest=None):
            nonlocal lowest_body, highest_note
            y = tm[5] * cm[3] + cm[5] if cm else tm[5]
            if "Nội dung của báo cáo" in text:
                lowest_body = min(lowest_body, y)
            if "Nguồn: Báo cáo số" in text:
                highest_note = max(highest_note, y)

        page.extract_text(visitor_text=visit)
        if highest_note:
            assert highest_note < lowest_body


SOFFICE = find_soffice()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_docx_footnotes(tmp_path: Path) -> None:
    source = tmp_path / "chu-thich.docx"
    source.write_bytes(docx_bytes(Document(parse_markup(_markup(3)))))
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = normalise(" ".join(pdf_page_texts((tmp_path / "chu-thich.pdf").read_bytes())))
    for number in (1, 2, 3):
        assert re.search(rf"{number} ?nguồn: báo cáo số {number},", text), number
    assert "cục thống kê, 20/3/2025" in text


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting", "handout"])
def test_the_built_in_templates_cite_each_figure_in_a_footnote(template_id: str) -> None:
    from briefing_studio.paths import seed_files
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source
    from briefing_studio.templating import TemplateLibrary, make_document
    from briefing_studio.workspace import Workspace

    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    briefing = new_briefing(analyses, "all", None, template=template_id)
    shown = briefing.figures[:9] if template_id == "handout" else briefing.figures
    document = make_document(analyses, briefing, TemplateLibrary(None).get(template_id))
    package = zipfile.ZipFile(io.BytesIO(docx_bytes(document)))
    notes = etree.fromstring(package.read("word/footnotes.xml"))
    texts = ["".join(n.itertext()) for n in notes.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    assert len(texts) == len(shown)
    by_id = {f.id: (f, a) for a in analyses for f in a.figures}
    for text, figure_id in zip(texts, shown, strict=True):
        figure, analysis = by_id[figure_id]
        paragraph = analyses.section(figure.section).index + 1
        assert text.strip().endswith(f"đoạn {paragraph}."), text
        assert "bacgiang.gov.vn, 20/12/2024" in text or analysis.source.name in text


def test_citations_number_each_source_paragraph_once_for_a_nguon_list() -> None:
    from briefing_studio.paths import seed_files
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source
    from briefing_studio.templating import TemplateLibrary
    from briefing_studio.templating.context import build_context
    from briefing_studio.workspace import Workspace

    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    briefing = new_briefing(analyses, "all", None)
    context = build_context(analyses, briefing, TemplateLibrary(None).get(briefing.template))
    citations = context["citations"]
    assert [c["number"] for c in citations] == list(range(1, len(citations) + 1))
    assert len({c["text"] for c in citations}) == len(citations) < len(context["figures"])
    for figure in context["figures"]:
        assert citations[figure["citation_number"] - 1]["text"] == figure["citation"]
        assert figure["citation"].endswith(f"đoạn {figure['paragraph']}.")
