"""What a loaded source file is: clean NFC blocks plus what the loader learned about the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from briefing_studio.textutil import content_hash

# "caption": the file marks the text as a picture's caption (HTML ``<figure>``/``<figcaption>``);
# the analysis makes it a metadata section, never content.
BlockKind = Literal["paragraph", "heading", "table", "caption"]
CELL_SEPARATOR = " | "  # between the cells of a row in a table block's text
ROW_SEPARATOR = " ¦ "  # between its rows: a table block stays one line of the source text


@dataclass(frozen=True)
class TableCell:
    """One cell of a source table at its place on the grid; a merged cell spans several places.

    ``row``/``col`` are the top-left grid position, ``rows``/``cols`` how many rows and columns
    it covers (``rowspan``/``colspan`` in HTML, ``vMerge``/``gridSpan`` in Word). ``header`` is
    true for a header cell (``<th>``, a Word header row).
    """

    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1
    header: bool = False

    def to_json(self) -> dict:
        data: dict = {"text": self.text, "row": self.row, "col": self.col}
        if self.rows > 1:
            data["rows"] = self.rows
        if self.cols > 1:
            data["cols"] = self.cols
        if self.header:
            data["header"] = True
        return data


@dataclass(frozen=True)
class Table:
    """A table of a source as the file lays it out: cells on a grid, header rows first.

    ``cells`` are in reading order (by row, then column) and never overlap; a grid place no
    cell covers is an empty cell. ``header_rows`` leading rows are headers (repeated on each
    page when the table is rendered); ``caption`` is the table's own title, if the file has one.
    """

    cells: tuple[TableCell, ...]
    n_rows: int
    n_cols: int
    header_rows: int = 0
    caption: str = ""

    def row_cells(self, row: int) -> list[TableCell]:
        """The cells that start in ``row``, left to right."""
        return list(self._by_row.get(row, ()))

    def at(self, row: int, col: int) -> TableCell | None:
        """The cell covering a grid place, or None when it is empty."""
        return self._places.get((row, col))

    # Indexes built on first use (frozen dataclasses allow cached_property, see SourceDocument):
    # the analysis asks for every cell's headers, which would be quadratic in a long table.
    @cached_property
    def _by_row(self) -> dict[int, list[TableCell]]:
        rows: dict[int, list[TableCell]] = {}
        for cell in self.cells:
            rows.setdefault(cell.row, []).append(cell)
        return rows

    @cached_property
    def _places(self) -> dict[tuple[int, int], TableCell]:
        return {
            (cell.row + r, cell.col + c): cell
            for cell in self.cells
            for r in range(cell.rows)
            for c in range(cell.cols)
        }

    def cell_spans(self) -> list[tuple[TableCell, int, int]]:
        """Each non-empty cell with its (start, end) span in ``text``."""
        spans: list[tuple[TableCell, int, int]] = []
        offset = 0
        for row in range(self.n_rows):
            if row:
                offset += len(ROW_SEPARATOR)
            for number, cell in enumerate(self.row_cells(row)):
                if number:
                    offset += len(CELL_SEPARATOR)
                if cell.text:
                    spans.append((cell, offset, offset + len(cell.text)))
                offset += len(cell.text)
        return spans

    @property
    def text(self) -> str:
        """The cells as one line: cells of a row joined by `` | ``, rows by `` ¦ ``."""
        return ROW_SEPARATOR.join(
            CELL_SEPARATOR.join(cell.text for cell in self.row_cells(row))
            for row in range(self.n_rows)
        )

    def to_json(self) -> dict:
        data: dict = {
            "rows": self.n_rows,
            "cols": self.n_cols,
            "header_rows": self.header_rows,
            "cells": [cell.to_json() for cell in self.cells],
        }
        if self.caption:
            data["caption"] = self.caption
        return data

    @classmethod
    def from_json(cls, data: dict) -> Table:
        return cls(
            cells=tuple(
                TableCell(
                    text=c["text"],
                    row=c["row"],
                    col=c["col"],
                    rows=c.get("rows", 1),
                    cols=c.get("cols", 1),
                    header=c.get("header", False),
                )
                for c in data["cells"]
            ),
            n_rows=data["rows"],
            n_cols=data["cols"],
            header_rows=data.get("header_rows", 0),
            caption=data.get("caption", ""),
        )


@dataclass(frozen=True)
class Block:
    """One paragraph of a source as the file presents it.

    ``kind`` is ``heading`` only when the file itself says so (a .docx heading style, an HTML
    ``<h2>``); plain text arrives as paragraphs and the analysis decides which are headings.
    Likewise ``caption`` only for a caption the file marks (HTML ``<figcaption>``); captions
    written into the text ("Ảnh: …") are found by the analysis.
    """

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0  # 1–3 for headings, 0 for paragraphs
    # (start, end) spans into ``text`` of words OCR read with low confidence: the source view
    # marks them so the figures taken from them are checked against the scan.
    uncertain: tuple[tuple[int, int], ...] = ()
    table: Table | None = None  # the cells of a ``table`` block; ``text`` is ``table.text``

    @classmethod
    def of_table(cls, table: Table, uncertain: tuple[tuple[int, int], ...] = ()) -> Block:
        """A table's block; ``uncertain`` spans are into ``table.text`` (a scanned table)."""
        return cls(table.text, "table", uncertain=uncertain, table=table)

    def to_json(self) -> dict:
        data: dict = {"text": self.text, "kind": self.kind, "level": self.level}
        if self.uncertain:
            data["uncertain"] = [list(span) for span in self.uncertain]
        if self.table is not None:
            data["table"] = self.table.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Block:
        uncertain = tuple((int(a), int(b)) for a, b in data.get("uncertain", ()))
        if data.get("table") is not None:
            return cls.of_table(Table.from_json(data["table"]), uncertain)
        return cls(
            text=data["text"],
            kind=data.get("kind", "paragraph"),
            level=data.get("level", 0),
            uncertain=uncertain,
        )


