"""Finding and running the external programs some sources need (Tesseract, LibreOffice).

A program is looked up on ``PATH`` first, then in the folders its Windows (and macOS)
installers use, since those installers do not always add it to ``PATH``. It runs without a
console window, with a time limit, and stops when the user cancels: the caller's
``cancelled()`` is asked a few times a second while the program works.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing_studio.errors import Cancelled

_POLL_S = 0.2  # how often a running program's caller is asked whether to cancel
_KILL_WAIT_S = 5.0  # how long a killed program's output is read before it is left


def find_program(names: Sequence[str], install_dirs: Sequence[str] = ()) -> str | None:
    """The first of ``names`` on ``PATH``, else in ``install_dirs`` (relative to the Windows
    program folders and LOCALAPPDATA, or absolute); ``None`` when none is found."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    roots = [
        os.environ.get(var)
        for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA")
    ]
    for folder in install_dirs:
        bases = [Path(folder)] if Path(folder).is_absolute() else []
        bases += [Path(root) / folder for root in roots if root]
        for base in bases:
            for name in names:
                for candidate in (base / name, base / f"{name}.exe"):
                    if candidate.is_file() and os.access(candidate, os.X_OK):
                        return str(candidate)
    return None


class ProgramTimeout(Exception):
    """The program ran longer than its time limit and was stopped."""


def run_program(
    command: Sequence[str],
    timeout_s: float,
    cancelled: Callable[[], bool] | None = None,
    env: dict[str, str] | None = None,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` to the end (``input`` on its standard input) and return its output;
    raises ``ProgramTimeout`` after ``timeout_s``, ``Cancelled`` when ``cancelled()`` says so
    (the program is killed either way) and ``OSError`` when it cannot be started."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    # Input comes from a temporary file, not a pipe: ``communicate`` stops writing its input
    # after its first time-out and never resumes, so a program that starts reading late
    # (Tesseract loads its model first) would wait for the rest for ever.
    with tempfile.TemporaryFile() as stdin:
        if input is not None:
            stdin.write(input)
            stdin.seek(0)
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL if input is None else stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
            creationflags=flags,
        )
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                out, err = process.communicate(timeout=_POLL_S)
                break
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled():
                    _kill(process)
                    raise Cancelled from None
                if time.monotonic() > deadline:
                    _kill(process)
                    raise ProgramTimeout(command[0]) from None
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def _kill(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    try:
        # Bounded: a program's own children (LibreOffice's soffice.bin) may keep its output
        # pipes open after it is killed, and reading them to the end would wait for them.
        process.communicate(timeout=_KILL_WAIT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=_KILL_WAIT_S)  # reap the killed program itself
