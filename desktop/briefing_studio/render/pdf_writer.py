"""Document → PDF with reportlab platypus: embedded Liberation fonts, bookmarks, split tables.

Only the ``Document`` is read. Page frame, numbers and outline live in ``pdf_pages``; styles and
run markup in ``pdf_markup``; the paragraph flowable and its line breaking in ``pdf_lines``;
the choices shared with the DOCX writer in ``layout``.
"""

from __future__ import annotations

import bisect
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from html import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.doctemplate import LayoutError

from briefing_studio.document import (
    Block,
    Cell,
    Chart,
    Division,
    Document,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    Run,
    StyleSpec,
    Table,
    footnotes,
    plain_text,
)
from briefing_studio.document import PageBreak as PageBreakBlock
from briefing_studio.document import Paragraph as ParagraphBlock
from briefing_studio.errors import BriefingError
from briefing_studio.gcpause import bulk_job
from briefing_studio.render import layout
from briefing_studio.render.fonts import face_for
from briefing_studio.render.pdf_chart import chart_drawing
from briefing_studio.render.pdf_lines import BriefingParagraph
from briefing_studio.render.pdf_markup import (
    color_of,
    leading_of,
    markup,
    paragraph_style,
    run_font,
    size_of,
)
from briefing_studio.render.pdf_notes import NotedTable, notes_in
from briefing_studio.render.pdf_pages import BriefingDocTemplate, OutlinedHeading
from briefing_studio.render.pdf_tables import BriefingTable


def _word_top() -> Flowable:
    """Nothing to see, but the next paragraph is no longer at the top of the frame."""
    return Spacer(1, 0)


@bulk_job
def pdf_bytes(document: Document) -> bytes:
    """The finished PDF in memory, laid out in one pass (see ``BriefingDocTemplate`` for how
    "Trang X/Y" learns the page count)."""
    layout.check_page(document.page)
    document = _LaidOut(**vars(layout.with_defaults(document)))
    out = io.BytesIO()
    template = BriefingDocTemplate(out, document)
    # Word keeps the space before the first paragraph of the document and of a page after a
    # page break; reportlab drops space at the top of a frame unless something precedes it.
    maker = _Story(document)
    story = [_word_top(), *maker.blocks(document.blocks, template.width, None, False)]
    if maker.has_notes:
        template.keep_room_for_notes()
    try:
        template.build(story)
    except LayoutError as exc:
        # Something taller than a whole page that cannot split: a huge table header or
        # letterhead, or a page too short for its margins. The template has to change.
        raise BriefingError(
            "Một phần nội dung (thường là tiêu đề bảng hoặc khối quốc hiệu) cao hơn cả một "
            "trang nên không thể dàn trang PDF. Hãy rút gọn phần đó hoặc sửa khổ giấy, lề.",
            "Part of the content (usually a table header or the letterhead) is taller than a "
            "whole page, so the PDF cannot be laid out. Shorten it or fix the page size and "
            "margins.",
        ) from exc
    return out.getvalue()


@dataclass
class _LaidOut(Document):
    """The document being written, its merged styles kept: a style is asked for by every
    paragraph and cell (a 50-page document merges ~1 400 times, a tenth of its story)."""

    def style(self, name: str | None) -> StyleSpec:
        merged = self.__dict__.setdefault("_merged", {})
        found = merged.get(name)
        if found is None:
            found = merged[name] = super().style(name)
        return found


