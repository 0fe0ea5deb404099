"""Small dialogs of the template tools: a template's id and names, and the editors' reference.

``ask_template_names`` is a module function (not a method) so the manager and the editor share
it and tests can answer it without clicking.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRegularExpression, QSize
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.templating.reference import build_reference, readme_path
from briefing_studio.ui.help_windows import reading_window
from briefing_studio.ui.window_size import fit_window

_ID_PATTERN = r"[a-z0-9][a-z0-9_-]{0,63}"


@dataclass(frozen=True)
class TemplateNames:
    """What the editor typed: the new id and the two display names."""

    template_id: str
    name_vi: str
    name_en: str


class TemplateNamesDialog(QDialog):
    """Asks for an id (a slug, refused while taken) and names in Vietnamese and English."""

    def __init__(
        self,
        title: str,
        names: TemplateNames,
        taken: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.taken = set(taken)
        self.original_id = names.template_id
        self.id_edit = QLineEdit(names.template_id)
        self.id_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(_ID_PATTERN), self.id_edit)
        )
        self.id_edit.setToolTip(
            self.tr("Lower-case letters without accents, digits, '-' and '_'; e.g. my-embassy")
        )
        self.name_vi = QLineEdit(names.name_vi)
        self.name_en = QLineEdit(names.name_en)
        self.note = QLabel()
        self.note.setStyleSheet("color: #C00000")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.id_edit)
        form.addRow(self.tr("Name (Vietnamese)"), self.name_vi)
        form.addRow(self.tr("Name (English)"), self.name_en)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        for edit in (self.id_edit, self.name_vi, self.name_en):
            edit.textChanged.connect(self._validate)
        fit_window(self, "template-names", QSize(460, self.sizeHint().height()))
        self._validate()

    def _validate(self) -> None:
        template_id = self.id_edit.text()
        problem = ""
        if not QRegularExpression(f"^{_ID_PATTERN}$").match(template_id).hasMatch():
            problem = self.tr("The id must start with a letter or digit.")
        elif template_id in self.taken and template_id != self.original_id:
            problem = self.tr("The id “{0}” is already used.").format(template_id)
        elif not self.name_vi.text().strip() or not self.name_en.text().strip():
            problem = self.tr("Both names are needed.")
        self.note.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def names(self) -> TemplateNames:
        return TemplateNames(
            self.id_edit.text(), self.name_vi.text().strip(), self.name_en.text().strip()
        )


def ask_template_names(
    parent: QWidget | None, title: str, names: TemplateNames, taken: set[str]
) -> TemplateNames | None:
    """The id and names the editor chose, or None when cancelled."""
    dialog = TemplateNamesDialog(title, names, taken, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.names()


def reference_markdown() -> str:
    """The reference page: the shipped README, or generated when it is missing."""
    try:
        return readme_path().read_text(encoding="utf-8")
    except OSError:
        return build_reference()


def show_template_reference(parent: QWidget | None = None) -> QDialog:
    """Help → Template reference: the editors' page rendered from Markdown (one window)."""
    title = QCoreApplication.translate("TemplateReference", "Template reference")
    return reading_window(
        parent, "template-reference", title, reference_markdown(), QSize(900, 700)
    )
