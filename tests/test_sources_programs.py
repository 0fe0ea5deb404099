"""External programs (Tesseract, LibreOffice): found where installers put them, stopped on time
or on Cancel, fed through standard input. The programs here are small Python scripts."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from briefing_studio.errors import Cancelled
from briefing_studio.sources.programs import ProgramTimeout, find_program, run_program

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_cancel_kills_a_running_program_within_a_second() -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_program(SLEEPER, timeout_s=120, cancelled=lambda: time.monotonic() - started > 0.3)
    assert time.monotonic() - started < 5  # not the program's 60 s


def test_a_program_over_its_time_limit_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(ProgramTimeout):
        run_program(SLEEPER, timeout_s=0.5)
    assert time.monotonic() - started < 5


def test_a_stopped_program_whose_child_holds_its_output_does_not_hold_the_caller(
    monkeypatch,
) -> None:
    """LibreOffice's launcher starts soffice.bin, which inherits the output pipes: killing the
    launcher leaves them open, and reading them to the end would wait for the child."""
    from briefing_studio.sources import programs

    monkeypatch.setattr(programs, "_KILL_WAIT_S", 0.5)
    launcher = [
        sys.executable,
        "-c",
        "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', "
        "'import time; time.sleep(20)']); time.sleep(20)",
    ]
    started = time.monotonic()
    with pytest.raises(ProgramTimeout):
        run_program(launcher, timeout_s=1.0)
    assert time.monotonic() - started < 10  # not the child's 20 s


def test_input_reaches_the_program_and_its_output_comes_back() -> None:
    data = "Ảnh trang 1 ".encode() * 100_000  # more than a pipe's buffer
    # Like Tesseract, it starts reading only after a while (loading its model).
    code = "import sys, time; time.sleep(0.5); sys.stdout.buffer.write(sys.stdin.buffer.read())"
    result = run_program([sys.executable, "-c", code], timeout_s=20, input=data)
    assert (result.returncode, result.stdout) == (0, data)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX script stands in for the program")
def test_a_program_off_path_is_found_in_its_install_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "Program Files" / "Tesseract-OCR" / "tesseract"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\necho 5.3\n")
    program.chmod(0o755)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))

    assert find_program(("tesseract",), ("Tesseract-OCR",)) == str(program)
    monkeypatch.delenv("ProgramFiles")
    assert find_program(("tesseract",), ("Tesseract-OCR",)) is None
