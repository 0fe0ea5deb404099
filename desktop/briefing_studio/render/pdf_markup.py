"""StyleSpec → reportlab ParagraphStyle, and inline runs → reportlab paragraph markup.

reportlab parses a paragraph's text as XML-ish markup, so every piece of source text is escaped
here and nowhere else: a ``<`` or ``&`` in a report must print as itself, never as a tag.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from html import escape
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser, known_entities

from briefing_studio.document import (
    FIGURE_LINK_PREFIX,
    Document,
    Footnote,
    Inline,
    LineBreak,
    Run,
    StyleSpec,
)
from briefing_studio.memo import keep
from briefing_studio.render.fonts import face_for
from briefing_studio.render.layout import (
    RULE_DROP_PT,
    SINGLE_LINE,
    class_spec,
    hex_color,
    overlay,
    printable,
)

DEFAULT_SIZE = 12.0
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def size_of(spec: StyleSpec) -> float:
    return spec.size or DEFAULT_SIZE


def leading_of(spec: StyleSpec) -> float:
    """Line pitch in points: ``line_spacing`` counts Word "single" lines (see SINGLE_LINE)."""
    return size_of(spec) * (spec.line_spacing or 1.0) * SINGLE_LINE


def color_of(value: str | None, default: colors.Color = colors.black) -> colors.Color:
    """A "#RRGGBB" colour; anything unreadable falls back (a template typo must not crash)."""
    hex_value = hex_color(value)
    return colors.HexColor("#" + hex_value) if hex_value else default


def paragraph_style(spec: StyleSpec, **overrides: object) -> ParagraphStyle:
    """A ParagraphStyle that looks like ``spec``; ``overrides`` set list indents and the like.

    One object for each look (paragraphs only read their style), so a document of a thousand
    paragraphs builds a few dozen styles, and ``frags_of`` keys its runs on them.
    """
    return _paragraph_style(_spec_key(spec), tuple(overrides.items()))


def _spec_key(spec: StyleSpec) -> tuple:
    return tuple(spec.__dict__.values())


@lru_cache(maxsize=1024)
def _paragraph_style(spec_key: tuple, overrides: tuple) -> ParagraphStyle:
    spec = StyleSpec(*spec_key)
    size = size_of(spec)
    values: dict[str, object] = {
        "fontName": face_for(spec.font, bool(spec.bold), bool(spec.italic)),
        "fontSize": size,
        "leading": leading_of(spec),
        "alignment": _ALIGN.get(spec.align or "left", TA_LEFT),
        "firstLineIndent": (spec.first_line_indent or 0.0) * mm,
        "spaceBefore": spec.space_before or 0.0,
        "spaceAfter": spec.space_after or 0.0,
        "textColor": color_of(spec.color),
        "bulletFontName": face_for(spec.font, False, False),
        "bulletFontSize": size,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    if spec.underline:  # the motto: an underline clear of descenders, as the DOCX draws it
        values["underlineOffset"] = -(0.125 * size + RULE_DROP_PT)
        values["underlineWidth"] = 0.05 * size  # the font's own stroke, not reportlab's 2 pt
    values.update(overrides)
    style = ParagraphStyle(spec.name, **values)  # type: ignore[arg-type]
    keep(_FRAG_KEYS, style, _frag_key(style), _MAX_TEMPLATES)
    return style


def markup(document: Document, inlines: list[Inline], spec: StyleSpec) -> str:
    """reportlab markup for a block's runs, as they look inside a block styled ``spec``."""
    parts = []
    for inline in inlines:
        if isinstance(inline, LineBreak):
            parts.append("<br/>")
        elif isinstance(inline, Footnote):  # the reference mark; pdf_notes draws the note
            parts.append(note_mark(inline))
        elif inline.text:
            parts.append(_run(document, inline, spec))
    text = "".join(parts)
    return f"<u>{text}</u>" if spec.underline and text else text


def note_mark(note: Footnote) -> str:
    """A footnote's reference mark: its number, raised."""
    return f"<super>{note.number}</super>"


def run_font(document: Document, run: Run, block: StyleSpec) -> tuple[str, float]:
    """The reportlab face and size a run is drawn with inside a block styled ``block``."""
    look = overlay(block, class_spec(document, run.style))
    return face_for(look.font, run.bold or bool(look.bold), run.italic or bool(look.italic)), (
        size_of(look)
    )


def _run(document: Document, run: Run, block: StyleSpec) -> str:
    upper, opening, closing = _run_tags(
        _spec_key(block),
        _spec_key(found) if (found := class_spec(document, run.style)) else None,
        run.bold,
        run.italic,
        run.underline,
    )
    text = printable(run.text)
    text = opening + escape(text.upper() if upper else text, quote=False) + closing
    if document.figure_links and run.figure:  # the GUI's preview: an invisible link
        href = escape(FIGURE_LINK_PREFIX + run.figure, quote=True)
        text = f'<a href="{href}">{text}</a>'
    return text


