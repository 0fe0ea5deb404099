"""Each of the main window's workflow objects works with only what its constructor declares:
no ``MainWindow`` is built here, so an attribute a workflow used without receiving it fails."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

from briefing_studio.analysis import analyze
from briefing_studio.briefing import DEFAULT_TEMPLATE
from briefing_studio.paths import seed_files
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source, source_from_text
from briefing_studio.ui import ops, preferences
from briefing_studio.ui.language_switch import LanguageSwitch
from briefing_studio.ui.name_finding import NameFinding
from briefing_studio.ui.preview import PreviewPanel
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.window_actions import ActionSet, Commands
from briefing_studio.ui.window_files import FileWorkflow
from briefing_studio.ui.window_output import OutputWorkflow
from briefing_studio.workspace import Workspace


def _parts(qtbot) -> tuple[QWidget, BriefingState, ops.Runner, QStatusBar]:
    parent = QWidget()
    qtbot.addWidget(parent)
    status = QStatusBar(parent)
    return parent, BriefingState(parent), ops.Runner(parent, ops.ProgressHost(parent)), status


def test_file_workflow_opens_a_source_saves_and_starts_afresh(
    studio_app, qtbot, tmp_path: Path
) -> None:
    parent, state, runner, status = _parts(qtbot)
    found: list[list] = []
    files = FileWorkflow(parent, state, runner, status, lambda analyses: found.append(analyses))
    changes: list[Path | None] = []
    files.project_changed.connect(lambda: changes.append(files.project_path))
    text = tmp_path / "nguon.txt"
    text.write_text("Hà Nội và Seoul ký 12 thỏa thuận hợp tác.\n", encoding="utf-8")

    files.open_paths([text])
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)
    assert [a.source.name for a in state.analyses] == ["nguon.txt"]
    assert found == [list(state.analyses)]  # names are looked for in what was opened

    project = tmp_path / "hop.briefing"
    assert files.save_to(project)
    assert project.is_file() and not state.modified
    assert files.project_path == project and changes == [project]
    assert "hop.briefing" in status.currentMessage()

    files.new_briefing()  # nothing unsaved: no question
    assert not state.analyses and files.project_path is None and changes[-1] is None


def test_output_workflow_exports_what_the_state_holds(studio_app, qtbot, tmp_path: Path) -> None:
    from briefing_studio.templating import TemplateLibrary

    parent, state, runner, status = _parts(qtbot)
    preview = PreviewPanel(state)
    qtbot.addWidget(preview)
    output = OutputWorkflow(parent, state, runner, status, preview)
    assert output.export_to(tmp_path, ["docx"], "x") is None  # no template yet: a warning

    state.set_library(TemplateLibrary(preferences.templates_dir()))
    analyses = Workspace([analyze(load_source(seed_files()[0]))])
    state.reset(analyses, new_briefing(analyses, "all", None, DEFAULT_TEMPLATE))
    written: list[Path] = []
    output.export_to(tmp_path, ["docx"], "han-quoc", on_done=written.extend)
    qtbot.waitUntil(lambda: bool(written), timeout=60000)
    assert written == [tmp_path / "han-quoc.docx"] and written[0].stat().st_size > 0
    assert "han-quoc.docx" in status.currentMessage()
    qtbot.waitUntil(lambda: not preview.busy, timeout=60000)


def test_name_finding_skips_sources_no_longer_open_and_hands_names_to_the_state(
    studio_app, qtbot
) -> None:
    _parent, state, runner, _status = _parts(qtbot)
    kept = analyze(source_from_text("Ông Nguyễn Văn An đến Hà Nội.", "giữ"))
    gone = analyze(source_from_text("Bà Trần Thị Bình ở Huế.", "bỏ"))
    state.add_analyses([kept])
    asked: list[str] = []
    said: list[str] = []

    def finder(analysis, **_kwargs) -> list:
        asked.append(analysis.source.name)
        return []

    names = NameFinding(state, runner, said.append, finder)
    names.start([kept, gone])
    qtbot.waitUntil(lambda: names.op is None and not runner.busy(), timeout=30000)
    assert asked == ["giữ"]  # "bỏ" was never opened in the state
    assert kept.entities == [] and gone.entities is None
    assert said == ["Đang tìm tên riêng trong “Ông Nguyễn Văn An đến Hà Nội”…"]  # its title


class _Stubborn(QWidget):
    """A tool window with unsaved work whose user answers Cancel."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def test_language_switch_stops_for_an_open_editor_then_hands_over_the_work(
    studio_app, qtbot, modal_boxes
) -> None:
    parent, state, _runner, _status = _parts(qtbot)
    analyses = Workspace([analyze(source_from_text("Hợp tác với Hàn Quốc.", "nguồn"))])
    state.reset(analyses, new_briefing(analyses, "all", None, DEFAULT_TEMPLATE))
    state.edit_field("meeting", "place", "Huế")
    steps: list[str] = []
    built: list[tuple] = []

    def rebuild(analyses, briefing, modified) -> QWidget:
        steps.append("rebuild")
        built.append((analyses, briefing, modified))
        return QWidget()

    switch = LanguageSwitch(parent, state, lambda: steps.append("shutdown"), rebuild)
    editor = _Stubborn(parent, Qt.WindowType.Window)
    editor.show()
    assert switch.switch() is None and steps == []
    assert modal_boxes[-1][0] == "information"

    editor.hide()
    successor = switch.switch()
    qtbot.addWidget(successor)
    assert steps == ["shutdown", "rebuild"]  # the autosave is gone before the new one starts
    [(carried, briefing, modified)] = built
    assert carried == analyses and modified
    assert briefing.meeting.place == "Huế" and briefing is not state.briefing


