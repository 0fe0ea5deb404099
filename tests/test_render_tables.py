"""A Word report whose figures sit in a table, and the same report as an old .doc, render into a
briefing whose DOCX and PDF hold the chosen table as a table: header rows repeated, merged cells
merged, the cells in reading order, the cells' figures read with their headers.

The report is made here with python-docx; the .doc is converted from it by LibreOffice (that
case skips, saying so, when LibreOffice is missing; CI installs it). The scanned report is
rendered to images by tests/scans.py and read by Tesseract (skips when Tesseract or its
Vietnamese model is missing).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing_studio.briefing import Briefing, ChosenSection, Meeting
from briefing_studio.errors import BriefingError
from briefing_studio.export import export_briefing
from briefing_studio.selection import resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.sources.ocr import check_tesseract
from briefing_studio.sources.office import find_soffice
from briefing_studio.templating import TemplateLibrary
from briefing_studio.workspace import Workspace
from scans import scanned_pdf

SOFFICE = find_soffice()
TITLE = "Báo cáo kết quả hợp tác kinh tế với Hàn Quốc năm 2024"
LEAD = "Năm 2024, quan hệ thương mại giữa Việt Nam và Hàn Quốc tiếp tục tăng trưởng mạnh."
CAPTION = "Bảng 1. Một số chỉ tiêu chủ yếu (Đơn vị: tỷ USD)"


def make_report(path: Path) -> Path:
    """A report with a figures table: "Chỉ tiêu" merged down over two header rows, "Năm"
    merged across two year columns, the header rows marked to repeat (``w:tblHeader``)."""
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(LEAD)
    document.add_paragraph(CAPTION)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Chỉ tiêu"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Năm"
    rows = [["2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    rows += [["Kim ngạch nhập khẩu", "8,1", "9,7"]]
    table.cell(1, 1).text, table.cell(1, 2).text = rows[0]
    for r, texts in enumerate(rows[1:], start=2):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    for row in table.rows[:2]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.add_paragraph("Hai bên thống nhất thúc đẩy hợp tác trong lĩnh vực năng lượng.")
    document.save(str(path))
    return path


def to_doc(source: Path, folder: Path) -> Path:
    assert SOFFICE is not None
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc"]
    subprocess.run(
        [*command, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{source.stem}.doc"


def render_chosen_table(path: Path, out: Path) -> tuple[Path, Path]:
    """A briefing with the report's table and the figures in its cells chosen."""
    analyses = Workspace.analyze([load_source(path)])
    (analysis,) = analyses
    (table,) = [s for s in analysis.sections if s.kind == "table"]
    figures = [f.id for f in analysis.figures if f.section == table.id]
    briefing = Briefing(
        sources=[analysis.source],
        sections=[ChosenSection(table.id)],
        figures=figures,
        meeting=Meeting(counterpart=resolve_counterpart("Hàn Quốc")),
    )
    template = TemplateLibrary(None).get("embassy-meeting")
    written = export_briefing(analyses, briefing, template, ["docx", "pdf"], out, "bang")
    docx_path, pdf_path = sorted(written, key=lambda p: p.suffix)
    return docx_path, pdf_path


def assert_table_in_docx(path: Path) -> None:
    word = docx.Document(str(path))
    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Chỉ tiêu"]
    assert len(tables) == 1
    (table,) = tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Chỉ tiêu", "Năm", "Năm"],
        ["Chỉ tiêu", "2023", "2024"],
        ["Kim ngạch xuất khẩu", "10,2", "12,4"],
        ["Kim ngạch nhập khẩu", "8,1", "9,7"],
    ]
    repeated = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows
    ]
    assert repeated == [True, True, False, False]
    assert table.rows[0].cells[0]._tc is table.rows[1].cells[0]._tc  # merged down
    assert table.rows[0].cells[1]._tc is table.rows[0].cells[2]._tc  # merged across
    # The figures table reads each cell's figure with its headers and the caption's unit.
    text = "\n".join(p.text for t in word.tables for row in t.rows for p in row.cells[2].paragraphs)
    assert "Kim ngạch xuất khẩu · Năm 2024: 12,4 tỷ USD" in text


