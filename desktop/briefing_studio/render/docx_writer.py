"""Document → DOCX, using real named styles an editor can change in Word.

Styles come from ``docx_styles``, the package around the parts from ``docx_package``; this
module lays out the blocks as ``word/document.xml`` text. Page numbers are PAGE/NUMPAGES
fields, header rows repeat on each page, panels are one-cell tables, and the file carries its
properties. Only the ``Document`` is read; the choices shared with the PDF writer live in
``layout``. python-docx is not used for writing (tests and the .docx source reader use it).
"""

from __future__ import annotations

from datetime import UTC, datetime

from briefing_studio.document import (
    Block,
    Cell,
    Chart,
    Division,
    Document,
    Footnote,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    StyleSpec,
    Table,
)
from briefing_studio.gcpause import bulk_job
from briefing_studio.render import docx_footnotes, docx_package, docx_xml, layout
from briefing_studio.render.chart_drawing import chart_png, chart_size
from briefing_studio.render.docx_package import Part
from briefing_studio.render.docx_styles import (
    BORDERLESS,
    FIRST_LIST_NUM,
    LIST_ABSTRACT,
    STYLE_NUM,
    StyleSheet,
    list_style_name,
    style_sheet,
)
from briefing_studio.render.docx_xml import (
    NAMESPACES,
    PPR_ORDER,
    RPR_ORDER,
    TINY_SPACING,
    XML_DECLARATION,
    Props,
)

_TINY_PARAGRAPH = docx_xml.paragraph(
    docx_xml.props_xml("w:pPr", {"w:spacing": TINY_SPACING}, PPR_ORDER), ""
)
_EMPTY_PARAGRAPH = docx_xml.paragraph("", "")


@bulk_job
def docx_bytes(document: Document) -> bytes:
    """The finished DOCX in memory."""
    layout.check_page(document.page)
    document = layout.with_defaults(document)
    return _Writer(document, style_sheet(document)).write()


class _Flow:
    """Where blocks go: the document's body or a table cell (a panel).

    Word requires a cell to end with a paragraph, so in a cell each table is followed by an
    empty paragraph one point high."""

    def __init__(self, in_cell: bool) -> None:
        self.in_cell = in_cell
        self.parts: list[str] = []
        self.ends_with_table = False

    def add(self, xml: str) -> None:
        self.parts.append(xml)
        self.ends_with_table = False

    def add_table(self, xml: str) -> None:
        self.parts.append(xml)
        if self.in_cell:
            self.parts.append(_TINY_PARAGRAPH)
        self.ends_with_table = not self.in_cell

    def xml(self) -> str:
        return "".join(self.parts)


