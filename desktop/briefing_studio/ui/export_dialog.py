"""Export: choose a folder, the formats and a file name; afterwards open the folder or file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

FORMAT_CHOICES = (("docx",), ("pdf",), ("docx", "pdf"))


class ExportDialog(QDialog):
    """Folder, formats (DOCX / PDF / both) and the file name without suffix."""

    def __init__(self, folder: str, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing"))
        self.folder = QLineEdit(folder)
        self.folder.setToolTip(self.tr("The folder the files are written to"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setToolTip(self.tr("Choose the folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.docx = QRadioButton(self.tr("Word (DOCX)"))
        self.pdf = QRadioButton(self.tr("PDF"))
        self.both = QRadioButton(self.tr("Both"))
        self.both.setChecked(True)
        formats = QHBoxLayout()
        for button in (self.docx, self.pdf, self.both):
            formats.addWidget(button)
        formats.addStretch(1)
        self.stem = QLineEdit(stem)
        self.stem.setToolTip(self.tr("File name without .docx / .pdf"))
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Formats"), formats)
        form.addRow(self.tr("File name"), self.stem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def formats(self) -> list[str]:
        if self.docx.isChecked():
            return ["docx"]
        if self.pdf.isChecked():
            return ["pdf"]
        return ["docx", "pdf"]

    def values(self) -> tuple[Path, list[str], str]:
        return Path(self.folder.text().strip()), self.formats(), self.stem.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _accept(self) -> None:
        folder, formats, stem = self.values()
        if not str(folder) or not stem or any(c in stem for c in '/\\:*?"<>|'):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr('Choose a folder and a file name without / \\ : * ? " < > |.'),
            )
            return
        existing = [
            folder / f"{stem}.{fmt}" for fmt in formats if (folder / f"{stem}.{fmt}").exists()
        ]
        if existing:
            names = "\n".join(str(p) for p in existing)
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("Replace the existing files?\n{0}").format(names)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()


def offer_to_open(parent: QWidget | None, files: list[Path]) -> None:
    """After exporting: Open folder / Open file / Close."""
    if not files:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export finished"))
    box.setText(
        QCoreApplication.translate("ExportDialog", "Written:\n{0}").format(
            "\n".join(str(f) for f in files)
        )
    )
    open_folder = box.addButton(
        QCoreApplication.translate("ExportDialog", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    open_file = box.addButton(
        QCoreApplication.translate("ExportDialog", "Open file"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    target = files[0].parent if clicked is open_folder else files[-1]
    if clicked in (open_folder, open_file) and not QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(target))
    ):
        show_path_to_copy(parent, target)


def show_path_to_copy(parent: QWidget | None, path: Path) -> None:
    """No program opens folders or files here (openUrl said no): say so, with the path to copy."""
    box = QMessageBox(parent)
    box.setObjectName("PathToCopy")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Cannot open"))
    box.setText(
        QCoreApplication.translate(
            "ExportDialog",
            "This computer has no program set up to open it. Open it yourself from here:\n\n{0}",
        ).format(path)
    )
    flags = Qt.TextInteractionFlag
    box.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    copy = box.addButton(
        QCoreApplication.translate("ExportDialog", "Copy the path"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("ExportDialog", "Close"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(str(path))
