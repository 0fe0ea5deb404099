"""WordprocessingML written as text: escaping, measures, paragraph and run properties in
schema order, runs, fields, list numbering.

The DOCX writer builds its parts as strings instead of through python-docx's element API,
which searched each property's place in the schema and read text a character at a time
(most of the time of writing a briefing). Word rejects a file whose elements are out of
schema order ("unreadable content"), so properties are kept as dicts and written in the
order the schema lists them (``PPR_ORDER``, ``RPR_ORDER``).
"""

from __future__ import annotations

from briefing_studio.document import StyleSpec
from briefing_studio.render import layout

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# A property: the attributes of an empty element (merged attribute by attribute when a
# style is laid over another) or the element's whole XML (numPr, tabs, pBdr).
Attributes = dict[str, str]
Props = dict[str, Attributes | str]

# The children of w:pPr and w:rPr this writer sets, in ECMA-376 schema order.
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:numPr",
    "w:pBdr",
    "w:tabs",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:jc",
    "w:outlineLvl",
)
RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:color",
    "w:sz",
    "w:szCs",
    "w:u",
    "w:lang",
)
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_EMU_PER_MM, _EMU_PER_PT, _EMU_PER_TWIP = 36000, 12700, 635

# An empty paragraph one point high: between touching tables, after a table in a cell, under
# a rule.
TINY_SPACING: Attributes = {"w:before": "0", "w:after": "0", "w:lineRule": "exact", "w:line": "20"}


def escape(text: str) -> str:
    """Text for an element's content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote(text: str) -> str:
    """Text for an attribute value (in double quotes)."""
    return escape(text).replace('"', "&quot;")


def twips(mm: float) -> int:
    """Millimetres as twentieths of a point, rounded as python-docx does (through EMU)."""
    return round(int(mm * _EMU_PER_MM) / _EMU_PER_TWIP)


def pt_twips(points: float) -> int:
    return round(int(points * _EMU_PER_PT) / _EMU_PER_TWIP)


def half_points(points: float) -> int:
    return int(int(points * _EMU_PER_PT) / _EMU_PER_PT * 2)


def line_twips(multiple: float) -> int:
    """A line spacing of ``multiple`` lines as w:spacing/@w:line with lineRule "auto"."""
    return round(int(multiple * 240 * _EMU_PER_TWIP) / _EMU_PER_TWIP)


# --- properties -------------------------------------------------------------------------------


def element(tag: str, value: Attributes | str) -> str:
    if isinstance(value, str):
        return value
    attributes = "".join(f' {name}="{quote(v)}"' for name, v in value.items())
    return f"<{tag}{attributes}/>"


def props_xml(tag: str, props: Props, order: tuple[str, ...]) -> str:
    """``<w:pPr>``/``<w:rPr>`` with ``props`` in schema order; "" when there are none."""
    if not props:
        return ""
    inner = "".join(element(name, props[name]) for name in order if name in props)
    return f"<{tag}>{inner}</{tag}>"


_MERGED = frozenset({"w:spacing", "w:ind"})


def merge(base: Props, top: Props) -> Props:
    """``base`` with ``top`` laid over it: the attributes of spacing and indents merge (a
    first-line indent replaces a hanging one and back), any other property is replaced."""
    out = dict(base)
    for name, value in top.items():
        old = out.get(name)
        if name in _MERGED and isinstance(value, dict) and isinstance(old, dict):
            merged = dict(old)
            if name == "w:ind":
                for exclusive in ("w:firstLine", "w:hanging"):
                    if exclusive in value:
                        merged.pop("w:firstLine", None)
                        merged.pop("w:hanging", None)
            merged.update(value)
            out[name] = merged
        else:
            out[name] = value
    return out


def _toggle(on: bool) -> Attributes:
    return {} if on else {"w:val": "0"}


def font_names(name: str) -> Attributes:
    """The font for Latin, East Asian and complex scripts alike (Word picks the font per
    character class; with only ``ascii`` set, some Vietnamese letters could fall into another
    slot and come out in the theme font)."""
    return {"w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name}


def font_props(spec: StyleSpec) -> Props:
    """The run properties ``spec`` sets."""
    props: Props = {}
    if spec.font:
        props["w:rFonts"] = font_names(spec.font)
    if spec.size:
        props["w:sz"] = {"w:val": str(half_points(spec.size))}
    if spec.bold is not None:
        props["w:b"] = _toggle(spec.bold)
    if spec.italic is not None:
        props["w:i"] = _toggle(spec.italic)
    if spec.underline is not None:
        props["w:u"] = {"w:val": "single" if spec.underline else "none"}
    if spec.uppercase is not None:
        props["w:caps"] = _toggle(spec.uppercase)
    color = layout.hex_color(spec.color)
    if color:
        props["w:color"] = {"w:val": color}
    return props


def paragraph_props(spec: StyleSpec, indent: bool = True) -> Props:
    """The paragraph properties ``spec`` sets (``indent``: its first-line indent too)."""
    props: Props = {}
    if spec.align:
        props["w:jc"] = {"w:val": _JC.get(spec.align, "left")}
    spacing: Attributes = {}
    if spec.space_before is not None:
        spacing["w:before"] = str(pt_twips(spec.space_before))
    if spec.space_after is not None:
        spacing["w:after"] = str(pt_twips(spec.space_after))
    if spec.line_spacing:
        spacing["w:line"] = str(line_twips(spec.line_spacing))
        spacing["w:lineRule"] = "auto"
    if spacing:
        props["w:spacing"] = spacing
    if indent and spec.first_line_indent is not None:
        props["w:ind"] = first_line(spec.first_line_indent)
    return props


def first_line(mm: float) -> Attributes:
    """A first-line indent; negative is a hanging indent."""
    return {"w:hanging": str(twips(-mm))} if mm < 0 else {"w:firstLine": str(twips(mm))}


def paragraph_style(style_id: str) -> Attributes:
    return {"w:val": style_id}


def rule_below(width_pt: float, space_pt: int = 1) -> str:
    """A single bottom border (the paragraph's indents set the line's length), ``space_pt``
    under the paragraph's line."""
    size = max(2, round(width_pt * 8))  # eighths of a point
    return (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{size}" w:space="{space_pt}" '
        'w:color="000000"/></w:pBdr>'
    )