def test_action_set_calls_its_commands_and_opens_a_recent_file(
    studio_app, qtbot, tmp_path: Path
) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    called: list[tuple] = []
    commands = Commands(
        **{f.name: (lambda *args, n=f.name: called.append((n, *args))) for f in fields(Commands)}
    )
    actions = ActionSet(host, QUndoStack(host), commands)
    actions.export_action.trigger()
    actions.save_as_action.trigger()
    assert called == [("export",), ("save_as",)]
    assert "Ctrl+E" in {a.shortcut().toString() for a in host.actions()}
    assert actions.file_menu.title() == "&Tệp"

    recent = tmp_path / "hop.briefing"
    preferences.add_recent_file(recent)
    actions.fill_recent_menu()
    [entry] = [a for a in actions.recent_menu.actions() if a.statusTip() == str(recent)]
    entry.trigger()
    assert called[-1] == ("open_recent", recent)


def test_runner_tracks_its_ops_until_they_finish(studio_app, qtbot) -> None:
    _parent, _state, runner, _status = _parts(qtbot)
    results: list[int] = []
    runner.run(lambda _ctx: 6 * 7, results.append, "Tính")
    assert runner.busy()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    assert results == [42]


def test_reopening_files_and_projects_reads_the_kept_analyses(
    studio_app, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from briefing_studio.analysis import pipeline
    from briefing_studio.analysis.cache import FOLDER
    from briefing_studio.paths import user_cache_dir

    parent, state, runner, status = _parts(qtbot)
    files = FileWorkflow(parent, state, runner, status, lambda analyses: None)
    text = tmp_path / "nguon.txt"
    text.write_text("Hà Nội và Seoul ký 12 thỏa thuận hợp tác, tổng vốn 3,5 tỷ USD.\n", "utf-8")
    files.open_paths([text])
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)
    first = state.analyses[0]
    assert len(list((user_cache_dir() / FOLDER).glob("*.pickle"))) == 1
    project = tmp_path / "hop.briefing"
    assert files.save_to(project)
    files.new_briefing()

    def not_again(source):
        raise AssertionError(f"{source.name} analysed again")

    monkeypatch.setattr(pipeline, "analyze", not_again)
    files.open_paths([text])
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)
    (again,) = state.analyses
    assert again.sections == first.sections and again.figures == first.figures
    files.new_briefing()
    files.open_project(project)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)
    assert [a.source.name for a in state.analyses] == ["nguon.txt"]
    assert state.analyses[0].figures == first.figures
