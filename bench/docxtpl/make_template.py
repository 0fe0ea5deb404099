"""Build the docxtpl version of the ``embassy-meeting`` briefing: the office's usual alternative.

The same sections in the same order (letterhead, title, I–V, other content, sources, glossary),
the same key-figures table and the Decree 30 page (A4, margins 20/20/30/15 mm, Times New Roman
14), written as a Word file with docxtpl's Jinja tags, the way an office would maintain it.
Generated with python-docx rather than committed, so it is reviewable as code. Run::

    python bench/docxtpl/make_template.py [OUT.docx]

(default: ``bench/docxtpl/briefing_template.docx``; the benchmark writes it to a temporary folder).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table

DEFAULT_PATH = Path(__file__).resolve().parent / "briefing_template.docx"
FONT = "Times New Roman"


def make_template(path: str | Path = DEFAULT_PATH) -> Path:
    """Write the template to ``path`` and return it."""
    document = Document()
    _page_and_styles(document)
    _letterhead(document)
    _centered(document, "{{ title }}", bold=True, size=14)
    _centered(document, "{{ subtitle }}", italic=True, size=14)

    document.add_heading("I. Thông tin chung", level=1)
    _tag(document, "{%p if nation %}")
    document.add_paragraph("Khách: Ngài Đại sứ {{ nation }} tại Việt Nam.")
    _tag(document, "{%p endif %}")
    _slot(document, "background")

    document.add_heading("II. Tình hình quan hệ hợp tác", level=1)
    _slot(document, "cooperation")

    document.add_heading("III. Số liệu nổi bật", level=1)
    _figures_table(document)

    document.add_heading("IV. Đề xuất, kiến nghị", level=1)
    _slot(document, "proposals")

    document.add_heading("V. Gợi ý nội dung trao đổi", level=1)
    _tag(document, "{%p for point in talking_points %}")
    document.add_paragraph("{{r point }}", style="List Bullet")
    _tag(document, "{%p endfor %}")

    _tag(document, "{%p if unslotted %}")
    document.add_heading("Nội dung khác", level=2)
    _slot(document, "unslotted")
    _tag(document, "{%p endif %}")

    document.add_heading("Nguồn tài liệu", level=2)
    _tag(document, "{%p for s in sources %}")
    document.add_paragraph("{{ s }}", style="List Number")
    _tag(document, "{%p endfor %}")

    document.add_heading("Chữ viết tắt", level=2)
    _glossary_table(document)

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def _page_and_styles(document: WordDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Mm(10)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2", "List Bullet", "List Number"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(14)
        if name.startswith("Heading"):
            style.font.bold = True
            style.font.color.rgb = None
        else:
            style.paragraph_format.first_line_indent = Mm(0)


def _letterhead(document: WordDocument) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    _cell_lines(left, [("{{ agency_parent }}", False), ("{{ agency_name }}", True)])
    _cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
            ("Độc lập - Tự do - Hạnh phúc", True),
            ("{{ place_date }}", False),
        ],
    )


def _cell_lines(cell, lines: list[tuple[str, bool]]) -> None:
    cell.paragraphs[0].text = ""
    for index, (text, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Mm(0)
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(13)


def _centered(
    document: WordDocument, text: str, bold: bool = False, italic: bool = False, size: int = 14
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Mm(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def _tag(document: WordDocument, tag: str) -> None:
    """A docxtpl paragraph tag (``{%p … %}``): the paragraph itself disappears when rendered."""
    document.add_paragraph(tag)


def _slot(document: WordDocument, slot: str) -> None:
    """The chosen sections of one slot: headings in bold, paragraphs with figures in bold."""
    _tag(document, f"{{%p for s in {slot} %}}")
    document.add_paragraph("{{r s }}")
    _tag(document, "{%p endfor %}")
    _tag(document, f"{{%p if not {slot} %}}")
    document.add_paragraph("(Chưa có nội dung được chọn)").runs[0].italic = True
    _tag(document, "{%p endif %}")


def _figures_table(document: WordDocument) -> None:
    widths = [15, 40, 80, 30]
    table = _grid(document, ["STT", "Số liệu", "Nội dung", "Nguồn"], widths)
    _loop_rows(
        table,
        widths,
        "f in figures",
        ["{{ loop.index }}", "{{ f.text }}", "{{r f.excerpt }}", "{{ f.source_label }}"],
    )


def _glossary_table(document: WordDocument) -> None:
    widths = [40, 125]
    table = _grid(document, ["Viết tắt", "Nghĩa đầy đủ"], widths)
    _loop_rows(table, widths, "g in glossary", ["{{ g.short }}", "{{ g.expansion }}"])


def _grid(document: WordDocument, headers: list[str], widths_mm: list[int]) -> Table:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, header, bold=True)
    _widths(table.rows[0].cells, widths_mm)
    return table


def _loop_rows(table: Table, widths_mm: list[int], loop: str, cells: list[str]) -> None:
    """Three rows: ``{%tr for %}``, the repeated row, ``{%tr endfor %}`` (docxtpl's row loop)."""
    _cell_text(table.add_row().cells[0], f"{{%tr for {loop} %}}")
    row = table.add_row().cells
    for cell, text in zip(row, cells, strict=True):
        _cell_text(cell, text, bold=text == "{{ f.text }}")
    _widths(row, widths_mm)
    _cell_text(table.add_row().cells[0], "{%tr endfor %}")


def _widths(cells, widths_mm: list[int]) -> None:
    # Word and LibreOffice read the width of each cell, not only the column grid.
    for cell, width in zip(cells, widths_mm, strict=True):
        cell.width = Mm(width)


def _cell_text(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Mm(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)


if __name__ == "__main__":
    print(make_template(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_PATH))
