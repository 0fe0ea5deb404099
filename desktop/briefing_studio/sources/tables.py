"""Source tables from what a loader reads: rows of cells with their spans, header rows found.

The .docx, HTML and PDF loaders each list a table's rows the way HTML does (each row the cells
that start in it, with their row and column spans); ``build_table`` places them on the grid.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing_studio.sources.model import Block, Table, TableCell

RawCell = tuple[str, int, int, bool]  # text, rowspan, colspan, marked as a header by the file

# A cell that is only a number (with a sign, separators, a percent sign): a body value.
_NUMBER = re.compile(r"[-+−]?\d[\d.,\s]*%?")
_YEAR = re.compile(r"(?:năm\s+)?(?:19|20)\d\d", re.IGNORECASE)
# A table's title or unit line as reports write it above the table: "Bảng 1. …", "Biểu 2: …",
# "Đơn vị: tỷ đồng", "(Đơn vị tính: triệu USD)".
_CAPTION = re.compile(
    r"\(?\s*(?:(?:bảng|biểu)\s+\d+[a-z]?\b|(?:đơn\s+vị(?:\s+tính)?|đvt)\s*:)", re.I
)
_MAX_CAPTION = 200  # characters: a caption is a line, not a paragraph


def attach_captions(blocks: list[Block]) -> list[Block]:
    """Blocks with the caption lines right above each table ("Bảng 1. …", "Đơn vị: …") moved
    into that table's ``caption``, so the title and unit stay with the table they describe."""
    out: list[Block] = []
    for block in blocks:
        table = block.table
        if table is not None and not table.caption:
            lines: list[str] = []
            while (
                out
                and out[-1].kind == "paragraph"
                and len(out[-1].text) <= _MAX_CAPTION
                and _CAPTION.match(out[-1].text)
                and len(lines) < 2
            ):
                lines.insert(0, out.pop().text)
            if lines:
                block = Block.of_table(replace(table, caption=" ".join(lines)))
        out.append(block)
    return out


def is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.strip()))


def is_year(text: str) -> bool:
    """A column label such as "2024" or "Năm 2024", not a value."""
    return bool(_YEAR.fullmatch(text.strip()))


def _looks_like_header_row(row: list[RawCell], body: list[list[RawCell]]) -> bool:
    """A first row nobody marked: labels or years over a body that holds numbers."""
    texts = [text for text, *_ in row if text]
    if not texts or any(is_number(t) and not is_year(t) for t in texts):
        return False
    return any(is_number(text) for line in body for text, *_ in line if text)


def continue_table(first: Table, second: Table) -> Table | None:
    """``first`` with the body rows of ``second`` below it, when ``second`` is its continuation
    on the next page (the same columns under the same repeated header rows); else None."""

    def header(table: Table) -> list[tuple[str, int, int, int]]:
        return [(c.text, c.row, c.col, c.cols) for c in table.cells if c.row < table.header_rows]

    if first.n_cols != second.n_cols or header(first) != header(second):
        return None
    shift = first.n_rows - second.header_rows
    body = [replace(c, row=c.row + shift) for c in second.cells if c.row >= second.header_rows]
    rows = first.n_rows + second.n_rows - second.header_rows
    return replace(first, cells=first.cells + tuple(body), n_rows=rows)


def build_table(rows: list[list[RawCell]], caption: str = "") -> Table | None:
    """A ``Table`` from rows of ``(text, rowspan, colspan, header)`` cells as HTML lists them.

    Places taken by a cell merged from a row above are skipped, as in HTML. Header rows are the
    leading rows whose cells are all marked headers (``<th>``, Word's repeated header row), or,
    when nothing is marked, a first row of labels or years over rows of numbers. A header cell
    merged down makes the rows it covers headers too. None for a table without text.
    """
    rows = [row for row in rows if row]
    if not rows:
        return None
    if not any(header for row in rows for *_, header in row) and len(rows) > 1:
        if _looks_like_header_row(rows[0], rows[1:]):
            rows = [[(t, rs, cs, True) for t, rs, cs, _ in rows[0]], *rows[1:]]
    taken: set[tuple[int, int]] = set()
    cells: list[TableCell] = []
    for r, row in enumerate(rows):
        col = 0
        for text, rowspan, colspan, header in row:
            while (r, col) in taken:
                col += 1
            rowspan = max(1, min(rowspan, len(rows) - r))
            colspan = max(1, colspan)
            cells.append(TableCell(text, r, col, rowspan, colspan, header))
            taken.update((r + i, col + j) for i in range(rowspan) for j in range(colspan))
            col += colspan
    if not any(cell.text for cell in cells):
        return None
    header_rows = 0
    for r in range(len(rows)):
        starting = [cell for cell in cells if cell.row == r]
        if not starting or not all(cell.header for cell in starting):
            break
        header_rows = r + 1
    header_rows = max([header_rows] + [c.row + c.rows for c in cells if c.row < header_rows])
    if header_rows >= len(rows):  # a table of headers only has no body to repeat them over
        header_rows = 0
    n_cols = max(col for _, col in taken) + 1
    marked = [
        c if c.header == (c.row < header_rows) else replace(c, header=c.row < header_rows)
        for c in cells
    ]
    ordered = tuple(sorted(marked, key=lambda c: (c.row, c.col)))
    return Table(ordered, len(rows), n_cols, header_rows, caption)
