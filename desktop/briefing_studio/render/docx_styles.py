"""The Word style sheet of a briefing: the Document's StyleSpecs as real, named Word styles.

body → Normal, h1–h3 → Heading 1–3 (restyled: the template's blue Calibri goes), list items →
List Bullet / List Number (2, 3 when nested), table text → "Table Text" / "Table Header", every
template class → a paragraph style of that name based on Normal, every span class → a
character style. An editor restyles the briefing in Word by changing these.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.font import Font
from docx.text.parfmt import ParagraphFormat

from briefing_studio.document import (
    Block,
    Division,
    Document,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    Paragraph,
    StyleSpec,
    Table,
)
from briefing_studio.render import docx_xml, layout

_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
TABLE_TEXT = "Table Text"
TABLE_HEADER = "Table Header"
BORDERLESS = "Table Borderless"
_RESERVED_WORD_NAMES = {
    "body": "Normal",
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "list": "List Paragraph",
    "table": TABLE_TEXT,
    "th": TABLE_HEADER,
}
_LIST_STYLES = ("List Bullet", "List Number")
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# Styles the writer relies on; a template class with one of these names gets its own style
# instead of replacing them.
_PROTECTED = frozenset(
    name.lower()
    for name in (
        *_RESERVED_WORD_NAMES.values(),
        "Header",
        "Footer",
        "Table Grid",
        BORDERLESS,
        "Normal Table",
        "Default Paragraph Font",
        "No List",
        *(f"{base} {n}" for base in _LIST_STYLES for n in (2, 3)),
        *_LIST_STYLES,
    )
)


@dataclass
class StyleSheet:
    """The Word styles the writer applies, by template class, and their style ids.

    The writer sets style ids directly: python-docx looks a style name up by scanning every
    style, which made a long table several times slower to write than the rest.
    """

    paragraph: dict[str, str] = field(default_factory=dict)  # class → Word paragraph style
    character: dict[str, str] = field(default_factory=dict)  # span class → character style
    ids: dict[str, str] = field(default_factory=dict)  # Word style name → style id

    def paragraph_style(self, name: str | None) -> str:
        """The Word paragraph style for a block or cell class (reserved names included)."""
        if name is None:
            return "Normal"
        if name in _RESERVED_WORD_NAMES:
            return _RESERVED_WORD_NAMES[name]
        return self.paragraph.get(name, "Normal")

    def style_paragraph(self, p: BaseOxmlElement, word_name: str) -> None:
        """Give a ``w:p`` the named paragraph style (Normal is the default: no pStyle).

        What python-docx's ``pPr.style`` setter writes (a pPr first in the paragraph, its
        pStyle first in the pPr), without its search through the schema's successors: it was
        half the time of writing a table cell."""
        ppr = p[0] if len(p) and p[0].tag == _PPR else None
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            p.insert(0, ppr)
        pstyle = ppr[0] if len(ppr) and ppr[0].tag == _PSTYLE else None
        if word_name == "Normal":
            if pstyle is not None:
                ppr.remove(pstyle)
        elif pstyle is None:
            ppr.insert(0, OxmlElement("w:pStyle", {_VAL: self.ids[word_name]}))
        else:
            pstyle.set(_VAL, self.ids[word_name])

    def run_style_id(self, span_class: str | None) -> str | None:
        """The style id of a span class's character style, None when it has none."""
        if span_class in self.character:
            return self.ids[self.character[span_class]]
        return None

    def style_run(self, r: BaseOxmlElement, span_class: str | None) -> None:
        """Give a ``w:r`` the character style of its span class, if it has one."""
        style_id = self.run_style_id(span_class)
        if style_id is not None:
            r.get_or_add_rPr().style = style_id


def list_style_name(ordered: bool, level: int) -> str:
    base = _LIST_STYLES[1] if ordered else _LIST_STYLES[0]
    return base if level == 0 else f"{base} {level + 1}"


# New documents already styled, by what their style sheet is made of (styles, language, classes
# used), newest last: the saved package (python-docx's default with the finished styles) and the
# names to apply. Building a sheet through python-docx was half the time of writing a briefing,
# and the app writes the same template's sheet at every preview and export.
_STYLED: dict[str, tuple[bytes, StyleSheet]] = {}
_STYLED_KEPT = 8