@dataclass
class _Story:
    """Turns blocks into flowables; ``width`` is always the space the blocks have."""

    document: Document
    has_notes: bool = False  # a paragraph carries footnote marks (see ``noted``)

    def blocks(
        self, blocks: list[Block], width: float, default_class: str | None, in_panel: bool
    ) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Heading):
                out.append(self.heading(block))
            elif isinstance(block, ParagraphBlock):
                out.extend(self.paragraph(block.inlines, block.style or default_class, width))
            elif isinstance(block, ListBlock):
                out.extend(self.list_block(block, 0, width))
            elif isinstance(block, Table):
                out.extend(self.table(block, width))
            elif isinstance(block, Division):
                out.extend(self.division(block, width, in_panel))
            elif isinstance(block, PageBreakBlock) and not in_panel:
                out.extend((PageBreak(), _word_top()))
            elif isinstance(block, Chart):
                out.extend(self.chart(block, width))
        return out

    def chart(self, chart: Chart, width: float) -> list[Flowable]:
        """The chart as vector graphics, centred, its caption under it."""
        drawing = chart_drawing(chart, width * layout.CHART_WIDTH_SHARE)
        drawing.hAlign = "CENTER"
        parts: list[Flowable] = [Spacer(1, 4), drawing]
        if chart.caption:
            spec = layout.chart_caption_style(self.document)
            text = escape(layout.printable(chart.caption), quote=False)
            parts.append(BriefingParagraph(text, paragraph_style(spec)))
        return parts

    def heading(self, block: Heading) -> Flowable:
        spec = layout.heading_style(self.document, block.level, block.style)
        style = paragraph_style(spec, keepWithNext=1)
        flowable = OutlinedHeading(markup(self.document, block.inlines, spec), style)
        self.noted(flowable, block.inlines)
        flowable.outline_level = layout.heading_level(block.level)
        flowable.outline_title = " ".join(layout.printable(plain_text(block.inlines)).split())
        return flowable

    def paragraph(
        self, inlines: list[Inline], style_name: str | None, width: float
    ) -> list[Flowable]:
        spec = layout.paragraph_style(self.document, style_name)
        return [*self.text(inlines, spec, width), *_rule(spec)]

    def text(
        self,
        inlines: list[Inline],
        spec: StyleSpec,
        width: float,
        bullet: str | None = None,
        **overrides: object,
    ) -> list[Flowable]:
        """The paragraph for ``inlines`` in ``width`` points; a very long one as consecutive
        pieces (see ``layout.pdf_pieces``) that read as one paragraph: the space before and
        the first-line indent and bullet go on the first, the space after on the last.
        """
        indent = float(overrides.get("leftIndent", 0.0))  # type: ignore[arg-type]
        pieces = layout.pdf_pieces(
            inlines, lambda run, token: self.split_token(run, token, spec, width - indent)
        )
        if len(pieces) == 1:
            text = markup(self.document, inlines, spec)
            if not text.strip() and bullet is None:
                # An empty paragraph is an empty line in Word; keep the same gap.
                gap = leading_of(spec) + (spec.space_before or 0) + (spec.space_after or 0)
                return [Spacer(1, gap)]
            single = BriefingParagraph(text, paragraph_style(spec, **overrides), bulletText=bullet)
            return [self.noted(single, inlines)]
        out: list[Flowable] = []
        for number, piece in enumerate(pieces):
            style = dict(overrides)
            if number:
                style.update(spaceBefore=0, firstLineIndent=0)
            if number < len(pieces) - 1:
                style["spaceAfter"] = 0
            text = markup(self.document, piece, spec)
            first_bullet = None if number else bullet
            style_of_piece = paragraph_style(spec, **style)
            part = BriefingParagraph(text, style_of_piece, bulletText=first_bullet)
            out.append(self.noted(part, piece))
        return out

    def noted(self, flowable: Flowable, inlines: list[Inline]) -> Flowable:
        """``flowable`` told the footnotes whose marks it draws (``pdf_notes`` places them)."""
        notes = footnotes(inlines)
        if notes:
            flowable.notes = notes
            self.has_notes = True
        return flowable

    def split_token(self, run: Run, token: str, spec: StyleSpec, width: float) -> list[str]:
        """``token`` cut into parts that each fill (98 % of) a ``width``-point line.

        Character widths come from the font's table and are summed once, so cutting is linear
        and reportlab never has to split a word character by character (``layout.pdf_pieces``).
        """
        face, size = run_font(self.document, run, spec)
        text = layout.printable(token)
        ends = list(itertools.accumulate(_glyph_widths(face, text, size)))
        room = 0.98 * width
        parts, start, used = [], 0, 0.0
        while start < len(text):
            end = max(bisect.bisect_right(ends, used + room), start + 1)
            parts.append(text[start:end])
            used, start = ends[end - 1], end
        return parts

    def list_block(self, block: ListBlock, depth: int, width: float) -> list[Flowable]:
        spec = layout.list_style(self.document, block.style)
        left, hanging = layout.list_indent_mm(depth, layout.list_first_mm(self.document))
        out: list[Flowable] = []
        for index, item in enumerate(block.items):
            marker = layout.list_marker(block.ordered, depth, index)
            out.extend(
                self.text(
                    item.inlines,
                    spec,
                    width,
                    marker,
                    leftIndent=left * mm,
                    firstLineIndent=0,
                    bulletIndent=(left - hanging) * mm,
                )
            )
            for child in item.children:
                out.extend(self.list_block(child, depth + 1, width))
        return out

    def table(self, table: Table, width: float) -> list[Flowable]:
        if not table.rows:
            return []
        grid = layout.table_grid(table)
        widths = [w * mm for w in layout.column_widths(grid, width / mm)]
        pad_x, pad_y = layout.CELL_PAD_X_MM * mm, layout.CELL_PAD_Y_MM * mm
        fill = layout.table_background(self.document, table)
        data: list[list[object]] = [[""] * grid.columns for _ in grid.rows]
        commands: list[tuple[object, ...]] = [
            *self.empty_cell_font(),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad_x),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad_x),
            ("TOPPADDING", (0, 0), (-1, -1), pad_y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad_y),
        ]
        padded: list[tuple[int, int, int, int, float, float]] = []
        for r, cells in enumerate(grid.rows):
            for start, cell in cells:
                if start >= grid.columns:
                    continue
                end = start + layout.span_of(cell, start, grid.columns) - 1
                low = r + layout.rowspan_of(cell, r, len(grid.rows)) - 1
                inner = sum(widths[start : end + 1]) - 2 * pad_x
                data[r][start] = content = self.cell(cell, inner)
                spacing = _outer_spacing(content, (start, r), (end, r), pad_y, pad_y)
                if any(command[3] != pad_y for command in spacing):
                    # (else the table's own padding; cells' ranges never overlap, so leaving
                    # the same numbers out changes nothing; reportlab applies each command
                    # cell by cell as it makes the table)
                    padded.append((start, r, end, r, spacing[0][3], spacing[1][3]))
                if end > start or low > r:
                    commands.append(("SPAN", (start, r), (end, low)))
                background = layout.cell_style(self.document, cell).background or fill
                if background:
                    commands.append(("BACKGROUND", (start, r), (end, low), color_of(background)))
        commands.extend(_padding_commands(padded))
        if layout.table_border(self.document, table):
            commands.append(("GRID", (0, 0), (-1, -1), layout.RULE_WIDTH_PT, colors.black))
        return [
            _table_class(data)(
                data,
                colWidths=widths,
                repeatRows=table.header_rows,
                style=commands,
                hAlign="LEFT",
                splitByRow=1,
                splitInRow=1,
            )
        ]

    def cell(self, cell: Cell, width: float) -> list[Flowable]:
        name = layout.cell_style_name(cell)
        spec = self.document.style(name)
        inlines, blocks = layout.clip_cell(cell.inlines, cell.blocks)
        out = []
        if inlines or not blocks:
            shown = _break_wide_urls(self.document, inlines, spec, width)
            out.extend(self.text(shown, spec, width) if inlines else [Spacer(1, 0)])
            out.extend(_rule(spec) if inlines else [])
        for extra in blocks:
            extra_spec = layout.paragraph_style(self.document, extra.style or name)
            shown = _break_wide_urls(self.document, extra.inlines, extra_spec, width)
            out.extend(self.paragraph(shown, extra.style or name, width))
        return out

    def division(self, division: Division, width: float, in_panel: bool) -> list[Flowable]:
        border, background = layout.panel(self.document, division.style)
        if not border and not background:
            return self.blocks(division.blocks, width, division.style, in_panel)
        pad = layout.PANEL_PAD_MM * mm
        inner = self.blocks(division.blocks, width - 2 * pad, division.style, in_panel=True)
        commands: list[tuple[object, ...]] = [
            *self.empty_cell_font(),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            *_outer_spacing(inner, (0, 0), (0, 0), pad / 2, pad / 2),
        ]
        if border:
            commands.append(("BOX", (0, 0), (-1, -1), layout.RULE_WIDTH_PT, colors.black))
        if background:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), color_of(background)))
        box = _table_class(inner)(
            [[inner or ""]], colWidths=[width], style=commands, hAlign="LEFT", splitInRow=1
        )
        # A panel that fits on a page moves to the next page whole; a longer one splits.
        # (Not inside another panel: reportlab cannot keep together inside a table cell.)
        return [box] if in_panel else [KeepTogether([box])]

    def empty_cell_font(self) -> list[tuple[object, ...]]:
        # reportlab sets the cell font even for an empty cell; its default, Helvetica, would be
        # the one font in the file that is not embedded.
        body = self.document.style("body")
        return [("FONTNAME", (0, 0), (-1, -1), face_for(body.font, False, False))]


