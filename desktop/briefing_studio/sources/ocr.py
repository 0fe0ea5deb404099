"""Scanned PDFs and images read with Tesseract OCR and its Vietnamese model, page by page.

Each page becomes a grey image (PDF pages rendered by pdfium at ``OCR_DPI``), Tesseract reads it
(``tsv`` output: words with their paragraph, line, place and confidence), and its paragraphs
become blocks; a table on the page (found by ``pdf_tables`` in the page's words laid out as
text) becomes a table block. Words read with a confidence below ``LOW_CONFIDENCE`` are kept as
spans on their block (``Block.uncertain``) so the source view can mark them: a figure read from
a scan must be checked.

Reading a page takes seconds, so the work reports ``progress(done, total)`` after each page,
asks ``cancelled()`` while Tesseract runs, stops a page after ``PAGE_TIMEOUT_S``, and keeps the
result in the user cache folder under the file's SHA-256: the same scan opens at once the
next time, even without Tesseract. Images larger than ``MAX_IMAGE_PIXELS`` are refused before
they are decoded (a small file can declare a gigantic image).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any, BinaryIO

from briefing_studio.atomic import atomic_write_text
from briefing_studio.errors import BriefingError, Cancelled
from briefing_studio.sources.guards import read_bytes
from briefing_studio.sources.limits import MAX_PDF_PAGES
from briefing_studio.sources.model import Block, SourceDocument, Table
from briefing_studio.sources.paragraphs import PAGE_NUMBER, SENTENCE_END
from briefing_studio.sources.pdf_tables import may_hold_table, table_runs
from briefing_studio.sources.programs import ProgramTimeout, find_program, run_program
from briefing_studio.sources.tables import attach_captions, continue_table
from briefing_studio.textutil import clean_line

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

LANGUAGE = "vie"
OCR_DPI = 300  # Tesseract reads body text best at 300 dpi; more is slower, not better
LOW_CONFIDENCE = 70  # Tesseract's word confidence (0–100) below which a word is marked
PAGE_TIMEOUT_S = 180.0  # one page normally takes a few seconds (bench/bench_ocr.py)
# An A3 page scanned at 600 dpi is 70 million pixels; a larger image is not a page, and one
# decoded 8-bit grey costs its pixel count in bytes of memory (Tesseract keeps several copies).
MAX_IMAGE_PIXELS = 100_000_000
# Words further apart than this many letter widths are in different cells of a table row.
_CELL_GAP = 2.5
_CACHE_VERSION = 2  # bump when the blocks made from Tesseract's output change
# Where installers put it when PATH does not say: UB Mannheim's (for all users, or per user
# under LOCALAPPDATA), and Homebrew's, which a macOS app started from Finder does not see.
_INSTALL_DIRS = ("Tesseract-OCR", "Programs/Tesseract-OCR") + (
    ("/opt/homebrew/bin", "/usr/local/bin") if sys.platform == "darwin" else ()
)
# Tesseract's Vietnamese model reads a capital "Đ" inside a word ("CQĐD") as "ĐÐ" or as the
# Icelandic "Ð" (U+00D0), a letter Vietnamese never uses (seen on our test scans).
_ETH = "\u00d0"

_INSTALL_VI = (
    "Linux: sudo apt install tesseract-ocr tesseract-ocr-vie. Windows: cài Tesseract bằng bộ "
    "cài của UB Mannheim (github.com/UB-Mannheim/tesseract/wiki), chọn thêm ngôn ngữ "
    "Vietnamese, rồi thêm thư mục cài đặt (C:\\Program Files\\Tesseract-OCR) vào PATH."
)
_INSTALL_EN = (
    "Linux: sudo apt install tesseract-ocr tesseract-ocr-vie. Windows: install Tesseract with "
    "the UB Mannheim installer (github.com/UB-Mannheim/tesseract/wiki), tick the Vietnamese "
    "language, then add its folder (C:\\Program Files\\Tesseract-OCR) to PATH."
)


def ocr_pdf(
    path: Path, progress: Progress | None = None, cancelled: Cancel | None = None
) -> SourceDocument:
    """A scanned PDF's text by OCR of each page."""
    data = read_bytes(path)
    return _recognise(path, data, "pdf", lambda: _pdf_pages(path, data), progress, cancelled)


def ocr_image(
    path: Path, progress: Progress | None = None, cancelled: Cancel | None = None
) -> SourceDocument:
    """An image's text by OCR (each frame of a multi-page TIFF is a page)."""
    data = read_bytes(path)
    return _recognise(path, data, "image", lambda: _image_pages(path), progress, cancelled)


