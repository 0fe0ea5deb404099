"""Figures in a table's cells, each read with its row and column headers.

A number in a cell means little alone ("12,4"); its row says what it measures ("Kim ngạch
xuất khẩu"), its column when ("2024"), and a header or the table's note its unit ("(tỷ USD)",
"Đơn vị: tỷ đồng"). Each figure gets ``context`` "Kim ngạch xuất khẩu · 2024" and, when the cell
holds a bare number, the value and unit the headers give it ("12,4" → 12,4 tỷ USD, money).

Which columns are labels: the leading columns up to the first whose body cells are mostly not
numbers (a "STT" column of 1, 2, 3 before it is a label column too); with no such column, the
first one. Header cells and label cells hold no figures.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from briefing_studio.analysis.figures import find_figures
from briefing_studio.analysis.model import Figure, Section
from briefing_studio.analysis.numbers import parse_digits_decimal
from briefing_studio.sources.model import Table, TableCell
from briefing_studio.sources.tables import is_number

CONTEXT_SEPARATOR = " · "
# "Đơn vị: tỷ đồng", "Đơn vị tính: triệu USD", "ĐVT: %" in a caption, a cell or a note.
_UNIT_NOTE = re.compile(r"(?:đơn\s+vị(?:\s+tính)?|đvt)\s*:\s*([^;()]+?)\s*(?:[;)]|$)", re.I)
_TRAILING_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_PLAIN_NUMBER = re.compile(r"([-+−]?\d[\d.,]*)\s*(%?)")


def table_figures(section: Section, note: str = "") -> list[Figure]:
    """The figures of a ``table`` section, numbered ``<section id>/f<n>`` in reading order.

    ``note`` is text next to the table that may name its unit (the caption paragraph above it).
    """
    table = section.table
    if table is None:
        return []
    labels = _label_columns(table)
    table_unit = _unit_note(table.caption) or _unit_note(note) or _unit_in_cells(table)
    figures: list[Figure] = []
    for cell, start, _end in table.cell_spans():
        if cell.header or cell.col < labels or _UNIT_NOTE.search(cell.text):
            continue
        rows = _row_labels(table, cell, labels)
        cols = _column_labels(table, cell)
        unit = next((u for u in (*rows, *cols) if u[1]), ("", table_unit))[1]
        context = CONTEXT_SEPARATOR.join(label for label, _ in (*rows, *cols) if label)
        for found in _cell_figures(cell.text, unit):
            figures.append(
                replace(
                    found,
                    id=f"{section.id}/f{len(figures) + 1}",
                    section=section.id,
                    start=start + found.start,
                    end=start + found.end,
                    context=context or None,
                )
            )
    return figures


def _cell_figures(text: str, unit: str) -> list[Figure]:
    """The figures the cell's own text holds, else its bare number read with ``unit``.

    A bare number ("12,4") is the common cell and holds no figure of its own; it is read with
    the unit's value of one ("1 tỷ USD" → money, 1e9, USD), found once per unit, so a table of
    thousands of cells costs no more than its headers.
    """
    match = _PLAIN_NUMBER.fullmatch(text.strip())
    if match is None or match.group(2):  # words, or a percentage: the cell speaks for itself
        return find_figures(text, "cell")
    lead = len(text) - len(text.lstrip())
    start, end = lead + match.start(), lead + match.end()
    digits = match.group(1)
    number = parse_digits_decimal(digits.replace("−", "-").lstrip("+-"))
    if number is None:
        return []
    if digits.startswith(("-", "−")):
        number = -number
    one = _unit_probe(unit) if unit else None
    if one is None or one.value is None:
        value: int | float = int(number) if number == number.to_integral_value() else float(number)
        kind, unit_found = "measure", None
    else:
        scaled = number * Decimal(str(one.value))
        whole = scaled == scaled.to_integral_value() and not isinstance(one.value, float)
        value = int(scaled) if whole else float(scaled)
        kind, unit_found = one.kind, one.unit
    return [
        Figure(
            id="cell",
            section="cell",
            start=start,
            end=end,
            surface=text[start:end],
            kind=kind,
            value=value,
            unit=unit_found,
        )
    ]


def _label_columns(table: Table) -> int:
    """How many leading columns hold row labels (see the module docstring)."""
    if table.n_cols < 2:
        return 0
    for col in range(table.n_cols - 1):
        body = [
            c.text
            for c in table.cells
            if c.col == col and c.cols == 1 and c.row >= table.header_rows and c.text
        ]
        if body and sum(not is_number(t) for t in body) * 2 > len(body):
            return col + 1
    return 1


@lru_cache(maxsize=4096)  # the same headers label every cell of their row or column
def _split_unit(text: str) -> tuple[str, str]:
    """A header's label and the unit it names: "Xuất khẩu (tỷ USD)" → ("Xuất khẩu", "tỷ USD")."""
    note = _UNIT_NOTE.search(text)
    if note and _is_unit(note.group(1)):
        label = (text[: note.start()] + text[note.end() :]).strip(" ,;()")
        return label, note.group(1).strip()
    parens = _TRAILING_PARENS.search(text)
    if parens and _is_unit(parens.group(1)):
        return text[: parens.start()].strip(), parens.group(1).strip()
    return text.strip(), ""


def _is_unit(text: str) -> bool:
    """Whether ``1 <text>`` reads as one figure with a unit ("tỷ USD", "%", "lượt khách")."""
    return _unit_probe(text.strip()) is not None


@lru_cache(maxsize=4096)
def _unit_probe(unit: str) -> Figure | None:
    """The figure "1 <unit>" reads as, when it is one figure with a unit; else None."""
    if not unit:
        return None
    probe = f"1 {unit}"
    found = find_figures(probe, "unit")
    return next((f for f in found if f.start == 0 and f.end == len(probe) and f.unit), None)


def _unit_note(text: str) -> str:
    note = _UNIT_NOTE.search(text)
    return note.group(1).strip() if note and _is_unit(note.group(1)) else ""


def _unit_in_cells(table: Table) -> str:
    """A unit a cell of its own states ("Đơn vị: tỷ đồng" in a corner or a full-width row)."""
    for cell in table.cells:
        unit = _unit_note(cell.text)
        if unit:
            return unit
    return ""


def _row_labels(table: Table, cell: TableCell, labels: int) -> list[tuple[str, str]]:
    """(label, unit) of the label cells on the cell's row, left to right."""
    found: list[tuple[str, str]] = []
    seen: set[int] = set()
    for col in range(labels):
        label = table.at(cell.row, col)
        if label is None or id(label) in seen or is_number(label.text) or not label.text:
            continue  # a "STT" number names no row
        seen.add(id(label))
        found.append(_split_unit(label.text))
    return found


def _column_labels(table: Table, cell: TableCell) -> list[tuple[str, str]]:
    """(label, unit) of the header cells over the cell's column, top to bottom; a number under
    a one-word header spanning it reads with it ("Năm" over "2024" → "Năm 2024")."""
    found: list[tuple[str, str, int]] = []
    seen: set[int] = set()
    for row in range(table.header_rows):
        header = table.at(row, cell.col)
        if header is None or id(header) in seen or not header.text or _UNIT_NOTE.match(header.text):
            continue
        seen.add(id(header))
        label, unit = _split_unit(header.text)
        if found and is_number(label) and header.cols < found[-1][2] and " " not in found[-1][0]:
            above, above_unit, _ = found.pop()
            label, unit = f"{above} {label}", unit or above_unit
        found.append((label, unit, header.cols))
    return [(label, unit) for label, unit, _ in found]
