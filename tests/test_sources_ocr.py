"""Scanned PDFs and images read by Tesseract OCR: text, figures, progress, cancel, cache, limits.

The scans are made here (tests/scans.py renders Vietnamese with the bundled font at 300 dpi).
Tests that need Tesseract with its Vietnamese model skip, saying so, when it is missing;
CI installs it (.ci/run). The tests of the missing-program message run everywhere: PATH is
pointed at an empty folder, which is what a machine without Tesseract looks like.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from briefing_studio.analysis import analyze
from briefing_studio.errors import BriefingError, Cancelled
from briefing_studio.sources import SourceDocument, load_source
from briefing_studio.sources.ocr import MAX_IMAGE_PIXELS, check_tesseract
from scans import render_page, scanned_pdf
from writer_fixtures import docx_paragraph_texts, normalise, pdf_page_texts

PAGE_1 = [
    "Báo cáo kết quả hợp tác kinh tế năm 2024",
    "Trong năm, hai bên đã ký kết hơn 170 thỏa thuận hợp tác trong các lĩnh vực thương mại, "
    "đầu tư và giáo dục.",
    "Tổng vốn đầu tư đăng ký của các doanh nghiệp đạt trên 12,4 tỷ USD.",
]
PAGE_2 = [
    "Ngân sách tỉnh đã bố trí 4.814 tỷ đồng cho các công trình hạ tầng giao thông.",
    "Đề nghị các sở, ngành tiếp tục theo dõi và báo cáo định kỳ.",
]


def tesseract_missing() -> str:
    try:
        check_tesseract()
    except BriefingError as exc:
        return f"Tesseract with its Vietnamese model is not installed: {exc.message_en}"
    return ""


needs_tesseract = pytest.mark.skipif(bool(tesseract_missing()), reason=tesseract_missing())


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user folder of the test's own, so the OCR cache starts empty."""
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def without_programs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH with no programs on it (and no Windows program folders)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))
    for variable in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scanned_pdf(tmp_path_factory.mktemp("scan") / "bao-cao-quet.pdf", [PAGE_1, PAGE_2])


@needs_tesseract
def test_scanned_two_page_pdf_reads_back_with_its_figures(scan: Path) -> None:
    pages: list[tuple[int, int]] = []

    source = load_source(scan, progress=lambda done, total: pages.append((done, total)))

    assert (source.format, source.name, source.ocr) == ("pdf", "bao-cao-quet.pdf", True)
    assert [words(block.text) for block in source.blocks] == PAGE_1 + PAGE_2
    assert pages == [(0, 2), (1, 2), (2, 2)]
    figures = analyze(source).figures

    def figure(surface: str):
        return next(f for f in figures if f.surface.startswith(surface))

    count = figure("hơn 170 thỏa thuận")
    assert (count.kind, count.value, count.qualifier) == ("count", 170, "hơn")
    money = figure("trên 12,4 tỷ USD")
    assert (money.kind, money.value, money.unit) == ("money", 12.4e9, "USD")
    assert money.qualifier == "trên"
    budget = figure("4.814 tỷ đồng")
    assert (budget.kind, budget.value) == ("money", 4_814e9)


@needs_tesseract
def test_a_paragraph_running_over_a_page_break_is_one_block(tmp_path: Path) -> None:
    first = "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực thương mại, đầu tư,"
    second = "giáo dục và du lịch trong giai đoạn tới."
    path = scanned_pdf(tmp_path / "qua-trang.pdf", [[PAGE_1[0], first], [second, PAGE_2[1]]])

    source = load_source(path)

    assert [words(b.text) for b in source.blocks] == [PAGE_1[0], f"{first} {second}", PAGE_2[1]]


