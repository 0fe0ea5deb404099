"""The PDF's pages: size and margins, page numbers, the outline of headings, file properties."""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFInfo
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus import Table as PdfTable

from briefing_studio.document import Document
from briefing_studio.render.fonts import face_for
from briefing_studio.render.layout import header_distance_mm, page_number_text
from briefing_studio.render.pdf_lines import BriefingParagraph
from briefing_studio.render.pdf_markup import size_of
from briefing_studio.render.pdf_notes import NotesFrame

CREATOR = "Briefing Studio"
# Liberation Serif/Sans rise about 0.89 em above the baseline (as Times New Roman/Arial do);
# Word puts the top of the header text at the header distance, so the PDF does too.
_ASCENT = 0.89
_DESCENT = 0.22
_UNLIMITED = 1e9
_NUMBER_PLACEHOLDER = "% page number"  # a PDF comment, should it ever be left in a page


# Characters of ASCII that reportlab's PDFDocEncoding codec ("extpdfdoc") cannot write; every
# other ASCII character it writes as its ASCII byte.
_NOT_PDFDOC = re.compile("[\x18-\x1f]")
_pdfdoc_encoded = getattr(pdfdoc.pdfdocEnc, "__wrapped__", pdfdoc.pdfdocEnc)  # (reloaded)


def _pdfdoc_encode(x: Any) -> Any:
    """reportlab's ``pdfdoc.pdfdocEnc`` (every number, name and page of the file goes through
    it), with ASCII text encoded as ASCII: the same bytes, without the codec's dictionary
    look-up of each character (page contents are tens of kilobytes; a fiftieth of a 50-page
    PDF)."""
    if type(x) is str and x.isascii() and not _NOT_PDFDOC.search(x):
        return x.encode("ascii")
    return _pdfdoc_encoded(x)


_pdfdoc_encode.__wrapped__ = _pdfdoc_encoded  # type: ignore[attr-defined]
pdfdoc.pdfdocEnc = _pdfdoc_encode  # (pdfdoc's own functions look it up when they run)


class OutlinedHeading(BriefingParagraph):
    """A heading paragraph that adds itself to the PDF outline (bookmarks) when placed."""

    outline_title: str = ""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Only the first part of a split heading is the bookmark target.
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].outline_level = self.outline_level
            parts[0].outline_title = self.outline_title
            for part in parts[1:]:
                part.outline_level = None
        return parts


def _headings_in(flowable: Flowable) -> list[Flowable]:
    """``flowable`` if it is an outlined heading, else the headings in its table cells."""
    if getattr(flowable, "outline_level", None) is not None:
        return [flowable]
    if isinstance(flowable, PdfTable):
        values = [value for row in flowable._cellvalues for value in row]
    else:  # a KeepTogether group inside a cell
        values = list(getattr(flowable, "_content", ()))
    found: list[Flowable] = []
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, Flowable):
                found.extend(_headings_in(item))
    return found


class KeepWithNextStart(KeepTogether):
    """What reportlab does for ``keepWithNext``, measured the way Word measures it.

    reportlab keeps a heading with the whole next block, so a heading before a long table
    drags the table to the next page and leaves a gap; Word keeps it only with the next
    block's first two lines (or a table's header and first row). Only the fit test changes.
    """

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        result = super().wrap(aW, aH)
        *leading, last = self._content
        height = sum(_full_height(f, aW, self.canv) for f in leading)
        self._H = height + _start_height(last, aW, self.canv)
        return result


def _full_height(flowable: Flowable, width: float, canvas: Canvas) -> float:
    _, height = flowable.wrapOn(canvas, width, _UNLIMITED)
    return flowable.getSpaceBefore() + height + flowable.getSpaceAfter()


def _start_height(flowable: Flowable, width: float, canvas: Canvas) -> float:
    if isinstance(flowable, PdfTable) and getattr(flowable, "availWidth", None) == width:
        # KeepTogether.wrap has just laid the table out at this width: its row heights stand
        # (laying out a long figures table again cost a fifth of a 50-page PDF).
        return flowable.getSpaceBefore() + sum(flowable._rowHeights[: flowable.repeatRows + 1])
    _, height = flowable.wrapOn(canvas, width, _UNLIMITED)
    if isinstance(flowable, Paragraph):
        lines = len(getattr(flowable.blPara, "lines", [])) or 1
        height = height * min(lines, 2) / lines
    elif isinstance(flowable, PdfTable):
        height = sum(flowable._rowHeights[: flowable.repeatRows + 1])
    return flowable.getSpaceBefore() + height


