"""Nothing in a shared template folder stops the app: hostile files are listed as broken.

The folder (see ``hostile_templates``) holds a manifest nested 60 000 deep, a FIFO, a link to
``/dev/zero`` and a 4 GB sparse file; before these checks the first raised ``RecursionError``
through ``briefing templates``, the FIFO hung it and the other two were read whole.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hostile_templates import (
    EXPECTED_PROBLEMS,
    GOOD_MANIFEST,
    add_good_template,
    make_hostile_folder,
    within,
)
from studio_processes import run_briefing

from briefing_studio.errors import BriefingError
from briefing_studio.templating import TemplateLibrary, store
from briefing_studio.templating.sandbox import sandbox_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = make_hostile_folder(tmp_path / "shared")
    add_good_template(folder, "still-works")
    return folder


def test_cli_lists_every_hostile_template_as_broken(shared: Path, studio_home: Path) -> None:
    started = time.monotonic()
    result = run_briefing(
        ["templates", "--json", "--templates-dir", str(shared)], studio_home, shared, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = {Path(row["folder"]).name: row for row in json.loads(result.stdout)}
    for name, words in EXPECTED_PROBLEMS.items():
        assert words in (rows[name]["problem"] or ""), rows[name]
        assert "template.toml" in rows[name]["problem"]
    assert rows["still-works"]["problem"] is None
    assert time.monotonic() - started < 30


def test_library_scan_is_fast_and_bounded(shared: Path) -> None:
    """The GUI scans on start-up; the hostile files must cost it next to nothing."""
    library = TemplateLibrary(shared)
    within(30, library.templates)  # the first scan imports and warms up
    started = time.perf_counter()
    found = within(30, library.templates)
    assert time.perf_counter() - started < 2.0
    broken = {t.folder.name for t in found if not t.usable}
    assert broken == set(EXPECTED_PROBLEMS)


def _zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{folder.name}/{path.name}")
    return target


def test_import_of_a_deeply_nested_manifest_is_a_clear_error(shared: Path, tmp_path: Path) -> None:
    archive = _zip_folder(shared / "deep", tmp_path / "deep.zip")
    user_dir = tmp_path / "user"
    with pytest.raises(BriefingError, match="nests arrays or tables too deeply"):
        store.import_zip(archive, user_dir)
    assert [p for p in user_dir.iterdir() if not p.name.startswith(".")] == []


def _including(root: Path, part: str) -> Path:
    return add_good_template(root, "includes", "<p>{% include '" + part + "' %}</p>\n")


def test_an_included_fifo_fails_the_render_instead_of_hanging(tmp_path: Path) -> None:
    folder = _including(tmp_path, "part.j2")
    os.mkfifo(folder / "part.j2")
    with pytest.raises(BriefingError) as caught:
        within(20, lambda: sandbox_for(folder).render("briefing.html.j2", {}))
    assert "pipe" in caught.value.message_en and "part.j2" in caught.value.message("en")


def test_an_included_file_not_in_utf8_says_so_not_not_found(tmp_path: Path) -> None:
    folder = _including(tmp_path, "part.j2")
    (folder / "part.j2").write_bytes("<b>Đà Nẵng</b>".encode("utf-16"))
    with pytest.raises(BriefingError) as caught:
        sandbox_for(folder).render("briefing.html.j2", {})
    message = caught.value.message("en")
    assert "UTF-8" in message and "part.j2" in message
    assert "not found" not in message


def test_a_fifo_entry_file_makes_the_template_broken(tmp_path: Path) -> None:
    folder = add_good_template(tmp_path, "fifo-entry")
    (folder / "briefing.html.j2").unlink()
    os.mkfifo(folder / "briefing.html.j2")
    library = TemplateLibrary(tmp_path, builtin_dir=empty_builtins(tmp_path))
    [template] = within(20, library.templates)
    assert not template.usable and "pipe" in (template.problem or "")


# Windows device names -------------------------------------------------------------------------


def _zip(tmp_path: Path, files: dict[str, str]) -> Path:
    target = tmp_path / "t.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return target


@pytest.mark.parametrize("name", ["t/CON", "t/aux.j2", "t/nul.txt", "t/Com1.html.j2", "t/x./a"])
def test_zip_with_a_windows_device_name_is_refused(tmp_path: Path, name: str) -> None:
    files = {"t/template.toml": GOOD_MANIFEST.format(id="t"), "t/briefing.html.j2": "<p/>"}
    files[name] = ""
    with pytest.raises(BriefingError, match="Windows"):
        store.import_zip(_zip(tmp_path, files), tmp_path / "user")


def test_a_windows_device_name_as_template_id_is_refused(tmp_path: Path) -> None:
    files = {"t/template.toml": GOOD_MANIFEST.format(id="con"), "t/briefing.html.j2": "<p/>"}
    with pytest.raises(BriefingError, match="Windows device name"):
        store.import_zip(_zip(tmp_path, files), tmp_path / "user")
    with pytest.raises(BriefingError, match="Windows device name"):
        store.validate_id("lpt1")


def test_saving_a_file_with_a_windows_device_name_is_refused(tmp_path: Path) -> None:
    folder = add_good_template(tmp_path, "mine")
    [template] = TemplateLibrary(tmp_path, builtin_dir=empty_builtins(tmp_path)).templates()
    with pytest.raises(BriefingError, match="Windows device name"):
        store.save_files(template, {"aux.j2": "<p/>"})
    assert not (folder / "aux.j2").exists()


def test_zip_with_a_file_folder_clash_names_the_clash(tmp_path: Path) -> None:
    files = {
        "t/template.toml": GOOD_MANIFEST.format(id="t"),
        "t/briefing.html.j2": "<p/>",
        "t/parts": "a file",
        "t/parts/a.j2": "<p/>",
    }
    with pytest.raises(BriefingError) as caught:
        store.import_zip(_zip(tmp_path, files), tmp_path / "user")
    message = caught.value.message("en")
    assert "both a file and a folder" in message and "parts" in message
    assert "offline" not in message


def empty_builtins(tmp_path: Path) -> Path:
    folder = tmp_path / "no-builtins"
    folder.mkdir(exist_ok=True)
    return folder


# The desktop app ------------------------------------------------------------------------------


def test_the_gui_starts_and_lists_the_hostile_templates_as_broken(
    shared: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user template folder set in the app's settings is the hostile one."""
    pytest.importorskip("briefing_studio.ui.main_window", reason="the desktop UI is not built")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from briefing_studio import settings as keys
    from briefing_studio.ui import preferences
    from briefing_studio.ui.app import application
    from briefing_studio.ui.main_window import MainWindow

    application()
    preferences.set_value(keys.KEY_TEMPLATES_DIR, str(shared))
    started = time.monotonic()
    # Widgets live on this thread, so a hang cannot be watched from another one: a process
    # still starting after two minutes dumps its stacks and exits (the test run fails).
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        window = MainWindow()
    finally:
        faulthandler.cancel_dump_traceback_later()
    qtbot.addWidget(window)
    window.show()
    window.start([])
    qtbot.waitUntil(lambda: len(window.state.analyses) == 2 and not window.busy(), timeout=120000)
    assert time.monotonic() - started < 120
    items = window.template_picker.items
    rows = [items.item(r) for r in range(items.rowCount())]
    problems = {str(row.data(Qt.ItemDataRole.UserRole + 6)) for row in rows}
    for words in EXPECTED_PROBLEMS.values():
        assert any(words in problem for problem in problems), words
    still_works = next(r for r in rows if r.data(Qt.ItemDataRole.UserRole + 5) == "still-works")
    assert still_works.isEnabled()
    broken = [r for r in rows if not r.isEnabled()]
    assert len(broken) == len(EXPECTED_PROBLEMS)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.close()


def test_a_slow_network_folder_does_not_hold_up_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network drive slow to list its files is simulated by a scan that sleeps (a real one
    cannot be made here); the caller waits at most ``scan_wait`` once, then never again."""
    from briefing_studio.templating import library as library_module

    add_good_template(tmp_path, "on-the-share")
    real_scan = library_module._scan

    def slow_scan(folder: Path, origin: str) -> list:
        if origin == "user":
            time.sleep(1.5)
        return real_scan(folder, origin)

    monkeypatch.setattr(library_module, "_scan", slow_scan)
    library = TemplateLibrary(tmp_path, scan_wait=0.3)
    started = time.perf_counter()
    first = library.templates()
    assert time.perf_counter() - started < 1.0
    assert "on-the-share" not in {t.id for t in first}
    assert "too slow to answer" in (library.folder_problem or "")
    started = time.perf_counter()
    library.templates()  # the scan still runs: no second wait
    assert time.perf_counter() - started < 0.25
    time.sleep(1.6)
    assert "on-the-share" in {t.id for t in library.templates()}  # what it found meanwhile
    monkeypatch.setattr(library_module, "_scan", real_scan)  # the drive answers again
    time.sleep(1.6)  # the last slow scan ends
    assert "on-the-share" in {t.id for t in library.templates()}
    assert library.folder_problem is None
