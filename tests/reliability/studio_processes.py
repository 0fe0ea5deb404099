"""Running Briefing Studio in a child process the way a user does, for the reliability tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BAD_FILES = REPO / "tests" / "fixtures" / "bad"


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a child process: our user folder, offscreen Qt, UTF-8 output."""
    env = dict(os.environ)
    env.update(
        BRIEFING_STUDIO_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
    )
    env.update(extra)
    return env


def briefing_command(args: Sequence[str]) -> list[str]:
    """``python -m briefing_studio ARGS`` with this interpreter."""
    return [sys.executable, "-m", "briefing_studio", *args]


def run_python(
    code: str, args: Sequence[str], home: Path, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -c CODE ARGS`` and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=child_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def run_briefing(
    args: Sequence[str], home: Path, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the ``briefing`` CLI and capture what it prints."""
    return subprocess.run(
        briefing_command(args),
        cwd=cwd,
        env=child_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
