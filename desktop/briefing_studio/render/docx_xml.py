"""The bits of WordprocessingML python-docx has no API for: fonts for every script, shading,
repeating header rows, cell margins, fields, language, list numbering.

Word rejects a file whose elements are out of schema order ("unreadable content"), so every
element is inserted before its schema successors, never simply appended.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from briefing_studio.render import layout

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_TCPR_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
_TBLPR_AFTER_W = (
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_TBLPR_AFTER_MAR = _TBLPR_AFTER_W[7:]
_SETTINGS_AFTER_COMPAT = (
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def set_font_name(rpr: BaseOxmlElement, name: str) -> None:
    """Name the font for Latin, East Asian and complex scripts alike, dropping theme fonts.

    Word picks the font per character class; with only ``ascii`` set, some Vietnamese
    letters can fall into another slot and come out in the theme font.
    """
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def set_language(rpr: BaseOxmlElement, language: str) -> None:
    """Spell-check language of the text (Vietnamese), for every script slot."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_RPR_AFTER_LANG)
    for attr in ("w:val", "w:eastAsia"):
        lang.set(qn(attr), language)


def remove_theme_color(rpr: BaseOxmlElement) -> None:
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)


def _shd(fill: str) -> BaseOxmlElement:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())
    return shd


# What may follow w:pBdr inside w:pPr (ECMA-376 order).
_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def add_run(
    p: BaseOxmlElement,
    text: str,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> BaseOxmlElement:
    """Append a run of ``text`` to ``p``, with its character style and bold, italic, underline.

    The same XML as python-docx's ``add_run`` with those properties set, built directly: that
    API reads the text a character at a time and searches each property's place in the
    schema, a third of the time of writing the seed briefing. ``text`` holds no tab or newline
    (``layout.printable`` made them spaces); the run's children are in schema order.
    """
    r = OxmlElement("w:r")
    if style_id or bold or italic or underline:
        rpr = OxmlElement("w:rPr")
        if style_id:
            rpr.append(OxmlElement("w:rStyle", {qn("w:val"): style_id}))
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        if underline:
            rpr.append(OxmlElement("w:u", {qn("w:val"): "single"}))
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    p.append(r)  # a paragraph's runs follow its pPr in any order of runs and links
    return r


def rule_below(p: BaseOxmlElement, width_pt: float, space_pt: int = 1) -> None:
    """A single bottom border on paragraph ``p`` (its indents set the line's length),
    ``space_pt`` under the paragraph's line."""
    ppr = p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(max(2, round(width_pt * 8))))  # eighths of a point
    bottom.set(qn("w:space"), str(space_pt))
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    ppr.insert_element_before(border, *_PPR_AFTER_PBDR)


