"""Tables in sources: one ``table`` section each, cells on their grid, headers found, figures
in cells read with their row and column headers, kept through a project file."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement

from briefing_studio.analysis import analyze
from briefing_studio.briefing import Briefing, ChosenSection, ProjectFieldError
from briefing_studio.sources import load_source
from briefing_studio.sources.model import Table, TableCell
from briefing_studio.templating import TemplateLibrary
from briefing_studio.templating.context import build_context
from briefing_studio.workspace import Workspace


def grid(table: Table) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rows, cols), for short assertions."""
    return [[(c.text, c.rows, c.cols) for c in table.row_cells(r)] for r in range(table.n_rows)]


def word_report(path: Path, rows: list[list[str]], header_rows: int = 0, note: str = "") -> Path:
    document = docx.Document()
    document.add_paragraph("Tình hình hợp tác kinh tế năm 2024 tiếp tục chuyển biến tích cực.")
    if note:
        document.add_paragraph(note)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    for row in table.rows[:header_rows]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.add_paragraph("Hai bên thống nhất tiếp tục thúc đẩy hợp tác trong thời gian tới.")
    document.save(str(path))
    return path


def only_table(path: Path):
    analysis = analyze(load_source(path))
    tables = [s for s in analysis.sections if s.kind == "table"]
    assert len(tables) == 1
    return analysis, tables[0]


def test_a_word_table_keeps_its_merged_cells_and_marked_header_rows(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Chỉ tiêu"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Kim ngạch"
    table.cell(1, 1).text, table.cell(1, 2).text = "Xuất khẩu", "Nhập khẩu"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "Hàn Quốc"
    for r, c, text in [(2, 1, "10,2"), (2, 2, "8,1"), (3, 1, "12,4"), (3, 2, "9,7")]:
        table.cell(r, c).text = text
    for row in table.rows[:2]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    path = tmp_path / "bang.docx"
    document.save(str(path))

    (block,) = load_source(path).blocks
    assert block.kind == "table" and block.table is not None
    assert grid(block.table) == [
        [("Chỉ tiêu", 2, 1), ("Kim ngạch", 1, 2)],
        [("Xuất khẩu", 1, 1), ("Nhập khẩu", 1, 1)],
        [("Hàn Quốc", 2, 1), ("10,2", 1, 1), ("8,1", 1, 1)],
        [("12,4", 1, 1), ("9,7", 1, 1)],
    ]
    assert block.table.header_rows == 2
    assert block.table.at(3, 0).text == "Hàn Quốc"  # merged down: the same cell
    assert [c.header for c in block.table.cells] == [True] * 4 + [False] * 5


def test_an_unmarked_first_row_of_years_over_numbers_is_the_header(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "2023", "2024"], ["Vốn FDI đăng ký", "3,1", "4,2"]]
    _, section = only_table(word_report(tmp_path / "a.docx", rows))
    assert section.table.header_rows == 1
    labels = [["Chỉ tiêu", "Kết quả"], ["Thỏa thuận", "Hơn 170 thỏa thuận"]]
    _, section = only_table(word_report(tmp_path / "b.docx", labels))
    assert section.table.header_rows == 0  # a row of labels over words: nothing says header


def test_an_html_table_keeps_th_thead_rowspan_colspan_and_caption(tmp_path: Path) -> None:
    path = tmp_path / "bai.html"
    path.write_text(
        "<html><body><article><h1>Thương mại Việt Nam - Hàn Quốc năm 2024</h1>"
        "<p>Kim ngạch thương mại hai chiều tiếp tục tăng trưởng mạnh so với năm trước.</p>"
        "<table><caption>Đơn vị: tỷ USD</caption><thead>"
        '<tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm</th></tr>'
        "<tr><th>2023</th><th>2024</th></tr></thead><tbody>"
        "<tr><td>Kim ngạch xuất khẩu</td><td>10,2</td><td>12,4</td></tr>"
        "</tbody></table>"
        "<table><tr><td>Một bảng chỉ để dàn trang, một cột.</td></tr>"
        "<tr><td>Dòng thứ hai của bảng dàn trang.</td></tr></table>"
        "</article></body></html>",
        encoding="utf-8",
    )
    blocks = load_source(path).blocks
    assert [b.kind for b in blocks] == ["heading", "paragraph", "table", "paragraph", "paragraph"]
    table = blocks[2].table
    assert grid(table) == [
        [("Chỉ tiêu", 2, 1), ("Năm", 1, 2)],
        [("2023", 1, 1), ("2024", 1, 1)],
        [("Kim ngạch xuất khẩu", 1, 1), ("10,2", 1, 1), ("12,4", 1, 1)],
    ]
    assert (table.header_rows, table.caption) == (2, "Đơn vị: tỷ USD")
    analysis = analyze(load_source(path))
    (figure,) = [f for f in analysis.figures if f.surface == "12,4"]
    assert (figure.kind, figure.value, figure.unit) == ("money", 12.4e9, "USD")
    assert figure.context == "Kim ngạch xuất khẩu · Năm 2024"