@needs_tesseract
def test_a_scan_renders_into_a_briefing_docx_and_pdf(scan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "BRIEFING_STUDIO_HOME": str(tmp_path / "home")}
    options = ["--select", "all", "--out", str(out), "--name", "tu-ban-quet"]
    result = subprocess.run(
        [sys.executable, "-m", "briefing_studio", "render", str(scan), *options],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdf = normalise(" ".join(pdf_page_texts((out / "tu-ban-quet.pdf").read_bytes())))
    docx_text = normalise(" ".join(docx_paragraph_texts((out / "tu-ban-quet.docx").read_bytes())))
    for figure in ("hơn 170 thỏa thuận", "trên 12,4 tỷ USD", "4.814 tỷ đồng"):
        assert normalise(figure) in pdf and normalise(figure) in docx_text


@needs_tesseract
def test_second_open_comes_from_the_cache_without_tesseract(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_source(scan)
    without_programs(monkeypatch, tmp_path)
    started = time.monotonic()

    again = load_source(scan)

    assert time.monotonic() - started < 1.0
    assert again.blocks == first.blocks and again.ocr


@needs_tesseract
def test_cancel_stops_after_the_current_page_and_keeps_nothing(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[int] = []
    with pytest.raises(Cancelled):
        load_source(
            scan, progress=lambda done, total: pages.append(done), cancelled=lambda: 1 in pages
        )
    assert pages == [0, 1]
    without_programs(monkeypatch, tmp_path)
    with pytest.raises(BriefingError, match="tesseract-ocr-vie"):
        load_source(scan)  # nothing was cached: the scan must be read again


@needs_tesseract
@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_photo_of_a_page_is_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"anh-chup{suffix}"
    render_page(PAGE_2).save(path, dpi=(300, 300))

    source = load_source(path)

    assert (source.format, source.ocr) == ("image", True)
    assert [words(block.text) for block in source.blocks] == PAGE_2


@needs_tesseract
def test_a_phone_photo_stored_sideways_is_turned_by_its_exif_orientation(tmp_path: Path) -> None:
    path = tmp_path / "dien-thoai.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90° clockwise to show": the pixels lie a quarter-turn back
    render_page(PAGE_2).rotate(90, expand=True).save(path, exif=exif)

    source = load_source(path)

    assert [words(block.text) for block in source.blocks] == PAGE_2


@needs_tesseract
def test_each_frame_of_a_tiff_is_a_page(tmp_path: Path) -> None:
    path = tmp_path / "ban-fax.tiff"
    first, second = render_page(PAGE_1), render_page(PAGE_2)
    first.save(path, save_all=True, append_images=[second], dpi=(300, 300), compression="tiff_lzw")
    pages: list[tuple[int, int]] = []

    source = load_source(path, progress=lambda done, total: pages.append((done, total)))

    assert [words(block.text) for block in source.blocks] == PAGE_1 + PAGE_2
    assert pages[-1] == (2, 2)


@needs_tesseract
def test_blurred_words_are_marked_as_uncertain(tmp_path: Path) -> None:
    page = render_page(["Tổng vốn đầu tư đạt 12,4 tỷ USD trong năm nay"])
    box = (300 + 520, 300, 300 + 1100, 360)  # "12,4 tỷ USD" on the first line
    page.paste(page.crop(box).filter(ImageFilter.GaussianBlur(3)), box)
    path = tmp_path / "mo.png"
    page.save(path)

    block = load_source(path).blocks[0]

    marked = [block.text[start:end] for start, end in block.uncertain]
    assert marked, block.text
    assert all(word and " " not in word for word in marked)  # whole words, nothing else
    for start, end in block.uncertain:
        assert start == 0 or block.text[start - 1] == " "
        assert end == len(block.text) or block.text[end] == " "
    assert not {"Tổng", "vốn", "năm", "nay"} & set(marked)
    source = load_source(path)
    assert SourceDocument.from_json(source.to_json()).blocks == source.blocks  # kept in projects
    # A passage taken from the block (a section) finds its own spans.
    assert source.uncertain_in(block.text) == list(block.uncertain)
    first = block.uncertain[0][0]
    assert source.uncertain_in(block.text[first:])[0] == (0, block.uncertain[0][1] - first)
    assert source.uncertain_in("Tổng vốn") == []


@needs_tesseract
def test_capital_d_with_stroke_is_read_as_the_vietnamese_letter(tmp_path: Path) -> None:
    line = "Cơ quan đại diện (CQĐD) và Đoàn ĐBQH tỉnh Đồng Nai."
    path = tmp_path / "chu-d.png"
    render_page([line]).save(path)
    assert [block.text for block in load_source(path).blocks] == [line]


def test_without_tesseract_the_message_says_what_to_install(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_programs(monkeypatch, tmp_path)
    image = tmp_path / "anh.png"
    render_page(["Một dòng chữ."]).save(image)
    for path in (scan, image):
        with pytest.raises(BriefingError) as caught:
            load_source(path)
        error = caught.value
        assert path.name in error.message("vi") and path.name in error.message("en")
        for message in (error.message_vi, error.message_en):
            assert "sudo apt install tesseract-ocr tesseract-ocr-vie" in message
            assert "UB Mannheim" in message and "PATH" in message


@needs_tesseract
def test_without_the_vietnamese_model_the_message_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "tessdata"
    empty.mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(empty))  # Tesseract finds no language at all
    image = tmp_path / "anh.png"
    render_page(["Một dòng chữ."]).save(image)
    with pytest.raises(BriefingError) as caught:
        load_source(image)
    assert "tesseract-ocr-vie" in caught.value.message_en
    assert "tiếng Việt" in caught.value.message_vi


def png_header(path: Path, width: int, height: int) -> Path:
    """A tiny PNG file that declares a ``width`` × ``height`` grey image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


@pytest.mark.parametrize("size", [(12_000, 10_000), (40_000, 40_000)], ids=["large", "bomb"])
def test_images_over_the_pixel_limit_are_refused_before_decoding(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    assert size[0] * size[1] > MAX_IMAGE_PIXELS
    path = png_header(tmp_path / "bom.png", *size)
    assert os.path.getsize(path) < 1000
    with pytest.raises(BriefingError) as caught:
        load_source(path)
    assert "too large" in caught.value.message_en
    assert "bom.png" in caught.value.message("vi")


def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khong-phai-anh.jpg"
    path.write_text("Đây là văn bản, không phải ảnh.", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_source(path)
    assert "not a PNG, JPEG or TIFF" in caught.value.message_en


def test_a_table_read_by_ocr_keeps_its_unsure_words_marked() -> None:
    """Tesseract's words (as its TSV lists them) laid out in rows: the table's cells, and the
    word it was unsure of marked inside the table's text."""
    from briefing_studio.sources.ocr import _page_blocks

    table = [
        ["Chỉ tiêu", "Năm 2023", "Năm 2024"],
        ["Kim ngạch xuất khẩu", "10,2", "12,4"],
        ["Kim ngạch nhập khẩu", "8,1", "9,7"],
    ]
    rows: list[list[str]] = []
    for number, cells in enumerate([[PAGE_2[1]], *table], start=1):
        top = 300 + 75 * number
        rows.append(["4", "1", str(number), "1", "1", "0", "300", str(top), "0", "40", "-1", ""])
        for left, cell in zip((300, 1240, 1710), cells, strict=False):
            for word in cell.split():
                unsure = word == "12,4"
                conf = "41.5" if unsure else "96.2"
                rows.append(["5", "1", str(number), "1", "1", "1", str(left), str(top), ""])
                rows[-1][8:] = [str(20 * len(word)), "40", conf, word]
                left += 20 * len(word) + 14
    prose, block = _page_blocks(rows)

    assert prose.kind == "paragraph" and prose.text == PAGE_2[1]
    assert block.kind == "table" and block.table is not None
    texts = [[c.text for c in block.table.row_cells(r)] for r in range(block.table.n_rows)]
    assert texts == table
    assert [block.text[a:b] for a, b in block.uncertain] == ["12,4"]


@needs_tesseract
def test_a_scanned_table_going_on_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    header = ["Chỉ tiêu", "Năm 2023", "Năm 2024"]
    first = [header, ["Kim ngạch xuất khẩu", "10,2", "12,4"], ["Kim ngạch nhập khẩu", "8,1", "9,7"]]
    second = [header, ["Vốn đầu tư đăng ký", "3,6", "4,1"], ["Vốn đầu tư thực hiện", "2,2", "2,9"]]
    caption = "Bảng 1. Một số chỉ tiêu chủ yếu (Đơn vị: tỷ USD)"
    path = scanned_pdf(tmp_path / "bang-hai-trang.pdf", [[caption, first], [second, PAGE_2[1]]])

    source = load_source(path)

    table, after = source.blocks
    assert table.table is not None and table.table.caption == caption
    cells = [[c.text for c in table.table.row_cells(r)] for r in range(table.table.n_rows)]
    assert cells == first + second[1:]  # the repeated header once
    assert after.kind == "paragraph" and after.text == PAGE_2[1]


def test_unsure_words_of_a_table_continued_over_a_page_break_stay_marked() -> None:
    from briefing_studio.sources.model import Block
    from briefing_studio.sources.ocr import _continued
    from briefing_studio.sources.tables import build_table, continue_table

    header = [("Chỉ tiêu", 1, 1, True), ("Năm 2024", 1, 1, True)]
    first = build_table([header, [("Xuất khẩu", 1, 1, False), ("12,4", 1, 1, False)]])
    second = build_table([header, [("Nhập khẩu", 1, 1, False), ("9,7", 1, 1, False)]])
    assert first is not None and second is not None
    at, on = first.text.index("12,4"), second.text.index("9,7")
    joined = continue_table(first, second)
    assert joined is not None

    block = _continued(
        Block.of_table(first, ((at, at + 4),)),
        Block.of_table(second, ((0, 3), (on, on + 3))),  # "Chỉ" in the repeated header
        joined,
    )

    assert [block.text[a:b] for a, b in block.uncertain] == ["12,4", "9,7"]
