"""Choosing the template: built-in and user templates with their descriptions.

Broken templates stay in the list, greyed out and not selectable, with their problem shown, so
an editor can see why the template they just saved does not appear as usable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.state import BriefingState

TemplateIdRole = Qt.ItemDataRole.UserRole + 5


class TemplatePicker(QWidget):
    """A combo of templates and a description line; changing it is an undoable step."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.items = QStandardItemModel(self)
        self.combo = QComboBox()
        self.combo.setModel(self.items)
        self.combo.setToolTip(
            self.tr("The layout of the briefing: built-in templates and your office's own")
        )
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.activated.connect(self._chosen)
        self.reload_button = QToolButton()
        self.reload_button.setText("⟳")
        self.reload_button.setToolTip(self.tr("Read the template folders again"))
        self.reload_button.clicked.connect(self._reload_clicked)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Template:")))
        row.addWidget(self.combo, 1)
        row.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.description)
        state.template_changed.connect(self._sync)
        self.reload()

    def reload(self) -> None:
        """List the library's templates again (an editor may have added one)."""
        self.items.clear()
        library = self.state.library
        if library is None:
            return
        lang = current_language()
        for template in library.templates():
            item = QStandardItem(template.name(lang))
            item.setData(template.id, TemplateIdRole)
            origin = self.tr("built-in") if template.origin == "built-in" else self.tr("user")
            if template.usable:
                description = template.manifest.description(lang)
                item.setToolTip(f"{template.id} ({origin})\n{description}")
            else:
                item.setText(self.tr("{0} — broken").format(template.name(lang)))
                item.setToolTip(self.tr("Cannot be used: {0}").format(template.problem))
                item.setFlags(
                    item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                )
            item.setData(template.problem or "", Qt.ItemDataRole.UserRole + 6)
            self.items.appendRow(item)
        self._sync()

    def _reload_clicked(self) -> None:
        self.state.set_library(self.state.library)  # forget the cached template too
        self.reload()

    def template_ids(self) -> list[str]:
        return [self.items.item(r).data(TemplateIdRole) for r in range(self.items.rowCount())]

    def choose(self, template_id: str) -> None:
        self.state.set_template(template_id)

    def _chosen(self, row: int) -> None:
        item = self.items.item(row)
        if item is not None and item.isEnabled():
            self.choose(item.data(TemplateIdRole))

    def _sync(self) -> None:
        ids = self.template_ids()
        current = self.state.briefing.template
        if current in ids:
            self.combo.setCurrentIndex(ids.index(current))
        template = self.state.template()
        lang = current_language()
        notes = []
        if template is not None and template.manifest is not None:
            notes.append(template.manifest.description(lang))
        else:
            notes.append(
                self.tr("Template “{0}” is missing or broken; choose another.").format(current)
            )
        problem = getattr(self.state.library, "folder_problem", None)
        if problem:
            notes.append(problem)
        self.description.setText("\n".join(n for n in notes if n))
