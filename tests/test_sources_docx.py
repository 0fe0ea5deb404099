"""Word .docx sources: paragraphs, headings and tables (one block each) in order; damaged
files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.sources import Block, load_source
from briefing_studio.sources.model import Table, TableCell


def make_report(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Báo cáo ngoại giao kinh tế 2024"
    document.core_properties.author = "Văn phòng Sở Ngoại vụ"
    document.add_heading("Tổng kết công tác", level=0)  # the Title style
    document.add_heading("I. Kết quả nổi bật", level=1)
    document.add_paragraph("Năm 2024, công tác ngoại giao kinh tế được đẩy mạnh.")
    document.add_heading("1. Thu hút đầu tư", level=2)
    document.add_paragraph("Thu hút hơn 12,4 tỷ USD vốn đầu tư.", style="List Bullet")
    document.add_paragraph("   ")  # an empty paragraph is dropped
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Hơn 170 thỏa thuận"
    document.add_heading("Chi tiết", level=4)
    document.add_paragraph("Ngoại\u00a0giao\u200b  văn hóa.")
    document.save(str(path))
    return path


def test_secretary_loads_docx_report_with_headings_and_table(tmp_path: Path) -> None:
    source = load_source(make_report(tmp_path / "bao-cao.docx"))

    assert source.blocks == (
        Block("Tổng kết công tác", "heading", 1),
        Block("I. Kết quả nổi bật", "heading", 1),
        Block("Năm 2024, công tác ngoại giao kinh tế được đẩy mạnh."),
        Block("1. Thu hút đầu tư", "heading", 2),
        Block("Thu hút hơn 12,4 tỷ USD vốn đầu tư."),
        Block.of_table(
            Table(
                cells=(
                    TableCell("Chỉ tiêu", 0, 0),
                    TableCell("Kết quả", 0, 1),
                    TableCell("Hơn 170 thỏa thuận", 1, 0, cols=2),
                ),
                n_rows=2,
                n_cols=2,
            )
        ),
        Block("Chi tiết", "heading", 3),
        Block("Ngoại giao văn hóa."),
    )
    assert source.title == "Báo cáo ngoại giao kinh tế 2024"
    assert source.author == "Văn phòng Sở Ngoại vụ"
    assert (source.format, source.name, source.encoding) == ("docx", "bao-cao.docx", None)


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "trong.docx"
    docx.Document().save(str(path))
    with pytest.raises(BriefingError, match="empty") as caught:
        load_source(path)
    assert "trong.docx" in caught.value.message("vi")


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 truncated zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    ids=["text", "truncated-zip", "old-doc-renamed"],
)
def test_corrupt_docx_is_refused_with_its_name(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(content)
    with pytest.raises(BriefingError, match="damaged") as caught:
        load_source(path)
    assert "hong.docx" in caught.value.message("vi")
    assert "hong.docx" in caught.value.message("en")


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khong-phai-word.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(BriefingError, match=r"khong-phai-word\.docx"):
        load_source(path)


def test_docx_with_broken_xml_is_refused(tmp_path: Path) -> None:
    good = make_report(tmp_path / "goc.docx")
    path = tmp_path / "xml-hong.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(BriefingError, match=r"xml-hong\.docx"):
        load_source(path)


def test_zip_bomb_is_refused_before_python_docx_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_report(tmp_path / "bom.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * 3_000_000)  # compresses to ~3 KB
    assert path.stat().st_size < 100_000
    monkeypatch.setattr("briefing_studio.sources.docx_loader.MAX_UNPACKED_BYTES", 2_000_000)
    monkeypatch.setattr(
        "docx.Document", lambda *_args: pytest.fail("python-docx must not open a zip bomb")
    )

    with pytest.raises(BriefingError, match="unpacks to too much") as caught:
        load_source(path)
    assert "bom.docx" in caught.value.message("vi")
