"""The layout-neutral ``Document``: blocks of styled inline runs, built from briefing markup.

Both writers consume only this model (never sources or templates), which is what makes the DOCX
and the PDF carry the same text. Style names are the markup's class names; the template's
manifest says how each looks (see ``StyleSpec``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]
# The URI of the link over a figure's run in a PDF made for the GUI's preview (never exported).
FIGURE_LINK_PREFIX = "briefing-figure:"


@dataclass(frozen=True)
class Run:
    """A piece of text with character formatting. ``style`` is a span's class, if any;
    ``figure`` the id of the figure it shows, in a document made for the GUI's preview only
    (``Document.figure_links``)."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    style: str | None = None
    figure: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LineBreak:
    """A ``<br>`` inside a block."""


@dataclass(frozen=True)
class Footnote:
    """A numbered note: the reference mark stands here, ``note`` goes to the page's foot.

    Built from ``<span class="footnote">…</span>``; numbers run from 1 in document order.
    """

    number: int
    note: str


Inline = Union[Run, LineBreak, Footnote]  # noqa: UP007 - a type alias, kept explicit for readers


@dataclass
class Heading:
    level: int  # 1–3
    inlines: list[Inline]
    style: str | None = None


@dataclass
class Paragraph:
    inlines: list[Inline]
    style: str | None = None


@dataclass
class ListItem:
    inlines: list[Inline]
    children: list[ListBlock] = field(default_factory=list)  # nested lists


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem]
    style: str | None = None


@dataclass
class Cell:
    inlines: list[Inline]
    header: bool = False
    colspan: int = 1
    style: str | None = None
    rowspan: int = 1  # rows it covers, this one and those below (a merged cell of a source)
    blocks: list[Paragraph] = field(default_factory=list)  # extra paragraphs after inlines


@dataclass
class Row:
    cells: list[Cell]


@dataclass
class Table:
    rows: list[Row]
    style: str | None = None  # e.g. "letterhead" (borderless) or "figures" (grid)
    widths: list[float] | None = None  # relative column widths, from the markup's data-widths

    @property
    def header_rows(self) -> int:
        """Leading rows made only of ``th`` cells: repeated on each page when a table splits."""
        count = 0
        for row in self.rows:
            if row.cells and all(c.header for c in row.cells):
                count += 1
            else:
                break
        return count


@dataclass
class Division:
    """A ``<div class=...>``: a styled group of blocks, such as the handout's key-figures panel."""

    blocks: list[Block]
    style: str | None = None


ChartKind = Literal["bar", "line", "share"]


@dataclass
class Chart:
    """A chart of one series: a bar per label, a line through them, or shares of a whole.

    ``values`` are plain numbers on one scale; ``texts`` are the values as the document writes
    them ("12,4 tỷ USD"); ``caption`` says what is shown and where it comes from.
    Built from ``<div class="chart" data-chart="{…}"></div>`` (the ``chart`` filter writes it).
    """

    kind: ChartKind
    labels: list[str]
    values: list[float]
    texts: list[str]
    caption: str = ""

    @property
    def alt_text(self) -> str:
        """What the chart says in words, for a screen reader: the caption and every value."""
        pairs = "; ".join(
            f"{label}: {text}" for label, text in zip(self.labels, self.texts, strict=True)
        )
        return f"{self.caption.rstrip('.')}. {pairs}." if self.caption else f"{pairs}."


@dataclass(frozen=True)
class PageBreak:
    """``<div class="page-break"></div>`` in the markup."""


Block = Union[Heading, Paragraph, ListBlock, Table, Division, PageBreak, Chart]  # noqa: UP007


@dataclass
class StyleSpec:
    """How a named style looks; unset fields inherit from the preset's body style."""

    name: str
    font: str | None = None  # family, e.g. "Times New Roman"
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    uppercase: bool | None = None
    align: Align | None = None
    space_before: float | None = None  # points
    space_after: float | None = None  # points
    first_line_indent: float | None = None  # millimetres
    line_spacing: float | None = None  # multiple of single spacing, e.g. 1.15
    color: str | None = None  # "#RRGGBB"
    background: str | None = None  # panels and table header cells
    border: bool | None = None  # tables and divisions: draw a grid / frame
    # A short centred line under the paragraph, this share (0–1) of its width: Decree 30's
    # rule under the issuing agency's name.
    rule_below: float | None = None


@dataclass
class PageSetup:
    """Page size and margins in millimetres, and where page numbers go."""

    width: float = 210.0
    height: float = 297.0
    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0
    page_numbers: Literal["none", "top-center-from-2", "bottom-center", "bottom-x-of-y"] = (
        "top-center-from-2"
    )


@dataclass
class DocumentInfo:
    """Document properties written to both files."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = "vi-VN"


@dataclass
class Document:
    """What a template produced, ready for any writer."""

    blocks: list[Block]
    info: DocumentInfo = field(default_factory=DocumentInfo)
    page: PageSetup = field(default_factory=PageSetup)
    styles: dict[str, StyleSpec] = field(default_factory=dict)  # by style name; "body" is the base
    # The markup the template produced (the template editor shows it); writers never read it.
    markup: str = field(default="", repr=False, compare=False)
    # Made for the GUI's preview: the PDF writer puts an invisible link
    # (``FIGURE_LINK_PREFIX`` + id) over each figure's run so a click can name the figure.
    # Exported documents never set it.
    figure_links: bool = field(default=False, compare=False)

    def style(self, name: str | None) -> StyleSpec:
        """The named style merged over the body style (fields the name leaves unset)."""
        body = self.styles.get("body", StyleSpec("body"))
        if name is None or name not in self.styles:
            return body
        named = self.styles[name]
        merged = {
            k: getattr(named, k) if getattr(named, k) is not None else getattr(body, k)
            for k in StyleSpec.__dataclass_fields__
        }
        merged["name"] = name
        return StyleSpec(**merged)


def plain_text(inlines: list[Inline]) -> str:
    """The text of a run list, ``<br>`` as a newline; footnotes (not part of it) left out."""
    return "".join(
        "\n" if isinstance(i, LineBreak) else i.text for i in inlines if not isinstance(i, Footnote)
    )


def footnotes(inlines: list[Inline]) -> list[Footnote]:
    """The footnotes among ``inlines``, in order."""
    return [i for i in inlines if isinstance(i, Footnote)]
