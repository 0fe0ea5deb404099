"""The Word style sheet of a briefing: the Document's StyleSpecs as real, named Word styles.

body → Normal, h1–h3 → Heading 1–3, list items → List Bullet / List Number (2, 3 when
nested), table text → "Table Text" / "Table Header", every template class → a paragraph style
of that name based on Normal, every span class → a character style. An editor restyles the
briefing in Word by changing these.

The sheet is written as ``word/styles.xml`` directly. It holds the built-in styles the writer
uses or an editor expects to find (``_built_ins``: Normal, Heading 1–3, the list styles,
Header, Footer, Caption, Table Grid and the defaults Word requires) and the template's own;
Word and LibreOffice offer their other built-in styles (Title, Quote, …) by themselves. The
sheet of a given set of styles is made once per process and reused (``style_sheet``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing_studio.document import (
    Block,
    Division,
    Document,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Run,
    StyleSpec,
    Table,
)
from briefing_studio.render import docx_xml, layout
from briefing_studio.render.docx_xml import PPR_ORDER, RPR_ORDER, Props

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
# Word stores these built-in names in lower case and shows them capitalised.
_STORED_NAMES = {
    "Caption": "caption",
    "Header": "header",
    "Footer": "footer",
    **{f"Heading {n}": f"heading {n}" for n in range(1, 10)},
}
_SHOWN_NAMES = {stored: shown for shown, stored in _STORED_NAMES.items()}
_STYLE_IDS = {"caption": "Caption", **{f"heading {n}": f"Heading{n}" for n in range(1, 10)}}

# numbering.xml: the abstract lists (bullets, numbers), the list instance each list style
# points at, and the first id of the document's own lists (each counts from 1).
LIST_ABSTRACT = {False: 0, True: 1}  # ordered? → abstractNumId
STYLE_NUM = {False: 1, True: 2}  # ordered? → numId of List Bullet / List Number
FIRST_LIST_NUM = 3


@dataclass
class _Style:
    """One ``w:style``. ``head`` is the XML between the name and the properties (basedOn,
    next, uiPriority, semiHidden, unhideWhenUsed, qFormat, in that schema order), ``tail`` a
    table style's ``w:tblPr``."""

    kind: str  # "paragraph", "character", "table" or "numbering"
    name: str  # as stored: "heading 1"
    style_id: str
    head: str = ""
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)
    tail: str = ""
    default: bool = False
    custom: bool = False

    @property
    def shown_name(self) -> str:
        """The name Word and python-docx show: "Heading 1"."""
        return _SHOWN_NAMES.get(self.name, self.name)

    def xml(self) -> str:
        flags = (' w:default="1"' if self.default else "") + (
            ' w:customStyle="1"' if self.custom else ""
        )
        return (
            f'<w:style w:type="{self.kind}"{flags} w:styleId="{docx_xml.quote(self.style_id)}">'
            f'<w:name w:val="{docx_xml.quote(self.name)}"/>{self.head}'
            f"{docx_xml.props_xml('w:pPr', self.ppr, PPR_ORDER)}"
            f"{docx_xml.props_xml('w:rPr', self.rpr, RPR_ORDER)}{self.tail}</w:style>"
        )


_BASED_ON_NORMAL = '<w:basedOn w:val="Normal"/>'
_HIDDEN = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
_LIST_HEAD = f'{_BASED_ON_NORMAL}<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
_HEADER_FOOTER_PPR: Props = {
    "w:tabs": '<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/>'
    "</w:tabs>",
    "w:spacing": {"w:after": "0", "w:line": "240", "w:lineRule": "auto"},
}
_TABLE_CELL_MARGINS = docx_xml.cell_margins("w:tblCellMar", 0, 1.905)  # 0 and 108 twips
_GRID_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_NO_INDENT = '<w:tblInd w:w="0" w:type="dxa"/>'


