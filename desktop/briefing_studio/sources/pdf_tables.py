"""Tables in a PDF's text layer, found conservatively from how the text lines up.

A PDF stores no tables, only text placed on the page. pypdf's layout mode keeps each line's
horizontal placement as spaces, so a table shows as a run of lines whose pieces (separated by
three or more spaces) stand in the same columns. A run is taken for a table only when:

- it has at least ``_MIN_ROWS`` lines of two or more pieces, and at least two of them hold a
  number after a label (a table of figures, the kind a briefing needs);
- the columns are found from the number lines (the gaps no piece of them crosses), at least two
  and at most ``_MAX_COLUMNS`` of them, and every piece of every line falls in one column.

Lines above the first number line are header rows; a later line of one piece and no number
continues the row above (a cell's text wrapped onto a second line).
Anything else stays text: a justified paragraph never has three-space gaps in every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_studio.sources.model import Table
from briefing_studio.sources.tables import RawCell, build_table, is_number, is_year
from briefing_studio.textutil import clean_line

_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)")  # a piece: text up to 3+ spaces or the end
_MIN_ROWS = 3
_MIN_NUMBER_ROWS = 2
_MAX_COLUMNS = 12
# Only pages whose plain text looks like it holds a table are read a second time in layout mode
# (see ``may_hold_table``): that reading takes as long as the first.
_TWO_NUMBERS_AT_END = re.compile(r"(?<![\w,.])\d[\d.,]*%?\s+\d[\d.,]*%?\s*$")


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    end: int


def may_hold_table(plain_text: str) -> bool:
    """Whether a page's plain text is worth reading again in layout mode: lines that end in
    two numbers ("Kim ngạch xuất khẩu 10,2 12,4"), or (a ruled table comes out cell by cell)
    lines that are just a number. Prose rarely does either."""
    lines = plain_text.splitlines()
    ending = sum(1 for line in lines if _TWO_NUMBERS_AT_END.search(line))
    alone = sum(1 for line in lines if is_number(line))
    return ending >= _MIN_NUMBER_ROWS or alone >= 2 * _MIN_NUMBER_ROWS


def split_tables(layout_text: str) -> list[str | Table]:
    """The page's lines in order (as laid out), each table found in place of its lines."""
    lines = layout_text.splitlines()
    out: list[str | Table] = []
    done = 0
    for start, end, table in table_runs(lines):
        out += [*lines[done:start], table]
        done = end
    return out + lines[done:]


def table_runs(lines: list[str]) -> list[tuple[int, int, Table]]:
    """The tables among laid-out ``lines``, each with the range of lines it was read from."""
    pieces = [_pieces(line) for line in lines]
    runs: list[tuple[int, int, Table]] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and (len(pieces[end]) >= 2 or (end > i and _inside(pieces[end]))):
            end += 1
        table = _table(pieces[i:end]) if end - i >= _MIN_ROWS else None
        while table is None and end - i > _MIN_ROWS and len(pieces[end - 1]) < 2:
            end -= 1  # a line under the table that did not fit its columns: a note
            table = _table(pieces[i:end])
        if table is not None:
            runs.append((i, end, table))
            i = end
        else:
            i += 1
    return runs


def _pieces(line: str) -> list[_Piece]:
    return [_Piece(m.group(), m.start(), m.end()) for m in _GAP.finditer(line)]


def _inside(pieces: list[_Piece]) -> bool:
    """A one-piece line that may continue a table: indented, not a line of text at the margin."""
    return len(pieces) == 1 and pieces[0].start > 0 and len(pieces[0].text) < 60


def _table(rows: list[list[_Piece]]) -> Table | None:
    numbered = [  # rows of figures: a label and a number after it (not a row of years)
        i
        for i, row in enumerate(rows)
        if any(is_number(p.text) and not is_year(p.text) for p in row[1:])
        and not all(is_number(p.text) for p in row)
    ]
    if len(numbered) < _MIN_NUMBER_ROWS:
        return None
    bounds = _column_bounds([rows[i] for i in numbered])
    if not 2 <= len(bounds) + 1 <= _MAX_COLUMNS:
        return None
    first_body = numbered[0]
    grid: list[list[str]] = []
    header_count = 0
    for index, row in enumerate(rows):
        cells = [""] * (len(bounds) + 1)
        for piece in row:
            column = _column_of(piece, bounds)
            if column is None:
                return None  # a piece across a column gap: not a table after all
            cells[column] = clean_line(f"{cells[column]} {piece.text}")
        has_number = any(is_number(c) for c in cells[1:])
        continues = index > first_body and len(row) == 1 and not has_number and grid
        if continues:
            grid[-1] = [clean_line(f"{a} {b}") for a, b in zip(grid[-1], cells, strict=True)]
        else:
            grid.append(cells)
            header_count += index < first_body
    raw: list[list[RawCell]] = [
        [(text, 1, 1, r < header_count) for text in row] for r, row in enumerate(grid)
    ]
    return build_table(raw)


def _column_bounds(rows: list[list[_Piece]]) -> list[int]:
    """Where columns divide: the middle of each gap between pieces that no number line fills."""
    width = max(p.end for row in rows for p in row)
    filled = [False] * (width + 1)
    for row in rows:
        for piece in row:
            for x in range(piece.start, piece.end):
                filled[x] = True
    bounds: list[int] = []
    x = next((i for i, f in enumerate(filled) if f), 0)
    while x < width:
        if not filled[x]:
            gap_end = x
            while gap_end < width and not filled[gap_end]:
                gap_end += 1
            if gap_end - x >= 3:
                bounds.append((x + gap_end) // 2)
            x = gap_end
        else:
            x += 1
    return bounds


def _column_of(piece: _Piece, bounds: list[int]) -> int | None:
    """The column a piece falls in; None when it crosses a column boundary by more than a
    letter or two (a centred header a little wider than its column still belongs to it)."""
    middle = (piece.start + piece.end) // 2
    column = sum(1 for b in bounds if b <= middle)
    low = bounds[column - 1] if column > 0 else -1
    high = bounds[column] if column < len(bounds) else 10**6
    if piece.start < low - 2 or piece.end > high + 2:
        return None
    return column