@lru_cache(maxsize=4096)
def _run_tags(
    block_key: tuple, class_key: tuple | None, bold: bool, italic: bool, underline: bool
) -> tuple[bool, str, str]:
    """(upper-case?, opening tags, closing tags) of a run's look inside a block's."""
    block = StyleSpec(*block_key)
    look = overlay(block, StyleSpec(*class_key) if class_key else None)
    attrs = []
    face = face_for(look.font, bold or bool(look.bold), italic or bool(look.italic))
    if face != face_for(block.font, bool(block.bold), bool(block.italic)):
        attrs.append(f'name="{face}"')
    if size_of(look) != size_of(block):
        attrs.append(f'size="{size_of(look):g}"')
    if hex_color(look.color) != hex_color(block.color):
        attrs.append(f'color="#{color_of(look.color).hexval()[2:]}"')
    opening, closing = (f"<font {' '.join(attrs)}>", "</font>") if attrs else ("", "")
    # The block's own underline wraps the whole paragraph; only add one it lacks.
    if (underline or look.underline) and not block.underline:
        opening, closing = "<u>" + opening, closing + "</u>"
    return bool(look.uppercase), opening, closing


# Our markup, token by token: a tag (group 1 "/" for an end tag, group 2 the name, group 3
# "/" for "<br/>"), an entity (group 4) or text.
_TOKEN = re.compile(r"<(/?)(\w+)[^>]*?(/?)>|&(\w+);|[^<&]+")
# The style fields reportlab's parser copies into a paragraph's runs ("frags").
_FRAG_FIELDS = (
    "fontName",
    "fontSize",
    "textColor",
    "underlineColor",
    "underlineWidth",
    "underlineOffset",
    "underlineGap",
    "strikeColor",
    "strikeWidth",
    "strikeOffset",
    "strikeGap",
    "linkUnderline",
    "textTransform",
)
_TEMPLATES: dict[tuple, ParaFrag] = {}
# The _FRAG_FIELDS values of each style paragraph_style made, as a number (computed once per
# style; a number hashes at once, the values would be hashed for every run).
# (a plain dict keyed by the style itself: a WeakKeyDictionary makes a weak reference on every
# look-up, for every paragraph)
_FRAG_KEYS: dict[ParagraphStyle, int] = {}
_KEY_NUMBERS: dict[tuple, int] = {}
_NEXT_KEY = itertools.count()  # never reused, even after _KEY_NUMBERS starts again
_MAX_TEMPLATES = 4096


def frags_of(text: str, style: ParagraphStyle) -> list[ParaFrag] | None:
    """The runs ("frags") reportlab's ParaParser makes of our markup ``text`` in ``style``.

    Parsing the markup of every paragraph with ``html.parser`` was a tenth of a PDF's time,
    but our markup has few shapes: each run's look is a stack of ``<font>`` and ``<u>`` tags
    over the style. The first run with a given stack is parsed by reportlab (with "x" for
    text) and later runs are copies of it with their own text, cut where the parser cuts
    (at each entity), so the frags are the same. None (let reportlab parse) when the markup
    underlines more than once: reportlab numbers each underline.
    """
    if not _clean(text):
        text = cleanBlockQuotedText(text)
    if text.count("<u>") > 1:
        return None
    key = _FRAG_KEYS.get(style)
    if key is None:
        key = keep(_FRAG_KEYS, style, _frag_key(style), _MAX_TEMPLATES)
    if "<" not in text and "&" not in text:  # one plain run (or none)
        frags = [copy_frag(_template(key, (), style, "x"), {"text": text})] if text else []
        textTransformFrags(frags, style)
        return frags
    frags = []
    stack: tuple[str, ...] = ()
    run = None  # the template of the runs under ``stack`` (looked up once per tag change)
    for match in _TOKEN.finditer(text):
        last = match.lastindex  # None: text; 4: an entity; else a tag
        if last is None or last == 4:
            data = match.group() if last is None else known_entities.get(match.group(4))
            if data is None:
                return None
            if run is None:
                run = _template(key, stack, style, "x")
            frags.append(copy_frag(run, {"text": data}))
            continue
        slash, tag, closed = match.group(1, 2, 3)
        if tag == "br" and closed:
            frags.append(copy_frag(_template(key, stack, style, "<br/>")))
        elif slash:
            if not stack:
                return None  # (an end tag without its start: reportlab's parser says so)
            stack = stack[:-1]
            run = None
        else:
            stack = (*stack, match.group())
            run = None
    textTransformFrags(frags, style)
    return frags


def copy_frag(frag: Any, values: dict[str, object] | None = None) -> Any:
    """``frag.clone(**values)``: the same attributes in a new object of the same class,
    without passing them through keyword arguments twice (a PDF clones a run or line
    thousands of times)."""
    new = object.__new__(frag.__class__)
    attributes = frag.__dict__.copy()
    if values:
        attributes.update(values)
    new.__dict__ = attributes
    return new


def _clean(text: str) -> bool:
    """Whether ``cleanBlockQuotedText`` would give ``text`` back as it is: its only white
    space is single spaces between words (``isprintable`` is false for every other space,
    line break or tab), as in nearly all our markup."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _frag_key(style: ParagraphStyle) -> int:
    values = tuple(repr(getattr(style, name, None)) for name in _FRAG_FIELDS)
    found = _KEY_NUMBERS.get(values)
    if found is None:
        found = keep(_KEY_NUMBERS, values, next(_NEXT_KEY), _MAX_TEMPLATES)
    return found


def _template(key: int, stack: tuple[str, ...], style: ParagraphStyle, body: str) -> ParaFrag:
    found = _TEMPLATES.get((key, stack, body))
    if found is None:
        closing = "".join(f"</{tag[1:].split()[0].rstrip('>')}>" for tag in reversed(stack))
        _, frags, _ = ParaParser().parse("".join(stack) + body + closing, style)
        found = keep(_TEMPLATES, (key, stack, body), frags[0], _MAX_TEMPLATES)
    return found
