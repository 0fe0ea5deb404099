"""Every way a user's file can be bad ends in a message naming the file, never a traceback.

The files are in ``tests/fixtures/bad`` (made by ``make_bad_files.py`` there) and
``expected.json`` says which words of the message the user must see, in Vietnamese and English.
The 100 MB text is written at run time instead of being committed.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from studio_processes import BAD_FILES, briefing_command, child_env

from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files
from briefing_studio.project import SUFFIX as PROJECT_SUFFIX
from briefing_studio.project import load_briefing
from briefing_studio.sources import load_source

EXPECTED: dict[str, dict[str, str]] = json.loads(
    (BAD_FILES / "expected.json").read_text(encoding="utf-8")
)
GENERATED = {"huge-100mb.txt"}
COMMITTED = sorted(set(EXPECTED) - GENERATED)


def _open_as_user_would(path: Path) -> object:
    if path.suffix == PROJECT_SUFFIX:
        return load_briefing(path)
    return load_source(path)


def _cli_args(path: Path, out: Path) -> list[str]:
    if path.suffix == PROJECT_SUFFIX:
        return ["render", "--project", str(path), "--out", str(out)]
    return ["analyze", str(path), "--no-ner"]


def _assert_explains(error: BriefingError, path: Path) -> None:
    expected = EXPECTED[path.name]
    assert expected["vi"] in error.message("vi")
    assert expected["en"] in error.message("en")
    assert path.name in error.message("vi") and path.name in error.message("en")


@pytest.fixture(scope="module")
def huge_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 MB of real Vietnamese text: twice the loader's limit."""
    seed = "\n".join(p.read_text(encoding="utf-8") for p in seed_files()).encode("utf-8")
    path = tmp_path_factory.mktemp("huge") / "huge-100mb.txt"
    with path.open("wb") as handle:
        for _ in range(100 * 1024 * 1024 // len(seed) + 1):
            handle.write(seed)
    return path


def test_every_committed_bad_file_has_an_expected_message() -> None:
    on_disk = {
        p.name for p in BAD_FILES.iterdir() if p.is_file() and p.suffix not in (".py", ".json")
    }
    assert on_disk == set(COMMITTED)
    assert all(set(fragments) == {"vi", "en"} for fragments in EXPECTED.values())


@pytest.mark.parametrize("name", COMMITTED)
def test_secretary_opening_a_bad_file_is_told_what_is_wrong(name: str) -> None:
    path = BAD_FILES / name
    with pytest.raises(BriefingError) as caught:
        _open_as_user_would(path)
    _assert_explains(caught.value, path)


def test_secretary_opening_a_100mb_text_is_told_it_is_too_large(huge_text: Path) -> None:
    with pytest.raises(BriefingError) as caught:
        load_source(huge_text)
    _assert_explains(caught.value, huge_text)


def test_briefing_cli_reports_each_bad_file_with_exit_status_2(
    tmp_path: Path, studio_home: Path, huge_text: Path
) -> None:
    # All at once: each child mostly waits on imports, and the suite should stay quick.
    paths = [BAD_FILES / name for name in COMMITTED] + [huge_text]
    children = {
        path: subprocess.Popen(
            briefing_command(_cli_args(path, tmp_path / "out")),
            cwd=tmp_path,
            env=child_env(studio_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for path in paths
    }
    for path, child in children.items():
        stdout, stderr = child.communicate(timeout=180)
        expected = EXPECTED[path.name]
        assert child.returncode == 2, (path.name, stdout, stderr)
        assert "Traceback" not in stderr, stderr
        assert expected["vi"] in stderr and expected["en"] in stderr, stderr
        assert path.name in stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
