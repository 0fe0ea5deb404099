"""Decisions both writers share: which style a block gets, list markers, table grids, measures.

The DOCX and the PDF writer are separate programs over the same ``Document``; keeping every
"what does this block look like" decision here is what makes the two files look alike.

Style rules (``Document.style`` merges a name over "body"):
- a paragraph or a table cell with a class uses that class (merged over body); without one, a
  paragraph is body, a cell is ``table`` (or ``th`` for a header cell);
- an unstyled paragraph inside a ``Division`` takes the division's class;
- a heading is ``h1``–``h3`` and a list item is ``list``; a class on either is laid on top
  (only the fields the class sets), because Word must keep "Heading N" for its outline and the
  list styles for numbering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from briefing_studio.document import (
    Cell,
    Document,
    Inline,
    LineBreak,
    PageSetup,
    Run,
    StyleSpec,
    Table,
)
from briefing_studio.errors import BriefingError
from briefing_studio.presets import get_preset

# Word's "single" line for Times New Roman and Arial is about 1.15 em (ascent + descent + gap);
# the PDF multiplies by it so that a line_spacing of 1.15 means the same thing in both files.
SINGLE_LINE = 1.15

# Cell margins (mm): Word's default left/right margin is 108 twips ≈ 1.9 mm.
CELL_PAD_X_MM = 1.9
CELL_PAD_Y_MM = 0.5
PANEL_PAD_MM = 3.0  # inner margin of a Division panel
RULE_WIDTH_PT = 0.5  # table grid and panel frame lines
# A rule under a line of text (Decree 30's line under the agency, the motto's underline) sits
# this much lower than the font would put it, clear of descenders and of the marks under
# Vietnamese capitals (Ợ, Ạ).
RULE_DROP_PT = 2.5
MIN_COLUMN_MM = 2 * CELL_PAD_X_MM + 2.0  # a column always has room for a letter or two
MIN_TEXT_AREA_MM = 40.0  # smallest text area (width and height) a page may leave

# Lists: level n (0-based) puts its marker at first + n × LIST_STEP_MM and its text
# LIST_HANGING_MM further right; first is the body's first-line indent (so a list's bullets
# line up with the first words of the paragraphs around it, e.g. the "Thành phần tham dự:"
# label of Decree 30 documents), at least LIST_FIRST_MM.
LIST_FIRST_MM = 5.0
LIST_STEP_MM = 7.0
LIST_HANGING_MM = 6.0
MAX_LIST_DEPTH = 3  # Word has "List Bullet", "List Bullet 2", "List Bullet 3"
BULLETS = ("•", "–", "◦")
# (Word numFmt, Word lvlText) per level; list_marker renders the same thing for the PDF.
NUMBER_FORMATS = (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3."))

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEX_COLOR = re.compile(r"#?([0-9A-Fa-f]{6})")

RESERVED = frozenset({"body", "h1", "h2", "h3", "list", "table", "th"})

# A web address or a bare domain ("https://baoquocte.vn/a-b", "bacgiang.gov.vn"): in a narrow
# table column it may break only after "/", "." or "-", never inside a name ("bacgiang.gov.v/n").
URL_LIKE = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?",
    re.IGNORECASE,
)
URL_BREAK_AFTER = "/.-"


def has_url(text: str) -> bool:
    """Whether ``URL_LIKE`` finds an address in ``text``. Every address it matches holds a
    "." or "://", and most runs hold neither: testing that first spares the pattern's scan of
    every position (a hundredth of a 50-page PDF)."""
    return ("." in text or "://" in text) and URL_LIKE.search(text) is not None


ZERO_WIDTH_SPACE = "\u200b"  # a line may break here; Word draws nothing


def with_defaults(document: Document) -> Document:
    """The document with every reserved style present and a complete body style.

    A template normally starts from a preset, but a bare ``Document`` (a test, a script) may
    leave styles out; both writers then fall back to the ``nd30`` look instead of Word's blue
    Calibri headings on one side and reportlab's defaults on the other.
    """
    base = get_preset("nd30").styles  # not deep-copied whole: each style taken is copied
    styles = dict(document.styles)
    styles["body"] = replace(overlay(base["body"], styles.get("body")))
    for name in RESERVED:
        if name not in styles:
            styles[name] = replace(base[name])
    return replace(document, styles=styles)


def printable(text: str) -> str:
    """NFC text both file formats can hold: control characters (which XML forbids) go and a
    stray newline or tab inside a run is a space, since ``LineBreak`` is how a block breaks."""
    text = unicodedata.normalize("NFC", text)
    if "\t" in text or "\n" in text or "\r" in text:  # (str.translate: 10× slower on Vietnamese)
        text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    # (every character _NOT_IN_XML removes is unprintable: most runs skip the pattern)
    return text if text.isprintable() else _NOT_IN_XML.sub("", text)


def url_pieces(address: str) -> list[str]:
    """``bacgiang.gov.vn`` → ``["bacgiang.", "gov.", "vn"]``: where a line may break in it."""
    return [p for p in re.split(f"(?<=[{re.escape(URL_BREAK_AFTER)}])", address) if p]


def url_break_opportunities(inlines: list[Inline]) -> list[Inline]:
    """The runs with a zero-width space after each "/", "." and "-" of a web address, so Word
    wraps a narrow column there instead of inside a name."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Run) and has_url(inline.text):
            text = URL_LIKE.sub(lambda m: ZERO_WIDTH_SPACE.join(url_pieces(m.group())), inline.text)
            inline = replace(inline, text=text)
        out.append(inline)
    return out


