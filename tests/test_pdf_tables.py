"""The PDF writer's table shortcuts give what reportlab's own code gives: row heights measured
once for all the parts of a split table, merged cell-padding commands, font files compressed
once."""

from __future__ import annotations

import random
import zlib

import pytest
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.doctemplate import LayoutError

from briefing_studio.document import Document
from briefing_studio.render import fonts, pdf_bytes
from briefing_studio.render.fonts import face_for
from briefing_studio.render.pdf_lines import BriefingParagraph
from briefing_studio.render.pdf_tables import BriefingTable
from briefing_studio.render.pdf_writer import _padding_commands
from briefing_studio.templating.markup import parse_markup

BODY = ParagraphStyle("p", fontName=face_for("Times New Roman", False, False), fontSize=12)
WORDS = "Kim ngạch xuất khẩu đạt 12,4 tỷ USD tăng 8% so với năm 2023 vốn FDI".split()


def _rows(seed: int, count: int, paragraph: type[Paragraph]) -> list[list[object]]:
    pick = random.Random(seed)
    rows: list[list[object]] = []
    for _ in range(count):
        row: list[object] = []
        for column in range(3):
            text = " ".join(pick.choices(WORDS, k=pick.randint(1, 30)))
            if column == 2 and pick.random() < 0.2:
                row.append("chuỗi\nhai dòng")  # a plain string cell
            else:
                row.append([paragraph(text, BODY), Spacer(1, pick.choice((0, 4)))])
        rows.append(row)
    return rows


def _table(cls: type[PdfTable], rows: list[list[object]], **extra: object) -> PdfTable:
    style = [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (1, 2), (2, 5), 9)]
    return cls(rows, colWidths=[90, 150, 120], style=style, repeatRows=1, **extra)


def _geometry(table: PdfTable) -> tuple[list[float], list[float], float]:
    return list(table._rowHeights), list(table._rowpositions), table._height


@pytest.mark.parametrize("seed", range(4))
def test_row_heights_and_split_parts_are_reportlabs(seed: int) -> None:
    """The writer's tables split by row and inside a row; every part, and the table measured
    again in another height (a frame, then a kept-together group, ask), as reportlab has it."""
    ours = _table(BriefingTable, _rows(seed, 60, BriefingParagraph), splitInRow=1)
    theirs = _table(PdfTable, _rows(seed, 60, Paragraph), splitInRow=1)
    for height in (700, 200, 1e9):
        ours.wrap(360, height)
        theirs.wrap(360, height)
        assert _geometry(ours) == _geometry(theirs)
    for height in (500, 321, 150):  # split, measure the rest, split it again
        our_parts = ours.split(360, height)
        their_parts = theirs.split(360, height)
        assert len(our_parts) == len(their_parts) == 2
        for mine, reference in zip(our_parts, their_parts, strict=True):
            mine.wrap(360, 700)
            reference.wrap(360, 700)
            assert _geometry(mine) == _geometry(reference)
        ours, theirs = our_parts[-1], their_parts[-1]


def test_a_row_is_measured_again_when_its_widths_change() -> None:
    table = _table(BriefingTable, _rows(7, 10, BriefingParagraph))
    table.wrap(360, 700)
    wide = list(table._rowHeights)
    table._argW = [60, 180, 120]  # another column layout, same cells
    table.wrap(360, 700)
    reference = _table(PdfTable, _rows(7, 10, Paragraph))
    reference._argW = [60, 180, 120]
    reference.wrap(360, 700)
    assert table._rowHeights == reference._rowHeights != wide


def test_a_row_is_measured_again_when_a_cells_padding_changes() -> None:
    table = _table(BriefingTable, _rows(8, 10, BriefingParagraph))
    reference = _table(PdfTable, _rows(8, 10, Paragraph))
    table.wrap(360, 700)
    before = list(table._rowHeights)
    for each in (table, reference):
        each._cellStyles[4][1].bottomPadding = 40
        each.wrap(360, 700)
    assert table._rowHeights == reference._rowHeights != before


def test_a_cell_too_wide_for_its_column_is_left_to_reportlab(monkeypatch) -> None:
    """reportlab lets it overflow by default (``allowTableBoundsErrors``) or says which
    cell is too wide; the row is measured by reportlab either way."""
    from reportlab import rl_config
    from reportlab.graphics.shapes import Drawing

    def measured(cls: type[PdfTable]) -> tuple[list[float], list[float], float]:
        table = cls([[[Drawing(200, 10)], "x"], ["y", "z"]], colWidths=[50, 50])
        table.wrap(100, 100)
        return _geometry(table)

    assert measured(BriefingTable) == measured(PdfTable)
    monkeypatch.setattr(rl_config, "allowTableBoundsErrors", 0)
    for cls in (BriefingTable, PdfTable):
        with pytest.raises(LayoutError, match="too wide"):
            measured(cls)


