"""A save killed half-way (``kill -9``) leaves a full-size ``.<name>.*.tmp``; the next save or
start removes it, and nothing else.

Before, every killed save left its temporary file beside the project forever.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_templates import add_good_template
from studio_processes import child_env

from briefing_studio import atomic
from briefing_studio.briefing import Briefing
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.templating import store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")

SAVING = """
import sys, time
from briefing_studio.atomic import atomic_write_with

def write(handle):
    handle.write(b"x" * 5_000_000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(120)

atomic_write_with(sys.argv[1], write)
"""
STALE = time.time() - atomic.STALE_AFTER_S - 60


def _killed_while_saving(target: Path, home: Path) -> Path:
    """Run a save in a child, kill -9 it while it writes; return the temporary it left."""
    child = subprocess.Popen(
        [sys.executable, "-c", SAVING, str(target)],
        env=child_env(home),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    [left] = target.parent.glob(f".{target.name}.*.tmp")
    assert left.stat().st_size == 5_000_000
    return left


def _aged(path: Path) -> Path:
    """``path`` (created if missing) last written long ago."""
    if not path.exists():
        path.write_bytes(b"x")
    os.utime(path, (STALE, STALE))
    return path


def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path, studio_home: Path) -> None:
    target = tmp_path / "dự-án.briefing"
    save_briefing(Briefing(title="cũ"), target)
    left = _aged(_killed_while_saving(target, studio_home))
    in_progress = target.with_name(f".{target.name}.abcd1234.tmp")  # another save, just begun
    in_progress.write_bytes(b"partial")
    other = _aged(tmp_path / ".khac.briefing.zzzz9999.tmp")  # another file's
    lookalike = _aged(tmp_path / f".{target.name}.not-ours.tmp")  # not our naming
    assert load_briefing(target).title == "cũ"
    save_briefing(Briefing(title="mới"), target)
    assert not left.exists()
    assert in_progress.exists() and other.exists() and lookalike.exists()
    assert load_briefing(target).title == "mới"


def test_start_up_sweeps_a_folder_of_every_stale_temporary(tmp_path: Path) -> None:
    stale = [_aged(tmp_path / f".{name}.q1w2e3r4.tmp") for name in ("a.briefing", "b.docx")]
    young = tmp_path / ".c.pdf.q1w2e3r4.tmp"
    young.write_bytes(b"")
    assert sorted(atomic.remove_stale_temporaries(tmp_path)) == sorted(stale)
    assert young.exists()


def test_opening_the_template_manager_sweeps_template_folders(tmp_path: Path) -> None:
    folder = add_good_template(tmp_path, "mine")
    left = folder / ".briefing.html.j2.a1b2c3d4.tmp"
    left.write_bytes(b"<p>half")
    _aged(left)
    store.recover_interrupted(tmp_path)
    assert not left.exists() and (folder / "briefing.html.j2").exists()
