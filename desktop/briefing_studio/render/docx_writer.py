"""Document → DOCX with python-docx, using real named styles an editor can change in Word.

Styles come from ``docx_styles``; this module lays out the blocks. Page numbers are
PAGE/NUMPAGES fields, header rows repeat on each page, panels are one-cell tables, and the
file carries its properties. Only the ``Document`` is read; the choices shared with the PDF
writer live in ``layout``.
"""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from briefing_studio.document import (
    Block,
    Cell,
    Division,
    Document,
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
from briefing_studio.render import docx_xml, layout
from briefing_studio.render.docx_styles import (
    BORDERLESS,
    StyleSheet,
    apply_font,
    apply_paragraph_format,
    list_style_name,
    new_styled_document,
)

Container = WordDocument | _Cell


@bulk_job
def docx_bytes(document: Document) -> bytes:
    """The finished DOCX in memory."""
    layout.check_page(document.page)
    document = layout.with_defaults(document)
    word, sheet = new_styled_document(document)
    _Writer(document, word, sheet).write()
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


class _Writer:
    """One DOCX being written; holds the style names and list ids made along the way."""

    def __init__(self, document: Document, word: WordDocument, sheet: StyleSheet) -> None:
        self.document = document
        self.word = word
        self.sheet = sheet
        self.break_pending = False
        self.numbering = word.part.numbering_part.element
        self.bullet_list = self.numbered_list = 0

    def write(self) -> None:
        self.page()
        docx_xml.keep_manual_breaks_unjustified(self.word.settings.element)
        self.bullet_list, self.numbered_list = docx_xml.add_list_definitions(
            self.numbering,
            self.document.style("body").font or "Times New Roman",
            layout.list_first_mm(self.document),
        )
        self.blocks(self.word, self.document.blocks, self.text_width(), None, in_panel=False)
        self.properties()

    # --- page -------------------------------------------------------------------------------

    def text_width(self) -> float:
        page = self.document.page
        return page.width - page.left - page.right

    def page(self) -> None:
        page, section = self.document.page, self.word.sections[0]
        section.orientation = (
            WD_ORIENT.LANDSCAPE if page.width > page.height else WD_ORIENT.PORTRAIT
        )
        section.page_width, section.page_height = Mm(page.width), Mm(page.height)
        section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
        section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
        section.header_distance = Mm(layout.header_distance_mm(page.top))
        section.footer_distance = Mm(layout.header_distance_mm(page.bottom))
        if page.page_numbers == "top-center-from-2":
            # Decree 30: no number on page 1, so page 1 gets its own, empty header.
            section.different_first_page_header_footer = True
            section.first_page_header.is_linked_to_previous = False
            paragraph = section.header.paragraphs[0]
        elif page.page_numbers in ("bottom-center", "bottom-x-of-y"):
            paragraph = section.footer.paragraphs[0]
        else:
            return
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if page.page_numbers == "bottom-x-of-y":
            paragraph.add_run(layout.PAGE_OF_PREFIX)
            docx_xml.add_field(paragraph, "PAGE", "1")
            paragraph.add_run("/")
            docx_xml.add_field(paragraph, "NUMPAGES", "1")
        else:
            docx_xml.add_field(
                paragraph, "PAGE", "2" if page.page_numbers.startswith("top") else "1"
            )

    def properties(self) -> None:
        info, core = self.document.info, self.word.core_properties
        now = datetime.now(UTC).replace(microsecond=0)
        core.title = layout.printable(info.title)
        core.author = core.last_modified_by = layout.printable(info.author)
        core.subject = layout.printable(info.subject)
        core.keywords = layout.printable(", ".join(info.keywords))
        core.language = info.language
        core.created = core.modified = now
        core.revision = 1
        core.comments = ""  # python-docx's template says "generated by python-docx"
        # python-docx's template ships a thumbnail of an empty page; previews would show it.
        package_rels = self.word.part.package.rels
        for rel_id, rel in list(package_rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package_rels[rel_id]

    # --- blocks -----------------------------------------------------------------------------

    def blocks(
        self,
        container: Container,
        blocks: list[Block],
        width: float,
        default_class: str | None,
        in_panel: bool,
    ) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(container, block)
            elif isinstance(block, Paragraph):
                self.paragraph(container, block.inlines, block.style or default_class, width)
            elif isinstance(block, ListBlock):
                self.list_block(container, block, 0)
            elif isinstance(block, Table):
                self.table(container, block, width)
            elif isinstance(block, Division):
                self.division(container, block, width, in_panel)
            elif isinstance(block, PageBreak) and not in_panel:
                self.break_pending = True

    def new_paragraph(self, container: Container, style: str) -> WordParagraph:
        paragraph = container.add_paragraph()
        self.sheet.style_paragraph(paragraph._p, style)
        if self.break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.break_pending = False
        return paragraph

    def before_table(self, container: Container) -> None:
        """Separate a new table from what precedes it with an almost invisible (1 pt) paragraph
        when needed: Word ignores "page break before" inside a table, and joins two tables
        that touch into one."""
        body = container._element if isinstance(container, _Cell) else container.element.body
        last = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))][-1:]
        if self.break_pending or (last and last[0].tag == qn("w:tbl")):
            _make_tiny(self.new_paragraph(container, "Normal")._p)

    def heading(self, container: Container, block: Heading) -> None:
        paragraph = self.new_paragraph(container, f"Heading {layout.heading_level(block.level)}")
        direct = layout.class_spec(self.document, block.style)
        if direct is not None:
            apply_paragraph_format(paragraph.paragraph_format, direct)
        self.runs(paragraph, block.inlines, direct)

    def paragraph(
        self, container: Container, inlines: list[Inline], style_name: str | None, width: float
    ) -> None:
        paragraph = self.new_paragraph(container, self.sheet.paragraph_style(style_name))
        spec = layout.paragraph_style(self.document, style_name)
        self.ruled_runs(container, paragraph, inlines, spec, width)

    def ruled_runs(
        self,
        container: Container,
        paragraph: WordParagraph,
        inlines: list[Inline],
        spec: StyleSpec,
        width: float,
    ) -> None:
        """The runs, then the rules the style draws under them: a one-line underlined
        paragraph (the motto) gets its underline as a rule of the text's width, lower than
        Word would draw it; ``rule_below`` its short centred line."""
        underline = layout.one_line_underline(spec, inlines, width)
        self.runs(paragraph, inlines, None)
        if underline is not None:
            for run in paragraph.runs:
                run.underline = False
            self.rule_line(container, width, underline, 0, 0)
        if spec.rule_below:
            self.rule_line(container, width, spec.rule_below, layout.RULE_DROP_PT, 1)

    def rule_line(
        self, container: Container, width: float, share: float, drop: float, space: int
    ) -> None:
        """A centred line of ``share`` of ``width`` (mm): a 1 pt paragraph, ``drop`` points
        under the text, whose indents leave that length for its bottom border."""
        line = container.add_paragraph()
        _make_tiny(line._p)
        fmt = line.paragraph_format
        fmt.space_before = Pt(drop)
        fmt.left_indent = fmt.right_indent = Mm(width * (1 - share) / 2)
        fmt.first_line_indent = Mm(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docx_xml.rule_below(line._p, layout.RULE_WIDTH_PT, space)

    def runs(
        self, paragraph: WordParagraph, inlines: list[Inline], direct: StyleSpec | None
    ) -> None:
        """Add the runs; ``direct`` is a class laid over a heading or list item by hand."""
        for inline in inlines:
            if isinstance(inline, LineBreak):
                paragraph.add_run().add_break()
                continue
            text = layout.printable(inline.text)
            if not text:
                continue
            if direct is None:
                docx_xml.add_run(
                    paragraph._p,
                    text,
                    self.sheet.run_style_id(inline.style),
                    bool(inline.bold),
                    bool(inline.italic),
                    bool(inline.underline),
                )
                continue
            run = paragraph.add_run(text)
            self.sheet.style_run(run._r, inline.style)
            if direct is not None:
                look = layout.overlay(direct, layout.class_spec(self.document, inline.style))
                apply_font(run.font, run._r.get_or_add_rPr(), look)
            if inline.bold:
                run.bold = True
            if inline.italic:
                run.italic = True
            if inline.underline:
                run.underline = True

    def list_block(self, container: Container, block: ListBlock, depth: int) -> None:
        level = layout.list_depth(depth)
        style = list_style_name(block.ordered, level)
        abstract = self.numbered_list if block.ordered else self.bullet_list
        num_id = docx_xml.start_list(self.numbering, abstract, level)
        direct = layout.class_spec(self.document, block.style)
        for item in block.items:
            paragraph = self.new_paragraph(container, style)
            docx_xml.number_paragraph(paragraph._p, num_id, level)
            if direct is not None:
                apply_paragraph_format(paragraph.paragraph_format, direct, indent=False)
            self.runs(paragraph, item.inlines, direct)
            for child in item.children:
                self.list_block(container, child, depth + 1)

    def table(self, container: Container, table: Table, width: float) -> None:
        if not table.rows:
            return
        self.before_table(container)
        grid = layout.table_grid(table)
        border = layout.table_border(self.document, table)
        widths = layout.column_widths(grid, width)
        word_table = self.new_table(
            container, len(table.rows), widths, border, layout.CELL_PAD_Y_MM, layout.CELL_PAD_X_MM
        )
        fill = layout.table_background(self.document, table)
        for r, (row, cells) in enumerate(zip(word_table.rows, grid.rows, strict=True)):
            word_cells = row.cells
            for start, cell in cells:
                if start >= grid.columns:
                    continue
                end = start + layout.span_of(cell, start, grid.columns) - 1
                low = r + layout.rowspan_of(cell, r, len(grid.rows)) - 1
                target = word_cells[start]
                if end > start or low > r:
                    target = target.merge(word_table.cell(low, end))
                    target.width = Mm(sum(widths[start : end + 1]))
                self.cell(target, cell, sum(widths[start : end + 1]))
                color = layout.hex_color(layout.cell_style(self.document, cell).background or fill)
                if color:
                    docx_xml.shade_cell(target._tc, color)
            if r < table.header_rows:
                docx_xml.repeat_as_header(row._tr)

    def new_table(
        self,
        container: Container,
        rows: int,
        widths: list[float],
        border: bool,
        pad_y: float,
        pad_x: float,
    ) -> WordTable:
        word_table = container.add_table(rows=rows, cols=len(widths))
        word_table.style = self.word.styles["Table Grid" if border else BORDERLESS]
        word_table.autofit = False
        docx_xml.set_table_width(word_table._tbl, sum(widths))
        docx_xml.set_table_margins(word_table._tbl, pad_y, pad_x)
        for column, width in zip(word_table.columns, widths, strict=True):
            column.width = Mm(width)
        for tr in word_table._tbl.tr_lst:  # new rows: one w:tc per column, nothing merged
            for tc, width in zip(tr.tc_lst, widths, strict=True):
                tc.width = Mm(width)
        return word_table

    def cell(self, target: _Cell, cell: Cell, width: float) -> None:
        """The cell's runs, then its extra paragraphs; no empty first paragraph when the cell
        has only extra paragraphs (the PDF shows none either)."""
        name = layout.cell_style_name(cell)
        # (style, runs, may carry a rule): the empty paragraph of an empty cell carries none.
        pieces = (
            [(name, cell.inlines, bool(cell.inlines))] if cell.inlines or not cell.blocks else []
        )
        pieces += [(extra.style or name, extra.inlines, True) for extra in cell.blocks]
        for index, (style, inlines, ruled) in enumerate(pieces):
            paragraph = target.paragraphs[0] if index == 0 else target.add_paragraph()
            self.sheet.style_paragraph(paragraph._p, self.sheet.paragraph_style(style))
            inlines = layout.url_break_opportunities(inlines)
            if ruled:
                inner = width - 2 * layout.CELL_PAD_X_MM
                self.ruled_runs(target, paragraph, inlines, self.document.style(style), inner)
            else:
                self.runs(paragraph, inlines, None)

    def division(
        self, container: Container, division: Division, width: float, in_panel: bool
    ) -> None:
        border, background = layout.panel(self.document, division.style)
        if not border and not background:
            self.blocks(container, division.blocks, width, division.style, in_panel)
            return
        self.before_table(container)
        pad = layout.PANEL_PAD_MM
        box = self.new_table(container, 1, [width], border, pad / 2, pad)
        target = box.rows[0].cells[0]
        docx_xml.keep_row_together(box.rows[0]._tr)
        color = layout.hex_color(background)
        if color:
            docx_xml.shade_cell(target._tc, color)
        self.blocks(target, division.blocks, width - 2 * pad, division.style, in_panel=True)
        _tidy_panel(target)


def _make_tiny(p: BaseOxmlElement) -> None:
    fmt = WordParagraph(p, None).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)


def _tidy_panel(cell: _Cell) -> None:
    """Close the gaps python-docx leaves in a cell: the empty paragraph a new cell starts with,
    and the empty one it adds after each nested table (a cell must end with a paragraph)."""
    content = [child for child in cell._tc if child.tag != qn("w:tcPr")]
    for before, element in itertools.pairwise(content):
        if before.tag == qn("w:tbl") and element.tag == qn("w:p") and _is_empty(element):
            _make_tiny(element)
    if len(content) > 1 and content[0].tag == qn("w:p") and _is_empty(content[0]):
        cell._tc.remove(content[0])


def _is_empty(p: BaseOxmlElement) -> bool:
    return p.find(qn("w:r")) is None
