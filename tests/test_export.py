"""The export core the CLI and the GUI share: file names, all-or-nothing writes, system reasons."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing_studio.atomic import atomic_write_many
from briefing_studio.errors import BriefingError, os_error, os_reason
from briefing_studio.export import check_stem, export_briefing
from briefing_studio.paths import seed_files
from briefing_studio.project import load_briefing
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary
from briefing_studio.workspace import Workspace

OLD = b"the previous version\n"


@pytest.fixture(scope="module")
def seed_work():
    analyses = Workspace.analyze([load_source(seed_files()[0])])
    briefing = new_briefing(analyses, "suggested")
    return briefing, TemplateLibrary(None).get("embassy-meeting"), analyses


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../../escape", "tên không được chứa /"),
        ("..\\..\\escape", "tên không được chứa \\"),
        ("C:escape", "tên không được chứa :"),
        ("..", "“.” và “..” chỉ thư mục"),
        ("   ", "tên trống"),
        ("aux", "“aux” là tên thiết bị dành riêng của Windows"),
        ("LPT1.bao-cao", "“LPT1” là tên thiết bị dành riêng của Windows"),
        ("a\tb", "tên không được chứa U+0009"),
        ("ư" * 126, "tên quá dài"),
    ],
)
def test_a_name_that_is_not_a_plain_file_name_is_refused(name: str, problem: str) -> None:
    with pytest.raises(BriefingError) as caught:
        check_stem(name)
    assert problem in caught.value.message("vi")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("bao-cao", "bao-cao"),
        (" Họp với Hàn Quốc ", "Họp với Hàn Quốc"),
        ("Ho\u0323p", "Họp"),  # decomposed (macOS input) becomes NFC
        ("a..b", "a..b"),
        ("CONSOLE", "CONSOLE"),
        (".an", ".an"),
        ("ư" * 125, "ư" * 125),
    ],
)
def test_a_plain_file_name_is_kept(name: str, stem: str) -> None:
    assert check_stem(name) == stem


def test_the_gui_export_refuses_a_path_as_name_before_writing(
    tmp_path: Path, seed_work: tuple
) -> None:
    briefing, template, analyses = seed_work
    out = tmp_path / "a" / "b"
    with pytest.raises(BriefingError):
        export_briefing(analyses, briefing, template, ["docx"], out, "../../thoat")
    assert list(tmp_path.rglob("*")) == []


# --- all or nothing ---------------------------------------------------------------------------


def test_a_failing_pdf_puts_the_previous_docx_back(tmp_path: Path, seed_work: tuple) -> None:
    briefing, template, analyses = seed_work
    (tmp_path / "x.docx").write_bytes(OLD)
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(BriefingError) as caught:
        export_briefing(analyses, briefing, template, ["docx", "pdf"], tmp_path, "x")
    assert (tmp_path / "x.docx").read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx", "x.pdf"]
    message = caught.value.message("vi")
    assert message.startswith(f"{tmp_path / 'x.pdf'}: Không ghi được tệp: đó là một thư mục")
    assert "Đã trả lại bản cũ của x.docx." in message
    assert "The previous x.docx was put back." in caught.value.message("en")


def test_every_file_is_replaced_when_nothing_fails(tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "a.pdf"
    first.write_bytes(OLD)
    atomic_write_many([(first, b"new docx"), (second, b"new pdf")])
    assert first.read_bytes() == b"new docx" and second.read_bytes() == b"new pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def test_a_file_that_cannot_be_staged_leaves_nothing_behind(tmp_path: Path) -> None:
    first = tmp_path / "a.docx"
    second = tmp_path / "khong-co" / "a.pdf"  # its folder does not exist
    with pytest.raises(BriefingError) as caught:
        atomic_write_many([(first, b"docx"), (second, b"pdf")])
    assert list(tmp_path.iterdir()) == []
    assert "không có tệp hoặc thư mục. Không tệp nào được ghi, kể cả a.docx." in str(
        caught.value.message("vi")
    )


# --- the system's reason ----------------------------------------------------------------------

# The reasons the issue names; each must read as Vietnamese and as English, not as strerror.
NAMED = (
    "ENOENT EACCES EPERM ENOSPC EROFS EEXIST ENOTDIR EISDIR ENAMETOOLONG EBUSY EIO EDQUOT EMFILE"
)


@pytest.mark.parametrize("name", NAMED.split())
def test_each_common_system_error_has_its_own_reason_in_both_languages(name: str) -> None:
    code = getattr(errno, name)
    exc = OSError(code, os.strerror(code))
    vi, en = os_reason(exc, "vi"), os_reason(exc, "en")
    assert vi and en and vi != en
    assert os.strerror(code) not in vi and "lỗi hệ thống" not in vi


def test_the_reasons_differ_between_errors() -> None:
    reasons = {os_reason(OSError(getattr(errno, n), "x"), "vi") for n in NAMED.split()}
    assert len(reasons) == len(NAMED.split())


def test_an_error_outside_the_table_keeps_the_system_words_after_a_vietnamese_lead_in() -> None:
    exc = OSError(errno.ENXIO, os.strerror(errno.ENXIO))
    assert os_reason(exc, "vi") == f"lỗi hệ thống (ENXIO: {os.strerror(errno.ENXIO)})"


def test_the_refused_path_is_named_unless_the_message_names_it_already() -> None:
    exc = FileNotFoundError(errno.ENOENT, "No such file or directory", "/proc/x")
    error = os_error(exc, "Không tạo được thư mục xuất", "Cannot create the output folder")
    assert error.message("vi") == (
        "Không tạo được thư mục xuất: không có tệp hoặc thư mục (/proc/x)."
    )
    named = os_error(exc, "Không tạo được thư mục xuất", "x", path="/proc/x")
    assert named.message("vi") == "/proc/x: Không tạo được thư mục xuất: không có tệp hoặc thư mục."


def test_a_project_that_cannot_be_read_says_why_in_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(tmp_path / "tep" / "du-an.briefing")
    assert caught.value.message("vi").endswith(
        "Không đọc được tệp: một phần của đường dẫn không phải là thư mục."
    )
    assert "Not a directory" not in caught.value.bilingual()