def one_line_underline(spec: StyleSpec, inlines: list[Inline], width_mm: float) -> float | None:
    """For a paragraph underlined by its style (the motto) that fits on one line: the share
    of ``width_mm`` the text takes, so the writer can draw the underline as a rule that much
    wide and ``RULE_DROP_PT`` lower; None for anything else (a normal underline)."""
    if not spec.underline or width_mm <= 0:
        return None
    from briefing_studio.render.font_faces import text_width_pt  # no reportlab

    text = printable("".join(i.text for i in inlines if isinstance(i, Run)))
    if not text.strip() or any(not isinstance(i, Run) for i in inlines):
        return None
    text = text.upper() if spec.uppercase else text
    size = spec.size or 12.0
    width = text_width_pt(text.strip(), spec.font, size, bool(spec.bold), bool(spec.italic))
    share = width / (width_mm * 72 / 25.4)
    return share if share <= 1 else None


# reportlab re-breaks what is left of a paragraph at every page it continues on, and splits a
# word wider than a line character by character, measuring each (about 20 µs a character in
# pure Python), every time: one 200 000-character token did not finish in a minute and 200 000
# characters of ordinary words took 35 s. The PDF writer therefore lays a long block out as
# consecutive paragraphs ("pieces") of at most PDF_PIECE_CHARS characters, cut at spaces, and
# an unbroken run longer than LONG_TOKEN_CHARS (a pasted base64 image, a list of URLs) cut into
# line-wide parts, set one per line in pieces of at most TOKEN_PIECE_CHARS. Measured on the
# 2-core build machine, pdf_bytes of 200 000 characters: 2.3 s of words, 2.3–3.1 s of one
# token; ``briefing render`` of such a source takes 2.8 s of CPU (bench/bench_scale.py). A real
# paragraph is far shorter than PDF_PIECE_CHARS (a long one is 2 000 characters; a piece
# boundary shows as one line ending early), real words and links than LONG_TOKEN_CHARS.
PDF_PIECE_CHARS = 5000
TOKEN_PIECE_CHARS = 1000
LONG_TOKEN_CHARS = 200
_LONG_TOKEN = re.compile(rf"\S{{{LONG_TOKEN_CHARS},}}")


def has_long_token(text: str) -> bool:
    """Whether ``_LONG_TOKEN`` finds a token in ``text``; a shorter text has none, and the
    pattern is not tried on it (it tries every position: a hundredth of a 50-page PDF)."""
    return len(text) >= LONG_TOKEN_CHARS and _LONG_TOKEN.search(text) is not None


