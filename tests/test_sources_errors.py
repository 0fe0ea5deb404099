"""Every bad file a user can pick becomes one BriefingError that names the file."""

from __future__ import annotations

import os
import random
import struct
import zlib
from pathlib import Path
from typing import IO, Any

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.sources import MAX_BYTES, load_source


def refused(path: Path, **kwargs: str) -> BriefingError:
    """Load ``path`` expecting a BriefingError whose messages (both languages) name it."""
    with pytest.raises(BriefingError) as caught:
        load_source(path, **kwargs)
    error = caught.value
    assert path.name in error.message("vi")
    assert path.name in error.message("en")
    assert path.name in str(error)
    return error


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_missing_file(tmp_path: Path) -> None:
    for name in ("khong-co.txt", "khong-co.docx", "khong-co.pdf", "khong-co.xlsx"):
        assert "does not exist" in refused(tmp_path / name).message_en


def test_folder_picked_instead_of_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.txt"
    folder.mkdir()
    assert "folder" in refused(folder).message_en


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "bi-khoa.txt"
    path.write_text("Báo cáo", encoding="utf-8")
    path.chmod(0)
    try:
        assert "Permission denied" in refused(path).message_en
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("name", ["bi-khoa.txt", "bi-khoa.docx", "bi-khoa.html", "bi-khoa.pdf"])
def test_permission_denied_while_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> IO[Any]:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    real_os_open = os.open

    def deny_fd(name: Any, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_os_open(name, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    monkeypatch.setattr(os, "open", deny_fd)  # the guards open with os.open (O_NONBLOCK)
    assert "Permission denied" in refused(path).message_en


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rong.txt", b""),
        ("khoang-trang.txt", b"  \r\n\t\n   \n"),
        ("vo-hinh.txt", "\u200b\u00ad\n\ufeff".encode()),
        ("rong-utf16.txt", "   \n".encode("utf-16")),
        ("rong.docx", b""),
        ("rong.pdf", b""),
        ("rong.html", b""),
    ],
)
def test_empty_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert "empty" in refused(path).message_en


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("anh.txt", png_bytes()),
        ("chuong-trinh.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 50),
        ("dieu-khien.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x11]) * 100 + b"abc"),
        ("nhi-phan-khong-nul.md", bytes(range(1, 32)) * 40),
    ],
)
def test_binary_file_renamed_as_text(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert "binary" in refused(path).message_en


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "qua-lon.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: all NUL bytes, so reading it would say "binary"
    error = refused(path)
    assert "too large" in error.message_en
    assert "16.0 MB" in error.message_vi  # the text-file limit (sources/limits.py)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_big_files_of_every_kind_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"qua-lon{suffix}"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert "too large" in refused(path).message_en


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "bang-tinh.xlsx"
    path.write_bytes(b"PK\x03\x04")
    error = refused(path)
    assert "Unsupported" in error.message_en
    assert ".docx" in error.message_vi


def test_old_word_document_gets_a_hint_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "save it as .docx" in refused(path).message_en


def test_text_that_is_mojibake_in_every_encoding(tmp_path: Path) -> None:
    noise = random.Random(7)
    alphabet = [*range(0x80, 0x100), *([0x20] * 20), 0x0A]
    path = tmp_path / "loi-phong.txt"
    path.write_bytes(bytes(noise.choice(alphabet) for _ in range(4000)))
    error = refused(path)
    assert "encoding" in error.message_en
    assert "bảng mã" in error.message_vi