def _table_class(content: list) -> type[PdfTable]:
    """``NotedTable`` when a paragraph in ``content`` (rows of cells, or a panel's blocks)
    carries footnote marks, so the notes frame looks for them in this table only."""
    return NotedTable if notes_in(content) else BriefingTable


def _glyph_widths(face: str, text: str, size: float) -> Iterable[float]:
    """The advance width (points) of each character of ``text``, as reportlab measures it."""
    font = pdfmetrics.getFont(face)
    table = getattr(getattr(font, "face", None), "charWidths", None)
    if table is None:  # not a TrueType face: one call per character, still linear
        return (pdfmetrics.stringWidth(c, face, size) for c in text)
    default = font.face.defaultWidth
    scale = size / 1000
    return (table.get(code, default) * scale for code in map(ord, text))


def _outer_spacing(
    content: list[Flowable],
    first: tuple[int, int],
    last: tuple[int, int],
    top: float,
    bottom: float,
) -> list[tuple[object, ...]]:
    """Cell padding that keeps the space before the first and after the last paragraph.

    reportlab drops both inside a cell, Word keeps them; padding puts them back so that table
    rows are as tall in the PDF as in Word.
    """
    if content:
        top += content[0].getSpaceBefore()
        bottom += content[-1].getSpaceAfter()
    return [("TOPPADDING", first, last, top), ("BOTTOMPADDING", first, last, bottom)]