def find_tesseract() -> str | None:
    """The Tesseract program on PATH or in its usual install folders, else ``None``."""
    return find_program(("tesseract",), _INSTALL_DIRS)


def check_tesseract(path: Path | None = None) -> str:
    """The Tesseract program, after making sure it has the Vietnamese model; otherwise a
    ``BriefingError`` saying what to install."""
    program = find_tesseract()
    if program is None:
        vi, en = _what(path)
        raise BriefingError(
            f"{vi}: cần chương trình nhận dạng chữ (OCR) Tesseract có gói tiếng Việt để đọc. "
            f"{_INSTALL_VI}",
            f"{en}: reading it needs the Tesseract OCR program with its Vietnamese language. "
            f"{_INSTALL_EN}",
            path=path,
        )
    if LANGUAGE not in _languages(program):
        raise BriefingError(
            "Tesseract đã được cài nhưng thiếu gói tiếng Việt (vie). Linux: sudo apt install "
            "tesseract-ocr-vie. Windows: chạy lại bộ cài UB Mannheim và chọn Vietnamese.",
            "Tesseract is installed but lacks its Vietnamese language (vie). Linux: sudo apt "
            "install tesseract-ocr-vie. Windows: run the UB Mannheim installer again and tick "
            "Vietnamese.",
            path=path,
        )
    return program


def _what(path: Path | None) -> tuple[str, str]:
    """What kind of file needs OCR, for the start of a message."""
    if path is not None and path.suffix.lower() == ".pdf":
        return (
            "PDF không có lớp chữ (có lẽ là bản quét/ảnh chụp)",
            "The PDF has no text layer (it is probably a scan or photos)",
        )
    return "Tệp này là ảnh", "This file is an image"


def _languages(program: str) -> frozenset[str]:
    try:
        result = run_program([program, "--list-langs"], timeout_s=30)
    except (OSError, ProgramTimeout):
        return frozenset()
    lines = (result.stdout + result.stderr).decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


# ---- the work ----------------------------------------------------------------------------------


def _recognise(
    path: Path,
    data: bytes,
    format: str,
    pages: Callable[[], tuple[int, Iterator[Callable[[BinaryIO], None]]]],
    progress: Progress | None,
    cancelled: Cancel | None,
) -> SourceDocument:
    """Blocks from the cache, else from Tesseract page by page (then cached)."""
    cache_file = _cache_file(data)
    blocks = _cached_blocks(cache_file)
    if blocks is None:
        total, savers = pages()  # a damaged or oversized file is said so first
        program = check_tesseract(path)
        blocks = []
        if progress is not None:
            progress(0, total)
        for done, save in enumerate(savers, start=1):
            if cancelled is not None and cancelled():
                raise Cancelled
            image = io.BytesIO()
            save(image)
            page = _page_blocks(_tesseract(program, image.getvalue(), path, done, cancelled))
            if blocks and page and _continues(blocks[-1], page[0]):
                blocks[-1] = _joined(blocks[-1], page.pop(0))
            elif blocks and page and blocks[-1].table and page[0].table:
                joined = continue_table(blocks[-1].table, page[0].table)
                if joined is not None:  # the same table going on over a page break
                    blocks[-1] = _continued(blocks[-1], page.pop(0), joined)
            blocks += page
            if progress is not None:
                progress(done, total)
        blocks = attach_captions(blocks)
        _store(cache_file, blocks)
    if not blocks:
        vi, en = _what(path)
        raise BriefingError(
            f"{vi} và nhận dạng chữ (OCR) không thấy chữ nào (ảnh quá mờ, chữ quá nhỏ, hoặc "
            "không có chữ).",
            f"{en} and text recognition (OCR) found no text in it (too blurred, letters too "
            "small, or no text).",
            path=path,
        )
    return SourceDocument(
        path=str(path),
        name=path.name,
        format=format,
        encoding=None,
        blocks=tuple(blocks),
        ocr=True,
    )


