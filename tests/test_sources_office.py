""".doc, .rtf and .odt sources through headless LibreOffice, and the message without it.

The files are made here: a .docx written with python-docx, converted by LibreOffice itself to
each old format. Those tests skip, saying so, when LibreOffice is missing; CI installs it
(.ci/run). The missing-program message is tested everywhere with PATH pointed at an empty
folder, which is what a machine without LibreOffice looks like.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing_studio.analysis import analyze
from briefing_studio.errors import BriefingError
from briefing_studio.sources import load_source
from briefing_studio.sources.office import find_soffice
from writer_fixtures import docx_paragraph_texts, normalise, pdf_page_texts

SOFFICE = find_soffice()
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed"
)

HEADING = "Báo cáo hợp tác với tỉnh Gyeonggi"
PARAGRAPHS = [
    "Hai bên đã ký kết hơn 170 thỏa thuận hợp tác, tổng vốn đăng ký trên 12,4 tỷ USD.",
    "Ngân sách tỉnh bố trí 4.814 tỷ đồng cho hạ tầng giao thông.",
]
TABLE = [["Chỉ tiêu", "Năm 2024"], ["Kim ngạch xuất khẩu", "3,2 tỷ USD"]]


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading(HEADING, level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for row, cells in zip(table.rows, TABLE, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def old_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same report as .doc, .odt and .rtf, converted by LibreOffice from a .docx."""
    assert SOFFICE is not None
    folder = tmp_path_factory.mktemp("office")
    source = make_docx(folder / "bao-cao.docx")
    profile = (folder / "profile").as_uri()
    files = {}
    # .odt first, then .doc and .rtf from it: LibreOffice 7.4 writes a python-docx table
    # straight to .doc as run-together text, but keeps it as a table coming from .odt.
    for suffix in ("odt", "doc", "rtf"):
        out = folder / suffix
        command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
        subprocess.run(
            [*command, suffix, "--outdir", str(out), str(files.get("odt", source))],
            check=True,
            capture_output=True,
            timeout=180,
        )
        files[suffix] = out / f"bao-cao.{suffix}"
        assert files[suffix].is_file()
    return files


@needs_libreoffice
@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_old_office_file_loads_like_its_docx(old_files: dict[str, Path], suffix: str) -> None:
    path = old_files[suffix]

    source = load_source(path)

    assert (source.format, source.name, source.path) == (suffix, path.name, str(path))
    texts = [block.text for block in source.blocks]
    assert texts[:-1] == [HEADING, *PARAGRAPHS]
    table = source.blocks[-1].table  # the table stays one table, row by row
    assert table is not None
    assert [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)] == TABLE
    if suffix != "rtf":  # RTF keeps the heading's look, not its style name
        assert (source.blocks[0].kind, source.blocks[0].level) == ("heading", 1)
    values = {f.surface: f.value for f in analyze(source).figures}
    assert values["4.814 tỷ đồng"] == 4_814e9
    assert values["3,2 tỷ USD"] == 3.2e9


DAMAGED = {
    ".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4,  # a torn OLE file
    ".odt": b"PK\x03\x04" + bytes(range(256)) * 4,  # a torn zip
    ".rtf": "Văn bản thường, không phải RTF.".encode(),
}


@needs_libreoffice
def test_a_doc_renders_into_a_briefing_docx_and_pdf(
    old_files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "BRIEFING_STUDIO_HOME": str(tmp_path / "home")}
    options = ["--select", "all", "--out", str(out), "--name", "tu-doc"]
    result = subprocess.run(
        [sys.executable, "-m", "briefing_studio", "render", str(old_files["doc"]), *options],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdf = normalise(" ".join(pdf_page_texts((out / "tu-doc.pdf").read_bytes())))
    docx_text = normalise(" ".join(docx_paragraph_texts((out / "tu-doc.docx").read_bytes())))
    for text in ("4.814 tỷ đồng", "trên 12,4 tỷ USD", "3,2 tỷ USD"):
        assert normalise(text) in pdf and normalise(text) in docx_text


@needs_libreoffice
@pytest.mark.parametrize("suffix", list(DAMAGED))
def test_damaged_old_office_file_is_refused_with_its_name(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"hong{suffix}"
    path.write_bytes(DAMAGED[suffix])
    with pytest.raises(BriefingError) as caught:
        load_source(path)
    assert path.name in caught.value.message("vi")
    assert "save it as .docx" in caught.value.message_en


@pytest.mark.parametrize("suffix", [".doc", ".odt", ".rtf"])
def test_without_libreoffice_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = tmp_path / f"cong-van{suffix}"
    path.write_bytes(
        {".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".odt": b"PK\x03\x04"}.get(
            suffix, b"{\\rtf1 Xin chao}"
        )
    )
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for variable in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)

    with pytest.raises(BriefingError) as caught:
        load_source(path)

    error = caught.value
    assert path.name in error.message("vi") and path.name in error.message("en")
    for message in (error.message_vi, error.message_en):
        assert "LibreOffice" in message and "apt install libreoffice-writer" in message
        assert "libreoffice.org" in message