def _heading(level: int) -> _Style:
    return _Style(
        "paragraph",
        f"heading {level}",
        f"Heading{level}",
        f'{_BASED_ON_NORMAL}<w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        + ("<w:unhideWhenUsed/>" if level > 1 else "")
        + "<w:qFormat/>",
        ppr={
            "w:keepNext": {},
            "w:keepLines": {},
            "w:spacing": {"w:before": "480" if level == 1 else "200", "w:after": "0"},
            "w:outlineLvl": {"w:val": str(level - 1)},
        },
        rpr={
            "w:b": {},
            "w:bCs": {},
            "w:color": {"w:val": "365F91" if level == 1 else "4F81BD"},
            **({"w:sz": {"w:val": "28"}, "w:szCs": {"w:val": "28"}} if level == 1 else {}),
            **({"w:sz": {"w:val": "26"}, "w:szCs": {"w:val": "26"}} if level == 2 else {}),
        },
    )


def _list_style(ordered: bool, depth: int) -> _Style:
    name = list_style_name(ordered, depth)
    return _Style(
        "paragraph",
        name,
        name.replace(" ", ""),
        _LIST_HEAD,
        ppr={
            "w:numPr": docx_xml.numbering_props(STYLE_NUM[ordered], depth),
            "w:contextualSpacing": {},
        },
    )


def _built_ins() -> list[_Style]:
    """The built-in styles every sheet starts from: Word's definitions (python-docx's
    template's, without theme fonts and colours), before the template restyles them."""
    return [
        _Style("paragraph", "Normal", "Normal", "<w:qFormat/>", default=True),
        _Style(
            "character",
            "Default Paragraph Font",
            "DefaultParagraphFont",
            '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _Style(
            "table",
            "Normal Table",
            "TableNormal",
            _HIDDEN,
            tail=f"<w:tblPr>{_NO_INDENT}{_TABLE_CELL_MARGINS}</w:tblPr>",
            default=True,
        ),
        _Style("numbering", "No List", "NoList", _HIDDEN, default=True),
        *(_heading(level) for level in (1, 2, 3)),
        _Style(
            "paragraph",
            "List Paragraph",
            "ListParagraph",
            f'{_BASED_ON_NORMAL}<w:uiPriority w:val="34"/><w:qFormat/>',
            ppr={"w:ind": {"w:left": "720"}, "w:contextualSpacing": {}},
        ),
        *(
            _list_style(ordered, depth)
            for ordered in (False, True)
            for depth in range(layout.MAX_LIST_DEPTH)
        ),
        *(
            _Style("paragraph", name, name.capitalize(), _LIST_HEAD, ppr=dict(_HEADER_FOOTER_PPR))
            for name in ("header", "footer")
        ),
        _Style(
            "paragraph",
            "caption",
            "Caption",
            f'{_BASED_ON_NORMAL}<w:next w:val="Normal"/><w:uiPriority w:val="35"/>'
            "<w:semiHidden/><w:unhideWhenUsed/><w:qFormat/>",
            ppr={"w:spacing": {"w:line": "240", "w:lineRule": "auto"}},
            rpr={
                "w:b": {},
                "w:bCs": {},
                "w:color": {"w:val": "4F81BD"},
                "w:sz": {"w:val": "18"},
                "w:szCs": {"w:val": "18"},
            },
        ),
        _Style(
            "table",
            "Table Grid",
            "TableGrid",
            '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>',
            ppr={"w:spacing": {"w:after": "0", "w:line": "240", "w:lineRule": "auto"}},
            tail=f"<w:tblPr>{_NO_INDENT}<w:tblBorders>{_GRID_BORDERS}</w:tblBorders>"
            f"{_TABLE_CELL_MARGINS}</w:tblPr>",
        ),
    ]