def test_cell_figures_take_their_unit_from_headers_or_the_caption(tmp_path: Path) -> None:
    rows = [
        ["STT", "Chỉ tiêu", "Năm 2024 (tỷ đồng)", "Tăng trưởng (%)", "Ghi chú"],
        ["1", "Thu ngân sách", "4.814", "6,5", "Đạt 105% kế hoạch"],
        ["2", "Vốn đầu tư", "1.250", "12,1", ""],
    ]
    analysis, section = only_table(word_report(tmp_path / "a.docx", rows))
    found = {f.surface: f for f in analysis.figures if f.section == section.id}
    assert set(found) == {"4.814", "6,5", "105%", "1.250", "12,1"}  # no STT, no header year
    assert (found["4.814"].kind, found["4.814"].value, found["4.814"].unit) == (
        "money",
        4814e9,
        "đồng",
    )
    assert found["4.814"].context == "Thu ngân sách · Năm 2024"
    assert (found["6,5"].kind, found["6,5"].value) == ("percent", 6.5)
    assert found["105%"].context == "Thu ngân sách · Ghi chú"
    text = section.text
    assert all(text[f.start : f.end] == f.surface for f in found.values())

    rows = [["Chỉ tiêu", "2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    note = "Bảng 1. Kết quả chủ yếu (Đơn vị: tỷ USD)"
    analysis, section = only_table(word_report(tmp_path / "b.docx", rows, 1, note))
    (figure,) = [f for f in analysis.figures if f.surface == "12,4"]
    assert (figure.kind, figure.value, figure.unit) == ("money", 12.4e9, "USD")
    assert figure.context == "Kim ngạch xuất khẩu · 2024"
    rows = [["Chỉ tiêu", "2023", "2024"], ["Số dự án", "110", "125"]]
    analysis, _ = only_table(word_report(tmp_path / "c.docx", rows, 1))
    (figure,) = [f for f in analysis.figures if f.surface == "125"]
    assert (figure.kind, figure.value, figure.unit) == ("measure", 125, None)  # no unit said


def test_the_figures_table_reads_a_cell_with_its_headers(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    path = word_report(tmp_path / "a.docx", rows, 1, "Đơn vị: tỷ USD")
    analysis, section = only_table(path)
    (figure,) = [f for f in analysis.figures if f.surface == "12,4"]
    briefing = Briefing(
        sources=[analysis.source], sections=[ChosenSection(section.id)], figures=[figure.id]
    )
    context = build_context(
        Workspace([analysis]), briefing, TemplateLibrary(None).get("embassy-meeting")
    )
    (item,) = context["figures"]
    assert item["sentence"] == "Kim ngạch xuất khẩu · 2024: 12,4 tỷ USD"
    assert str(item["excerpt_html"]) == "Kim ngạch xuất khẩu · 2024: <b>12,4 tỷ USD</b>"
    table = context["sections"][0]["table"]
    assert table["header_rows"] == 1 and table["columns"] == 3
    assert [c["text"] for c in table["rows"][1]["cells"]] == ["Kim ngạch xuất khẩu", "10,2", "12,4"]
    assert str(table["rows"][1]["cells"][2]["html"]) == "<b>12,4</b>"  # the chosen figure


def test_a_project_file_keeps_a_table_and_refuses_a_broken_one(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    source = load_source(word_report(tmp_path / "a.docx", rows, 1))
    data = json.loads(json.dumps(Briefing(sources=[source]).to_json()))
    assert Briefing.from_json(data).sources[0] == source
    assert Briefing.from_json(data).sources[0].sha256 == source.sha256

    blocks = data["sources"][0]["blocks"]
    index = next(i for i, b in enumerate(blocks) if b["kind"] == "table")
    broken = {
        "cells[1]": lambda t: t["cells"][1].update(col=0),  # on top of the first cell
        "cells[2].rows": lambda t: t["cells"][2].update(rows=5),  # past the last row
        "cells[0].text": lambda t: t["cells"][0].update(text=12),
        ".table.rows": lambda t: t.update(rows="2"),
    }
    for field, damage in broken.items():
        copy = json.loads(json.dumps(data))
        damage(copy["sources"][0]["blocks"][index]["table"])
        with pytest.raises(ProjectFieldError) as caught:
            Briefing.from_json(copy)
        assert field in caught.value.field


def test_table_text_spans_point_at_the_cells() -> None:
    table = Table(
        cells=(
            TableCell("A", 0, 0, header=True),
            TableCell("B", 0, 1, header=True),
            TableCell("", 1, 0),
            TableCell("12,4", 1, 1),
        ),
        n_rows=2,
        n_cols=2,
        header_rows=1,
    )
    assert [table.text[a:b] for _, a, b in table.cell_spans()] == ["A", "B", "12,4"]


def test_briefing_analyze_names_a_cell_figure_by_its_headers(tmp_path: Path) -> None:
    from briefing_studio.summary import summarize

    rows = [["Chỉ tiêu", "2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    analysis, _ = only_table(word_report(tmp_path / "a.docx", rows, 1, "Đơn vị: tỷ USD"))
    assert "• Kim ngạch xuất khẩu · 2024: 12,4  →" in summarize(analysis)


def test_a_caption_line_above_a_table_goes_with_it(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "2023", "2024"], ["Kim ngạch xuất khẩu", "10,2", "12,4"]]
    note = "Bảng 2. Kim ngạch thương mại (Đơn vị: tỷ USD)"
    source = load_source(word_report(tmp_path / "a.docx", rows, 1, note))
    assert note not in [block.text for block in source.blocks]
    (table,) = [block.table for block in source.blocks if block.table is not None]
    assert table.caption == note
    prose = "Bảng giá đất năm 2024 được điều chỉnh tăng bình quân 15% so với năm trước."
    source = load_source(word_report(tmp_path / "b.docx", rows, 1, prose))
    assert prose in [block.text for block in source.blocks]  # a sentence is no caption
