"""Word .docx sources via python-docx: paragraphs and tables in order, headings by style."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing_studio.errors import BriefingError
from briefing_studio.sources.guards import check_readable, empty_error
from briefing_studio.sources.limits import MAX_UNPACKED_BYTES, MAX_ZIP_MEMBERS, megabytes
from briefing_studio.sources.model import Block, SourceDocument
from briefing_studio.sources.tables import RawCell, attach_captions, build_table
from briefing_studio.textutil import clean_line

_HEADING_STYLE = re.compile(r"(?:heading|tiêu đề|title)\s*(\d)?", re.IGNORECASE)
_STYLE_DEPTH = 5  # how far to follow "based on" links to find a heading style
_PARAGRAPH, _TEXT, _VAL = qn("w:p"), qn("w:t"), qn("w:val")
_CELL_PROPERTIES, _GRID_SPAN, _V_MERGE = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
_ROW_PROPERTIES, _TBL_HEADER = qn("w:trPr"), qn("w:tblHeader")
_INLINE = (_TEXT, qn("w:tab"), qn("w:br"))  # a tab or line break inside a cell reads as a space


def load_docx(path: Path) -> SourceDocument:
    """Load a .docx; a corrupt or oversized archive is a ``BriefingError`` naming the file."""
    check_readable(path)
    _check_archive(path)
    document = _open(path)
    try:
        blocks = tuple(attach_captions(list(_blocks(document))))
        properties = document.core_properties
        title, author = clean_line(properties.title or ""), clean_line(properties.author or "")
    except Exception as exc:  # python-docx on a damaged part: any error means "corrupt"
        raise _corrupt(path) from exc
    if not blocks:
        raise empty_error(path)
    return SourceDocument(
        path=str(path),
        name=path.name,
        format="docx",
        encoding=None,
        blocks=blocks,
        title=title,
        author=author,
    )


def _check_archive(path: Path) -> None:
    """A real .docx zip whose parts expand to a sane size, checked before python-docx reads it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _corrupt(path) from None
    names = {member.filename for member in members}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise _corrupt(path)
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise BriefingError(
            f"Tệp .docx giải nén ra quá lớn ({megabytes(unpacked)}, {len(members)} phần); "
            f"giới hạn là {megabytes(MAX_UNPACKED_BYTES)}. Tệp có thể bị hỏng hoặc độc hại.",
            f"The .docx unpacks to too much data ({megabytes(unpacked)}, {len(members)} parts); "
            f"the limit is {megabytes(MAX_UNPACKED_BYTES)}. It may be damaged or malicious.",
            path=path,
        )


def _open(path: Path) -> Document:
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise _corrupt(path) from exc


def _corrupt(path: Path) -> BriefingError:
    return BriefingError(
        "Tệp .docx bị hỏng hoặc không phải tài liệu Word .docx (tệp .doc cũ hay tệp có mật "
        "khẩu cần mở bằng Word và lưu lại thành .docx).",
        "The .docx is damaged or is not a Word .docx document (an old .doc or a "
        "password-protected file must be opened in Word and saved again as .docx).",
        path=path,
    )


def _blocks(document: Document) -> Iterator[Block]:
    """Body paragraphs and table cells in reading order."""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_blocks(item)
        else:
            block = _paragraph_block(item)
            if block is not None:
                yield block


def _table_blocks(table: Table) -> Iterator[Block]:
    """A table as one ``table`` block, merged cells kept (``gridSpan`` across, ``vMerge``
    down); a table of one row or one column is layout, and its cells are read as paragraphs."""
    rows = _table_rows(table)
    if len(rows) > 1 and max(sum(cols for _, _, cols, _ in row) for row in rows) > 1:
        built = build_table(rows)
        if built is not None:
            yield Block.of_table(built)
        return
    yield from _cell_paragraphs(table)