def assert_table_in_pdf(path: Path) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.split() for line in layout.splitlines()]

    def line_of(words: list[str]) -> int:
        return next(i for i, line in enumerate(lines) if line[: len(words)] == words)

    # Each row on its own line, cells left to right, rows top to bottom.
    header = line_of(["Chỉ", "tiêu", "Năm"])
    years = next(i for i, line in enumerate(lines) if line == ["2023", "2024"])
    export = line_of(["Kim", "ngạch", "xuất", "khẩu", "10,2", "12,4"])
    imports = line_of(["Kim", "ngạch", "nhập", "khẩu", "8,1", "9,7"])
    assert header < years < export < imports


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_report(tmp_path_factory.mktemp("report") / "bao-cao-bang.docx")


def test_a_docx_report_table_renders_as_a_table_in_both_files(report: Path, tmp_path: Path):
    docx_path, pdf_path = render_chosen_table(report, tmp_path)
    assert_table_in_docx(docx_path)
    assert_table_in_pdf(pdf_path)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_same_report_as_a_doc_renders_its_table_as_a_table(report: Path, tmp_path: Path):
    doc = to_doc(report, tmp_path)
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real old Word file
    docx_path, pdf_path = render_chosen_table(doc, tmp_path / "out")
    assert_table_in_docx(docx_path)
    assert_table_in_pdf(pdf_path)


# ---- a scanned report: the table is read by OCR ------------------------------------------------

SCANNED_ROWS = [
    ["Chỉ tiêu", "Năm 2023", "Năm 2024"],
    ["Kim ngạch xuất khẩu", "10,2", "12,4"],
    ["Kim ngạch nhập khẩu", "8,1", "9,7"],
    ["Vốn đầu tư đăng ký", "3,5", "4,1"],
]


def tesseract_missing() -> str:
    try:
        check_tesseract()
    except BriefingError as exc:
        return f"Tesseract with its Vietnamese model is not installed: {exc.message_en}"
    return ""


@pytest.mark.skipif(bool(tesseract_missing()), reason=tesseract_missing())
def test_a_scanned_two_page_report_renders_its_table_as_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))  # an empty OCR cache
    scan = scanned_pdf(
        tmp_path / "bao-cao-quet.pdf",
        [
            [TITLE, LEAD, "Hai bên đã ký kết hơn 170 thỏa thuận hợp tác trong năm."],
            [CAPTION, SCANNED_ROWS, "Hai bên thống nhất thúc đẩy hợp tác về năng lượng."],
        ],
    )
    source = load_source(scan)
    assert source.ocr
    assert [b.kind for b in source.blocks] == ["paragraph"] * 3 + ["table", "paragraph"]
    assert source.blocks[0].text == TITLE  # prose stays paragraphs

    docx_path, pdf_path = render_chosen_table(scan, tmp_path / "out")
    word = docx.Document(str(docx_path))
    (table,) = [t for t in word.tables if t.rows[0].cells[0].text == "Chỉ tiêu"]
    assert [[c.text for c in row.cells] for row in table.rows] == SCANNED_ROWS
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    text = "\n".join(p.text for t in word.tables for row in t.rows for p in row.cells[2].paragraphs)
    assert "Kim ngạch xuất khẩu · Năm 2024: 12,4 tỷ USD" in text  # with the caption's unit
    assert "Vốn đầu tư đăng ký · Năm 2024: 4,1 tỷ USD" in text

    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [line.split() for line in layout.splitlines()]
    found = [
        next(i for i, line in enumerate(lines) if line == " ".join(row).split())
        for row in SCANNED_ROWS
    ]
    assert found == sorted(found)  # each row on its own line, cells in order, rows in order