def shade_cell(tc: BaseOxmlElement, fill: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    old = tcpr.find(qn("w:shd"))
    if old is not None:
        tcpr.remove(old)
    tcpr.insert_element_before(_shd(fill), *_TCPR_AFTER_SHD)


def set_table_margins(tbl: BaseOxmlElement, mm_y: float, mm_x: float) -> None:
    tblpr = tbl.tblPr
    old = tblpr.find(qn("w:tblCellMar"))
    if old is not None:
        tblpr.remove(old)
    tblpr.insert_element_before(_margins("w:tblCellMar", mm_y, mm_x), *_TBLPR_AFTER_MAR)


def _margins(tag: str, mm_y: float, mm_x: float) -> BaseOxmlElement:
    margins = OxmlElement(tag)
    for side, value in (("top", mm_y), ("left", mm_x), ("bottom", mm_y), ("right", mm_x)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips(value)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    return margins


def set_table_width(tbl: BaseOxmlElement, width_mm: float) -> None:
    tblpr = tbl.tblPr
    width = tblpr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tblpr.insert_element_before(width, *_TBLPR_AFTER_W)
    width.set(qn("w:w"), str(twips(width_mm)))
    width.set(qn("w:type"), "dxa")


def repeat_as_header(tr: BaseOxmlElement) -> None:
    """Mark a row as a header row, repeated at the top of each page the table spans."""
    trpr = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    # trPr's row properties are a free-order choice; only the change-tracking tags come last.
    trpr.insert_element_before(header, "w:ins", "w:del", "w:trPrChange")


def keep_row_together(tr: BaseOxmlElement) -> None:
    """A row that moves to the next page whole instead of splitting (unless taller than one)."""
    trpr = tr.get_or_add_trPr()
    trpr.insert_element_before(OxmlElement("w:cantSplit"), "w:ins", "w:del", "w:trPrChange")


def keep_manual_breaks_unjustified(settings: BaseOxmlElement) -> None:
    """Do not stretch a justified line that ends in a line break (``<br>``), as the PDF does.

    Word otherwise spreads "Nơi nhận:" across the whole line when a ``<br>`` follows it.
    """
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.insert_element_before(compat, *_SETTINGS_AFTER_COMPAT)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        # It precedes every child python-docx's template puts in compat (useFELayout, …).
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def add_field(paragraph: object, instruction: str, placeholder: str) -> None:
    """Append a field (``PAGE``, ``NUMPAGES``) with a cached result Word shows until updated."""
    p = paragraph._p  # type: ignore[attr-defined]
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("result", placeholder),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind == "instr":
            child = OxmlElement("w:instrText")
            child.set(qn("xml:space"), "preserve")
            child.text = f" {text} "
        elif kind == "result":
            child = OxmlElement("w:t")
            child.text = text
        else:
            child = OxmlElement("w:fldChar")
            child.set(qn("w:fldCharType"), kind)
        run.append(child)
        p.append(run)


def add_list_definitions(
    numbering: BaseOxmlElement, font: str, first_mm: float = layout.LIST_FIRST_MM
) -> tuple[int, int]:
    """Add the bullet and the numbered multi-level list (first marker ``first_mm`` from the
    margin); returns their abstractNum ids."""
    existing = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    first_id = max(existing, default=-1) + 1
    ids = []
    for offset, ordered in enumerate((False, True)):
        abstract = _abstract_num(first_id + offset, ordered, font, first_mm)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        ids.append(first_id + offset)
    return ids[0], ids[1]


def _abstract_num(abstract_id: int, ordered: bool, font: str, first_mm: float) -> BaseOxmlElement:
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    _child(abstract, "w:nsid", f"{0x42530000 + abstract_id:08X}")
    _child(abstract, "w:multiLevelType", "multilevel")
    for depth in range(layout.MAX_LIST_DEPTH):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(depth))
        _child(lvl, "w:start", "1")
        if ordered:
            fmt, text = layout.NUMBER_FORMATS[depth]
        else:
            fmt, text = "bullet", layout.BULLETS[depth]
        _child(lvl, "w:numFmt", fmt)
        _child(lvl, "w:lvlText", text)
        _child(lvl, "w:lvlJc", "left")
        left, hanging = layout.list_indent_mm(depth, first_mm)
        ppr = OxmlElement("w:pPr")
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "num")
        tab.set(qn("w:pos"), str(twips(left)))
        tabs.append(tab)
        ppr.append(tabs)
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(twips(left)))
        ind.set(qn("w:hanging"), str(twips(hanging)))
        ppr.append(ind)
        lvl.append(ppr)
        rpr = OxmlElement("w:rPr")
        set_font_name(rpr, font)
        lvl.append(rpr)
        abstract.append(lvl)
    return abstract


def _child(parent: BaseOxmlElement, tag: str, value: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    parent.append(element)


def start_list(numbering: BaseOxmlElement, abstract_id: int, depth: int) -> int:
    """A new list instance that counts from 1 (its own ``w:num``); returns its numId."""
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=depth).add_startOverride(1)
    return int(num.numId)


def number_paragraph(p: BaseOxmlElement, num_id: int, depth: int) -> None:
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = depth
    num_pr.get_or_add_numId().val = num_id


def drop_contextual_spacing(style_element: BaseOxmlElement) -> None:
    """Word's list styles ignore spacing between items; the PDF keeps it, so Word must too."""
    ppr = style_element.find(qn("w:pPr"))
    if ppr is not None:
        for element in ppr.findall(qn("w:contextualSpacing")):
            ppr.remove(element)