def _table_rows(table: Table) -> list[list[RawCell]]:
    """Rows of ``(text, rowspan, colspan, header)`` as HTML lists them: a cell that continues a
    vertical merge is left out and lengthens the cell above it."""
    rows: list[list[RawCell]] = []
    open_merges: dict[int, tuple[int, int]] = {}  # grid column → (row, index) of the merged cell
    for r, tr in enumerate(table._tbl.tr_lst):
        header = _is_header_row(tr)
        row: list[RawCell] = []
        col = _grid_before(tr)
        for tc in tr.tc_lst:
            span, merge = _spans(tc)
            if merge == "continue" and col in open_merges:
                top_row, index = open_merges[col]
                text, _, colspan, is_header = rows[top_row][index]
                rows[top_row][index] = (text, r - top_row + 1, colspan, is_header)
            else:
                if merge == "restart":
                    open_merges[col] = (r, len(row))
                else:
                    open_merges.pop(col, None)
                row.append((_cell_text(tc), 1, span, header))
            col += span
        rows.append(row)
    return rows


def _spans(tc: BaseOxmlElement) -> tuple[int, str | None]:
    """A cell's ``gridSpan`` (columns) and ``vMerge`` (``restart``, ``continue`` or None), read
    with lxml: python-docx's properties cost more than the rest of a long table together."""
    properties = tc.find(_CELL_PROPERTIES)
    if properties is None:
        return 1, None
    span, merge = 1, None
    grid_span = properties.find(_GRID_SPAN)
    if grid_span is not None:
        value = grid_span.get(_VAL, "1")
        span = max(int(value), 1) if value.isdigit() else 1
    vertical = properties.find(_V_MERGE)
    if vertical is not None:
        merge = vertical.get(_VAL, "continue")  # a bare <w:vMerge/> continues the cell above
    return span, merge


def _is_header_row(tr: BaseOxmlElement) -> bool:
    """Word's "repeat as header row" (``w:tblHeader``) on the row."""
    properties = tr.find(_ROW_PROPERTIES)
    if properties is None:
        return False
    flag = properties.find(_TBL_HEADER)
    return flag is not None and flag.get(_VAL, "true") not in ("0", "false", "off")


def _grid_before(tr: object) -> int:
    """Grid columns a row leaves empty before its first cell (``w:gridBefore``)."""
    value = getattr(tr, "grid_before", 0)
    return int(value or 0)


def _cell_text(tc: BaseOxmlElement) -> str:
    """A cell's paragraphs (and any table nested in it) on one line, read from the XML
    directly: python-docx's ``Paragraph.text`` costs a millisecond a cell in a long table."""
    paragraphs = (
        "".join((node.text or "") if node.tag == _TEXT else " " for node in p.iter(*_INLINE))
        for p in tc.iter(_PARAGRAPH)
    )
    return clean_line(" ".join(paragraphs))


def _cell_paragraphs(table: Table) -> Iterator[Block]:
    """Each cell's text as paragraphs; a merged cell (repeated by python-docx) only once."""
    seen: set[object] = set()  # the cells' XML elements, kept alive so identity is stable
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for item in cell.iter_inner_content():
                if isinstance(item, Table):
                    yield from _cell_paragraphs(item)
                else:
                    block = _paragraph_block(item)
                    if block is not None:
                        yield Block(block.text)  # a heading style inside a table is layout


def _paragraph_block(paragraph: Paragraph) -> Block | None:
    text = clean_line(paragraph.text)
    if not text:
        return None
    level = _heading_level(paragraph.style)
    return Block(text, "heading", level) if level else Block(text)


def _heading_level(style: BaseStyle | None) -> int:
    """1–3 for Title and Heading 1–3 (or a style based on them); deeper headings are 3."""
    for _ in range(_STYLE_DEPTH):
        if style is None:
            return 0
        match = _HEADING_STYLE.fullmatch((style.name or "").strip())
        if match:
            return min(int(match.group(1) or 1), 3)
        style = style.base_style
    return 0
