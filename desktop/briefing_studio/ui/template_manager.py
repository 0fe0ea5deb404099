"""The template manager: the built-in and the office's templates, and what can be done to them.

Every template is listed, broken ones too (greyed, with their problem), because an editor who
just saved a mistake must see why it is not usable. Besides the manifest checks the library
does, each template is run once in the background on the sample briefing, so a template that
fails only when run (an unknown tag, an unsafe attribute, an endless loop) is flagged as well.
The folder may be a network drive: when it is offline the built-ins are still listed and the
manager says why the others are missing. Changes go through ``templating.store`` in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.errors import BriefingError
from briefing_studio.templating import TemplateLibrary, store
from briefing_studio.templating.draft import check_template, sample_briefing
from briefing_studio.templating.manifest import Template
from briefing_studio.templating.sandbox import TIME_LIMIT
from briefing_studio.ui import ops, preferences
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.template_dialogs import (
    TemplateNames,
    ask_template_names,
    show_template_reference,
)
from briefing_studio.ui.template_editor import TemplateEditor
from briefing_studio.ui.window_size import fit_window

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1
GREY = QColor("#8A8A8A")
_manager: TemplateManager | None = None


class TemplateManager(QDialog):
    """Lists templates and runs Customise, Edit, Rename, Delete, Import, Export, Open folder."""

    templates_changed = Signal()

    def __init__(
        self,
        state: BriefingState | None = None,
        user_dir: Path | None = None,
        parent: QWidget | None = None,
        time_limit: float = TIME_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Templates"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.state = state
        self.user_dir = user_dir if user_dir is not None else preferences.templates_dir()
        self.time_limit = time_limit
        self.on_changed: Callable[[], None] | None = None
        self.templates: list[Template] = []
        self.checks: dict[Path, BriefingError | None] = {}
        self.editors: dict[Path, TemplateEditor] = {}
        self._sample: Any = None
        self._check_op: ops.Op | None = None
        self._change_op: ops.Op | None = None
        self._check_generation = 0

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_problem = QLabel()
        self.folder_problem.setWordWrap(True)
        self.folder_problem.setStyleSheet("color: #C00000")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Id"), self.tr("Origin"), self.tr("Description or problem")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build_buttons()
        self._build_layout()
        fit_window(self, "template-manager", QSize(1000, 520))
        self.refresh()

    # Layout -----------------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _build_buttons(self) -> None:
        self.customise_button = self._button(
            self.tr("Customise…"),
            self.tr("Copy the template into your folder to change it"),
            self.customise_selected,
        )
        self.edit_button = self._button(
            self.tr("Edit…"),
            self.tr("Open the template in the editor (built-ins read-only)"),
            self.edit_selected,
        )
        self.rename_button = self._button(
            self.tr("Rename…"),
            self.tr("Change the id or the names of your template"),
            self.rename_selected,
        )
        self.delete_button = self._button(
            self.tr("Delete…"), self.tr("Remove your template (asks first)"), self.delete_selected
        )
        self.import_button = self._button(
            self.tr("Import .zip…"),
            self.tr("Add a template another office shared"),
            self.import_zip,
        )
        self.export_button = self._button(
            self.tr("Export .zip…"),
            self.tr("Save the template as one file to share"),
            self.export_selected,
        )
        self.folder_button = self._button(
            self.tr("Open folder"),
            self.tr("Show the template's folder in the file manager"),
            self.open_folder,
        )
        self.reference_button = self._button(
            self.tr("Template reference"),
            self.tr("Tags, style classes, variables and filters"),
            lambda: show_template_reference(self),
        )
        self.close_button = self._button(self.tr("Close"), self.tr("Close this window"), self.close)

    def _build_layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (
            self.customise_button,
            self.edit_button,
            self.rename_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        for button in (self.import_button, self.export_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reference_button)
        buttons.addWidget(self.close_button)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.folder_problem)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)

    # Listing ----------------------------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        """Read the folders again, list every template, then check them in the background."""
        current = self.selected()
        select = select or (current.folder if current else None)
        store.recover_interrupted(self.user_dir)
        library = TemplateLibrary(self.user_dir)
        self.templates = library.templates()
        self.folder_label.setText(self.tr("Your templates folder: {0}").format(self.user_dir))
        self.folder_problem.setText(library.folder_problem or "")
        self.folder_problem.setVisible(bool(library.folder_problem))
        self.checks = {
            t.folder: t.error for t in self.templates if not t.usable and t.error is not None
        }
        self._fill(select)
        self.start_checks()

    def _fill(self, select: Path | None) -> None:
        self.tree.clear()
        lang = current_language()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for template in self.templates:
            origin = self.tr("built-in") if template.origin == "built-in" else self.tr("yours")
            item = QTreeWidgetItem([template.name(lang), template.id, origin, ""])
            item.setData(0, TEMPLATE_ROLE, template)
            self.tree.addTopLevelItem(item)
            self._show_state(item, template, warning)
            if select is not None and template.folder == select:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def _show_state(self, item: QTreeWidgetItem, template: Template, warning: Any) -> None:
        lang = current_language()
        problem = self.problem_of(template)
        if problem is not None:
            text = short_message(problem, lang) if isinstance(problem, BriefingError) else problem
            item.setText(3, self.tr("Cannot be used: {0}").format(text.splitlines()[0]))
            item.setIcon(0, warning)
            for column in range(4):
                item.setForeground(column, QBrush(GREY))
                item.setToolTip(column, text)
            return
        description = template.manifest.description(lang) if template.manifest else ""
        if template.folder not in self.checks:
            description = self.tr("Checking…") + (f" {description}" if description else "")
        item.setText(3, description)
        item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        for column in range(4):
            item.setToolTip(column, f"{template.folder}\n{description}")

    def problem_of(self, template: Template) -> BriefingError | str | None:
        """Why the template cannot be used (library or background check), else None."""
        found = self.checks.get(template.folder)
        if found is not None:
            return found
        return template.problem

    def row_of(self, template_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.text(1) == template_id:
                return item
        return None

    def selected(self) -> Template | None:
        item = self.tree.currentItem()
        return item.data(0, TEMPLATE_ROLE) if item is not None else None

    def select(self, template_id: str) -> None:
        item = self.row_of(template_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _update_buttons(self) -> None:
        template = self.selected()
        busy = self._change_op is not None
        user = template is not None and template.origin == "user"
        self.customise_button.setEnabled(
            not busy and template is not None and template.manifest is not None
        )
        self.edit_button.setEnabled(template is not None)
        self.rename_button.setEnabled(not busy and user)
        self.delete_button.setEnabled(not busy and user)
        self.export_button.setEnabled(not busy and template is not None)
        self.import_button.setEnabled(not busy)

    # Background checks ------------------------------------------------------------------------

    def busy(self) -> bool:
        """True while templates are being checked or changed (tests wait for this)."""
        return self._check_op is not None or self._change_op is not None

    def start_checks(self) -> None:
        """Run every usable template on the sample briefing in a worker."""
        if self._check_op is not None:
            self._check_op.cancel()
        self._check_generation += 1
        generation = self._check_generation
        templates = [t for t in self.templates if t.usable]
        sample = self._current_sample()
        limit = self.time_limit

        def task(context: ops.TaskContext) -> tuple[Any, dict[Path, BriefingError | None]]:
            workspace, briefing = sample or sample_briefing()
            results: dict[Path, BriefingError | None] = {}
            for done, template in enumerate(templates):
                if context.cancelled():
                    raise ops.Cancelled()
                context.progress(done, len(templates))
                results[template.folder] = check_template(workspace, briefing, template, limit)
            return (workspace, briefing), results

        def finished(result: tuple[Any, dict[Path, BriefingError | None]]) -> None:
            if generation != self._check_generation:
                return
            self._sample = result[0] if sample is None else self._sample
            self.checks.update(result[1])
            self._refresh_states()
            broken = sum(1 for t in self.templates if self.problem_of(t) is not None)
            self.status.setText(
                self.tr("%n template(s) cannot be used.", "", broken)
                if broken
                else self.tr("All templates work.")
            )

        def failed(exc: BaseException, _details: str) -> bool:
            if generation == self._check_generation and isinstance(exc, BriefingError):
                self.status.setText(
                    self.tr("The templates could not be checked: {0}").format(
                        exc.message(current_language())
                    )
                )
                return True
            return False

        self.status.setText(self.tr("Checking the templates…"))
        op = ops.run_op(
            task, finished, label=self.tr("Checking the templates"), parent=self, on_failure=failed
        )
        self._check_op = op
        op.finished.connect(lambda: self._clear_check_op(op))

    def _clear_check_op(self, op: ops.Op) -> None:
        if self._check_op is op:
            self._check_op = None

    def _current_sample(self) -> Any:
        if self.state is not None and self.state.analyses:
            return self.state.workspace, self.state.snapshot()
        return self._sample

    def _refresh_states(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            self._show_state(item, item.data(0, TEMPLATE_ROLE), warning)

    # Changes ----------------------------------------------------------------------------------

    def _change(
        self,
        task: Callable[[ops.TaskContext], Any],
        done: Callable[[Any], None],
        label: str,
        on_failure: Callable[[BaseException, str], bool] | None = None,
    ) -> ops.Op:
        def finished(result: Any) -> None:
            done(result)

        op = ops.run_op(
            task, finished, label=label, parent=self, on_failure=on_failure, cancellable=False
        )
        self._change_op = op
        op.finished.connect(lambda: self._change_done(op))
        self._update_buttons()
        return op

    def _change_done(self, op: ops.Op) -> None:
        if self._change_op is op:
            self._change_op = None
        self._update_buttons()

    def _changed(self, message: str, select: Path | None = None) -> None:
        self.refresh(select)
        self.status.setText(message)
        self.templates_changed.emit()
        if self.on_changed is not None:
            self.on_changed()

    def customise_selected(self) -> None:
        template = self.selected()
        if template is None or template.manifest is None:
            return
        taken = store.taken_ids(self.user_dir)
        proposal = TemplateNames(
            store.suggest_id(template.id, taken),
            template.manifest.name_vi + store.COPY_SUFFIX_VI,
            template.manifest.name_en + store.COPY_SUFFIX_EN,
        )
        names = ask_template_names(self, self.tr("Customise template"), proposal, taken)
        if names is None:
            return
        user_dir = self.user_dir

        def done(copy: Template) -> None:
            self._changed(self.tr("Created “{0}”.").format(copy.id), copy.folder)
            self.open_editor(copy)

        self._change(
            lambda _ctx: store.customise(
                template, names.template_id, user_dir, names.name_vi, names.name_en
            ),
            done,
            self.tr("Copying the template"),
        )

    def edit_selected(self) -> TemplateEditor | None:
        template = self.selected()
        return self.open_editor(template) if template is not None else None

    def open_editor(self, template: Template) -> TemplateEditor:
        """The editor of ``template`` (one window per folder)."""
        editor = self.editors.get(template.folder)
        if editor is not None:
            try:
                editor.show()
                editor.raise_()
                editor.activateWindow()
                return editor
            except RuntimeError:  # closed and deleted
                del self.editors[template.folder]
        editor = TemplateEditor(template, self.user_dir, self.state, self, self.time_limit)
        editor.saved.connect(
            lambda saved: self._changed(self.tr("Saved “{0}”.").format(saved.id), saved.folder)
        )
        editor.customised.connect(lambda copy, old=template.folder: self._editor_copied(old, copy))
        editor.destroyed.connect(lambda *_a, folder=template.folder: self.editors.pop(folder, None))
        self.editors[template.folder] = editor
        editor.show()
        return editor

    def _editor_copied(self, old: Path, copy: Template) -> None:
        editor = self.editors.pop(old, None)
        if editor is not None:
            self.editors[copy.folder] = editor
        self._changed(self.tr("Created “{0}”.").format(copy.id), copy.folder)

    def _close_editor(self, template: Template) -> bool:
        """Close an open editor of ``template`` first; False when the editor kept it open."""
        editor = self.editors.get(template.folder)
        if editor is None:
            return True
        try:
            return editor.close()
        except RuntimeError:
            return True

    def rename_selected(self) -> None:
        template = self.selected()
        if template is None or template.origin != "user" or not self._close_editor(template):
            return
        manifest = template.manifest
        current = TemplateNames(
            template.id,
            manifest.name_vi if manifest else template.id,
            manifest.name_en if manifest else template.id,
        )
        names = ask_template_names(
            self, self.tr("Rename template"), current, store.taken_ids(self.user_dir)
        )
        if names is None or names == current:
            return
        new_id = names.template_id if names.template_id != template.id else None
        self._change(
            lambda _ctx: store.rename(template, new_id, names.name_vi, names.name_en),
            lambda renamed: self._changed(
                self.tr("Renamed to “{0}”.").format(renamed.id), renamed.folder
            ),
            self.tr("Renaming the template"),
        )

    def delete_selected(self) -> None:
        template = self.selected()
        if template is None or template.origin != "user":
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr(
                "Delete the template “{0}” ({1})?\nIts folder {2} is removed for everyone "
                "who shares it. This cannot be undone."
            ).format(template.name(current_language()), template.id, template.folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or not self._close_editor(template):
            return
        self._change(
            lambda _ctx: store.delete(template),
            lambda _r: self._changed(self.tr("Deleted “{0}”.").format(template.id)),
            self.tr("Deleting the template"),
        )

    def import_zip(self, path: Path | None = None, on_clash: store.Clash = "refuse") -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import template"),
                preferences.last_folder(),
                self.tr("Template archives (*.zip)"),
            )
            if not name:
                return
            path = Path(name)
        chosen, user_dir = path, self.user_dir

        def failed(exc: BaseException, _details: str) -> bool:
            if isinstance(exc, store.TemplateIdTaken):
                choice = self.ask_clash(exc.template_id)
                if choice is not None:
                    self._change_op = None
                    self.import_zip(chosen, choice)
                return True
            return False

        self._change(
            lambda _ctx: store.import_zip(chosen, user_dir, on_clash),
            lambda imported: self._changed(
                self.tr("Imported “{0}”.").format(imported.id), imported.folder
            ),
            self.tr("Importing the template"),
            failed,
        )

    def ask_clash(self, template_id: str) -> store.Clash | None:
        """Keep both (the import gets a new id), replace, or cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import template"))
        box.setText(self.tr("A template with the id “{0}” already exists.").format(template_id))
        keep = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is keep:
            return "rename"
        if box.clickedButton() is replace:
            return "replace"
        return None

    def export_selected(self) -> None:
        template = self.selected()
        if template is None:
            return
        start = str(Path(preferences.last_folder()) / f"{template.id}.zip")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export template"), start, self.tr("Template archives (*.zip)")
        )
        if not name:
            return
        target = Path(name) if name.lower().endswith(".zip") else Path(name + ".zip")
        self._change(
            lambda _ctx: store.export_zip(template, target),
            lambda path: self.status.setText(self.tr("Exported to {0}").format(path)),
            self.tr("Exporting the template"),
        )

    def open_folder(self) -> None:
        template = self.selected()
        folder = template.folder if template is not None else self.user_dir
        if not folder.is_dir():
            QMessageBox.warning(
                self,
                self.tr("Open folder"),
                self.tr("The folder {0} cannot be reached.").format(folder),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def closeEvent(self, event: Any) -> None:
        if self._check_op is not None:
            self._check_op.cancel()
        super().closeEvent(event)


def short_message(error: BriefingError, lang: str) -> str:
    """The message with the file's name and line instead of its full path (rows are short)."""
    text = error.message_vi if lang == "vi" else error.message_en
    if error.path is None:
        return text
    where = Path(error.path).name + (f":{error.line}" if error.line else "")
    return f"{where}: {text}"


def open_template_manager(
    parent: QWidget | None,
    state: BriefingState | None = None,
    on_changed: Callable[[], None] | None = None,
) -> TemplateManager:
    """Templates → Manage templates…: the one manager window, shown and raised.

    ``state`` is the open briefing (previews and checks use it; the seed texts otherwise);
    ``on_changed`` runs after any template was created, changed or removed.
    """
    global _manager
    if _manager is not None:
        try:
            _manager.state = state
            _manager.on_changed = on_changed
            _manager.user_dir = preferences.templates_dir()
            _manager.refresh()
            _manager.show()
            _manager.raise_()
            _manager.activateWindow()
            return _manager
        except RuntimeError:  # deleted with its parent
            _manager = None
    _manager = TemplateManager(state, None, parent)
    _manager.on_changed = on_changed
    _manager.show()
    return _manager