def new_styled_document(document: Document) -> tuple[WordDocument, StyleSheet]:
    """A new Word document carrying ``document``'s style sheet, and the names to apply.

    The first document of a given sheet is python-docx's default template restyled
    (``write_style_sheet``); later ones open a copy of it, saved once: the same XML, without
    building the sheet again or parsing the default's styles only to replace them.
    """
    block_classes, run_classes = _classes(document.blocks)
    key = repr((document.styles, document.info.language, block_classes, run_classes))
    if key in _STYLED:
        package, sheet = _STYLED.pop(key)
        word = docx.Document(io.BytesIO(package))
    else:
        word = docx.Document()
        sheet = write_style_sheet(word, document)
        saved = io.BytesIO()
        word.save(saved)
        package = saved.getvalue()
    _STYLED[key] = (package, sheet)
    while len(_STYLED) > _STYLED_KEPT:
        del _STYLED[next(iter(_STYLED))]
    return word, StyleSheet(dict(sheet.paragraph), dict(sheet.character), dict(sheet.ids))


def write_style_sheet(word: WordDocument, document: Document) -> StyleSheet:
    """Restyle the built-in styles and add the template's; returns the names to apply."""
    return _Builder(word, document).build()


class _Builder:
    def __init__(self, word: WordDocument, document: Document) -> None:
        self.word = word
        self.document = document
        self.sheet = StyleSheet()
        # Lower-case UI name and stored name → style. python-docx looks styles up by a linear
        # scan that recomputes every name, which was half the DOCX writing time.
        self._by_name: dict[str, BaseStyle] | None = None

    def build(self) -> StyleSheet:
        doc, styles = self.document, self.word.styles
        body = doc.style("body")
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        docx_xml.set_font_name(rpr, body.font or "Times New Roman")
        docx_xml.set_language(rpr, doc.info.language or "vi-VN")
        apply_style(styles["Normal"], body)
        for level in (1, 2, 3):
            heading = styles[f"Heading {level}"]
            apply_style(heading, doc.style(f"h{level}"))
            heading.paragraph_format.keep_with_next = True
        self.list_styles(doc.style("list"))
        for name, reserved in ((TABLE_TEXT, "table"), (TABLE_HEADER, "th")):
            style = self.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            apply_style(style, doc.style(reserved))
        for name in ("Header", "Footer"):
            apply_style(
                styles[name],
                StyleSpec(
                    name,
                    align="center",
                    first_line_indent=0,
                    space_before=0,
                    space_after=0,
                    line_spacing=1,
                ),
            )
        borderless = self.add_style(BORDERLESS, WD_STYLE_TYPE.TABLE)
        borderless.base_style = styles["Normal Table"]
        self.class_styles()
        self.sheet.ids = {style.name: style.style_id for style in styles}
        return self.sheet

    def list_styles(self, spec: StyleSpec) -> None:
        apply_style(self.word.styles["List Paragraph"], spec)
        for base in _LIST_STYLES:
            for depth in range(layout.MAX_LIST_DEPTH):
                style = self.word.styles[base if depth == 0 else f"{base} {depth + 1}"]
                apply_style(style, spec)
                left, hanging = layout.list_indent_mm(depth, layout.list_first_mm(self.document))
                style.paragraph_format.left_indent = Mm(left)
                style.paragraph_format.first_line_indent = -Mm(hanging)
                docx_xml.drop_contextual_spacing(style.element)

    def class_styles(self) -> None:
        """A paragraph style per block class, a character style per span class."""
        block_classes, run_classes = _classes(self.document.blocks)
        defined = [n for n in self.document.styles if n not in layout.RESERVED]
        for name in dict.fromkeys([*defined, *block_classes]):
            if name in run_classes and name not in block_classes:
                continue
            style = self.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.word.styles["Normal"]
            style.quick_style = True
            apply_style(style, self.document.styles.get(name, StyleSpec(name)))
            self.sheet.paragraph[name] = style.name
        for name in run_classes:
            word_name = f"{name} Char" if name in self.sheet.paragraph else name
            style = self.add_style(word_name, WD_STYLE_TYPE.CHARACTER)
            style.base_style = self.word.styles["Default Paragraph Font"]
            style.quick_style = True
            apply_font(
                style.font,
                style.element.get_or_add_rPr(),
                self.document.styles.get(name, StyleSpec(name)),
            )
            self.sheet.character[name] = style.name

    def add_style(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
        """A new style; a same-named built-in (say "Title", "Strong") is replaced by it."""
        existing = self.find_style(name)
        if existing is not None:
            if existing.name.lower() in _PROTECTED or existing.type != kind:
                return self.add_style(f"{name} (template)", kind)
            self.delete_style(existing)
        style = self.word.styles.add_style(name, kind)
        if self._by_name is not None:
            self._by_name.setdefault(style.name.lower(), style)
        return style

    def find_style(self, name: str) -> BaseStyle | None:
        if self._by_name is None:
            self._by_name = {}
            for style in self.word.styles:
                self._by_name.setdefault(style.name.lower(), style)
                self._by_name.setdefault((style.element.name_val or "").lower(), style)
        return self._by_name.get(name.lower())

    def delete_style(self, style: BaseStyle) -> None:
        style_id = style.style_id
        style.delete()
        self._by_name = None
        # Other styles may point at the deleted one (a "Title Char" linked to "Title").
        for element in self.word.styles.element.findall(qn("w:style")):
            for tag in ("w:link", "w:next", "w:basedOn"):
                ref = element.find(qn(tag))
                if ref is not None and ref.get(qn("w:val")) == style_id:
                    element.remove(ref)


def apply_style(style: BaseStyle, spec: StyleSpec) -> None:
    """Write the fields ``spec`` sets into a Word style (font, then paragraph format)."""
    apply_font(style.font, style.element.get_or_add_rPr(), spec)
    if style.type == WD_STYLE_TYPE.PARAGRAPH:
        apply_paragraph_format(style.paragraph_format, spec)


def apply_font(font: Font, rpr: BaseOxmlElement, spec: StyleSpec) -> None:
    if spec.font:
        docx_xml.set_font_name(rpr, spec.font)
    if spec.size:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.underline is not None:
        font.underline = spec.underline
    if spec.uppercase is not None:
        font.all_caps = spec.uppercase
    color = layout.hex_color(spec.color)
    if color:
        font.color.rgb = RGBColor.from_string(color)
        docx_xml.remove_theme_color(rpr)


def apply_paragraph_format(fmt: ParagraphFormat, spec: StyleSpec, indent: bool = True) -> None:
    if spec.align:
        fmt.alignment = _ALIGN.get(spec.align, WD_ALIGN_PARAGRAPH.LEFT)
    if spec.space_before is not None:
        fmt.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        fmt.space_after = Pt(spec.space_after)
    if indent and spec.first_line_indent is not None:
        fmt.first_line_indent = Mm(spec.first_line_indent)
    if spec.line_spacing:
        fmt.line_spacing = spec.line_spacing


def _classes(blocks: list[Block]) -> tuple[list[str], list[str]]:
    """Class names used on blocks and on spans, in order of first use."""
    block_classes: dict[str, None] = {}
    run_classes: dict[str, None] = {}
    for owner, inlines in _walk(blocks):
        if owner is not None:
            block_classes[owner] = None
        for inline in inlines:
            if not isinstance(inline, LineBreak) and inline.style:
                run_classes[inline.style] = None
    for name in layout.RESERVED:
        block_classes.pop(name, None)
        run_classes.pop(name, None)
    return list(block_classes), list(run_classes)


def _walk(blocks: list[Block]) -> Iterator[tuple[str | None, list[Inline]]]:
    """(class, runs) of every block and cell, nested ones included."""
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.style, block.inlines
        elif isinstance(block, ListBlock):
            yield from _walk_list(block)
        elif isinstance(block, Table):
            yield block.style, []
            for row in block.rows:
                for cell in row.cells:
                    yield cell.style, cell.inlines
                    yield from _walk(list(cell.blocks))
        elif isinstance(block, Division):
            yield block.style, []
            yield from _walk(block.blocks)


def _walk_list(block: ListBlock) -> Iterator[tuple[str | None, list[Inline]]]:
    yield block.style, []
    for item in block.items:
        yield None, item.inlines
        for child in item.children:
            yield from _walk_list(child)