def pdf_pieces(
    inlines: list[Inline],
    split_token: Callable[[Run, str], list[str]],
    limit: int = PDF_PIECE_CHARS,
) -> list[list[Inline]]:
    """``inlines`` cut into pieces the PDF writer lays out as consecutive paragraphs.

    Text is cut at the last space before ``limit`` characters (the space is dropped); each
    long unbroken token is cut by ``split_token(run, token)`` into line-wide parts set on
    lines of their own (``LineBreak`` between them) in pieces of their own. A short block
    comes back as one piece, unchanged.
    """
    if sum(len(i.text) if isinstance(i, Run) else 1 for i in inlines) <= limit and not any(
        isinstance(i, Run) and has_long_token(i.text) for i in inlines
    ):
        return [inlines]
    pieces: list[list[Inline]] = [[]]
    size = 0

    def add(run: Run, text: str) -> None:
        nonlocal size
        if text:
            pieces[-1].append(replace(run, text=text))
            size += len(text)

    def close() -> None:
        nonlocal size
        if pieces[-1]:
            pieces.append([])
        size = 0

    for inline in inlines:
        if not isinstance(inline, Run):
            pieces[-1].append(inline)
            size += 1
            continue
        for text, is_token in _token_parts(inline.text):
            if is_token:  # pieces of their own, one part per line
                close()
                for part in split_token(inline, text):
                    if size + len(part) > TOKEN_PIECE_CHARS:
                        close()
                    elif pieces[-1]:
                        pieces[-1].append(LineBreak())
                    add(inline, part)
                close()
                continue
            while size + len(text) > limit:
                cut = text.rfind(" ", 0, limit - size + 1)
                if cut > 0:
                    add(inline, text[:cut])
                    text = text[cut + 1 :]
                elif size == 0:  # no space in a whole piece: cannot happen below the token size
                    add(inline, text[:limit])
                    text = text[limit:]
                close()
            add(inline, text)
    return [piece for piece in pieces if piece]


# reportlab lays a table row that runs over pages out again, whole, on every page it continues
# on, so a cell's time grows with the square of its text even in pieces: a 40 000-character
# cell took 11 s, 200 000 (a figure's excerpt from a paragraph that is one pasted image) 50 s.
# The PDF prints at most this much of one cell and says how much it left out; the DOCX has all.
PDF_CELL_CHARS = 8000


def clip_cell(inlines: list[Inline], blocks: list, limit: int = PDF_CELL_CHARS) -> tuple:
    """A table cell's inlines and paragraph blocks cut to ``limit`` characters in all, with a
    note of what was left out at the end; unchanged (same objects) when it fits."""
    sizes = [_length(inlines), *(_length(b.inlines) for b in blocks)]
    if sum(sizes) <= limit:
        return inlines, blocks
    room = limit
    kept_inlines = _clip(inlines, room)
    room -= _length(kept_inlines)
    kept_blocks = []
    for block in blocks:
        if room <= 0:
            break
        kept = _clip(block.inlines, room)
        kept_blocks.append(replace(block, inlines=kept))
        room -= _length(kept)
    left_out = sum(sizes) - (limit - room)
    note = Run(
        f" … [còn {left_out:,} ký tự không in trong ô bảng này]".replace(",", "."), italic=True
    )
    if kept_blocks:
        kept_blocks[-1] = replace(kept_blocks[-1], inlines=[*kept_blocks[-1].inlines, note])
    else:
        kept_inlines = [*kept_inlines, note]
    return kept_inlines, kept_blocks


def _length(inlines: list[Inline]) -> int:
    return sum(len(i.text) if isinstance(i, Run) else 1 for i in inlines)


def _clip(inlines: list[Inline], room: int) -> list[Inline]:
    kept: list[Inline] = []
    for inline in inlines:
        size = len(inline.text) if isinstance(inline, Run) else 1
        if size > room:
            if isinstance(inline, Run) and room > 0:
                kept.append(replace(inline, text=inline.text[:room]))
            break
        kept.append(inline)
        room -= size
    return kept


