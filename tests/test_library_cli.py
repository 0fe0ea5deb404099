"""``briefing library …`` as a user types it: add a folder, search, list, stats, remove."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from library_fixtures import (
    BACKENDS,
    REPORT_JP,
    REPORT_KR,
    library_location,
    make_schema_1_library,
    write,
)


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_STUDIO_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "briefing_studio", "library", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_library_commands_with_json(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "reports"
    write(folder, "kr.txt", REPORT_KR)
    write(folder, "jp.txt", REPORT_JP)
    added = run("add", folder, "--json", home=home)
    assert added.returncode == 0, added.stderr
    assert len(json.loads(added.stdout)["added"]) == 2
    assert (home / "data" / "library.sqlite3").is_file()  # the default: the user's data folder

    stats = json.loads(run("stats", "--json", home=home).stdout)
    assert (stats["sources"], stats["sections"]) == (2, 8)
    assert stats["figures"] > 0

    found = json.loads(
        run("search", "han", "quoc", "--figure", "tỷ USD > 1", "--json", home=home).stdout
    )
    assert [hit["figures"][1]["surface"] for hit in found["hits"]] == ["81,5 tỷ USD"]
    assert found["hits"][0]["highlights"]

    plain = run("search", "--counterpart", "Bắc Giang", home=home)
    assert plain.returncode == 0 and "Bắc Ninh" in plain.stdout and "kết quả" in plain.stdout

    listed = json.loads(run("list", "--json", home=home).stdout)["sources"]
    assert sorted(s["name"] for s in listed) == ["jp.txt", "kr.txt"]
    removed = run("remove", str(folder / "jp.txt"), "--json", home=home)
    assert [s["name"] for s in json.loads(removed.stdout)["removed"]] == ["jp.txt"]
    assert json.loads(run("stats", "--json", home=home).stdout)["sources"] == 1


def test_library_user_errors_are_messages_not_tracebacks(tmp_path):
    home = tmp_path / "home"
    unknown = run("search", "--counterpart", "Atlantis", home=home)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "Atlantis" in unknown.stderr
    damaged = tmp_path / "broken.sqlite3"
    damaged.write_bytes(b"garbage" * 1000)
    broken = run("stats", "--library", damaged, home=home)
    assert broken.returncode == 2 and str(damaged) in broken.stderr
    assert "Traceback" not in broken.stderr


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path: Path):
    with library_location(request.param, tmp_path) as where:
        yield where


def test_a_command_upgrading_the_library_prints_its_progress(location, tmp_path, monkeypatch):
    make_schema_1_library(location, monkeypatch, ["Đoàn Hàn Quốc thăm Đà Nẵng năm 2024."])
    home = tmp_path / "home"
    first = run("stats", "--json", "--library", location, home=home)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["schema"] == 2
    lines = first.stderr.splitlines()  # not a terminal: a line each tenth
    assert lines[0] == "Đang cập nhật thư viện lên lược đồ 2: 0%"
    assert lines[-1] == "Đang cập nhật thư viện lên lược đồ 2: 100%"
    found = run("search", "han quoc", "--json", "--library", location, home=home)
    assert found.stderr == ""  # upgraded once: nothing more to say
    assert len(json.loads(found.stdout)["hits"]) == 1
