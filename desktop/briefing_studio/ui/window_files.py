"""The main window's file workflow: what is open — sources, projects, the samples, a recovered
session — and saving it.

``FileWorkflow`` receives what it uses: the window as the parent of its dialogs, the state, the
window's ``ops.Runner`` (loading and analysing run there), the status bar, and a callable that
starts finding names in newly opened sources. It owns the project's path and says when it
changes. Saving a project is a small JSON write and happens at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QStatusBar,
    QWidget,
)

from briefing_studio import settings as keys
from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError
from briefing_studio.project import SUFFIX as PROJECT_SUFFIX
from briefing_studio.ui import ops, preferences
from briefing_studio.ui.autosave import CrashedSession, crashed_sessions, discard
from briefing_studio.ui.i18n import Translated, current_language
from briefing_studio.ui.state import BriefingState
from briefing_studio.workspace import Workspace


def load_and_analyze(
    paths: Sequence[Path], encoding: str | None, context: ops.TaskContext
) -> tuple[list[Analysis], list[BriefingError]]:
    """Worker: each file loaded and analysed; a bad file is reported, the others still load.

    A source analysed before (by the app or the command line) is read from the user's analysis
    cache instead, so reopening files is quicker."""
    from briefing_studio.analysis.cache import AnalysisCache
    from briefing_studio.sources import load_source

    cache = AnalysisCache.default()
    analyses, errors = [], []
    for done, path in enumerate(paths):
        if context.cancelled():
            raise ops.Cancelled()
        context.progress(done, len(paths))
        try:
            # A scan reports its pages (OCR), so a long one shows progress and can be cancelled.
            pages = _page_progress(context, done, len(paths))
            source = load_source(
                path, encoding=encoding, progress=pages, cancelled=context.cancelled
            )
            analyses.append(cache.analyze(source))
        except BriefingError as exc:
            errors.append(exc)
    context.progress(len(paths), len(paths))
    from briefing_studio.library.scan import remember

    # Every opened source goes into the library too (off the UI thread, like the loading); a
    # library that fails is said once a minute at most, and the files open all the same.
    problem = remember(analyses)
    return analyses, errors + ([problem] if problem else [])


def _page_progress(context: ops.TaskContext, index: int, count: int) -> Callable[[int, int], None]:
    """Progress of file ``index`` of ``count`` reported page by page as part of the whole."""
    return lambda page, total: context.progress(index * total + page, count * total)


class FileWorkflow(Translated, QObject):
    """Opening, saving and starting afresh, for one window's ``state``."""

    project_changed = Signal()  # ``project_path`` changed, or the project was just saved

    def __init__(
        self,
        window_parent: QWidget,
        state: BriefingState,
        runner: ops.Runner,
        status: QStatusBar,
        find_names: Callable[[Sequence[Analysis]], None],
    ) -> None:
        super().__init__(window_parent)
        self.window_parent = window_parent
        self.state = state
        self.runner = runner
        self.status = status
        self.find_names = find_names
        self.project_path: Path | None = None
        self._paste_count = 0

    def set_project_path(self, path: Path | None) -> None:
        self.project_path = path
        self.project_changed.emit()

    # ----- start ---------------------------------------------------------------------------

    def start(self, files: Sequence[str] = ()) -> None:
        """First content: a crashed session's autosave, the given files, or the two seeds."""
        crashed = crashed_sessions()
        if crashed and self.offer_recovery(crashed[0]):
            return
        if files:
            self.open_paths([Path(f) for f in files], initial=True)
        else:
            self.load_seeds()

    def offer_recovery(self, session: CrashedSession) -> bool:
        if session.project_path is not None:
            text = self.tr(
                "Briefing Studio did not close properly last time. Restore the unsaved "
                "changes to “{0}”?"
            ).format(session.project_path.name)
        else:
            text = self.tr(
                "Briefing Studio did not close properly last time. Restore the briefing "
                "that was being edited?"
            )
        answer = QMessageBox.question(
            self.window_parent,
            self.tr("Restore unsaved work?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            discard(session)
            return False
        from briefing_studio.project import load_briefing

        try:
            briefing = load_briefing(session.autosave)
        except BriefingError as exc:
            ops.show_error(self.window_parent, exc)
            discard(session)
            return False
        self._open_briefing(briefing, session.project_path, restored=session)
        return True

    def load_seeds(self) -> None:
        """The two sample texts with the suggestion applied: a working briefing at once."""
        from briefing_studio.paths import seed_files

        def done(result: tuple[list[Analysis], list[BriefingError]]) -> None:
            from briefing_studio.selection import new_briefing

            analyses, errors = result
            workspace = Workspace(analyses)
            briefing = new_briefing(workspace, "suggested", None, self.last_template())
            briefing.agency = keys.default_agency()
            self.state.reset(workspace, briefing)
            self._report_errors(errors)
            self.find_names(analyses)

        self._load(seed_files(), None, done, self.tr("Opening the sample texts"))

    def new_briefing(self) -> None:
        if not self.maybe_save():
            return
        self.set_project_path(None)
        self.state.reset(Workspace(), self.fresh_briefing())

    def fresh_briefing(self) -> Briefing:
        """An empty briefing with the settings' agency and the template used last."""
        return Briefing(agency=keys.default_agency(), template=self.last_template())

    def last_template(self) -> str:
        """The template chosen last time (kept in the settings) if it still loads."""
        from briefing_studio.briefing import DEFAULT_TEMPLATE

        chosen = preferences.get_str(keys.KEY_LAST_TEMPLATE)
        library = self.state.library
        if not chosen or library is None:
            return DEFAULT_TEMPLATE
        try:
            library.get(chosen)
        except BriefingError:
            return DEFAULT_TEMPLATE
        return chosen

    # ----- opening -------------------------------------------------------------------------

    def _load(
        self,
        paths: Sequence[Path],
        encoding: str | None,
        done: Callable[[tuple[list[Analysis], list[BriefingError]]], None],
        label: str,
    ) -> ops.Op:
        return self.runner.run(
            lambda ctx: load_and_analyze(list(paths), encoding, ctx), done, label
        )

    def open_paths(
        self, paths: Sequence[Path], encoding: str | None = None, initial: bool = False
    ) -> None:
        """Open .briefing projects and add every other file as a source."""
        projects = [p for p in paths if p.suffix.lower() == PROJECT_SUFFIX]
        sources = [p for p in paths if p.suffix.lower() != PROJECT_SUFFIX]
        if projects:
            self.open_project(projects[0])
            return
        if not sources:
            return
        for path in sources:
            preferences.add_recent_file(path)
        preferences.set_last_folder(sources[0])

        def done(result: tuple[list[Analysis], list[BriefingError]]) -> None:
            analyses, errors = result
            if initial and not self.state.analyses:
                self.state.reset(Workspace(analyses), self.fresh_briefing())
            else:
                self.state.add_analyses(analyses)
            self._report_errors(errors)
            self.find_names(analyses)

        self._load(sources, encoding, done, self.tr("Opening %n file(s)", "", len(sources)))

    def _report_errors(self, errors: Sequence[BriefingError]) -> None:
        if not errors:
            return
        lang = current_language()
        text = "\n\n".join(e.message(lang) for e in errors)
        QMessageBox.warning(self.window_parent, self.tr("Some files could not be opened"), text)

    def _supported_filter(self) -> str:
        from briefing_studio.sources import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        return ";;".join(
            [
                self.tr("Sources and briefings ({0})").format(f"{patterns} *{PROJECT_SUFFIX}"),
                self.tr("Sources ({0})").format(patterns),
                self.tr("Briefings ({0})").format(f"*{PROJECT_SUFFIX}"),
                self.tr("All files (*)"),
            ]
        )

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window_parent, self.tr("Open"), preferences.last_folder(), self._supported_filter()
        )
        if files:
            self.open_paths([Path(f) for f in files])

    def open_with_encoding(self) -> None:
        from briefing_studio.sources import ENCODINGS

        labels = {label: code for code, label in ENCODINGS}
        label, ok = QInputDialog.getItem(
            self.window_parent,
            self.tr("Open with encoding"),
            self.tr("Encoding of the text files:"),
            list(labels),
            0,
            False,
        )
        if not ok:
            return
        encoding = None if labels[label] == "auto" else labels[label]
        files, _ = QFileDialog.getOpenFileNames(
            self.window_parent,
            self.tr("Open"),
            preferences.last_folder(),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if files:
            self.open_paths([Path(f) for f in files], encoding=encoding)

    def paste_source(self, text: str | None = None) -> None:
        """Add clipboard text (or ``text``) as a new source."""
        from briefing_studio.analysis import analyze
        from briefing_studio.sources import source_from_text

        text = QApplication.clipboard().text() if text is None else text
        if not text.strip():
            self.status.showMessage(self.tr("The clipboard holds no text."), 5000)
            return
        self._paste_count += 1
        name = self.tr("Pasted text {0}").format(self._paste_count)

        def task(_ctx: ops.TaskContext) -> tuple[Analysis, BriefingError | None]:
            from briefing_studio.library.scan import remember

            analysis = analyze(source_from_text(text, name))
            # Into the library like an opened file (stored once per content); a failing
            # library is said once and the text is a source all the same.
            return analysis, remember([analysis])

        def done(result: tuple[Analysis, BriefingError | None]) -> None:
            analysis, problem = result
            self.state.add_analyses([analysis])
            self.find_names([analysis])
            if problem is not None:
                self.status.showMessage(problem.message(current_language()), 10000)

        self.runner.run(task, done, self.tr("Analysing the pasted text"))

    def open_project(self, path: Path) -> None:
        from briefing_studio.project import load_briefing

        if not self.maybe_save():
            return
        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            ops.show_error(self.window_parent, exc)
            return
        preferences.add_recent_file(path)
        preferences.set_last_folder(path)
        self._open_briefing(briefing, path)

    def _open_briefing(
        self, briefing: Briefing, path: Path | None, restored: CrashedSession | None = None
    ) -> None:
        from briefing_studio.analysis.cache import AnalysisCache

        sources = list(briefing.sources)

        def done(workspace: Workspace) -> None:
            self.set_project_path(path)
            self.state.reset(workspace, briefing)
            if restored is not None:
                discard(restored)
                self.state.undo_stack.resetClean()  # restored work is unsaved work
            self.find_names(workspace.analyses)

        self.runner.run(
            lambda _ctx: Workspace.analyze(sources, AnalysisCache.default()),
            done,
            self.tr("Opening the briefing"),
        )

    # ----- saving --------------------------------------------------------------------------

    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self.save_to(self.project_path)

    def save_as(self) -> bool:
        start = str(self.project_path or self.suggested_project_path())
        name, _ = QFileDialog.getSaveFileName(
            self.window_parent,
            self.tr("Save briefing"),
            start,
            self.tr("Briefings ({0})").format("*.briefing"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return self.save_to(path)

    def suggested_project_path(self) -> Path:
        """Where Save As starts for a new briefing: the name Export suggests, ``.briefing``."""
        from briefing_studio.export import default_stem

        folder = Path(preferences.last_folder())
        return folder / f"{default_stem(self.state.briefing)}{PROJECT_SUFFIX}"

    def save_to(self, path: Path) -> bool:
        from briefing_studio.project import save_briefing

        try:
            save_briefing(self.state.snapshot(), path)
        except BriefingError as exc:
            ops.show_error(self.window_parent, exc)
            return False
        self.set_project_path(path)
        self.state.undo_stack.setClean()
        preferences.add_recent_file(path)
        preferences.set_last_folder(path)
        self.status.showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means stop."""
        if not self.state.modified:
            return True
        answer = QMessageBox.question(
            self.window_parent,
            self.tr("Unsaved changes"),
            self.tr("The briefing has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