class BriefingDocTemplate(BaseDocTemplate):
    """One frame per page inside the margins; numbers pages and builds the outline."""

    def __init__(self, target: BinaryIO, document: Document) -> None:
        page, info = document.page, document.info
        body = document.style("body")
        self.number_face = face_for(body.font, False, False)
        self.number_size = size_of(body)
        self.setup = page
        # "Trang X/Y": the page count is known only when the last page is done, so each page
        # ends with a placeholder line that _endBuild replaces with the drawn number.
        self.needs_total = page_number_text(page.page_numbers, 1, None) != page_number_text(
            page.page_numbers, 1, 2
        )
        self.outline_root = info.title  # parent of headings that have none (see _bookmark)
        self._open_levels: list[int] = []  # heading levels of the open outline branches
        self._bookmarks = 0
        super().__init__(
            target,
            pagesize=(page.width * mm, page.height * mm),
            leftMargin=page.left * mm,
            rightMargin=page.right * mm,
            topMargin=page.top * mm,
            bottomMargin=page.bottom * mm,
            title=info.title,
            author=info.author or None,
            subject=info.subject,
            keywords=", ".join(info.keywords),
            creator=CREATOR,
            lang=info.language or None,
            initialFontName=self.number_face,  # else reportlab puts Helvetica on every page
            keepTogetherClass=KeepWithNextStart,
        )
        self.briefing = document
        self._page_template(Frame)

    def _page_template(self, frame_class: type[Frame], **extra: Any) -> None:
        frame = frame_class(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
            **extra,
        )
        self.pageTemplates = []
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._end_page)])

    def keep_room_for_notes(self) -> None:
        """Footnotes at the foot of each page (``pdf_notes``): only a document with some pays
        for the frame that keeps their room."""
        self._page_template(NotesFrame, document=self.briefing)

    def _end_page(self, canvas: Canvas, doc: Any) -> None:
        if isinstance(self.frame, NotesFrame):
            self.frame.draw_notes(canvas)
        self._draw_page_number(canvas, doc)

    def afterFlowable(self, flowable: Flowable) -> None:
        # A heading inside a panel is placed by its table, never by the frame: it is found
        # in the cells and bookmarked at the panel's top.
        headings = _headings_in(flowable)
        if not headings:
            return
        height = getattr(flowable, "height", None) or getattr(flowable, "_height", 0.0)
        top = self.frame._y + height  # the frame's cursor sits under the placed flowable
        for heading in headings:
            self._bookmark(heading, top)

    def _makeCanvas(self, *args: Any, **kwargs: Any) -> Canvas:
        canvas = super()._makeCanvas(*args, **kwargs)
        if not self.author:  # reportlab writes "anonymous" (or an empty string) otherwise
            info = _InfoWithoutEmptyAuthor()
            info.__dict__.update(canvas._doc.info.__dict__)
            canvas._doc.info = info
        return canvas

    def _bookmark(self, heading: Flowable, top: float) -> None:
        """Outline depth = heading level − 1, as Word's navigation pane nests headings.

        A PDF outline entry at depth n needs a parent at depth n − 1. When the document's first
        heading is an h2 (a handout), the document's title becomes that parent, so the h2s stay
        siblings at depth 1. A level skipped later (h1 → h3) cannot be filled with a real
        entry: the h3 then nests directly under its h1, as in Word.
        """
        level = heading.outline_level
        while self._open_levels and self._open_levels[-1] >= level:
            self._open_levels.pop()
        if not self._open_levels and level > 1:
            self._outline_entry(self.outline_root or heading.outline_title, 0, top)
            self._open_levels.append(1)
        self._outline_entry(heading.outline_title, len(self._open_levels), top)
        self._open_levels.append(level)

    def _outline_entry(self, title: str, depth: int, top: float) -> None:
        key = f"heading-{self._bookmarks}"
        self._bookmarks += 1
        self.canv.bookmarkHorizontal(key, 0, top)
        self.canv.showOutline()
        self.canv.addOutlineEntry(title, key, level=depth, closed=False)

    def _draw_page_number(self, canvas: Canvas, _doc: Any) -> None:
        if self.needs_total:
            canvas._code.append(_NUMBER_PLACEHOLDER)  # one line of the page's content stream
        else:
            self._page_number(canvas, canvas.getPageNumber(), None)

    def _endBuild(self) -> None:
        if not self.needs_total:
            super()._endBuild()
            return
        self._doSave = 0  # reportlab finishes the last page here, then would save at once
        super()._endBuild()
        self._fill_page_numbers()
        self.canv.save()

    def _fill_page_numbers(self) -> None:
        """Put each page's "Trang X/Y" where its placeholder line is, before the file is
        written: the same drawing commands, at the same place in the page's content, that
        drawing the number at the end of the page would have made."""
        canvas = self.canv
        pages = canvas._doc.Pages.pages
        page_code = canvas._code
        try:
            for number, page in enumerate(pages, start=1):
                canvas._code = []
                self._page_number(canvas, number, len(pages))
                drawn = "\n".join(canvas._code)
                page.stream = page.stream.replace(_NUMBER_PLACEHOLDER, drawn, 1)
        finally:
            canvas._code = page_code

    def _page_number(self, canvas: Canvas, number: int, total: int | None) -> None:
        text = page_number_text(self.setup.page_numbers, number, total)
        if not text:
            return
        page = self.setup
        x = self.leftMargin + self.width / 2
        if page.page_numbers.startswith("top"):
            y = (page.height - header_distance_mm(page.top)) * mm - _ASCENT * self.number_size
        else:
            y = header_distance_mm(page.bottom) * mm + _DESCENT * self.number_size
        canvas.saveState()
        canvas.setFont(self.number_face, self.number_size)
        canvas.drawCentredString(x, y, text)
        canvas.restoreState()


class _InfoWithoutEmptyAuthor(PDFInfo):
    """The file's properties with no ``/Author`` at all: better than an empty or made-up one."""

    def format(self, document: Any) -> bytes:
        self.author = ""
        text = super().format(document)
        return text.replace(b"/Author () ", b"").replace(b"/Author ()", b"")