@dataclass(frozen=True)
class SourceDocument:
    """A source file after loading: NFC text blocks, never raw bytes.

    ``title`` and ``author`` are what the file's own metadata says (HTML ``<title>``, .docx core
    properties), or empty; the analysis adds what it reads from the text itself.
    """

    path: str  # where it was loaded from ("" for pasted text)
    name: str  # file name shown to the user
    format: str  # "txt", "docx", "html", "pdf", "image", "doc", "rtf", "odt", "pasted"
    encoding: str | None  # detected or chosen encoding for text files, else None
    blocks: tuple[Block, ...]
    title: str = ""
    author: str = ""
    ocr: bool = False  # the text was recognised from images (a scan, a photo) by OCR
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    # Cached: the GUI asks for the key of a 1 MB source on every keystroke of a search, and
    # hashing it each time cost most of a second. Frozen dataclasses allow cached_property
    # because it writes to the instance __dict__ directly.
    @cached_property
    def text(self) -> str:
        """All blocks, one per line: the text that offsets and hashes refer to."""
        return "\n".join(block.text for block in self.blocks)

    @cached_property
    def sha256(self) -> str:
        return content_hash(self.text)

    @property
    def key(self) -> str:
        """Short content key (12 hex digits) that prefixes section and figure ids."""
        return self.sha256[:12]

    def uncertain_in(self, passage: str) -> list[tuple[int, int]]:
        """Spans of ``passage`` (a block, or part of one, such as a section's text) that OCR
        read with low confidence; empty for text that did not come from OCR."""
        if not self.ocr or not passage:
            return []
        for block in self.blocks:
            offset = block.text.find(passage) if block.uncertain else -1
            if offset >= 0:
                end = offset + len(passage)
                return [
                    (max(start, offset) - offset, min(stop, end) - offset)
                    for start, stop in block.uncertain
                    if start < end and stop > offset
                ]
        return []

    def to_json(self) -> dict:
        """Everything needed to rebuild this source on another machine (kept in .briefing)."""
        return {
            "path": self.path,
            "name": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "author": self.author,
            "sha256": self.sha256,
            **({"ocr": True} if self.ocr else {}),
            "blocks": [block.to_json() for block in self.blocks],
        }

    @classmethod
    def from_json(cls, data: dict) -> SourceDocument:
        return cls(
            path=data.get("path", ""),
            name=data.get("name", ""),
            format=data.get("format", "txt"),
            encoding=data.get("encoding"),
            blocks=tuple(Block.from_json(b) for b in data["blocks"]),
            title=data.get("title", ""),
            author=data.get("author", ""),
            ocr=bool(data.get("ocr", False)),
        )
