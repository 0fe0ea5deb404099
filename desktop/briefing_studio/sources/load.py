"""Which loader reads which file, and pasted text: the entry points of the sources layer.

Each loader is imported when a file of its kind is read (a render of text files loads no PDF,
OCR or HTML code)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_studio.errors import BriefingError
from briefing_studio.sources.guards import check_file, empty_error
from briefing_studio.sources.model import SourceDocument
from briefing_studio.sources.office import OFFICE_FORMATS, load_office
from briefing_studio.sources.paragraphs import text_blocks

TEXT_SUFFIXES = ("", ".txt", ".text", ".md")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # photos and scans, read by OCR
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    *TEXT_SUFFIXES[1:],
    ".docx",
    ".html",
    ".htm",
    ".pdf",
    *OFFICE_FORMATS,  # converted by LibreOffice
    *IMAGE_SUFFIXES,  # read by OCR
)


def load_source(
    path: str | Path,
    encoding: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SourceDocument:
    """Load a source file by its suffix; ``encoding`` overrides detection for text and HTML.

    Scans and images are read by OCR and .doc/.rtf/.odt converted by LibreOffice, which take
    seconds: ``progress(done, total)`` follows the pages and ``cancelled()`` stops the work
    (raising ``errors.Cancelled``). Every problem the file can have raises ``BriefingError``
    naming it.
    """
    path = Path(path).expanduser().absolute()
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in SUPPORTED_SUFFIXES:
        check_file(path)  # a missing file is reported as missing, whatever its name
        raise _unsupported(path, suffix)
    if suffix in TEXT_SUFFIXES:
        from briefing_studio.sources.text_loader import load_text

        return load_text(path, encoding)
    if suffix == ".docx":
        from briefing_studio.sources.docx_loader import load_docx

        return load_docx(path)
    if suffix in (".html", ".htm"):
        from briefing_studio.sources.html_loader import load_html

        return load_html(path, encoding)
    if suffix in OFFICE_FORMATS:
        return load_office(path, cancelled)
    if suffix in IMAGE_SUFFIXES:
        from briefing_studio.sources.ocr import ocr_image

        return ocr_image(path, progress, cancelled)
    from briefing_studio.sources.pdf_loader import NoTextLayer, load_pdf

    try:
        return load_pdf(path)
    except NoTextLayer:
        from briefing_studio.sources.ocr import ocr_pdf

        return ocr_pdf(path, progress, cancelled)


def source_from_text(text: str, name: str = "Văn bản dán") -> SourceDocument:
    """A source from text pasted into the app (no file, no encoding)."""
    blocks = text_blocks(text)
    if not blocks:
        raise empty_error(name)
    return SourceDocument(path="", name=name, format="pasted", encoding=None, blocks=blocks)


def _unsupported(path: Path, suffix: str) -> BriefingError:
    supported = ", ".join(SUPPORTED_SUFFIXES)
    return BriefingError(
        f"Không hỗ trợ loại tệp “{suffix}”. Các loại đọc được: {supported}.",
        f"Unsupported file type “{suffix}”. Supported: {supported}.",
        path=path,
    )
