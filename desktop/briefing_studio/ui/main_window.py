"""The main window: a thin shell that builds the panels and the workflows and wires them.

Left: sources and meeting details. Centre: the text with its sections (tabs for figures and
entities). Right: template, order of the chosen sections, and the live preview. The work is done
by objects that receive what they use: ``FileWorkflow`` (open, save, recover; ``window_files``),
``OutputWorkflow`` (export, print, verify; ``window_output``), ``NameFinding`` (names in the
background; ``name_finding``), ``LanguageSwitch`` and ``ActionSet`` (actions, menus, toolbar;
``window_actions``). Every slow step runs through the window's ``ops.Runner``.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
)

from briefing_studio import settings as keys
from briefing_studio.briefing import Briefing
from briefing_studio.checks import Place
from briefing_studio.errors import BriefingError
from briefing_studio.paths import resources_dir
from briefing_studio.ui import ops, preferences
from briefing_studio.ui.arrange_panel import ArrangePanel
from briefing_studio.ui.autosave import Autosaver
from briefing_studio.ui.entities_panel import EntitiesPanel
from briefing_studio.ui.figures_panel import FiguresPanel
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.language_switch import LanguageSwitch
from briefing_studio.ui.library_panel import LibraryPanel
from briefing_studio.ui.meeting_panel import MeetingPanel
from briefing_studio.ui.name_finding import EntityFinder, NameFinding
from briefing_studio.ui.preview import PreviewPanel
from briefing_studio.ui.source_view import SourceView
from briefing_studio.ui.sources_panel import SourcesPanel
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.template_picker import TemplatePicker
from briefing_studio.ui.window_actions import ActionSet, Commands
from briefing_studio.ui.window_files import FileWorkflow
from briefing_studio.ui.window_output import OutputWorkflow
from briefing_studio.ui.window_size import fitted
from briefing_studio.workspace import Workspace

_frozen = False


def _freeze_start_up() -> None:
    """Leave what start-up made out of the cyclic collector's passes, once per process.

    Everything made by now (modules, Qt's wrappers, word lists, fonts) lives as long as the app.
    The collector's full passes walked all of it while holding the GIL, and froze the window:
    opening a 1 MB source paused it for 0.28 s in ``Workspace`` alone, where a pass fell.
    Frozen objects are skipped by every pass (reference counting still frees them if they go),
    so the passes walk only what came later. Garbage is collected first, so none is kept.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


SOURCES_HEIGHT = 180  # the sources list's first height (px); the meeting details below
ORDER_HEIGHT = 270  # the order list's first height (px); the preview below takes the rest


class MainWindow(QMainWindow):
    """One briefing being prepared: panels, workflows, and the signals between them."""

    def __init__(
        self, entity_finder: EntityFinder | None = None, autosave_interval_ms: int | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowIcon(QIcon(str(resources_dir() / "desktop" / "briefing-studio.svg")))
        self.successor: MainWindow | None = None  # the window that replaced this one

        self.state = BriefingState(self)
        self.state.set_library(self._new_library())
        self.progress = ops.ProgressHost(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.runner = ops.Runner(self, self.progress)

        self._build_panels()
        self._build_workflows(entity_finder)
        self.action_set = ActionSet(self, self.state.undo_stack, self._commands())
        self._build_layout()

        if autosave_interval_ms is None:
            autosave_interval_ms = preferences.autosave_interval_s() * 1000
        self.autosaver = Autosaver(self.state, interval_ms=autosave_interval_ms)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.start()
        self.state.template_changed.connect(self._remember_template)
        self.state.undo_stack.cleanChanged.connect(self._update_title)
        self.state.undo_stack.indexChanged.connect(self._update_title)
        self.files.project_changed.connect(self._update_title)
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
        self.library_panel = LibraryPanel(state, self.progress)
        self.library_panel.section_added.connect(self._show_section)
        self.sources_panel.source_activated.connect(self._show_source)
        self.meeting_panel.suggest_requested.connect(self.suggest)
        self.entities_panel.section_requested.connect(self._show_section)
        self.figures_panel.figure_activated.connect(self.show_figure)
        self.preview.figure_clicked.connect(self.show_figure)

    def _build_workflows(self, entity_finder: EntityFinder | None) -> None:
        state, runner, status = self.state, self.runner, self.statusBar()
        self.names = NameFinding(state, runner, self.entities_panel.set_status, entity_finder)
        self.files = FileWorkflow(self, state, runner, status, self.names.start)
        self.output = OutputWorkflow(
            self,
            state,
            runner,
            status,
            self.preview,
            show_place=self._show_place,
            show_in_briefing=self.show_in_briefing,
        )
        self.language = LanguageSwitch(self, state, self.shutdown, self._successor)
        self.sources_panel.open_requested.connect(self.files.open_files)
        self.sources_panel.paste_requested.connect(self.files.paste_source)

    def _commands(self) -> Commands:
        files, output, state = self.files, self.output, self.state
        return Commands(
            new_briefing=files.new_briefing,
            open_files=files.open_files,
            open_with_encoding=files.open_with_encoding,
            open_recent=lambda path: files.open_paths([path]),
            paste_source=files.paste_source,
            save=files.save,
            save_as=files.save_as,
            export=output.export,
            print_briefing=output.print_briefing,
            print_preview=output.print_preview,
            verify_signatures=output.verify_signatures,
            quit=self.close,
            select_all=state.select_all,
            select_none=state.select_none,
            suggest=self.suggest,
            find=self.focus_search,
            find_names_again=self.names.find_again,
            manage_templates=self.manage_templates,
            show_settings=self.show_settings,
            show_template_reference=self._show_template_reference,
            show_user_guide=self._show_user_guide,
            show_about=self._show_about,
        )

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
        self.tabs.addTab(self.library_panel, self.tr("Library"))
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
        self.files.start(files)
        _freeze_start_up()

    def _show_source(self, key: str) -> None:
        for analysis in self.state.analyses:
            if analysis.source.key == key and analysis.sections:
                self._show_section(analysis.sections[0].id)

    def _show_section(self, section_id: str) -> None:
        self.tabs.setCurrentWidget(self.source_view)
        self.source_view.show_section(section_id)

    def show_figure(self, figure_id: str) -> None:
        """A figure asked for (figures table, preview, figure check): its sentence in the text,
        highlighted for a moment; what is chosen stays as it is."""
        self.tabs.setCurrentWidget(self.source_view)
        self.source_view.show_figure(figure_id)

    def _show_place(self, place: Place) -> None:
        if place.figure and self.state.figure(place.figure) is not None:
            self.show_figure(place.figure)
        else:
            self._show_section(place.section)

    def show_in_briefing(self, figure_id: str) -> None:
        """Where the briefing has a figure: its section's row in the order (when that section
        is chosen) and its wording in the figures table, ready to be edited."""
        figure = self.state.figure(figure_id)
        order = self.state.briefing.section_ids()
        if figure is not None and figure.section in order:
            self.arrange_panel.select_row(order.index(figure.section))
        self.tabs.setCurrentWidget(self.figures_panel)
        self.figures_panel.show_figure_text(figure_id)

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

    def _remember_template(self) -> None:
        if self.state.template() is not None:
            preferences.set_value(keys.KEY_LAST_TEMPLATE, self.state.briefing.template)

    def _update_title(self, *_args: object) -> None:
        path = self.files.project_path
        name = path.name if path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Briefing Studio")
        self.setWindowModified(self.state.modified)
        # The title and the autosave's lock name the same file: a recovery restores it.
        self.autosaver.set_project_path(path)

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
        """Rebuild the window in the language just chosen (see ``LanguageSwitch``). Returns the
        new window, or None when an open editor kept this one."""
        successor = self.language.switch()
        if successor is None:
            return None
        self.successor = successor
        self.hide()
        return self.successor

    def _successor(self, workspace: Workspace, briefing: Briefing, modified: bool) -> MainWindow:
        successor = MainWindow(entity_finder=self.names.finder)
        successor.take_over(self, workspace, briefing, modified)
        successor.show()
        return successor

    def take_over(
        self, old: MainWindow, workspace: Workspace, briefing: Briefing, modified: bool
    ) -> None:
        """Show what ``old`` showed: sources, choices, file, unsaved state, layout."""
        self.files.set_project_path(old.files.project_path)
        self.state.reset(workspace, briefing)
        if modified:
            self.state.undo_stack.resetClean()  # still unsaved: the title and Close say so
            self.autosaver.save_now()
        self.setGeometry(old.geometry())
        for mine, theirs in zip(self.splitters(), old.splitters(), strict=True):
            mine.setSizes(theirs.sizes())
        self.tabs.setCurrentIndex(old.tabs.currentIndex())
        self._update_title()
        self.names.start(workspace.analyses)  # only those still without names

    def manage_templates(self) -> None:
        from briefing_studio.ui.template_manager import open_template_manager

        open_template_manager(self, self.state, self.reload_templates)

    def reload_templates(self) -> None:
        """Templates changed on disk (manager, editor, settings): list them again."""
        self.state.set_library(self._new_library())
        self.template_picker.reload()

    def _show_template_reference(self) -> None:
        from briefing_studio.ui.template_dialogs import show_template_reference

        show_template_reference(self)

    def _show_user_guide(self) -> None:
        from briefing_studio.ui.help_windows import show_user_guide

        show_user_guide(self)

    def _show_about(self) -> None:
        from briefing_studio.ui.about import show_about

        show_about(self)

    # ----- closing -------------------------------------------------------------------------

    def busy(self) -> bool:
        """True while loading, finding names or rendering (tests wait for this)."""
        return self.runner.busy() or self.preview.busy

    def shutdown(self) -> None:
        """Stop workers and remove this session's autosave and lock (a clean exit)."""
        self.preview.cancel()
        self.names.stop()
        self.runner.stop()
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
        if not self.files.maybe_save():
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

    # ----- dropping files ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_paths(paths)
