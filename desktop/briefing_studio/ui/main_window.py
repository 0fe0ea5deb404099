"""The main window: the three-column layout, its panels, and the window's life cycle.

Left: sources and meeting details. Centre: the text with its sections (tabs for figures and
entities). Right: template, order of the chosen sections, and the live preview. Every slow step
(loading, analysing, finding names, rendering, exporting) runs through ``ops.run_op``. Actions
and menus live in ``window_actions``, opening/saving/exporting/printing in ``window_files``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_studio import settings as keys
from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError
from briefing_studio.paths import resources_dir
from briefing_studio.ui import i18n, ops, preferences
from briefing_studio.ui.arrange_panel import ArrangePanel
from briefing_studio.ui.autosave import Autosaver, CrashedSession, crashed_sessions, discard
from briefing_studio.ui.entities_panel import EntitiesPanel
from briefing_studio.ui.figures_panel import FiguresPanel
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.meeting_panel import MeetingPanel
from briefing_studio.ui.preview import PreviewPanel
from briefing_studio.ui.source_view import SourceView
from briefing_studio.ui.sources_panel import SourcesPanel
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.template_picker import TemplatePicker
from briefing_studio.ui.window_actions import WindowActions
from briefing_studio.ui.window_files import FileWorkflows
from briefing_studio.ui.window_size import fitted
from briefing_studio.workspace import Workspace

EntityFinder = Callable[..., list]
SOURCES_HEIGHT = 180  # the sources list's first height (px); the meeting details below
ORDER_HEIGHT = 270  # the order list's first height (px); the preview below takes the rest


def default_entity_finder(analysis: Analysis, **kwargs: Any) -> list:
    from briefing_studio.analysis.entities import extract_entities

    return extract_entities(analysis, **kwargs)


class MainWindow(WindowActions, FileWorkflows, QMainWindow):
    """One briefing being prepared (actions: ``window_actions``; files: ``window_files``)."""

    def __init__(
        self, entity_finder: EntityFinder | None = None, autosave_interval_ms: int | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowIcon(QIcon(str(resources_dir() / "desktop" / "briefing-studio.svg")))
        self.project_path: Path | None = None
        self.entity_finder = entity_finder or default_entity_finder
        self._ner_queue: list[Analysis] = []
        self._ner_op: ops.Op | None = None
        self._paste_count = 0
        self._ops: set[ops.Op] = set()
        self.successor: MainWindow | None = None  # the window that replaced this one

        self.state = BriefingState(self)
        self.state.set_library(self._new_library())
        self.progress = ops.ProgressHost(self)
        self.statusBar().addPermanentWidget(self.progress)

        self._build_panels()
        self._build_actions()
        self._build_menus()
        self._build_layout()

        if autosave_interval_ms is None:
            autosave_interval_ms = preferences.autosave_interval_s() * 1000
        self.autosaver = Autosaver(self.state, interval_ms=autosave_interval_ms)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.start()
        self.state.template_changed.connect(self._remember_template)
        self.state.undo_stack.cleanChanged.connect(self._update_title)
        self.state.undo_stack.indexChanged.connect(self._update_title)
        self.setAcceptDrops(True)
        self._update_title()
        self._restore_geometry()
        self.source_view.view.setFocus()

    # ----- construction --------------------------------------------------------------------

    def _new_library(self) -> Any:
        from briefing_studio.paths import default_user_templates_dir
        from briefing_studio.templating import TemplateLibrary

        if not preferences.get_str(keys.KEY_TEMPLATES_DIR):
            # The default folder simply not existing yet is not a problem worth a note.
            default_user_templates_dir().mkdir(parents=True, exist_ok=True)
        return TemplateLibrary(preferences.templates_dir())

    def _build_panels(self) -> None:
        state = self.state
        self.sources_panel = SourcesPanel(state)
        self.meeting_panel = MeetingPanel(state)
        self.source_view = SourceView(state)
        self.figures_panel = FiguresPanel(state)
        self.entities_panel = EntitiesPanel(state)
        self.arrange_panel = ArrangePanel(state)
        self.template_picker = TemplatePicker(state)
        self.preview = PreviewPanel(state)
        self.sources_panel.open_requested.connect(self.open_files)
        self.sources_panel.paste_requested.connect(self.paste_source)
        self.sources_panel.source_activated.connect(self._show_source)
        self.meeting_panel.suggest_requested.connect(self.suggest)
        self.entities_panel.section_requested.connect(self._show_section)

    def _build_layout(self) -> None:
        sources_box = QGroupBox(self.tr("Sources"))
        QVBoxLayout(sources_box).addWidget(self.sources_panel)
        self.left_splitter = left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("left")
        left.addWidget(sources_box)
        left.addWidget(self.meeting_panel)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 3)
        # 1366×768: six sources in view (was four at 141 px) and the meeting details whole.
        left.setSizes([SOURCES_HEIGHT, 689 - SOURCES_HEIGHT])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.source_view, self.tr("Text"))
        self.tabs.addTab(self.figures_panel, self.tr("Figures"))
        self.tabs.addTab(self.entities_panel, self.tr("Names"))
        arrange_box = QGroupBox(self.tr("Briefing order"))
        arrange_layout = QVBoxLayout(arrange_box)
        arrange_layout.addWidget(self.template_picker)
        arrange_layout.addWidget(self.arrange_panel, 1)
        self.right_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("right")
        right.addWidget(arrange_box)
        right.addWidget(self.preview)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        # At 1366×768 the preview gets 419 px (388 of page, was about 170) and the order list
        # about five rows below the template and its description.
        right.setSizes([ORDER_HEIGHT, 768 - ORDER_HEIGHT])
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main")
        for widget in (left, self.tabs, right):
            self.splitter.addWidget(widget)
            widget.setMinimumWidth(240)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([350, 546, 470])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        # Tab moves on from lists and tables (arrows move inside them), as everywhere else.
        for view in self.splitter.findChildren(QAbstractItemView):
            view.setTabKeyNavigation(False)
        self.resize(fitted(self, QSize(1366, 768)))

    def splitters(self) -> list[QSplitter]:
        """The panel dividers whose positions are kept between sessions."""
        return [self.splitter, self.left_splitter, self.right_splitter]

    def _autosave_failed(self, exc: BriefingError) -> None:
        self.statusBar().showMessage(
            self.tr("Autosave failed: {0}").format(exc.message(current_language())), 15000
        )

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
            self,
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
            ops.show_error(self, exc)
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
            self.start_entities(analyses)

        self._load(seed_files(), None, done, self.tr("Opening the sample texts"))

    def _run(
        self, task: ops.Task, on_success: Callable[[Any], None], label: str, **kwargs: Any
    ) -> ops.Op:
        """``ops.run_op`` for this window: progress in its status bar, tracked for ``busy``."""
        op = ops.run_op(task, on_success, label=label, parent=self, host=self.progress, **kwargs)
        self._ops.add(op)
        op.finished.connect(lambda: self._ops.discard(op))
        return op

    def _show_source(self, key: str) -> None:
        for analysis in self.state.analyses:
            if analysis.source.key == key and analysis.sections:
                self._show_section(analysis.sections[0].id)

    def _show_section(self, section_id: str) -> None:
        self.tabs.setCurrentWidget(self.source_view)
        self.source_view.show_section(section_id)

    # ----- entities ------------------------------------------------------------------------

    def start_entities(self, analyses: Sequence[Analysis]) -> None:
        """Find names in the background, one source after another; never blocks."""
        self._ner_queue.extend(a for a in analyses if a.entities is None)
        self._next_entities()

    def find_entities_again(self) -> None:
        self.start_entities(list(self.state.analyses))

    def _next_entities(self) -> None:
        if self._ner_op is not None:
            return
        while self._ner_queue and self._ner_queue[0] not in self.state.analyses:
            self._ner_queue.pop(0)
        if not self._ner_queue:
            return
        analysis = self._ner_queue.pop(0)
        finder = self.entity_finder
        name = analysis.metadata.title or analysis.source.name
        self.entities_panel.set_status(self.tr("Finding names in “{0}”…").format(name))

        def task(ctx: ops.TaskContext) -> list:
            return finder(analysis, use_ner=True, progress=ctx.progress, cancelled=ctx.cancelled)

        def done(entities: list) -> None:
            self._ner_op = None
            self.state.set_entities(analysis, entities)
            self._next_entities()

        def cancelled() -> None:
            self._ner_op = None
            self._ner_queue.clear()
            self.entities_panel.set_status(
                self.tr("Finding names was cancelled. Tools → Find names again restarts it.")
            )

        def failed(_exc: BaseException, _details: str) -> bool:
            self._ner_op = None
            self.entities_panel.set_status(self.tr("Names could not be found."))
            QTimer.singleShot(0, self._next_entities)
            return False

        self._ner_op = self._run(
            task, done, self.tr("Finding names"), on_cancelled=cancelled, on_failure=failed
        )

    # ----- editing -------------------------------------------------------------------------

    def suggest(self) -> None:
        """Apply the suggestion; over ticks made by hand, ask first (replace / add / cancel)."""
        if not self.state.analyses:
            return
        mode: str | None = "replace"
        if self.state.suggestion_needs_asking():
            from briefing_studio.ui.suggest_prompt import ask_suggest_mode

            mode = ask_suggest_mode(self)
        if mode is not None:
            self.state.suggest(mode)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.source_view)
        self.source_view.focus_search()

    def new_briefing(self) -> None:
        if not self.maybe_save():
            return
        self.project_path = None
        self.state.reset(Workspace(), self.fresh_briefing())
        self._update_title()

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

    def _remember_template(self) -> None:
        if self.state.template() is not None:
            preferences.set_value(keys.KEY_LAST_TEMPLATE, self.state.briefing.template)

    def _update_title(self, *_args: object) -> None:
        name = self.project_path.name if self.project_path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Briefing Studio")
        self.setWindowModified(self.state.modified)
        # The title and the autosave's lock name the same file: a recovery restores it.
        self.autosaver.set_project_path(self.project_path)

    # ----- settings, about -----------------------------------------------------------------

    def show_settings(self) -> None:
        from briefing_studio.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        if dialog.templates_changed:
            self.reload_templates()
        self.autosaver.timer.setInterval(preferences.autosave_interval_s() * 1000)
        if dialog.language_changed:
            self.switch_language()

    def switch_language(self) -> MainWindow | None:
        """Rebuild the window in the language just chosen (Qt widgets keep the texts they were
        made with). The briefing, its file and its unsaved state carry over; the undo history
        does not. Returns the new window, or None when an open editor kept this one."""
        if not self._close_other_windows():
            QMessageBox.information(
                self,
                self.tr("Language"),
                self.tr("The new language applies when Briefing Studio starts again."),
            )
            return None
        workspace, briefing = self.state.workspace, self.state.snapshot()
        modified = self.state.modified
        self.shutdown()  # before the successor: both windows' autosaves use this process's files
        i18n.install(preferences.language())
        successor = MainWindow(entity_finder=self.entity_finder)
        successor.take_over(self, workspace, briefing, modified)
        successor.show()
        self.successor = successor
        self.hide()
        return successor

    def take_over(
        self, old: MainWindow, workspace: Workspace, briefing: Briefing, modified: bool
    ) -> None:
        """Show what ``old`` showed: sources, choices, file, unsaved state, layout."""
        self.project_path = old.project_path
        self.state.reset(workspace, briefing)
        if modified:
            self.state.undo_stack.resetClean()  # still unsaved: the title and Close say so
            self.autosaver.save_now()
        self.setGeometry(old.geometry())
        for mine, theirs in zip(self.splitters(), old.splitters(), strict=True):
            mine.setSizes(theirs.sizes())
        self.tabs.setCurrentIndex(old.tabs.currentIndex())
        self._update_title()
        self.start_entities(workspace.analyses)  # only those still without names

    def _close_other_windows(self) -> bool:
        """Close the template manager and editors (they may ask to save); False if one stays."""
        for window in self.findChildren(QWidget):
            if window.isWindow() and window.isVisible() and not window.close():
                return False
        return True

    def manage_templates(self) -> None:
        from briefing_studio.ui.template_manager import open_template_manager

        open_template_manager(self, self.state, self.reload_templates)

    def reload_templates(self) -> None:
        """Templates changed on disk (manager, editor, settings): list them again."""
        self.state.set_library(self._new_library())
        self.template_picker.reload()

    def show_template_reference(self) -> None:
        from briefing_studio.ui.template_dialogs import show_template_reference

        show_template_reference(self)

    def show_user_guide(self) -> None:
        from briefing_studio.ui.help_windows import show_user_guide

        show_user_guide(self)

    def show_about(self) -> None:
        from briefing_studio.ui.about import show_about

        show_about(self)

    # ----- closing -------------------------------------------------------------------------

    def busy(self) -> bool:
        """True while loading, finding names or rendering (tests wait for this)."""
        return bool(self._ops) or self.preview.busy

    def shutdown(self) -> None:
        """Stop workers and remove this session's autosave and lock (a clean exit)."""
        self.preview.cancel()
        self._ner_queue.clear()
        ops.cancel_and_wait(list(self._ops))
        self.autosaver.stop()
        settings = preferences.store()
        settings.setValue(keys.KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(keys.KEY_STATE, self.saveState())
        for splitter in self.splitters():
            settings.setValue(f"{keys.KEY_SPLITTERS}/{splitter.objectName()}", splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.successor is not None:  # replaced and already shut down: nothing of ours left
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def _restore_geometry(self) -> None:
        settings = preferences.store()
        geometry = settings.value(keys.KEY_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        window_state = settings.value(keys.KEY_STATE)
        if isinstance(window_state, QByteArray) and not window_state.isEmpty():
            self.restoreState(window_state)
        for splitter in self.splitters():
            sizes = settings.value(f"{keys.KEY_SPLITTERS}/{splitter.objectName()}")
            if isinstance(sizes, QByteArray) and not sizes.isEmpty():
                splitter.restoreState(sizes)