def _token_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` as (part, is a long token) in order."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _LONG_TOKEN.finditer(text):
        parts.append((text[position : match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    parts.append((text[position:], False))
    return [(part, is_token) for part, is_token in parts if part]


def hex_color(value: str | None) -> str | None:
    """The hex digits ("1F3864") of a "#1F3864" style value; None when unset or unreadable."""
    match = _HEX_COLOR.fullmatch((value or "").strip())
    return match.group(1).upper() if match else None


def overlay(base: StyleSpec, top: StyleSpec | None) -> StyleSpec:
    """``base`` with every field ``top`` sets replaced; the name stays the base's."""
    if top is None:
        return base
    values = {f.name: getattr(base, f.name) for f in fields(StyleSpec)}
    for f in fields(StyleSpec):
        if f.name != "name" and getattr(top, f.name) is not None:
            values[f.name] = getattr(top, f.name)
    return StyleSpec(**values)


def class_spec(document: Document, name: str | None) -> StyleSpec | None:
    """The template's own spec for a class (not merged), or None when it defines none."""
    if name is None or name in RESERVED:
        return None
    return document.styles.get(name)


def paragraph_style(document: Document, name: str | None) -> StyleSpec:
    """A paragraph's look: its class merged over body."""
    return document.style(name)


def heading_style(document: Document, level: int, name: str | None) -> StyleSpec:
    """A heading's look: h1–h3, with the fields its class sets laid on top."""
    return overlay(document.style(f"h{heading_level(level)}"), class_spec(document, name))


FOOTNOTE_SHARE = 10 / 13  # a footnote's size against the body's: 10 pt under 13 pt text
FOOTNOTE_RULE_SHARE = 1 / 3  # the short line above a page's footnotes, share of the width


def footnote_style(document: Document) -> StyleSpec:
    """How footnotes look in both files: the template's ``footnote`` style when it defines one,
    else the body's font, left-aligned, without indent, at ``FOOTNOTE_SHARE`` of its size."""
    body = document.style("body")
    base = replace(
        body,
        name="footnote",
        size=round((body.size or 13) * FOOTNOTE_SHARE * 2) / 2,
        align="left",
        first_line_indent=0.0,
        space_before=0.0,
        space_after=0.0,
        line_spacing=1.0,
        bold=False,
        italic=False,
        underline=False,
        uppercase=False,
    )
    return overlay(base, document.styles.get("footnote"))


CHART_WIDTH_SHARE = 0.9  # a chart takes this share of its column's width, centred
MM_TO_PT = 72 / 25.4


def chart_caption_style(document: Document) -> StyleSpec:
    """A chart's caption in both files: the footnote look, italic, centred, a little space."""
    return replace(
        footnote_style(document), name="chart-caption", italic=True, align="center",
        space_before=2.0, space_after=6.0,
    )  # fmt: skip


def list_style(document: Document, name: str | None) -> StyleSpec:
    """A list item's look: ``list``, with the fields the list's class sets laid on top."""
    return overlay(document.style("list"), class_spec(document, name))


def cell_style_name(cell: Cell) -> str:
    """The style a cell's text uses: its class, else ``th`` or ``table``."""
    return cell.style or ("th" if cell.header else "table")


def cell_style(document: Document, cell: Cell) -> StyleSpec:
    """A cell's look: its style merged over body."""
    return document.style(cell_style_name(cell))


def heading_level(level: int) -> int:
    """Markup may say h4–h6; both writers treat them as h3."""
    return min(max(level, 1), 3)


def list_depth(depth: int) -> int:
    """Nesting deeper than Word's three list styles stays at the third level."""
    return min(depth, MAX_LIST_DEPTH - 1)


def list_first_mm(document: Document) -> float:
    """Where a first-level list marker sits: under the body's first-line indent."""
    return max(LIST_FIRST_MM, document.style("body").first_line_indent or 0.0)


def list_indent_mm(depth: int, first_mm: float = LIST_FIRST_MM) -> tuple[float, float]:
    """(left indent of the text, hanging width of the marker) for a 0-based nesting depth."""
    left = first_mm + list_depth(depth) * LIST_STEP_MM + LIST_HANGING_MM
    return left, LIST_HANGING_MM


def list_marker(ordered: bool, depth: int, index: int) -> str:
    """The bullet, or the number of the ``index``-th (0-based) item, as Word will show it."""
    depth = list_depth(depth)
    if not ordered:
        return BULLETS[depth]
    number = index + 1
    fmt, text = NUMBER_FORMATS[depth]
    if fmt == "lowerLetter":
        label = _letters(number)
    elif fmt == "lowerRoman":
        label = _roman(number)
    else:
        label = str(number)
    return text.replace(f"%{depth + 1}", label)


def _letters(number: int) -> str:
    # Word's lowerLetter: a…z, then aa…zz, aaa… (repeated letter, not base 26).
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    values = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def table_border(document: Document, table: Table) -> bool:
    """Grid or borderless: the table's class decides, else the ``table`` style, else a grid."""
    for spec in (class_spec(document, table.style), document.styles.get("table")):
        if spec is not None and spec.border is not None:
            return spec.border
    return True


def table_background(document: Document, table: Table) -> str | None:
    """Fill for cells whose own style sets none."""
    spec = class_spec(document, table.style)
    return spec.background if spec is not None else None


def panel(document: Document, name: str | None) -> tuple[bool, str | None]:
    """(frame?, background) of a Division; with neither its blocks simply flow in the text."""
    spec = class_spec(document, name)
    if spec is None:
        return False, None
    return bool(spec.border), spec.background


@dataclass
class Grid:
    """A table laid on a column grid: colspans and rowspans resolved, widths as fractions
    summing to 1. A cell merged down from a row above takes its columns in the rows below."""

    columns: int
    fractions: list[float]
    rows: list[list[tuple[int, Cell]]]  # per row: (first column, cell)


def table_grid(table: Table) -> Grid:
    taken: set[tuple[int, int]] = set()  # (row, column) covered by a cell from a row above
    placed: list[list[tuple[int, Cell]]] = []
    columns = 1
    for r, row in enumerate(table.rows):
        column, cells = 0, []
        for cell in row.cells:
            while (r, column) in taken:
                column += 1
            cells.append((column, cell))
            span = max(cell.colspan, 1)
            for below in range(1, rowspan_of(cell, r, len(table.rows))):
                taken.update((r + below, column + c) for c in range(span))
            column += span
        columns = max(columns, column, *(c + 1 for rr, c in taken if rr == r))
        placed.append(cells)
    return Grid(columns, _fractions(table.widths, columns), placed)


def rowspan_of(cell: Cell, row: int, rows: int) -> int:
    """Rows a cell covers from ``row`` on, clipped to the table."""
    return max(1, min(max(cell.rowspan, 1), rows - row))


def _fractions(widths: list[float] | None, columns: int) -> list[float]:
    # Widths that do not fit the grid are a template slip; equal columns still show the text.
    if not widths or len(widths) != columns or any(w <= 0 for w in widths):
        return [1.0 / columns] * columns
    total = float(sum(widths))
    return [w / total for w in widths]


def column_widths(grid: Grid, width: float) -> list[float]:
    """Column widths (mm) filling ``width``; none narrower than its cell margins plus a letter.

    A template's ``data-widths`` such as "1,100" would otherwise leave a column with negative
    room for text, which reportlab refuses to lay out.
    """
    if grid.columns * MIN_COLUMN_MM > width:
        raise BriefingError(
            f"Bảng có {grid.columns} cột, quá nhiều để vừa bề ngang trang ({width:.0f} mm).",
            f"A table has {grid.columns} columns, too many for the page width ({width:.0f} mm).",
        )
    widths = [fraction * width for fraction in grid.fractions]
    narrow = [w < MIN_COLUMN_MM for w in widths]
    if any(narrow):
        spare = width - MIN_COLUMN_MM * sum(narrow)
        wide_total = sum(w for w, n in zip(widths, narrow, strict=True) if not n)
        widths = [
            MIN_COLUMN_MM if n else w * spare / wide_total
            for w, n in zip(widths, narrow, strict=True)
        ]
    return widths


def check_page(page: PageSetup) -> None:
    """Refuse a page whose margins leave (almost) no room for text: nothing could be laid out."""
    text_width = page.width - page.left - page.right
    text_height = page.height - page.top - page.bottom
    if (
        min(text_width, text_height) < MIN_TEXT_AREA_MM
        or min(page.left, page.right, page.top, page.bottom) < 0
    ):
        raise BriefingError(
            f"Lề trang quá lớn so với khổ giấy: vùng chữ chỉ còn {text_width:.0f} × "
            f"{text_height:.0f} mm. Hãy sửa lề trong mẫu.",
            f"The page margins leave only {text_width:.0f} × {text_height:.0f} mm for text. "
            "Please fix the margins in the template.",
        )


def span_of(cell: Cell, start: int, columns: int) -> int:
    """Columns a cell covers, clipped to the grid."""
    return max(1, min(max(cell.colspan, 1), columns - start))


def header_distance_mm(margin: float) -> float:
    """Where page numbers sit: half-way into the top (or bottom) margin."""
    return margin / 2.0


PAGE_OF_PREFIX = "Trang "  # "bottom-x-of-y" reads "Trang 2/5"


def page_number_text(mode: str, number: int, total: int | None) -> str | None:
    """What the PDF prints as page ``number``; None where the mode shows no number."""
    if mode == "top-center-from-2":
        return str(number) if number >= 2 else None
    if mode == "bottom-center":
        return str(number)
    if mode == "bottom-x-of-y":
        return f"{PAGE_OF_PREFIX}{number}/{total or number}"
    return None