def _tesseract(
    program: str, image: bytes, path: Path, page: int, cancelled: Cancel | None
) -> list[list[str]]:
    """Tesseract's TSV rows for one page image (PNG bytes).

    The image goes in on standard input: Tesseract on Windows cannot open a file whose path
    has letters outside the system code page (a temporary folder under "C:\\Users\\Nguyễn").
    """
    command = [program, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"]
    try:
        # One thread: OpenMP's threads slow Tesseract down, not up (a full A4 page on 2 busy
        # cores: 4.2 s with one thread, 11.2 s with its default).
        result = run_program(
            command, PAGE_TIMEOUT_S, cancelled, env={"OMP_THREAD_LIMIT": "1"}, input=image
        )
    except ProgramTimeout:
        raise BriefingError(
            f"Nhận dạng chữ trang {page} quá lâu (hơn {PAGE_TIMEOUT_S:.0f} giây); đã dừng.",
            f"Recognising page {page} took too long (over {PAGE_TIMEOUT_S:.0f} s); stopped.",
            path=path,
        ) from None
    except OSError as exc:
        raise BriefingError(
            f"Không chạy được Tesseract ({exc}). {_INSTALL_VI}",
            f"Tesseract could not be started ({exc}). {_INSTALL_EN}",
            path=path,
        ) from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise BriefingError(
            f"Tesseract không đọc được trang {page}: {detail[0]}",
            f"Tesseract could not read page {page}: {detail[0]}",
            path=path,
        )
    rows = result.stdout.decode("utf-8", "replace").splitlines()[1:]
    return [row.split("\t") for row in rows]


@dataclass
class _Word:
    """A word as Tesseract read it: its text, confidence, place and the paragraph and line it
    put it in."""

    text: str
    confidence: float
    left: int
    width: int
    paragraph: tuple[str, str, str]
    line: tuple[str, str, str, str]


@dataclass
class _Paragraph:
    """A paragraph as Tesseract found it: words with confidences, where its lines are."""

    words: list[tuple[str, float]] = field(default_factory=list)
    top: int = 0  # of its first line, in pixels
    bottom: int = 0  # of its last line
    line_height: int = 0  # of its tallest line

    def text(self) -> str:
        return " ".join(word for word, _ in self.words)


def _page_blocks(rows: list[list[str]]) -> list[Block]:
    """Tesseract's paragraphs as blocks: words joined by spaces, low-confidence words kept as
    spans; a lone page number at the top or bottom dropped; tables (``_page_tables``) as
    table blocks in place of their words.

    Tesseract starts a new paragraph at a short last line ("đầu tư và giáo dục." alone); a
    paragraph that does not end a sentence and is followed at ordinary line spacing (not
    after a blank line) is joined with the next one.
    """
    lines: dict[tuple[str, str, str, str], tuple[int, int]] = {}  # line: (top, height)
    words: list[_Word] = []
    for row in rows:
        if len(row) < 12 or row[0] not in ("4", "5"):  # 4: a line, 5: a word
            continue
        line = (row[1], row[2], row[3], row[4])
        if row[0] == "4":
            lines[line] = (int(row[7]), int(row[9]))
            continue
        word = clean_line(row[11]).replace("Đ" + _ETH, "Đ").replace(_ETH, "Đ")
        if word:
            try:
                confidence = float(row[10])
            except ValueError:
                confidence = 0.0
            words.append(_Word(word, confidence, int(row[6]), int(row[8]), line[:3], line))
    tables = _page_tables(words, lines)
    in_table = {id(word) for _, used, _ in tables for word in used}
    found: dict[tuple[str, str, str], tuple[int, _Paragraph]] = {}
    for number, word in enumerate(words):
        if id(word) in in_table:
            continue
        _, paragraph = found.setdefault(word.paragraph, (number, _Paragraph()))
        top, height = lines.get(word.line, (0, 0))
        if not paragraph.words:
            paragraph.top = top
        paragraph.bottom = max(paragraph.bottom, top + height)
        paragraph.line_height = max(paragraph.line_height, height)
        paragraph.words.append((word.text, word.confidence))
    items = sorted([*found.values(), *((first, block) for first, _, block in tables)], key=_first)
    blocks: list[Block] = []
    previous: _Paragraph | None = None
    for _, item in items:
        if isinstance(item, Block):
            blocks.append(item)
            previous = None
        elif (
            previous is not None
            and not SENTENCE_END.search(previous.text())
            and item.top - previous.bottom < 0.8 * max(previous.line_height, 1)
        ):
            previous.words += item.words
            previous.bottom = item.bottom
            blocks[-1] = _block(previous.words)
        else:
            blocks.append(_block(item.words))
            previous = item
    if blocks and PAGE_NUMBER.fullmatch(blocks[-1].text):
        blocks.pop()
    if blocks and PAGE_NUMBER.fullmatch(blocks[0].text):
        blocks.pop(0)
    return blocks


def _first(item: tuple[int, object]) -> int:
    return item[0]


def _page_tables(
    words: list[_Word], lines: dict[tuple[str, str, str, str], tuple[int, int]]
) -> list[tuple[int, list[_Word], Block]]:
    """The tables on a page, found by ``pdf_tables`` in the page laid out as text: each
    visual row (Tesseract's lines at the same height, as it may read a table's columns as
    separate blocks) one line, each word at the column its left edge is at (in median letter
    widths), words closer than ``_CELL_GAP`` letters apart one space from each other.
    Each table with the index of its first word, its words and its block."""
    if not words:
        return []
    letter = max(1.0, median(w.width / len(w.text) for w in words))
    by_line: dict[tuple[str, str, str, str], list[_Word]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    visual: list[tuple[int, int, list[_Word]]] = []  # top, bottom, words
    for line in sorted(by_line, key=lambda k: _middle(lines.get(k, (0, 0)))):
        top, height = lines.get(line, (0, 0))
        middle = _middle((top, height))
        if visual and visual[-1][0] <= middle <= visual[-1][1]:
            visual[-1][2].extend(by_line[line])
        else:
            visual.append((top, top + height, list(by_line[line])))
    rows = [sorted(row, key=lambda w: w.left) for _, _, row in visual]
    plain = "\n".join(" ".join(w.text for w in row) for row in rows)
    if not may_hold_table(plain):
        return []
    laid_out = []
    for row in rows:
        text, right = "", None
        for word in row:
            if right is not None and word.left - right < _CELL_GAP * letter:
                text += " "
            elif text:
                text += " " * max(3, round(word.left / letter) - len(text))
            else:
                text = " " * round(word.left / letter)
            text += word.text
            right = word.left + word.width
        laid_out.append(text)
    tables = []
    order = {id(word): number for number, word in enumerate(words)}
    for start, end, table in table_runs(laid_out):
        used = [word for row in rows[start:end] for word in row]
        first = min(order[id(word)] for word in used)
        tables.append((first, used, Block.of_table(table, _table_uncertain(table, used))))
    return tables


def _middle(line: tuple[int, int]) -> float:
    top, height = line
    return top + height / 2


def _table_uncertain(table: Table, words: list[_Word]) -> tuple[tuple[int, int], ...]:
    """Spans of ``table.text`` holding words read with low confidence: each word of a cell
    is the first unused word of the table with its text."""
    unused = list(words)
    spans = []
    for _, start, _end in table.cell_spans():
        text = table.text[start:_end]
        offset = 0
        for token in text.split(" "):
            match = next((w for w in unused if w.text == token), None)
            if match is not None:
                unused.remove(match)
                if 0 <= match.confidence < LOW_CONFIDENCE:
                    spans.append((start + offset, start + offset + len(token)))
            offset += len(token) + 1
    return tuple(spans)


def _continues(last: Block, first: Block) -> bool:
    """A page's first paragraph continues the previous page's last one: that one stops
    mid-sentence and this one starts with a small letter."""
    return (
        last.kind == first.kind == "paragraph"
        and not SENTENCE_END.search(last.text)
        and first.text[:1].islower()
    )


def _continued(last: Block, first: Block, joined: Table) -> Block:
    """The table ``joined`` from ``last`` and its continuation ``first``, with the uncertain
    spans of both: the continuation's body rows are the end of the joined table's text."""
    shift = len(joined.text) - len(first.text)
    spans = [*last.uncertain]
    spans += [(a + shift, b + shift) for a, b in first.uncertain if a + shift > len(last.text)]
    return Block.of_table(joined, tuple(spans))


def _joined(last: Block, first: Block) -> Block:
    shift = len(last.text) + 1
    spans = (*last.uncertain, *((start + shift, end + shift) for start, end in first.uncertain))
    return Block(f"{last.text} {first.text}", uncertain=spans)


def _block(words: list[tuple[str, float]]) -> Block:
    text, spans = "", []
    for word, confidence in words:
        if text:
            text += " "
        if 0 <= confidence < LOW_CONFIDENCE:
            spans.append((len(text), len(text) + len(word)))
        text += word
    return Block(text, uncertain=tuple(spans))


# ---- page images -------------------------------------------------------------------------------


def _pdf_pages(path: Path, data: bytes) -> tuple[int, Iterator[Callable[[BinaryIO], None]]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
        count = len(document)
    except Exception as exc:  # pdfium raises PdfiumError and others on a damaged file
        raise BriefingError(
            "Tệp PDF bị hỏng hoặc không phải PDF.", "The PDF is damaged or is not a PDF.", path=path
        ) from exc
    if count > MAX_PDF_PAGES:
        raise _too_many_pages(path, count)

    def savers() -> Iterator[Callable[[BinaryIO], None]]:
        try:
            for index in range(count):
                yield lambda target, index=index: _save_pdf_page(document[index], target)
        finally:
            document.close()

    return count, savers()


def _save_pdf_page(page: Any, target: BinaryIO) -> None:
    """One pdfium page as a grey PNG at ``OCR_DPI`` (smaller for a poster-sized page)."""
    width, height = page.get_size()  # points
    scale = OCR_DPI / 72
    pixels = width * height * scale * scale
    if pixels > MAX_IMAGE_PIXELS:
        scale *= (MAX_IMAGE_PIXELS / pixels) ** 0.5
    page.render(scale=scale, grayscale=True).to_pil().save(target, "PNG", compress_level=1)


def _image_pages(path: Path) -> tuple[int, Iterator[Callable[[BinaryIO], None]]]:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # Pillow warns about sizes we check ourselves below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)  # reads the header only: sizes are known before decoding
        count = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours
        raise _too_many_pixels(path) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise BriefingError(
            "Tệp ảnh bị hỏng hoặc không phải ảnh PNG/JPEG/TIFF.",
            "The image is damaged or is not a PNG, JPEG or TIFF image.",
            path=path,
        ) from exc
    if count > MAX_PDF_PAGES:
        raise _too_many_pages(path, count)
    if image.size[0] * image.size[1] > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(path, f"{image.size[0]}×{image.size[1]}")

    def savers() -> Iterator[Callable[[BinaryIO], None]]:
        try:
            for index in range(count):
                yield lambda target, index=index: _save_frame(path, image, index, target)
        finally:
            image.close()

    return count, savers()


def _save_frame(path: Path, image: Any, index: int, target: BinaryIO) -> None:
    """Frame ``index`` of an image as a grey PNG, after checking its size."""
    from PIL import ImageOps

    try:
        image.seek(index)
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise _too_many_pixels(path, f"{width}×{height}")
        ImageOps.exif_transpose(image).convert("L").save(target, "PNG", compress_level=1)
    except BriefingError:
        raise
    except Exception as exc:  # Pillow raises many kinds on a truncated image
        raise BriefingError(
            "Tệp ảnh bị hỏng hoặc không đọc được.",
            "The image is damaged or cannot be decoded.",
            path=path,
        ) from exc


def _too_many_pixels(path: Path, size: str = "") -> BriefingError:
    millions = MAX_IMAGE_PIXELS // 1_000_000
    vi, en = (f" ({size} điểm ảnh)", f" ({size} pixels)") if size else ("", "")
    return BriefingError(
        f"Ảnh quá lớn{vi}; giới hạn là {millions} triệu điểm ảnh.",
        f"The image is too large{en}; the limit is {millions} million pixels.",
        path=path,
    )


def _too_many_pages(path: Path, count: int) -> BriefingError:
    return BriefingError(
        f"Tệp quá dài ({count} trang); giới hạn là {MAX_PDF_PAGES} trang.",
        f"The file is too long ({count} pages); the limit is {MAX_PDF_PAGES} pages.",
        path=path,
    )


# ---- cache -------------------------------------------------------------------------------------


def _cache_file(data: bytes) -> Path | None:
    from briefing_studio.paths import user_cache_dir

    digest = hashlib.sha256(data).hexdigest()
    try:
        folder = user_cache_dir() / "ocr"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # no cache folder: OCR still works, only not remembered
    return folder / f"{digest}-{LANGUAGE}-{OCR_DPI}-v{_CACHE_VERSION}.json"


def _cached_blocks(cache_file: Path | None) -> list[Block] | None:
    if cache_file is None or not cache_file.is_file():
        return None
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        return [Block.from_json(item) for item in data["blocks"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged entry is read again from the scan


def _store(cache_file: Path | None, blocks: list[Block]) -> None:
    if cache_file is None:
        return
    try:
        text = json.dumps({"blocks": [b.to_json() for b in blocks]}, ensure_ascii=False)
        atomic_write_text(cache_file, text)
    except (OSError, BriefingError) as exc:  # the result is still returned, just not kept
        log.warning("OCR cache not written: %s", exc)