def test_merged_padding_gives_each_cell_the_same_padding() -> None:
    pick = random.Random(3)
    columns, rows = 5, 40
    cells = []
    for r in range(rows):
        c = 0
        while c < columns:
            end = min(columns - 1, c + pick.choice((0, 0, 0, 1)))
            if pick.random() < 0.85:  # (some cells keep the table's own padding)
                top, bottom = pick.choice(((5.0, 9.0), (5.0, 9.0), (5.0, 5.0), (8.0, 9.0)))
                cells.append((c, r, end, r, top, bottom))
            c = end + 1
    one_each = [
        command
        for c0, r0, c1, r1, top, bottom in cells
        for command in (
            ("TOPPADDING", (c0, r0), (c1, r1), top),
            ("BOTTOMPADDING", (c0, r0), (c1, r1), bottom),
        )
    ]
    merged = _padding_commands(cells)
    assert len(merged) < len(one_each)

    def paddings(commands: list) -> list:
        data = [[""] * columns for _ in range(rows)]
        table = PdfTable(data, style=[("TOPPADDING", (0, 0), (-1, -1), 1), *commands])
        return [[(s.topPadding, s.bottomPadding) for s in row] for row in table._cellStyles]

    assert paddings(merged) == paddings(one_each)


def test_font_files_are_compressed_once_and_as_reportlab_does() -> None:
    document = Document(parse_markup("<p>Kim ngạch xuất khẩu đạt <b>12,4 tỷ USD</b>.</p>"))
    first = pdf_bytes(document)
    kept = dict(fonts._KEPT_FLATE._kept)
    assert kept, "the font files went through the kept filter"
    for content, compressed in kept.values():
        assert compressed == pdfdoc.PDFZCompress.encode(content) == zlib.compress(content)
    second = pdf_bytes(document)
    assert {id(v[1]) for v in fonts._KEPT_FLATE._kept.values()} >= {id(v[1]) for v in kept.values()}
    assert len(first) == len(second)


def test_a_uniform_table_needs_one_pair_of_padding_commands() -> None:
    cells = [(c, r, c, r, 5.0, 9.0) for r in range(161) for c in range(4)]
    assert _padding_commands(cells) == [
        ("TOPPADDING", (0, 0), (3, 160), 5.0),
        ("BOTTOMPADDING", (0, 0), (3, 160), 9.0),
    ]


_COMMANDS = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("LINEABOVE", (0, 3), (-1, 3), 1, colors.red),
    ("LINEBELOW", (1, -2), (2, -1), 1, colors.red),
    ("BACKGROUND", (0, 0), (-1, 0), colors.grey),
    ("BACKGROUND", (0, 1), (-1, 2), colors.yellow),
    ("BACKGROUND", (0, "splitlast"), (-1, "splitlast"), colors.blue),
    ("BACKGROUND", (0, "splitfirst"), (-1, "splitfirst"), colors.green),
    ("LINEABOVE", (0, "inrowsplitend"), (-1, "inrowsplitend"), 1, colors.green),
    ("LINEBELOW", (0, "inrowsplitstart"), (-1, "inrowsplitstart"), 1, colors.green),
    ("SPAN", (0, 5), (1, 6)),
    ("NOSPLIT", (0, 7), (-1, 8)),
    ("TOPPADDING", (0, 1), (-1, 4), 7),
]


def _command_state(table: PdfTable) -> tuple:
    lists = ("_linecmds", "_bkgrndcmds", "_spanCmds", "_nosplitCmds", "_srflcmds", "_sircmds")
    styles = [
        [(s.topPadding, s.bottomPadding, s.leftPadding, s.fontsize) for s in row]
        for row in table._cellStyles
    ]
    return tuple(list(getattr(table, name)) for name in lists), styles, table._rowSplitRange


@pytest.mark.parametrize("n", [1, 2, 5, 9])
@pytest.mark.parametrize("repeat", [[0], [0, 1], [1, 3], []])
@pytest.mark.parametrize("in_row", [0, 1])
@pytest.mark.parametrize("split_range", [None, (2, -2), (0, 3)])
def test_the_rest_of_a_split_tables_commands_are_reportlabs(
    n: int, repeat: list[int], in_row: int, split_range: tuple[int, int] | None
) -> None:
    """``_cr_1_1``: the same commands, cell styles and split range as reportlab's, for the
    rest of a table split after ``n`` rows with ``repeat`` rows repeated on it."""
    rows = [[f"{r}.{c}" for c in range(3)] for r in range(12)]
    source = PdfTable(rows, style=_COMMANDS)
    states = []
    for cls in (BriefingTable, PdfTable):
        rest = cls([["x"] * 3 for _ in range(12 - n + len(repeat))])
        rest._rowSplitRange = split_range
        for commands, srfl in (
            (source._linecmds, False),
            (source._bkgrndcmds, True),
            (source._spanCmds, False),
            (source._nosplitCmds, False),
        ):
            PdfTable._cr_1_1(rest, n, 12, repeat, commands, in_row, srfl) if cls is PdfTable else (
                rest._cr_1_1(n, 12, repeat, commands, in_row, srfl)
            )
        states.append(_command_state(rest))
    assert states[0] == states[1]


@pytest.mark.parametrize("height", [95, 130, 300])
def test_split_tables_with_commands_are_reportlabs(height: float) -> None:
    """A table with grid, backgrounds, spans and repeated rows, split at several heights:
    every part has reportlab's commands and cell styles."""
    rows = [[f"dòng {r}", f"cột {r}\nhai dòng" if r % 3 else "một", "c"] for r in range(14)]
    parts = []
    for cls in (BriefingTable, PdfTable):
        table = cls(rows, style=_COMMANDS[:5] + _COMMANDS[9:], repeatRows=2, splitInRow=1)
        table.wrap(300, height)
        parts.append([_command_state(part) for part in table.split(300, height)])
    assert parts[0] == parts[1] and len(parts[0]) == 2