def _padding_commands(
    cells: list[tuple[int, int, int, int, float, float]],
) -> list[tuple[object, ...]]:
    """TOPPADDING and BOTTOMPADDING commands for cells given as (first column, first row,
    last column, last row, top, bottom), row by row, left to right: cells side by side in a
    row, then runs of such rows, with the same padding share one command.

    reportlab applies a padding command to each cell of its range as it makes the table, and
    the cells' ranges never overlap, so the cells get the same padding; a 161-row figures
    table needed 1 290 commands, each applied by reportlab's Python code (and most then
    taken apart again for every cell)."""
    rows: list[list[int | float]] = []
    for c0, r0, c1, r1, top, bottom in cells:
        last = rows[-1] if rows else None
        if (
            last is not None
            and last[1] == r0
            and last[3] == r1
            and last[2] == c0 - 1
            and last[4] == top
            and last[5] == bottom
        ):
            last[2] = c1
        else:
            rows.append([c0, r0, c1, r1, top, bottom])
    merged: list[list[int | float]] = []
    below: dict[tuple[int | float, ...], list[int | float]] = {}  # by columns and padding
    for rect in rows:
        key = (rect[0], rect[2], rect[4], rect[5])
        above = below.get(key)
        if above is not None and above[3] + 1 == rect[1]:
            above[3] = rect[3]  # the union of the two is exactly this rectangle
        else:
            merged.append(rect)
            below[key] = rect
    out: list[tuple[object, ...]] = []
    for c0, r0, c1, r1, top, bottom in merged:
        out.append(("TOPPADDING", (c0, r0), (c1, r1), top))
        out.append(("BOTTOMPADDING", (c0, r0), (c1, r1), bottom))
    return out


def _break_wide_urls(
    document: Document, inlines: list[Inline], spec: StyleSpec, width: float
) -> list[Inline]:
    """Web addresses wider than the column, broken after "/", "." or "-" (never inside a name).

    reportlab wraps only at spaces and cuts a word that is wider than the line anywhere
    ("bacgiang.gov.v" / "n"); Word gets zero-width spaces instead (see ``layout``).
    """
    out: list[Inline] = []
    for inline in inlines:
        if not isinstance(inline, Run) or not layout.has_url(inline.text):
            out.append(inline)
            continue
        look = layout.overlay(spec, layout.class_spec(document, inline.style))
        face = face_for(
            look.font, bool(look.bold or inline.bold), bool(look.italic or inline.italic)
        )
        size = size_of(look)
        pos = 0
        for match in layout.URL_LIKE.finditer(inline.text):
            if stringWidth(match.group(), face, size) <= width:
                continue
            out.append(replace(inline, text=inline.text[pos : match.start()]))
            line = ""
            for piece in layout.url_pieces(match.group()):
                if line and stringWidth(line + piece, face, size) > width:
                    out.extend((replace(inline, text=line), LineBreak()))
                    line = ""
                line += piece
            out.append(replace(inline, text=line))
            pos = match.end()
        out.append(replace(inline, text=inline.text[pos:]))
    return [i for i in out if not isinstance(i, Run) or i.text]


def _rule(spec: StyleSpec) -> list[Flowable]:
    """The style's short centred line under a paragraph (``rule_below`` of the width)."""
    return [_Rule(spec.rule_below)] if spec.rule_below else []


class _Rule(Flowable):
    """A line of ``share`` of the available width, centred, a little under the text above.

    Its own width is the whole column, so it centres itself in a table cell too (a cell
    places flowables by the cell's alignment, not by their ``hAlign``).
    """

    # Points under the text box above: clear of its descenders and of the marks under
    # Vietnamese capitals ("VỤ TỔNG HỢP"), as Word draws it.
    GAP = 3.0 + layout.RULE_DROP_PT

    def __init__(self, share: float) -> None:
        super().__init__()
        self.share = share
        self.width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.GAP + layout.RULE_WIDTH_PT

    def draw(self) -> None:
        length = self.width * self.share
        start = (self.width - length) / 2
        self.canv.setLineWidth(layout.RULE_WIDTH_PT)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(start, layout.RULE_WIDTH_PT / 2, start + length, layout.RULE_WIDTH_PT / 2)