class _Writer:
    """One DOCX being written; holds the list instances made along the way."""

    def __init__(self, document: Document, sheet: StyleSheet) -> None:
        self.document = document
        self.sheet = sheet
        self.break_pending = False
        self.nums: list[str] = []
        self._style_ppr: dict[str, str] = {}
        self._looks: dict[str | None, StyleSpec] = {}
        self.notes: list[Footnote] = []  # footnotes in the order their marks were written
        self.pictures: list[bytes] = []  # the charts' PNGs, word/media/picture<n>.png

    def write(self) -> bytes:
        body = _Flow(in_cell=False)
        self.blocks(body, self.document.blocks, self.text_width(), None, in_panel=False)
        parts = [
            Part("styles.xml", "styles", self.sheet.xml),
            Part("numbering.xml", "numbering", self.numbering()),
            Part("settings.xml", "settings", docx_package.SETTINGS),
            *self.page_number_parts(),
        ]
        if self.notes:
            parts.append(docx_footnotes.part(self.notes, layout.footnote_style(self.document)))
        document_xml = (
            f"{XML_DECLARATION}<w:document {NAMESPACES}><w:body>{body.xml()}"
            f"{self.section(parts)}</w:body></w:document>"
        )
        now = datetime.now(UTC).replace(microsecond=0)
        core = docx_package.core_properties(self.document.info, now)
        return docx_package.package(document_xml.encode(), parts, core, self.pictures)

    def numbering(self) -> bytes:
        style_nums = "".join(
            docx_xml.num(STYLE_NUM[ordered], LIST_ABSTRACT[ordered]) for ordered in (False, True)
        )
        return (
            f"{XML_DECLARATION}<w:numbering {NAMESPACES}>{self.sheet.abstract_nums}"
            f"{style_nums}{''.join(self.nums)}</w:numbering>"
        ).encode()

    # --- page -------------------------------------------------------------------------------

    def text_width(self) -> float:
        page = self.document.page
        return page.width - page.left - page.right

    def page_number_parts(self) -> list[Part]:
        """The header or footer parts that carry the page numbers."""
        mode = self.document.page.page_numbers
        if mode == "top-center-from-2":
            # Decree 30: no number on page 1, so page 1 gets its own, empty header.
            return [
                Part("header1.xml", "header", self.margin_part("hdr", "Header", None)),
                Part(
                    "header2.xml",
                    "header",
                    self.margin_part("hdr", "Header", docx_xml.field("PAGE", "2")),
                ),
            ]
        if mode == "bottom-center":
            numbers = docx_xml.field("PAGE", "1")
        elif mode == "bottom-x-of-y":
            numbers = (
                docx_xml.run(layout.PAGE_OF_PREFIX)
                + docx_xml.field("PAGE", "1")
                + docx_xml.run("/")
                + docx_xml.field("NUMPAGES", "1")
            )
        else:
            return []
        return [Part("footer1.xml", "footer", self.margin_part("ftr", "Footer", numbers))]

    def margin_part(self, tag: str, style: str, numbers: str | None) -> bytes:
        """A header or footer: one paragraph of its style, centred when it shows numbers."""
        props: Props = {"w:pStyle": docx_xml.paragraph_style(self.sheet.ids[style])}
        if numbers is not None:
            props["w:jc"] = {"w:val": "center"}
        paragraph = docx_xml.paragraph(docx_xml.props_xml("w:pPr", props, PPR_ORDER), numbers or "")
        return f"{XML_DECLARATION}<w:{tag} {NAMESPACES}>{paragraph}</w:{tag}>".encode()

    def section(self, parts: list[Part]) -> str:
        """The ``w:sectPr``: header/footer references, page size and orientation, margins."""
        page, twips = self.document.page, docx_xml.twips
        references = ""
        for part in parts:
            if part.kind in ("header", "footer"):
                kind = "first" if part.name == "header1.xml" else "default"
                rel = docx_package.relationship_id(parts, part.name)
                references += f'<w:{part.kind}Reference w:type="{kind}" r:id="{rel}"/>'
        orient = ' w:orient="landscape"' if page.width > page.height else ""
        header = twips(layout.header_distance_mm(page.top))
        footer = twips(layout.header_distance_mm(page.bottom))
        title_page = "<w:titlePg/>" if page.page_numbers == "top-center-from-2" else ""
        return (
            f'<w:sectPr>{references}<w:pgSz w:w="{twips(page.width)}" '
            f'w:h="{twips(page.height)}"{orient}/>'
            f'<w:pgMar w:top="{twips(page.top)}" w:right="{twips(page.right)}" '
            f'w:bottom="{twips(page.bottom)}" w:left="{twips(page.left)}" '
            f'w:header="{header}" w:footer="{footer}" w:gutter="0"/>'
            f'<w:cols w:space="720"/>{title_page}<w:docGrid w:linePitch="360"/></w:sectPr>'
        )

    # --- blocks -----------------------------------------------------------------------------

    def look(self, name: str | None) -> StyleSpec:
        """``Document.style(name)`` (a class merged over body), computed once per name."""
        spec = self._looks.get(name)
        if spec is None:
            spec = self._looks[name] = self.document.style(name)
        return spec

    def blocks(
        self,
        flow: _Flow,
        blocks: list[Block],
        width: float,
        default_class: str | None,
        in_panel: bool,
    ) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(flow, block)
            elif isinstance(block, Paragraph):
                self.paragraph(flow, block.inlines, block.style or default_class, width)
            elif isinstance(block, ListBlock):
                self.list_block(flow, block, 0)
            elif isinstance(block, Table):
                self.table(flow, block, width)
            elif isinstance(block, Division):
                self.division(flow, block, width, in_panel)
            elif isinstance(block, PageBreak) and not in_panel:
                self.break_pending = True
            elif isinstance(block, Chart):
                self.chart(flow, block, width)

    def chart(self, flow: _Flow, chart: Chart, width: float) -> None:
        """The chart as a print-resolution picture (the PDF's drawing, ``chart_drawing``),
        centred, with the caption and values as its alt text; its caption under it."""
        shown = width * layout.CHART_WIDTH_SHARE
        points = shown * layout.MM_TO_PT
        self.pictures.append(chart_png(chart, points))
        number = len(self.pictures)
        height = chart_size(points)[1] / layout.MM_TO_PT
        run = docx_xml.picture(
            docx_package.picture_id(number), number, shown, height, chart.alt_text, chart.caption
        )
        props: Props = {
            "w:keepNext": {},
            "w:spacing": {"w:before": str(docx_xml.pt_twips(4)), "w:after": "0"},
            "w:ind": docx_xml.first_line(0),
            "w:jc": {"w:val": "center"},
        }
        flow.add(self.p("Normal", run, props))
        if chart.caption:
            spec = layout.chart_caption_style(self.document)
            rpr = docx_xml.props_xml("w:rPr", docx_xml.font_props(spec), RPR_ORDER)
            text = docx_xml.run(layout.printable(chart.caption), rpr)
            flow.add(self.p("Normal", text, docx_xml.paragraph_props(spec)))

    def p(self, word_style: str, content: str, props: Props | None = None, new: bool = True) -> str:
        """A paragraph of a Word style with its runs and any direct properties; a ``new``
        paragraph of the text (not a table cell's) takes a pending page break."""
        if new and self.break_pending:
            self.break_pending = False
            props = {**(props or {}), "w:pageBreakBefore": {}}
        if not props:
            ppr = self._style_ppr.get(word_style)
            if ppr is None:
                ppr = self._style_ppr[word_style] = self.style_ppr(word_style, {})
            return docx_xml.paragraph(ppr, content)
        return docx_xml.paragraph(self.style_ppr(word_style, props), content)

    def style_ppr(self, word_style: str, props: Props) -> str:
        """``w:pPr`` of a paragraph style (Normal is the default: no pStyle) and properties."""
        if word_style != "Normal":
            props = {"w:pStyle": docx_xml.paragraph_style(self.sheet.ids[word_style]), **props}
        return docx_xml.props_xml("w:pPr", props, PPR_ORDER)

    def before_table(self, flow: _Flow) -> None:
        """Separate a new table from what precedes it with an almost invisible (1 pt) paragraph
        when needed: Word ignores "page break before" inside a table, and joins two tables
        that touch into one."""
        if self.break_pending or flow.ends_with_table:
            flow.add(self.p("Normal", "", {"w:spacing": TINY_SPACING}))

    def heading(self, flow: _Flow, block: Heading) -> None:
        style = f"Heading {layout.heading_level(block.level)}"
        direct = layout.class_spec(self.document, block.style)
        props = docx_xml.paragraph_props(direct) if direct is not None else None
        flow.add(self.p(style, self.runs(block.inlines, direct), props))

    def paragraph(
        self, flow: _Flow, inlines: list[Inline], style_name: str | None, width: float
    ) -> None:
        spec = self.look(style_name)  # layout.paragraph_style
        self.ruled(flow, self.sheet.paragraph_style(style_name), inlines, spec, width, new=True)

    def ruled(
        self,
        flow: _Flow,
        word_style: str,
        inlines: list[Inline],
        spec: StyleSpec,
        width: float,
        new: bool,
    ) -> None:
        """The paragraph, then the rules its style draws under it: a one-line underlined
        paragraph (the motto) gets its underline as a rule of the text's width, lower than
        Word would draw it; ``rule_below`` its short centred line."""
        underline = layout.one_line_underline(spec, inlines, width)
        runs = self.runs(inlines, None, underline_off=underline is not None)
        flow.add(self.p(word_style, runs, new=new))
        if underline is not None:
            flow.add(self.rule_line(width, underline, 0, 0))
        if spec.rule_below:
            flow.add(self.rule_line(width, spec.rule_below, layout.RULE_DROP_PT, 1))

    @staticmethod
    def rule_line(width: float, share: float, drop: float, space: int) -> str:
        """A centred line of ``share`` of ``width`` (mm): a 1 pt paragraph, ``drop`` points
        under the text, whose indents leave that length for its bottom border."""
        indent = str(docx_xml.twips(width * (1 - share) / 2))
        props: Props = {
            "w:pBdr": docx_xml.rule_below(layout.RULE_WIDTH_PT, space),
            "w:spacing": {**TINY_SPACING, "w:before": str(docx_xml.pt_twips(drop))},
            "w:ind": {"w:left": indent, "w:right": indent, "w:firstLine": "0"},
            "w:jc": {"w:val": "center"},
        }
        return docx_xml.paragraph(docx_xml.props_xml("w:pPr", props, PPR_ORDER), "")

    def runs(
        self, inlines: list[Inline], direct: StyleSpec | None, underline_off: bool = False
    ) -> str:
        """The runs; ``direct`` is a class laid over a heading or list item by hand,
        ``underline_off`` takes the style's underline off every run."""
        out = []
        for inline in inlines:
            if isinstance(inline, LineBreak):
                out.append(docx_xml.LINE_BREAK)
                continue
            if isinstance(inline, Footnote):
                self.notes.append(inline)
                out.append(docx_footnotes.reference(inline))
                continue
            text = layout.printable(inline.text)
            if not text:
                continue
            style_id = self.sheet.run_style_id(inline.style)
            if direct is None:
                underline = "none" if underline_off else "single" if inline.underline else None
                rpr = docx_xml.simple_rpr(style_id, inline.bold, inline.italic, underline)
            else:
                look = layout.overlay(direct, layout.class_spec(self.document, inline.style))
                props = docx_xml.font_props(look)
                if style_id is not None:
                    props["w:rStyle"] = {"w:val": style_id}
                if inline.bold:
                    props["w:b"] = {}
                if inline.italic:
                    props["w:i"] = {}
                if inline.underline:
                    props["w:u"] = {"w:val": "single"}
                rpr = docx_xml.props_xml("w:rPr", props, RPR_ORDER)
            out.append(docx_xml.run(text, rpr))
        return "".join(out)

    def list_block(self, flow: _Flow, block: ListBlock, depth: int) -> None:
        level = layout.list_depth(depth)
        style = list_style_name(block.ordered, level)
        num_id = FIRST_LIST_NUM + len(self.nums)  # a list of its own, counting from 1
        self.nums.append(docx_xml.num(num_id, LIST_ABSTRACT[block.ordered], level))
        numbered: Props = {"w:numPr": docx_xml.numbering_props(num_id, level)}
        direct = layout.class_spec(self.document, block.style)
        if direct is not None:
            numbered.update(docx_xml.paragraph_props(direct, indent=False))
        for item in block.items:
            flow.add(self.p(style, self.runs(item.inlines, direct), numbered))
            for child in item.children:
                self.list_block(flow, child, depth + 1)

    def table(self, flow: _Flow, table: Table, width: float) -> None:
        if not table.rows:
            return
        self.before_table(flow)
        grid = layout.table_grid(table)
        widths = layout.column_widths(grid, width)
        border = layout.table_border(self.document, table)
        fill = layout.table_background(self.document, table)
        parts = [
            docx_xml.table_start(
                self.table_style(border), widths, layout.CELL_PAD_Y_MM, layout.CELL_PAD_X_MM
            )
        ]
        for r, (top, merged) in enumerate(_place(grid)):
            parts.append(docx_xml.row_start(header=r < table.header_rows))
            column = 0
            while column < grid.columns:
                if column in top:
                    cell, end, low = top[column]
                    span_width = sum(widths[column : end + 1])
                    look = self.look(layout.cell_style_name(cell))  # layout.cell_style
                    color = layout.hex_color(look.background or fill)
                    parts.append(
                        docx_xml.cell(
                            span_width,
                            self.cell(cell, span_width),
                            end - column + 1,
                            "restart" if low > r else None,
                            color,
                        )
                    )
                elif column in merged:  # under a cell merged down from a row above
                    end = merged[column]
                    parts.append(
                        docx_xml.cell(
                            sum(widths[column : end + 1]),
                            _EMPTY_PARAGRAPH,
                            end - column + 1,
                            "continue",
                        )
                    )
                else:  # a row shorter than the grid
                    end = column
                    parts.append(docx_xml.cell(widths[column], _EMPTY_PARAGRAPH))
                column = end + 1
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        flow.add_table("".join(parts))

    def table_style(self, border: bool) -> str:
        return self.sheet.ids["Table Grid" if border else BORDERLESS]

    def cell(self, cell: Cell, width: float) -> str:
        """The cell's runs, then its extra paragraphs; no empty first paragraph when the cell
        has only extra paragraphs (the PDF shows none either)."""
        name = layout.cell_style_name(cell)
        # (style, runs, may carry a rule): the empty paragraph of an empty cell carries none.
        pieces = (
            [(name, cell.inlines, bool(cell.inlines))] if cell.inlines or not cell.blocks else []
        )
        pieces += [(extra.style or name, extra.inlines, True) for extra in cell.blocks]
        flow = _Flow(in_cell=True)
        inner = width - 2 * layout.CELL_PAD_X_MM
        for style, inlines, ruled in pieces:
            word_style = self.sheet.paragraph_style(style)
            inlines = layout.url_break_opportunities(inlines)
            if ruled:
                self.ruled(flow, word_style, inlines, self.look(style), inner, new=False)
            else:
                flow.add(self.p(word_style, self.runs(inlines, None), new=False))
        return flow.xml()

    def division(self, flow: _Flow, division: Division, width: float, in_panel: bool) -> None:
        border, background = layout.panel(self.document, division.style)
        if not border and not background:
            self.blocks(flow, division.blocks, width, division.style, in_panel)
            return
        self.before_table(flow)
        pad = layout.PANEL_PAD_MM
        inside = _Flow(in_cell=True)
        self.blocks(inside, division.blocks, width - 2 * pad, division.style, in_panel=True)
        flow.add_table(
            docx_xml.table_start(self.table_style(border), [width], pad / 2, pad)
            + docx_xml.row_start(keep_together=True)
            + docx_xml.cell(
                width,
                inside.xml() or _EMPTY_PARAGRAPH,
                fill=layout.hex_color(background),
            )
            + "</w:tr></w:tbl>"
        )


