"""A shared template folder as an attacker (or an accident) leaves it, for the reliability tests.

Each sub-folder is one template whose ``template.toml`` or Jinja file cannot be used: nested
60 000 levels deep, a FIFO nobody writes to, a link to ``/dev/zero``, a 4 GB sparse file.
Reading any of them the ordinary way hangs, runs out of memory or raises ``RecursionError``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

DEEP_LEVELS = 60_000
SPARSE_BYTES = 4 * 1024**3
GOOD_MANIFEST = 'id = "{id}"\nversion = 1\nname_vi = "Mẫu {id}"\nname_en = "Template {id}"\n'

#: folder name → the words the problem shown for it must contain (English message).
EXPECTED_PROBLEMS = {
    "deep": "nests arrays or tables too deeply",
    "fifo": "not a regular file but a pipe",
    "zero": "not a regular file but a device",
    "sparse": "too large",
}


def make_hostile_folder(root: Path) -> Path:
    """Fill ``root`` with the four hostile templates (POSIX only: FIFOs, /dev/zero)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in EXPECTED_PROBLEMS:
        (root / name).mkdir()
        (root / name / "briefing.html.j2").write_text("<p>x</p>\n", encoding="utf-8")
    deep = "a = " + "[" * DEEP_LEVELS + "]" * DEEP_LEVELS + "\n"
    (root / "deep" / "template.toml").write_text(deep, encoding="utf-8")
    os.mkfifo(root / "fifo" / "template.toml")
    os.symlink("/dev/zero", root / "zero" / "template.toml")
    with (root / "sparse" / "template.toml").open("wb") as handle:
        handle.truncate(SPARSE_BYTES)
    return root


def add_good_template(root: Path, template_id: str, entry: str = "<p>Xin chào</p>\n") -> Path:
    """A working template beside the hostile ones: the scan must still find it."""
    folder = root / template_id
    folder.mkdir()
    (folder / "template.toml").write_text(GOOD_MANIFEST.format(id=template_id), encoding="utf-8")
    (folder / "briefing.html.j2").write_text(entry, encoding="utf-8")
    return folder


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()`` on a daemon thread; fails the test if it still runs after ``seconds``.

    A thread stuck opening a FIFO cannot be stopped, but as a daemon it does not keep the test
    process alive.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked or too slow)"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
