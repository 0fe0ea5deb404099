"""PDF pages as ``QImage``s via pypdfium2 (QtPdf is not in the PySide6 wheels we ship).

PDFium is not thread-safe, so every call holds one lock: the preview worker and printing on the
UI thread never rasterise at the same time. ``QImage`` (unlike ``QPixmap``) may be made on any
thread.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage

_lock = threading.Lock()
POINTS_PER_INCH = 72.0


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    with _lock:
        document = pdfium.PdfDocument(pdf)
        try:
            return [document[i].get_size() for i in range(len(document))]
        finally:
            document.close()


def render_page(
    document: pdfium.PdfDocument, index: int, dpi: float, width: int | None = None
) -> QImage:
    """One page at ``dpi`` (or ``width`` pixels wide) as an opaque RGB32 image (caller holds
    the lock)."""
    page = document[index]
    scale = width / page.get_width() if width else dpi / POINTS_PER_INCH
    bitmap = page.render(
        scale=scale,
        force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
        fill_color=(255, 255, 255, 255),
    )
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
    )
    copy = image.copy()  # detach from PDFium's buffer before it is freed
    bitmap.close()
    page.close()
    return copy


@contextmanager
def opened(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """The PDF open in PDFium, with the lock held: read what is needed from one opening."""
    with _lock:
        document = pdfium.PdfDocument(pdf)
        try:
            yield document
        finally:
            document.close()


def pages_of(
    document: pdfium.PdfDocument,
    dpi: float = 110.0,
    cancelled: Callable[[], bool] = lambda: False,
    limit: int | None = None,
    width: int | None = None,
) -> tuple[list[QImage], int]:
    """The first ``limit`` pages (all when None) at ``dpi``, or each ``width`` pixels wide, and
    how many pages the PDF has. Stops early (returning what it has) once ``cancelled()``."""
    images = []
    total = len(document)
    for index in range(total if limit is None else min(total, limit)):
        if cancelled():
            break
        images.append(render_page(document, index, dpi, width))
    return images, total


def render_one(pdf: bytes, index: int, dpi: float) -> QImage:
    """A single page (printing renders page by page at printer resolution)."""
    with _lock:
        document = pdfium.PdfDocument(pdf)
        try:
            return render_page(document, index, dpi)
        finally:
            document.close()


# A link on a page: (left, top, right, bottom) as fractions of the page's width and height from
# its top left corner, and the link's URI.
PageLink = tuple[tuple[float, float, float, float], str]


def links_of(
    document: pdfium.PdfDocument, prefix: str, limit: int | None = None
) -> list[list[PageLink]]:
    """The URI links starting with ``prefix`` on each of the first ``limit`` pages."""
    pages = []
    for index in range(len(document) if limit is None else min(len(document), limit)):
        page = document[index]
        try:
            pages.append(_links_on(document, page, prefix.encode("ascii")))
        finally:
            page.close()
    return pages


def _links_on(document: pdfium.PdfDocument, page: pdfium.PdfPage, prefix: bytes) -> list[PageLink]:
    width, height = page.get_size()
    found: list[PageLink] = []
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        uri = buffer.value
        rect = pdfium_c.FS_RECTF()
        if not uri.startswith(prefix) or not pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            continue
        box = (
            rect.left / width,
            (height - rect.top) / height,
            rect.right / width,
            (height - rect.bottom) / height,
        )
        found.append((box, uri.decode("ascii", "replace")))
    return found