def _place(
    grid: layout.Grid,
) -> list[tuple[dict[int, tuple[Cell, int, int]], dict[int, int]]]:
    """Per row of the grid: the cells that start there (first column → cell, last column,
    last row) and the columns covered by a cell merged down from above (first → last column).

    A span that would run into another cell's columns is cut short there, so a malformed
    table still makes a valid one."""
    rows = len(grid.rows)
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[dict[int, tuple[Cell, int, int]], dict[int, int]]] = [
        ({}, {}) for _ in range(rows)
    ]
    for r, cells in enumerate(grid.rows):
        for start, cell in cells:
            if start >= grid.columns or (r, start) in taken:
                continue
            end = start + layout.span_of(cell, start, grid.columns) - 1
            low = r + layout.rowspan_of(cell, r, rows) - 1
            if end > start or low > r:
                end = next((c - 1 for c in range(start + 1, end + 1) if (r, c) in taken), end)
                columns = range(start, end + 1)
                low = next(
                    (
                        rr - 1
                        for rr in range(r + 1, low + 1)
                        if any((rr, c) in taken for c in columns)
                    ),
                    low,
                )
                taken.update((rr, c) for rr in range(r, low + 1) for c in columns)
                for below in range(r + 1, low + 1):
                    placed[below][1][start] = end
            else:
                taken.add((r, start))
            placed[r][0][start] = (cell, end, low)
    return placed