def numbering_props(num_id: int, depth: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{depth}"/><w:numId w:val="{num_id}"/></w:numPr>'


# --- runs and paragraphs ----------------------------------------------------------------------


def paragraph(ppr: str, content: str) -> str:
    """A ``w:p`` with its properties (already ``<w:pPr>…</w:pPr>`` or "") and runs."""
    return f"<w:p>{ppr}{content}</w:p>" if ppr or content else "<w:p/>"


def text(value: str) -> str:
    """A ``w:t``; ``value`` holds no tab or newline (``layout.printable`` made them spaces)."""
    if len(value.strip()) < len(value):
        return f'<w:t xml:space="preserve">{escape(value)}</w:t>'
    return f"<w:t>{escape(value)}</w:t>"


def run(value: str, rpr: str = "") -> str:
    """A run of ``value`` with its properties (``<w:rPr>…</w:rPr>`` or "")."""
    return f"<w:r>{rpr}{text(value)}</w:r>"


def simple_rpr(style_id: str | None, bold: bool, italic: bool, underline: str | None = None) -> str:
    """A run's character style, bold, italic and underline ("single", "none" or None)."""
    if not (style_id or bold or italic or underline):
        return ""
    return (
        "<w:rPr>"
        + (f'<w:rStyle w:val="{quote(style_id)}"/>' if style_id else "")
        + ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + (f'<w:u w:val="{underline}"/>' if underline else "")
        + "</w:rPr>"
    )


LINE_BREAK = "<w:r><w:br/></w:r>"


def field(instruction: str, placeholder: str) -> str:
    """A field (``PAGE``, ``NUMPAGES``) with a cached result Word shows until updated."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{escape(placeholder)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# --- tables -----------------------------------------------------------------------------------


def shading(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#").upper()}"/>'


def cell_margins(tag: str, mm_y: float, mm_x: float) -> str:
    sides = "".join(
        f'<w:{side} w:w="{twips(value)}" w:type="dxa"/>'
        for side, value in (("top", mm_y), ("left", mm_x), ("bottom", mm_y), ("right", mm_x))
    )
    return f"<{tag}>{sides}</{tag}>"


def table_start(style_id: str, widths: list[float], pad_y: float, pad_x: float) -> str:
    """``<w:tbl>`` with its properties (style, fixed width and layout, cell margins) and grid,
    up to its first row."""
    grid = "".join(f'<w:gridCol w:w="{twips(width)}"/>' for width in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{quote(style_id)}"/>'
        f'<w:tblW w:type="dxa" w:w="{twips(sum(widths))}"/><w:tblLayout w:type="fixed"/>'
        f"{cell_margins('w:tblCellMar', pad_y, pad_x)}"
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )


def row_start(header: bool = False, keep_together: bool = False) -> str:
    """``<w:tr>``; a header row repeats at the top of each page the table spans, a row kept
    together moves to the next page whole instead of splitting (unless taller than one)."""
    if not (header or keep_together):
        return "<w:tr>"
    return (
        "<w:tr><w:trPr>"
        + ("<w:cantSplit/>" if keep_together else "")
        + ("<w:tblHeader/>" if header else "")
        + "</w:trPr>"
    )


def cell(
    width_mm: float,
    content: str,
    span: int = 1,
    merge: str | None = None,
    fill: str | None = None,
) -> str:
    """A ``w:tc``: width, columns spanned, vertical merge ("restart", "continue"), shading."""
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips(width_mm)}"/>'
        + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        + (f'<w:vMerge w:val="{merge}"/>' if merge else "")
        + (shading(fill) if fill else "")
        + f"</w:tcPr>{content}</w:tc>"
    )


# --- numbering --------------------------------------------------------------------------------

NSID_BASE = 0x42530000  # "BS": our lists' nsid, so they are told apart from others


def abstract_num(abstract_id: int, ordered: bool, font: str, first_mm: float) -> str:
    """The bullet or the numbered multi-level list, first marker ``first_mm`` from the margin."""
    levels = []
    for depth in range(layout.MAX_LIST_DEPTH):
        if ordered:
            fmt, marker = layout.NUMBER_FORMATS[depth]
        else:
            fmt, marker = "bullet", layout.BULLETS[depth]
        left, hanging = layout.list_indent_mm(depth, first_mm)
        levels.append(
            f'<w:lvl w:ilvl="{depth}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{quote(marker)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{twips(left)}"/></w:tabs>'
            f'<w:ind w:left="{twips(left)}" w:hanging="{twips(hanging)}"/></w:pPr>'
            f"{props_xml('w:rPr', {'w:rFonts': font_names(font)}, RPR_ORDER)}</w:lvl>"
        )
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{NSID_BASE + abstract_id:08X}"/><w:multiLevelType w:val="multilevel"/>'
        + "".join(levels)
        + "</w:abstractNum>"
    )


def num(num_id: int, abstract_id: int, restart_depth: int | None = None) -> str:
    """A list instance; ``restart_depth``: it counts from 1 at that level (its own list)."""
    override = (
        ""
        if restart_depth is None
        else f'<w:lvlOverride w:ilvl="{restart_depth}"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


# --- pictures -----------------------------------------------------------------------------

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def picture(
    rel_id: str, number: int, width_mm: float, height_mm: float, descr: str, title: str
) -> str:
    """A run holding an inline picture (the image related as ``rel_id``) of that size, with
    ``descr`` as its alt text (what a screen reader says) and ``title``."""
    cx, cy = round(width_mm * _EMU_PER_MM), round(height_mm * _EMU_PER_MM)
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{number}" name="Picture {number}" descr="{quote(descr)}" '
        f'title="{quote(title)}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A}">'
        f'<a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="picture{number}.png"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/>'
        f'</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )
