"""An editor keeps the office's templates: customise, edit with a live preview, save, share.

Runs offscreen with its own BRIEFING_STUDIO_HOME (tests/ui/conftest.py).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from briefing_studio import settings as keys
from briefing_studio.templating import TemplateLibrary, load_template, store
from briefing_studio.ui import template_editor, template_manager
from briefing_studio.ui.template_dialogs import TemplateNames, show_template_reference
from briefing_studio.ui.template_editor import TemplateEditor
from briefing_studio.ui.template_manager import TemplateManager

SHOTS = Path("/tmp/shots")
# The last part, which every briefing has (an empty part is left out, and parts are numbered
# as they occur).
HEADING = "Gợi ý nội dung trao đổi"
NEW_HEADING = "Gợi ý nội dung tiếp khách"
ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
WAIT = 30000  # ms; generous: the machine may be busy, nothing here measures speed


@pytest.fixture
def english(studio_app, studio_home: Path):
    """The interface and its messages in English, so the tests can read them."""
    from briefing_studio.ui import i18n, preferences

    preferences.set_value(keys.KEY_LANGUAGE, "en")
    i18n.install("en")
    yield studio_app
    i18n.install("vi")


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "office-templates"
    folder.mkdir()
    return folder


@pytest.fixture
def windows(qtbot, monkeypatch: pytest.MonkeyPatch):
    """Windows opened by a test; closed at the end without asking about unsaved changes."""
    opened: list = []
    yield opened
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    for window in opened:
        try:
            window.close()
        except RuntimeError:
            pass


def manager_for(qtbot, windows: list, user_dir: Path, time_limit: float = 2.0) -> TemplateManager:
    manager = TemplateManager(None, user_dir, time_limit=time_limit)
    qtbot.addWidget(manager)
    windows.append(manager)
    manager.show()
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    return manager


def editor_for(
    qtbot, windows: list, template, user_dir: Path, time_limit: float = 2.0
) -> TemplateEditor:
    editor = TemplateEditor(template, user_dir, time_limit=time_limit)
    windows.append(editor)
    editor.show()
    wait_preview(qtbot, editor)
    return editor


def wait_preview(qtbot, editor: TemplateEditor) -> None:
    qtbot.waitUntil(lambda: editor.preview.up_to_date(), timeout=WAIT)


def replace_text(editor_widget, old: str, new: str) -> None:
    """Select ``old`` and type ``new`` over it, as an editor would."""
    document = editor_widget.document()
    cursor = document.find(old)
    assert not cursor.isNull(), old
    editor_widget.setTextCursor(cursor)
    editor_widget.insertPlainText(new)


def type_at_end(editor_widget, text: str) -> None:
    cursor = editor_widget.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor_widget.setTextCursor(cursor)
    editor_widget.insertPlainText(text)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def font_sizes_of(pdf: bytes, words: str) -> set[float]:
    """The font sizes text containing ``words`` is drawn with."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font, size):
        if words in text:
            sizes.add(round(size * tm[0], 1) if tm[0] else round(size, 1))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def make_user_template(user_dir: Path, template_id: str, jinja: str) -> Path:
    folder = user_dir / template_id
    folder.mkdir()
    (folder / "template.toml").write_text(
        f'id = "{template_id}"\nversion = 1\nname_vi = "Mẫu {template_id}"\n'
        f'name_en = "Template {template_id}"\n[styles.note]\nitalic = true\n',
        encoding="utf-8",
    )
    (folder / "briefing.html.j2").write_text(jinja, encoding="utf-8")
    return folder


# The editor's main story ------------------------------------------------------------------------


def test_editor_customises_edits_previews_saves_and_the_cli_renders_it(
    english, qtbot, windows, user_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    manager = manager_for(qtbot, windows, user_dir)
    manager.select("embassy-meeting")
    monkeypatch.setattr(
        template_manager,
        "ask_template_names",
        lambda parent, title, names, taken: TemplateNames(
            "vu-embassy", names.name_vi, names.name_en
        ),
    )
    manager.customise_selected()
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    copy_folder = user_dir / "vu-embassy"
    assert manager.row_of("vu-embassy") is not None
    editor = manager.editors[copy_folder]
    windows.append(editor)
    assert not editor.read_only
    wait_preview(qtbot, editor)
    before = editor.preview.result
    assert HEADING in before.markup

    replace_text(editor.editors["briefing.html.j2"], HEADING, NEW_HEADING)
    editor.form.select_style("h1").numbers["size"].setValue(20)
    assert editor.isWindowModified()
    qtbot.waitUntil(
        lambda: (
            NEW_HEADING in editor.preview.result.markup
            and editor.preview.result.document.styles["h1"].size == 20
        ),
        timeout=WAIT,
    )
    wait_preview(qtbot, editor)
    shown = editor.preview.result
    assert "GỢI Ý NỘI DUNG TIẾP KHÁCH" in pdf_text(shown.pdf)  # h1 is written in capitals
    assert font_sizes_of(shown.pdf, "TIẾP KHÁCH") == {20.0}
    assert HEADING in (copy_folder / "briefing.html.j2").read_text(encoding="utf-8")  # unsaved

    SHOTS.mkdir(parents=True, exist_ok=True)
    editor.resize(1400, 860)
    editor.grab().save(str(SHOTS / "editor.png"))
    assert editor.save()
    assert not editor.isWindowModified()
    saved = load_template(copy_folder, "user")
    assert saved.manifest.styles["h1"].size == 20
    assert saved.manifest.name_vi.endswith("(bản của tôi)")
    assert "# Tài liệu phục vụ buổi tiếp Đại sứ" in saved.manifest_path.read_text("utf-8")

    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_studio",
            "render",
            "--template",
            "vu-embassy",
            "--templates-dir",
            str(user_dir),
            "--format",
            "pdf",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    pdf = next(out.glob("*.pdf")).read_bytes()
    assert "GỢI Ý NỘI DUNG TIẾP KHÁCH" in pdf_text(pdf)
    assert font_sizes_of(pdf, "TIẾP KHÁCH") == {20.0}
    assert font_sizes_of(pdf, "TÌNH HÌNH QUAN HỆ") == {20.0}  # every h1 follows the form


def test_built_in_template_opens_read_only_and_offers_to_customise(
    english, qtbot, windows, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_in = TemplateLibrary(None).get("handout")
    editor = editor_for(qtbot, windows, built_in, user_dir)
    assert editor.read_only and editor.banner.isVisibleTo(editor)
    assert all(e.isReadOnly() for e in editor.editors.values())
    assert not editor.save_action.isEnabled() and not editor.save()
    monkeypatch.setattr(
        template_editor,
        "ask_template_names",
        lambda parent, title, names, taken: TemplateNames("my-handout", "Phát tay", "Handout"),
    )
    copy = editor.customise()
    assert copy is not None and copy.folder == user_dir / "my-handout"
    assert not editor.read_only and not editor.banner.isVisibleTo(editor)
    assert not editor.editors["briefing.html.j2"].isReadOnly()
    assert "Handout (my-handout)" in editor.windowTitle()


# Problems: at their line in the editor, in the manager's list -----------------------------------

BROKEN = [
    ("syntax-error", "<p>a</p>\n<p>{{ briefing.title }</p>\n", 2, "syntax error"),
    ("unknown-tag", "<p>a</p>\n<blink>{{ briefing.title }}</blink>\n", 2, "<blink>"),
    ("sandbox-escape", "<p>a</p>\n<p>{{ ''.__class__.__mro__ }}</p>\n", 2, "unsafe attribute"),
    ("endless-loop", "<p>a</p>\n" + ENDLESS + "\n", 2, "longer than"),
    ("unknown-class", '<p>a</p>\n<p class="shout">x</p>\n', 2, "not defined in template.toml"),
]


@pytest.mark.parametrize(
    ("template_id", "jinja", "line", "words"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_broken_template_shows_its_problem_in_the_manager_and_at_its_line_in_the_editor(
    english, qtbot, windows, user_dir: Path, template_id: str, jinja: str, line: int, words: str
) -> None:
    make_user_template(user_dir, template_id, jinja)
    manager = manager_for(qtbot, windows, user_dir, time_limit=0.5)
    row = manager.row_of(template_id)
    assert row is not None, "broken templates are listed, never hidden"
    assert words in row.text(3) and row.text(3).startswith("Cannot be used")
    assert row.foreground(0).color().name() == "#8a8a8a"  # greyed
    assert manager.row_of("embassy-meeting").text(3).startswith("Decree 30")  # others fine

    editor = manager.open_editor(
        manager.selected()
        if manager.selected().id == template_id
        else next(t for t in manager.templates if t.id == template_id)
    )
    windows.append(editor)
    qtbot.waitUntil(lambda: bool(editor.all_problems()), timeout=WAIT)
    problem = editor.all_problems()[0]
    assert words in problem.message
    assert (problem.file, problem.line) == ("briefing.html.j2", line)
    assert editor.editors["briefing.html.j2"].problem_line == line
    assert words in editor.status.text()


def test_a_typing_mistake_is_shown_at_its_line_and_cleared_when_fixed(
    english, qtbot, windows, user_dir: Path
) -> None:
    copy = store.customise(TemplateLibrary(None).get("embassy-meeting"), "mine", user_dir)
    editor = editor_for(qtbot, windows, copy, user_dir)
    code = editor.editors["briefing.html.j2"]
    first_pdf = editor.preview.result.pdf
    replace_text(code, ". Thông tin chung</h1>", ". Thông tin {{ chung</h1>")
    line = code.document().find("{{ chung").blockNumber() + 1
    qtbot.waitUntil(lambda: code.problem_line == line, timeout=WAIT)
    assert "syntax error" in editor.status.text()
    assert editor.preview.result.pdf == first_pdf  # the last good preview stays
    (SHOTS / "editor-error.png").parent.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SHOTS / "editor-error.png"))
    replace_text(code, "{{ chung", "chung")
    qtbot.waitUntil(lambda: code.problem_line is None and not editor.all_problems(), timeout=WAIT)
    wait_preview(qtbot, editor)
    assert "No problems" in editor.status.text()


def test_form_mistake_is_listed_against_the_manifest(
    english, qtbot, windows, user_dir: Path
) -> None:
    copy = store.customise(TemplateLibrary(None).get("handout"), "mine", user_dir)
    editor = editor_for(qtbot, windows, copy, user_dir)
    editor.form.name_vi.setText("")
    qtbot.waitUntil(lambda: bool(editor.all_problems()), timeout=WAIT)
    problem = editor.all_problems()[0]
    assert problem.file == "template.toml" and "name_vi" in problem.message
    assert editor.draft() is None  # nothing renders from an invalid manifest


# Manager: delete, share, offline folder; editor: unsaved changes ---------------------------------


def test_delete_asks_first_and_no_keeps_the_template(
    english, qtbot, windows, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user_template(user_dir, "note", "<p>x</p>")
    manager = manager_for(qtbot, windows, user_dir)
    manager.select("note")
    asked: list[str] = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    manager.delete_selected()
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    assert (user_dir / "note").is_dir() and "note" in asked[0]
    manager.select("embassy-meeting")
    assert not manager.delete_button.isEnabled()  # built-ins cannot be deleted
    manager.select("note")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    manager.delete_selected()
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    assert not (user_dir / "note").exists()
    assert manager.row_of("note") is None


def test_templates_are_shared_as_zip_and_a_clash_keeps_both(
    english, qtbot, windows, user_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    make_user_template(user_dir, "note", "<p>x</p>")
    manager = manager_for(qtbot, windows, user_dir)
    manager.select("note")
    target = tmp_path / "shared" / "note"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    manager.export_selected()
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    archive = target.with_suffix(".zip")
    assert "note/template.toml" in zipfile.ZipFile(archive).namelist()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    monkeypatch.setattr(manager, "ask_clash", lambda template_id: "rename")
    manager.import_zip()
    qtbot.waitUntil(
        lambda: manager.row_of("note-imported") is not None and not manager.busy(), timeout=WAIT
    )
    assert (user_dir / "note-imported" / "template.toml").is_file()


def test_offline_templates_folder_is_a_note_not_a_crash(
    english, qtbot, windows, tmp_path: Path
) -> None:
    offline = tmp_path / "unmounted-share" / "templates"
    manager = manager_for(qtbot, windows, offline)
    assert manager.folder_problem.isVisibleTo(manager)
    assert str(offline) in manager.folder_problem.text()
    assert [
        manager.tree.topLevelItem(i).text(1) for i in range(manager.tree.topLevelItemCount())
    ] == ["embassy-meeting", "handout", "province-meeting"]


def test_closing_with_unsaved_changes_asks_to_save(
    english, qtbot, windows, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = store.customise(TemplateLibrary(None).get("handout"), "mine", user_dir)
    editor = editor_for(qtbot, windows, copy, user_dir)
    type_at_end(editor.editors["briefing.html.j2"], "\n<p>Thêm một dòng.</p>\n")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not editor.close() and editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert editor.close()
    assert "Thêm một dòng" in (user_dir / "mine" / "briefing.html.j2").read_text("utf-8")


def test_reference_page_opens_from_help(english, qtbot) -> None:
    dialog = show_template_reference(None)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "upper_vi" in text and "page-break" in text and "by_slot" in text
    dialog.close()


def test_closing_the_editor_while_a_render_runs_is_safe(
    english, qtbot, windows, user_dir: Path
) -> None:
    from briefing_studio.ui import ops

    folder = make_user_template(user_dir, "slow", "<p>a</p>\n" + ENDLESS)
    editor = TemplateEditor(load_template(folder, "user"), user_dir, time_limit=1.0)
    editor.show()
    qtbot.waitUntil(lambda: editor.preview._op is not None, timeout=WAIT)
    assert editor.close()
    qtbot.waitUntil(lambda: not ops.running_ops(), timeout=WAIT)  # no callback hit a dead window


def test_manager_opened_from_the_main_window_uses_the_open_briefing(
    english, qtbot, windows, make_window, user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_studio.ui.template_manager import open_template_manager

    monkeypatch.setattr(template_manager, "_manager", None)
    monkeypatch.setattr(template_manager.preferences, "templates_dir", lambda: user_dir)
    window = make_window()
    changed: list[int] = []
    manager = open_template_manager(window, window.state, lambda: changed.append(1))
    windows.append(manager)
    assert open_template_manager(window, window.state, lambda: changed.append(1)) is manager
    qtbot.waitUntil(lambda: not manager.busy(), timeout=WAIT)
    manager.select("handout")
    monkeypatch.setattr(
        template_manager,
        "ask_template_names",
        lambda parent, title, names, taken: TemplateNames("office-handout", "A", "B"),
    )
    manager.customise_selected()
    qtbot.waitUntil(lambda: bool(changed) and not manager.busy(), timeout=WAIT)
    editor = manager.editors[user_dir / "office-handout"]
    windows.append(editor)
    assert editor.sample_state is window.state  # the preview shows the secretary's briefing
    wait_preview(qtbot, editor)
    assert editor.preview.result.document.blocks


def test_template_for_a_newer_app_is_listed_with_its_problem(
    english, qtbot, windows, user_dir: Path
) -> None:
    folder = make_user_template(user_dir, "future", "<p>x</p>")
    toml = folder / "template.toml"
    toml.write_text(toml.read_text("utf-8").replace("version = 1", "version = 7"), "utf-8")
    manager = manager_for(qtbot, windows, user_dir)
    row = manager.row_of("future")
    assert row is not None and "update Briefing Studio" in row.text(3)
    assert row.foreground(1).color().name() == "#8a8a8a"
    manager.select("future")
    assert manager.delete_button.isEnabled() and not manager.customise_button.isEnabled()
    editor = manager.edit_selected()
    windows.append(editor)
    assert "template.toml" in editor.editors  # the manifest opens as text to be fixed
    assert any("update Briefing Studio" in p.message for p in editor.all_problems())
