"""PDF sources: the text layer re-joined into paragraphs; locked files refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from briefing_studio.errors import BriefingError
from briefing_studio.paths import fonts_dir, seed_files
from briefing_studio.sources import load_source
from briefing_studio.sources.paragraphs import merge_wrapped_lines

FONT = "BriefingTestSerif"


@pytest.fixture(scope="module", autouse=True)
def _font() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(fonts_dir() / "LiberationSerif-Regular.ttf")))


def seed_lines(index: int) -> list[str]:
    return [line for line in seed_files()[index].read_text("utf-8").split("\n") if line]


def number_page(drawing: canvas.Canvas, _document: object) -> None:
    drawing.setFont(FONT, 10)
    drawing.drawCentredString(A4[0] / 2, 30, str(drawing.getPageNumber()))


def make_pdf(path: Path, lines: list[str], **info: str) -> Path:
    """Body paragraphs wrap over several lines; short lines are set as headings; pages are
    numbered at the bottom."""
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=14, spaceAfter=8)
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=14, leading=18, spaceAfter=8)
    story = [Paragraph(line, heading if len(line) < 60 else body) for line in lines]
    SimpleDocTemplate(str(path), pagesize=A4, **info).build(
        story, onFirstPage=number_page, onLaterPages=number_page
    )
    return path


def blank_pdf(path: Path) -> Path:
    """A "scan": pages with shapes but no text, as an image-only PDF looks to pypdf."""
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        drawing.rect(100, 100, 300, 500, fill=1)
        drawing.showPage()
    drawing.save()
    return path


@pytest.mark.parametrize("index", [0, 1], ids=["bac-giang", "hoi-nghi-dai-su"])
def test_secretary_loads_pdf_report_back_into_its_paragraphs(tmp_path: Path, index: int) -> None:
    path = make_pdf(
        tmp_path / "bao-cao.pdf", seed_lines(index), title="Báo cáo NGKT", author="Sở Ngoại vụ"
    )
    reader = PdfReader(path)
    assert len(reader.pages) >= 2 or index == 1
    assert "1" in reader.pages[0].extract_text().split("\n")  # a page number to drop

    source = load_source(path)

    assert [block.text for block in source.blocks] == seed_lines(index)
    assert (source.format, source.name, source.encoding) == ("pdf", "bao-cao.pdf", None)
    assert (source.title, source.author) == ("Báo cáo NGKT", "Sở Ngoại vụ")


def test_pdf_without_text_layer_or_letters_says_ocr_found_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF without a text layer goes to OCR (tests/test_sources_ocr.py); shapes without
    letters are refused, naming the file; without Tesseract, the message says to install it."""
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    path = blank_pdf(tmp_path / "ban-quet.pdf")
    with pytest.raises(BriefingError, match="OCR") as caught:
        load_source(path)
    assert "ban-quet.pdf" in caught.value.message("vi")
    assert "OCR" in caught.value.message("vi")


def encrypt(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="RC4-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_password_protected_pdf_is_refused_clearly(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "goc.pdf", seed_lines(1))
    path = encrypt(plain, tmp_path / "mat-khau.pdf", user_password="bi-mat")
    with pytest.raises(BriefingError, match="password") as caught:
        load_source(path)
    assert "mat-khau.pdf" in caught.value.message("vi")
    assert "mật khẩu" in caught.value.message("vi")


def test_pdf_locked_only_against_editing_opens_with_empty_password(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "goc.pdf", seed_lines(1))
    path = encrypt(plain, tmp_path / "khoa-sua.pdf", user_password="")
    assert [block.text for block in load_source(path).blocks] == seed_lines(1)


@pytest.mark.parametrize(
    "content", [b"%PDF-1.4\n garbage \n%%EOF", b"not a pdf", b"%PDF-1.7\n1 0 obj << /Type"]
)
def test_damaged_pdf_is_refused_with_its_name(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(content)
    with pytest.raises(BriefingError) as caught:
        load_source(path)
    assert "hong.pdf" in caught.value.message("en")


def test_truncated_pdf_is_refused_or_read_never_crashes(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "goc.pdf", seed_lines(0)).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    try:
        source = load_source(path)
    except BriefingError as error:
        assert "cut.pdf" in error.message("vi")
    else:
        assert source.blocks


def test_wrapped_lines_join_into_paragraphs_and_headings_stay_apart() -> None:
    lines = [
        "Nâng cấp quan hệ 4 đối tác lớn",
        "Từ nửa cuối năm 2023 đến nay, Việt Nam đã nâng cấp quan hệ với bốn",
        "đối tác lớn là Mỹ, Trung Quốc, Nhật Bản, Úc; hợp tác kinh tế được mở rộng;",
        "khoa học công nghệ, bán dẫn, kinh tế xanh.",
        "Làm mới các động lực tăng trưởng",
        "Ông cũng yêu cầu tạo đột phá trong thu hút đầu tư các lĩnh vực mới như",
        "bán dẫn, AI.",
    ]
    assert merge_wrapped_lines(lines) == [
        "Nâng cấp quan hệ 4 đối tác lớn",
        "Từ nửa cuối năm 2023 đến nay, Việt Nam đã nâng cấp quan hệ với bốn đối tác lớn là Mỹ, "
        "Trung Quốc, Nhật Bản, Úc; hợp tác kinh tế được mở rộng; khoa học công nghệ, bán dẫn, "
        "kinh tế xanh.",
        "Làm mới các động lực tăng trưởng",
        "Ông cũng yêu cầu tạo đột phá trong thu hút đầu tư các lĩnh vực mới như bán dẫn, AI.",
    ]


def test_hyphen_at_line_end_is_removed_only_before_lower_case() -> None:
    long = "x" * 60
    assert merge_wrapped_lines([f"{long} the develop-", "ment of trade."]) == [
        f"{long} the development of trade."
    ]
    assert merge_wrapped_lines([f"{long} tình hình KT-", "XH năm 2024."]) == [
        f"{long} tình hình KT-XH năm 2024."
    ]
    assert merge_wrapped_lines([f"{long} đại dịch COVID-", "19 đã qua."]) == [
        f"{long} đại dịch COVID-19 đã qua."
    ]
    assert merge_wrapped_lines([f"{long} kinh tế -", "xã hội."]) == [f"{long} kinh tế - xã hội."]


def test_url_split_over_lines_is_joined_without_a_space() -> None:
    assert merge_wrapped_lines(
        ["x" * 60 + " Nguồn: https://bacgiang.gov.vn/tong-ket-c", "ong-tac"]
    ) == ["x" * 60 + " Nguồn: https://bacgiang.gov.vn/tong-ket-cong-tac"]
