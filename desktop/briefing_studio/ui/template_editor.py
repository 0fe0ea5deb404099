"""The template editor: Jinja files with colours and line numbers, the manifest as a form, and a
live preview of what the unsaved text produces.

Every edit restarts a short timer; when it fires the files are parsed at once (fast, on the UI
thread) and the preview renders in a worker through ``ops`` with the sandbox, exactly as an
export would but from the unsaved buffers. A render that is overtaken by newer typing is
dropped, so the preview never goes back in time. Problems are listed with their file and line;
the line is tinted in its editor. Built-in templates open read-only, with a way to customise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from briefing_studio.document import Document
from briefing_studio.errors import BriefingError
from briefing_studio.templating import store
from briefing_studio.templating.draft import (
    Draft,
    locate,
    sample_briefing,
    syntax_problems,
)
from briefing_studio.templating.manifest import MANIFEST_NAME, Template
from briefing_studio.templating.manifest_writer import leading_comments, manifest_to_toml
from briefing_studio.templating.pipeline import MarkupProblem, make_document
from briefing_studio.templating.sandbox import TIME_LIMIT, check_template_source
from briefing_studio.ui import ops
from briefing_studio.ui.code_editor import CodeEditor
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.jinja_highlighter import JinjaHighlighter
from briefing_studio.ui.manifest_form import ManifestForm
from briefing_studio.ui.preview import PreviewPanel, Rendered, pdf_of, rasterise
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.template_dialogs import (
    TemplateNames,
    ask_template_names,
    show_template_reference,
)
from briefing_studio.ui.window_size import fit_window

EDIT_DEBOUNCE_MS = 300
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class DraftRendered(Rendered):
    """A preview of a draft: the PDF pages plus the ``Document`` behind them."""

    document: Document | None = None

    @property
    def markup(self) -> str:
        """The markup the draft produced (shown beside the preview)."""
        return self.document.markup if self.document is not None else ""


@dataclass(frozen=True)
class Problem:
    """One entry of the problems list; ``file`` is relative to the template folder."""

    message: str
    file: str | None = None
    line: int | None = None

    def text(self) -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else self.file or ""
        return f"{where} — {self.message}" if where else self.message


class DraftPreview(PreviewPanel):
    """The main window's preview panel, rendering the editor's draft instead of the template.

    Page display, zoom, debouncing and dropping stale results are the panel's own; only what is
    rendered differs.
    """

    problem = Signal(object)  # the exception of the newest render, when it failed

    def __init__(
        self,
        state: BriefingState,
        draft_source: Any,
        time_limit: float = TIME_LIMIT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(state, parent)
        self._draft_source = draft_source
        self.time_limit = time_limit
        self.last_draft: Draft | None = None
        self.typing_debounce_ms = EDIT_DEBOUNCE_MS

    def start_render(self) -> None:
        if self._op is not None:
            return  # the running render's end starts the next one
        generation = self.generation
        draft = self._draft_source()
        if draft is None:
            self._show_status(self.tr("Showing the last version that worked."))
            self.shown_generation = generation
            return
        if not self.state.analyses:
            self._show_status(self.tr("Loading the sample texts…"))
            return  # the state's change when they arrive renders again
        workspace, briefing, limit = (
            self.state.workspace,
            self.state.snapshot(),
            self.time_limit,
        )
        width = self.raster_width()

        def task(context: ops.TaskContext) -> DraftRendered:
            document = make_document(
                workspace, briefing, draft.as_template(), overlay=draft.files, time_limit=limit
            )
            pdf = pdf_of(document)
            return DraftRendered(
                pdf=pdf,
                document=document,
                **rasterise(pdf, context.cancelled, width),
            )

        self.last_draft = draft
        self._show_status(self.tr("Updating…"))
        # The editor window may be closed (and deleted) before the worker ends.
        self._op = ops.run_op(
            task,
            lambda result: isValid(self) and self._finished(generation, result),
            label=self.tr("Preview"),
            parent=self,
            on_failure=lambda exc, details: (
                not isValid(self) or self._draft_failed(generation, exc)
            ),
            on_cancelled=lambda: isValid(self) and self._end(generation),
            cancellable=False,
        )

    def _draft_failed(self, generation: int, exc: BaseException) -> bool:
        """Every failure is shown beside the text, never as a dialog: the editor is typing."""
        if generation == self.generation:
            if isinstance(exc, BriefingError):
                message = exc.message(current_language())
            else:
                message = self.tr("Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")
            self._show_status(self.tr("Cannot show the preview: {0}").format(message))
            self.shown_generation = generation
            self.problem.emit(exc)
        self._end(generation)
        return True


class TemplateEditor(QMainWindow):
    """Edits one template folder; ``saved`` and ``customised`` carry the new ``Template``."""

    saved = Signal(object)
    customised = Signal(object)

    def __init__(
        self,
        template: Template,
        user_dir: Path,
        state: BriefingState | None = None,
        parent: QWidget | None = None,
        time_limit: float = TIME_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.user_dir = user_dir
        self.template = template
        self.editors: dict[str, CodeEditor] = {}
        self.highlighters: dict[str, JinjaHighlighter] = {}
        self.header = ""
        self._check_problems: list[Problem] = []
        self._render_problems: list[Problem] = []
        self._loading = False

        self.sample_state = self._sample_state(state)
        self.form = ManifestForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setWidgetResizable(True)
        self.tabs = QTabWidget()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(90)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = DraftPreview(self.sample_state, self.draft, time_limit)
        self.preview.rendered.connect(self._render_succeeded)
        self.preview.problem.connect(self._render_failed)
        self.markup_view = CodeEditor()
        self.markup_view.setReadOnly(True)
        self.markup_highlighter = JinjaHighlighter(self.markup_view.document())
        self.output_tabs = QTabWidget()
        self.output_tabs.addTab(self.preview, self.tr("Preview"))
        self.output_tabs.addTab(self.markup_view, self.tr("Markup"))
        self.output_tabs.setTabToolTip(1, self.tr("What the template produced, before layout"))
        self.banner = self._make_banner()
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(EDIT_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self.run_checks)
        self._build_actions()
        self._build_layout()
        self.form.changed.connect(self._form_edited)
        self.load(template)
        fit_window(self, "template-editor", QSize(1280, 720))

    # Construction -----------------------------------------------------------------------------

    def _sample_state(self, state: BriefingState | None) -> BriefingState:
        """The open briefing when it has sources, else the seed texts loaded in the background."""
        if state is not None and state.analyses:
            return state
        own = BriefingState(self)

        def loaded(sample: Any) -> None:
            if isValid(own):  # the editor may have been closed meanwhile
                workspace, briefing = sample
                own.reset(workspace, briefing)

        ops.run_op(
            lambda _ctx: sample_briefing(),
            loaded,
            label=self.tr("Loading the sample texts"),
            parent=self,
            cancellable=False,
        )
        return own

    def _make_banner(self) -> QFrame:
        banner = QFrame()
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setStyleSheet("QFrame { background: #FFF4CE; }")
        self.banner_label = QLabel(
            self.tr(
                "This is a built-in template: it is read-only. Customise it to get your own "
                "copy in your templates folder, then edit the copy."
            )
        )
        self.banner_label.setWordWrap(True)
        button = QPushButton(self.tr("Customise to edit…"))
        button.clicked.connect(self.customise)
        layout = QHBoxLayout(banner)
        layout.addWidget(self.banner_label, 1)
        layout.addWidget(button)
        return banner

    def _build_actions(self) -> None:
        toolbar = self.addToolBar(self.tr("Template"))
        toolbar.setObjectName("TemplateEditorToolBar")
        toolbar.setMovable(False)
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(self.tr("Save the template (Ctrl+S)"))
        self.save_action.triggered.connect(lambda _c=False: self.save())
        self.customise_action = QAction(self.tr("&Customise…"), self)
        self.customise_action.setToolTip(self.tr("Copy this template into your folder to edit it"))
        self.customise_action.triggered.connect(lambda _c=False: self.customise())
        self.reference_action = QAction(self.tr("&Reference"), self)
        self.reference_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.reference_action.setToolTip(self.tr("Tags, style classes, variables and filters"))
        self.reference_action.triggered.connect(lambda _c=False: show_template_reference(self))
        for action in (self.save_action, self.customise_action, self.reference_action):
            toolbar.addAction(action)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W")]
        )
        self.close_action.setToolTip(self.tr("Close the editor (Ctrl+W)"))
        self.close_action.triggered.connect(lambda _c=False: self.close())
        self.addAction(self.close_action)  # a shortcut of the window, not a toolbar button

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addWidget(QLabel(self.tr("Problems")))
        left_layout.addWidget(self.problems)
        left_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.output_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 560])
        self.splitter = splitter
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    # Loading ----------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.template.origin == "built-in"

    def load(self, template: Template) -> None:
        """Show ``template``'s files and manifest (after opening, customising or saving)."""
        self._loading = True
        try:
            self.template = template
            self.tabs.clear()
            self.editors.clear()
            self.highlighters.clear()
            names = store.template_files(template)
            if template.manifest is None:
                names.append(MANIFEST_NAME)  # the form cannot read it: edit the text
            for name in names:
                self._add_file_tab(name, self._read(template.folder / name))
            if template.manifest is not None:
                self.header = leading_comments(self._read(template.manifest_path))
                self.form.load(template.manifest, template.manifest_path)
                self.tabs.addTab(self.form_scroll, self.tr("Manifest (template.toml)"))
            self.form.set_read_only(self.read_only)
            self.banner.setVisible(self.read_only)
            self.save_action.setEnabled(not self.read_only)
            self.customise_action.setVisible(self.read_only)
            self._update_style_names()
        finally:
            self._loading = False
        self._update_title()
        self.run_checks()
        self.preview.schedule(typing=False)

    def _read(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._check_problems.append(Problem(str(exc), path.name))
            return ""

    def _add_file_tab(self, name: str, text: str) -> None:
        editor = CodeEditor()
        editor.setPlainText(text)
        editor.document().setModified(False)
        editor.setReadOnly(self.read_only)
        editor.setAccessibleName(name)
        self.highlighters[name] = JinjaHighlighter(editor.document())
        editor.textChanged.connect(self._text_edited)
        self.editors[name] = editor
        self.tabs.addTab(editor, name)

    def _update_title(self) -> None:
        name = self.template.name(current_language())
        self.setWindowTitle(
            self.tr("{0} ({1}) — Template editor").format(name, self.template.id) + "[*]"
        )
        self.setWindowModified(self.is_modified())

    # Editing ----------------------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self.form.modified or any(e.document().isModified() for e in self.editors.values())

    def _text_edited(self) -> None:
        if not self._loading:
            self._edited()

    def _form_edited(self) -> None:
        if not self._loading:
            self._update_style_names()
            self._edited()

    def _edited(self) -> None:
        self.setWindowModified(self.is_modified())
        self._check_timer.start()
        self.preview.schedule()

    def _update_style_names(self) -> None:
        names = self.form.style_names()
        for highlighter in self.highlighters.values():
            highlighter.set_style_names(names)
        self.markup_highlighter.set_style_names(names)

    def buffers(self) -> dict[str, str]:
        """Every open file's current text (relative name → text)."""
        return {name: editor.toPlainText() for name, editor in self.editors.items()}

    def draft(self) -> Draft | None:
        """What the preview renders now, or None while a file or the form has a problem."""
        if self.template.manifest is None:
            return None
        try:
            manifest = self.form.manifest()
        except BriefingError:
            return None
        draft = Draft(self.template, manifest, self.buffers())
        return None if syntax_problems(draft) else draft

    # Problems ---------------------------------------------------------------------------------

    def run_checks(self) -> None:
        """Parse every file and validate the form now (fast; nothing runs)."""
        self._check_timer.stop()
        lang = current_language()
        found: list[Problem] = []
        for name, editor in self.editors.items():
            if name == MANIFEST_NAME:
                continue
            for problem in check_template_source(editor.toPlainText(), name):
                found.append(Problem(problem.message, name, problem.line))
        if self.template.manifest is None:
            error = self.template.error
            if error is not None:
                message = error.message_vi if lang == "vi" else error.message_en
            else:
                message = self.template.problem or ""
            found.append(Problem(message, MANIFEST_NAME, error.line if error else None))
        else:
            try:
                self.form.manifest()
            except BriefingError as error:
                found.append(
                    Problem(error.message_vi if lang == "vi" else error.message_en, MANIFEST_NAME)
                )
        self._check_problems = found
        if found:
            self._render_problems = []  # a render of an older text says nothing now
        self._show_problems()

    def _render_succeeded(self, _generation: int) -> None:
        result = self.preview.result
        self._render_problems = []
        if isinstance(result, DraftRendered):
            self.markup_view.setPlainText(result.markup)
            self.markup_view.set_problem_line(None)
        self._show_problems()

    def _render_failed(self, exc: BaseException) -> None:
        lang = current_language()
        if not isinstance(exc, BriefingError):
            self._render_problems = [Problem(f"{type(exc).__name__}: {exc}")]
            self._show_problems()
            return
        draft = self.preview.last_draft
        where = locate(exc, draft) if draft is not None else None
        message = exc.message_vi if lang == "vi" else exc.message_en
        self._render_problems = [
            Problem(message, where.file if where else None, where.line if where else None)
        ]
        if isinstance(exc, MarkupProblem):
            self.markup_view.setPlainText(exc.markup)
            self.markup_view.set_problem_line(exc.markup_line_number)
        self._show_problems()

    def all_problems(self) -> list[Problem]:
        return self._check_problems + self._render_problems

    def _show_problems(self) -> None:
        problems = self.all_problems()
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem(problem.text())
            item.setData(PROBLEM_ROLE, problem)
            item.setToolTip(problem.message)
            self.problems.addItem(item)
        for name, editor in self.editors.items():
            line = next((p.line for p in problems if p.file == name and p.line), None)
            editor.set_problem_line(line)
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            name = next((n for n, e in self.editors.items() if e is widget), MANIFEST_NAME)
            label = self.tabs.tabText(index).removeprefix("⚠ ")
            bad = any(p.file == name for p in problems)
            self.tabs.setTabText(index, f"⚠ {label}" if bad else label)
        if problems:
            self.status.setStyleSheet("color: #C00000")
            self.status.setText(problems[0].text())
        else:
            self.status.setStyleSheet("color: #2E7D32")
            self.status.setText(self.tr("No problems found."))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if not isinstance(problem, Problem) or problem.file is None:
            return
        if problem.file in self.editors:
            editor = self.editors[problem.file]
            self.tabs.setCurrentWidget(editor)
            if problem.line:
                editor.go_to_line(problem.line)
        elif problem.file == MANIFEST_NAME:
            self.tabs.setCurrentWidget(self.form_scroll)

    # Saving -----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the changed files through the store (all at once); False when nothing was."""
        if self.read_only:
            return False
        files = {n: e.toPlainText() for n, e in self.editors.items() if e.document().isModified()}
        if self.form.modified:
            try:
                files[MANIFEST_NAME] = manifest_to_toml(self.form.manifest(), self.header)
            except BriefingError as exc:
                ops.show_error(self, exc)
                return False
        if not files:
            return True
        try:
            saved = store.save_files(self.template, files)
        except BriefingError as exc:
            ops.show_error(self, exc)
            return False
        self.template = saved
        self.form.modified = False
        if saved.manifest is not None and MANIFEST_NAME in self.editors:
            self.load(saved)  # the manifest is readable again: back to the form
        for editor in self.editors.values():
            editor.document().setModified(False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(saved.folder), 6000)
        self.saved.emit(saved)
        return True

    def customise(self) -> Template | None:
        """Copy this (built-in) template into the user folder and go on editing the copy."""
        lang = current_language()
        manifest = self.template.manifest
        try:
            taken = store.taken_ids(self.user_dir)
        except OSError:
            taken = set()
        proposal = TemplateNames(
            store.suggest_id(self.template.id, taken),
            (manifest.name_vi if manifest else self.template.id) + store.COPY_SUFFIX_VI,
            (manifest.name_en if manifest else self.template.id) + store.COPY_SUFFIX_EN,
        )
        names = ask_template_names(self, self.tr("Customise template"), proposal, taken)
        if names is None:
            return None
        try:
            copy = store.customise(
                self.template, names.template_id, self.user_dir, names.name_vi, names.name_en
            )
        except BriefingError as exc:
            ops.show_error(self, exc)
            return None
        self.load(copy)
        self.statusBar().showMessage(
            self.tr("Created “{0}” in {1}").format(copy.name(lang), copy.folder), 8000
        )
        self.customised.emit(copy)
        return copy

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_modified() and not self.read_only:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("The template “{0}” has changes that are not saved. Save them?").format(
                    self.template.id
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        self._check_timer.stop()
        self.preview.cancel()
        event.accept()