@dataclass(frozen=True)
class StyleSheet:
    """A finished style sheet: ``word/styles.xml``, the list definitions for
    ``word/numbering.xml``, and the Word styles the writer applies by template class.

    The writer sets style ids directly (``ids``: Word style name → style id)."""

    xml: bytes
    abstract_nums: str
    paragraph: dict[str, str]  # class → Word paragraph style
    character: dict[str, str]  # span class → character style
    ids: dict[str, str]

    def paragraph_style(self, name: str | None) -> str:
        """The Word paragraph style for a block or cell class (reserved names included)."""
        if name is None:
            return "Normal"
        if name in _RESERVED_WORD_NAMES:
            return _RESERVED_WORD_NAMES[name]
        return self.paragraph.get(name, "Normal")

    def run_style_id(self, span_class: str | None) -> str | None:
        """The style id of a span class's character style, None when it has none."""
        if span_class in self.character:
            return self.ids[self.character[span_class]]
        return None


def list_style_name(ordered: bool, level: int) -> str:
    base = _LIST_STYLES[1] if ordered else _LIST_STYLES[0]
    return base if level == 0 else f"{base} {level + 1}"


# Finished sheets by what they are made of (styles, language, classes used), newest last: the
# app writes the same template's sheet at every preview and export.
_SHEETS: dict[str, StyleSheet] = {}
_SHEETS_KEPT = 8


def style_sheet(document: Document) -> StyleSheet:
    """The style sheet of ``document`` (with ``layout.with_defaults`` applied), made once for
    each set of styles, language and classes used."""
    block_classes, run_classes = _classes(document.blocks)
    key = repr((document.styles, document.info.language, block_classes, run_classes))
    sheet = _SHEETS.pop(key, None)
    if sheet is None:
        sheet = _Builder(document, block_classes, run_classes).build()
    _SHEETS[key] = sheet
    while len(_SHEETS) > _SHEETS_KEPT:
        del _SHEETS[next(iter(_SHEETS))]
    return sheet


