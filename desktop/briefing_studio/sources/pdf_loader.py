"""PDF sources with a text layer, via pypdf: page text re-joined into paragraphs, and tables
found from how the text lines up (``pdf_tables``) kept as tables.

A scanned PDF has pages but (almost) no extractable letters: ``NoTextLayer`` says so, and
``load.load_source`` reads such a PDF with OCR instead (``sources.ocr``). Extraction is
guarded: pypdf errors on a damaged file, an encrypted file, too many pages or too much time
become ``BriefingError``.
"""

from __future__ import annotations

import io
import time
import unicodedata
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from briefing_studio.errors import BriefingError
from briefing_studio.sources.guards import read_bytes
from briefing_studio.sources.limits import MAX_PDF_PAGES, PDF_TIME_BUDGET_S
from briefing_studio.sources.model import Block, SourceDocument, Table
from briefing_studio.sources.paragraphs import PAGE_NUMBER, merge_wrapped_lines
from briefing_studio.sources.pdf_tables import may_hold_table, split_tables
from briefing_studio.sources.tables import attach_captions, continue_table
from briefing_studio.textutil import clean_line, clean_text

_MIN_LETTERS_PER_PAGE = 10  # fewer on average: the pages are images (a scan)


class NoTextLayer(BriefingError):
    """The PDF's pages hold (almost) no letters: a scan, to be read with OCR."""


def load_pdf(path: Path) -> SourceDocument:
    """Load a PDF's text layer; encrypted or damaged PDFs raise ``BriefingError``, scanned
    ones ``NoTextLayer``."""
    reader = _open(path)
    pages = _page_texts(reader, path)
    lines = [line for page in pages for line in _page_lines(page)]
    letters = sum(1 for line in lines for char in line if char.isalpha())
    if letters < _MIN_LETTERS_PER_PAGE * max(len(pages), 1):
        raise NoTextLayer(
            "PDF không có lớp chữ (có lẽ là bản quét/ảnh chụp): cần nhận dạng chữ (OCR) trước "
            "khi dùng được.",
            "The PDF has no text layer (it is probably a scan or photos): it needs OCR "
            "(text recognition) before it can be used.",
            path=path,
        )
    title, author = _metadata(reader)
    return SourceDocument(
        path=str(path),
        name=path.name,
        format="pdf",
        encoding=None,
        blocks=_blocks(reader, pages, lines, path),
        title=title,
        author=author,
    )


def _blocks(reader: PdfReader, pages: list[str], lines: list[str], path: Path) -> tuple[Block, ...]:
    """Paragraphs, and the tables of pages that hold some (``pdf_tables``) as tables."""
    items: list[str | Table] = []
    started = time.monotonic()
    for number, text in enumerate(pages):
        found = _page_tables(reader, number, text)
        if found is None:
            items.extend(_page_lines(text))
        else:
            items.extend(found)
        if time.monotonic() - started > PDF_TIME_BUDGET_S:
            raise _too_complex(path)
    longest = max((len(line) for line in lines), default=0)
    blocks: list[Block] = []
    run: list[str] = []
    for item in [*items, None]:
        if isinstance(item, str):
            run.append(item)
            continue
        blocks.extend(Block(p) for p in merge_wrapped_lines(run, longest))
        if item is not None:
            previous = blocks[-1].table if blocks and not run else None
            joined = continue_table(previous, item) if previous is not None else None
            if joined is not None:  # the same table going on over a page break
                blocks[-1] = Block.of_table(joined)
            else:
                blocks.append(Block.of_table(item))
        run = []
    return tuple(attach_captions(blocks))


def _page_tables(reader: PdfReader, number: int, plain: str) -> list[str | Table] | None:
    """The page's lines with its tables in place, or None when it has none (or cannot be
    read in layout mode: the plain text then stands)."""
    if not may_hold_table(plain):
        return None
    try:
        layout = reader.pages[number].extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is an extra; the plain text is already read
        return None
    items = split_tables(unicodedata.normalize("NFC", layout))
    if not any(isinstance(item, Table) for item in items):
        return None
    cleaned = [clean_line(i) if isinstance(i, str) else i for i in items]
    found = [item for item in cleaned if item]
    while found and isinstance(found[-1], str) and PAGE_NUMBER.fullmatch(found[-1]):
        found.pop()
    while found and isinstance(found[0], str) and PAGE_NUMBER.fullmatch(found[0]):
        found.pop(0)
    return found


def _page_lines(page: str) -> list[str]:
    """The page's lines without a page number at its top or bottom (a number elsewhere may
    be a table cell, which the briefing needs)."""
    lines = [line for line in clean_text(page).split("\n") if line]
    while lines and PAGE_NUMBER.fullmatch(lines[-1]):
        lines.pop()
    while lines and PAGE_NUMBER.fullmatch(lines[0]):
        lines.pop(0)
    return lines


def _open(path: Path) -> PdfReader:
    data = read_bytes(path)
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise _encrypted(path)
        page_count = len(reader.pages)
    except BriefingError:
        raise
    except DependencyError as exc:  # AES encryption needs the optional "cryptography" package
        raise _encrypted(path) from exc
    except Exception as exc:  # pypdf signals damage with many exception types
        raise _damaged(path, encrypted="encrypt" in str(exc).lower()) from exc
    if page_count > MAX_PDF_PAGES:
        raise BriefingError(
            f"PDF quá dài ({page_count} trang); giới hạn là {MAX_PDF_PAGES} trang.",
            f"The PDF is too long ({page_count} pages); the limit is {MAX_PDF_PAGES} pages.",
            path=path,
        )
    return reader


def _page_texts(reader: PdfReader, path: Path) -> list[str]:
    """Text of each page; a page pypdf cannot read counts as empty unless all of them fail."""
    started = time.monotonic()
    texts: list[str] = []
    failures = 0
    for page in reader.pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one damaged page should not lose the rest
            failures += 1
            texts.append("")
        if time.monotonic() - started > PDF_TIME_BUDGET_S:
            raise _too_complex(path)
    if texts and failures == len(texts):
        raise _damaged(path)
    return texts


def _metadata(reader: PdfReader) -> tuple[str, str]:
    try:
        info = reader.metadata
        if info is None:
            return "", ""
        return clean_line(str(info.title or "")), clean_line(str(info.author or ""))
    except Exception:  # metadata is optional; a damaged info dictionary is not worth an error
        return "", ""


def _too_complex(path: Path) -> BriefingError:
    return BriefingError(
        "PDF quá phức tạp: đọc chữ mất quá nhiều thời gian.",
        "The PDF is too complex: extracting its text takes too long.",
        path=path,
    )


def _encrypted(path: Path) -> BriefingError:
    return BriefingError(
        "PDF được bảo vệ bằng mật khẩu: hãy mở bằng trình đọc PDF, nhập mật khẩu và lưu một "
        "bản không mật khẩu.",
        "The PDF is password-protected: open it in a PDF reader, enter the password and save "
        "a copy without one.",
        path=path,
    )


def _damaged(path: Path, encrypted: bool = False) -> BriefingError:
    if encrypted:
        return _encrypted(path)
    return BriefingError(
        "Tệp PDF bị hỏng hoặc không phải PDF.",
        "The PDF is damaged or is not a PDF.",
        path=path,
    )
