"""The ``briefing`` command as people type it: typos, wrong options, names, dates, failures.

Each case runs the command as a subprocess, as a user does, with the user folders redirected
into the test's temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_studio.briefing import DEFAULT_TEMPLATE
from briefing_studio.cli import SELECT_MODES, SUBCOMMANDS
from briefing_studio.paths import seed_files
from briefing_studio.project import save_briefing
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary
from briefing_studio.workspace import Workspace
from writer_fixtures import normalise, pdf_page_texts


def run_cli(*args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "BRIEFING_STUDIO_HOME": str(cwd / ".home"), **env}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "BRIEFING_TEMPLATES_DIR"):
        if name not in env:
            environ.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "briefing_studio", *map(str, args)],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def user_error(result: subprocess.CompletedProcess[str]) -> str:
    """stderr of a run that must have failed as a user error: status 2, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


def written_files(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix in (".docx", ".pdf")
    )


def pdf_text(path: Path) -> str:
    return normalise(" ".join(pdf_page_texts(path.read_bytes())))


# --- --name is a file name -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../escape", "sub/escape", "..", "", "CON", "nul.x", "a\\b"])
def test_a_name_that_is_a_path_or_a_device_is_refused_and_nothing_is_written(
    tmp_path: Path, name: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = run_cli("render", "--out", work / "out" / "inner", "--name", name, cwd=work)
    err = user_error(result)
    assert f"Tên tệp xuất không hợp lệ “{name}”" in err
    assert f"Invalid output file name “{name}”" in err
    assert written_files(tmp_path) == []


def test_a_vietnamese_name_is_a_fine_file_name(tmp_path: Path) -> None:
    result = run_cli(
        "render", "--format", "pdf", "--out", "out", "--name", "Họp với Hàn Quốc", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert written_files(tmp_path) == ["out/Họp với Hàn Quốc.pdf"]


# --- several formats: all or nothing --------------------------------------------------------


def test_when_the_pdf_cannot_be_written_the_docx_is_removed_again_and_the_message_says_so(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    (out / "x.pdf").mkdir(parents=True)  # a folder where the PDF should go
    err = user_error(run_cli("render", "--out", out, "--name", "x", cwd=tmp_path))
    assert sorted(p.name for p in out.iterdir()) == ["x.pdf"]
    assert (out / "x.pdf").is_dir()
    assert "x.pdf: Không ghi được tệp: đó là một thư mục, không phải tệp." in err
    assert "Không tệp nào được ghi, kể cả x.docx. Đã xóa lại x.docx vừa ghi." in err
    assert "x.docx, written a moment before, was removed again." in err


# --- commands mistyped ------------------------------------------------------------------------


def test_a_mistyped_command_is_named_with_a_suggestion_and_the_list_of_commands(
    tmp_path: Path,
) -> None:
    err = user_error(run_cli("rendr", cwd=tmp_path))
    assert "Không có lệnh 'rendr' — có phải ý bạn là 'render'?" in err
    assert "unknown command 'rendr' — did you mean 'render'?" in err
    assert all(command in err for command in SUBCOMMANDS)
    assert "display" not in err.lower() and "màn hình" not in err


@pytest.mark.parametrize("word", ["xyzzy", "a" * 300], ids=["short", "too-long-for-a-file"])
def test_a_word_like_no_command_gets_the_list_without_a_guess(tmp_path: Path, word: str) -> None:
    err = user_error(run_cli(word, cwd=tmp_path))
    assert f"Không có lệnh '{word}'." in err and "did you mean" not in err
    assert all(command in err for command in SUBCOMMANDS)


@pytest.mark.parametrize(
    ("args", "help_hint"),
    [(["--bogus"], "briefing --help"), (["render", "--bogus"], "briefing render --help")],
)
def test_an_unknown_option_is_called_unknown(
    tmp_path: Path, args: list[str], help_hint: str
) -> None:
    err = user_error(run_cli(*args, cwd=tmp_path))
    assert "Không có tùy chọn --bogus." in err and "unknown option --bogus." in err
    assert help_hint in err
    assert "required" not in err
    assert written_files(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")
@pytest.mark.parametrize("make_file", [True, False], ids=["existing-file", "source-suffix"])
def test_a_file_argument_still_opens_the_app(tmp_path: Path, make_file: bool) -> None:
    name = "ghi-chu" if make_file else "bao-cao.docx"
    if make_file:
        (tmp_path / name).write_text("Nội dung.", encoding="utf-8")
    err = user_error(run_cli(name, cwd=tmp_path))
    # Headless here, so the app's own start-up check answers: it was taken as a file to open.
    assert "No display" in err and "unknown command" not in err


# --- --template and --help --------------------------------------------------------------------


def test_a_wrong_template_is_refused_before_any_source_is_read_with_the_valid_ids(
    tmp_path: Path,
) -> None:
    err = user_error(run_cli("render", "--template", "khong-co", "khong-ton-tai.txt", cwd=tmp_path))
    assert "khong-ton-tai.txt" not in err
    ids = [t.id for t in TemplateLibrary(None).templates() if t.usable]
    assert f"Không có mẫu “khong-co”. Các mẫu dùng được: {', '.join(ids)}" in err
    assert f"Usable templates: {', '.join(ids)}" in err


def test_a_project_naming_a_missing_template_lists_the_valid_ids(tmp_path: Path) -> None:
    analyses = Workspace.analyze([load_source(seed_files()[0])])
    briefing = new_briefing(analyses, "all", template="da-bi-xoa")
    save_briefing(briefing, tmp_path / "cu.briefing")
    err = user_error(run_cli("render", "--project", "cu.briefing", cwd=tmp_path))
    assert "Không có mẫu “da-bi-xoa”. Các mẫu dùng được: " in err
    assert written_files(tmp_path) == []


def test_render_help_lists_the_templates_the_default_and_the_select_modes(
    tmp_path: Path,
) -> None:
    result = run_cli("render", "--help", cwd=tmp_path, COLUMNS="100")
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", " ", result.stdout)
    for template in TemplateLibrary(None).templates():
        mark = "(default) " if template.id == DEFAULT_TEMPLATE else ""
        assert f"{template.id} {mark}{template.name('vi')} / {template.name('en')}" in text
    for index, (mode, meaning) in enumerate(SELECT_MODES.items()):
        assert f"{mode} {'(default) ' if index == 0 else ''}{meaning}" in text
    assert "--issued DATE" in text and "not a path" in text


def test_top_level_help_lists_every_command(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert all(command in result.stdout for command in SUBCOMMANDS)


# --- --issued: the document's own date --------------------------------------------------------


def test_issued_sets_the_date_line_and_date_stays_the_meeting_date(tmp_path: Path) -> None:
    result = run_cli(
        "render",
        "--format",
        "pdf",
        "--out",
        "out",
        "--name",
        "d",
        "--agency-place",
        "Hà Nội",
        "--date",
        "20/12/2024",
        "--issued",
        "05/03/2025",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "out" / "d.pdf")
    assert "hà nội, ngày 05 tháng 3 năm 2025" in text
    assert "ngày 20 tháng 12 năm 2024" in text


def test_a_project_keeps_its_issued_date_and_issued_overrides_it(tmp_path: Path) -> None:
    analyses = Workspace.analyze([load_source(path) for path in seed_files()])
    briefing = new_briefing(analyses, "suggested")
    briefing.agency.place = "Hà Nội"
    briefing.issued = "2025-01-15"
    save_briefing(briefing, tmp_path / "du-an.briefing")
    common = ("render", "--project", "du-an.briefing", "--format", "pdf", "--out", "out")
    assert run_cli(*common, "--name", "kept", cwd=tmp_path).returncode == 0
    overridden = run_cli(*common, "--name", "new", "--issued", "2025-02-01", cwd=tmp_path)
    assert overridden.returncode == 0, overridden.stderr
    assert "hà nội, ngày 15 tháng 01 năm 2025" in pdf_text(tmp_path / "out" / "kept.pdf")
    assert "hà nội, ngày 01 tháng 02 năm 2025" in pdf_text(tmp_path / "out" / "new.pdf")


def test_an_impossible_issued_date_is_refused_before_any_source_is_read(tmp_path: Path) -> None:
    err = user_error(run_cli("render", "--issued", "31/02/2025", "khong-co.txt", cwd=tmp_path))
    assert "31/02/2025" in err and "khong-co.txt" not in err


# --- the system's reason, in the user's language ----------------------------------------------


def test_an_output_folder_that_cannot_be_made_is_explained_in_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "tep.txt").write_text("x", encoding="utf-8")
    err = user_error(run_cli("render", "--out", tmp_path / "tep.txt" / "out", cwd=tmp_path))
    assert "Không tạo được thư mục xuất: một phần của đường dẫn không phải là thư mục" in err
    assert "Cannot create the output folder: part of the path is not a folder" in err
    assert "Not a directory" not in err


def test_a_source_that_cannot_be_read_is_explained_in_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "tep.txt").write_text("x", encoding="utf-8")
    err = user_error(run_cli("analyze", "--no-ner", tmp_path / "tep.txt" / "a.txt", cwd=tmp_path))
    assert "Không đọc được tệp: một phần của đường dẫn không phải là thư mục." in err
    assert "Not a directory" not in err


def test_render_runs_without_cyclic_collections_and_turns_the_collector_back_on(
    tmp_path: Path, monkeypatch
) -> None:
    """A one-off render pauses the cyclic collector throughout (imports, analysis, writers)."""
    import gc

    from briefing_studio import cli

    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    collections: list[int] = []

    def started(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(started)
    try:
        assert gc.isenabled()
        args = ["render", str(seed_files()[0]), "--format", "docx", "--out", str(tmp_path)]
        assert cli.main([*args, "--select", "all"]) == 0
    finally:
        gc.callbacks.remove(started)
    assert len(collections) <= 1  # at most the one as the collector is turned back on
    assert gc.isenabled()
    assert list(tmp_path.glob("*.docx"))