class _Builder:
    def __init__(
        self, document: Document, block_classes: list[str], run_classes: list[str]
    ) -> None:
        self.document = document
        self.block_classes = block_classes
        self.run_classes = run_classes
        self.styles = _built_ins()
        self.paragraph: dict[str, str] = {}
        self.character: dict[str, str] = {}
        self._by_name: dict[str, _Style] = {}
        self._index()

    def build(self) -> StyleSheet:
        doc = self.document
        body = doc.style("body")
        self.restyle("Normal", body)
        for level in (1, 2, 3):
            self.restyle(f"Heading {level}", doc.style(f"h{level}"))
        self.list_styles(doc.style("list"))
        for name, reserved in ((TABLE_TEXT, "table"), (TABLE_HEADER, "th")):
            style = self.add_style(name, "paragraph")
            style.head = _BASED_ON_NORMAL
            apply_style(style, doc.style(reserved))
        for name in ("Header", "Footer"):
            spec = StyleSpec(
                name,
                align="center",
                first_line_indent=0,
                space_before=0,
                space_after=0,
                line_spacing=1,
            )
            self.restyle(name, spec)
        self.add_style(BORDERLESS, "table").head = '<w:basedOn w:val="TableNormal"/>'
        self.class_styles()
        font, language = body.font or "Times New Roman", doc.info.language or "vi-VN"
        first_mm = layout.list_first_mm(doc)
        return StyleSheet(
            xml=self.xml(font, language).encode(),
            abstract_nums="".join(
                docx_xml.abstract_num(LIST_ABSTRACT[ordered], ordered, font, first_mm)
                for ordered in (False, True)
            ),
            paragraph=self.paragraph,
            character=self.character,
            ids={style.shown_name: style.style_id for style in self.styles},
        )

    def xml(self, font: str, language: str) -> str:
        defaults: Props = {
            "w:rFonts": docx_xml.font_names(font),
            "w:sz": {"w:val": "22"},
            "w:szCs": {"w:val": "22"},
            "w:lang": {"w:val": language, "w:eastAsia": language, "w:bidi": "ar-SA"},
        }
        return (
            f"{docx_xml.XML_DECLARATION}<w:styles {docx_xml.NAMESPACES}><w:docDefaults>"
            f"<w:rPrDefault>{docx_xml.props_xml('w:rPr', defaults, RPR_ORDER)}</w:rPrDefault>"
            '<w:pPrDefault><w:pPr><w:spacing w:after="200" w:line="276" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
            + "".join(style.xml() for style in self.styles)
            + "</w:styles>"
        )

    def restyle(self, shown_name: str, spec: StyleSpec) -> None:
        style = self.find_style(shown_name)
        assert style is not None, shown_name  # one of _built_ins
        apply_style(style, spec)

    def list_styles(self, spec: StyleSpec) -> None:
        self.restyle("List Paragraph", spec)
        first_mm = layout.list_first_mm(self.document)
        for ordered in (False, True):
            for depth in range(layout.MAX_LIST_DEPTH):
                style = self.find_style(list_style_name(ordered, depth))
                assert style is not None
                apply_style(style, spec)
                left, hanging = layout.list_indent_mm(depth, first_mm)
                style.ppr = docx_xml.merge(
                    style.ppr, {"w:ind": {"w:left": str(docx_xml.twips(left))}}
                )
                style.ppr = docx_xml.merge(style.ppr, {"w:ind": docx_xml.first_line(-hanging)})
                # Word's list styles ignore spacing between items; the PDF keeps it.
                style.ppr.pop("w:contextualSpacing", None)

    def class_styles(self) -> None:
        """A paragraph style per block class, a character style per span class."""
        defined = [n for n in self.document.styles if n not in layout.RESERVED]
        for name in dict.fromkeys([*defined, *self.block_classes]):
            if name in self.run_classes and name not in self.block_classes:
                continue
            style = self.add_style(name, "paragraph")
            style.head = f"{_BASED_ON_NORMAL}<w:qFormat/>"
            apply_style(style, self.document.styles.get(name, StyleSpec(name)))
            self.paragraph[name] = style.shown_name
        for name in self.run_classes:
            word_name = f"{name} Char" if name in self.paragraph else name
            style = self.add_style(word_name, "character")
            style.head = '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
            spec = self.document.styles.get(name, StyleSpec(name))
            style.rpr = docx_xml.merge(style.rpr, docx_xml.font_props(spec))
            self.character[name] = style.shown_name

    def add_style(self, name: str, kind: str) -> _Style:
        """A new style; a same-named built-in (say "Caption") is replaced by it, unless the
        writer relies on it (then the new one is "name (template)")."""
        existing = self.find_style(name)
        if existing is not None:
            if existing.shown_name.lower() in _PROTECTED or existing.kind != kind:
                return self.add_style(f"{name} (template)", kind)
            # Nothing refers to a style that may be replaced (only Normal, Normal Table and
            # Default Paragraph Font are based on or followed by, and they are protected).
            self.styles.remove(existing)
        stored = _STORED_NAMES.get(name, name)
        taken = {style.style_id for style in self.styles}
        style_id = base_id = _STYLE_IDS.get(stored, stored.replace(" ", ""))
        suffix = 1
        while style_id in taken:
            suffix += 1
            style_id = f"{base_id}{suffix}"
        style = _Style(kind, stored, style_id, custom=True)
        self.styles.append(style)
        self._index()
        return style

    def find_style(self, name: str) -> _Style | None:
        return self._by_name.get(name.lower())

    def _index(self) -> None:
        """Lower-case shown and stored name → style, the first one winning."""
        self._by_name = {}
        for style in self.styles:
            self._by_name.setdefault(style.shown_name.lower(), style)
            self._by_name.setdefault(style.name.lower(), style)


def apply_style(style: _Style, spec: StyleSpec) -> None:
    """Write the fields ``spec`` sets into a style (font, then paragraph format)."""
    style.rpr = docx_xml.merge(style.rpr, docx_xml.font_props(spec))
    if style.kind == "paragraph":
        style.ppr = docx_xml.merge(style.ppr, docx_xml.paragraph_props(spec))


def _classes(blocks: list[Block]) -> tuple[list[str], list[str]]:
    """Class names used on blocks and on spans, in order of first use."""
    block_classes: dict[str, None] = {}
    run_classes: dict[str, None] = {}
    for owner, inlines in _walk(blocks):
        if owner is not None:
            block_classes[owner] = None
        for inline in inlines:
            if isinstance(inline, Run) and inline.style:
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
